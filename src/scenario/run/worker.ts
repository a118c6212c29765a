// One worker thread of a parallel run (parallel.ts): compiles the regulations of the plan, evaluates the
// lines or generator ranges it is handed, and posts back its counts, first examples and first errors.
import { parentPort, workerData } from 'node:worker_threads';
import { CsvPopulation } from '../population/csv.ts';
import { generatePopulation } from '../population/generator.ts';
import { decode } from '../population/lines.ts';
import { parseLine } from '../population/read.ts';
import { setupOf } from './plan.ts';
import { Tally } from './tally.ts';
import type { WorkerResult, WorkerSetup, WorkerTask } from './parallel.ts';

const setup = workerData as WorkerSetup;
const tally = new Tally(setupOf(setup.plan), setup.maxErrors);
const csv = setup.csvHeader === undefined ? undefined : CsvPopulation.fromHeader(setup.csvHeader) as CsvPopulation;
const port = parentPort!;

port.on('message', (task: WorkerTask) => {
  try {
    if (task.kind === 'lines') {
      const lines = decode(Buffer.from(task.buffer)).split('\n');
      lines.pop(); // the batch ends with a newline
      for (let i = 0; i < lines.length; i++) {
        const r = parseLine(lines[i]!, task.first + i, csv);
        if (Array.isArray(r)) for (const e of r) tally.error(e);
        else tally.add(r);
      }
      port.postMessage({ kind: 'done' });
    } else if (task.kind === 'generate') {
      for (const row of generatePopulation({ size: task.size, seed: task.seed }, task.from, task.to)) tally.add(row);
      port.postMessage({ kind: 'done' });
    } else {
      const result: WorkerResult = { ...tally.counts(), errors: tally.errors, errorCount: tally.errorCount, states: tally.setup.states.map((s) => s.id) };
      port.postMessage({ kind: 'result', result });
    }
  } catch (e) {
    port.postMessage({ kind: 'error', message: (e as Error).stack ?? String(e) });
  }
});
