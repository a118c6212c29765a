// Report renderers: Markdown (default), JSON, CSV of the transition rows, standalone HTML (html.ts).
import type { ScenarioReport } from '../model/report-schema.ts';
import { reportDocument, type Block } from './document.ts';
import { renderHtml } from './html.ts';

export const FORMATS = ['md', 'json', 'csv', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export function render(report: ScenarioReport, format: Format): string {
  switch (format) {
    case 'json': return JSON.stringify(report, null, 2) + '\n';
    case 'csv': return transitionsCsv(report);
    case 'html': return renderHtml(report, reportDocument(report));
    case 'md': return markdown(reportDocument(report));
  }
}

const esc = (s: string | number) => String(s).replaceAll('|', '\\|');

export function markdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'h') out.push(`${'#'.repeat(b.level)} ${b.text}`);
    else if (b.kind === 'p') out.push(b.text);
    else if (b.kind === 'list') out.push(b.items.map((i) => `- ${i}`).join('\n'));
    else if (b.kind === 'table') {
      out.push([
        `| ${b.head.map(esc).join(' | ')} |`,
        `|${b.numeric.map((n) => (n ? ' ---: ' : ' --- ')).join('|')}|`,
        ...b.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
      ].join('\n'));
    } // charts: HTML only
  }
  return out.join('\n\n') + '\n';
}

const csvCell = (v: string | number) => (typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : String(v));

/** Every cell of every scope's transition matrix (diagonal included), one row each. */
export function transitionsCsv(r: ScenarioReport): string {
  const label = (id: string) => r.states.find((s) => s.id === id)?.label ?? id;
  const rows = [['scope', 'scope_id', 'scope_name', 'from', 'to', 'from_label', 'to_label', 'count']];
  for (const s of r.scopes) for (const t of s.transitions) rows.push([s.kind, s.id, s.name, t.from, t.to, label(t.from), label(t.to), String(t.count)]);
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
