import { describe, expect, it } from 'vitest';
import { basis, diff, edited, expectWitnessesHold, model, ruleBase, variant } from './helpers.ts';

describe('identical regulations', () => {
  it('the model against itself: an empty diff', async () => {
    const r = await diff(model, model);
    expect(r.identical).toBe(true);
    expect([r.categories, r.requirements, r.refusalGrounds, r.parameters, r.articles, r.findings]).toEqual([[], [], [], [], [], []]);
    expect(r.summary.sentence).toBe('Geen inhoudelijke verschillen.');
  });

  it('a concept municipality that adopts the model unchanged: empty against the model, and against its neighbour', async () => {
    const hogeland = ruleBase.regulationOn('GM1966', '2026-08-01', { concept: true });
    expect((await diff(model, hogeland)).identical).toBe(true);
    expect((await diff(ruleBase.regulationOn('GM1969', '2026-08-01', { concept: true }), hogeland)).identical).toBe(true);
  });
});

describe('a threshold made stricter (mantelzorg 8 → 10 hours a week)', async () => {
  const subject = variant([{ op: 'setParameter', parameter: 'mantelzorg.minimumUrenPerWeek', value: 10, basis }]);
  const r = await diff(model, subject);

  it('reports the parameter once, with old and new value, unit, source and the condition that uses it', () => {
    expect(r.parameters).toHaveLength(1);
    const p = r.parameters[0]!;
    expect(p).toMatchObject({ name: 'mantelzorg.minimumUrenPerWeek', kind: 'changed', direction: 'stricter', old: { value: '8 uur/week', raw: 8 }, new: { value: '10 uur/week', raw: 10 } });
    expect(p.old!.source).toBe('Model urgentieregeling (VNG-structuur) art. 2.6 lid 1 onder a');
    expect(p.usedBy).toEqual([expect.objectContaining({ test: 'Mantelzorg', direction: 'stricter', citation: 'art. 2.6 lid 1 onder a' })]);
  });

  it('names the condition change in domain words, stricter, caused by the parameter', () => {
    expect(r.categories).toHaveLength(1);
    const [c] = r.categories[0]!.conditions;
    expect(c).toMatchObject({
      kind: 'changed', direction: 'stricter', parameter: 'mantelzorg.minimumUrenPerWeek',
      description: 'Uren mantelzorg per week: minimaal 10 uur/week in plaats van 8 uur/week',
    });
  });

  it('gives a witness between the thresholds: 9 hours, urgent under the model, not under the variant', async () => {
    const w = r.categories[0]!.conditions[0]!.witness!;
    expect(w.case.grounds!.mantelzorg!.hoursPerWeek).toBe(9);
    expect(w.keyFacts).toEqual(['Uren mantelzorg per week: 9 uur/week']);
    expect([w.base.outcome, w.subject.outcome]).toEqual(['urgent', 'not-urgent']);
    expect(await expectWitnessesHold(r, model, subject)).toBe(1);
  });

  it('flags a stricter statutory category for the council, not as an error', () => {
    expect(r.findings).toEqual([expect.objectContaining({ level: 'attention', kind: 'stricter-statutory-category', category: 'mantelzorg', citation: 'Huisvestingswet 2014 art. 12 lid 3 onder a' })]);
    expect(r.summary).toMatchObject({ stricter: 1, looser: 0, changed: 0, errors: 0, attention: 1, witnesses: 1, withoutWitness: 0 });
  });
});

describe('a threshold made looser (distance more than 5 → more than 2 km)', async () => {
  const subject = variant([{ op: 'setParameter', parameter: 'mantelzorg.minimumAfstandKm', value: 2, basis }]);
  const r = await diff(model, subject);

  it('is ruimer, and its witness lies in (2, 5]: not urgent under the model, urgent under the variant', async () => {
    const c = r.categories[0]!.conditions[0]!;
    expect(c).toMatchObject({ direction: 'looser', description: 'Huidige afstand tot de ander: meer dan 2 km in plaats van 5 km' });
    const km = c.witness!.case.grounds!.mantelzorg!.distanceKm!;
    expect(km > 2 && km <= 5).toBe(true);
    expect([c.witness!.base.outcome, c.witness!.subject.outcome]).toEqual(['not-urgent', 'urgent']);
    expect(r.findings).toEqual([]);
    await expectWitnessesHold(r, model, subject);
  });
});

describe('conditions rewritten in place', async () => {
  const subject = variant([
    // A literal threshold stricter than the law's (no parameter): at least 2 minor children, where letter j
    // asks at least one (Hvw art. 12 lid 3 onder j). The law's own condition stays AND-ed in, so a lower
    // layer can only add to it (art. 12 lid 2).
    { op: 'tightenCategory', category: 'dakloos-gezin', basis, conditions: { fact: 'household.minorChildren', operator: 'greaterThanInclusive', value: 2, label: { nl: 'Minderjarige kinderen in het gezin', en: 'Minor children in the family' } } },
    // A condition added to an `all`.
    { op: 'tightenCategory', category: 'medisch', basis, conditions: { fact: 'applicant.age', operator: 'greaterThanInclusive', value: 23, label: { nl: 'Leeftijd', en: 'Age' } } },
    // A condition added that the age requirement (at least 18) already implies: no witness can exist.
    // (Not a registration condition: for a statutory category only regional binding may be asked,
    // Hvw art. 14 lid 6, so "registered at least a year" would be a real restriction, and forbidden.)
    { op: 'tightenCategory', category: 'mantelzorg', basis, conditions: { fact: 'applicant.age', operator: 'greaterThanInclusive', value: 16, label: { nl: 'Leeftijd', en: 'Age' } } },
    // A value set widened past the law: opvang granted for any reason. The law's own conditions of
    // letter d (opvang for huiselijk geweld or mensenhandel, and leaving it) stay ANDed in (Hvw art. 12
    // lid 3 onder d), so no case can tell the two apart.
    { op: 'replaceCategoryConditions', category: 'huiselijk-geweld', basis, conditions: { all: [
      { fact: 'grounds.opvang.reason', operator: 'in', value: ['huiselijk-geweld', 'anders'], label: { nl: 'Reden van de opvang', en: 'Reason for the opvang' } },
      { fact: 'grounds.violence.confirmed', operator: 'equal', value: true },
    ] } },
  ]);
  const r = await diff(model, subject);
  const change = (id: string) => r.categories.find((c) => c.id === id)!;

  it('a literal threshold above the law\'s (Hvw art. 12 lid 3 onder j, 2026-07-01): strenger, with a witness of exactly one child', () => {
    const [c] = change('dakloos-gezin').conditions;
    expect(c).toMatchObject({ kind: 'added', direction: 'stricter', description: 'nieuwe voorwaarde: Minderjarige kinderen in het gezin: minimaal 2' });
    expect(c!.parameter).toBeUndefined();
    expect(c!.witness!.case.household!.minorChildren).toBe(1);
  });

  it('a condition added to an `all`: strenger, its witness violates it', () => {
    const [c] = change('medisch').conditions;
    expect(c).toMatchObject({ kind: 'added', direction: 'stricter', description: 'nieuwe voorwaarde: Leeftijd: minimaal 23' });
    expect(c!.witness!.case.applicant!.age).toBeGreaterThanOrEqual(18);
    expect(c!.witness!.case.applicant!.age).toBeLessThan(23);
  });

  it('a change that no case can tell apart is reported without a witness', () => {
    const [c] = change('mantelzorg').conditions;
    expect(c).toMatchObject({ kind: 'added', direction: 'stricter', noWitness: 'geen onderscheidend geval gevonden' });
    expect(c!.witness).toBeUndefined();
  });

  it('a value set widened past the law (Hvw art. 12 lid 3 onder d, 2026-07-01): the law\'s own conditions still decide, so no case tells the two apart', () => {
    const [c] = change('huiselijk-geweld').conditions;
    expect(c!.witness).toBeUndefined();
    expect(r.summary.withoutWitness).toBe(2);
  });

  it('every witness is decided differently under both regulations', async () => {
    expect(await expectWitnessesHold(r, model, subject)).toBe(2);
  });
});

describe('a category added', async () => {
  const subject = variant([{
    op: 'addCategory', basis: { article: '2.13' },
    category: {
      id: 'noodsituatie', ground: 'grounds.acuteEmergency', label: { nl: 'Noodsituatie', en: 'Emergency' }, basis: { article: '2.13' },
      conditions: { fact: 'grounds.acuteEmergency.confirmed', operator: 'equal', value: true, label: { nl: 'Noodsituatie vastgesteld', en: 'Emergency established' } },
    },
  }]);
  const r = await diff(model, subject);

  it('is ruimer, with an applicant urgent only under the variant', async () => {
    expect(r.categories).toEqual([expect.objectContaining({ id: 'noodsituatie', kind: 'added', direction: 'looser', citation: 'art. 2.13' })]);
    const w = r.categories[0]!.witness!;
    expect([w.base.outcome, w.subject.outcome, w.subject.category?.id]).toEqual(['not-urgent', 'urgent', 'noodsituatie']);
    await expectWitnessesHold(r, model, subject);
  });
});

describe('a statutory category dropped', async () => {
  const subject = edited((reg) => {
    reg.categories = reg.categories.filter((c) => c.id !== 'uitstroom-detentie');
    reg.ranking.order = reg.ranking.order.filter((id) => id !== 'uitstroom-detentie');
  });
  const r = await diff(model, subject);

  it('is a removed category (strenger) and a conformance error naming the article', async () => {
    expect(r.categories).toEqual([expect.objectContaining({ id: 'uitstroom-detentie', kind: 'removed', direction: 'stricter' })]);
    expect(r.findings).toEqual([expect.objectContaining({
      // The model's uitstroom-detentie implements letter h, whose id in the law is uitstroom-justitie.
      level: 'error', kind: 'mandatory-category-missing', category: 'uitstroom-justitie', citation: 'Huisvestingswet 2014 art. 12 lid 3 onder h',
    })]);
    expect(r.summary.errors).toBe(1);
    const w = r.categories[0]!.witness!;
    expect([w.base.outcome, w.subject.outcome]).toEqual(['urgent', 'not-urgent']);
    await expectWitnessesHold(r, model, subject);
  });

  it('a municipal binding condition on a statutory category is an error too (Hvw art. 14 lid 6, 2026-07-01)', async () => {
    const binding = edited((reg) => {
      const c = reg.categories.find((x) => x.id === 'huiselijk-geweld')!;
      c.conditions = { all: [c.conditions, { fact: 'residence.yearsRegistered', operator: 'greaterThanInclusive', value: 2, subject: 'binding', basis: c.basis }], basis: c.basis };
    });
    const findings = (await diff(model, binding)).findings.filter((f) => f.level === 'error');
    // The citation names the clause that forbids binding (not the income exemption of art. 15 lid 5, nor
    // the "art. 12 lid 5" of 0.1.0, which does not exist).
    expect(findings).toEqual([expect.objectContaining({ kind: 'forbidden-subject', category: 'huiselijk-geweld', citation: 'Huisvestingswet 2014 art. 14 lid 6' })]);
  });
});

describe('an article text edited', async () => {
  const article = model.regulation.articles.find((a) => a.id === '2.6')!;
  const subject = variant([{ op: 'setArticle', basis, article: { ...article, text: article.text.replace('acht uur', 'tien uur') } }]);
  const r = await diff(model, subject);

  it('gets a word-level redline, and no rule change', () => {
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0]).toMatchObject({ id: '2.6', kind: 'changed' });
    expect(r.articles[0]!.redline.filter((s) => s.op !== 'equal')).toEqual([{ op: 'delete', text: 'acht ' }, { op: 'insert', text: 'tien ' }]);
    expect(r.identical).toBe(false);
    expect(r.summary).toMatchObject({ stricter: 0, looser: 0, changed: 0 });
  });
});

describe('refusal grounds, requirements, validity, ranking, search profile', async () => {
  const subject = variant([
    { op: 'addRefusalGround', basis: { article: '2.4', letter: 'e' }, refusalGround: {
      id: 'eigen-woning', label: { nl: 'Eigen woning', en: 'Own home' }, basis: { article: '2.4', letter: 'e' },
      conditions: { fact: 'residence.housing', operator: 'equal', value: 'owner', label: { nl: 'Woonsituatie', en: 'Housing' } },
    } },
    { op: 'removeRefusalGround', basis, refusalGround: 'huurachterstand' },
    { op: 'setParameter', parameter: 'geldigheidsduur', value: 9, basis: { article: '2.12' } },
    // mantelzorg before medisch (the model ranks medisch 4th, mantelzorg 5th)
    { op: 'setRanking', basis: { article: '2.11' }, order: model.regulation.ranking.order.map((id) => (id === 'medisch' ? 'mantelzorg' : id === 'mantelzorg' ? 'medisch' : id)) },
    { op: 'setSearchProfile', basis: { article: '2.12', lid: 2 }, searchProfile: { ...model.regulation.searchProfile, rows: model.regulation.searchProfile.rows.map((row) => (row.minorChildren === 1 ? { ...row, maxRooms: 2, label: { nl: 'maximaal 2 kamers', en: 'at most 2 rooms' } } : row)) } },
  ]);
  const r = await diff(model, subject);

  it('a refusal ground added is strenger (the variant refuses), one removed ruimer', () => {
    expect(r.refusalGrounds.map((g) => [g.id, g.kind, g.direction])).toEqual([['eigen-woning', 'added', 'stricter'], ['huurachterstand', 'removed', 'looser']]);
    const added = r.refusalGrounds[0]!.witness!;
    expect(added.case.residence!.housing).toBe('owner');
    expect([added.base.outcome, added.subject.outcome]).toEqual(['urgent', 'not-urgent']);
    const removed = r.refusalGrounds[1]!.witness!;
    expect(removed.case.conduct!.rentArrears).toBe(true);
    expect([removed.base.outcome, removed.subject.outcome]).toEqual(['not-urgent', 'urgent']);
  });

  it('a longer validity is ruimer, witnessed by an urgent applicant with another end date', () => {
    expect(r.validity).toMatchObject({ direction: 'looser', description: 'Geldigheidsduur van de urgentieverklaring: 9 maanden in plaats van 6 maanden' });
    expect([r.validity!.witness!.base.validityMonths, r.validity!.witness!.subject.validityMonths]).toEqual([6, 9]);
    expect(r.parameters.find((p) => p.name === 'geldigheidsduur')).toMatchObject({ direction: 'looser' });
  });

  it('a new ranking, witnessed by a case in both categories', () => {
    expect(r.ranking!.moved).toEqual(['Mantelzorg: plaats 4 in plaats van 5', 'Medische urgentie: plaats 5 in plaats van 4']);
    const w = r.ranking!.witness!;
    expect([w.base.category?.id, w.subject.category?.id]).toEqual(['medisch', 'mantelzorg']);
  });

  it('a smaller search profile, witnessed by a family with one child', () => {
    expect(r.searchProfile).toEqual([expect.objectContaining({ direction: 'stricter', description: 'Vanaf 1 minderjarig(e) kind(eren): maximaal 2 kamers in plaats van maximaal 3 kamers' })]);
    const w = r.searchProfile[0]!.witness!;
    expect(w.case.household!.minorChildren).toBe(1);
    expect([w.base.searchProfile, w.subject.searchProfile]).toEqual(['maximaal 3 kamers', 'maximaal 2 kamers']);
  });

  it('every witness holds (two refusal grounds, validity, ranking, search profile)', async () => {
    expect(await expectWitnessesHold(r, model, subject)).toBe(5);
  });
});

describe('a stricter municipal binding parameter (2 → 3 years registered)', async () => {
  const subject = variant([{ op: 'setParameter', parameter: 'binding.minimumJarenIngeschreven', value: 3, basis: { article: '2.3' } }]);
  const r = await diff(model, subject);

  it('is stricter on paper, but no applicant is decided otherwise: every category of the model is statutory, and for those only binding to the woningmarktregio may be asked (Hvw art. 14 lid 6, 2026-07-01)', () => {
    const c = r.requirements.find((q) => q.id === 'binding')!.conditions[0]!;
    expect(c).toMatchObject({ direction: 'stricter', parameter: 'binding.minimumJarenIngeschreven', noWitness: 'geen onderscheidend geval gevonden' });
    expect(c.witness).toBeUndefined();
  });
});

describe('in English', async () => {
  const subject = variant([{ op: 'setParameter', parameter: 'mantelzorg.minimumUrenPerWeek', value: 10, basis }]);
  const r = await diff(model, subject, { lang: 'en' });
  it('says the same in English', () => {
    expect(r.categories[0]!.conditions[0]).toMatchObject({ direction: 'stricter', description: 'Hours of mantelzorg a week: at least 10 hours/week instead of 8 hours/week' });
    expect(r.summary.sentence).toBe("1 stricter, 0 looser, 0 changed; 0 conflict(s) with the law, 1 point(s) for the council's attention.");
  });
});
