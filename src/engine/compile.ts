// A resolved regulation compiled once for json-rules-engine. Every test (requirement, refusal ground,
// category) becomes one child of a single rule, `{ any: [test, test, …] }`: json-rules-engine runs
// conditions of equal priority all at once, so each child is evaluated and carries its own result, and one
// rule per run costs far less than one rule per test (each rule deep-copies its conditions, emits events
// and chains promises). Parameter values are written into the conditions, so a leaf reads one fact (the
// case) instead of two; engines are therefore kept per set of parameter values (one per year, in practice).
import { Engine, Rule, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Condition } from '../rulebase/schema.ts';
import type { RegulationInForce } from '../rulebase/rulebase.ts';
import { paramName, parameterValue } from '../rulebase/parameters.ts';

export type TestKind = 'requirement' | 'refusalGround' | 'category';

/** A test's name in the engine's results, e.g. `category/mantelzorg`. */
export const ruleName = (kind: TestKind, id: string): string => `${kind}/${id}`;

/** json-rules-engine's operators (with their fact validators), for runners that compare without it. */
interface EngineOperator { evaluate(factValue: unknown, jsonValue: unknown): boolean }
export const engineOperators = (new Engine() as unknown as { operators: { get(name: string): EngineOperator | undefined } }).operators;

/** Parameter values on one date, flat by name (undefined where no dated value holds). */
export type ParameterValues = Readonly<Record<string, unknown>>;

/**
 * Dotted lookup into the case: `grounds.mantelzorg.hoursPerWeek`. About twice as fast as the default
 * JSONPath resolver.
 */
const splitPaths = new Map<string, string[]>();

export function resolvePath(value: unknown, path: string): unknown {
  let keys = splitPaths.get(path);
  if (!keys) splitPaths.set(path, (keys = path.split('.')));
  let current: unknown = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function toEngineCondition(c: Condition, parameters: ParameterValues): NestedCondition {
  if ('all' in c) return { all: c.all.map((x) => toEngineCondition(x, parameters)) };
  if ('any' in c) return { any: c.any.map((x) => toEngineCondition(x, parameters)) };
  if ('not' in c) return { not: toEngineCondition(c.not, parameters) };
  const param = paramName(c);
  return { fact: 'case', path: c.fact, operator: c.operator, value: param ? parameters[param] : c.value };
}

export interface CompiledTest {
  name: string;
  condition: Condition;
  /** For a category: the case object that claims it; the test only runs when the case has it. */
  ground?: string;
}

export interface CompiledRegulation {
  regulation: RegulationInForce;
  tests: CompiledTest[];
  /** Parameter values on a date; dates with equal values share one object (the engine pool's key). */
  parametersOn(date: string): ParameterValues;
}

export function compile(regulation: RegulationInForce): CompiledRegulation {
  const r = regulation.regulation;
  const tests: CompiledTest[] = [
    ...r.requirements.map((t) => ({ name: ruleName('requirement', t.id), condition: t.conditions })),
    ...r.refusalGrounds.map((t) => ({ name: ruleName('refusalGround', t.id), condition: t.conditions })),
    ...r.categories.map((t) => ({ name: ruleName('category', t.id), condition: t.conditions, ground: t.ground })),
  ];
  const byDate = new Map<string, ParameterValues>();
  const byContent = new Map<string, ParameterValues>();
  const parametersOn = (date: string) => {
    let values = byDate.get(date);
    if (!values) {
      const fresh = Object.fromEntries(Object.entries(r.parameters).map(([name, p]) => [name, parameterValue(p, date)]));
      const key = JSON.stringify(fresh);
      values = byContent.get(key) ?? fresh;
      byContent.set(key, values);
      if (byDate.size > 4096) byDate.clear();
      byDate.set(date, values);
    }
    return values;
  };
  return { regulation, tests, parametersOn };
}

/** The engine conditions of `tests`, parameter values written in. */
export const engineConditions = (tests: readonly CompiledTest[], parameters: ParameterValues): NestedCondition[] =>
  tests.map((t) => toEngineCondition(t.condition, parameters));

/** An engine with one rule holding `tests`, parameter values written in. */
export function newEngine(tests: readonly CompiledTest[], parameters: ParameterValues): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
  const conditions = { any: engineConditions(tests, parameters) } as TopLevelCondition;
  engine.addRule(new Rule({ name: 'tests', conditions, event: { type: 'tests' } }));
  return engine;
}

/** What json-rules-engine leaves on each condition after a run. */
export interface EngineNode {
  result?: boolean;
  factResult?: unknown;
  valueResult?: unknown;
  all?: EngineNode[];
  any?: EngineNode[];
  not?: EngineNode;
}

/** Runs `tests` on a case: per test name, the engine's result node for its root condition. */
export async function runTests(engine: Engine, tests: readonly CompiledTest[], c: unknown): Promise<Map<string, EngineNode>> {
  const { results, failureResults } = await engine.run({ case: c });
  const rule = (results[0] ?? failureResults[0])!.conditions as unknown as EngineNode;
  return new Map(tests.map((t, i) => [t.name, rule.any![i]!]));
}

/** Runs a compiled regulation's tests on a case (see EnginePool and direct.ts DirectRunner). */
export interface TestRunner {
  run(c: unknown, parameters: ParameterValues): Promise<Map<string, EngineNode>> | Map<string, EngineNode>;
}

/**
 * The tests a case runs, chosen once per set of parameter values and set of claimed grounds: categories a
 * case does not claim are not run at all.
 */
export class TestSets<T> {
  private readonly sets = new Map<ParameterValues, Map<string, T>>();
  private readonly grounds: string[];

  constructor(private readonly compiled: CompiledRegulation, private readonly make: (tests: CompiledTest[], parameters: ParameterValues) => T) {
    this.grounds = [...new Set(compiled.tests.flatMap((t) => (t.ground ? [t.ground] : [])))];
  }

  for(c: unknown, parameters: ParameterValues): T {
    const present = this.grounds.filter((g) => resolvePath(c, g) !== undefined);
    const key = present.join('|');
    let byClaim = this.sets.get(parameters);
    if (!byClaim) this.sets.set(parameters, (byClaim = new Map()));
    let set = byClaim.get(key);
    if (!set) byClaim.set(key, (set = this.make(this.compiled.tests.filter((t) => !t.ground || present.includes(t.ground)), parameters)));
    return set;
  }
}

/**
 * json-rules-engine engines for one compiled regulation. An Engine keeps running state per instance
 * (json-rules-engine issue #303: overlapping runs on one engine skip rules), so each run borrows an
 * engine of its own.
 */
export class EnginePool implements TestRunner {
  private readonly sets: TestSets<{ tests: CompiledTest[]; idle: Engine[] }>;

  constructor(compiled: CompiledRegulation) {
    this.sets = new TestSets(compiled, (tests) => ({ tests, idle: [] }));
  }

  async run(c: unknown, parameters: ParameterValues): Promise<Map<string, EngineNode>> {
    const { tests, idle } = this.sets.for(c, parameters);
    const engine = idle.pop() ?? newEngine(tests, parameters);
    try {
      return await runTests(engine, tests, c);
    } finally {
      if (idle.length < 32) idle.push(engine);
    }
  }
}
