// The limits on connections (issue 16, finding 8): how long a client may take to send its request, and
// how many connections it may hold; their defaults and checks. Without them, 250 clients that each sent
// half a header held 250 sockets for as long as they liked, and a body trickled a byte at a time was
// still open after 100 s. Apart from connections.ts, which applies them, so that a cluster's primary can
// check them without loading the API (server/options.ts).
import type { ServerOptions as HttpServerOptions } from 'node:http';

export interface ConnectionLimits {
  /** Until the request's headers are in, from the connection (or the end of the previous answer). */
  headersTimeoutMs: number;
  /** Until the whole request (headers and body) is in. The answer's own time does not count. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection between two requests. */
  keepAliveTimeoutMs: number;
  /** How often Node looks for requests past their timeout: a timeout holds to within this. */
  checkIntervalMs: number;
  /** Open connections in all; a connection beyond it is closed at once. 0: no cap. */
  maxConnections: number;
  /** Open connections from one client address (IPv6: one /64); beyond it closed at once. 0: no cap. */
  maxPerAddress: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  // Headers are a few hundred bytes: 10 s is ample over a poor mobile link, and frees the slot of a
  // client that sends them a byte at a time (slowloris).
  headersTimeoutMs: 10_000,
  // The largest body (a scenario's 16 MiB) arrives in 30 s at about 4.5 Mbit/s; a slower sender of
  // that much data should send a generated population or compress (Content-Encoding: gzip).
  requestTimeoutMs: 30_000,
  // Node's default, made explicit: a client's pool reuses its connection within that, an idle one is let go.
  keepAliveTimeoutMs: 5_000,
  // Node's default of 30 s lets a 10 s timeout run to 40 s; checking each second costs a walk over the
  // open connections, at most maxConnections.
  checkIntervalMs: 1_000,
  // Far above what the benchmark's 64 concurrent clients need, far below the file descriptors Node has
  // (it raises its soft limit to the hard one), and a few hundred kB of memory per hundred sockets.
  maxConnections: 1_000,
  // One organisation's connection pool behind one address (dozens) fits; one client cannot take the
  // server's every slot: eight addresses at the cap still leave room for others. Behind a reverse proxy
  // every client has the proxy's address: set it to 0 there and let the proxy count.
  maxPerAddress: 128,
};

/** The limits with `given` over the defaults. */
export const connectionLimits = (given: Partial<ConnectionLimits> = {}): ConnectionLimits => ({ ...DEFAULT_CONNECTION_LIMITS, ...given });

/** What is wrong with `l`, or undefined: Node itself throws on a headers timeout above the request timeout. */
export function connectionLimitsProblem(l: ConnectionLimits): string | undefined {
  for (const [name, value] of Object.entries(l)) {
    if (!Number.isInteger(value) || value < 0) return `${name} moet een geheel getal ≥ 0 zijn, niet ${value}`;
  }
  if (l.checkIntervalMs < 1) return 'checkIntervalMs moet ≥ 1 zijn';
  if (l.requestTimeoutMs > 0 && l.headersTimeoutMs > l.requestTimeoutMs) {
    return `de time-out voor kopregels (${l.headersTimeoutMs} ms) mag niet langer zijn dan die voor het hele verzoek (${l.requestTimeoutMs} ms)`;
  }
  return undefined;
}

/** The options node:http's createServer takes for the timeouts (the check's interval cannot be set afterwards). */
export const httpServerOptions = (l: ConnectionLimits): HttpServerOptions => ({
  headersTimeout: l.headersTimeoutMs,
  requestTimeout: l.requestTimeoutMs,
  connectionsCheckingInterval: l.checkIntervalMs,
});
