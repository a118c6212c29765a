// Population as NDJSON: one JSON object a line, `{ "id"?, "municipality"?, "case": { … } }`, validated by
// the zod schema of a population record (the case schema inside it). Problems name line and JSON path.
import { PopulationRecord, type PopulationError, type PopulationRow } from '../model/schema.ts';

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
  const { id, municipality, case: c } = parsed.data;
  const m = municipality ?? c.residence?.municipality;
  if (!m) return [{ line, column: 'municipality', message: 'geen gemeente: vul municipality of case.residence.municipality' }];
  return { line, ...(id !== undefined && { id: String(id) }), municipality: m, case: c };
}

export function ndjsonLine(row: { id?: string; municipality: string; case: unknown }): string {
  return JSON.stringify({ ...(row.id !== undefined && { id: row.id }), municipality: row.municipality, case: row.case });
}
