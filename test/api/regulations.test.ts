import { describe, expect, it } from 'vitest';
import { client, makeApp, ruleBase } from './helpers.ts';

const api = client(makeApp().app);

describe('GET /v1/regulations', () => {
  it('lists every municipality with its region and versions, marking the one in force (default today)', async () => {
    const res = await api.get('/v1/regulations');
    expect(res.status).toBe(200);
    expect(res.headers['api-version']).toBe('1.0.0');
    expect(res.body.date).toBe('2026-09-01');
    expect(res.body.municipalities).toHaveLength(ruleBase.municipalities.length);
    const groningen = res.body.municipalities.find((m: { code: string }) => m.code === 'GM0014');
    expect(groningen.region).toEqual({ id: 'groningen-assen', name: 'Groningen-Assen' });
    expect(groningen.versions.map((v: { validFrom: string; inForce: boolean; status: string }) => [v.validFrom, v.status, v.inForce]))
      .toEqual([['2019-08-01', 'adopted', false], ['2026-07-01', 'concept', true]]);
  });

  it('judges inForce on ?date=', async () => {
    const res = await api.get('/v1/regulations?date=2025-03-01');
    const hogeland = res.body.municipalities.find((m: { code: string }) => m.code === 'GM1966');
    expect(hogeland.versions.every((v: { inForce: boolean }) => !v.inForce)).toBe(true);
    const groningen = res.body.municipalities.find((m: { code: string }) => m.code === 'GM0014');
    expect(groningen.versions[0].inForce).toBe(true);
  });
});

describe('GET /v1/regulations/{municipalityCode}', () => {
  it('answers the resolved regulation in force: chain, parameters with values and sources, categories, articles, digest', async () => {
    const res = await api.get('/v1/regulations/GM0014?date=2026-09-01');
    expect(res.status).toBe(200);
    const expected = ruleBase.regulationOn('GM0014', '2026-09-01');
    expect(res.body.digest).toBe(expected.digest);
    expect(res.body.status).toBe('concept');
    expect(res.body.chain.map((l: { layer: string }) => l.layer)).toEqual(expected.chain.map((l) => l.layer));
    expect(res.body.parameterValues.geldigheidsduur).toBe(3);
    expect(res.body.provenance['parameter/geldigheidsduur']).toMatch(/GM0014/);
    expect(res.body.regulation.categories.map((c: { id: string }) => c.id)).toContain('mantelzorg');
    expect(res.body.regulation.articles.length).toBeGreaterThan(0);
  });

  it('picks the version by date: Groningen 2019 before 2026-07-01', async () => {
    const res = await api.get('/v1/regulations/GM0014?date=2026-06-30');
    expect(res.body.validFrom).toBe('2019-08-01');
    expect(res.body.status).toBe('adopted');
  });
});
