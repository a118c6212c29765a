// What a scenario costs to run, known once both sides are resolved and before any case is evaluated: every
// case is evaluated under both sides, and a case costs at most the leaves of the largest regulation it can
// meet on that side. The API charges this to the sender (one token ≈ one evaluation through
// json-rules-engine) and refuses a run above its cap, so a variant of 20,000 leaves over 60,000 cases is
// refused before it starts.
import { leavesOf } from '../../rulebase/condition-tree.ts';
import type { RegulationInForce } from '../../rulebase/rulebase.ts';
import type { SideRun } from './tally.ts';

/**
 * Leaf evaluations that cost one token. Measured (`npm run bench:scenario`, and a 100,000-case scenario
 * over the bundled rule base: 2.0 s for 14 M leaf evaluations, ≈ 0.14 µs each with generation and tally),
 * 2,000 of them take about as long as one evaluation through json-rules-engine (≈ 0.26 ms).
 */
export const LEAF_EVALUATIONS_PER_TOKEN = 2000;

export interface ScenarioCost {
  cases: number;
  /** Cases × the leaves of the largest regulation of each side, summed over both sides. */
  leafEvaluations: number;
  /** In rate-limit tokens: leafEvaluations / LEAF_EVALUATIONS_PER_TOKEN, rounded up. */
  tokens: number;
}

const leavesIn = ({ regulation: r }: RegulationInForce): number =>
  [...r.requirements, ...r.refusalGrounds, ...r.categories].reduce((n, t) => n + leavesOf(t.conditions).length, 0);

const largest = (side: SideRun): number =>
  Math.max(0, ...[...new Set(side.byMunicipality.values())].map((f) => (f ? leavesIn(f.regulation) : 0)));

export function scenarioCost(sides: { baseline: SideRun; variant: SideRun }, cases: number): ScenarioCost {
  const leafEvaluations = cases * (largest(sides.baseline) + largest(sides.variant));
  return { cases, leafEvaluations, tokens: Math.ceil(leafEvaluations / LEAF_EVALUATIONS_PER_TOKEN) };
}
