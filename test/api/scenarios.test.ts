// POST /v1/scenarios through the app, every response checked against openapi.yaml.
import { describe, expect, it } from 'vitest';
import { ScenarioReport } from '../../src/scenario/model/report-schema.ts';
import { mantelzorg } from '../engine/cases.ts';
import { openapiFile } from './contract.ts';
import { auth, client, makeApp, ruleBase } from './helpers.ts';
import { scenarioCost } from '../../src/scenario/run/cost.ts';
import { prepareScenario } from '../../src/scenario/run/prepare.ts';
import { factsLogged } from './log-facts.ts';

const { app, logs } = makeApp();
const api = client(app);
const url = '/v1/scenarios';
const problemType = (slug: string) => `https://voorrang.nl/problemen/${slug}`;
// The concepts are simulated: nine municipalities have no scheme in force, and Groningen's 2025 verordening no hours limit.
const scenario = { name: '10 uur', date: '2026-08-03', baseline: { regulation: 'concept' }, variant: { regulation: 'concept', changes: [{ op: 'setParameter', parameter: 'mantelzorg.minimumUrenPerWeek', value: 10, basis: { article: '2.6' } }] } };
const generated = (size: number) => ({ scenario, population: { generate: { size, seed: 1 } } });
const operation = openapiFile.paths['/scenarios'].post;

describe('POST /v1/scenarios', () => {
  it('the example request in openapi.yaml gives the example report', async () => {
    const res = await api.post(url, operation.requestBody.content['application/json'].examples.generated.value);
    expect(res.status).toBe(200);
    expect(res.body).toEqual(operation.responses['200'].content['application/json'].examples.generated.value);
  });

  it('inline cases over the 1 MiB API limit fit its own limit; logs the case count, no facts', async () => {
    const cases = Array.from({ length: 3000 }, (_, i) => ({ id: `c${i}`, municipality: 'GM1966', case: mantelzorg({ hoursPerWeek: i % 2 ? 9 : 12, distanceKm: 13.625 }) }));
    expect(JSON.stringify(cases).length).toBeGreaterThan(1024 * 1024);
    const res = await api.post(url, { scenario, population: { cases } });
    expect(res.status).toBe(200);
    const report = ScenarioReport.parse(res.body);
    expect(report.scopes[0]!.transitions.find((t) => t.from !== t.to)).toEqual({ from: 'urgent:mantelzorg', to: 'not-urgent', count: 1500 });
    const line = JSON.parse(logs.at(-1)!);
    expect(line).toMatchObject({ route: '/v1/scenarios', status: 200, client: 'woonstad', cases: 3000 });
    expect(factsLogged(logs.at(-1)!, ['13.625'])).toEqual([]);
  });

  it('a generated population, in the language asked for; with vacancies the fair share', async () => {
    const vacancies = { year: 2025, source: 'test', targetShare: 0.3, municipalities: { GM0014: { vacancies: 3200 }, GM1966: { vacancies: 420 } } };
    const res = await api.post(url, { ...generated(500), vacancies }, { ...auth, 'Accept-Language': 'en' });
    expect([res.status, res.body.population.cases, res.body.scenario.language]).toEqual([200, 500, 'en']);
    expect(res.body.fairShare.targetShare).toBe(0.3);
  });

  it('400 for malformed JSON, an invalid request, or inline cases without a known municipality', async () => {
    const malformed = await api.send('post', url, (t) => t.set(auth).set('Content-Type', 'application/json').send('{"scenario": {'));
    expect([malformed.status, malformed.body.type]).toEqual([400, problemType('ongeldige-json')]);
    const invalid = await api.post(url, { ...generated(100_001), extra: 1 });
    expect([invalid.status, invalid.body.type]).toEqual([400, problemType('ongeldige-invoer')]);
    expect(invalid.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['$.extra', '$.population.generate.size']);
    const unknown = await api.post(url, { scenario, population: { cases: [{ case: {} }, { municipality: 'GM9999', case: {} }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['$.population.cases[0].municipality', '$.population.cases[1].municipality']);
  });

  it('401 without a key or with a wrong one', async () => {
    for (const headers of [{}, { Authorization: 'Bearer vr_wrong' }] as Record<string, string>[]) {
      const res = await api.post(url, generated(10), headers);
      expect([res.status, res.body.type]).toEqual([401, problemType('niet-geautoriseerd')]);
    }
  });

  it('413 over 16 MiB, 415 for a body that is not JSON', async () => {
    const big = await api.send('post', url, (t) => t.set(auth).set('Content-Type', 'application/json').send(`{"pad": "${'x'.repeat(17 * 1024 * 1024)}"}`));
    expect([big.status, big.body.type]).toEqual([413, problemType('body-te-groot')]);
    expect(big.body.detail).toContain('16 MiB');
    const text = await api.send('post', url, (t) => t.set(auth).set('Content-Type', 'text/plain').send('scenario'));
    expect([text.status, text.body.type]).toEqual([415, problemType('mediatype-niet-ondersteund')]);
  });

  it('422 for a variant that breaks the law, with the conformance message', async () => {
    const res = await api.post(url, { scenario: { ...scenario, variant: { regulation: 'concept', changes: [{ op: 'removeCategory', category: 'medisch', basis: { article: '2.7' } }] } }, population: { generate: { size: 10, seed: 1 } } });
    expect([res.status, res.body.type]).toEqual([422, problemType('scenario-geweigerd')]);
    expect(res.body.invalidParams[0]).toMatchObject({ name: '$.scenario.variant.changes', code: 'scenario_refused' });
  });

  it('charges a run by its cost, cases × the leaves of both sides: above the burst it leaves the client in debt', async () => {
    const limited = client(makeApp({ rate: 1, burst: 50 }).app);
    const cost = scenarioCost(prepareScenario(scenario as never, { ruleBase }), 2001).tokens;
    expect(cost).toBeGreaterThan(50);
    // Admitted from a bucket not in debt (50 − 1 for the request itself), and charged in full …
    expect((await limited.post(url, generated(2001))).status).toBe(200);
    // … so the next request waits until the debt is paid at 1 token a second.
    const next = await limited.post(url, generated(10));
    expect([next.status, next.body.type]).toEqual([429, problemType('te-veel-verzoeken')]);
    expect(Number(next.headers['retry-after'])).toBe(cost - 49 + 1);
  });

  it('405 for other methods', async () => {
    const res = await api.get(url);
    expect([res.status, res.headers.allow]).toEqual([405, 'POST']);
  });
});
