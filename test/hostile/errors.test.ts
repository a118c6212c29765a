// Issue 16, findings 3: error answers are bounded and linear in the input, always problem+json, and no
// error path answers Express's HTML page or a stack trace — not even when building the problem fails.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { errorHandler } from '../../src/http/error-handler.ts';
import { createLogger } from '../../src/http/logging.ts';
import { ApiProblem, MAX_INVALID_PARAMS } from '../../src/http/problem.ts';
import { auth, client, makeApp } from '../api/helpers.ts';

const api = client(makeApp().app);
const url = '/v1/regulations/GM0014/evaluations';
const unknownKeys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 1]));

describe('a body with many unknown keys (finding 3)', () => {
  it('lists at most the first 100, counts the rest, and names each key once', async () => {
    const body = { applicationDate: '2026-09-01', ...unknownKeys(8000) };
    const res = await api.post(url, body);
    expect([res.status, res.type]).toEqual([400, 'application/problem+json']);
    expect(res.body.invalidParams).toHaveLength(MAX_INVALID_PARAMS);
    expect(res.body.invalidParamsOmitted).toBe(8000 - MAX_INVALID_PARAMS);
    expect(res.body.invalidParams[0]).toEqual({ name: '$.k0', code: 'unrecognized_keys', reason: "Onbekend veld 'k0'" });
    expect(res.body.detail).toBe('Het verzoek voldoet niet aan het schema: 8000 fouten; de eerste 100 staan in invalidParams.');
    // The answer stays far smaller than the request that caused it.
    expect(res.text.length).toBeLessThan(JSON.stringify(body).length);
  });

  it('answers a batch case with them as its own 400, the batch 200', async () => {
    const res = await api.post(`${url}/batch`, { cases: [{ applicationDate: '2026-09-01', ...unknownKeys(8000) }] });
    expect(res.status).toBe(200);
    expect(res.body.results[0]).toMatchObject({ index: 0, status: 400, problem: { invalidParamsOmitted: 8000 - MAX_INVALID_PARAMS } });
    expect(res.body.results[0].problem.invalidParams).toHaveLength(MAX_INVALID_PARAMS);
  });

  it('speaks English on request', async () => {
    const res = await api.post(url, { zz: 1 }, { ...auth, 'Accept-Language': 'en' });
    expect(res.body.invalidParams).toEqual([{ name: '$.zz', code: 'unrecognized_keys', reason: "Unknown field 'zz'" }]);
  });
});

describe('when building the problem itself fails', () => {
  it('answers a fixed problem+json 500, not Express\'s HTML page or a stack trace, and logs no message', async () => {
    const lines: string[] = [];
    const app = express();
    // A problem whose extension member cannot be serialised (a BigInt): rendering it throws.
    app.get('/x', () => { throw new ApiProblem(400, 'x', { nl: 'x', en: 'x' }, { nl: 'x', en: 'x' }, { big: 1n }); });
    app.use(errorHandler(createLogger({ write: (l: string) => void lines.push(l) })));
    const res = await request(app).get('/x');
    expect([res.status, res.type]).toEqual([500, 'application/problem+json']);
    expect(res.body).toMatchObject({ type: 'https://voorrang.nl/problemen/interne-fout', status: 500 });
    expect(res.text).not.toMatch(/<html|<pre|at .*\.ts:\d+/);
    expect(lines.join('\n')).not.toMatch(/BigInt/);
  });
});

describe('an unknown municipality (finding 10)', () => {
  it('repeats a well-formed code, and nothing else a client put in the path', async () => {
    const known = await api.get('/v1/regulations/GM9999');
    expect([known.status, known.body.detail]).toEqual([404, expect.stringContaining("Gemeente 'GM9999'")]);
    const odd = await api.get(`/v1/regulations/${encodeURIComponent('<b>x</b>')}`);
    expect(odd.status).toBe(404);
    expect(odd.text).not.toContain('<b>');
  });
});
