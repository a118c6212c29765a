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
      .toEqual([['2019-08-01', 'adopted', false], ['2025-05-20', 'adopted', false], ['2026-07-01', 'adopted', true], ['2026-07-01', 'concept', false]]);
    // The nine others: a concept only, never in force (Hvw art. 51 lid 10).
    const veendam = res.body.municipalities.find((m: { code: string }) => m.code === 'GM0047');
    expect(veendam.versions.map((v: { status: string; inForce: boolean }) => [v.status, v.inForce])).toEqual([['concept', false]]);
  });

  it('judges inForce on ?date=', async () => {
    const groningenOn = async (date: string) => (await api.get(`/v1/regulations?date=${date}`)).body.municipalities
      .find((m: { code: string }) => m.code === 'GM0014').versions.map((v: { inForce: boolean }) => v.inForce);
    expect(await groningenOn('2023-07-31')).toEqual([true, false, false, false]);
    expect(await groningenOn('2025-03-01')).toEqual([false, false, false, false]); // between the 2019 and 2025 verordening
    expect(await groningenOn('2025-06-02')).toEqual([false, true, false, false]);
  });
});

describe('GET /v1/regulations/{municipalityCode}', () => {
  it('answers the resolved regulation in force: chain, parameters with values and sources, categories, articles, digest', async () => {
    const res = await api.get('/v1/regulations/GM0014?date=2026-09-01');
    expect(res.status).toBe(200);
    const expected = ruleBase.regulationOn('GM0014', '2026-09-01');
    expect(res.body.digest).toBe(expected.digest);
    expect(res.body.status).toBe('adopted');
    expect(res.body.title).toBe('Huisvestingsverordening 2025 Gemeente Groningen');
    expect(res.body.chain.map((l: { layer: string }) => l.layer)).toEqual(expected.chain.map((l) => l.layer));
    expect(res.body.parameterValues.geldigheidsduur).toBe(3);
    expect(res.body.provenance['parameter/geldigheidsduur']).toMatch(/GM0014/);
    expect(res.body.regulation.categories.map((c: { id: string }) => c.id)).toContain('mantelzorg');
    expect(res.body.regulation.articles.length).toBeGreaterThan(0);
  });

  it('picks the version by date: Groningen 2019 until 2023-07-31, then none encoded until 2025-05-20', async () => {
    const res = await api.get('/v1/regulations/GM0014?date=2023-07-31');
    expect([res.body.validFrom, res.body.status]).toEqual(['2019-08-01', 'adopted']);
    const gap = await api.get('/v1/regulations/GM0014?date=2024-01-01');
    expect([gap.status, gap.body.type]).toEqual([422, 'https://voorrang.nl/problemen/geen-verordening-opgenomen']);
    expect(gap.body.detail).toContain('vorige versie: 2019-08-01 – 2023-07-31 (vastgesteld)');
  });
});
