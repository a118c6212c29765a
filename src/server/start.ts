// Starting the API on a host and port: the rule base is loaded and compiled once, then served. Used by
// `voorrang serve` and by the benchmark. Refuses a non-loopback host when no API keys are configured.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Evaluator } from '../engine/evaluator.ts';
import { loadRuleBase } from '../rulebase/load.ts';
import { createApp } from './app.ts';
import { KeyVerifier } from './auth.ts';
import { drainable } from './drain.ts';
import { expressServer } from './http-server.ts';
import { createLogger } from './logging.ts';
import { generateOpenApi } from './openapi-document.ts';
import { disablePretenuring } from './pretenuring.ts';
import { RateLimiter } from './rate-limit.ts';
import { checkServerOptions, type ServerOptions } from './server-options.ts';

/** What startServer takes, and throws when the options are refused. */
export { StartupError, type ServerOptions } from './server-options.ts';

export interface Running {
  server: Server;
  url: string;
  /** Requests received and not yet answered. */
  inFlight(): number;
  /**
   * Stops accepting connections and finishes the requests under way, cutting off what still runs after
   * `graceMs` (default: nothing is waited for); a second call cuts off at once. See drain.ts.
   */
  close(graceMs?: number): Promise<{ cutOff: number }>;
}

export async function startServer(o: ServerOptions): Promise<Running> {
  checkServerOptions(o);
  disablePretenuring();
  const ruleBase = o.ruleBase ?? loadRuleBase();
  const evaluator = new Evaluator(ruleBase, o.engine);
  const app = createApp({
    ruleBase,
    evaluator,
    verifier: new KeyVerifier(o.keys),
    limiter: o.limiter ?? new RateLimiter({ rate: o.rate, burst: o.burst }),
    logger: o.logger ?? createLogger(),
    openapi: await generateOpenApi(ruleBase, evaluator),
  });
  const server = expressServer(app);
  const stop = drainable(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    server,
    url: `http://${host}:${port}/v1`,
    inFlight: stop.inFlight,
    close: (graceMs = 0) => stop.drain(graceMs),
  };
}
