// A resolved regulation compiled once into json-rules-engine rules: one rule per requirement, refusal
// ground and category. The case is the fact `case`, parameters the fact `parameters`; a leaf's `fact`
// (a dotted case path) becomes the engine's `path`, and a `{ param }` value a reference to `parameters`.
import { Engine, Rule, type TopLevelCondition, type NestedCondition } from 'json-rules-engine';
import type { Condition } from '../rulebase/schema.ts';
import type { RegulationInForce } from '../rulebase/rulebase.ts';
import { paramName, parameterValue } from '../rulebase/parameters.ts';

export type TestKind = 'requirement' | 'refusalGround' | 'category';

/** Rule name in the engine, e.g. `category/mantelzorg`. */
export const ruleName = (kind: TestKind, id: string): string => `${kind}/${id}`;

/**
 * Dotted lookup. Parameter names contain dots (`mantelzorg.minimumUrenPerWeek`) and are stored flat, so an
 * own property wins; otherwise walk the case object. About twice as fast as the default JSONPath resolver.
 */
const splitPaths = new Map<string, string[]>();

export function resolvePath(value: unknown, path: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if (Object.hasOwn(value, path)) return (value as Record<string, unknown>)[path];
  let keys = splitPaths.get(path);
  if (!keys) splitPaths.set(path, (keys = path.split('.')));
  let current: unknown = value;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function toEngineCondition(c: Condition): NestedCondition {
  if ('all' in c) return { all: c.all.map(toEngineCondition) };
  if ('any' in c) return { any: c.any.map(toEngineCondition) };
  if ('not' in c) return { not: toEngineCondition(c.not) };
  const param = paramName(c);
  const value = param ? { fact: 'parameters', path: param } : c.value;
  return { fact: 'case', path: c.fact, operator: c.operator, value };
}

const topLevel = (c: Condition): TopLevelCondition => {
  const n = toEngineCondition(c);
  return 'all' in n || 'any' in n || 'not' in n ? (n as TopLevelCondition) : { all: [n] };
};

export interface CompiledRule {
  name: string;
  conditions: TopLevelCondition;
  /** For a category: the case object that claims it; the rule only runs when the case has it. */
  ground?: string;
}

export interface CompiledRegulation {
  regulation: RegulationInForce;
  /** Rule definitions, shared read-only by every engine of the pool. */
  rules: CompiledRule[];
  /** Parameter values on a date, flat by name; undefined when no dated value holds. */
  parametersOn(date: string): Record<string, unknown>;
}

export function compile(regulation: RegulationInForce): CompiledRegulation {
  const r = regulation.regulation;
  const rules = [
    ...r.requirements.map((t) => ({ name: ruleName('requirement', t.id), conditions: topLevel(t.conditions) })),
    ...r.refusalGrounds.map((t) => ({ name: ruleName('refusalGround', t.id), conditions: topLevel(t.conditions) })),
    ...r.categories.map((t) => ({ name: ruleName('category', t.id), conditions: topLevel(t.conditions), ground: t.ground })),
  ];
  const cache = new Map<string, Record<string, unknown>>();
  const parametersOn = (date: string) => {
    let values = cache.get(date);
    if (!values) {
      values = Object.fromEntries(Object.entries(r.parameters).map(([name, p]) => [name, parameterValue(p, date)]));
      if (cache.size > 4096) cache.clear();
      cache.set(date, values);
    }
    return values;
  };
  return { regulation, rules, parametersOn };
}

/** A new engine holding the given rules. */
export function newEngine(rules: CompiledRule[]): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath });
  for (const r of rules) engine.addRule(new Rule({ name: r.name, conditions: r.conditions, event: { type: r.name } }));
  return engine;
}

/**
 * Engines for one compiled regulation. An Engine keeps running state per instance (json-rules-engine
 * issue #303: overlapping runs on one engine skip rules), so each run borrows an engine of its own.
 * Engines are kept per set of claimed grounds: categories a case does not claim are not run at all.
 */
export class EnginePool {
  /** Per set of claimed grounds: its rules (chosen once) and the engines not in use. */
  private readonly bySet = new Map<string, { rules: CompiledRule[]; idle: Engine[] }>();
  private readonly grounds: string[];

  constructor(private readonly compiled: CompiledRegulation) {
    this.grounds = [...new Set(compiled.rules.flatMap((r) => (r.ground ? [r.ground] : [])))];
  }

  async run<T>(claimed: (ground: string) => boolean, use: (engine: Engine) => Promise<T>): Promise<T> {
    const present = this.grounds.filter(claimed);
    const key = present.join('|');
    let set = this.bySet.get(key);
    if (!set) {
      const rules = this.compiled.rules.filter((r) => !r.ground || present.includes(r.ground));
      this.bySet.set(key, (set = { rules, idle: [] }));
    }
    const { rules, idle } = set;
    const engine = idle.pop() ?? newEngine(rules);
    try {
      return await use(engine);
    } finally {
      if (idle.length < 32) idle.push(engine);
    }
  }
}
