// How fast this machine is right now: µs per in-process evaluation (direct runner, JSON included) of
// the benchmark's cases, best of five rounds. Printed before and after the API benchmark, because the
// virtual machine's speed drifts by tens of percent with other load on its host, and every figure of a
// run moves with it.
import { exampleCases } from '../src/api/example-cases.ts';
import { Evaluator } from '../src/engine/evaluator.ts';
import type { RuleBase } from '../src/rulebase/rulebase.ts';

/** The benchmark's evaluations: the GM0014 example cases (urgent, refusal, undetermined). */
export const BENCH_MUNICIPALITY = 'GM0014';
export const benchCases = exampleCases.filter((e) => e.municipality === BENCH_MUNICIPALITY).map((e) => e.case);

export async function calibrate(ruleBase: RuleBase): Promise<number> {
  const evaluator = new Evaluator(ruleBase, 'direct');
  const round = async (n: number) => {
    const start = performance.now();
    for (let i = 0; i < n; i++) JSON.stringify(await evaluator.evaluate(benchCases[i % benchCases.length]!, BENCH_MUNICIPALITY));
    return ((performance.now() - start) * 1000) / n;
  };
  await round(2000);
  let best = Infinity;
  for (let r = 0; r < 5; r++) best = Math.min(best, await round(1000));
  return best;
}
