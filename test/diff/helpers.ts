// Shared for the diff tests: the model on a date, hand-made variants of it with known changes, and the
// check that every witness in a report really is decided differently by the two regulations.
import { expect } from 'vitest';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { applyVariant } from '../../src/rulebase/variant.ts';
import { categoriesInForce } from '../../src/rulebase/category-facts.ts';
import type { RegulationInForce } from '../../src/rulebase/rulebase.ts';
import type { Change, Regulation } from '../../src/rulebase/schema.ts';
import { Evaluator } from '../../src/engine/evaluator.ts';
import { differ } from '../../src/diff/witness/witnesses.ts';
import { diffRegulations, type DiffOptions } from '../../src/diff/compare-regulations.ts';
import type { DiffReport, Witness } from '../../src/diff/model/report.ts';

export const DATE = '2026-08-01';
export const ruleBase = loadRuleBase();
export const evaluator = new Evaluator(ruleBase);
export const model = ruleBase.regulationOn('model/vng', DATE);
export const basis = { article: '2.6', lid: 1 };

/** The model with changes in the change language; fails the test when the variant is refused. */
export function variant(changes: Change[], title = 'variant', base: RegulationInForce = model): RegulationInForce {
  const { regulation, problems } = applyVariant(base, changes, title);
  expect(problems).toEqual([]);
  return regulation!;
}

/** A variant the change language refuses (e.g. against the law): edited directly, for conformance findings. */
export function edited(edit: (r: Regulation) => void, base: RegulationInForce = model): RegulationInForce {
  const regulation = structuredClone(base.regulation);
  edit(regulation);
  return { ...base, regulation, categoryFacts: categoriesInForce(base.statute, regulation), set: 'variant', digest: 'sha256:edited' };
}

export const diff = (base: RegulationInForce, subject: RegulationInForce, options: DiffOptions = {}) =>
  diffRegulations(base, subject, { date: DATE, evaluator, ...options });

/** Every witness anywhere in a report. */
export function witnessesOf(r: DiffReport): Witness[] {
  return [
    ...[...r.categories, ...r.requirements, ...r.refusalGrounds].flatMap((t) => [t.witness, ...t.conditions.map((c) => c.witness)]),
    r.validity?.witness, r.ranking?.witness, ...r.searchProfile.map((s) => s.witness), ...r.binding.map((b) => b.witness),
  ].filter((w): w is Witness => !!w);
}

/** Re-evaluates every witness under both regulations: the decisions differ and match the report. */
export async function expectWitnessesHold(r: DiffReport, base: RegulationInForce, subject: RegulationInForce): Promise<number> {
  const witnesses = witnessesOf(r);
  for (const w of witnesses) {
    const a = await evaluator.evaluateUnder(base, w.case, { date: DATE });
    const b = await evaluator.evaluateUnder(subject, w.case, { date: DATE });
    expect(differ(a, b), JSON.stringify(w.case)).toBe(true);
    expect([a.outcome, b.outcome]).toEqual([w.base.outcome, w.subject.outcome]);
  }
  return witnesses.length;
}
