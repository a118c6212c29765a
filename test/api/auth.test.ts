import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { createKey, KeyConfigError, KeyVerifier, loadKeyEntries, parseKeyEntries, requireKey } from '../../src/http/auth.ts';
import { exampleCases } from '../../src/api/example-cases.ts';
import { ApiProblem } from '../../src/http/problem.ts';
import { RateLimiter } from '../../src/api/rate-limit.ts';
import { startServer, StartupError } from '../../src/server/start.ts';
import { serve } from '../../src/cli/serve.ts';
import { auth, client, KEY, keyEntries, makeApp, ruleBase } from './helpers.ts';

const aCase = exampleCases[0]!.case;
const url = '/v1/regulations/GM0014/evaluations';

describe('API keys on evaluations', () => {
  const api = client(makeApp().app);

  it('accepts a configured key and rejects a missing, malformed or wrong one with 401', async () => {
    expect((await api.post(url, aCase, auth)).status).toBe(200);
    const attempts: Record<string, string>[] = [{}, { Authorization: KEY }, { Authorization: 'Basic dXNlcjpwdw==' }, { Authorization: `Bearer ${KEY}x` }, { Authorization: 'Bearer ' }];
    for (const headers of attempts) {
      const res = await api.post(url, aCase, headers);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect(res.body.type).toBe('https://voorrang.nl/problemen/niet-geautoriseerd');
    }
    expect((await api.post(`${url}/batch`, { cases: [aCase] }, {})).status).toBe(401);
    expect((await api.post('/v1/scenarios', { scenario: {}, population: { generate: { size: 1, seed: 1 } } }, {})).status).toBe(401);
  });

  it('leaves regulations, their diff, health, docs and the OpenAPI document public', async () => {
    for (const path of ['/v1/regulations', '/v1/regulations/GM0014', '/v1/regulations/GM0014/diff', '/v1/health', '/v1/openapi.json', '/v1/docs']) {
      expect((await api.get(path)).status).toBe(200);
    }
  });

  it('opens evaluations to loopback callers only when no keys are configured', async () => {
    const open = client(makeApp({ keys: [] }).app);
    expect((await open.post(url, aCase, {})).status).toBe(200);

    const guard = requireKey(new KeyVerifier([]));
    const remote = { socket: { remoteAddress: '10.1.2.3' }, get: () => undefined } as unknown as Request;
    const res = { locals: {} } as unknown as Response;
    await expect(Promise.resolve(guard(remote, res, () => undefined))).rejects.toThrow(ApiProblem);
  });

  it('verifies a key against every configured hash and knows its client', async () => {
    const other = await createKey('lefier');
    const verifier = new KeyVerifier([...parseKeyEntries(other.line, 'x'), ...keyEntries]);
    expect(await verifier.verify(KEY)).toBe('woonstad');
    expect(await verifier.verify(other.key)).toBe('lefier');
    expect(await verifier.verify('vr_guess')).toBeUndefined();
  });

  it('reads hashed keys from a file and the environment, never plain keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voorrang-keys-'));
    const second = await createKey('acantus');
    const file = join(dir, 'keys');
    writeFileSync(file, `# client:salt:hash\n${second.line}\n\n`);
    const entries = loadKeyEntries({ VOORRANG_API_KEYS_FILE: file, VOORRANG_API_KEYS: keyEntries.length ? (await createKey('a')).line : '' });
    expect(entries.map((e) => e.client)).toEqual(['acantus', 'a']);
    expect(second.line).not.toContain(second.key);
    expect(() => parseKeyEntries(second.key, 'VOORRANG_API_KEYS')).toThrow(KeyConfigError);
    expect(() => loadKeyEntries({ VOORRANG_API_KEYS_FILE: join(dir, 'missing') })).toThrow(KeyConfigError);
  });
});

describe('rate limit per key', () => {
  it('answers 429 with Retry-After when the bucket is empty, and lets through again later', async () => {
    const t = makeApp({ rate: 2, burst: 5 });
    const api = client(t.app);
    // A batch of 5 spends the whole burst.
    expect((await api.post(`${url}/batch`, { cases: Array.from({ length: 5 }, () => aCase) })).status).toBe(200);
    const limited = await api.post(url, aCase);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('1');
    expect(limited.body.type).toBe('https://voorrang.nl/problemen/te-veel-verzoeken');
    t.advance(500);
    expect((await api.post(url, aCase)).status).toBe(200);
    expect((await api.post(url, aCase)).status).toBe(429);
  });

  it('counts each case of a batch', () => {
    let now = 0;
    const limiter = new RateLimiter({ rate: 10, burst: 1000, now: () => now });
    expect(limiter.take('a', 990)).toBe(0);
    expect(limiter.take('a', 20)).toBe(1);
    expect(limiter.take('b', 20)).toBe(0);
    now += 1000;
    expect(limiter.take('a', 20)).toBe(0);
  });
});

describe('start-up', () => {
  it('refuses a non-loopback host without keys', async () => {
    await expect(startServer({ host: '0.0.0.0', port: 0, keys: [], rate: 100, burst: 2000, ruleBase })).rejects.toThrow(StartupError);
    expect(await serve(['--host', '0.0.0.0', '--port', '0'], {})).toBe(1);
  });

  it('listens on loopback without keys, and on any host with keys', async () => {
    const local = await startServer({ host: '127.0.0.1', port: 0, keys: [], rate: 100, burst: 2000, ruleBase });
    expect(local.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    await local.close();
    const keyed = await startServer({ host: '0.0.0.0', port: 0, keys: keyEntries, rate: 100, burst: 2000, ruleBase });
    await keyed.close();
  });

  it('rejects a burst smaller than a full batch', async () => {
    await expect(startServer({ host: '127.0.0.1', port: 0, keys: [], rate: 100, burst: 10, ruleBase })).rejects.toThrow(StartupError);
  });
});
