// The one encoding of three-valued truth inside the engine. Small integers, so that Kleene AND is min,
// OR is max and NOT is 2 − x; the public strings of decision.ts appear only where a Decision is built.
import type { TruthValue } from './decision.ts';

export const F = 0;
export const U = 1;
export const T = 2;
export type Tri = 0 | 1 | 2;

export const not = (x: Tri): Tri => (2 - x) as Tri;

/** Kleene AND: one false decides, else one unknown. */
export function and(values: readonly Tri[]): Tri {
  let r: Tri = T;
  for (const x of values) {
    if (x === F) return F;
    if (x < r) r = x;
  }
  return r;
}

/** Kleene OR: one true decides, else one unknown. */
export function or(values: readonly Tri[]): Tri {
  let r: Tri = F;
  for (const x of values) {
    if (x === T) return T;
    if (x > r) r = x;
  }
  return r;
}

/** The public value of a Tri (decision.ts TruthValue, without `not-evaluated`). */
export const truthValue = (x: Tri): Exclude<TruthValue, 'not-evaluated'> => (x === T ? 'true' : x === U ? 'unknown' : 'false');

/** A node's Tri from the value a trace shows (not-evaluated counts as unknown; the kernel never asks it). */
export const triOf = (v: TruthValue): Tri => (v === 'true' ? T : v === 'false' ? F : U);
