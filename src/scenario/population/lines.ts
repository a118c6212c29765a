// Splits a byte stream into lines, in batches, without holding the file: a population is read as it
// streams, so memory stays flat as the file grows.
import { isAscii } from 'node:buffer';
import type { Readable } from 'node:stream';

export interface LineBatch {
  /** Line number of the first line of the batch (1-based). */
  first: number;
  lines: string[];
  /** Bytes consumed so far, for progress. */
  bytes: number;
}

// A newline byte never occurs inside a multi-byte UTF-8 sequence, so cutting at the last one gives text
// that decodes on its own; plain ASCII (the usual population) takes the much cheaper latin1 decoder.
export const decode = (b: Buffer): string => (isAscii(b) ? b.toString('latin1') : b.toString('utf8'));

export async function* lineBatches(stream: Readable): AsyncGenerator<LineBatch> {
  let rest: Buffer = Buffer.alloc(0);
  let next = 1;
  let bytes = 0;
  for await (const data of stream as AsyncIterable<Buffer | string>) {
    const chunk = typeof data === 'string' ? Buffer.from(data) : data;
    bytes += chunk.length;
    const first = chunk.indexOf(10);
    if (first < 0) {
      rest = Buffer.concat([rest, chunk]);
      continue;
    }
    // The line begun in the previous chunk is joined on its own; the rest of the chunk is decoded in place.
    const last = chunk.lastIndexOf(10);
    const lines = last > first ? decode(chunk.subarray(first + 1, last)).split('\n') : [];
    lines.unshift(decode(rest.length ? Buffer.concat([rest, chunk.subarray(0, first)]) : chunk.subarray(0, first)));
    rest = Buffer.from(chunk.subarray(last + 1)); // a copy: do not pin the whole chunk
    yield { first: next, lines, bytes };
    next += lines.length;
  }
  if (rest.length) yield { first: next, lines: [decode(rest)], bytes };
}

/** A line without its trailing carriage return (files written on Windows). */
export const chomp = (line: string): string => (line.endsWith('\r') ? line.slice(0, -1) : line);
