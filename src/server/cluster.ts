// The server in several worker processes on one port (node:cluster), to use more than one core. Each worker
// is a whole server (startServer) with its own rule base and engines; the primary only forks them, holds
// the rate limit's buckets (a client's limit holds over all workers, see leased-rate-limit.ts), and
// replaces a worker that stops. `voorrang serve --workers N` runs this; with one worker there is no
// primary at all. Workers run the same command as the primary: cluster.fork() starts it again.
import cluster, { type Worker } from 'node:cluster';
import { pino } from 'pino';
import { LEASE_IDLE_MS, LeasedRateLimit, type LeaseSource } from '../api/leased-rate-limit.ts';
import { RateLimiter, type Grant } from '../api/rate-limit.ts';
import { createLogger } from '../http/logging.ts';
import { checkServerOptions, StartupError, type ServerOptions } from './options.ts';
import type { Running } from './start.ts';

export interface ClusterOptions extends ServerOptions {
  workers: number;
  /** Where the primary says that a worker stopped and is replaced. */
  warn?: (line: string) => void;
}

/** What primary and workers say to each other, besides what node:cluster says itself. */
type Message =
  | { voorrang: 'lease'; id: number; client: string; min: number; want: number }
  | ({ voorrang: 'grant'; id: number } & Grant)
  | { voorrang: 'give-back'; client: string; tokens: number }
  | { voorrang: 'listening'; url: string };

const isMessage = (m: unknown): m is Message => typeof m === 'object' && m !== null && 'voorrang' in m;

/** The running cluster, as the primary sees it. */
export interface RunningCluster {
  url: string;
  close(): Promise<void>;
}

/** Primary: checks the options, forks the workers and waits until each listens. */
export async function startPrimary(o: ClusterOptions): Promise<RunningCluster> {
  checkServerOptions(o);
  const warn = o.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const limiter = new RateLimiter({ rate: o.rate, burst: o.burst });
  let stopping = false;
  const listening = new WeakSet<Worker>();

  const fork = (): Promise<string> => new Promise((resolve, reject) => {
    const worker = cluster.fork();
    worker.on('message', (m: unknown) => {
      if (!isMessage(m)) return;
      if (m.voorrang === 'lease') send(worker as Channel, { voorrang: 'grant', id: m.id, ...limiter.lease(m.client, m.min, m.want) });
      else if (m.voorrang === 'give-back') limiter.giveBack(m.client, m.tokens);
      else if (m.voorrang === 'listening') {
        listening.add(worker);
        resolve(m.url);
      }
    });
    worker.on('exit', (code, signal) => {
      const how = signal ?? `code ${code}`;
      if (!listening.has(worker)) return reject(new StartupError(`werker ${worker.process.pid} stopte bij het starten (${how})`));
      if (stopping) return;
      warn(`werker ${worker.process.pid} gestopt (${how}); er wordt een nieuwe gestart`);
      fork().catch((e: Error) => warn(`werker niet vervangen: ${e.message}`));
    });
  });
  const all = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
  const close = async () => {
    stopping = true;
    await Promise.all(all().map((w) => new Promise<void>((resolve) => {
      if (w.isDead()) return resolve();
      w.once('exit', () => resolve());
      w.process.kill('SIGTERM');
    })));
  };

  try {
    const [url] = await Promise.all(Array.from({ length: o.workers }, fork));
    return { url: url!, close };
  } catch (e) {
    await close();
    throw e;
  }
}

/** Worker: a whole server, spending tokens it leases from the primary. Tells the primary when it listens. */
export async function startWorker(o: ServerOptions): Promise<Running> {
  const limiter = new LeasedRateLimit(leasesFromPrimary(), { rate: o.rate });
  const idle = setInterval(() => limiter.returnIdle(), LEASE_IDLE_MS).unref();
  // Once the server is closed, or failed to start, the IPC channel is let go: it would keep the process alive.
  let left = false;
  const leave = () => {
    if (left) return;
    left = true;
    clearInterval(idle);
    cluster.worker?.disconnect();
  };
  let running: Running;
  try {
    // Workers share stdout. One write per log line keeps each line whole: a pipe takes writes of up to 4 KB
    // whole, where pino's default (asynchronous) writes batch lines and may run longer.
    const logger = o.logger ?? createLogger(pino.destination({ fd: 1, sync: true }));
    const { startServer } = await import('./start.ts'); // only workers load the API itself
    running = await startServer({ ...o, limiter, logger });
  } catch (e) {
    leave();
    throw e;
  }
  send(process as Channel, { voorrang: 'listening', url: running.url });
  return {
    ...running,
    close: async (graceMs) => {
      const stopped = await running.close(graceMs);
      leave();
      return stopped;
    },
  };
}

/** A worker's leases, asked of the primary over the cluster's IPC channel. */
function leasesFromPrimary(): LeaseSource {
  let next = 0;
  const pending = new Map<number, (g: Grant) => void>();
  process.on('message', (m: unknown) => {
    if (!isMessage(m) || m.voorrang !== 'grant') return;
    pending.get(m.id)?.(m);
    pending.delete(m.id);
  });
  return {
    lease: (client, min, want) => new Promise((resolve, reject) => {
      const id = next++;
      pending.set(id, resolve);
      send(process as Channel, { voorrang: 'lease', id, client, min, want }, (e) => {
        pending.delete(id);
        reject(e);
      });
    }),
    giveBack: (client, tokens) => send(process as Channel, { voorrang: 'give-back', client, tokens }),
  };
}

/** One end of the IPC channel: process.send in a worker, worker.send in the primary. */
type Channel = { send?: (message: Message, callback: (e: Error | null) => void) => boolean };

/** Sends over IPC; a closed channel (the other side is gone) is reported to `failed`, not thrown. */
function send(to: Channel, message: Message, failed: (e: Error) => void = () => {}): void {
  if (!to.send) return failed(new Error('geen IPC-kanaal'));
  to.send(message, (e) => e && failed(e));
}
