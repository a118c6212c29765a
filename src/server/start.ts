// Starting the server (the API and the web front) on a host and port: the rule base is loaded and compiled
// once, then served. Used by `voorrang serve` and by the benchmark. Refuses a non-loopback host when no API
// keys are configured.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Evaluator } from '../engine/evaluator.ts';
import { BUNDLED_RULES_DIR, loadRuleBase } from '../rulebase/load.ts';
import { ScenarioPool } from '../api/scenario-run/pool.ts';
import { inThisThread } from '../api/scenario-run/runner.ts';
import { horizonWarnings } from '../rulebase/horizon.ts';
import { today } from '../rulebase/dates.ts';
import { generateOpenApi } from '../api/openapi-document.ts';
import { RateLimiter } from '../api/rate-limit.ts';
import { KeyVerifier } from '../http/auth.ts';
import { createLogger } from '../http/logging.ts';
import { createApp } from './app.ts';
import { connectionLimits, httpServerOptions } from './connection-limits.ts';
import { limitConnections } from './connections.ts';
import { drainable } from './drain.ts';
import { expressServer } from './http-server.ts';
import { checkServerOptions, type ServerOptions } from './options.ts';
import { disablePretenuring } from './pretenuring.ts';

/** What startServer takes, and throws when the options are refused. */
export { StartupError, type ServerOptions } from './options.ts';

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
  // Scenarios run in worker threads that load the same rule files; a rule base given in memory cannot be
  // loaded there, so its scenarios run in this thread.
  const scenarios = o.ruleBase ? inThisThread(ruleBase) : new ScenarioPool({ rulesDir: BUNDLED_RULES_DIR });
  const evaluator = new Evaluator(ruleBase, o.engine);
  const logger = o.logger ?? createLogger();
  // Values or verordeningen that run out soon: one line each, about the rule base only (no case facts).
  for (const w of horizonWarnings(ruleBase, today())) {
    logger.warn({ horizon: w.kind, set: w.set, parameter: w.kind === 'parameter' ? w.name : undefined, lastDay: w.lastDay }, w.message.nl);
  }
  const app = createApp({
    ruleBase,
    evaluator,
    verifier: new KeyVerifier(o.keys),
    limiter: o.limiter ?? new RateLimiter({ rate: o.rate, burst: o.burst }),
    logger,
    openapi: await generateOpenApi(ruleBase, evaluator),
    scenarios,
  });
  const limits = connectionLimits(o.connections);
  const server = expressServer(app, httpServerOptions(limits));
  limitConnections(server, limits);
  const stop = drainable(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      // Once listening, an error is one accepted connection's (e.g. EMFILE, out of file descriptors):
      // logged, never the end of the server for everyone else.
      server.on('error', (e: NodeJS.ErrnoException) => logger.error({ code: e.code, syscall: e.syscall }, 'connection not accepted'));
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    server,
    url: `http://${host}:${port}/v1`,
    inFlight: stop.inFlight,
    close: async (graceMs = 0) => {
      const stopped = await stop.drain(graceMs);
      await scenarios.close();
      return stopped;
    },
  };
}
