// A JSON answer written straight to the response: res.json's freshness check for a 304 is not needed on
// the hot path, and the text is encoded once (a decision's euro signs make it a two-byte string, which
// would otherwise be encoded twice: once to count its bytes, once to write them).
// Large answers (a batch, a regulation, the OpenAPI document) are compressed for callers that accept it,
// on libuv's thread pool rather than the event loop. A single decision is sent as is: compressing it would
// cost more CPU than the bytes saved are worth.
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
