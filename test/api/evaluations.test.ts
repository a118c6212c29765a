import { describe, expect, it } from 'vitest';
import { exampleCases } from '../../src/api/example-cases.ts';
import { auth, client, evaluator, makeApp } from './helpers.ts';

const api = client(makeApp().app);
const url = (m: string, concept?: boolean) => `/v1/regulations/${m}/evaluations${concept ? '?concept=true' : ''}`;
const mantelzorg = exampleCases.find((e) => e.name === 'mantelzorg-groningen')!;

describe('POST /v1/regulations/{municipalityCode}/evaluations', () => {
  it.each(exampleCases.map((e) => [e.name, e] as const))('%s: the decision the engine gives', async (_name, e) => {
    const res = await api.post(url(e.municipality, e.concept), e.case);
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe(e.expect.outcome);
    if (e.expect.category) expect(res.body.category.id).toBe(e.expect.category);
    expect(res.body.simulation).toBe(!!e.concept);
    expect(res.body).toEqual(await evaluator.evaluate(e.case, e.municipality, { concept: e.concept }));
    expect(JSON.parse(res.text)).toEqual(res.body);
  });

  it('an urgent decision carries priority above the regular DAEB group, validity and the receipt', async () => {
    const res = await api.post(url('GM0014'), mantelzorg.case);
    expect(res.body.priority).toMatchObject({ aboveRegularDaeb: true, validFrom: '2026-09-01', validUntil: '2026-12-01' });
    expect(res.body.regulation.municipality.code).toBe('GM0014');
    expect(res.body.regulation.digest).toMatch(/^sha256:/);
  });

  it('an undetermined decision lists the missing facts', async () => {
    const e = exampleCases.find((x) => x.name === 'onbepaald')!;
    const res = await api.post(url(e.municipality), e.case);
    expect(res.body.missingFacts.map((m: { fact: string }) => m.fact)).toContain('grounds.mantelzorg.assessedBySocialTeam');
  });

  it('a municipality without an adopted scheme answers 422 citing Hvw art. 51 lid 10 and naming the concept; ?concept=true simulates it', async () => {
    const c = { ...mantelzorg.case, applicationDate: '2026-09-01' };
    const none = await api.post(url('GM0047'), c);
    expect([none.status, none.type, none.body.type]).toEqual([422, 'application/problem+json', 'https://voorrang.nl/problemen/geen-regeling-van-kracht']);
    expect(none.body.detail).toContain('Huisvestingswet 2014 art. 51 lid 10');
    expect(none.body.concept).toEqual({ title: 'Urgentieregeling Veendam (concept)', validFrom: '2026-07-01' });
    const simulated = await api.post(url('GM0047', true), c);
    expect([simulated.status, simulated.body.simulation]).toEqual([200, true]);
    expect(simulated.body.summary).toMatch(/^Simulatie van een concept, geen besluit: Urgentieregeling Veendam \(concept\) is niet vastgesteld\./);
  });
});

describe('?reasoning=', () => {
  it('none: the same decision without its reasoning, a sixth of the size or less', async () => {
    const full = await api.post(url('GM0014'), mantelzorg.case);
    const lean = await api.post(`${url('GM0014')}?reasoning=none`, mantelzorg.case);
    expect(lean.status).toBe(200);
    expect(lean.body).not.toHaveProperty('reasoning');
    const { reasoning: _r, ...rest } = full.body;
    expect(lean.body).toEqual(rest);
    expect(lean.body.category.citation).toBe('art. U5 lid 1'); // still tied to the article that decides it
    expect(lean.text.length * 6).toBeLessThan(full.text.length);
  });

  it('full is the default', async () => {
    const full = await api.post(`${url('GM0014')}?reasoning=full`, mantelzorg.case);
    expect(full.body).toEqual(await evaluator.evaluate(mantelzorg.case, 'GM0014'));
  });

  it('anything else is a 400 naming the parameter, reported with the body\'s own errors', async () => {
    const res = await api.post(`${url('GM0014')}?reasoning=kort`, { ...mantelzorg.case, extra: 1 });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['reasoning', '$.extra']);
  });

  it('none in a batch: every decision without reasoning, problems unchanged', async () => {
    const res = await api.post('/v1/regulations/GM0014/evaluations/batch?reasoning=none', { cases: [mantelzorg.case, { applicant: { age: 'oud' } }] });
    expect(res.status).toBe(200);
    expect(res.body.results[0].decision).not.toHaveProperty('reasoning');
    expect(res.body.results[0].decision.outcome).toBe('urgent');
    expect(res.body.results[1].problem.invalidParams[0].name).toBe('$.cases[1].applicant.age');
  });
});

describe('Accept-Language', () => {
  const post = (lang?: string) => api.post(url('GM0014'), mantelzorg.case, lang ? { ...auth, 'Accept-Language': lang } : auth);

  it.each([
    [undefined, 'nl'], ['nl', 'nl'], ['en', 'en'], ['en-GB,en;q=0.9', 'en'], ['nl;q=0.5, en;q=0.8', 'en'], ['fr, de', 'nl'], ['*', 'nl'],
  ])('%s → %s', async (header, lang) => {
    const res = await post(header);
    expect(res.headers['content-language']).toBe(lang);
    expect(res.body.language).toBe(lang);
    expect(res.body).toEqual(await evaluator.evaluate(mantelzorg.case, 'GM0014', { lang: lang as 'nl' | 'en' }));
  });

  it('selects the language of problems too', async () => {
    const nl = await api.post(url('GM0014'), { foo: 1 });
    const en = await api.post(url('GM0014'), { foo: 1 }, { ...auth, 'Accept-Language': 'en' });
    expect([nl.body.title, en.body.title]).toEqual(['Ongeldige invoer', 'Invalid input']);
    expect(en.body.invalidParams[0].reason).not.toBe(nl.body.invalidParams[0].reason);
  });
});

describe('POST .../evaluations/batch', () => {
  const batchUrl = '/v1/regulations/GM0014/evaluations/batch';

  it('answers each case in order with its own decision, validation error or 422', async () => {
    const invalid = { ...mantelzorg.case, applicant: { age: 'oud' }, extra: true };
    const beforeScheme = { ...mantelzorg.case, applicationDate: '2018-01-01' };
    const refused = exampleCases.find((e) => e.name === 'weigering-huurachterstand')!.case;
    const res = await api.post(batchUrl, { cases: [mantelzorg.case, invalid, beforeScheme, refused, null] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { index: number; status: number }) => [r.index, r.status]))
      .toEqual([[0, 200], [1, 400], [2, 422], [3, 200], [4, 400]]);
    expect(res.body.results[0].decision).toEqual(await evaluator.evaluate(mantelzorg.case, 'GM0014'));
    expect(res.body.results[1].problem.invalidParams.map((p: { name: string }) => p.name).sort())
      .toEqual(['$.cases[1].applicant.age', '$.cases[1].extra']);
    expect(res.body.results[2].problem.nearestVersions[0]).toMatchObject({ relation: 'next', validFrom: '2019-08-01' });
    expect(res.body.results[3].decision.outcome).toBe('not-urgent');
    expect(res.body.summary).toEqual({ urgent: 1, notUrgent: 1, undetermined: 0, invalid: 2, notInForce: 1 });
  });

  // 1000 full decisions are ~18 MB of JSON, parsed and contract-checked here: a generous timeout keeps a
  // busy machine from failing the test (nothing here is timed).
  it('takes 1000 cases', { timeout: 120_000 }, async () => {
    const cases = Array.from({ length: 1000 }, (_, i) => ({ ...mantelzorg.case, grounds: { mantelzorg: { ...mantelzorg.case.grounds!.mantelzorg, hoursPerWeek: i % 16 } } }));
    const res = await api.post(batchUrl, { cases });
    expect(res.status).toBe(200);
    expect(res.body.results).toHaveLength(1000);
    expect(res.body.summary.urgent + res.body.summary.notUrgent).toBe(1000);
  });

  it.each([
    ['no cases field', {}, '$.cases'],
    ['an empty list', { cases: [] }, '$.cases'],
    ['more than 1000 cases', { cases: Array.from({ length: 1001 }, () => ({})) }, '$.cases'],
    ['cases not a list', { cases: { a: 1 } }, '$.cases'],
    ['an unknown field beside cases', { cases: [{}], id: 3 }, '$.id'],
  ])('rejects the whole request for %s (400)', async (_what, body, path) => {
    const res = await api.post(batchUrl, body);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain(path);
  });
});
