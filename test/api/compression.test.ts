// Large answers (a batch, a regulation, the OpenAPI document) are compressed for callers that accept it;
// a single decision, on the hot path, never is. What a caller decodes is byte for byte what it would get
// uncompressed.
import type { AddressInfo } from 'node:net';
import { request, type Server } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleCases } from '../../src/api/example-cases.ts';
import { COMPRESS_FROM } from '../../src/api/json-response.ts';
import { auth, makeApp } from './helpers.ts';

const cases = exampleCases.filter((e) => e.municipality === 'GM0014').map((e) => e.case);
const batch = JSON.stringify({ cases: Array.from({ length: 1000 }, (_, i) => cases[i % cases.length]) });

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer; text: string }

let server: Server;
let origin: string;
beforeAll(async () => {
  server = makeApp().app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));

/** The answer as sent (`bytes`) and as the caller decodes it (`text`). */
function fetchRaw(path: string, headers: Record<string, string>, body?: string): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { method: body ? 'POST' : 'GET', headers: { ...headers, ...(body && { 'content-type': 'application/json', ...auth }) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const coding = res.headers['content-encoding'];
        const text = (coding === 'br' ? brotliDecompressSync(bytes) : coding === 'gzip' ? gunzipSync(bytes) : bytes).toString('utf8');
        resolve({ status: res.statusCode!, headers: res.headers, bytes, text });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('compressed answers', () => {
  it('compress a batch of 1,000 decisions with brotli to a fraction, and decode to the same JSON', async () => {
    const plain = await fetchRaw('/v1/regulations/GM0014/evaluations/batch', {}, batch);
    const packed = await fetchRaw('/v1/regulations/GM0014/evaluations/batch', { 'Accept-Encoding': 'gzip, deflate, br' }, batch);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.length).toBe(Number(plain.headers['content-length']));
    expect(packed.status).toBe(200);
    expect(packed.headers['content-encoding']).toBe('br');
    expect(packed.bytes.length).toBe(Number(packed.headers['content-length']));
    expect(packed.text).toBe(plain.text);
    expect(packed.bytes.length).toBeLessThan(plain.bytes.length / 10);
    expect(packed.headers.vary).toMatch(/Accept-Language/);
    expect(packed.headers.vary).toMatch(/Accept-Encoding/);
    expect(JSON.parse(packed.text).results).toHaveLength(1000);
  }, 30_000);

  it('use gzip for a caller that accepts only gzip, or prefers it', async () => {
    for (const accept of ['gzip', 'br;q=0.5, gzip', 'gzip, br;q=0', 'GZIP;q=0.8, *;q=0.1']) {
      const res = await fetchRaw('/v1/openapi.json', { 'Accept-Encoding': accept });
      expect(res.headers['content-encoding'], accept).toBe('gzip');
      expect(JSON.parse(res.text).openapi).toMatch(/^3\./);
    }
  });

  it('send a regulation uncompressed to a caller that accepts neither, or says nothing', async () => {
    for (const headers of [{}, { 'Accept-Encoding': 'identity' }, { 'Accept-Encoding': 'br;q=0, gzip;q=0, deflate' }, { 'Accept-Encoding': 'deflate, *;q=0' }] as Record<string, string>[]) {
      const res = await fetchRaw('/v1/regulations/GM0014?date=2026-09-01', headers);
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding'], JSON.stringify(headers)).toBeUndefined();
      expect(res.bytes.length).toBeGreaterThanOrEqual(COMPRESS_FROM);
      expect(JSON.parse(res.text).municipality.code).toBe('GM0014');
    }
  });

  it('take brotli on a tie, and for a wildcard', async () => {
    for (const accept of ['gzip, deflate, br', '*', 'gzip;q=0.5, *;q=0.5']) {
      const res = await fetchRaw('/v1/openapi.json', { 'Accept-Encoding': accept });
      expect(res.headers['content-encoding'], accept).toBe('br');
    }
  });

  it('never compress a single decision, which stays under the threshold', async () => {
    const res = await fetchRaw('/v1/regulations/GM0014/evaluations', { 'Accept-Encoding': 'br, gzip' }, JSON.stringify(cases[0]));
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.bytes.length).toBeLessThan(COMPRESS_FROM);
    expect(res.headers.vary).not.toMatch(/Accept-Encoding/);
  });
});
