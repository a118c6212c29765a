// One server of the benchmark, in a process of its own (as it would be deployed; servers sharing a
// process would share its heap and garbage collector): `api-server.ts <server>`, where server is
//   api     the real API with json-rules-engine (the default), an API key, and logs to /dev/null (so the
//           cost of writing them is included);
//   direct  the same with --engine direct;
//   noop    a no-op Express endpoint, the floor, on a plain node:http server as Express is usually run;
//   noop-expressServer  the same endpoint on expressServer (src/api/http-server.ts), as the API is run.
// Prints its URL as one line on stdout, then serves until killed. Asked 'stats' over IPC, it answers its
// CPU time so far (µs; CPU per request is a figure that other load on the machine moves less), its
// garbage-collection pause so far (ms) and the longest pause since the last question.
import express from 'express';
import { once } from 'node:events';
import { PerformanceObserver } from 'node:perf_hooks';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { parseKeyEntries } from '../src/api/auth.ts';
import { expressServer } from '../src/api/http-server.ts';
import { startServer } from '../src/api/server.ts';
import type { EngineKind } from '../src/engine/evaluator.ts';

export const SERVERS = ['api', 'direct', 'noop', 'noop-expressServer'] as const;
export type BenchServer = (typeof SERVERS)[number];

async function api(engine: EngineKind): Promise<string> {
  const keyLine = process.env.BENCH_KEY_LINE;
  if (!keyLine) throw new Error('BENCH_KEY_LINE not set');
  const running = await startServer({
    host: '127.0.0.1', port: 0, keys: parseKeyEntries(keyLine, 'bench'), engine,
    rate: 1e9, burst: 1e9, // measure the engine, not the limiter's refusals
    logger: pino({ base: { service: 'voorrang-api' } }, pino.destination({ dest: '/dev/null', sync: false })),
  });
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

const start: Record<BenchServer, () => Promise<string>> = {
  api: () => api('json-rules-engine'),
  direct: () => api('direct'),
  noop: () => noop((app) => createServer(app)),
  'noop-expressServer': () => noop(expressServer),
};

const which = process.argv[2] as BenchServer;
if (!SERVERS.includes(which)) throw new Error(`server: one of ${SERVERS.join(', ')}`);
process.stdout.write(`${await start[which]()}\n`);
/** What the server answers when asked 'stats'. */
export interface ServerStats { cpu: number; gc: { pauseMs: number; maxMs: number } }

const gc: ServerStats['gc'] = { pauseMs: 0, maxMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    gc.pauseMs += e.duration;
    gc.maxMs = Math.max(gc.maxMs, e.duration);
  }
}).observe({ entryTypes: ['gc'] });
process.on('message', (m) => {
  if (m === 'stats') {
    const { user, system } = process.cpuUsage();
    process.send!({ cpu: user + system, gc: { ...gc } } satisfies ServerStats);
    gc.maxMs = 0;
  }
});
