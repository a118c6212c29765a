// Reading a population file as a stream of row batches (CSV or NDJSON), with every problem kept.
import type { Readable } from 'node:stream';
import { chomp, lineBatches } from './lines.ts';
import { CsvPopulation } from './csv.ts';
import { ndjsonRow } from './ndjson.ts';
import type { PopulationError, PopulationRow } from '../model/schema.ts';

export type PopulationFormat = 'csv' | 'ndjson';

export interface RowBatch {
  rows: PopulationRow[];
  errors: PopulationError[];
  /** Bytes read so far. */
  bytes: number;
}

export const formatOf = (path: string): PopulationFormat | undefined =>
  /\.csv$/i.test(path) ? 'csv' : /\.(nd)?jsonl?$/i.test(path) ? 'ndjson' : undefined;

/** One line of a population file (not the CSV header): a row, or its problems. */
export function parseLine(text: string, line: number, csv: CsvPopulation | undefined): PopulationRow | PopulationError[] {
  const t = chomp(text);
  if (t.trim() === '') return [{ line, message: 'lege regel' }];
  return csv ? csv.row(t, line) : ndjsonRow(t, line);
}

export async function* readPopulation(stream: Readable, format: PopulationFormat): AsyncGenerator<RowBatch> {
  let csv: CsvPopulation | undefined;
  for await (const batch of lineBatches(stream)) {
    const rows: PopulationRow[] = [];
    const errors: PopulationError[] = [];
    for (let i = 0; i < batch.lines.length; i++) {
      const line = batch.first + i;
      if (format === 'csv' && line === 1) {
        const header = CsvPopulation.fromHeader(chomp(batch.lines[i]!).replace(/^\uFEFF/, ''));
        if (Array.isArray(header)) {
          yield { rows, errors: header, bytes: batch.bytes };
          return; // without a valid header no line can be read
        }
        csv = header;
        continue;
      }
      const r = parseLine(batch.lines[i]!, line, csv);
      if (Array.isArray(r)) errors.push(...r);
      else rows.push(r);
    }
    yield { rows, errors, bytes: batch.bytes };
  }
  if (format === 'csv' && !csv) yield { rows: [], errors: [{ line: 1, message: 'leeg bestand: de kopregel ontbreekt' }], bytes: 0 };
}
