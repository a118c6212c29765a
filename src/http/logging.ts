// One log line per request (pino, JSON): request id, route, status (or aborted), duration, client,
// municipality, outcome and rule-base digest. Request bodies, query strings and case facts are never
// logged: cases hold health and violence data. Only fields named here can reach the log.
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogFields } from './context.ts';

export type { Logger };

export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'voorrang-api' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** `mounts`: the paths routers are mounted under (e.g. /v1), so that a route is logged under its full path. */
export function requestLog(logger: Logger, mounts: readonly string[] = []): RequestHandler {
  return (req, res, next) => {
    const start = performance.now();
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.locals.log = {};
    res.setHeader('X-Request-ID', requestId);
    const line = (fields: { status?: number; aborted?: true }) => ({
      reqId: requestId,
      method: req.method,
      route: routeTemplate(req, mounts),
      ...fields,
      durationMs: Math.round((performance.now() - start) * 100) / 100,
      client: res.locals.client,
      ...pick(res.locals.log),
    });
    res.on('finish', () => {
      const status = res.statusCode;
      // 503 is the server refusing load it cannot take (memory-budget.ts), not a failure.
      logger[status === 503 ? 'warn' : status >= 500 ? 'error' : 'info'](line({ status }), 'request');
    });
    // Closed before its answer was out: the caller went away, or a stop cut it off (server/drain.ts).
    res.on('close', () => {
      if (!res.writableFinished) logger.warn(line({ aborted: true }), 'request aborted');
    });
    next();
  };
}

/**
 * The route template (e.g. /v1/regulations/:municipalityCode/evaluations), not the raw URL, which may
 * carry a query. The router leaves the matched route on req.route, without its mount path: that is
 * the mount the URL lies under (req.baseUrl cannot tell: a thrown error resets it on the way out).
 */
function routeTemplate(req: Request, mounts: readonly string[]): string | undefined {
  const route = req.route as { path?: unknown } | undefined;
  if (!route) return undefined;
  const mount = mounts.find((m) => req.originalUrl.startsWith(`${m}/`)) ?? '';
  return `${mount}${String(route.path)}`;
}

function pick(f: LogFields) {
  const { municipality, outcome, digest, cases, outcomes } = f;
  return { municipality, outcome, digest, cases, outcomes };
}

/** An unexpected error: its kind and where, but not its message, which might quote input. */
export function logUnexpected(logger: Logger, requestId: string, err: unknown): void {
  const e = err instanceof Error ? err : new Error('non-error thrown');
  logger.error({ reqId: requestId, errName: e.name, stack: e.stack?.split('\n').slice(1).join('\n') }, 'unexpected error');
}
