// json-rules-engine's evaluation without its promise scheduler, for the API's hot path when chosen
// (`voorrang serve --engine direct`). It walks the same engine conditions compile.ts gives json-rules-
// engine, compares with json-rules-engine's own operators (validators included), and leaves the same
// result nodes: factResult, valueResult and result on every leaf, result on every group. So decide()
// reads the same thing from either runner, and a test holds the two to identical decisions. (decide()
// reads the leaves; groups it recombines three-valued, see trace.ts. Group results are set all the same,
// so a node means what json-rules-engine's would.)
// What it leaves out is only scheduling: json-rules-engine resolves every fact and every comparison
// through promises (about eight per leaf), which is most of its cost for facts that are already known.
import type { NestedCondition } from 'json-rules-engine';
import { engineConditions, engineOperators, resolvePath, TestSets, type CompiledRegulation, type EngineNode, type ParameterValues, type TestRunner } from './compile.ts';

type Plain = { all?: Plain[]; any?: Plain[]; not?: Plain; path?: string; operator?: string; value?: unknown };

/** One condition as json-rules-engine evaluates it (rule.js evaluateCondition, condition.js evaluate). */
function evaluate(condition: Plain, c: unknown): EngineNode {
  const group = condition.all ?? condition.any;
  if (group) {
    const children = group.map((x) => evaluate(x, c));
    // As json-rules-engine's prioritizeAndRun: an empty group passes, a single child decides alone.
    const result = children.length === 0 ? true
      : condition.all ? children.every((x) => x.result === true) : children.some((x) => x.result === true);
    return condition.all ? { all: children, result } : { any: children, result };
  }
  if (condition.not) {
    const child = evaluate(condition.not, c);
    return { not: child, result: child.result !== true };
  }
  const op = engineOperators.get(condition.operator!);
  if (!op) throw new Error(`Unknown operator: ${condition.operator}`);
  // The fact is always the case (an object), read at the leaf's path; values are literals.
  const factResult = resolvePath(c, condition.path!);
  const valueResult = condition.value;
  return { factResult, valueResult, result: op.evaluate(factResult, valueResult) };
}

export class DirectRunner implements TestRunner {
  private readonly sets: TestSets<{ names: string[]; conditions: NestedCondition[] }>;

  constructor(compiled: CompiledRegulation) {
    this.sets = new TestSets(compiled, (tests, parameters) => ({ names: tests.map((t) => t.name), conditions: engineConditions(tests, parameters) }));
  }

  run(c: unknown, parameters: ParameterValues): Map<string, EngineNode> {
    const { names, conditions } = this.sets.for(c, parameters);
    const nodes = new Map<string, EngineNode>();
    for (let i = 0; i < names.length; i++) nodes.set(names[i]!, evaluate(conditions[i] as Plain, c));
    return nodes;
  }
}
