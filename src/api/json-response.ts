// A JSON answer written straight to the response. Express's res.json also checks freshness for a 304 and
// copies a long string into a Buffer first; a decision (about 17 KB, on the hot path) needs neither.
import type { Response } from 'express';

export function sendJson(res: Response, body: unknown): void {
  const text = JSON.stringify(body);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}
