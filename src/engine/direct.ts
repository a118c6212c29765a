// json-rules-engine's evaluation without its promise scheduler, for the API's hot path when chosen
// (`voorrang serve --engine direct`). It evaluates the same leaves compile.ts gives json-rules-engine,
// with json-rules-engine's own operators (validators included), and leaves the same results on each:
// factResult, valueResult and result. So decide() reads the same thing from either runner, and a test
// holds the two to identical decisions.
// What it leaves out is only scheduling: json-rules-engine resolves every fact and every comparison
// through promises (several per leaf), which is most of its cost for facts that are already known.
import { resolvePath, TestResults, TestSets, type CompiledRegulation, type EngineLeaf, type LeafResult, type ParameterValues, type TestRunner, type TestSet } from './compile.ts';
import { engineOperator } from './operators.ts';

/** One leaf as json-rules-engine evaluates it (condition.js evaluate): the fact is the case, read at the path. */
function evaluate(leaf: EngineLeaf, c: unknown): LeafResult {
  const op = engineOperator(leaf.operator);
  if (!op) throw new Error(`Unknown operator: ${leaf.operator}`);
  const factResult = resolvePath(c, leaf.path);
  return { factResult, valueResult: leaf.value, result: op.evaluate(factResult, leaf.value) };
}

export class DirectRunner implements TestRunner {
  private readonly sets: TestSets<TestSet>;

  constructor(compiled: CompiledRegulation) {
    this.sets = new TestSets(compiled, (set) => set);
  }

  run(c: unknown, parameters: ParameterValues): TestResults {
    const set = this.sets.for(c, parameters);
    return new TestResults(set, set.leaves.map((leaf) => evaluate(leaf, c)));
  }
}
