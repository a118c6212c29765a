// Missing facts: the unknown leaves of the tests the kernel leaves open, one entry per fact (or per
// parameter without a value on the date), with the tests each one decides, in the kernel's order.
import type { OpenTest } from './kernel.ts';

export interface MissingFactOf<L> {
  /** The case field, or `parameter:<name>` when the regulation has no value for the date. */
  fact: string;
  /** The first leaf that asks for it. */
  leaf: L;
  /** Ids of the categories, requirements and refusal grounds it decides. */
  neededFor: string[];
}

export const missingKey = (fact: string, parameter: string | undefined, parameterMissing: boolean): string =>
  parameter !== undefined && parameterMissing ? `parameter:${parameter}` : fact;

/** `unknownsOf` gives the leaves that keep an open test unknown, each with its missingKey. */
export function missingFacts<L>(open: readonly OpenTest[], unknownsOf: (t: OpenTest) => { leaf: L; key: string }[]): MissingFactOf<L>[] {
  const missing = new Map<string, { leaf: L; neededFor: Set<string> }>();
  for (const t of open) {
    for (const { leaf, key } of unknownsOf(t)) {
      const entry = missing.get(key) ?? { leaf, neededFor: new Set<string>() };
      entry.neededFor.add(t.id);
      missing.set(key, entry);
    }
  }
  return [...missing].map(([fact, { leaf, neededFor }]) => ({ fact, leaf, neededFor: [...neededFor] }));
}
