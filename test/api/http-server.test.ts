// The HTTP server for an Express app (src/server/http-server.ts): Node constructs requests and responses
// with the app's own prototypes, so Express's per-request Object.setPrototypeOf finds nothing to change
// (it slows V8's garbage collection), and everything Express adds to req and res still works.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { expressServer } from '../../src/server/http-server.ts';

describe('expressServer', () => {
  const app = express();
  app.get('/items/:id', (req, res) => {
    res.locals.seen = req.params.id;
    res.status(201).json({ id: res.locals.seen, host: req.get('host'), sameApp: req.app === app, query: req.query.q ?? null });
  });
  app.get('/fails', () => {
    throw new Error('boom');
  });
  app.use(((err, _req, res, _next) => res.status(500).type('text/plain').send(`handled: ${(err as Error).message}`)) as ErrorRequestHandler);

  const server = expressServer(app);
  const before: { req: unknown; res: unknown }[] = [];
  // Runs before Express's own listener: what Node constructed, before Express could touch it.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    before.push({ req: Object.getPrototypeOf(req), res: Object.getPrototypeOf(res) });
  });
  server.listen(0, '127.0.0.1');
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const url = (path: string) => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

  it('constructs requests and responses with the app\'s prototypes already in place', async () => {
    await fetch(url('/items/7'));
    expect(before.at(-1)!.req).toBe(app.request);
    expect(before.at(-1)!.res).toBe(app.response);
  });

  it('keeps Express\'s request and response methods, params, query, locals and req.app', async () => {
    const res = await fetch(url('/items/42?q=x'));
    expect(res.status).toBe(201);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ id: '42', host: new URL(url('/')).host, sameApp: true, query: 'x' });
  });

  it('still routes thrown errors to the error handler and unknown paths to a 404', async () => {
    const failed = await fetch(url('/fails'));
    expect([failed.status, await failed.text()]).toEqual([500, 'handled: boom']);
    expect((await fetch(url('/nowhere'))).status).toBe(404);
  });
});
