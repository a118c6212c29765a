// Population as NDJSON: one JSON object a line, `{ "id"?, "municipality"?, "case": { … } }`, validated by
// the zod schema of a population record (the case schema inside it). Problems name line and JSON path.
import { PopulationRecord, type PopulationError, type PopulationRow } from '../model/schema.ts';
import { rowOf } from './records.ts';

export function ndjsonRow(text: string, line: number): PopulationRow | PopulationError[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    return [{ line, ...(at && { column: `teken ${Number(at[1]) + 1}` }), message: `geen geldige JSON: ${(e as Error).message}` }];
  }
  const parsed = PopulationRecord.safeParse(raw);
  if (!parsed.success) {
    return parsed.error.issues.map((i) => ({ line, column: i.path.join('.') || '$', message: i.message }));
  }
  const row = rowOf(parsed.data, line);
  return 'message' in row ? [row] : row;
}

export function ndjsonLine(row: { id?: string; municipality: string; case: unknown }): string {
  return JSON.stringify({ ...(row.id !== undefined && { id: row.id }), municipality: row.municipality, case: row.case });
}
