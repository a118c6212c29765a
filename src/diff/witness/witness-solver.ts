// Constructing an applicant case from conditions: a small backtracking search over goals "this condition
// must be true/false", keeping per case field the bounds and value sets the goals impose, and choosing
// the field's value at the end (the middle of a numeric band: 9 between "≥ 8" and "< 10"). What it
// finds is a candidate only; witnesses.ts checks every candidate by evaluating it.
import type { Case } from '../../case/schema.ts';
import type { Condition, Leaf, Regulation } from '../../rulebase/schema.ts';
import { domainOf, type Domain, type Scalar } from '../model/domain.ts';
import { leafValue, type LeafValue } from '../compare/leaf-value.ts';
import { operators } from '../../engine/operators.ts';
import { childrenOf, isLeaf, kindOf } from '../../rulebase/condition-tree.ts';

/** A condition tree in which some nodes are replaced by a constant. */
export type Node = Leaf | { const: boolean } | { all: Node[] } | { any: Node[] } | { not: Node };

export interface Goal {
  node: Node;
  want: boolean;
  /** The regulation whose parameters the node's leaves refer to. */
  regulation: Regulation;
}

interface Bound { v: number; strict: boolean }
interface FieldConstraint { lo?: Bound; hi?: Bound; allowed?: Scalar[]; excluded: Scalar[] }
export type Store = ReadonlyMap<string, FieldConstraint>;

const tighterLower = (a: Bound | undefined, b: Bound) => (!a || b.v > a.v || (b.v === a.v && b.strict) ? b : a);
const tighterUpper = (a: Bound | undefined, b: Bound) => (!a || b.v < a.v || (b.v === a.v && b.strict) ? b : a);

function admits(c: FieldConstraint, domain: Domain, v: Scalar): boolean {
  if (domain.kind === 'number') {
    if (typeof v !== 'number' || (domain.int && !Number.isInteger(v)) || (domain.min !== undefined && v < domain.min)) return false;
    if (c.lo && (v < c.lo.v || (c.lo.strict && v === c.lo.v))) return false;
    if (c.hi && (v > c.hi.v || (c.hi.strict && v === c.hi.v))) return false;
  } else if (c.lo || c.hi) return false;
  if (domain.kind === 'finite' && !domain.values.includes(v)) return false;
  return !c.excluded.includes(v) && (!c.allowed || c.allowed.includes(v));
}

/** The value a field gets: an allowed one, else the middle of its numeric band, else the first free one. */
export function choose(c: FieldConstraint, domain: Domain): Scalar | undefined {
  if (c.allowed) return c.allowed.find((v) => admits(c, domain, v));
  if (domain.kind === 'finite') return domain.values.find((v) => admits(c, domain, v));
  if (domain.kind === 'string') return undefined;
  const lo = c.lo ?? (domain.min !== undefined ? { v: domain.min, strict: false } : undefined);
  const hi = c.hi;
  const seeds = lo && hi ? [Math.floor((lo.v + hi.v) / 2), Math.ceil((lo.v + hi.v) / 2), (lo.v + hi.v) / 2]
    : lo ? [lo.strict ? Math.floor(lo.v) + 1 : lo.v, lo.v + 0.5]
      : hi ? [hi.strict ? Math.ceil(hi.v) - 1 : hi.v, hi.v - 0.5] : [1];
  for (const s of seeds) for (const d of [0, 1, -1, 2, -2]) if (admits(c, domain, s + d)) return s + d;
  return undefined;
}

function constrain(store: Store, fact: string, operator: Leaf['operator'], value: LeafValue): Store | undefined {
  const domain = domainOf(fact);
  if (value === undefined || !domain) return undefined;
  const prev = store.get(fact);
  const c: FieldConstraint = { ...prev, excluded: [...(prev?.excluded ?? [])] };
  const values = Array.isArray(value) ? value : [value];
  const allow = (vs: Scalar[]) => { c.allowed = c.allowed ? c.allowed.filter((v) => vs.includes(v)) : vs; };
  const { shape, strict, negated } = operators[operator];
  if (shape === 'set') {
    if (negated) c.excluded.push(...values);
    else allow(values);
  } else {
    if (typeof value !== 'number') return undefined;
    if (shape === 'lower') c.lo = tighterLower(c.lo, { v: value, strict });
    else c.hi = tighterUpper(c.hi, { v: value, strict });
  }
  if (choose(c, domain) === undefined) return undefined;
  return new Map(store).set(fact, c);
}

/**
 * Every store (lazily, depth first) under which all goals hold, parameters read on the application date;
 * `budget` bounds the search.
 */
export function* solve(goals: Goal[], date: string, store: Store = new Map(), budget = { steps: 20_000 }): Generator<Store> {
  if (budget.steps-- <= 0) return;
  const [g, ...rest] = goals;
  if (!g) {
    yield store;
    return;
  }
  const { node, want, regulation } = g;
  if ('const' in node) {
    if (node.const === want) yield* solve(rest, date, store, budget);
  } else if ('fact' in node) {
    const next = constrain(store, node.fact, want ? node.operator : operators[node.operator].negation, leafValue(regulation, node, date).value);
    if (next) yield* solve(rest, date, next, budget);
  } else if ('not' in node) {
    yield* solve([{ node: node.not, want: !want, regulation }, ...rest], date, store, budget);
  } else {
    const children = 'all' in node ? node.all : node.any;
    // all=true and any=false need every child; all=false and any=true need one (try each in turn).
    if (('all' in node) === want) yield* solve([...children.map((c) => ({ node: c, want, regulation })), ...rest], date, store, budget);
    else for (const c of preferKnown(children, store)) yield* solve([{ node: c, want, regulation }, ...rest], date, store, budget);
  }
}

const factCache = new WeakMap<Node, string[]>();
function factsOf(n: Node): string[] {
  let facts = factCache.get(n);
  if (!facts) {
    facts = 'const' in n ? [] : 'fact' in n ? [n.fact] : 'not' in n ? factsOf(n.not) : ('all' in n ? n.all : n.any).flatMap(factsOf);
    factCache.set(n, facts);
  }
  return facts;
}

/**
 * Where one child suffices, try first the one about facts the case already has: the witness then differs
 * from an ordinary applicant in as few facts as possible (no pension age to fail an income rule).
 */
function preferKnown(children: Node[], store: Store): Node[] {
  const unknown = (n: Node) => factsOf(n).filter((f) => !store.has(f)).length;
  return children.map((n, i) => ({ n, i, u: unknown(n) })).sort((a, b) => a.u - b.u || a.i - b.i).map((x) => x.n);
}

/** The tree with one node replaced by a constant. */
export function substitute(tree: Condition, target: Condition, value: boolean): Node {
  if (tree === target) return { const: value };
  if (isLeaf(tree)) return tree;
  const children = childrenOf(tree).map((c) => substitute(c, target, value));
  const kind = kindOf(tree);
  return kind === 'all' ? { all: children } : kind === 'any' ? { any: children } : { not: children[0]! };
}

function setPath(o: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let cur = o;
  for (const k of keys.slice(0, -1)) cur = (cur[k] ??= {}) as Record<string, unknown>;
  cur[keys.at(-1)!] = value;
}

/** The case a store stands for; `grounds` (e.g. grounds.medical) are present even without facts. */
export function toCase(store: Store, date: string, grounds: string[]): Case {
  const c: Record<string, unknown> = { applicationDate: date };
  for (const g of grounds) setPath(c, g, {});
  for (const [fact, constraint] of store) setPath(c, fact, choose(constraint, domainOf(fact)!));
  return c as Case;
}
