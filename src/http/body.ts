// JSON request bodies: the content type is checked first (415), then the body is read up to a limit
// (413) and parsed (400). Read here rather than with express.json: evaluations are the hot path, and
// body-parser's generality (iconv charsets, verify hooks, type matching per request) cost about a tenth
// of an evaluation's CPU. JSON is UTF-8 (RFC 8259), so another charset is refused, not converted.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { RequestHandler } from 'express';
import { problems, type ApiProblem } from './problem.ts';
import { MAX_DEPTH, tooDeepAt } from '../rulebase/depth.ts';
import { jsonPath } from '../rulebase/problems.ts';
import type { Lang } from '../rulebase/lang.ts';

export interface BodyLimit {
  bytes: number;
  /** As a person reads it in the 413 problem, e.g. "1 MiB". */
  text: string;
}

export const BODY_LIMIT: BodyLimit = { bytes: 1024 * 1024, text: '1 MiB' };

/** Middleware: parses the JSON body into req.body, or throws the problem that says why it cannot. */
export const jsonBody = (limit: BodyLimit = BODY_LIMIT): RequestHandler => (req, res, next) => {
  const type = req.headers['content-type'];
  if (!isJson(type)) throw problems.unsupportedMediaType(type);
  readJson(req, res, limit).then((body) => {
    req.body = body;
    next();
  }, next);
};

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

function readJson(req: IncomingMessage, res: ServerResponse, limit: BodyLimit): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // Refused before reading: the client said it is too large. The connection closes, so the unread
    // rest of the body cannot be taken for the next request.
    const tooLarge = () => {
      res.setHeader('Connection', 'close');
      return problems.payloadTooLarge(limit.text);
    };
    if (Number(req.headers['content-length']) > limit.bytes) return reject(tooLarge());
    const stream = decoded(req);
    if (!('pipe' in stream)) return reject(stream);
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const fail = (problem: ApiProblem) => {
      if (settled) return;
      settled = true;
      stream.removeAllListeners('data');
      reject(problem);
    };
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit.bytes) return fail(tooLarge());
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
      const text = (chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
      } catch {
        return reject(problems.malformedJson());
      }
      const deep = tooDeepAt(body);
      const lang = (res as ServerResponse & { locals?: { lang?: Lang } }).locals?.lang ?? 'nl';
      if (deep) return reject(problems.tooDeep(jsonPath(deep), MAX_DEPTH, lang));
      resolve(body);
    });
  });
}
