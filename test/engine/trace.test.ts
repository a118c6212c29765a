// The three-valued reading agrees with json-rules-engine's own verdict whenever no fact is missing: the
// engine runs only the leaves (compile.ts), trace.ts combines them, and json-rules-engine given the
// whole nested conditions must come to the same result for every test.
import { Engine, Rule, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { paramName } from '../../src/rulebase/parameters.ts';
import type { Condition } from '../../src/rulebase/schema.ts';
import { compile, EnginePool, resolvePath, type ParameterValues } from '../../src/engine/compile.ts';
import { trace } from '../../src/engine/trace.ts';
import { Institution, OpvangReason, OutflowFrom, type Case } from '../../src/case/schema.ts';

/** A condition as json-rules-engine takes it whole, groups included, parameter values written in. */
function nested(c: Condition, parameters: ParameterValues): NestedCondition {
  if ('all' in c) return { all: c.all.map((x) => nested(x, parameters)) };
  if ('any' in c) return { any: c.any.map((x) => nested(x, parameters)) };
  if ('not' in c) return { not: nested(c.not, parameters) };
  const param = paramName(c);
  return { fact: 'case', path: c.fact, operator: c.operator, value: param ? parameters[param] : c.value };
}

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A case with every fact given, so that it claims every ground. The facts the engine derives (the age
 * from dateOfBirth, leaving from leavingDate) are given directly: json-rules-engine here reads the case
 * as it is.
 */
function completeCase(r: () => number): Case {
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const bool = () => r() < 0.5;
  return {
    applicationDate: '2026-09-01',
    applicant: { age: pick([17, 18, 22, 23, 40, 66, 67, 80]), lawfulResidence: r() < 0.9 },
    household: { adults: pick([1, 2]), minorChildren: pick([0, 1, 2, 3]), partnerAge: pick([40, 66, 67, 70]) },
    income: { annualHousehold: pick([20000, 29400, 29401, 39925, 51537, 51538, 56910, 60000]), netMonthly: pick([700, 750, 751, 2000]) },
    residence: {
      municipality: 'GM0014', yearsRegistered: pick([0, 1, 2, 5]), housing: pick(['tenant', 'shelter', 'no-fixed-address', 'institution'] as const),
      yearsIndependent: pick([0, 1, 3]), boundToRegion: r() < 0.8,
    },
    registration: { points: pick([0, 99, 100, 199, 200]) },
    grounds: {
      mantelzorg: { role: pick(['giver', 'receiver'] as const), hoursPerWeek: pick([7.9, 8, 10]), expectedDurationMonths: pick([3, 11, 12]), distanceKm: pick([5, 5.1]), assessedBySocialTeam: bool() },
      medical: { serious: bool(), chronic: bool(), independentAdvice: pick(['urgent', 'not-urgent'] as const), causedByDwelling: bool() },
      outflow: {
        from: pick(OutflowFrom.options), institution: pick(Institution.options), leaving: bool(),
        readyForIndependentLiving: bool(), guidanceArranged: bool(),
      },
      opvang: { granted: bool(), reason: pick(OpvangReason.options), leaving: bool() },
      violence: { kind: pick(['huiselijk-geweld', 'mensenhandel'] as const), confirmed: bool() },
      exitProgramme: { participates: r() < 0.2 },
      homelessFamily: { registeredHomeless: bool() },
      acuteEmergency: { confirmed: bool() },
    },
    conduct: { ownFault: r() < 0.2, canSolveWithinThreeMonths: r() < 0.2, rentArrears: r() < 0.2, nuisance: r() < 0.2 },
  };
}

describe('three-valued reading of the engine', () => {
  const ruleBase = loadRuleBase();
  // Groningen's adopted 2025 verordening under the law before and after 2026-07-01, and its concept.
  for (const [date, concept] of [['2026-06-01', false], ['2026-09-01', false], ['2026-09-01', true]] as const) {
    it(`equals the engine's verdict on complete cases for every rule (Groningen, ${date}${concept ? ', concept' : ''})`, async () => {
      const regulation = ruleBase.regulationOn('GM0014', date, { concept });
      const compiled = compile(regulation);
      const parameters = compiled.parametersOn(date);
      const whole = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
      whole.addRule(new Rule({ name: 'whole', conditions: { any: compiled.tests.map((t) => nested(t.condition, parameters)) } as TopLevelCondition, event: { type: 'whole' } }));
      const leaves = new EnginePool(compiled);
      const r = random(42);
      let compared = 0;
      for (let i = 0; i < 300; i++) {
        const c = { ...completeCase(r), applicationDate: date };
        const { results, failureResults } = await whole.run({ case: c });
        const verdicts = ((results[0] ?? failureResults[0])!.conditions as unknown as { any: { result: boolean }[] }).any;
        const run = await leaves.run(c, parameters);
        compiled.tests.forEach((test, k) => {
          expect(run.ran(test.name), test.name).toBe(true); // a complete case claims every ground
          const t = trace(test.condition, run, { lang: 'nl', unitOf: () => undefined });
          expect(t.result, `${test.name} case ${i}`).toBe(verdicts[k]!.result ? 'true' : 'false');
          compared++;
        });
      }
      expect(compared).toBeGreaterThan(300 * 10);
    });
  }
});
