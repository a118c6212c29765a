// The diff report as JSON: the DiffReport schema (report.ts), the same body the API returns.
import type { DiffReport } from '../model/report.ts';

export const renderJson = (report: DiffReport): string => `${JSON.stringify(report, null, 2)}\n`;
