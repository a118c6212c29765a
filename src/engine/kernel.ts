// The one place that decides. From the three-valued results of a regulation's tests — requirements,
// refusal grounds, and each category's own conditions where the case claims it — to the outcome, the
// category chosen, every category that holds (in ranking order) and the tests still open. Runners differ
// only in how they evaluate the tests (json-rules-engine, direct, the bulk closures); this decides.
// Pure and synchronous, no texts: reasoning and presentation are built from its verdict.
import type { RegulationInForce } from '../rulebase/rulebase.ts';
import type { CategoryFacts } from '../rulebase/category-facts.ts';
import { F, T, U, type Tri } from './truth.ts';

export type Outcome = 'urgent' | 'not-urgent' | 'undetermined';

/** One test on case `c` with the parameter values `p` of its date. */
export type Test<C, P> = (c: C, p: P) => Tri;

/**
 * How a runner evaluates the tests of a regulation (indexed as in its own lists). Plain arrays of
 * closures, so that the bulk path calls its compiled closures directly.
 */
export interface Tests<C, P> {
  requirements: readonly Test<C, P>[];
  refusalGrounds: readonly Test<C, P>[];
  /** A category's own conditions (asked only when it is claimed). */
  categories: readonly Test<C, P>[];
  /** A category with a `ground` is claimed only when the case has it: its reader, else undefined. */
  grounds: readonly (((c: C) => unknown) | undefined)[];
}

/** The regulation as the kernel reads it, made once per regulation. */
export interface Kernel {
  requirements: readonly { id: string }[];
  refusalGrounds: readonly { id: string }[];
  /** In ranking order; each names the requirements that apply to it. */
  ranked: readonly CategoryFacts[];
}

export function kernelOf(regulation: RegulationInForce): Kernel {
  const r = regulation.regulation;
  return {
    requirements: r.requirements.map((t) => ({ id: t.id })),
    refusalGrounds: r.refusalGrounds.map((t) => ({ id: t.id })),
    ranked: [...regulation.categoryFacts.values()],
  };
}

/** Whether requirement `i` applies to a category (the law exempts some categories from some subjects). */
export const applies = (i: number, category: CategoryFacts): boolean => category.requirements.includes(i);

/** Codes of `decider()`: not urgent, undetermined, or urgent in the category at index `code − URGENT`. */
export const NOT_URGENT = 0;
export const UNDETERMINED = 1;
export const URGENT = 2;

/**
 * The decision as a number, evaluating only what can still change it (what the bulk path counts), as a
 * function made once per regulation. Any
 * refusal ground that holds refuses; else the first category in ranking order whose own conditions and
 * applicable requirements hold is chosen — urgent if no refusal ground is unknown, else undetermined;
 * else undetermined while a claimed category is unknown, else not urgent.
 */
export function decider<C, P>(k: Kernel, t: Tests<C, P>): (c: C, p: P) => number {
  const { refusalGrounds, requirements } = t;
  // Categories that share the same applicable requirements share one evaluation of them per case.
  const keys = k.ranked.map((f) => f.requirements.join(','));
  const distinct = [...new Set(keys)];
  const groups = distinct.map((key) => (key === '' ? [] : key.split(',').map((i) => requirements[Number(i)]!)));
  const groupOf = keys.map((key) => distinct.indexOf(key));
  const results = new Int8Array(groups.length);
  // The categories in ranking order, flat, so that the loop below reads no object per category.
  const index = k.ranked.map((f) => f.index);
  const grounds = index.map((i) => t.grounds[i]);
  const own = index.map((i) => t.categories[i]!);
  return (c, p) => {
    let refusal: Tri = F;
    for (let i = 0; i < refusalGrounds.length; i++) {
      const x = refusalGrounds[i]!(c, p);
      if (x === T) return NOT_URGENT;
      if (x > refusal) refusal = x;
    }
    results.fill(-1);
    let open = false;
    for (let j = 0; j < own.length; j++) {
      const ground = grounds[j];
      if (ground !== undefined && ground(c) === undefined) continue;
      const gi = groupOf[j]!;
      let g = results[gi]! as Tri | -1;
      if (g === -1) g = results[gi] = all(groups[gi]!, c, p);
      if (g === F) continue;
      const mine = own[j]!(c, p);
      const result = mine < g ? mine : g;
      if (result === T) return refusal === F ? URGENT + index[j]! : UNDETERMINED;
      if (result === U) open = true;
    }
    return open ? UNDETERMINED : NOT_URGENT;
  };
}

function all<C, P>(tests: readonly Test<C, P>[], c: C, p: P): Tri {
  let r: Tri = T;
  for (let i = 0; i < tests.length; i++) {
    const x = tests[i]!(c, p);
    if (x === F) return F;
    if (x < r) r = x;
  }
  return r;
}

export const outcomeOf = (code: number): Outcome => (code >= URGENT ? 'urgent' : code === UNDETERMINED ? 'undetermined' : 'not-urgent');

export interface CategoryVerdict {
  facts: CategoryFacts;
  claimed: boolean;
  /** Own conditions, and own conditions AND the requirements that apply; undefined when not claimed. */
  own?: Tri;
  result?: Tri;
}

/** A test whose unknown facts could still change the outcome or the category chosen, and for what. */
export interface OpenTest {
  kind: 'category' | 'requirement' | 'refusalGround';
  /** Index in the regulation's own list of that kind. */
  index: number;
  id: string;
}

export interface Verdict {
  outcome: Outcome;
  refusal: Tri;
  requirements: Tri[];
  refusalGrounds: Tri[];
  /** Every category, in ranking order. */
  categories: CategoryVerdict[];
  /** The categories that hold, in ranking order; the first is chosen when the outcome is urgent. */
  matched: CategoryVerdict[];
  chosen?: CategoryVerdict;
  /** In the order their missing facts are listed; a test may appear more than once. */
  open: OpenTest[];
}

/** The whole decision: every test evaluated, so that reasoning, missing facts and matches can be read off. */
export function verdict<C, P>(k: Kernel, t: Tests<C, P>, c: C, p: P): Verdict {
  const requirementResults = t.requirements.map((test) => test(c, p));
  const refusalGrounds = t.refusalGrounds.map((test) => test(c, p));
  const own = t.categories.map((test, j): Tri | undefined => {
    const ground = t.grounds[j];
    return ground !== undefined && ground(c) === undefined ? undefined : test(c, p);
  });
  // The outcome by the same rule as the bulk path, over the results just read.
  const code = decider(k, {
    requirements: requirementResults.map((x) => () => x),
    refusalGrounds: refusalGrounds.map((x) => () => x),
    categories: own.map((x) => () => x ?? F),
    grounds: own.map((x) => (x === undefined ? () => undefined : undefined)),
  })(c, p);
  const categories = k.ranked.map((facts): CategoryVerdict => {
    const mine = own[facts.index];
    if (mine === undefined) return { facts, claimed: false };
    let result = mine;
    for (const i of facts.requirements) if (requirementResults[i]! < result) result = requirementResults[i]!;
    return { facts, claimed: true, own: mine, result };
  });
  const refusal = refusalGrounds.reduce<Tri>((a, x) => (x > a ? x : a), F);
  const matched = categories.filter((x) => x.result === T);
  const chosen = code >= URGENT ? matched[0] : undefined;
  const outcome = outcomeOf(code);

  // Open: the unknown categories that could still win (above the chosen one, or all while undetermined),
  // with their requirements, and the refusal grounds while one is unknown and some category is in play.
  const open: OpenTest[] = [];
  if (refusal !== T) {
    const unknown = categories.filter((x) => x.result === U);
    const better = chosen ? unknown.filter((x) => x.facts.rank < chosen.facts.rank) : outcome === 'undetermined' ? unknown : [];
    for (const x of better) {
      if (x.own === F) continue;
      open.push({ kind: 'category', index: x.facts.index, id: x.facts.category.id });
      for (const i of x.facts.requirements) open.push({ kind: 'requirement', index: i, id: k.requirements[i]!.id });
    }
    if (refusal === U && (matched.length > 0 || unknown.length > 0)) {
      k.refusalGrounds.forEach((q, i) => open.push({ kind: 'refusalGround', index: i, id: q.id }));
    }
  }
  return { outcome, refusal, requirements: requirementResults, refusalGrounds, categories, matched, ...(chosen && { chosen }), open };
}
