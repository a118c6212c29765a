// A resolved regulation compiled once for json-rules-engine. The tests a case runs (requirements, refusal
// grounds, the categories it claims) are reduced to the distinct leaves of their conditions, and one rule
// holds those leaves side by side, `{ any: [leaf, leaf, …] }`: json-rules-engine runs conditions of equal
// priority all at once, so every leaf is evaluated and carries its own result. The groups (all/any/not)
// are not given to the engine: trace.ts combines the leaves' results three-valued, which the engine's
// two-valued groups could not do anyway, and nested groups cost the engine half its run (a promise chain
// and a priority sort per group, and a deeper tree to deep-copy on every run). Parameter values are
// written into the leaves, so a leaf reads one fact (the case) instead of two; engines are therefore kept
// per set of parameter values (one per year, in practice).
import { Engine, Rule, type TopLevelCondition } from 'json-rules-engine';
import type { Condition, Leaf } from '../rulebase/schema.ts';
import type { RegulationInForce } from '../rulebase/rulebase.ts';
import { paramName, parameterValue } from '../rulebase/parameters.ts';
import { leavesOf } from '../rulebase/condition-tree.ts';

export type TestKind = 'requirement' | 'refusalGround' | 'category';

/** A test's name in the engine's results, e.g. `category/mantelzorg`. */
export const ruleName = (kind: TestKind, id: string): string => `${kind}/${id}`;

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

/** A leaf as json-rules-engine takes it: the case is the one fact, read at the leaf's path. */
export interface EngineLeaf { fact: 'case'; path: string; operator: string; value: unknown }

const toEngineLeaf = (leaf: Leaf, parameters: ParameterValues): EngineLeaf => {
  const param = paramName(leaf);
  return { fact: 'case', path: leaf.fact, operator: leaf.operator, value: param ? parameters[param] : leaf.value };
};

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

/**
 * The tests a case runs, and the distinct leaves of their conditions: what a runner evaluates. Leaves that
 * read the same path with the same operator and value (after parameters are written in) are one.
 */
export interface TestSet {
  /** The names of the tests (ruleName). */
  names: ReadonlySet<string>;
  leaves: readonly EngineLeaf[];
  /** Each rule-base leaf of the tests: its place in `leaves`. */
  slots: ReadonlyMap<Leaf, number>;
}

function testSet(tests: CompiledTest[], parameters: ParameterValues): TestSet {
  const leaves: EngineLeaf[] = [];
  const byKey = new Map<string, number>();
  const slots = new Map<Leaf, number>();
  for (const leaf of tests.flatMap((t) => leavesOf(t.condition))) {
    const engineLeaf = toEngineLeaf(leaf, parameters);
    const { path, operator, value } = engineLeaf;
    const key = `${path} ${operator} ${value === undefined ? '-' : JSON.stringify(value)}`; // '-': no value on this date
    let slot = byKey.get(key);
    if (slot === undefined) byKey.set(key, (slot = leaves.push(engineLeaf) - 1));
    slots.set(leaf, slot);
  }
  return { names: new Set(tests.map((t) => t.name)), leaves, slots };
}

/** What json-rules-engine leaves on a leaf after a run. */
export interface LeafResult {
  result?: boolean;
  factResult?: unknown;
  valueResult?: unknown;
}

/** One run: which tests ran, and what each of their leaves gave. */
export class TestResults {
  constructor(private readonly set: TestSet, private readonly results: readonly LeafResult[]) {}

  /** A category's test runs only when the case claims its ground. */
  ran(name: string): boolean {
    return this.set.names.has(name);
  }

  leaf(leaf: Leaf): LeafResult {
    return this.results[this.set.slots.get(leaf)!]!;
  }
}

/** Runs a compiled regulation's tests on a case (see EnginePool and direct.ts DirectRunner). */
export interface TestRunner {
  run(c: unknown, parameters: ParameterValues): Promise<TestResults> | TestResults;
}

/**
 * The test sets of one compiled regulation, made once per set of parameter values and set of claimed
 * grounds: categories a case does not claim are not run at all. `make` adds what a runner keeps per set.
 */
export class TestSets<T> {
  private readonly sets = new Map<ParameterValues, Map<string, T>>();
  private readonly grounds: string[];

  constructor(private readonly compiled: CompiledRegulation, private readonly make: (set: TestSet) => T) {
    this.grounds = [...new Set(compiled.tests.flatMap((t) => (t.ground ? [t.ground] : [])))];
  }

  for(c: unknown, parameters: ParameterValues): T {
    const present = this.grounds.filter((g) => resolvePath(c, g) !== undefined);
    const key = present.join('|');
    let byClaim = this.sets.get(parameters);
    if (!byClaim) this.sets.set(parameters, (byClaim = new Map()));
    let set = byClaim.get(key);
    if (!set) byClaim.set(key, (set = this.make(testSet(this.compiled.tests.filter((t) => !t.ground || present.includes(t.ground)), parameters))));
    return set;
  }
}

/**
 * json-rules-engine engines for one compiled regulation, each with one rule holding a test set's leaves.
 * An Engine keeps running state per instance (json-rules-engine issue #303: overlapping runs on one
 * engine skip rules), so each run borrows an engine of its own.
 */
export class EnginePool implements TestRunner {
  private readonly sets: TestSets<{ set: TestSet; idle: Engine[] }>;

  constructor(compiled: CompiledRegulation) {
    this.sets = new TestSets(compiled, (set) => ({ set, idle: [] }));
  }

  async run(c: unknown, parameters: ParameterValues): Promise<TestResults> {
    const { set, idle } = this.sets.for(c, parameters);
    const engine = idle.pop() ?? newEngine(set);
    try {
      const { results, failureResults } = await engine.run({ case: c });
      const rule = (results[0] ?? failureResults[0])!.conditions as unknown as { any: LeafResult[] };
      return new TestResults(set, rule.any);
    } finally {
      if (idle.length < 32) idle.push(engine);
    }
  }
}

function newEngine(set: TestSet): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
  const conditions = { any: set.leaves } as unknown as TopLevelCondition;
  engine.addRule(new Rule({ name: 'tests', conditions, event: { type: 'tests' } }));
  return engine;
}
