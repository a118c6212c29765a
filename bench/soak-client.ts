// The soak's client side (bench/soak.ts): requests and raw sockets that count what the server answered —
// statuses, 5xx, error answers that are not problem+json, how long a connection stayed open — without
// keeping bodies (the client must not run out of memory itself: big bodies are one shared Buffer).
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { connect, type Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';

/** What one flood (or sampler) saw. */
export class Tally {
  readonly statuses = new Map<string, number>();
  sent = 0;
  /** 5xx other than a 503 with Retry-After (load shed on purpose, answered as problem+json). */
  serverErrors = 0;
  shed = 0;
  /** Error answers (≥ 400) that are not application/problem+json, or that look like HTML. */
  notProblem = 0;
  /** The longest a connection of this flood stayed open, in ms (raw-socket floods). */
  longestOpenMs = 0;
  readonly latencies: number[] = [];

  count(what: string): void {
    this.statuses.set(what, (this.statuses.get(what) ?? 0) + 1);
  }

  /** Records an answer: its status, and whether an error answer is a proper problem. */
  answer(status: number, headers: IncomingHttpHeaders | Record<string, string>, start: string): void {
    this.count(String(status));
    const type = String(headers['content-type'] ?? '');
    if (status >= 500) {
      if (status === 503 && headers['retry-after'] && type.startsWith('application/problem+json')) this.shed++;
      else this.serverErrors++;
    }
    if (status >= 400 && (!type.startsWith('application/problem+json') || /<html|<pre|<!doctype/i.test(start))) this.notProblem++;
  }
}

export interface Target {
  host: string;
  port: number;
  /** The client address this flood sends from (a loopback address of its own), if the system has it. */
  localAddress?: string;
}

export interface Sent {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** Agents per target address: keep-alive, so that a flood reuses its connections as a real client would. */
export const agentFor = (sockets: number) => new Agent({ keepAlive: true, maxSockets: sockets });

/**
 * Sends one request and records its answer in `tally`; resolves (never rejects) once the answer is read
 * or the connection failed. `signal` aborts it when the flood ends.
 */
export function send(t: Target, agent: Agent, s: Sent, tally: Tally, signal: AbortSignal): Promise<void> {
  tally.sent++;
  const start = performance.now();
  return new Promise((resolve) => {
    // Each request is counted once: by its answer, or by how it failed.
    let counted = false;
    const failed = (what: string) => {
      if (!counted) tally.count(signal.aborted ? 'in flight at the end' : what);
      counted = true;
      resolve();
    };
    const body = s.body === undefined ? undefined : typeof s.body === 'string' ? Buffer.from(s.body) : s.body;
    const req = request({
      host: t.host, port: t.port, localAddress: t.localAddress, agent, method: s.method, path: s.path, signal,
      headers: { ...(body && { 'content-type': 'application/json', 'content-length': String(body.length) }), ...s.headers },
    }, (res) => {
      let startText = '';
      res.on('data', (c: Buffer) => { if (startText.length < 512) startText += c.subarray(0, 512).toString('latin1'); });
      res.on('end', () => {
        if (counted) return;
        counted = true;
        tally.latencies.push(performance.now() - start);
        tally.answer(res.statusCode ?? 0, res.headers, startText);
        resolve();
      });
      res.on('error', () => {});
      res.on('close', () => failed('cut mid-answer'));
    });
    req.on('error', (e: NodeJS.ErrnoException) => failed(e.code === 'ECONNRESET' || e.message === 'socket hang up' ? 'closed' : `error ${e.code ?? e.message}`));
    req.end(body);
  });
}

/**
 * A raw connection that sends `head`, then `drip` every `everyMs` until the server closes it (or the flood
 * ends); records how it ended (the answer's status, or `closed` without one) and how long it was open.
 */
export function trickle(t: Target, head: string, drip: string, everyMs: number, tally: Tally, signal: AbortSignal): Promise<void> {
  tally.sent++;
  const start = performance.now();
  return new Promise((resolve) => {
    const socket: Socket = connect({ host: t.host, port: t.port, ...(t.localAddress && { localAddress: t.localAddress }) });
    let received = '';
    let timer: NodeJS.Timeout | undefined;
    const abort = () => socket.destroy();
    signal.addEventListener('abort', abort, { once: true });
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => socket.writable && socket.write(drip), everyMs);
    });
    socket.on('data', (c: Buffer) => { if (received.length < 4096) received += c.toString('latin1'); });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      signal.removeEventListener('abort', abort);
      tally.longestOpenMs = Math.max(tally.longestOpenMs, performance.now() - start);
      if (signal.aborted) {
        tally.count('still open at the end');
        return resolve();
      }
      const end = received.indexOf('\r\n\r\n');
      if (received.startsWith('HTTP/1.1 ') && end > 0) {
        const headers = Object.fromEntries(received.slice(0, end).split('\r\n').slice(1)
          .map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
        tally.answer(Number(received.slice(9, 12)), headers, received.slice(end + 4));
      } else tally.count(received ? 'garbled' : 'closed');
      resolve();
    });
  });
}

/**
 * Runs `n` loops of `step` until `signal` aborts. A step that ends at once (a refused connection) is
 * spaced out to `minMs`, so that a loop cannot spin and take the CPU the server needs.
 */
export async function loops(n: number, signal: AbortSignal, step: (i: number) => Promise<void>, minMs = 10): Promise<void> {
  await Promise.all(Array.from({ length: n }, async (_, i) => {
    while (!signal.aborted) {
      const start = performance.now();
      await step(i);
      const left = minMs - (performance.now() - start);
      if (left > 0) await delay(left);
    }
  }));
}

/** The q-quantile (0..1) of `xs`, or NaN for none. */
export function quantile(xs: number[], q: number): number {
  if (!xs.length) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
