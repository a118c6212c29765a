// Public law may be read from any web page: a municipality's site showing which scheme is in force, a
// policy adviser's notebook. So every GET under /v1 answers a cross-origin caller with
// `Access-Control-Allow-Origin: *`, and a preflight is allowed GET only. Evaluations and scenarios (POST)
// get neither: they carry personal data and an organisation's API key, which belongs in its server, not
// in a browser.
import type { RequestHandler } from 'express';

const EXPOSED = 'API-Version, Content-Language, X-Request-ID, Retry-After';
const ALLOWED_HEADERS = 'Accept-Language, X-Request-ID';

export const publicReads: RequestHandler = (req, res, next) => {
  if (req.headers.origin === undefined) return next();
  if (req.method === 'GET' || req.method === 'HEAD') {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    return next();
  }
  if (req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined) {
    // A preflight: HTTP's, not the API's, so answered here for every path, without a body.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Allow-Methods', 'GET');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '86400');
    return void res.status(204).end();
  }
  next();
};
