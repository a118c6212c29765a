// Issue 16, finding 1: one key could crash the process with 20 concurrent 16 MiB bodies of `[{},{},…]` —
// the body limit bounded bytes, not the object graph a parse builds, nor how many bodies were read at once.
// Now a body's shape is counted before it is parsed, and every request holds a share of one memory budget.
import { once } from 'node:events';
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeOf } from '../../src/http/json-shape.ts';
import { MemoryBudget } from '../../src/http/memory-budget.ts';
import { SCENARIO_BODY_LIMIT } from '../../src/api/scenario-run/request.ts';
import { createLogger } from '../../src/http/logging.ts';
import { startServer, type Running } from '../../src/server/start.ts';
import { auth, makeApp } from '../api/helpers.ts';

const shape = (text: string) => shapeOf(Buffer.from(text));

describe('the shape of a body, before it is parsed', () => {
  it('counts values and depth, and ignores brackets, commas and escaped quotes inside strings', () => {
    expect(shape('[{},{},{}]')).toEqual({ values: 7, depth: 2 }); // 4 values: an upper bound
    expect(shape('{"a":1,"b":[2,3]}')).toEqual({ values: 7, depth: 2 }); // 5 values and 2 keys
    expect(shape('{"a":"[{,:}] \\" ,[,"}')).toEqual({ values: 3, depth: 1 });
    expect(shape('7')).toEqual({ values: 1, depth: 0 });
  });
});

/** An app on 127.0.0.1 with `budget`, and raw access to it. */
async function listen(budget: MemoryBudget): Promise<{ server: Server; port: number }> {
  const server = createServer(makeApp({ memory: budget }).app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, port: (server.address() as AddressInfo).port };
}

function post(port: number, path: string, body: Buffer, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; type: string; headers: Record<string, unknown>; body: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path, method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'content-length': body.length, ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), headers: res.headers, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const evaluations = '/v1/regulations/GM0014/evaluations';

describe('a memory budget over all requests (finding 1)', () => {
  it('answers 503 with Retry-After while another request holds the budget, and gives it back when that one ends', async () => {
    const budget = new MemoryBudget(1024 * 1024);
    const { server, port } = await listen(budget);
    // A request that has sent 900 KB of its 1,000 KB body and waits: its bytes are held.
    const slow = connect(port, '127.0.0.1');
    await once(slow, 'connect');
    slow.write(`POST ${evaluations} HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth.Authorization}\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n`);
    slow.write(Buffer.alloc(900_000, 0x20));
    for (let i = 0; budget.inUse < 900_000; i++) await new Promise((r) => setImmediate(r)); // until it is read
    const refused = await post(port, evaluations, Buffer.from(`{"pad":"${'x'.repeat(200_000)}"}`));
    expect([refused.status, refused.type, refused.body.type]).toEqual([503, 'application/problem+json; charset=utf-8', 'https://voorrang.nl/problemen/server-bezet']);
    expect([refused.headers['retry-after'], refused.headers.connection]).toEqual(['1', 'close']);
    expect(refused.body.detail).toBe('De server verwerkt nu te veel grote verzoeken tegelijk; probeer het over 1 s opnieuw.');
    slow.destroy();
    await once(slow, 'close');
    for (let i = 0; budget.inUse > 0; i++) await new Promise((r) => setImmediate(r));
    // The budget is free again: the same request is read, parsed and answered (400: it is no case).
    expect((await post(port, evaluations, Buffer.from(`{"pad":"${'x'.repeat(200_000)}"}`))).status).toBe(400);
    expect(budget.inUse).toBe(0);
    server.close();
  });

  it('reserves what a parse builds before building it: 1 MiB of [{},{},…] is about 25 MB of objects', async () => {
    const budget = new MemoryBudget(16 * 1024 * 1024);
    const { server, port } = await listen(budget);
    const body = Buffer.from(`[${'{},'.repeat(340_000)}{}]`);
    const res = await post(port, evaluations, body);
    expect([res.status, res.body.type]).toEqual([503, 'https://voorrang.nl/problemen/server-bezet']);
    // A real case of the same route fits.
    expect((await post(port, evaluations, Buffer.from('{"applicationDate":"2026-09-01"}'))).status).toBe(200);
    expect(budget.inUse).toBe(0);
    server.close();
  });
});

describe('the flood that crashed the server: 20 concurrent 16 MiB scenario bodies of [{},{},…] (finding 1)', () => {
  let running: Running;
  beforeAll(async () => {
    running = await startServer({ host: '127.0.0.1', port: 0, keys: [], rate: 1e6, burst: 1e7, logger: createLogger({ write: () => true }) });
  }, 60_000);
  afterAll(() => running.close());

  it('refuses each before building it (413, too many values) or for want of memory (503); the server stays up and /v1/health answers', async () => {
    const port = Number(new URL(running.url).port);
    // One buffer, sent 20 times: 16 MiB minus a little, so the byte limit itself does not refuse it.
    const body = Buffer.alloc(SCENARIO_BODY_LIMIT.bytes - 16, 0x2c);
    body.write('{"scenario":{},"population":{"cases":[', 0);
    for (let i = 40; i < body.length - 4; i += 3) body.write('{},', i);
    body.write('{}]}}', body.length - 5);
    const flood = Array.from({ length: 20 }, () => post(port, '/v1/scenarios', body).catch((e: Error) => ({ status: 0, type: e.message, headers: {}, body: {} as Record<string, unknown> })));
    const health = await fetch(`${running.url}/health`);
    const answers = await Promise.all(flood);
    expect(health.status).toBe(200);
    for (const a of answers) {
      expect([413, 503]).toContain(a.status);
      expect(a.type).toBe('application/problem+json; charset=utf-8');
    }
    const tooMany = answers.find((a) => a.status === 413)!;
    expect(tooMany.body.detail).toBe('De body bevat meer dan 2.000.000 waarden en is geweigerd voordat hij werd verwerkt.');
    expect((await fetch(`${running.url}/health`)).status).toBe(200);
    expect(running.inFlight()).toBe(0);
  }, 120_000);
});
