// Open-loop load at a fixed rate, evenly paced: request i is due at start + i/rate, and its latency runs
// from that due time to the last byte of the answer, so a stall in the server (or here) shows up in the
// figures instead of silently lowering the rate (no coordinated omission).
// Why not autocannon's -R: it lets each connection send its whole quota for a second back to back and
// then pause until the next one-second tick, which is a burst of saturation every second rather than
// a rate, and it corrects for coordinated omission with an expected interval of ceil(1/rate) = 1 ms.
// The generator shares this 2-core machine with the server, so it is kept light: requests are bytes
// written to a pool of keep-alive sockets (no HTTP client objects per request). Between requests it
// sleeps in slices of 0.2 ms (Atomics.wait, which takes no CPU) and lets I/O run in between; it does
// not spin, which would take a core the server's own threads need. It used to wait on a 1 ms timer,
// which sent requests up to about a millisecond late and, since latency runs from the due time, added
// 0.4–0.8 ms to every p50 measured (at about 5% more of a core now: 13–16% instead of 8–11%).
// Answers are read into one reusable buffer (the socket's `onread` option) and only counted, not kept:
// reading each 18 KB decision into a fresh Buffer cost the generator up to 10 ms garbage-collection
// pauses per run, and any pause here is counted as latency of the server.
import { connect, type Socket } from 'node:net';

export interface PacedRequest { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }
export interface PacedResult { rps: number; p50: number; p99: number; errors: number }

const CONNECTIONS = 64;
const SLICE_MS = 0.2;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** One connection; while an answer arrives, `head` holds its header text so far, then `remaining` counts body bytes. */
interface Connection { socket: Socket; due: number; busy: boolean; head: string; remaining: number }

const READ_BUFFER = Buffer.allocUnsafe(64 * 1024);
const MAX_HEAD = 8 * 1024;

/** The request as bytes on the wire, once. */
function wire(origin: URL, r: PacedRequest): Buffer {
  const body = r.body === undefined ? undefined : Buffer.from(r.body);
  const headers = { host: origin.host, ...r.headers, ...(body && { 'content-length': String(body.length) }) };
  const head = `${r.method} ${r.path} HTTP/1.1\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
  return body ? Buffer.concat([Buffer.from(head), body]) : Buffer.from(head);
}

/**
 * Takes `n` bytes of an answer on `c`: the header text until its blank line, then the body by count.
 * Returns the answer's status line once it is complete, else undefined. One answer per request and no
 * pipelining, so a read never holds bytes of the next answer.
 */
export function takeAnswer(c: Pick<Connection, 'head' | 'remaining'>, n: number, bytes: Buffer): string | undefined {
  if (c.remaining < 0) {
    // Only the header is decoded: its end is looked for in the bytes (a blank line split between two
    // reads is found in the text of the first read's tail, decoded with the second).
    const found = bytes.subarray(0, n).indexOf('\r\n\r\n');
    const before = c.head.length;
    const text = c.head + bytes.toString('latin1', 0, found < 0 ? Math.min(n, MAX_HEAD) : found + 4);
    const end = text.indexOf('\r\n\r\n');
    if (end < 0) {
      if (text.length >= MAX_HEAD) throw new Error('answer without a header end');
      c.head = text;
      return undefined;
    }
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, end));
    c.head = text.slice(0, text.indexOf('\r\n'));
    c.remaining = (length ? Number(length[1]) : 0) - (n - (end + 4 - before));
  } else {
    c.remaining -= n;
  }
  if (c.remaining > 0) return undefined;
  const status = c.head;
  c.head = '';
  c.remaining = -1;
  return status;
}

export async function paced(origin: string, requests: PacedRequest[], rate: number, seconds: number): Promise<PacedResult> {
  const url = new URL(origin);
  const payloads = requests.map((r) => wire(url, r));
  const total = rate * seconds;
  const latencies = new Float64Array(total);
  let answered = 0;
  let errors = 0;
  const idle: Connection[] = [];
  const waiting: number[] = [];
  let start = 0;
  let finished!: () => void;
  const allAnswered = new Promise<void>((resolve) => (finished = resolve));

  const send = (c: Connection, i: number) => {
    c.due = start + (i * 1000) / rate;
    c.busy = true;
    c.socket.write(payloads[i % payloads.length]!);
  };
  const onRead = (c: Connection, n: number, bytes: Buffer) => {
    const status = takeAnswer(c, n, bytes);
    if (status === undefined) return;
    if (!status.startsWith('HTTP/1.1 2')) errors++;
    latencies[answered++] = performance.now() - c.due;
    c.busy = false;
    const next = waiting.shift();
    if (next !== undefined) send(c, next);
    else idle.push(c);
    if (answered === total) finished();
  };

  const sockets = await Promise.all(Array.from({ length: CONNECTIONS }, () => new Promise<Connection>((resolve, reject) => {
    const socket: Socket = connect({
      port: Number(url.port), host: url.hostname, noDelay: true,
      onread: { buffer: READ_BUFFER, callback: (n, bytes) => { onRead(c, n, bytes as Buffer); return true; } },
    });
    const c: Connection = { socket, due: 0, busy: false, head: '', remaining: -1 };
    socket.once('connect', () => resolve(c));
    socket.on('error', reject);
    // A connection the server closes with a request in flight: that request failed.
    socket.on('close', () => {
      // Idle sockets are taken in turn (first in, first out), so none sits out the server's keep-alive
      // timeout; one closed anyway is dropped.
      if (!c.busy) {
        const i = idle.indexOf(c);
        if (i >= 0) idle.splice(i, 1);
        return;
      }
      c.busy = false;
      errors++;
      latencies[answered++] = performance.now() - c.due;
      if (answered === total) finished();
    });
  })));
  idle.push(...sockets);

  start = performance.now() + 20;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        const c = idle.shift();
        if (c) send(c, sent);
        else waiting.push(sent);
        sent++;
      }
      if (sent >= total) return resolve();
      // Sleep until the next request is due, at most SLICE_MS at a time, then let I/O run: a thread
      // blocked in Atomics.wait takes no CPU, and wakes far closer to the due time than a 1 ms timer.
      const wait = start + (sent * 1000) / rate - performance.now();
      if (wait > 0) Atomics.wait(sleeper, 0, 0, Math.min(wait, SLICE_MS));
      setImmediate(tick);
    };
    setImmediate(tick);
  });
  await allAnswered;
  const elapsed = (performance.now() - start) / 1000;
  for (const c of sockets) c.socket.destroy();

  const sorted = latencies.sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { rps: total / elapsed, p50: at(0.5), p99: at(0.99), errors };
}
