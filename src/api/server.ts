// Starting the API on a host and port: the rule base is loaded and compiled once, then served. Used by
// `voorrang serve` and by the benchmark. Refuses a non-loopback host when no API keys are configured.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Evaluator, type EngineKind } from '../engine/evaluator.ts';
import { loadRuleBase } from '../rulebase/load.ts';
import type { RuleBase } from '../rulebase/rulebase.ts';
import { createApp } from './app.ts';
import { KeyVerifier, type KeyEntry } from './auth.ts';
import { expressServer } from './http-server.ts';
import { createLogger, type Logger } from './logging.ts';
import { generateOpenApi } from './openapi-document.ts';
import { disablePretenuring } from './pretenuring.ts';
import { RateLimiter, type RateLimit } from './rate-limit.ts';
import { MAX_BATCH } from './schemas.ts';

export interface ServerOptions {
  host: string;
  port: number;
  keys: KeyEntry[];
  rate: number;
  burst: number;
  ruleBase?: RuleBase;
  logger?: Logger;
  /** What runs the rules (default json-rules-engine; see engine/evaluator.ts). */
  engine?: EngineKind;
  /** The rate limit; default a RateLimiter of its own (rate, burst). A cluster worker's leases from the primary. */
  limiter?: RateLimit;
}

export const DEFAULT_RATE = 100;
export const DEFAULT_BURST = 2000;

export class StartupError extends Error {}

export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

export interface Running {
  server: Server;
  url: string;
  close(): Promise<void>;
}

/** Throws StartupError for options no server may start with. */
export function checkServerOptions(o: ServerOptions): void {
  if (!o.keys.length && !isLoopback(o.host)) {
    throw new StartupError(`weiger te luisteren op ${o.host} zonder API-sleutels: evaluaties bevatten persoonsgegevens. `
      + 'Configureer sleutels (VOORRANG_API_KEYS of VOORRANG_API_KEYS_FILE, zie docs/api.md) of luister op 127.0.0.1.');
  }
  if (!(o.rate > 0) || !(o.burst >= MAX_BATCH)) {
    throw new StartupError(`rate limit: rate moet > 0 zijn en burst ≥ ${MAX_BATCH} (een volledige batch)`);
  }
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
