// Three-valued reading of one json-rules-engine result. The engine evaluates every leaf (conditions of
// equal priority all run); here a leaf whose fact is missing becomes `unknown` instead of the engine's
// false, and groups combine by Kleene logic: a missing fact is never read as false.
import type { Condition } from '../rulebase/schema.ts';
import { citeArticle } from '../rulebase/cite.ts';
import { paramName } from '../rulebase/parameters.ts';
import type { ConditionTrace, Lang, TruthValue } from './decision.ts';
import { leafSentence } from './explain.ts';

/** The per-run result the engine leaves on each condition. */
interface EngineNode {
  result?: boolean;
  factResult?: unknown;
  valueResult?: unknown;
  all?: EngineNode[];
  any?: EngineNode[];
  not?: EngineNode;
}

export const and = (values: TruthValue[]): TruthValue =>
  values.includes('false') ? 'false' : values.includes('unknown') ? 'unknown' : 'true';
export const or = (values: TruthValue[]): TruthValue =>
  values.includes('true') ? 'true' : values.includes('unknown') ? 'unknown' : 'false';
const negate = (v: TruthValue): TruthValue => (v === 'true' ? 'false' : v === 'false' ? 'true' : v);

export interface TraceContext {
  lang: Lang;
  /** Parameter units by name, for formatting values. */
  unitOf: (param: string) => string | undefined;
}

const isMissing = (v: unknown) => v === undefined || v === null;

/** The parts of a node's trace that do not depend on the case, made once per node and language. */
interface Static {
  id?: string;
  label?: string;
  basis: NonNullable<Condition['basis']>;
  citation: string;
}
const statics = { nl: new WeakMap<Condition, Static>(), en: new WeakMap<Condition, Static>() };

function staticOf(condition: Condition, lang: Lang): Static {
  let s = statics[lang].get(condition);
  if (!s) {
    s = { basis: condition.basis!, citation: citeArticle(condition.basis!, lang) };
    if (condition.id) s.id = condition.id;
    if (condition.label) s.label = condition.label[lang];
    statics[lang].set(condition, s);
  }
  return s;
}

function node(condition: Condition, kind: ConditionTrace['kind'], result: TruthValue, lang: Lang): ConditionTrace {
  const s = staticOf(condition, lang);
  const t: ConditionTrace = { kind, result, citation: s.citation, basis: s.basis };
  if (s.id !== undefined) t.id = s.id;
  if (s.label !== undefined) t.label = s.label;
  return t;
}

/** Builds the trace of `condition` from the engine's result node of the same shape (see topNode). */
export function trace(condition: Condition, engineNode: EngineNode, ctx: TraceContext): ConditionTrace {
  if ('all' in condition || 'any' in condition) {
    const isAll = 'all' in condition;
    const subs = isAll ? condition.all : condition.any;
    const engineSubs = (isAll ? engineNode.all : engineNode.any)!;
    const children = subs.map((c, i) => trace(c, engineSubs[i]!, ctx));
    const results = children.map((c) => c.result);
    const t = node(condition, isAll ? 'all' : 'any', (isAll ? and : or)(results), ctx.lang);
    t.children = children;
    return t;
  }
  if ('not' in condition) {
    const child = trace(condition.not, engineNode.not!, ctx);
    const t = node(condition, 'not', negate(child.result), ctx.lang);
    t.children = [child];
    return t;
  }
  const param = paramName(condition);
  const factValue = engineNode.factResult;
  const compareValue = param ? engineNode.valueResult : condition.value;
  const result: TruthValue = isMissing(factValue) || isMissing(compareValue) ? 'unknown' : engineNode.result ? 'true' : 'false';
  const t = node(condition, 'leaf', result, ctx.lang);
  t.fact = condition.fact;
  if (!isMissing(factValue)) t.factValue = factValue as ConditionTrace['factValue'];
  t.operator = condition.operator;
  if (!isMissing(compareValue)) t.value = compareValue as ConditionTrace['value'];
  if (param) t.parameter = param;
  const unit = param ? ctx.unitOf(param) : undefined;
  t.sentence = `${leafSentence({ leaf: condition, result, factValue, compareValue, unit, lang: ctx.lang })} (${t.citation})`;
  return t;
}

const unclaimed = { nl: new WeakMap<Condition, ConditionTrace>(), en: new WeakMap<Condition, ConditionTrace>() };

/** The trace of a condition that was not evaluated (an unclaimed category): static, so made once. */
export function notEvaluated(condition: Condition, lang: Lang): ConditionTrace {
  let t = unclaimed[lang].get(condition);
  if (!t) {
    const kind = 'all' in condition ? 'all' : 'any' in condition ? 'any' : 'not' in condition ? 'not' : 'leaf';
    t = node(condition, kind, 'not-evaluated', lang);
    if ('all' in condition) t.children = condition.all.map((c) => notEvaluated(c, lang));
    else if ('any' in condition) t.children = condition.any.map((c) => notEvaluated(c, lang));
    else if ('not' in condition) t.children = [notEvaluated(condition.not, lang)];
    else {
      t.fact = condition.fact;
      t.operator = condition.operator;
    }
    Object.freeze(t); // shared by every decision that shows it
    unclaimed[lang].set(condition, t);
  }
  return t;
}

/** The leaves whose missing fact (or parameter value) keeps this trace unknown. */
export function decisiveUnknowns(t: ConditionTrace): ConditionTrace[] {
  if (t.result !== 'unknown') return [];
  if (t.kind === 'leaf') return [t];
  return (t.children ?? []).flatMap(decisiveUnknowns);
}

/** The engine node matching a test's root condition: a leaf at the top of a rule was wrapped in `all`. */
export const topNode = (condition: Condition, ruleConditions: EngineNode): EngineNode =>
  'fact' in condition ? ruleConditions.all![0]! : ruleConditions;
export type { EngineNode };
