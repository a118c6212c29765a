// Groningen (GM0014): its adopted Huisvestingsverordening 2025 is what `voorrang diff GM0014` reads on a
// 2026 date; its concept for the Wvrv is compared on request (concept: true). The real changes: the
// concept against the model and against the 2025 verordening, and the 2025 verordening itself on the day
// before and the day the law changed (2026-06-30 vs 2026-07-01).
import { describe, expect, it } from 'vitest';
import { resolveComparison } from '../../src/diff/sides.ts';
import { DiffReport } from '../../src/diff/model/report.ts';
import { DATE, diff, expectWitnessesHold, model, ruleBase } from './helpers.ts';

const concept = ruleBase.regulationOn('GM0014', DATE, { concept: true });

describe('what a diff of GM0014 compares on a 2026 date', () => {
  it('is the adopted Huisvestingsverordening 2025, not the concept', () => {
    const { subject } = resolveComparison(ruleBase, 'GM0014', 'model', DATE);
    expect([subject.status, subject.chain.at(-1)!.title, subject.from, subject.until])
      .toEqual(['adopted', 'Huisvestingsverordening 2025 Gemeente Groningen', '2026-07-01', '2029-05-19']);
    expect([concept.status, concept.chain.at(-1)!.title]).toEqual(['concept', 'Urgentieregeling Groningen (concept Wvrv)']);
  });
});

describe('Groningen (GM0014) 2026 concept against the model', async () => {
  const r = await diff(model, concept);

  it('compares with the model the municipality builds on', () => {
    expect([r.base.set, r.subject.set, r.base.name, r.subject.name]).toEqual(['model/vng', 'gemeente/GM0014-groningen', 'het model', 'Groningen']);
    expect(r.subject.status).toBe('concept');
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
    expect(await expectWitnessesHold(r, model, concept)).toBe(r.summary.witnesses);
    expect(r.summary).toMatchObject({ witnesses: 6, withoutWitness: 1 });
    expect(r.requirements[0]!.conditions[2]!.noWitness).toBe('geen onderscheidend geval gevonden');
  });
});

describe('Groningen 2026 concept against its Huisvestingsverordening 2025', async () => {
  const adopted = ruleBase.regulationOn('GM0014', '2025-05-20');
  const r = await diff(adopted, concept, { baseDate: '2025-05-20' });

  it('names both versions and the change of law', () => {
    expect(r.base).toMatchObject({ date: '2025-05-20', from: '2025-05-20', until: '2026-06-30', status: 'adopted', law: 'Huisvestingswet 2014', title: 'Huisvestingsverordening 2025 Gemeente Groningen' });
    expect(r.law!.sentences[0]).toBe('De regelingen staan onder verschillende wetsversies: Huisvestingswet 2014 (Wvrv) in plaats van Huisvestingswet 2014.');
  });

  it('reports the new statutory categories as added, the regional binding, and the stricter mantelzorg for the council', () => {
    const added = r.categories.filter((c) => c.kind === 'added').map((c) => c.id);
    expect(added).toContain('medisch');
    expect(added).toContain('dakloos-gezin');
    expect(added).toContain('uitstroom-uitstapprogramma');
    expect(r.categories.find((c) => c.id === 'tijdelijke-opvang')).toMatchObject({ kind: 'removed' });
    // Hvw art. 14 lid 6 (binding with the woningmarktregio) and art. 15 lid 3 (housing history).
    expect(r.requirements.map((c) => [c.id, c.kind])).toEqual([['inkomen', 'changed'], ['binding-woningmarktregio', 'added'], ['zelfstandig-wonen', 'removed']]);
    // The 2025 verordening counts a partner of pension age (household.partnerAge); the concept does not yet.
    expect(r.requirements[0]!.conditions.map((c) => c.description).join(' ')).toMatch(/partner/i);
    expect(r.findings.find((f) => f.category === 'mantelzorg')).toMatchObject({ level: 'attention', kind: 'stricter-statutory-category' });
  });

  it('redlines renumbered articles (U5 → 2.6)', () => {
    const a = r.articles.find((x) => x.id === '2.6')!;
    expect(a.oldId).toBe('U5');
    expect(a.redline).toContainEqual({ op: 'delete', text: 'drie ' });
    expect(a.redline).toContainEqual({ op: 'insert', text: 'twaalf ' });
  });

  it('every witness holds', async () => {
    expect(await expectWitnessesHold(r, adopted, concept)).toBeGreaterThan(8);
  });
});

describe('the Huisvestingsverordening 2025 on 2026-06-30 and on 2026-07-01: what the law changed', async () => {
  const { base, subject, baseDate } = resolveComparison(ruleBase, 'GM0014', '2026-06-30', '2026-07-01');
  const r = await diff(base, subject, { baseDate });

  it('is one adopted verordening under two versions of the law', () => {
    expect([base.chain.at(-1)!.file, subject.chain.at(-1)!.file]).toEqual(['gemeente/GM0014-groningen/2025-05-20.yaml', 'gemeente/GM0014-groningen/2025-05-20.yaml']);
    expect([r.base.law, r.subject.law]).toEqual(['Huisvestingswet 2014', 'Huisvestingswet 2014 (Wvrv)']);
  });

  it('replaces municipal binding by binding with the woningmarktregio for mantelzorg (Hvw art. 14 lid 6, 2026-07-01)', () => {
    expect(r.requirements.map((c) => [c.id, c.kind])).toEqual([['binding-woningmarktregio', 'added']]);
    expect(r.binding.map((b) => b.citation)).toEqual(['Huisvestingswet 2014 art. 14 lid 6']);
  });

  it('lists the letters b–j that the council must still add (Hvw art. 12 lid 3 and art. 51 lid 10, 2026-07-01)', () => {
    const missing = r.findings.filter((f) => f.kind === 'mandatory-category-missing').map((f) => f.category);
    expect(missing).toEqual(['medisch', 'opvang-dakloosheid', 'opvang-geweld', 'uitstroom-beschermd-wonen', 'uitstroom-ggz',
      'uitstroom-jeugdhulp', 'uitstroom-justitie', 'uitstapprogramma', 'dakloos-gezin']);
  });

  it('every witness holds', async () => {
    expect(await expectWitnessesHold(r, base, subject)).toBe(r.summary.witnesses);
  });
});
