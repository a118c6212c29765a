// How the server may be started: its options, their defaults and the checks no server starts without.
// Kept apart from start.ts, so that a cluster's primary can check them without loading the whole API.
import type { EngineKind } from '../engine/evaluator.ts';
import type { RuleBase } from '../rulebase/rulebase.ts';
import { MAX_BATCH } from '../api/batch-limit.ts';
import type { RateLimit } from '../api/rate-limit.ts';
import type { KeyEntry } from '../http/auth.ts';
import type { Logger } from '../http/logging.ts';
import { connectionLimits, connectionLimitsProblem, type ConnectionLimits } from './connection-limits.ts';

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
  /** Timeouts and connection caps over the defaults (server/connections.ts). */
  connections?: Partial<ConnectionLimits>;
}

export const DEFAULT_RATE = 100;
export const DEFAULT_BURST = 2000;

export class StartupError extends Error {}

export const isLoopback = (host: string): boolean => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Throws StartupError for options no server may start with. */
export function checkServerOptions(o: ServerOptions): void {
  if (!o.keys.length && !isLoopback(o.host)) {
    throw new StartupError(`weiger te luisteren op ${o.host} zonder API-sleutels: evaluaties bevatten persoonsgegevens. `
      + 'Configureer sleutels (VOORRANG_API_KEYS of VOORRANG_API_KEYS_FILE, zie docs/api.md) of luister op 127.0.0.1.');
  }
  if (!(o.rate > 0) || !(o.burst >= MAX_BATCH)) {
    throw new StartupError(`rate limit: rate moet > 0 zijn en burst ≥ ${MAX_BATCH} (een volledige batch)`);
  }
  const connections = connectionLimitsProblem(connectionLimits(o.connections));
  if (connections) throw new StartupError(`verbindingen: ${connections}`);
}
