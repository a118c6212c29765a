// Starting the API on a host and port: the rule base is loaded and compiled once, then served. Used by
// `voorrang serve` and by the benchmark. Refuses a non-loopback host when no API keys are configured.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Evaluator } from '../engine/evaluator.ts';
import { loadRuleBase } from '../rulebase/load.ts';
import { createApp } from './app.ts';
import { KeyVerifier } from './auth.ts';
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
  close(): Promise<void>;
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
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
