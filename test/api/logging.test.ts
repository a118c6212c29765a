// Cases hold health and violence data: the log may carry identifiers and outcomes, never facts.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/case/schema.ts';
import { auth, client, makeApp } from './helpers.ts';
import { factsLogged } from './log-facts.ts';

const sensitive: Case = {
  applicationDate: '2026-09-01',
  applicant: { age: 73, dateOfBirth: '1953-04-17', lawfulResidence: true },
  household: { adults: 1, minorChildren: 3, partnerAge: 71 },
  income: { annualHousehold: 23456.78, netMonthly: 1234.56 },
  residence: { municipality: 'GM0014', yearsRegistered: 7.25, housing: 'shelter', yearsIndependent: 11.5, boundToRegion: true },
  registration: { points: 77 },
  grounds: {
    opvang: { granted: true, reason: 'mensenhandel', leaving: true, leavingDate: '2026-08-28' },
    violence: { kind: 'mensenhandel', confirmed: true },
    medical: { serious: true, chronic: true, independentAdvice: 'urgent', causedByDwelling: true },
  },
  conduct: { ownFault: false, canSolveWithinThreeMonths: false, rentArrears: false, nuisance: false },
};
const facts = ['23456.78', '1234.56', '7.25', '11.5', '1953-04-17', '2026-08-28', 'mensenhandel', 'shelter', 'violence', 'opvang', 'medical', 'chronic', 'grounds', 'independentAdvice', 'boundToRegion', 'partnerAge'];

describe('request logs', () => {
  it('carry request id, route, status, duration, client, municipality, outcome and digest', async () => {
    const { app, logs } = makeApp();
    const res = await client(app).post('/v1/regulations/GM0014/evaluations', sensitive, { ...auth, 'X-Request-ID': 'req-42' });
    const line = JSON.parse(logs.at(-1)!);
    expect(line).toMatchObject({
      reqId: 'req-42', method: 'POST', route: '/v1/regulations/:municipalityCode/evaluations', status: 200,
      client: 'woonstad', municipality: 'GM0014', outcome: res.body.outcome, digest: res.body.regulation.digest,
    });
    expect(line.durationMs).toBeTypeOf('number');
    expect(res.headers['x-request-id']).toBe('req-42');
  });

  it('never contain a case fact: not for a decision, a batch, an invalid case, a 422 or a scenario', async () => {
    const { app, logs } = makeApp();
    const api = client(app);
    await api.post('/v1/regulations/GM0014/evaluations', sensitive);
    await api.post('/v1/regulations/GM0014/evaluations/batch', { cases: [sensitive, { ...sensitive, applicationDate: '2010-01-01' }, { ...sensitive, secret: 'mensenhandel' }] });
    await api.post('/v1/regulations/GM0014/evaluations', { ...sensitive, applicant: { age: 'mensenhandel 23456.78' } });
    await api.send('post', '/v1/regulations/GM0014/evaluations', (t) => t.set(auth).set('Content-Type', 'application/json').send('{"grounds": {"violence": "mensenhandel 23456.78"'));
    await api.get('/v1/regulations/GM0014?date=23456.78');
    await api.post('/v1/scenarios', { scenario: { name: 'log', date: '2026-09-01', variant: {} }, population: { cases: [{ case: sensitive }, { municipality: 'GM9999', case: sensitive }] } });
    await api.post('/v1/scenarios', { scenario: { name: 'log', date: '2026-09-01', variant: {} }, population: { cases: [{ case: sensitive }] } });
    expect(logs).toHaveLength(7);
    expect(logs.map((l) => JSON.parse(l).status)).toEqual([200, 200, 400, 400, 400, 400, 200]);
    expect(logs.every((l) => JSON.parse(l).reqId)).toBe(true);
    expect(logs.flatMap((l) => factsLogged(l, facts))).toEqual([]);
    const batch = JSON.parse(logs[1]!);
    expect(batch.cases).toBe(3);
    expect(batch.outcomes).toMatchObject({ invalid: 1, notInForce: 1 });
  });

  it('name the route template with its mount path: the API under /v1 (also for an error), web pages without', async () => {
    const { app, logs } = makeApp();
    const api = client(app);
    await api.post('/v1/regulations/GM0014/evaluations', { applicant: { age: 'x' } });
    await api.get('/v1/regulations/GM0014/diff?against=GM1966');
    await api.post('/v1/scenarios', { scenario: {} });
    await request(app).get('/toetsen');
    await request(app).get('/v1/nowhere');
    expect(logs.map((l) => [JSON.parse(l).route, JSON.parse(l).status])).toEqual([
      ['/v1/regulations/:municipalityCode/evaluations', 400], ['/v1/regulations/:municipalityCode/diff', 200],
      ['/v1/scenarios', 400], ['/toetsen', 200], [undefined, 404],
    ]);
  });

  it('do not log an invalid incoming request id or unknown municipality codes', async () => {
    const { app, logs } = makeApp();
    await client(app).get('/v1/regulations/GM9999', { 'X-Request-ID': 'bad id with spaces' });
    const line = JSON.parse(logs.at(-1)!);
    expect(line.reqId).toMatch(/^[0-9a-f-]{36}$/);
    expect(line.municipality).toBeUndefined();
    expect(line.status).toBe(404);
  });
});
