// The fast path against the reference: json-rules-engine via the Evaluator. A seeded adversarial
// population (missing and null facts, wrong types, thresholds ±1, absent/empty/null grounds, dates without
// parameter values) is evaluated both ways under every regulation of the rule base — the model, the
// regions, every municipality and both Groningen versions — and must agree on the whole decision except
// its reasoning text: outcome, category, matched categories, refusal grounds, missing facts (with what
// each is needed for) and priority rank. The cases are spread over the regulations so the run stays short.
import { splitMissing } from '../../src/engine/missing.ts';
import { applicationDateOf } from '../../src/engine/derive.ts';
import { within } from '../../src/rulebase/dates.ts';
import { describe, expect, it } from 'vitest';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { Evaluator } from '../../src/engine/evaluator.ts';
import { compileFast } from '../../src/engine/fast.ts';
import { applyVariant } from '../../src/rulebase/variant.ts';
import { random } from '../../src/scenario/population/prng.ts';
import { adversarialCase, nearEligibleCase, thresholds } from './adversarial.ts';
import type { RegulationInForce } from '../../src/rulebase/rulebase.ts';

const ruleBase = loadRuleBase();
const evaluator = new Evaluator(ruleBase);
const limits = thresholds(ruleBase);
const basis = { article: '1' };

const regulations: { name: string; regulation: RegulationInForce }[] = [...ruleBase.periods.values()].flat()
  .map((regulation) => ({ name: `${regulation.set} ${regulation.from}`, regulation }));
// Variants exercise what the rule files do not: a raised threshold, a removed refusal ground, an added
// category with a `not`, a binding requirement on more categories.
const hogeland = ruleBase.regulationOn('GM1966', '2026-08-01', { concept: true });
const variant = applyVariant(hogeland, [
  { op: 'setParameter', parameter: 'mantelzorg.minimumUrenPerWeek', value: 10, basis },
  { op: 'removeRefusalGround', refusalGround: 'zelf-oplosbaar', basis },
  { op: 'addCategory', basis, category: {
    id: 'sociaal', label: { nl: 'Sociaal', en: 'Social' }, basis, ground: 'grounds.medical',
    conditions: { any: [
      { not: { fact: 'grounds.medical.independentAdvice', operator: 'in', value: ['not-urgent'] } },
      { all: [{ fact: 'household.minorChildren', operator: 'greaterThan', value: 2 }, { fact: 'income.netMonthly', operator: 'lessThan', value: 900 }] },
      { fact: 'residence.housing', operator: 'notIn', value: ['tenant', 'owner'] },
      { fact: 'applicant.age', operator: 'notEqual', value: 30 },
    ] },
  } },
], 'differential variant');
if (!variant.regulation) throw new Error(JSON.stringify(variant.problems));
regulations.push({ name: 'variant over GM1966', regulation: variant.regulation });

const TOTAL = 24_000;
const per = Math.ceil(TOTAL / regulations.length);

describe('fast path = json-rules-engine (differential)', () => {
  it(`covers every municipality, every Groningen period, the model and a variant (${regulations.length} regulations)`, () => {
    const sets = new Set(regulations.map((r) => r.regulation.set));
    for (const m of ruleBase.municipalities) expect(sets.has(ruleBase.municipalitySets.get(m.code)!)).toBe(true);
    // 2019, 2025 under each law version, and the concept.
    expect(regulations.filter((r) => r.regulation.set === 'gemeente/GM0014-groningen').length).toBe(4);
    expect(per * regulations.length).toBeGreaterThanOrEqual(20_000);
  });

  for (const [i, { name, regulation }] of regulations.entries()) {
    it(`${name}: ${per} cases agree`, async () => {
      const rnd = random(20_260_701 + i);
      const fast = compileFast(regulation);
      const date = regulation.from;
      const outcomes = new Map<string, number>();
      let withMissing = 0;
      for (let n = 0; n < per; n++) {
        const c = n % 2 ? adversarialCase(rnd, limits) : nearEligibleCase(rnd, limits);
        // Most cases apply on the period's last day, where its yearly values are known (the 2019 text has 2023's).
        if (typeof c.applicationDate === 'string' && !within(c.applicationDate, regulation.from, regulation.until) && rnd.chance(0.7)) c.applicationDate = regulation.until ?? regulation.from;
        const reference = await evaluator.evaluateUnder(regulation, c, { date });
        const mine = fast.decide(c, date);
        const whole = fast.verdict(c, date);
        const expected = {
          outcome: reference.outcome, category: reference.category?.id, refusalGrounds: reference.refusalGrounds.map((g) => g.id),
          matched: reference.matchedCategories.map((m) => [m.id, m.rank]), rank: reference.priority?.rank,
          missing: reference.missingFacts.map((m) => [m.fact, m.neededFor]),
          gaps: reference.regulationGaps.map((g) => g.parameter),
        };
        const split = splitMissing(whole.missingFacts);
        const actual = {
          outcome: mine.outcome, category: mine.category, refusalGrounds: mine.refusalGrounds,
          matched: whole.matched.map((m) => [m.facts.category.id, m.facts.rank]), rank: whole.chosen?.facts.rank,
          missing: split.facts.map((m) => [m.fact, m.neededFor]),
          gaps: split.gaps.map((g) => g.parameter),
        };
        expect(whole.outcome).toBe(mine.outcome);
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          expect({ case: c, ...actual }).toEqual({ case: c, ...expected });
        }
        // The hot path's state code agrees with decide().
        const code = fast.code(c, fast.paramsOn(applicationDateOf(c, date)), applicationDateOf(c, date));
        expect(code >= 2 ? fast.categories[code - 2] : code === 1 ? 'undetermined' : 'not-urgent')
          .toBe(mine.category ?? mine.outcome);
        if (whole.missingFacts.length) withMissing++;
        const key = mine.category ?? mine.outcome;
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      }
      // The population must actually reach every outcome, else agreement proves little.
      expect(outcomes.get('not-urgent')).toBeGreaterThan(0);
      expect(outcomes.get('undetermined')).toBeGreaterThan(0);
      expect(withMissing).toBeGreaterThan(0);
      expect([...outcomes.keys()].filter((k) => k !== 'not-urgent' && k !== 'undetermined').length).toBeGreaterThan(0);
    }, 60_000);
  }
});
