// The same run spread over worker threads: each worker compiles the resolved regulations it is handed
// (plain data, so it loads no rule base), evaluates its share of the population and posts back its counts, its first examples per
// cell and its first errors. The main thread only reads the file and cuts it at line ends. Merged by line
// number, the report is identical to a run in one thread (a test holds them equal).
import { createReadStream, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { CsvPopulation } from '../population/csv.ts';
import type { PopulationFormat } from '../population/read.ts';
import type { Progress } from './progress.ts';
import type { Counts, Tally } from './tally.ts';
import { planOf, type RunPlan } from './plan.ts';

/** What a worker starts from: the resolved regulations as plain data (no rule base to load). */
export interface WorkerSetup {
  plan: RunPlan;
  csvHeader?: string;
  maxErrors: number;
}

export type WorkerTask =
  | { kind: 'lines'; first: number; buffer: ArrayBuffer; format: PopulationFormat }
  | { kind: 'generate'; size: number; seed: number; from: number; to: number }
  | { kind: 'finish' };

export interface WorkerResult extends Counts {
  errors: { line: number; column?: string; message: string }[];
  errorCount: number;
  states: string[];
}

const ENTRY = new URL('./worker-entry.cjs', import.meta.url);
/** Batches in flight per worker: enough to keep it busy, few enough to keep memory flat. */
const IN_FLIGHT = 4;

interface Handle {
  worker: Worker;
  pending: number;
  waiters: (() => void)[];
  result: Promise<WorkerResult>;
}

function start(setup: WorkerSetup): Handle {
  // A larger young generation: rows die young, and a scavenge is far cheaper than a promotion.
  const worker = new Worker(ENTRY, { workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
  const handle: Handle = { worker, pending: 0, waiters: [], result: undefined as unknown as Promise<WorkerResult> };
  handle.result = new Promise<WorkerResult>((resolve, reject) => {
    worker.on('message', (m: { kind: 'done' } | { kind: 'result'; result: WorkerResult } | { kind: 'error'; message: string }) => {
      if (m.kind === 'done') {
        handle.pending--;
        handle.waiters.shift()?.();
      } else if (m.kind === 'result') resolve(m.result);
      else reject(new Error(m.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => code !== 0 && reject(new Error(`worker stopte met code ${code}`)));
  });
  return handle;
}

async function send(h: Handle, task: WorkerTask, transfer: ArrayBuffer[] = []): Promise<void> {
  while (h.pending >= IN_FLIGHT) await new Promise<void>((r) => h.waiters.push(r));
  h.pending++;
  h.worker.postMessage(task, transfer);
}

async function finish(tally: Tally, handles: Handle[]): Promise<void> {
  for (const h of handles) h.worker.postMessage({ kind: 'finish' } satisfies WorkerTask);
  const results = await Promise.all(handles.map((h) => h.result));
  await Promise.all(handles.map((h) => h.worker.terminate()));
  const states = tally.setup.states.map((s) => s.id);
  for (const r of results) {
    if (r.states.join('|') !== states.join('|')) throw new Error('een worker kwam tot andere toestanden dan de hoofdthread');
  }
  // By line number, so the examples and errors kept are the same as in one thread.
  const examples = results.flatMap((r) => r.examples).sort((a, b) => a.row.line - b.row.line);
  const errors = results.flatMap((r) => r.errors).sort((a, b) => a.line - b.line);
  const merged: WorkerResult['counts'] = {};
  for (const r of results) {
    for (const [code, c] of Object.entries(r.counts)) {
      const m = (merged[code] ??= { cases: 0, matrix: new Array<number>(c.matrix.length).fill(0) });
      m.cases += c.cases;
      c.matrix.forEach((n, i) => (m.matrix[i]! += n));
    }
  }
  tally.merge({ counts: merged, examples }, errors, results.reduce((s, r) => s + r.errorCount, 0));
}

export async function generateParallel(tally: Tally, spec: { size: number; seed: number }, workers: number, progress?: (total: number) => Progress): Promise<void> {
  const setup: WorkerSetup = { plan: planOf(tally.setup), maxErrors: tally.maxErrors };
  const handles = Array.from({ length: workers }, () => start(setup));
  const bar = progress?.(spec.size);
  // Slices small enough for progress, each a contiguous range (the generator is block-deterministic).
  const slice = Math.max(4096, Math.ceil(spec.size / (workers * 16)));
  let done = 0;
  const queues = handles.map(async (h, w) => {
    for (let from = w * slice; from < spec.size; from += workers * slice) {
      await send(h, { kind: 'generate', size: spec.size, seed: spec.seed, from, to: Math.min(spec.size, from + slice) });
      done += Math.min(slice, spec.size - from);
      bar?.update(done, done);
    }
  });
  await Promise.all(queues);
  await finish(tally, handles);
  bar?.end();
}

/** Reads the file in the main thread and hands workers whole lines, with the number of the first. */
export async function feedFileParallel(tally: Tally, path: string, format: PopulationFormat, workers: number, progress?: (total: number) => Progress): Promise<void> {
  const bar = progress?.(statSync(path).size);
  let setup: WorkerSetup = { plan: planOf(tally.setup), maxErrors: tally.maxErrors };
  const handles: Handle[] = [];
  let rest: Buffer = Buffer.alloc(0);
  let line = 1;
  let bytes = 0;
  let turn = 0;
  const dispatch = async (buf: Buffer, lines: number) => {
    if (!handles.length) {
      // The header (CSV) is read here first: a bad header stops the run before any worker starts.
      if (format === 'csv') {
        const end = buf.indexOf(10);
        const header = buf.subarray(0, end < 0 ? buf.length : end).toString('utf8').replace(/\r$/, '').replace(/^\uFEFF/, '');
        const parsed = CsvPopulation.fromHeader(header);
        if (Array.isArray(parsed)) {
          for (const e of parsed) tally.error(e);
          return false;
        }
        setup = { ...setup, csvHeader: header };
        buf = end < 0 ? Buffer.alloc(0) : buf.subarray(end + 1);
        line = 2;
        lines--;
      }
      for (let i = 0; i < workers; i++) handles.push(start(setup));
    }
    if (buf.length) {
      const copy = new Uint8Array(buf.length);
      copy.set(buf);
      await send(handles[turn++ % handles.length]!, { kind: 'lines', first: line, buffer: copy.buffer, format }, [copy.buffer]);
    }
    line += lines;
    return true;
  };
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    const last = chunk.lastIndexOf(10);
    if (last < 0) {
      rest = Buffer.concat([rest, chunk]);
      continue;
    }
    const whole = Buffer.concat([rest, chunk.subarray(0, last + 1)]);
    rest = Buffer.from(chunk.subarray(last + 1));
    let lines = 0;
    for (let i = whole.indexOf(10); i >= 0; i = whole.indexOf(10, i + 1)) lines++;
    if (!(await dispatch(whole, lines))) return;
    bar?.update(bytes, line - 2);
  }
  if (rest.length && !(await dispatch(Buffer.concat([rest, Buffer.from('\n')]), 1))) return;
  if (!handles.length) {
    if (format === 'csv') tally.error({ line: 1, message: 'leeg bestand: de kopregel ontbreekt' });
    return;
  }
  await finish(tally, handles);
  bar?.end();
}
