// The node:http server for an Express app, built so that Express need not change the prototype of every
// request and response: its per-request Object.setPrototypeOf gives each object a hidden class of its own
// in V8, which slows garbage collection and every property access (measured: see git log).
// Node constructs them as instances of two subclasses whose prototypes carry Express's methods, so
// Express's call finds nothing to change; subclasses, because functions with a borrowed prototype are
// treated the same slow way. Express is otherwise used unchanged.
import { createServer, IncomingMessage, ServerResponse, type Server, type ServerOptions } from 'node:http';
import type { Express } from 'express';

/** Puts Express's request (or response) methods under `cls` and makes its prototype the app's. */
function adopt(app: Express, key: 'request' | 'response', cls: { prototype: object }): void {
  // Between the subclass and Node's class come Express's methods; the app's own properties (`app`
  // itself) are copied onto the subclass's prototype.
  Object.setPrototypeOf(cls.prototype, Object.getPrototypeOf(app[key]));
  Object.defineProperties(cls.prototype, Object.getOwnPropertyDescriptors(app[key]));
  (app as unknown as Record<string, object>)[key] = cls.prototype;
}

/** An HTTP server for `app`; one app per server (the prototypes are the app's). `options`: e.g. timeouts. */
export function expressServer(app: Express, options: ServerOptions = {}): Server {
  const Request = class ExpressRequest extends IncomingMessage {};
  const Response = class ExpressResponse extends ServerResponse {};
  adopt(app, 'request', Request);
  adopt(app, 'response', Response);
  return createServer({ ...options, IncomingMessage: Request, ServerResponse: Response }, app);
}
