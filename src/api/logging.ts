// One log line per request (pino, JSON): request id, route, status, duration, client, municipality,
// outcome and rule-base digest. Request bodies, query strings and case facts are never logged: cases
// hold health and violence data. Only fields named here can reach the log.
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogFields } from './context.ts';

export type { Logger };

export function createLogger(destination?: DestinationStream, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'voorrang-api' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const start = performance.now();
    const incoming = req.get('x-request-id');
    res.locals.requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.log = {};
    res.set('X-Request-ID', res.locals.requestId);
    // The route template with the path its router is mounted on (/v1/regulations/:municipalityCode for the
    // API, /toetsen for the web front), taken when the router matches: by the time the response finishes, a
    // thrown error has left the router and req.baseUrl is reset.
    let matched: unknown, route: string | undefined;
    Object.defineProperty(req, 'route', {
      configurable: true, enumerable: true,
      get: () => matched,
      set(r: { path?: unknown } | undefined) {
        matched = r;
        route = r ? `${req.baseUrl}${String(r.path)}` : undefined;
      },
    });
    res.on('finish', () => {
      const status = res.statusCode;
      logger[status >= 500 ? 'error' : 'info']({
        reqId: res.locals.requestId,
        method: req.method,
        // The route template (e.g. /v1/regulations/:municipalityCode/evaluations), not the raw URL.
        route,
        status,
        durationMs: Math.round((performance.now() - start) * 100) / 100,
        client: res.locals.client,
        ...pick(res.locals.log),
      }, 'request');
    });
    next();
  };
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
