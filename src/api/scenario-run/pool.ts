// Scenario runs off the event loop: a few worker threads, each with its own rule base, each running one
// request at a time; requests beyond them wait in a short queue, and beyond that are refused with 503, so
// neither memory nor waiting grows with a flood. A worker that stops (it should not) fails its request
// with a 500 and is replaced by the next request.
import { Worker } from 'node:worker_threads';
import { ApiProblem, problems } from '../../http/problem.ts';
import type { Lang } from '../../rulebase/lang.ts';
import type { ScenarioReport } from '../../scenario/model/report-schema.ts';
import type { ScenarioCost } from '../../scenario/run/cost.ts';
import type { ScenarioRunner } from './runner.ts';
import { fromWire, toWire, type FromWorker, type ToWorker } from './wire.ts';

const ENTRY = new URL('./worker-entry.cjs', import.meta.url);

export interface PoolOptions {
  rulesDir: string;
  /** Worker threads (default 1: a server's other core serves evaluations). */
  size?: number;
  /** Requests that may wait for a worker (default 8). */
  queue?: number;
}

interface Job {
  body: Uint8Array;
  lang: Lang;
  admit: (cost: ScenarioCost) => Promise<void>;
  resolve: (r: ScenarioReport) => void;
  reject: (e: Error) => void;
}

/** A worker that stopped without answering: its request fails (500), never the server. */
class WorkerStopped extends Error {
  override name = 'WorkerStopped';
}

export class ScenarioPool implements ScenarioRunner {
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, { id: number; job: Job }>();
  private readonly waiting: Job[] = [];
  private readonly size: number;
  private readonly queue: number;
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    this.size = options.size ?? 1;
    this.queue = options.queue ?? 8;
  }

  run(body: Uint8Array, lang: Lang, admit: (cost: ScenarioCost) => Promise<void>): Promise<ScenarioReport> {
    if (this.closed) return Promise.reject(problems.busy(5));
    if (this.running.size >= this.size && this.waiting.length >= this.queue) return Promise.reject(problems.busy(5));
    return new Promise((resolve, reject) => {
      this.waiting.push({ body, lang, admit, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(problems.busy(5));
    const workers = [...this.idle.splice(0), ...this.running.keys()];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private dispatch(): void {
    while (this.waiting.length && (this.idle.length || this.running.size < this.size)) {
      const worker = this.idle.pop() ?? this.start();
      const job = this.waiting.shift()!;
      const id = this.nextId++;
      this.running.set(worker, { id, job });
      // A copy of its own to transfer: a Buffer's memory may be a slice of Node's shared pool.
      const body = new Uint8Array(job.body).buffer;
      this.send(worker, { kind: 'run', id, lang: job.lang, body }, [body]);
    }
  }

  private start(): Worker {
    const worker = new Worker(ENTRY, { workerData: { rulesDir: this.options.rulesDir }, resourceLimits: { maxOldGenerationSizeMb: 768 } });
    worker.unref(); // an idle pool does not keep the process alive
    worker.on('message', (m: FromWorker) => this.receive(worker, m));
    const stopped = () => {
      const current = this.running.get(worker);
      this.running.delete(worker);
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
      current?.job.reject(new WorkerStopped('scenario worker stopped'));
      if (!this.closed) this.dispatch();
    };
    worker.on('error', stopped);
    worker.on('exit', stopped);
    return worker;
  }

  private receive(worker: Worker, m: FromWorker): void {
    const current = this.running.get(worker);
    if (!current || current.id !== m.id) return;
    const { job } = current;
    if (m.kind === 'cost') {
      job.admit(m.cost).then(
        () => this.send(worker, { kind: 'admitted', id: m.id }),
        (e: unknown) => this.send(worker, { kind: 'refused', id: m.id, problem: toWire(e instanceof ApiProblem ? e : problems.internal()) }),
      );
      return;
    }
    this.running.delete(worker);
    this.idle.push(worker);
    if (m.kind === 'report') job.resolve(m.report);
    else if (m.kind === 'problem') job.reject(fromWire(m.problem));
    else {
      const e = new Error();
      e.name = m.name;
      e.stack = `${m.name}\n${m.stack ?? ''}`;
      job.reject(e);
    }
    this.dispatch();
  }

  private send(worker: Worker, m: ToWorker, transfer: ArrayBuffer[] = []): void {
    worker.postMessage(m, transfer);
  }
}
