// GET /v1/regulations/{municipalityCode}/diff through the app, every response checked against openapi.yaml.
import { describe, expect, it } from 'vitest';
import { DiffReport } from '../../src/diff/model/report.ts';
import { client, evaluator, makeApp } from './helpers.ts';

const { app, logs } = makeApp();
const api = client(app);
const problemType = (slug: string) => `https://voorrang.nl/problemen/${slug}`;

describe('GET /v1/regulations/{municipalityCode}/diff', () => {
  it('against the model by default, on today, and logs the subject digest', async () => {
    const res = await api.get('/v1/regulations/GM0014/diff');
    expect(res.status).toBe(200);
    const report = DiffReport.parse(res.body);
    expect([report.base.set, report.subject.municipality?.code, report.date, report.language]).toEqual(['model/vng', 'GM0014', '2026-09-01', 'nl']);
    expect(JSON.parse(logs.at(-1)!)).toMatchObject({ route: '/v1/regulations/:municipalityCode/diff', municipality: 'GM0014', digest: report.subject.digest, status: 200 });
  });

  it('is the example in openapi.yaml for GM0014 against the model on 2026-09-01', async () => {
    const { openapiFile } = await import('./contract.ts');
    const example = openapiFile.paths['/regulations/{municipalityCode}/diff'].get.responses['200'].content['application/json'].examples.model.value;
    const res = await api.get('/v1/regulations/GM0014/diff?against=model&date=2026-09-01');
    expect(res.body).toEqual(example);
  });

  it('against another municipality or a date, in the language asked for', async () => {
    const neighbour = await api.get('/v1/regulations/GM0014/diff?against=GM1966&date=2026-08-01', { 'Accept-Language': 'en' });
    expect([neighbour.status, neighbour.body.base.name, neighbour.body.language]).toEqual([200, 'Het Hogeland', 'en']);
    const past = await api.get('/v1/regulations/GM0014/diff?against=2019-08-01&date=2026-08-01');
    expect([past.status, past.body.base.from, past.body.law.old]).toEqual([200, '2019-08-01', 'Huisvestingswet 2014']);
  });

  it('witnesses run on the app\'s evaluator', async () => {
    let calls = 0;
    const spy = {
      evaluate: evaluator.evaluate.bind(evaluator),
      evaluateUnder: (...args: Parameters<typeof evaluator.evaluateUnder>) => { calls++; return evaluator.evaluateUnder(...args); },
    };
    const res = await client(makeApp({ evaluator: spy }).app).get('/v1/regulations/GM0014/diff');
    expect(res.status).toBe(200);
    expect(calls).toBeGreaterThan(0);
  });

  it('400 for an invalid against or date, naming each', async () => {
    const res = await api.get('/v1/regulations/GM0014/diff?against=elsewhere&date=2026-02-30');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe(problemType('ongeldige-invoer'));
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['against', 'date']);
  });

  it('404 for an unknown municipality, as subject or as baseline', async () => {
    for (const url of ['/v1/regulations/GM9999/diff', '/v1/regulations/GM0014/diff?against=GM9999']) {
      const res = await api.get(url);
      expect([res.status, res.body.type]).toEqual([404, problemType('onbekende-gemeente')]);
    }
  });

  it('422 when a side has no regulation in force', async () => {
    for (const url of ['/v1/regulations/GM0014/diff?against=GM1966&date=2026-01-01', '/v1/regulations/GM0014/diff?against=2010-01-01']) {
      const res = await api.get(url);
      expect([res.status, res.body.type]).toEqual([422, problemType('geen-regeling-van-kracht')]);
      expect(res.body.nearestVersions.length).toBeGreaterThan(0);
    }
  });

  it('500 without the error\'s message when the evaluator fails, 405 for other methods', async () => {
    const secret = 'evaluator secret 4711';
    const failing = makeApp({ evaluator: { evaluate: () => Promise.reject(new Error(secret)), evaluateUnder: () => Promise.reject(new Error(secret)) } });
    const res = await client(failing.app).get('/v1/regulations/GM0014/diff');
    expect([res.status, res.body.type]).toEqual([500, problemType('interne-fout')]);
    expect(JSON.stringify(res.body) + failing.logs.join('\n')).not.toContain(secret);
    const post = await api.send('post', '/v1/regulations/GM0014/diff');
    expect([post.status, post.headers.allow]).toEqual([405, 'GET']);
  });
});
