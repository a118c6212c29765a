// The limits of connection-limits.ts applied to a server. Node enforces the timeouts itself
// (headersTimeout, requestTimeout, checked every connectionsCheckingInterval: createServer takes them,
// see httpServerOptions); the caps are counted here, on each accepted connection.
import { isIPv6, type Socket } from 'node:net';
import type { Server } from 'node:http';
import { clientErrorAnswer } from './client-errors.ts';
import type { ConnectionLimits } from './connection-limits.ts';

/**
 * The address a connection is counted under: IPv4 as is (also when mapped into IPv6), IPv6 by its /64,
 * since one client is given a whole /64 and can use any address in it.
 */
export function addressKey(address: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (v4) return v4[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16)).join(':')}::/64`;
}

/**
 * Applies the keep-alive timeout and the caps to `server`, and answers what Node refuses itself (a
 * timeout, a malformed request) as problem+json. A connection over a cap is destroyed before it can
 * send a byte. Returns the count of open connections by address, for tests and logs.
 */
export function limitConnections(server: Server, l: ConnectionLimits): { openFrom(address: string): number } {
  server.keepAliveTimeout = l.keepAliveTimeoutMs;
  server.on('clientError', clientErrorAnswer(l));
  // Node's own cap closes the handle before a socket is even made; 0 means no cap here, so it is not set.
  if (l.maxConnections > 0) server.maxConnections = l.maxConnections;
  const open = new Map<string, number>();
  if (l.maxPerAddress > 0) {
    server.on('connection', (socket: Socket) => {
      // Without an address the socket is already gone.
      if (!socket.remoteAddress) return socket.destroy();
      const key = addressKey(socket.remoteAddress);
      const count = open.get(key) ?? 0;
      if (count >= l.maxPerAddress) return socket.destroy();
      open.set(key, count + 1);
      socket.once('close', () => {
        const left = open.get(key)! - 1;
        if (left) open.set(key, left);
        else open.delete(key);
      });
    });
  }
  return { openFrom: (address) => open.get(addressKey(address)) ?? 0 };
}
