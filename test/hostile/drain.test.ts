// Issue 16, finding 5: a graceful stop finishes answers larger than the socket buffers instead of cutting
// them, and a connection that never sent a request does not hold the stop. Event-driven: no timing.
import { createServer, request, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { drainable } from '../../src/server/drain.ts';

const SIZE = 24 * 1024 * 1024; // far above the kernel's and Node's socket buffers
const big = Buffer.alloc(SIZE, 'x');

function serve() {
  const server = createServer((_req, res) => {
    res.setHeader('content-length', SIZE);
    res.end(big);
  });
  server.listen(0, '127.0.0.1');
  return { server, stop: drainable(server) };
}

const get = (port: number) => new Promise<IncomingMessage>((resolve) => request({ port, host: '127.0.0.1', path: '/' }, resolve).end());

async function readAll(res: IncomingMessage): Promise<number> {
  let n = 0;
  res.on('data', (chunk: Buffer) => { n += chunk.length; });
  res.resume();
  await once(res, 'end');
  return n;
}

describe('a graceful stop (finding 5)', () => {
  it('sends two concurrent 24 MB answers whole although the stop comes while they are being sent', async () => {
    const { server, stop } = serve();
    await once(server, 'listening');
    const port = (server.address() as AddressInfo).port;
    const [a, b] = await Promise.all([get(port), get(port)]);
    // Neither client reads yet: most of each answer waits in buffers when the stop comes.
    a.pause();
    b.pause();
    const stopped = stop.drain(60_000);
    const [na, nb] = await Promise.all([readAll(a), readAll(b)]);
    expect([na, nb]).toEqual([SIZE, SIZE]);
    expect(await stopped).toEqual({ cutOff: 0 });
  });

  it('does not wait for a connection that never sent a request', async () => {
    const { server, stop } = serve();
    await once(server, 'listening');
    const accepted = once(server, 'connection');
    const silent = connect((server.address() as AddressInfo).port, '127.0.0.1');
    await accepted;
    const closed = once(silent, 'close');
    // A grace period longer than any test: the stop must end because the socket was closed, not by time.
    expect(await stop.drain(3_600_000)).toEqual({ cutOff: 0 });
    await closed;
  });
});
