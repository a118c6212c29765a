// The paced load generator reads answers into one reused buffer and only counts their bytes: it must
// still see each answer end exactly once, however the bytes are split into reads, and count non-2xx.
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { paced, takeAnswer } from '../../bench/paced.ts';

const answer = (status: string, body: string) => Buffer.from(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);

/** Feeds `bytes` in reads ending at `cuts`; returns what each read gave. */
function feed(bytes: Buffer, cuts: number[]): (string | undefined)[] {
  const c = { head: '', remaining: -1 };
  const bounds = [0, ...cuts, bytes.length];
  return bounds.slice(1).map((end, i) => {
    const read = Buffer.alloc(64 * 1024, '\r\n'); // stale bytes after n, which must not be read
    bytes.copy(read, 0, bounds[i]!, end);
    return takeAnswer(c, end - bounds[i]!, read);
  });
}

describe('paced: reading answers', () => {
  const ok = answer('200 OK', '{"outcome":"urgent","summary":"€ 51.537"}');
  const headEnd = ok.indexOf('\r\n\r\n');

  it('an answer in one read is complete at once', () => {
    expect(feed(ok, [])).toEqual(['HTTP/1.1 200 OK']);
  });

  it('a blank line split between reads, and a body over three reads, end the answer once, at its last byte', () => {
    expect(feed(ok, [headEnd + 2, headEnd + 10, ok.length - 1])).toEqual([undefined, undefined, undefined, 'HTTP/1.1 200 OK']);
  });

  it('an answer without a body ends with its header', () => {
    expect(feed(Buffer.from('HTTP/1.1 204 No Content\r\n\r\n'), [5])).toEqual([undefined, 'HTTP/1.1 204 No Content']);
  });

  it('a connection reads its next answer afresh', () => {
    const c = { head: '', remaining: -1 };
    const err = answer('500 Internal Server Error', '{}');
    expect(takeAnswer(c, ok.length, ok)).toBe('HTTP/1.1 200 OK');
    expect(takeAnswer(c, err.length, err)).toBe('HTTP/1.1 500 Internal Server Error');
  });
});

describe('paced: a run', () => {
  it('answers every request and counts the non-2xx ones as errors', async () => {
    const server = createServer((req, res) => {
      res.statusCode = req.url === '/fail' ? 500 : 200;
      res.end('x'.repeat(20_000));
    }).listen(0, '127.0.0.1');
    // No keep-alive timeout: a connection left idle by a slow machine must not be closed under a request.
    server.keepAliveTimeout = 0;
    await once(server, 'listening');
    try {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const r = await paced(origin, [{ method: 'GET', path: '/ok' }, { method: 'GET', path: '/fail' }], 200, 1);
      expect(r.errors).toBe(100);
      expect(r.p50).toBeGreaterThan(0);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  }, 30_000);
});
