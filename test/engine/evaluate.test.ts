import { describe, expect, it } from 'vitest';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { Evaluator } from '../../src/engine/evaluator.ts';
import type { Case } from '../../src/case/schema.ts';
import type { ConditionTrace } from '../../src/engine/decision.ts';
import { domesticViolence, eligible, mantelzorg } from './cases.ts';

const evaluator = new Evaluator(loadRuleBase());
// Het Hogeland has no adopted scheme (Hvw art. 51 lid 10): these tests of the engine simulate its concept, the model unchanged.
const evaluate = (c: Case, options: { date?: string; lang?: 'nl' | 'en' } = {}) => evaluator.evaluate(c, 'GM1966', { concept: true, ...options });
const outcome = async (c: Case) => (await evaluate(c)).outcome;
/** The summary without the first sentence that says it is a simulation of a concept. */
const plain = (summary: string) => summary.replace(/^(Simulatie van een concept|Simulation of a concept)[^.]*\. /, '');
/** The leaf that reads `fact` in a trace. */
const leafOf = (t: ConditionTrace, fact: string): ConditionTrace | undefined =>
  t.fact === fact ? t : (t.children ?? []).map((x) => leafOf(x, fact)).find(Boolean);

describe('thresholds at their boundary', () => {
  it('mantelzorg: 7.9 hours a week is not enough, 8 is', async () => {
    expect(await outcome(mantelzorg({ hoursPerWeek: 7.9 }))).toBe('not-urgent');
    expect(await outcome(mantelzorg({ hoursPerWeek: 8 }))).toBe('urgent');
  });

  it('mantelzorg: 5 km is not more than 5 km, 5.1 is', async () => {
    expect(await outcome(mantelzorg({ distanceKm: 5 }))).toBe('not-urgent');
    expect(await outcome(mantelzorg({ distanceKm: 5.1 }))).toBe('urgent');
  });

  it('mantelzorg: expected to last 11 months is too short, 12 is enough', async () => {
    expect(await outcome(mantelzorg({ expectedDurationMonths: 11 }))).toBe('not-urgent');
    expect(await outcome(mantelzorg({ expectedDurationMonths: 12 }))).toBe('urgent');
  });

  it('age: 17 is too young, 18 is old enough', async () => {
    expect(await outcome({ ...mantelzorg(), applicant: { age: 17, lawfulResidence: true } })).toBe('not-urgent');
    expect(await outcome({ ...mantelzorg(), applicant: { age: 18, lawfulResidence: true } })).toBe('urgent');
  });

  it('income: the 2026 single-person DAEB limit (€51,537) itself is within, one euro more is not', async () => {
    expect(await outcome({ ...mantelzorg(), income: { annualHousehold: 51537 } })).toBe('urgent');
    expect(await outcome({ ...mantelzorg(), income: { annualHousehold: 51538 } })).toBe('not-urgent');
  });

  it('income: between the two limits, a multi-person household is within and a single person is not', async () => {
    const income = { annualHousehold: 55000 };
    expect(await outcome({ ...mantelzorg(), income, household: { adults: 2, minorChildren: 0 } })).toBe('urgent');
    expect(await outcome({ ...mantelzorg(), income, household: { adults: 1, minorChildren: 1 } })).toBe('urgent');
    expect(await outcome({ ...mantelzorg(), income, household: { adults: 1, minorChildren: 0 } })).toBe('not-urgent');
  });

  it('income: the limit is the one of the application year', async () => {
    const c = { ...mantelzorg(), income: { annualHousehold: 50000 } };
    expect(await outcome({ ...c, applicationDate: '2026-12-31' })).toBe('urgent'); // 2026 limit 51,537
    // Under the same rules, an application dated in 2025 meets the 2025 limit (49,669).
    expect((await evaluate({ ...c, applicationDate: '2025-12-31' }, { date: '2026-07-01' })).outcome).toBe('not-urgent');
  });
});

describe('binding: to the woningmarktregio for a statutory category (Hvw art. 14 lid 6, 2026-07-01)', () => {
  it('asks mantelzorg (letter a) for regional binding, not for years registered in the municipality', async () => {
    const c = (yearsRegistered: number, boundToRegion: boolean) => ({ ...mantelzorg(), residence: { ...eligible.residence, yearsRegistered, boundToRegion } });
    expect(await outcome(c(0, true))).toBe('urgent');
    expect(await outcome(c(5, false))).toBe('not-urgent');
  });

  it('does not apply municipal binding or income to letter d, and the reasoning names the articles', async () => {
    const d = await evaluate({ ...domesticViolence, income: { annualHousehold: 60000 } });
    expect([d.outcome, d.category?.id]).toEqual(['urgent', 'huiselijk-geweld']);
    expect(d.reasoning.requirements.find((t) => t.id === 'binding')!.result).toBe('false');
    expect(d.reasoning.categories.find((t) => t.id === 'huiselijk-geweld')!.note).toBe("De eis 'Inkomen binnen de DAEB-grens' geldt niet voor deze categorie (Huisvestingswet 2014 art. 15 lid 5). De eis 'Binding met de gemeente' geldt niet voor deze categorie (Huisvestingswet 2014 art. 14 lid 6).");
  });

  it('names the general requirement that fails when the category itself is met', async () => {
    const d = await evaluate({ ...mantelzorg(), residence: { ...eligible.residence, boundToRegion: false } });
    expect(plain(d.summary)).toBe('U komt niet in aanmerking voor urgentie: u voldoet niet aan de algemene voorwaarde(n): binding met de woningmarktregio.');
    expect(d.reasoning.categories.find((t) => t.id === 'mantelzorg')).toMatchObject({ result: 'false', ownResult: 'true' });
  });
});

describe('three-valued outcomes', () => {
  it('a missing fact that could change the result makes the outcome undetermined, naming the fact', async () => {
    const c = mantelzorg();
    delete c.grounds!.mantelzorg!.hoursPerWeek;
    const d = await evaluate(c);
    expect(d.outcome).toBe('undetermined');
    expect(d.missingFacts).toEqual([expect.objectContaining({ fact: 'grounds.mantelzorg.hoursPerWeek', neededFor: ['mantelzorg'] })]);
    expect(d.missingFacts[0]!.sentence).toBe('Nodig om te bepalen: uren mantelzorg per week (voor Mantelzorg).'.replace('uren', 'Uren'));
  });

  it('a missing fact is never read as false, and never listed when another condition already fails', async () => {
    const c = mantelzorg({ hoursPerWeek: 6 });
    delete c.grounds!.mantelzorg!.distanceKm;
    const d = await evaluate(c);
    expect(d.outcome).toBe('not-urgent');
    expect(d.missingFacts).toEqual([]);
  });

  it('a ground that is not in the case is not claimed: not-urgent, not undetermined', async () => {
    const d = await evaluate(eligible);
    expect(d.outcome).toBe('not-urgent');
    expect(plain(d.summary)).toBe('U komt niet in aanmerking voor urgentie: er is geen urgentiegrond opgegeven.');
    expect(d.reasoning.categories.every((t) => t.result === 'not-evaluated')).toBe(true);
  });

  it('a missing refusal fact keeps a matching category undetermined', async () => {
    const c = { ...mantelzorg(), conduct: { ownFault: false, canSolveWithinThreeMonths: false, nuisance: false } };
    const d = await evaluate(c);
    expect(d.outcome).toBe('undetermined');
    expect(d.missingFacts.map((m) => m.fact)).toEqual(['conduct.rentArrears']);
  });

  it('a refusal ground that applies refuses, whatever is missing elsewhere', async () => {
    const c = { ...mantelzorg(), conduct: { rentArrears: true } };
    delete c.grounds!.mantelzorg!.hoursPerWeek;
    const d = await evaluate(c);
    expect(d.outcome).toBe('not-urgent');
    expect(d.refusalGrounds.map((g) => g.id)).toEqual(['huurachterstand']);
    expect(d.missingFacts).toEqual([]);
  });

  it('an income limit not yet published for the application year is unknown, not a silent old value', async () => {
    const d = await evaluate({ ...mantelzorg(), applicationDate: '2027-02-01' });
    expect(d.outcome).toBe('undetermined');
    // A single person: only the single-person limit could decide; it is the regulation's gap, not the applicant's.
    expect(d.regulationGaps.map((g) => g.parameter)).toEqual(['inkomensgrens.eenpersoons']);
    expect(d.missingFacts).toEqual([]);
  });

  it('the household is only asked for when the income lies between the two limits', async () => {
    const low = await evaluate({ ...mantelzorg(), household: {} });
    expect(low.outcome).toBe('urgent');
    const between = await evaluate({ ...mantelzorg(), household: {}, income: { annualHousehold: 53000 } });
    expect(between.outcome).toBe('undetermined');
    expect(between.missingFacts.map((m) => m.fact).sort()).toEqual(['household.adults', 'household.minorChildren']);
  });
});

describe('the decision', () => {
  it('chooses by ranking when several categories match, and says so', async () => {
    const both = { ...domesticViolence, grounds: { ...domesticViolence.grounds, mantelzorg: mantelzorg().grounds!.mantelzorg }, residence: { ...domesticViolence.residence, yearsRegistered: 5 } };
    const d = await evaluate(both);
    expect(d.category?.id).toBe('huiselijk-geweld');
    expect(d.matchedCategories.map((m) => m.id)).toEqual(['huiselijk-geweld', 'mantelzorg']);
    expect(d.priority?.rank).toBe(1);
    expect(d.tieBreak).toBe('U voldoet aan meer dan één categorie; Huiselijk geweld gaat voor volgens de rangorde (vóór Mantelzorg).');
  });

  it('gives priority above the regular DAEB group for the validity period, and a search profile', async () => {
    const d = await evaluate({ ...mantelzorg(), applicationDate: '2026-08-31', household: { adults: 1, minorChildren: 2 } });
    expect(d.priority).toMatchObject({
      rank: 5, aboveRegularDaeb: true, validFrom: '2026-08-31', validUntil: '2027-02-28', validityMonths: 6,
      searchProfile: { maxRooms: 4, label: 'maximaal 4 kamers' },
    });
  });

  it('explains each condition with the fact, the value compared to and the article', async () => {
    const d = await evaluate(mantelzorg({ hoursPerWeek: 6 }));
    const hours = leafOf(d.reasoning.categories.find((t) => t.id === 'mantelzorg')!.conditions, 'grounds.mantelzorg.hoursPerWeek')!;
    expect(hours).toMatchObject({ result: 'false', fact: 'grounds.mantelzorg.hoursPerWeek', factValue: 6, value: 8, parameter: 'mantelzorg.minimumUrenPerWeek', citation: 'art. 2.6 lid 1 onder a' });
    expect(hours.sentence).toBe('U verleent of ontvangt 6 uur mantelzorg per week; vereist is minimaal 8 uur (art. 2.6 lid 1 onder a)');
  });

  it('speaks English on request', async () => {
    const d = await evaluate(mantelzorg({ hoursPerWeek: 6 }), { lang: 'en' });
    expect(plain(d.summary)).toBe('You do not qualify for urgency: you meet none of the urgency categories.');
    expect(leafOf(d.reasoning.categories.find((t) => t.id === 'mantelzorg')!.conditions, 'grounds.mantelzorg.hoursPerWeek')!.sentence)
      .toBe('You give or receive 6 hours of mantelzorg a week; at least 8 hours are required (art. 2.6(1)(a))');
  });

  it('carries a receipt: the layer chain, why this version, and the digest', async () => {
    const d = await evaluate(mantelzorg());
    expect(d.regulation.chain.map((l) => `${l.layer}:${l.validFrom}`)).toEqual(['wet:2026-07-01', 'model:2026-07-01', 'regio:2026-07-01', 'gemeente:2026-07-01']);
    expect(d.regulation.status).toBe('concept');
    expect(d.regulation.selection).toMatch(/is van kracht op 2026-08-03/);
    expect(d.regulation.digest).toMatch(/^sha256:/);
  });

  it('never silently falls back to another version', async () => {
    await expect(evaluate({ ...mantelzorg(), applicationDate: '2026-06-30' })).rejects.toThrow('geen urgentieregeling van kracht');
  });
});

describe('concurrency', () => {
  it('200 concurrent evaluations each equal the same case evaluated alone', async () => {
    const cases: Case[] = Array.from({ length: 200 }, (_, i) => i % 4 === 0 ? mantelzorg({ hoursPerWeek: i % 13 })
      : i % 4 === 1 ? { ...domesticViolence, residence: { ...domesticViolence.residence, yearsRegistered: i % 3 } }
        : i % 4 === 2 ? { ...mantelzorg({ distanceKm: (i % 9) + 0.5 }), conduct: { rentArrears: i % 8 === 2 } }
          : { ...mantelzorg(), income: { annualHousehold: 45000 + i * 50 }, household: { adults: 1 + (i % 2), minorChildren: 0 } });
    const alone = [];
    for (const c of cases) alone.push(await evaluate(c));
    const together = await Promise.all(cases.map((c) => evaluate(c)));
    expect(together).toEqual(alone);
    expect(new Set(alone.map((d) => d.outcome)).size).toBeGreaterThan(1);
  });
});
