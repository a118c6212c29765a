// The bundled Groningen concept against the model, and against its own 2019 text: the real changes.
import { describe, expect, it } from 'vitest';
import { resolveComparison } from '../../src/diff/sides.ts';
import { DiffReport } from '../../src/diff/model/report.ts';
import { DATE, diff, expectWitnessesHold, ruleBase } from './helpers.ts';

describe('Groningen (GM0014) 2026 concept against the model', async () => {
  const { base, subject } = resolveComparison(ruleBase, 'GM0014', 'model', DATE);
  const r = await diff(base, subject);

  it('compares with the model the municipality builds on', () => {
    expect([r.base.set, r.subject.set, r.base.name, r.subject.name]).toEqual(['model/vng', 'gemeente/GM0014-groningen', 'het model', 'Groningen']);
    expect(DiffReport.parse(r)).toEqual(r);
  });

  it('finds validity 3, the income band, the points limit and acute-noodsituatie', () => {
    expect(r.validity).toMatchObject({ direction: 'stricter', description: 'Geldigheidsduur van de urgentieverklaring: 3 maanden in plaats van 6 maanden' });
    expect(r.categories.map((c) => [c.id, c.kind, c.direction])).toEqual([['acute-noodsituatie', 'added', 'looser']]);
    expect(r.requirements.map((c) => [c.id, c.kind])).toEqual([['inkomen', 'changed'], ['punten', 'added']]);
    const income = r.requirements[0]!.conditions;
    expect(income.map((c) => c.direction)).toEqual(['stricter', 'changed', 'looser', 'stricter']);
    expect(income[0]!.description).toMatch(/^Huishoudinkomen per jaar: maximaal €\s28\.775 per jaar .* in plaats van €\s51\.537 per jaar/);
    expect(income[3]!.description).toMatch(/^nieuwe voorwaarde: Netto huishoudinkomen per maand: meer dan €\s750 per maand$/);
    expect(r.parameters.filter((p) => p.kind === 'added')).toHaveLength(10);
    expect(r.articles.map((a) => a.id)).toEqual(['2.3', '2.4', '2.5', '2.11', '2.12', '2.10a']);
  });

  it('is conformant, with the stricter general requirements flagged for the council', () => {
    expect(r.findings.map((f) => [f.level, f.kind])).toEqual([['attention', 'stricter-general-requirement'], ['attention', 'stricter-general-requirement']]);
  });

  it('every witness is decided differently, and the looser income alternative has none', async () => {
    expect(await expectWitnessesHold(r, base, subject)).toBe(r.summary.witnesses);
    expect(r.summary).toMatchObject({ witnesses: 6, withoutWitness: 1 });
    expect(r.requirements[0]!.conditions[2]!.noWitness).toBe('geen onderscheidend geval gevonden');
  });
});

describe('Groningen 2026 concept against its 2019 text', async () => {
  const { base, subject, baseDate } = resolveComparison(ruleBase, 'GM0014', '2019-08-01', DATE);
  const r = await diff(base, subject, { baseDate });

  it('names both versions and the change of law', () => {
    expect(r.base).toMatchObject({ date: '2019-08-01', from: '2019-08-01', until: '2026-06-30', law: 'Huisvestingswet 2014' });
    expect(r.law!.sentences[0]).toBe('De regelingen staan onder verschillende wetsversies: Huisvestingswet 2014 (Wvrv) in plaats van Huisvestingswet 2014.');
  });

  it('reports the new statutory categories as added and the stricter mantelzorg for the council', () => {
    const added = r.categories.filter((c) => c.kind === 'added').map((c) => c.id);
    expect(added).toContain('medisch');
    expect(added).toContain('dakloos-gezin');
    expect(r.categories.find((c) => c.id === 'tijdelijke-opvang')).toMatchObject({ kind: 'removed' });
    expect(r.findings.find((f) => f.category === 'mantelzorg')).toMatchObject({ level: 'attention', kind: 'stricter-statutory-category' });
  });

  it('redlines renumbered articles (U5 → 2.6)', () => {
    const a = r.articles.find((x) => x.id === '2.6')!;
    expect(a.oldId).toBe('U5');
    expect(a.redline).toContainEqual({ op: 'delete', text: 'drie ' });
    expect(a.redline).toContainEqual({ op: 'insert', text: 'twaalf ' });
  });

  it('every witness holds', async () => {
    expect(await expectWitnessesHold(r, base, subject)).toBeGreaterThan(8);
  });
});
