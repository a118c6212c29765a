// Splits a byte stream into lines, in batches, without holding the file: a population is read as it
// streams, so memory stays flat as the file grows.
import type { Readable } from 'node:stream';

export interface LineBatch {
  /** Line number of the first line of the batch (1-based). */
  first: number;
  lines: string[];
  /** Bytes consumed so far, for progress. */
  bytes: number;
}

export async function* lineBatches(stream: Readable): AsyncGenerator<LineBatch> {
  let rest = '';
  let next = 1;
  let bytes = 0;
  stream.setEncoding('utf8');
  for await (const chunk of stream as AsyncIterable<string>) {
    bytes += Buffer.byteLength(chunk);
    const text = rest + chunk;
    const lines = text.split('\n');
    rest = lines.pop()!;
    if (lines.length) {
      yield { first: next, lines, bytes };
      next += lines.length;
    }
  }
  if (rest.length) yield { first: next, lines: [rest], bytes };
}

/** A line without its trailing carriage return (files written on Windows). */
export const chomp = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);
