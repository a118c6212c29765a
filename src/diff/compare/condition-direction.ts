// The direction of a changed condition, computed from the condition itself: each leaf stands for the set
// of values that satisfy it (a numeric range, or a value set over the fact's domain), and the old and the
// new set are compared. A narrower set in a category or requirement is strenger; in a refusal ground,
// or under a `not`, the polarity flips. Anything that is not a subset either way is gewijzigd.
import type { Leaf } from '../../rulebase/schema.ts';
import { operators } from '../../engine/operators.ts';
import { domainOf, type Scalar } from '../model/domain.ts';
import type { LeafValue } from './leaf-value.ts';
import type { Direction } from '../model/report.ts';

interface Bound { v: number; strict: boolean }
type ValueSet =
  | { kind: 'range'; lo?: Bound; hi?: Bound }
  | { kind: 'set'; values: Scalar[]; negated: boolean }
  | { kind: 'opaque' };

export type Relation = 'same' | 'narrower' | 'wider' | 'changed';

/** +1: satisfying the condition helps the applicant (category, requirement); -1: it hurts (refusal ground). */
export type Polarity = 1 | -1;

/** Where a leaf's operator puts it when old and new leaves are matched: lower bound, upper bound, value set. */
export const operatorGroup = (op: Leaf['operator']): 'lower' | 'upper' | 'set' => operators[op].shape;

export function valueSet(fact: string, op: Leaf['operator'], value: LeafValue): ValueSet {
  if (value === undefined) return { kind: 'opaque' };
  const domain = domainOf(fact);
  const { shape, strict, negated } = operators[op];
  if (shape !== 'set') {
    if (typeof value !== 'number') return { kind: 'opaque' };
    const int = domain?.kind === 'number' && domain.int;
    // On whole numbers "> 7" is ">= 8": normalise so that equal sets compare equal.
    const bound: Bound = int && strict ? { v: shape === 'lower' ? Math.floor(value) + 1 : Math.ceil(value) - 1, strict: false } : { v: value, strict };
    return shape === 'lower' ? { kind: 'range', lo: bound } : { kind: 'range', hi: bound };
  }
  const values = Array.isArray(value) ? value : [value];
  if (negated && domain?.kind === 'finite') return { kind: 'set', values: domain.values.filter((v) => !values.includes(v)), negated: false };
  return { kind: 'set', values, negated };
}

const lowerWithin = (inner?: Bound, outer?: Bound) =>
  !outer || (!!inner && (inner.v > outer.v || (inner.v === outer.v && (!outer.strict || inner.strict))));
const upperWithin = (inner?: Bound, outer?: Bound) =>
  !outer || (!!inner && (inner.v < outer.v || (inner.v === outer.v && (!outer.strict || inner.strict))));

/** inner ⊆ outer, where it can be decided; undefined where it cannot. */
function subset(inner: ValueSet, outer: ValueSet): boolean | undefined {
  if (inner.kind === 'opaque' || outer.kind === 'opaque') return undefined;
  if (inner.kind === 'range' && outer.kind === 'range') return lowerWithin(inner.lo, outer.lo) && upperWithin(inner.hi, outer.hi);
  if (inner.kind === 'set' && outer.kind === 'set') {
    if (!inner.negated && !outer.negated) return inner.values.every((v) => outer.values.includes(v));
    if (inner.negated && outer.negated) return outer.values.every((v) => inner.values.includes(v));
    if (!inner.negated) return inner.values.every((v) => !outer.values.includes(v));
    return false; // a complement over an open domain is never inside a finite set
  }
  if (inner.kind === 'set' && !inner.negated && inner.values.every((v) => typeof v === 'number') && outer.kind === 'range') {
    return inner.values.every((v) => lowerWithin({ v: v as number, strict: false }, outer.lo) && upperWithin({ v: v as number, strict: false }, outer.hi));
  }
  return undefined;
}

export function relation(oldSet: ValueSet, newSet: ValueSet): Relation {
  const narrower = subset(newSet, oldSet);
  const wider = subset(oldSet, newSet);
  if (narrower && wider) return 'same';
  if (narrower) return 'narrower';
  if (wider) return 'wider';
  return 'changed';
}

/** The relation of the new leaf's values to the old one's; different facts are never comparable. */
export function leafRelation(oldLeaf: Leaf, oldValue: LeafValue, newLeaf: Leaf, newValue: LeafValue): Relation {
  if (oldLeaf.fact !== newLeaf.fact) return 'changed';
  return relation(valueSet(oldLeaf.fact, oldLeaf.operator, oldValue), valueSet(newLeaf.fact, newLeaf.operator, newValue));
}

/** From a set relation to the applicant's view, given the polarity of the place the condition stands. */
export function toDirection(r: Exclude<Relation, 'same'>, polarity: Polarity): Direction {
  if (r === 'changed') return 'changed';
  return (r === 'narrower') === (polarity === 1) ? 'stricter' : 'looser';
}

/** One direction for several changes: the common one, else gewijzigd. */
export function combine(directions: Direction[]): Direction {
  const set = new Set(directions);
  return set.size === 1 ? [...set][0]! : 'changed';
}
