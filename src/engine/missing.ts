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

const PARAMETER = 'parameter:';

export const missingKey = (fact: string, parameter: string | undefined, parameterMissing: boolean): string =>
  parameter !== undefined && parameterMissing ? `${PARAMETER}${parameter}` : fact;

/** The parameter a missing key names (`parameter:<name>`), or undefined for a case fact. */
export const parameterOfKey = (key: string): string | undefined =>
  key.startsWith(PARAMETER) ? key.slice(PARAMETER.length) : undefined;

/**
 * Splits missing entries into the applicant's facts and the regulation's gaps (parameters without a value
 * on the date): a gap is not something the applicant can supply, so it is said apart, once per parameter.
 */
export function splitMissing<M extends { fact: string }>(missing: readonly M[]): { facts: M[]; gaps: (M & { parameter: string })[] } {
  const facts: M[] = [];
  const gaps: (M & { parameter: string })[] = [];
  for (const m of missing) {
    const parameter = parameterOfKey(m.fact);
    if (parameter === undefined) facts.push(m);
    else gaps.push({ ...m, parameter });
  }
  return { facts, gaps };
}

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
