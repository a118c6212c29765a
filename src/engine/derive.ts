// Facts the engine derives from dates in the case, on the dates the regulation names (parameters, since
// the law leaves them open: docs/legal-readings.md R2 and R3). A fact the case states itself is kept.
// Every runner derives through this file before it evaluates, so that all decide on the same facts.
import type { Case } from '../case/schema.ts';
import { addMonths, isIsoDate } from '../rulebase/dates.ts';

/** The parameters read here, and their defaults when a regulation does not define them. */
export const REFERENCE_DATE_AGE = 'peildatum.leeftijd';
export const LEAVING_MONTHS = 'verlaten.termijnMaanden';

type ParamOf = (name: string) => unknown;

// The engine also runs on cases that did not pass the schema (the bulk path, adversarial tests): a value
// that is not a date derives nothing, and a stated fact (also null, "missing") is never overwritten.
const date = (x: unknown): x is string => typeof x === 'string' && isIsoDate(x);
const open = (x: unknown) => x === undefined;

/** The date whose parameter values apply: the case's application date, else (not a date) the one given. */
export const applicationDateOf = (c: Case, fallback: string): string => (date(c.applicationDate) ? c.applicationDate : fallback);

/** Whether the case has a date to derive from and lacks the fact derived from it. */
export function needsDerivation(c: Case): boolean {
  const outflow = c.grounds?.outflow;
  const opvang = c.grounds?.opvang;
  return (date(c.applicant?.dateOfBirth) && open(c.applicant?.age))
    || (date(outflow?.leavingDate) && open(outflow?.leaving))
    || (date(opvang?.leavingDate) && open(opvang?.leaving));
}

/**
 * The case with `applicant.age` (full years on the reference date: the application date — else `on` —, or the leaving
 * date when peildatum.leeftijd is 'vertrekdatum') and `leaving` (the leaving date is not before the
 * application date minus verlaten.termijnMaanden) filled in where the case leaves them open.
 */
export function deriveFacts(c: Case, param: ParamOf, on?: string): Case {
  // The application date, else the date the case is evaluated on (a generated population has none).
  const applied = date(c.applicationDate) ? c.applicationDate : on;
  if (!needsDerivation(c) || !date(applied)) return c;
  const months = Number(param(LEAVING_MONTHS) ?? 0);
  const leaves = (d: string) => d >= addMonths(applied, -(Number.isFinite(months) ? months : 0));
  const out: Case = { ...c };
  const outflow = c.grounds?.outflow;
  const opvang = c.grounds?.opvang;
  if (date(outflow?.leavingDate) && open(outflow?.leaving)) {
    out.grounds = { ...out.grounds, outflow: { ...outflow, leaving: leaves(outflow.leavingDate) } };
  }
  if (date(opvang?.leavingDate) && open(opvang?.leaving)) {
    out.grounds = { ...out.grounds, opvang: { ...opvang, leaving: leaves(opvang.leavingDate) } };
  }
  const born = c.applicant?.dateOfBirth;
  if (date(born) && open(c.applicant?.age)) {
    const on = param(REFERENCE_DATE_AGE) === 'vertrekdatum' ? outflow?.leavingDate : applied;
    if (date(on)) out.applicant = { ...c.applicant, age: fullYears(born, on) };
  }
  return out;
}

/** Completed years between two ISO dates (a birthday on 29 February counts from 1 March in other years). */
export function fullYears(born: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(born.slice(0, 4));
  return on.slice(5) >= born.slice(5) ? years : years - 1;
}
