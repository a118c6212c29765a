// Parameters: a condition's `{ param }` reference, and a parameter's value on a date.
import { within } from './dates.ts';
import type { Leaf, Parameter } from './schema.ts';

type Scalar = string | number | boolean;

/** The parameter a leaf compares to, if its value is a `{ param }` reference. */
export const paramName = (leaf: Leaf): string | undefined =>
  typeof leaf.value === 'object' && leaf.value !== null && !Array.isArray(leaf.value) ? leaf.value.param : undefined;

/** The value on `date`: the single value, or the dated value whose [from, until] holds it (none → undefined). */
export function parameterValue(p: Parameter | undefined, date: string): Scalar | undefined {
  if (!p) return undefined;
  return p.values ? p.values.find((v) => within(date, v.from, v.until))?.value : p.value;
}
