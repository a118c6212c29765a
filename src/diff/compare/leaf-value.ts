// Parameter values on a date, and the value a condition compares to: the one lookup the diff, its
// words and its witnesses share (the engine's compile.ts does the same for evaluation).
import type { Leaf, Regulation } from '../../rulebase/schema.ts';
import { paramName, parameterValue } from '../../rulebase/parameters.ts';
import type { Scalar } from '../model/domain.ts';

export type LeafValue = Scalar | Scalar[] | undefined;

/** What a leaf compares to on the date, with the unit of its parameter (a literal has none). */
export function leafValue(r: Regulation, leaf: Leaf, date: string): { value: LeafValue; param?: string; unit?: string } {
  const param = paramName(leaf);
  if (param === undefined) return { value: leaf.value as LeafValue };
  const p = r.parameters[param];
  return { value: parameterValue(p, date), param, unit: p?.unit };
}
