// The bulk path: a resolved regulation's conditions compiled ONCE into synchronous closures, for scenario
// runs over large populations. It reproduces evaluator.ts `decide()` exactly (the differential test holds
// it to json-rules-engine on every municipality), but returns only what a bulk run counts — outcome,
// chosen category, applying refusal grounds — and builds no reasoning, which is what makes it fast.
//
// Semantics reproduced:
// - a leaf is unknown when its fact is missing (undefined/null) or its parameter has no value on the
//   application date; otherwise json-rules-engine's own operator decides (its numeric operators reject
//   non-numbers: in plain JS `null < 18` would be true);
// - groups combine by Kleene logic; requirements apply to every category, except binding requirements
//   for categories whose statutory id the law exempts; a category with a `ground` absent from the case
//   is not claimed; refusal = OR of the refusal grounds; the first true category in ranking order wins.
import type { Case } from '../case/schema.ts';
import type { RegulationInForce } from '../rulebase/rulebase.ts';
import type { Condition, Leaf } from '../rulebase/schema.ts';
import { paramName, parameterValue } from '../rulebase/parameters.ts';
import { engineOperators } from './compile.ts';

/** Three-valued truth as small integers, so that Kleene AND is min, OR is max and NOT is 2 − x. */
export const F = 0;
export const U = 1;
export const T = 2;
export type Tri = 0 | 1 | 2;

export type Outcome = 'urgent' | 'not-urgent' | 'undetermined';

/** Parameter values on one date, indexed by the slots the closures were compiled with. */
export type ParamVector = readonly unknown[];
export type Test = (c: unknown, p: ParamVector) => Tri;


/** Dotted lookup, walking a case object as compile.ts `resolvePath` does. */
export function getter(path: string): (c: unknown) => unknown {
  let get = getters.get(path);
  if (!get) getters.set(path, (get = makeGetter(path.split('.'))));
  return get;
}
const getters = new Map<string, (c: unknown) => unknown>();

/**
 * A getter of its own per path, with the keys as literals: a load by a literal key stays monomorphic in
 * V8, where a shared closure reading `c[key]` for thirty different keys goes megamorphic — that alone
 * cost half the speed. The keys are written as JSON string literals, so any text is safe.
 */
function makeGetter(keys: string[]): (c: unknown) => unknown {
  const body = keys.map((k, i) => `v = v !== null && typeof v === 'object' ? v[${JSON.stringify(k)}] : undefined;${i === keys.length - 1 ? '' : ' if (v === undefined) return v;'}`);
  return new Function('c', `let v = c;\n${body.join('\n')}\nreturn v;`) as (c: unknown) => unknown;
}

/**
 * Compiles a leaf. The value compared with is always read from the vector — a parameter's slot, or a
 * constant's (literals get slots after the parameters) — so there is one closure per operator. A number
 * takes a direct comparison (identical to the engine's for a number); anything else goes through the
 * engine's own operator, whose validator rejects non-numbers.
 */
function compileLeaf(leaf: Leaf, slot: Slots): Test {
  const op = engineOperators.get(leaf.operator);
  if (!op) throw new Error(`onbekende operator '${leaf.operator}'`);
  const get = getter(leaf.fact);
  const param = paramName(leaf);
  const i = param !== undefined ? slot(param) : slot.constant(leaf.value);
  /* The engine compares with JS's own operators on whatever it gets; so do we, for numbers. */
  type N = number;
  switch (leaf.operator) {
    case 'equal': return (c, p) => {
      const f = get(c);
      const v = p[i];
      return f === undefined || f === null || v === undefined || v === null ? U : f === v ? T : F;
    };
    case 'lessThan': return (c, p) => {
      const f = get(c);
      const v = p[i];
      return f === undefined || f === null || v === undefined || v === null ? U : (typeof f === 'number' ? f < (v as N) : op.evaluate(f, v)) ? T : F;
    };
    case 'lessThanInclusive': return (c, p) => {
      const f = get(c);
      const v = p[i];
      return f === undefined || f === null || v === undefined || v === null ? U : (typeof f === 'number' ? f <= (v as N) : op.evaluate(f, v)) ? T : F;
    };
    case 'greaterThan': return (c, p) => {
      const f = get(c);
      const v = p[i];
      return f === undefined || f === null || v === undefined || v === null ? U : (typeof f === 'number' ? f > (v as N) : op.evaluate(f, v)) ? T : F;
    };
    case 'greaterThanInclusive': return (c, p) => {
      const f = get(c);
      const v = p[i];
      return f === undefined || f === null || v === undefined || v === null ? U : (typeof f === 'number' ? f >= (v as N) : op.evaluate(f, v)) ? T : F;
    };
    default: return (c, p) => {
      const f = get(c);
      const v = p[i];
      return f === undefined || f === null || v === undefined || v === null ? U : op.evaluate(f, v) ? T : F;
    };
  }
}

/** Slot numbers in the value vector: parameters by name, then constants. */
export interface Slots {
  (param: string): number;
  constant(value: unknown): number;
}

/** Compiles a condition tree; every node's closure is also put in `nodes` (for explaining examples). */
export function compileCondition(c: Condition, slot: Slots, nodes?: WeakMap<Condition, Test>): Test {
  const test = compileNode(c, slot, nodes);
  nodes?.set(c, test);
  return test;
}

function compileNode(c: Condition, slot: Slots, nodes?: WeakMap<Condition, Test>): Test {
  if ('all' in c) {
    const subs = c.all.map((x) => compileCondition(x, slot, nodes));
    return (cs, p) => {
      let r: Tri = T;
      for (let i = 0; i < subs.length; i++) {
        const x = subs[i]!(cs, p);
        if (x === F) return F; // Kleene: one false decides
        if (x < r) r = x;
      }
      return r;
    };
  }
  if ('any' in c) {
    const subs = c.any.map((x) => compileCondition(x, slot, nodes));
    return (cs, p) => {
      let r: Tri = F;
      for (let i = 0; i < subs.length; i++) {
        const x = subs[i]!(cs, p);
        if (x === T) return T;
        if (x > r) r = x;
      }
      return r;
    };
  }
  if ('not' in c) {
    const sub = compileCondition(c.not, slot, nodes);
    return (cs, p) => (2 - sub(cs, p)) as Tri;
  }
  return compileLeaf(c, slot);
}

/** What a bulk run needs of one decision. */
export interface FastDecision {
  outcome: Outcome;
  /** The category chosen (urgent outcomes only). */
  category?: string;
  /** Ids of the refusal grounds that apply, in regulation order. */
  refusalGrounds: string[];
}

/** State codes of `code()`: not-urgent, undetermined, or urgent in category k (index in `categories`). */
export const NOT_URGENT = 0;
export const UNDETERMINED = 1;
export const URGENT_BASE = 2;

interface CompiledCategory {
  id: string;
  /** Index in the regulation's own category list (state = URGENT_BASE + index). */
  index: number;
  claimed: ((c: unknown) => unknown) | undefined;
  own: Test;
  /** The law forbids a binding requirement for it: only non-binding requirements apply. */
  exempt: boolean;
}

export interface FastRegulation {
  regulation: RegulationInForce;
  /** Category ids in the regulation's order: state URGENT_BASE + k is category k. */
  categories: readonly string[];
  /** Parameter values on a date (cached). */
  paramsOn(date: string): ParamVector;
  /** Hot path: the state code, no allocation. */
  code(c: Case, params: ParamVector): number;
  /** Outcome, chosen category and applying refusal grounds, on the case's application date (else `date`). */
  decide(c: Case, date: string): FastDecision;
  /** Three-valued results of every test for one case, for explaining examples (see why.ts). */
  tests: {
    requirements: { id: string; binding: boolean; condition: Condition; test: Test }[];
    refusalGrounds: { id: string; condition: Condition; test: Test }[];
    categories: (CompiledCategory & { condition: Condition; ground?: string })[];
  };
  slotOf: Slots;
  /** The compiled closure of any condition node of this regulation. */
  testOf(node: Condition): Test | undefined;
}

export function compileFast(regulation: RegulationInForce): FastRegulation {
  const r = regulation.regulation;
  // Slots: every parameter the conditions name (one the regulation does not define reads as missing, as
  // the engine's path lookup would), then the constants, each literal value in a slot of its own.
  const slots = new Map(Object.keys(r.parameters).map((n, i) => [n, i]));
  const walk = (c: Condition): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else {
      const param = paramName(c);
      if (param !== undefined && !slots.has(param)) slots.set(param, slots.size);
    }
  };
  for (const t of [...r.requirements, ...r.refusalGrounds, ...r.categories]) walk(t.conditions);
  const constants: unknown[] = [];
  const slot: Slots = Object.assign((name: string) => slots.get(name) ?? slots.size, {
    constant: (value: unknown) => slots.size + constants.push(value) - 1,
  });
  const exempt = new Set(regulation.statute.bindingExempt.map((e) => e.category));

  const nodes = new WeakMap<Condition, Test>();
  const requirements = r.requirements.map((t) => ({ id: t.id, binding: !!t.binding, condition: t.conditions, test: compileCondition(t.conditions, slot, nodes) }));
  const refusalGrounds = r.refusalGrounds.map((t) => ({ id: t.id, condition: t.conditions, test: compileCondition(t.conditions, slot, nodes) }));
  const categoryList = r.categories.map((cat, index) => ({
    id: cat.id, index, condition: cat.conditions, ...(cat.ground !== undefined && { ground: cat.ground }),
    claimed: cat.ground ? getter(cat.ground) : undefined,
    own: compileCondition(cat.conditions, slot, nodes),
    exempt: !!cat.statutory && exempt.has(cat.statutory),
  }));
  // evaluator.ts sorts by rank = order.indexOf(id) + 1 (unranked → 0, first), stable.
  const rank = (id: string) => r.ranking.order.indexOf(id) + 1;
  const ranked = [...categoryList].sort((a, b) => rank(a.id) - rank(b.id));

  const allReqs = requirements.map((q) => q.test);
  const nonBindingReqs = requirements.filter((q) => !q.binding).map((q) => q.test);
  const refusalTests = refusalGrounds.map((q) => q.test);
  const and = (tests: Test[], c: unknown, p: ParamVector): Tri => {
    let v: Tri = T;
    for (let i = 0; i < tests.length; i++) {
      const x = tests[i]!(c, p);
      if (x === F) return F;
      if (x < v) v = x;
    }
    return v;
  };

  const cache = new Map<string, ParamVector>();
  let lastDate = '';
  let last: ParamVector = [];
  const paramsOn = (date: string): ParamVector => {
    if (date === lastDate) return last; // a population mostly shares one date
    let v = cache.get(date);
    if (!v) {
      const values: unknown[] = new Array(slots.size + constants.length).fill(undefined);
      for (const [name, p] of Object.entries(r.parameters)) {
        values[slots.get(name)!] = parameterValue(p, date);
      }
      constants.forEach((v, k) => (values[slots.size + k] = v));
      if (cache.size > 4096) cache.clear();
      cache.set(date, (v = values));
    }
    lastDate = date;
    return (last = v);
  };

  /** The state given the refusal result; categories are only run while they can still matter. */
  const stateAfterRefusal = (c: unknown, p: ParamVector, refusal: Tri): number => {
    const general = and(allReqs, c, p);
    // Without binding requirements the general result can only rise; compute it only when it may differ.
    const generalExempt = general === T || nonBindingReqs.length === allReqs.length ? general : and(nonBindingReqs, c, p);
    let open = false;
    for (let i = 0; i < ranked.length; i++) {
      const cat = ranked[i]!;
      if (cat.claimed && cat.claimed(c) === undefined) continue;
      const g = cat.exempt ? generalExempt : general;
      if (g === F) continue;
      const own = cat.own(c, p);
      const res = own < g ? own : g;
      if (res === T) return refusal === F ? URGENT_BASE + cat.index : UNDETERMINED;
      if (res === U) open = true;
    }
    return open ? UNDETERMINED : NOT_URGENT;
  };

  const code = (c: Case, p: ParamVector): number => {
    let refusal: Tri = F;
    for (let i = 0; i < refusalTests.length; i++) {
      const x = refusalTests[i]!(c, p);
      if (x === T) return NOT_URGENT;
      if (x > refusal) refusal = x;
    }
    return stateAfterRefusal(c, p, refusal);
  };

  const decide = (c: Case, date: string): FastDecision => {
    const p = paramsOn(c.applicationDate ?? date);
    const applying: string[] = [];
    let refusal: Tri = F;
    for (const q of refusalGrounds) {
      const x = q.test(c, p);
      if (x === T) applying.push(q.id);
      if (x > refusal) refusal = x;
    }
    const state = refusal === T ? NOT_URGENT : stateAfterRefusal(c, p, refusal);
    const outcome: Outcome = state >= URGENT_BASE ? 'urgent' : state === UNDETERMINED ? 'undetermined' : 'not-urgent';
    return { outcome, ...(state >= URGENT_BASE && { category: categoryList[state - URGENT_BASE]!.id }), refusalGrounds: applying };
  };

  return {
    regulation,
    categories: categoryList.map((x) => x.id),
    paramsOn,
    code,
    decide,
    tests: { requirements, refusalGrounds, categories: categoryList },
    slotOf: slot,
    testOf: (node) => nodes.get(node),
  };
}
