// A JSON answer written straight to the response. Express's res.json also checks freshness for a 304;
// a decision (about 17 KB, on the hot path) does not need it. The text is encoded once: its length and
// the bytes written come from the same Buffer (a decision's sentences hold the euro sign, so its text is
// a two-byte string, which would otherwise be encoded twice: once to count its bytes, once to write).
import type { Response } from 'express';

export function sendJson(res: Response, body: unknown): void {
  const bytes = Buffer.from(JSON.stringify(body));
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', bytes.length);
  res.end(bytes);
}
