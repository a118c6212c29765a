// Feeding a population into a tally: inline records, the generator, or a file streamed from disk; the
// generator and a file can be shared out over worker threads (parallel.ts).
import { createReadStream, statSync } from 'node:fs';
import type { PopulationRecord } from '../model/schema.ts';
import { generatePopulation, type GeneratorOptions } from '../population/generator.ts';
import { readPopulation, type PopulationFormat } from '../population/read.ts';
import { rowOf } from '../population/records.ts';
import { feedFileParallel, generateParallel } from './parallel.ts';
import type { Progress } from './progress.ts';
import type { Tally } from './tally.ts';

/** Where the cases come from: described rather than handed over as rows, so that workers can share it. */
export type Population =
  | { cases: PopulationRecord[] }
  | { generate: { size: number; seed: number } }
  | { file: string; format: PopulationFormat };

export interface FeedOptions {
  /** Worker threads for the generator or a file; 0 (the default): everything in this thread. */
  workers?: number;
  /** A progress display for a population of `total` (bytes of a file, or cases generated). */
  progress?: (total: number) => Progress;
}

export async function feed(tally: Tally, population: Population, { workers = 0, progress }: FeedOptions = {}): Promise<void> {
  if ('cases' in population) feedRecords(tally, population.cases);
  else if ('generate' in population) {
    if (workers > 0) await generateParallel(tally, population.generate, workers, progress);
    else feedGenerated(tally, population.generate, progress);
  } else if (workers > 0) await feedFileParallel(tally, population.file, population.format, workers, progress);
  else await feedFile(tally, population.file, population.format, progress);
}

/** Records in memory, numbered from 1 as their place in the list. */
function feedRecords(tally: Tally, records: PopulationRecord[]): void {
  records.forEach((record, i) => {
    const row = rowOf(record, i + 1);
    if ('message' in row) tally.error(row);
    else tally.add(row);
  });
}

export async function feedFile(tally: Tally, path: string, format: PopulationFormat, progress?: (total: number) => Progress): Promise<void> {
  const bar = progress?.(statSync(path).size);
  for await (const batch of readPopulation(createReadStream(path, { highWaterMark: 1 << 16 }) /* small batches: rows die young, GC stays cheap */, format)) {
    // In line order, so the errors kept (and listed) are the first ones of the file.
    let e = 0;
    for (const row of batch.rows) {
      while (e < batch.errors.length && batch.errors[e]!.line < row.line) tally.error(batch.errors[e++]!);
      tally.add(row);
    }
    while (e < batch.errors.length) tally.error(batch.errors[e++]!);
    bar?.update(batch.bytes, tally.cases);
  }
  bar?.end();
}

export function feedGenerated(tally: Tally, spec: GeneratorOptions, progress?: (total: number) => Progress): void {
  const bar = progress?.(spec.size);
  let n = 0;
  for (const row of generatePopulation(spec)) {
    tally.add(row);
    if ((++n & 0xffff) === 0) bar?.update(n, tally.cases);
  }
  bar?.end();
}
