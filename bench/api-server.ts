// One server of the benchmark, in a process of its own (as it would be deployed; servers sharing a
// process would share its heap and garbage collector): `api-server.ts <server>`, where server is
//   api     the real API with json-rules-engine (the default), an API key, and logs to /dev/null (so the
//           cost of writing them is included);
//   direct  the same with --engine direct;
//   api-workers  the real API with json-rules-engine in two worker processes (serve --workers 2);
//   noop    a no-op Express endpoint, the floor, on a plain node:http server as Express is usually run;
//   noop-expressServer  the same endpoint on expressServer (src/server/http-server.ts), as the API is run.
// Prints its URL as one line on stdout, then serves until killed. Asked 'stats' over IPC, it answers its
// CPU time so far (µs; CPU per request is a figure that other load on the machine moves less), its
// garbage-collection pause so far (ms) and the longest pause since the last question; with workers, the
// primary asks each worker the same and answers for all of them together.
import express from 'express';
import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import { PerformanceObserver } from 'node:perf_hooks';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { parseKeyEntries } from '../src/http/auth.ts';
import { startPrimary, startWorker } from '../src/server/cluster.ts';
import { expressServer } from '../src/server/http-server.ts';
import { startServer } from '../src/server/start.ts';
import type { EngineKind } from '../src/engine/evaluator.ts';

export const SERVERS = ['api', 'direct', 'api-workers', 'noop', 'noop-expressServer'] as const;
export type BenchServer = (typeof SERVERS)[number];

/** The API's URL; in a cluster's worker, undefined (the primary prints the URL). */
async function api(engine: EngineKind, workers = 1): Promise<string | undefined> {
  const keyLine = process.env.BENCH_KEY_LINE;
  if (!keyLine) throw new Error('BENCH_KEY_LINE not set');
  const options = {
    host: '127.0.0.1', port: 0, keys: parseKeyEntries(keyLine, 'bench'), engine,
    rate: 1e9, burst: 1e9, // measure the engine, not the limiter's refusals
    logger: pino({ base: { service: 'voorrang-api' } }, pino.destination({ dest: '/dev/null', sync: false })),
  };
  if (workers === 1) return (await startServer(options)).url;
  if (cluster.isWorker) return void (await startWorker(options));
  const running = await startPrimary({ ...options, workers });
  // Stopped, it stops its workers first, so that none outlives the measurement.
  process.once('SIGTERM', () => void running.close().then(() => process.exit(0)));
  return running.url;
}

async function noop(serve: (app: express.Express) => Server): Promise<string> {
  const app = express();
  app.disable('x-powered-by');
  app.get('/noop', (_req, res) => {
    res.json({ ok: true });
  });
  const server = serve(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const start: Record<BenchServer, () => Promise<string | undefined>> = {
  api: () => api('json-rules-engine'),
  direct: () => api('direct'),
  'api-workers': () => api('json-rules-engine', 2),
  noop: () => noop((app) => createServer(app)),
  'noop-expressServer': () => noop(expressServer),
};

const which = process.argv[2] as BenchServer;
if (!SERVERS.includes(which)) throw new Error(`server: one of ${SERVERS.join(', ')}`);
const url = await start[which]();
if (url) process.stdout.write(`${url}\n`);
/** What the server answers when asked 'stats'. */
export interface ServerStats { cpu: number; gc: { pauseMs: number; maxMs: number } }

const gc: ServerStats['gc'] = { pauseMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.pauseMs += e.duration;
    gc.maxMs = Math.max(gc.maxMs, e.duration);
  }
}).observe({ entryTypes: ['gc'] });
process.on('message', async (m) => {
  if (m !== 'stats') return;
  const { user, system } = process.cpuUsage();
  const own: ServerStats = { cpu: user + system, gc: { ...gc } };
  gc.maxMs = 0;
  const all = [own, ...(await Promise.all(workers().map(statsOf)))];
  process.send!({
    cpu: all.reduce((sum, x) => sum + x.cpu, 0),
    gc: { pauseMs: all.reduce((sum, x) => sum + x.gc.pauseMs, 0), maxMs: Math.max(...all.map((x) => x.gc.maxMs)) },
  } satisfies ServerStats);
});

const workers = (): Worker[] => (cluster.isPrimary ? Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w) : []);

function statsOf(worker: Worker): Promise<ServerStats> {
  return new Promise((resolve) => {
    const answer = (m: unknown) => {
      if (typeof m !== 'object' || m === null || !('cpu' in m)) return; // the worker's leases
      worker.off('message', answer);
      resolve(m as ServerStats);
    };
    worker.on('message', answer);
    worker.send('stats');
  });
}
