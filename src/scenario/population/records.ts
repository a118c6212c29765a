// A population record (an NDJSON line, an inline case of the API) as a row of the population.
import type { PopulationError, PopulationRecord, PopulationRow } from '../model/schema.ts';

/** The municipality whose regulation applies is the one named, else the one the applicant lives in. */
export function rowOf(record: PopulationRecord, line: number): PopulationRow | PopulationError {
  const municipality = record.municipality ?? record.case.residence?.municipality;
  if (!municipality) return { line, column: 'municipality', message: 'geen gemeente: vul municipality of case.residence.municipality' };
  return { line, ...(record.id !== undefined && { id: String(record.id) }), municipality, case: record.case };
}
