// The benchmark's server process: the real API twice, once per engine (json-rules-engine, the default,
// and direct; with an API key, logs to /dev/null so the cost of writing them is included) and a no-op
// Express endpoint as the floor, served twice: by a plain node:http server, as Express is usually run,
// and by expressServer (src/api/http-server.ts), as the API is. Prints the URLs as one JSON line on stdout, then
// serves until killed. Asked 'cpu' over IPC, it answers its CPU time so far (µs): CPU per request is a
// figure that other load on the machine barely moves.
import express from 'express';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { parseKeyEntries } from '../src/api/auth.ts';
import { expressServer } from '../src/api/http-server.ts';
import { startServer } from '../src/api/server.ts';
import type { EngineKind } from '../src/engine/evaluator.ts';

const keyLine = process.env.BENCH_KEY_LINE;
if (!keyLine) throw new Error('BENCH_KEY_LINE not set');

const start = (engine: EngineKind) => startServer({
  host: '127.0.0.1', port: 0, keys: parseKeyEntries(keyLine!, 'bench'), engine,
  rate: 1e9, burst: 1e9, // measure the engine, not the limiter's refusals
  logger: pino({ base: { service: 'voorrang-api' } }, pino.destination({ dest: '/dev/null', sync: false })),
});
const api = await start('json-rules-engine');
const direct = await start('direct');

const noop = () => {
  const app = express();
  app.disable('x-powered-by');
  app.get('/noop', (_req, res) => {
    res.json({ ok: true });
  });
  return app;
};
const listen = async (server: Server) => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/noop`;
};
const floor = await listen(createServer(noop()));
const floorExpressServer = await listen(expressServer(noop()));

process.stdout.write(JSON.stringify({ api: api.url, direct: direct.url, noop: floor, noopExpressServer: floorExpressServer }) + '\n');

process.on('message', (m) => {
  if (m === 'cpu') {
    const { user, system } = process.cpuUsage();
    process.send!({ cpu: user + system });
  }
});
