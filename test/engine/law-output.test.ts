// What the decision says about the law and about the regulation itself, on a small rule base built in
// memory (independent of the bundled rule files): a concept is a simulation and says so first; a
// parameter without a value on the date is the regulation's gap, said once, not the applicant's missing
// fact; a claimed statutory category is provisional while the ministeriële regeling of Hvw art. 12 lid 3
// (last sentence) and art. 13 lid 4 is not there; art. 16's shield and the corporation's allocation rules
// are shown in the priority.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { Evaluator } from '../../src/engine/evaluator.ts';
import { Decision } from '../../src/engine/decision.ts';
import { gapSentence } from '../../src/engine/explain.ts';
import { buildRuleBase } from '../../src/rulebase/rulebase.ts';
import { registryText } from '../fixtures.ts';
import type { Case } from '../../src/case/schema.ts';

const LAW = 'Huisvestingswet 2014';
const lawBasis = (lid: number, letter?: string) => ({ regulation: LAW, article: '12', lid, ...(letter && { letter }) });

const law = {
  layer: 'wet', jurisdiction: 'huisvestingswet', title: LAW, validFrom: '2026-07-01', status: 'adopted',
  statute: {
    schemeMandatory: true,
    categories: [
      { id: 'mantelzorg', letter: 'a', label: { nl: 'Mantelzorg', en: 'Mantelzorg' }, basis: lawBasis(3, 'a') },
      {
        id: 'opvang-geweld', letter: 'd', label: { nl: 'Opvang na huiselijk geweld of mensenhandel', en: 'Shelter after domestic violence or trafficking' }, basis: lawBasis(3, 'd'),
        conditions: { all: [
          { fact: 'grounds.opvang.granted', operator: 'equal', value: true },
          { fact: 'grounds.opvang.reason', operator: 'in', value: ['huiselijk-geweld', 'mensenhandel'] },
          { fact: 'grounds.opvang.leaving', operator: 'equal', value: true },
        ] },
      },
    ],
    exemptions: [{ subject: 'income', categories: ['opvang-geweld'], basis: { regulation: LAW, article: '15', lid: 5 } }],
    bindingShield: [{ category: 'mantelzorg', basis: { regulation: LAW, article: '16' } }],
    provisional: { basis: { regulation: LAW, article: '13', lid: 4 }, note: { nl: 'Nog geen ministeriële regeling.', en: 'No ministerial regulation yet.' } },
    articles: [],
  },
};

const income = (param: string) => ({
  fact: 'income.annualHousehold', operator: 'lessThanInclusive', value: { param }, subject: 'income',
  label: { nl: 'Huishoudinkomen per jaar', en: 'Household income a year' },
});

const regulation = {
  parameters: {
    'inkomensgrens.eenpersoons': {
      label: { nl: 'Inkomensgrens DAEB, eenpersoonshuishouden', en: 'DAEB income limit, single-person household' },
      unit: 'euro/jaar', basis: { article: '1' },
      values: [{ from: '2026-01-01', until: '2026-12-31', value: 51537 }],
    },
    'inkomensgrens.meerpersoons': {
      label: { nl: 'Inkomensgrens DAEB, meerpersoonshuishouden', en: 'DAEB income limit, multi-person household' },
      unit: 'euro/jaar', basis: { article: '1' },
      values: [{ from: '2026-01-01', until: '2026-12-31', value: 56910 }],
    },
    geldigheidsduur: { label: { nl: 'Geldigheidsduur', en: 'Validity' }, unit: 'maanden', basis: { article: '5' }, value: 12 },
  },
  requirements: [{
    id: 'inkomen', label: { nl: 'Inkomen', en: 'Income' }, basis: { article: '2' }, subject: 'income',
    conditions: { any: [
      { all: [{ fact: 'household.adults', operator: 'equal', value: 1, label: { nl: 'Volwassenen', en: 'Adults' } }, income('inkomensgrens.eenpersoons')] },
      { all: [{ fact: 'household.adults', operator: 'greaterThan', value: 1, label: { nl: 'Volwassenen', en: 'Adults' } }, income('inkomensgrens.meerpersoons')] },
    ] },
  }],
  refusalGrounds: [],
  categories: [
    {
      id: 'mantelzorg', statutory: 'mantelzorg', ground: 'grounds.mantelzorg', label: { nl: 'Mantelzorg', en: 'Mantelzorg' }, basis: { article: '3' },
      conditions: { fact: 'grounds.mantelzorg.hoursPerWeek', operator: 'greaterThanInclusive', value: 8, label: { nl: 'Uren mantelzorg per week', en: 'Hours of care a week' } },
    },
    {
      id: 'opvang-geweld', statutory: 'opvang-geweld', ground: 'grounds.opvang', label: { nl: 'Uitstroom uit de opvang', en: 'Leaving a shelter' }, basis: { article: '3' },
      conditions: { fact: 'grounds.opvang.granted', operator: 'equal', value: true },
    },
    {
      id: 'noodsituatie', ground: 'grounds.acuteEmergency', label: { nl: 'Noodsituatie', en: 'Emergency' }, basis: { article: '4' },
      conditions: { fact: 'grounds.acuteEmergency.confirmed', operator: 'equal', value: true },
    },
  ],
  ranking: { basis: { article: '6' }, order: ['opvang-geweld', 'mantelzorg', 'noodsituatie'] },
  validity: { param: 'geldigheidsduur', basis: { article: '5' } },
  searchProfile: { basis: { article: '7' }, rows: [{ minorChildren: 0, label: { nl: 'Alle woningen', en: 'All dwellings' } }] },
  articles: [],
};

const gemeente = (code: string, folder: string, status: 'adopted' | 'concept', title: string) => ({
  path: `gemeente/${code}-${folder}/2026-07-01.yaml`,
  text: stringify({
    layer: 'gemeente', jurisdiction: code, title, validFrom: '2026-07-01',
    ...(status === 'adopted' && { validUntil: '2030-06-30' }), status, extends: 'wet/huisvestingswet', regulation,
  }),
});

const ruleBase = buildRuleBase([
  { path: 'wet/huisvestingswet/2026-07-01.yaml', text: stringify(law) },
  gemeente('GM0014', 'groningen', 'adopted', 'Huisvestingsverordening Groningen (test)'),
  gemeente('GM0047', 'veendam', 'concept', 'Concept-huisvestingsverordening Veendam (test)'),
], registryText);
const evaluator = new Evaluator(ruleBase);

const base = (date: string): Case => ({
  applicationDate: date,
  household: { adults: 1, minorChildren: 0 },
  income: { annualHousehold: 30000 },
  grounds: { mantelzorg: { hoursPerWeek: 10 } },
});
const decide = async (c: Case, code = 'GM0014', lang: 'nl' | 'en' = 'nl') => Decision.parse(await evaluator.evaluate(c, code, { lang, concept: code === 'GM0047' }));

describe('a concept is a simulation, never a decision', () => {
  it('says so in its own field and in the first sentence of the summary (nl and en)', async () => {
    const nl = await decide(base('2026-09-01'), 'GM0047');
    expect(nl.simulation).toBe(true);
    expect(nl.summary.startsWith('Simulatie van een concept, geen besluit: Concept-huisvestingsverordening Veendam (test) is niet vastgesteld. ')).toBe(true);
    expect(nl.summary).toContain('U komt in aanmerking voor urgentie in de categorie Mantelzorg.');
    const en = await decide(base('2026-09-01'), 'GM0047', 'en');
    expect(en.summary.startsWith('Simulation of a concept, not a decision: Concept-huisvestingsverordening Veendam (test) has not been adopted. ')).toBe(true);
  });

  it('an adopted verordening gives a decision that is not a simulation', async () => {
    const d = await decide(base('2026-09-01'));
    expect(d.simulation).toBe(false);
    expect(d.summary).toBe('U komt in aanmerking voor urgentie in de categorie Mantelzorg.');
  });
});

describe('a value the regulation does not have yet is its gap, not the applicant\'s missing fact', () => {
  it('in 2027 without the 2027 limit: one gap, under its own heading, and the summary names it once', async () => {
    const d = await decide(base('2027-01-04'));
    expect(d.outcome).toBe('undetermined');
    expect(d.missingFacts).toEqual([]);
    expect(d.regulationGaps).toEqual([{
      parameter: 'inkomensgrens.eenpersoons',
      label: 'Inkomensgrens DAEB, eenpersoonshuishouden',
      sentence: 'De inkomensgrens voor 2027 (Inkomensgrens DAEB, eenpersoonshuishouden) is nog niet in de regeling opgenomen.',
    }]);
    expect(d.summary).toBe('Nog niet te bepalen: de regeling bevat voor 2027-01-04 nog geen waarde voor Inkomensgrens DAEB, eenpersoonshuishouden.');
    expect(d.summary).not.toContain('er ontbreken gegevens');
    expect(d.summary).not.toContain('Huishoudinkomen');
  });

  it('the same parameter asked twice is one gap; two parameters are two, each once', async () => {
    // Household size unknown: both branches of the income requirement are open, each with its own limit.
    const c: Case = { ...base('2027-01-04'), household: { minorChildren: 0 } };
    const d = await decide(c);
    expect(d.regulationGaps.map((g) => g.parameter)).toEqual(['inkomensgrens.eenpersoons', 'inkomensgrens.meerpersoons']);
    expect(new Set(d.missingFacts.map((m) => m.fact)).size).toBe(d.missingFacts.length);
    expect(d.missingFacts.map((m) => m.fact)).toEqual(['household.adults']);
    expect(d.missingFacts.some((m) => m.fact.startsWith('parameter:'))).toBe(false);
  });

  it('with a fact missing as well: the applicant\'s facts, and the gap once', async () => {
    const c: Case = { ...base('2027-01-04'), household: { minorChildren: 0 } };
    const d = await decide(c);
    expect(d.summary).toBe('Nog niet te bepalen: er ontbreken gegevens (Volwassenen), en de regeling bevat voor 2027-01-04 nog geen waarde voor '
      + 'Inkomensgrens DAEB, eenpersoonshuishouden, Inkomensgrens DAEB, meerpersoonshuishouden.');
  });

  it('in English too', async () => {
    const d = await decide(base('2027-01-04'), 'GM0014', 'en');
    expect(d.regulationGaps[0]!.sentence).toBe('The income limit for 2027 (DAEB income limit, single-person household) has not yet been included in the regulation.');
    expect(d.summary).toBe('Cannot be decided yet: the regulation has no value yet for 2027-01-04 for DAEB income limit, single-person household.');
  });

  it('a gap of another parameter names it as it is labelled; values that are not yearly give the date', () => {
    const yearly = { label: { nl: 'AOW-leeftijd', en: 'State pension age' }, unit: 'jaar' as const, basis: { article: '1' }, values: [{ from: '2026-01-01', until: '2026-12-31', value: 67 }] };
    expect(gapSentence('aowLeeftijd', 'AOW-leeftijd', yearly, '2027-03-01', 'nl')).toBe('De waarde van AOW-leeftijd voor 2027 is nog niet in de regeling opgenomen.');
    const halfYear = { ...yearly, values: [{ from: '2026-07-01', until: '2026-12-31', value: 67 }] };
    expect(gapSentence('aowLeeftijd', 'State pension age', halfYear, '2027-03-01', 'en')).toBe('The value of State pension age for 2027-03-01 has not yet been included in the regulation.');
  });

  it('on 2026-12-31, the last day with a value, there is no gap', async () => {
    const d = await decide(base('2026-12-31'));
    expect(d.outcome).toBe('urgent');
    expect(d.regulationGaps).toEqual([]);
  });

  it('a category the law exempts from income (Hvw art. 15 lid 5, onder d) is decided in 2027 without the limit', async () => {
    const c: Case = { ...base('2027-01-04'), income: { annualHousehold: 60000 }, grounds: { opvang: { granted: true, reason: 'huiselijk-geweld', leaving: true } } };
    const d = await decide(c);
    expect(d.outcome).toBe('urgent');
    expect(d.category?.id).toBe('opvang-geweld');
    expect(d.regulationGaps).toEqual([]);
  });
});

describe('what the law says about the decision', () => {
  it('a claimed statutory category is provisional while no ministeriële regeling sets its conditions (Hvw art. 13 lid 4)', async () => {
    const d = await decide(base('2026-09-01'));
    expect(d.provisional?.citation).toBe('Huisvestingswet 2014 art. 13 lid 4');
    expect(d.provisional?.text).toContain('Mantelzorg (art. 12 lid 3 onder a)');
    expect(d.provisional?.text).toContain('ministeriële regeling');
  });

  it('a local category alone is not provisional', async () => {
    const c: Case = { ...base('2026-09-01'), grounds: { acuteEmergency: { confirmed: true } } };
    const d = await decide(c);
    expect(d.outcome).toBe('urgent');
    expect(d.category?.id).toBe('noodsituatie');
    expect(d.provisional).toBeUndefined();
  });

  it('art. 16: the shield shows in the priority of a category a, not of a local category', async () => {
    const shielded = await decide(base('2026-09-01'));
    expect(shielded.priority?.bindingShield?.citation).toBe('Huisvestingswet 2014 art. 16');
    expect(shielded.priority?.bindingShield?.text).toContain('niet worden geweigerd');
    const local = await decide({ ...base('2026-09-01'), grounds: { acuteEmergency: { confirmed: true } } });
    expect(local.priority).toBeDefined();
    expect(local.priority?.bindingShield).toBeUndefined();
  });

  it('every priority says that the corporation\'s allocation rules still apply (Woningwet art. 46 and 48)', async () => {
    const nl = await decide(base('2026-09-01'));
    expect(nl.priority?.allocationNote).toContain('Woningwet art. 46 en 48');
    const en = await decide(base('2026-09-01'), 'GM0014', 'en');
    expect(en.priority?.allocationNote).toContain('Woningwet art. 46 and 48');
  });

  it('no priority, no allocation note: a refusal says nothing about an offer', async () => {
    const d = await decide({ ...base('2026-09-01'), income: { annualHousehold: 60000 } });
    expect(d.outcome).toBe('not-urgent');
    expect(d.priority).toBeUndefined();
  });
});
