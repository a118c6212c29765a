// JSON request bodies, in two steps a route puts in its chain: readBody checks the content type (415) and
// reads up to a limit (413), holding the bytes in the request's memory reservation (503 when the server's
// budget is spent, see memory-budget.ts); parseJson finds the body's shape before building it (too many
// values: 413; too deep: 400), reserves the parsed size, then parses (400). Between the two a route can
// charge the bytes read (rate-limit.ts), so a body over the sender's limit is never parsed.
// Read here rather than with express.json: evaluations are the hot path, and body-parser's generality
// (iconv charsets, verify hooks, type matching per request) cost about a tenth of an evaluation's CPU.
// JSON is UTF-8 (RFC 8259), so another charset is refused, not converted.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { RequestHandler, Response } from 'express';
import { problems, type ApiProblem } from './problem.ts';
import { reservationOf, type Reservation } from './memory-budget.ts';
import { parsedSizeOf, shapeOf } from './json-shape.ts';
import { MAX_DEPTH, tooDeepAt } from '../rulebase/depth.ts';
import { jsonPath } from '../rulebase/problems.ts';
import type { Lang } from '../rulebase/lang.ts';

export interface BodyLimit {
  bytes: number;
  /** As a person reads it in the 413 problem, e.g. "1 MiB". */
  text: string;
  /** The most values (see json-shape.ts) a body may hold; default: any number the bytes allow. */
  values?: number;
}

export const BODY_LIMIT: BodyLimit = { bytes: 1024 * 1024, text: '1 MiB' };

/** Middleware: reads the body into res.locals.rawBody (decoded, not parsed), or throws why it cannot. */
export const readBody = (limit: BodyLimit = BODY_LIMIT): RequestHandler => (req, res, next) => {
  const type = req.headers['content-type'];
  if (!isJson(type)) throw problems.unsupportedMediaType(type);
  read(req, res, limit).then((bytes) => {
    res.locals.rawBody = bytes;
    res.locals.bodyLimit = limit;
    next();
  }, next);
};

/** Middleware after readBody: parses res.locals.rawBody into req.body. */
export const parseJson: RequestHandler = (req, res, next) => {
  req.body = parseBody(res.locals.rawBody!, res.locals.bodyLimit ?? BODY_LIMIT, { reservation: reservationOf(res), lang: res.locals.lang ?? 'nl' });
  next();
};

/**
 * Shape first, then the reservation for what the parse builds, then the parse and the depth's path.
 * Also used off the event loop, on bytes handed to a worker thread (api/scenario-run/).
 */
export function parseBody(bytes: Uint8Array, limit: BodyLimit, at: { reservation?: Reservation; lang: Lang }): unknown {
  const shape = shapeOf(bytes);
  if (limit.values !== undefined && shape.values > limit.values) throw problems.tooManyValues(limit.values);
  at.reservation?.add(parsedSizeOf(bytes.length, shape));
  let body: unknown;
  try {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
    body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    throw problems.malformedJson();
  }
  if (shape.depth > MAX_DEPTH) {
    const deep = tooDeepAt(body);
    if (deep) throw problems.tooDeep(jsonPath(deep), MAX_DEPTH, at.lang);
  }
  return body;
}

/** `application/json`, with no charset or a UTF-8 one. */
function isJson(type: string | undefined): boolean {
  if (!type) return false;
  const [mime, ...params] = type.split(';');
  if (mime!.trim().toLowerCase() !== 'application/json') return false;
  return params.every((p) => {
    const [name, value = ''] = p.split('=').map((s) => s.trim().toLowerCase());
    return name !== 'charset' || ['utf-8', 'utf8', '"utf-8"'].includes(value);
  });
}

function decoded(req: IncomingMessage): Readable | ApiProblem {
  const coding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  switch (coding) {
    case 'identity': return req;
    case 'gzip': case 'x-gzip': return req.pipe(createGunzip());
    case 'deflate': return req.pipe(createInflate());
    case 'br': return req.pipe(createBrotliDecompress());
    default: return problems.unsupportedMediaType(`Content-Encoding: ${coding}`);
  }
}

function read(req: IncomingMessage, res: ServerResponse & Response, limit: BodyLimit): Promise<Buffer> {
  const reservation: Reservation = reservationOf(res);
  return new Promise((resolve, reject) => {
    // Refused before reading or part-way: the connection closes, so the unread rest of the body cannot
    // be taken for the next request.
    const refuse = (problem: ApiProblem) => {
      res.setHeader('Connection', 'close');
      return problem;
    };
    if (Number(req.headers['content-length']) > limit.bytes) return reject(refuse(problems.payloadTooLarge(limit.text)));
    const stream = decoded(req);
    if (!('pipe' in stream)) return reject(stream);
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (problem: ApiProblem) => {
      if (settled) return;
      settled = true;
      stream.removeAllListeners('data');
      stream.resume(); // what still comes is dropped, not buffered
      reject(problem);
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit.bytes) return fail(refuse(problems.payloadTooLarge(limit.text)));
      try {
        reservation.add(chunk.length);
      } catch (busy) {
        return fail(refuse(busy as ApiProblem));
      }
      chunks.push(chunk);
    });
    // A broken compressed stream, or a client that hangs up mid-body.
    stream.on('error', () => fail(problems.malformedJson()));
    req.on('close', () => {
      if (!req.complete) fail(problems.malformedJson());
    });
    stream.on('end', () => {
      if (settled) return;
      settled = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
  });
}
