// A JSON answer written straight to the response. Express's res.json also checks freshness for a 304;
// a decision (about 17 KB, on the hot path) does not need it. The text is encoded once: its length and
// the bytes written come from the same Buffer (a decision's sentences hold the euro sign, so its text is
// a two-byte string, which would otherwise be encoded twice: once to count its bytes, once to write).
//
// Large answers are compressed when the caller accepts it (Accept-Encoding: br or gzip): a batch of 1,000
// different decisions is 9 MB of JSON, 132 KB as brotli and 368 KB as gzip; a regulation is 62 KB, the
// OpenAPI document 257 KB. Compression runs on libuv's thread pool, not on the event loop. A single
// decision stays under the threshold and is sent as is: compressing it would add about a fifth to an
// evaluation's CPU, where the bytes saved hardly matter.
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Response } from 'express';

/** Answers from this size on are compressed for callers that accept it. */
export const COMPRESS_FROM = 32 * 1024;

type Coding = 'br' | 'gzip';
type Compress = (bytes: Buffer, done: (e: Error | null, packed: Buffer) => void) => void;

// Fast settings: at these the compression of a batch takes a small part of the time its evaluation does.
const compressors: Record<Coding, Compress> = {
  br: (bytes, done) => brotliCompress(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }, done),
  gzip: (bytes, done) => gzip(bytes, { level: 6 }, done),
};

export function sendJson(res: Response, body: unknown): void {
  sendJsonBytes(res, Buffer.from(JSON.stringify(body)));
}

/** The same for JSON already encoded (e.g. the OpenAPI document, made once). */
export function sendJsonBytes(res: Response, bytes: Buffer): void {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  if (bytes.length < COMPRESS_FROM) return send(res, bytes);
  res.vary('Accept-Encoding');
  const coding = codingFor(res);
  if (!coding) return send(res, bytes);
  compressors[coding](bytes, (e, packed) => {
    if (e) return send(res, bytes); // the plain answer is still right
    res.setHeader('Content-Encoding', coding);
    send(res, packed);
  });
}

/**
 * Brotli or gzip by the caller's q-values (a coding it does not name counts as its `*`, else as refused);
 * brotli on a tie, because it is both smaller and faster here. None when the caller accepts neither.
 */
function codingFor(res: Response): Coding | undefined {
  const header = res.req.headers['accept-encoding'];
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    const weight = params.find((x) => x.startsWith('q='));
    if (name) q.set(name, weight ? Number(weight.slice(2)) || 0 : 1);
  }
  const of = (coding: Coding) => q.get(coding) ?? q.get('*') ?? 0;
  const br = of('br');
  const gz = of('gzip');
  return br > 0 && br >= gz ? 'br' : gz > 0 ? 'gzip' : undefined;
}

function send(res: Response, bytes: Buffer): void {
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}
