// Three-valued reading of one json-rules-engine result. The engine evaluates every leaf (conditions of
// equal priority all run); here a leaf whose fact is missing becomes `unknown` instead of the engine's
// false, and groups combine by Kleene logic: a missing fact is never read as false.
import type { Condition } from '../rulebase/schema.ts';
import { citeArticle } from '../rulebase/cite.ts';
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

/** Builds the trace of `condition` from the engine's result node of the same shape (see topNode). */
export function trace(condition: Condition, node: EngineNode, ctx: TraceContext): ConditionTrace {
  const base = {
    ...(condition.id && { id: condition.id }),
    ...(condition.label && { label: condition.label[ctx.lang] }),
    basis: condition.basis!,
    citation: citeArticle(condition.basis!, ctx.lang),
  };
  if ('all' in condition || 'any' in condition) {
    const kind = 'all' in condition ? 'all' : 'any';
    const subs = 'all' in condition ? condition.all : condition.any;
    const children = subs.map((c, i) => trace(c, node[kind]![i]!, ctx));
    const result = (kind === 'all' ? and : or)(children.map((c) => c.result));
    return { ...base, kind, result, children };
  }
  if ('not' in condition) {
    const child = trace(condition.not, node.not!, ctx);
    return { ...base, kind: 'not', result: negate(child.result), children: [child] };
  }
  const leafNode = node;
  const param = typeof condition.value === 'object' && condition.value !== null && !Array.isArray(condition.value) && 'param' in condition.value
    ? condition.value.param : undefined;
  const factValue = leafNode.factResult;
  const compareValue = param ? leafNode.valueResult : condition.value;
  const result: TruthValue = isMissing(factValue) || isMissing(compareValue) ? 'unknown' : leafNode.result ? 'true' : 'false';
  const unit = param ? ctx.unitOf(param) : undefined;
  return {
    ...base,
    kind: 'leaf',
    result,
    fact: condition.fact,
    ...(!isMissing(factValue) && { factValue: factValue as ConditionTrace['factValue'] }),
    operator: condition.operator,
    ...(!isMissing(compareValue) && { value: compareValue as ConditionTrace['value'] }),
    ...(param && { parameter: param }),
    sentence: `${leafSentence({ leaf: condition, result, factValue, compareValue, unit, lang: ctx.lang })} (${base.citation})`,
  };
}

/** Marks a whole trace as not evaluated (an unclaimed category, an exempt binding requirement). */
export function notEvaluated(t: ConditionTrace): ConditionTrace {
  return { ...t, result: 'not-evaluated', ...(t.children && { children: t.children.map(notEvaluated) }) };
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
