// How fast this machine is right now: µs per in-process evaluation (direct runner, JSON included) of
// the benchmark's cases, best of five rounds. Printed before and after the API benchmark, because the
// virtual machine's speed drifts by tens of percent with other load on its host, and every figure of a
// run moves with it.
import { exampleCases } from '../src/api/example-cases.ts';
import { Evaluator } from '../src/engine/evaluator.ts';
import type { RuleBase } from '../src/rulebase/rulebase.ts';

export async function calibrate(ruleBase: RuleBase): Promise<number> {
  const evaluator = new Evaluator(ruleBase, 'direct');
  const cases = exampleCases.filter((e) => e.municipality === 'GM0014').map((e) => e.case);
  const round = async (n: number) => {
    const start = performance.now();
    for (let i = 0; i < n; i++) JSON.stringify(await evaluator.evaluate(cases[i % cases.length]!, 'GM0014'));
    return ((performance.now() - start) * 1000) / n;
  };
  await round(2000);
  let best = Infinity;
  for (let r = 0; r < 5; r++) best = Math.min(best, await round(1000));
  return best;
}
