// Three-valued reading of a json-rules-engine run. The engine evaluates every leaf (compile.ts); here a
// leaf whose fact is missing becomes `unknown` instead of the engine's false, and the groups of the
// rule base combine their leaves by Kleene logic: a missing fact is never read as false.
import type { Condition } from '../rulebase/schema.ts';
import { childrenOf, isLeaf, kindOf } from '../rulebase/condition-tree.ts';
import { citeArticle } from '../rulebase/cite.ts';
import { paramName } from '../rulebase/parameters.ts';
import type { TestResults } from './compile.ts';
import type { ConditionTrace, Lang, TruthValue } from './decision.ts';
import { leafSentence } from './explain.ts';
import { and, not, or, triOf, truthValue } from './truth.ts';


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
  basis?: NonNullable<Condition['basis']>;
  citation: string;
}
const statics = { nl: new WeakMap<Condition, Static>(), en: new WeakMap<Condition, Static>() };

/** `inherited` is the enclosing node's basis: a node shows its own basis only where it differs. */
function staticOf(condition: Condition, lang: Lang, inherited: Condition['basis']): Static {
  let s = statics[lang].get(condition);
  if (!s) {
    s = { citation: citeArticle(condition.basis!, lang) };
    if (condition.basis !== inherited) s.basis = condition.basis!;
    if (condition.id) s.id = condition.id;
    if (condition.label) s.label = condition.label[lang];
    statics[lang].set(condition, s);
  }
  return s;
}

function node(condition: Condition, kind: ConditionTrace['kind'], result: TruthValue, lang: Lang, inherited: Condition['basis']): ConditionTrace {
  const s = staticOf(condition, lang, inherited);
  const t: ConditionTrace = { kind, result, citation: s.citation };
  if (s.basis !== undefined) t.basis = s.basis;
  if (s.id !== undefined) t.id = s.id;
  if (s.label !== undefined) t.label = s.label;
  return t;
}

/** Builds the trace of `condition` from the results of its leaves in one run. */
export function trace(condition: Condition, results: TestResults, ctx: TraceContext, inherited?: Condition['basis']): ConditionTrace {
  if (!isLeaf(condition)) {
    const kind = kindOf(condition) as 'all' | 'any' | 'not';
    const children = childrenOf(condition).map((c) => trace(c, results, ctx, condition.basis));
    const values = children.map((c) => triOf(c.result));
    const result = kind === 'all' ? and(values) : kind === 'any' ? or(values) : not(values[0]!);
    const t = node(condition, kind, truthValue(result), ctx.lang, inherited);
    t.children = children;
    return t;
  }
  const param = paramName(condition);
  const engine = results.leaf(condition);
  const factValue = engine.factResult;
  const compareValue = param ? engine.valueResult : condition.value;
  const result: TruthValue = isMissing(factValue) || isMissing(compareValue) ? 'unknown' : engine.result ? 'true' : 'false';
  const t = node(condition, 'leaf', result, ctx.lang, inherited);
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

/**
 * The trace of an unclaimed category: its root only, marked not evaluated with the given sentence (the
 * conditions themselves are in the regulation). Static, so made once and shared.
 */
export function notEvaluated(condition: Condition, lang: Lang, inherited: Condition['basis'], sentence: string): ConditionTrace {
  let t = unclaimed[lang].get(condition);
  if (!t) {
    t = Object.freeze({ ...node(condition, kindOf(condition), 'not-evaluated', lang, inherited), sentence });
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
