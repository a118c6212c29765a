// The bulk path: a resolved regulation's conditions compiled ONCE into synchronous closures, for scenario
// runs over large populations. The closures evaluate the tests; kernel.ts decides, as it does for
// json-rules-engine (the differential test holds the two to the same decisions). The hot `code()`
// builds nothing, which is what makes it fast; `verdict()` gives the whole decision for the few cases
// that are explained or compared.
//
// A leaf is unknown when its fact is missing (undefined/null) or its parameter has no value on the
// application date; otherwise json-rules-engine's own operator decides (its numeric operators reject
// non-numbers: in plain JS `null < 18` would be true).
import type { Case } from '../case/schema.ts';
import type { RegulationInForce } from '../rulebase/rulebase.ts';
import type { Condition, Leaf } from '../rulebase/schema.ts';
import { paramName, parameterValue } from '../rulebase/parameters.ts';
import { childrenOf, isLeaf, kindOf, leavesOf } from '../rulebase/condition-tree.ts';
import { engineOperator, operators } from './operators.ts';
import { decider, kernelOf, NOT_URGENT, outcomeOf, UNDETERMINED, URGENT, verdict, type Kernel, type Outcome, type Tests, type Verdict } from './kernel.ts';
import { missingFacts, missingKey, type MissingFactOf } from './missing.ts';
import { F, not, T, U, type Tri } from './truth.ts';
import { applicationDateOf, deriveFacts, needsDerivation } from './derive.ts';


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
 * constant's (literals get slots after the parameters) — so there are only two closures. A number
 * takes a direct comparison (identical to the engine's for a number); anything else goes through the
 * engine's own operator, whose validator rejects non-numbers.
 */
function compileLeaf(leaf: Leaf, slot: Slots): Test {
  const op = engineOperator(leaf.operator);
  if (!op) throw new Error(`onbekende operator '${leaf.operator}'`);
  const get = getter(leaf.fact);
  const param = paramName(leaf);
  const i = param !== undefined ? slot(param) : slot.constant(leaf.value);
  /* The engine compares with JS's own operators on whatever it gets; so do we, for numbers. */
  const onNumber = operators[leaf.operator].onNumber;
  if (onNumber) return (c, p) => {
    const f = get(c);
    const v = p[i];
    return f === undefined || f === null || v === undefined || v === null ? U : (typeof f === 'number' ? onNumber(f, v as number) : op.evaluate(f, v)) ? T : F;
  };
  return (c, p) => {
    const f = get(c);
    const v = p[i];
    return f === undefined || f === null || v === undefined || v === null ? U : op.evaluate(f, v) ? T : F;
  };
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
  if (isLeaf(c)) return compileLeaf(c, slot);
  const subs = childrenOf(c).map((x) => compileCondition(x, slot, nodes));
  const kind = kindOf(c);
  if (kind === 'all') {
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
  if (kind === 'any') {
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
  const sub = subs[0]!;
  return (cs, p) => not(sub(cs, p));
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
export { NOT_URGENT, UNDETERMINED, URGENT as URGENT_BASE };

interface CompiledCategory {
  id: string;
  /** Index in the regulation's own category list (state = URGENT_BASE + index). */
  index: number;
  claimed: ((c: unknown) => unknown) | undefined;
  own: Test;
}

export interface FastRegulation {
  regulation: RegulationInForce;
  kernel: Kernel;
  /** Category ids in the regulation's order: state URGENT_BASE + k is category k. */
  categories: readonly string[];
  /** Parameter values on a date (cached). */
  paramsOn(date: string): ParamVector;
  /** Hot path: the state code; `on` is the date a case without an application date is evaluated on. */
  code(c: Case, params: ParamVector, on?: string): number;
  /** Outcome, chosen category and applying refusal grounds, on the case's application date (else `date`). */
  decide(c: Case, date: string): FastDecision;
  /** The kernel's whole verdict, with the missing facts, on the case's application date (else `date`). */
  verdict(c: Case, date: string): Verdict & { missingFacts: MissingFactOf<Leaf>[] };
  /** The compiled tests, for explaining examples (see scenario/report/why.ts). */
  tests: {
    requirements: { id: string; condition: Condition; test: Test }[];
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
  for (const t of [...r.requirements, ...r.refusalGrounds, ...r.categories]) {
    for (const leaf of leavesOf(t.conditions)) {
      const param = paramName(leaf);
      if (param !== undefined && !slots.has(param)) slots.set(param, slots.size);
    }
  }
  const constants: unknown[] = [];
  const slot: Slots = Object.assign((name: string) => slots.get(name) ?? slots.size, {
    constant: (value: unknown) => slots.size + constants.push(value) - 1,
  });

  const nodes = new WeakMap<Condition, Test>();
  const requirements = r.requirements.map((t) => ({ id: t.id, condition: t.conditions, test: compileCondition(t.conditions, slot, nodes) }));
  const refusalGrounds = r.refusalGrounds.map((t) => ({ id: t.id, condition: t.conditions, test: compileCondition(t.conditions, slot, nodes) }));
  const categoryList = r.categories.map((cat, index) => ({
    id: cat.id, index, condition: cat.conditions, ...(cat.ground !== undefined && { ground: cat.ground }),
    claimed: cat.ground ? getter(cat.ground) : undefined,
    own: compileCondition(cat.conditions, slot, nodes),
  }));
  const kernel = kernelOf(regulation);
  const tests: Tests<unknown, ParamVector> = {
    requirements: requirements.map((q) => q.test),
    refusalGrounds: refusalGrounds.map((q) => q.test),
    categories: categoryList.map((x) => x.own),
    grounds: categoryList.map((x) => x.claimed),
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

  // Facts derived from dates (derive.ts), read by parameter slot; most cases have none to derive.
  const paramOf = (p: ParamVector) => (name: string) => (slots.has(name) ? p[slots.get(name)!] : undefined);
  const derived = (c: Case, p: ParamVector, on?: string): Case => (needsDerivation(c) ? deriveFacts(c, paramOf(p), on) : c);
  const decideCode = decider(kernel, tests);
  const code = (c: Case, p: ParamVector, on?: string): number => decideCode(derived(c, p, on), p);

  const decide = (c: Case, date: string): FastDecision => {
    const p = paramsOn(applicationDateOf(c, date));
    c = derived(c, p, applicationDateOf(c, date));
    const state = decideCode(c, p);
    const applying = refusalGrounds.filter((q) => q.test(c, p) === T).map((q) => q.id);
    return { outcome: outcomeOf(state), ...(state >= URGENT && { category: categoryList[state - URGENT]!.id }), refusalGrounds: applying };
  };

  const fullVerdict = (given: Case, date: string) => {
    const p = paramsOn(applicationDateOf(given, date));
    const c = derived(given, p, applicationDateOf(given, date));
    const v = verdict(kernel, tests, c, p);
    const roots = { requirement: requirements, refusalGround: refusalGrounds, category: categoryList.map((x) => ({ condition: x.condition })) };
    const unknownLeaves = (node: Condition): { leaf: Leaf; key: string }[] => {
      if (nodes.get(node)!(c, p) !== U) return [];
      if (!isLeaf(node)) return childrenOf(node).flatMap(unknownLeaves);
      const param = paramName(node);
      const value = param === undefined ? undefined : p[slot(param)];
      return [{ leaf: node, key: missingKey(node.fact, param, value === undefined || value === null) }];
    };
    return { ...v, missingFacts: missingFacts(v.open, (t) => unknownLeaves(roots[t.kind][t.index]!.condition)) };
  };

  return {
    regulation,
    kernel,
    categories: categoryList.map((x) => x.id),
    paramsOn,
    code,
    decide,
    verdict: fullVerdict,
    tests: { requirements, refusalGrounds, categories: categoryList },
    slotOf: slot,
    testOf: (node) => nodes.get(node),
  };
}
