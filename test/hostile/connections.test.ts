// Issue 16, finding 8: a client that sends its request slowly is cut off by the headers and request
// timeouts with a 408 problem+json, and one client address cannot hold every connection. Against a real
// server on 127.0.0.1 with small, injected limits; every wait is on a socket event, no timing is asserted.
import { once } from 'node:events';
import { createServer } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/http/logging.ts';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { connectionLimits, httpServerOptions, type ConnectionLimits } from '../../src/server/connection-limits.ts';
import { addressKey, limitConnections } from '../../src/server/connections.ts';
import { startServer, StartupError, type Running } from '../../src/server/start.ts';

const ruleBase = loadRuleBase();
const quiet = createLogger({ write: () => true });
const TIMEOUTS = { headersTimeoutMs: 300, requestTimeoutMs: 600, checkIntervalMs: 20 };

const start = (connections: Partial<ConnectionLimits>) =>
  startServer({ host: '127.0.0.1', port: 0, keys: [], rate: 1000, burst: 5000, ruleBase, logger: quiet, connections });
const portOf = (r: Running) => (r.server.address() as AddressInfo).port;

/** A raw connection and everything the server sent on it until it closed. */
function open(port: number, localAddress?: string): { socket: Socket; received: Promise<string> } {
  const socket = connect({ port, host: '127.0.0.1', ...(localAddress && { localAddress }) });
  const chunks: Buffer[] = [];
  socket.on('data', (c: Buffer) => chunks.push(c));
  socket.on('error', () => {}); // a reset is one way of being closed
  const received = once(socket, 'close').then(() => Buffer.concat(chunks).toString('utf8'));
  return { socket, received };
}

/** Sends one keep-alive GET /v1/health and resolves with its status once the whole answer is in. */
function health(socket: Socket): Promise<number> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (c: Buffer) => {
      text += c.toString('utf8');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: (\d+)/i.exec(text.slice(0, end))?.[1] ?? 0);
      if (Buffer.byteLength(text.slice(end + 4)) < length) return;
      socket.off('data', onData);
      resolve(Number(text.slice(9, 12)));
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`closed before an answer: ${text}`)));
    socket.write('GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n');
  });
}

/** Status, headers (lower case) and the JSON body of a raw answer. */
function parse(raw: string): { status: number; headers: string; body: Record<string, unknown> } {
  const end = raw.indexOf('\r\n\r\n');
  return { status: Number(raw.slice(9, 12)), headers: raw.slice(0, end).toLowerCase(), body: JSON.parse(raw.slice(end + 4)) };
}

describe('timeouts for a slow request (finding 8)', () => {
  let running: Running;
  beforeAll(async () => { running = await start(TIMEOUTS); });
  afterAll(() => running.close());

  it('closes a connection that sent half a header after the headers timeout, with a 408 problem+json', async () => {
    const { socket, received } = open(portOf(running));
    socket.write('GET /v1/health HTTP/1.1\r\nHost: localhost\r\n');
    const answer = parse(await received);
    expect(answer.status).toBe(408);
    expect(answer.headers).toContain('content-type: application/problem+json');
    expect(answer.headers).toContain('connection: close');
    expect(answer.body).toEqual({
      type: 'https://voorrang.nl/problemen/verzoek-te-traag', title: 'Verzoek te traag', status: 408,
      detail: 'De kopregels van het verzoek waren niet binnen 0,3 s binnen.',
    });
  });

  it('closes a connection that never sent a byte after the headers timeout', async () => {
    const { received } = open(portOf(running));
    expect(parse(await received).status).toBe(408);
  });

  it('ends a body trickled a byte at a time at the request timeout, in the request\'s language', async () => {
    const { socket, received } = open(portOf(running));
    socket.write('POST /v1/regulations/GM0014/evaluations HTTP/1.1\r\nHost: localhost\r\nAccept-Language: en\r\n'
      + 'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{');
    // Each byte arrives well within any idle timeout: only a deadline over the whole request ends this.
    const trickle = setInterval(() => socket.writable && socket.write(' '), 10);
    const raw = await received.finally(() => clearInterval(trickle));
    const answer = parse(raw);
    expect([answer.status, answer.body.title, answer.body.detail]).toEqual([408, 'Request timeout', 'The request body did not arrive within 0.6 s.']);
    expect(answer.headers).toContain('content-language: en');
  });

  it('answers a malformed request line as 400 problem+json, not Node\'s bare status line', async () => {
    const { socket, received } = open(portOf(running));
    socket.write('HELLO\r\n\r\n');
    const answer = parse(await received);
    expect([answer.status, answer.body.type]).toEqual([400, 'https://voorrang.nl/problemen/ongeldig-http-verzoek']);
    expect(answer.headers).toContain('content-type: application/problem+json');
  });
});

describe('the request timeout counts the request, not its answer', () => {
  it('answers a request whose answer took longer than the request timeout', async () => {
    const l = connectionLimits(TIMEOUTS);
    let cutOff!: Promise<string>;
    const server = createServer(httpServerOptions(l), (req, res) => {
      req.resume();
      if (req.method !== 'GET') return; // the late one below, never answered
      // Once this request is in, a second one starts that the request timeout cuts off; this answer is
      // held until then, so it has waited longer than the timeout.
      const late = open(port);
      late.socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{');
      cutOff = late.received;
      void cutOff.then(() => res.end('done'));
    });
    limitConnections(server, l);
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    const answered = new Promise<string>((resolve) => {
      const s = connect(port, '127.0.0.1', () => s.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
      s.on('data', (c: Buffer) => { if (c.includes('done')) resolve(c.toString()); });
    });
    expect(await answered).toMatch(/^HTTP\/1\.1 200/);
    expect(parse(await cutOff).status).toBe(408);
    server.closeAllConnections();
    server.close();
  });
});

describe('connection caps (finding 8)', () => {
  let running: Running;
  beforeAll(async () => { running = await start({ maxPerAddress: 3 }); });
  afterAll(() => running.close(0));

  it('closes a 4th connection from one address at once, lets the 3 others and another address work, and accepts one again after one closes', async () => {
    const port = portOf(running);
    // Server-side sockets by the client's port, to know when the server has seen a close.
    const accepted = new Map<number, Socket>();
    running.server.on('connection', (s: Socket) => accepted.set(s.remotePort!, s));
    const three = [open(port), open(port), open(port)];
    expect(await Promise.all(three.map((c) => health(c.socket)))).toEqual([200, 200, 200]);

    const fourth = open(port);
    expect(await fourth.received).toBe('');
    // Another client address (the whole of 127/8 is loopback) is not counted with this one.
    const other = open(port, '127.0.0.2');
    expect(await health(other.socket)).toBe(200);
    expect(await health(three[0]!.socket)).toBe(200);

    const first = accepted.get(three[0]!.socket.localPort!)!;
    const serverSawClose = once(first, 'close');
    three[0]!.socket.destroy();
    await serverSawClose;
    const again = open(port);
    expect(await health(again.socket)).toBe(200);
    for (const c of [...three, again, other]) c.socket.destroy();
  });
});

describe('the global connection cap', () => {
  it('closes a connection beyond it, whatever its address', async () => {
    const running = await start({ maxConnections: 2, maxPerAddress: 0 });
    const port = portOf(running);
    const two = [open(port), open(port, '127.0.0.2')];
    expect(await Promise.all(two.map((c) => health(c.socket)))).toEqual([200, 200]);
    expect(await open(port, '127.0.0.3').received).toBe('');
    for (const c of two) c.socket.destroy();
    await running.close(0);
  });
});

describe('limits and addresses', () => {
  it('counts IPv4 as is, also mapped into IPv6, and IPv6 by its /64', () => {
    expect(addressKey('127.0.0.1')).toBe('127.0.0.1');
    expect(addressKey('::ffff:10.0.0.7')).toBe('10.0.0.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });

  it('refuses to start with a headers timeout above the request timeout, or a negative cap', async () => {
    await expect(start({ headersTimeoutMs: 2000, requestTimeoutMs: 1000 })).rejects.toThrow(StartupError);
    await expect(start({ maxPerAddress: -1 })).rejects.toThrow(StartupError);
  });

  it('refuses a cap or request timeout on the command line that is not a number in range', async () => {
    const { serve } = await import('../../src/cli/serve.ts');
    expect(await serve(['--max-per-address', 'veel'], {})).toBe(2);
    expect(await serve(['--max-connections', '-1'], {})).toBe(2);
    expect(await serve(['--request-timeout', '0'], {})).toBe(2);
  });
});
