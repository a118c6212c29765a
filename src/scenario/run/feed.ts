// Feeding a population into a run: from a file (streamed), from the generator, or from rows in memory.
import { createReadStream, statSync } from 'node:fs';
import { generatePopulation, type GeneratorOptions } from '../population/generator.ts';
import { readPopulation, type PopulationFormat } from '../population/read.ts';
import type { Progress } from './progress.ts';
import type { ScenarioRun } from './tally.ts';

export async function feedFile(run: ScenarioRun, path: string, format: PopulationFormat, progress?: (total: number) => Progress): Promise<void> {
  const bar = progress?.(statSync(path).size);
  for await (const batch of readPopulation(createReadStream(path, { highWaterMark: 1 << 16 }) /* small batches: rows die young, GC stays cheap */, format)) {
    // In line order, so the errors kept (and listed) are the first ones of the file.
    let e = 0;
    for (const row of batch.rows) {
      while (e < batch.errors.length && batch.errors[e]!.line < row.line) run.error(batch.errors[e++]!);
      run.add(row);
    }
    while (e < batch.errors.length) run.error(batch.errors[e++]!);
    bar?.update(batch.bytes, run.cases);
  }
  bar?.end();
}

export function feedGenerated(run: ScenarioRun, spec: GeneratorOptions, progress?: (total: number) => Progress): void {
  const bar = progress?.(spec.size);
  let n = 0;
  for (const row of generatePopulation(spec)) {
    run.add(row);
    if ((++n & 0xffff) === 0) bar?.update(n, run.cases);
  }
  bar?.end();
}
