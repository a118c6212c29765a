// The node:http server for an Express app, built so that Express need not change the prototype of every
// request and response. Express's app.handle calls Object.setPrototypeOf(req, app.request) (and the
// same for res) on each request. In V8 that leaves each of those objects with a hidden class of its own,
// which makes young-generation garbage collection several times slower: on this machine a no-op Express
// endpoint's collections took 8 ms on average instead of under 1 ms, its p99 at 1,000 req/s was
// 11–21 ms instead of 3–8 ms, and it served less than half the requests per second
// (docs/api.md#benchmark).
// Here Node constructs requests and responses as instances of two subclasses whose prototypes carry
// Express's request and response methods, and the app is told to use those prototypes, so Express's call
// finds nothing to change. Subclasses (not functions with a borrowed prototype, which V8 treats the same
// slow way) keep Node's own object layout. Express is otherwise used unchanged.
import { createServer, IncomingMessage, ServerResponse, type Server } from 'node:http';
import type { Express } from 'express';

/** Puts Express's request (or response) methods under `cls` and makes its prototype the app's. */
function adopt(app: Express, key: 'request' | 'response', cls: { prototype: object }): void {
  // Between the subclass and Node's class come Express's methods; the app's own properties (`app`
  // itself) are copied onto the subclass's prototype.
  Object.setPrototypeOf(cls.prototype, Object.getPrototypeOf(app[key]));
  Object.defineProperties(cls.prototype, Object.getOwnPropertyDescriptors(app[key]));
  (app as unknown as Record<string, object>)[key] = cls.prototype;
}

/** An HTTP server for `app`; one app per server (the prototypes are the app's). */
export function expressServer(app: Express): Server {
  const Request = class ExpressRequest extends IncomingMessage {};
  const Response = class ExpressResponse extends ServerResponse {};
  adopt(app, 'request', Request);
  adopt(app, 'response', Response);
  return createServer({ IncomingMessage: Request, ServerResponse: Response }, app);
}
