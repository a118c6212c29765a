// The model rules (rules/model/vng/2026-07-01.yaml, as adopted unchanged by e.g. Het Hogeland) written by
// hand in TypeScript: the floor the compiled path is measured against. Same three-valued semantics
// (0 false, 1 unknown, 2 true; a missing fact is unknown), for valid cases (numbers are numbers).
// Returns the compiled path's state code: 0 not urgent, 1 undetermined, 2 + k urgent in category k of
// the model's category order (CATEGORIES).
import type { Case } from '../src/case/schema.ts';

export const CATEGORIES = [
  'mantelzorg', 'medisch', 'huiselijk-geweld', 'mensenhandel', 'uitstroom-maatschappelijke-opvang', 'uitstroom-beschermd-wonen',
  'uitstroom-ggz', 'uitstroom-jeugdhulp', 'uitstroom-detentie', 'uitstroom-uitstapprogramma', 'dakloos-gezin',
] as const;

export interface ModelParams {
  minimumleeftijd?: number;
  eenpersoons?: number;
  meerpersoons?: number;
  bindingJaren?: number;
  mantelzorgUren?: number;
  mantelzorgMaanden?: number;
  mantelzorgAfstand?: number;
}

type Tri = 0 | 1 | 2;
const eq = (v: unknown, x: unknown): Tri => (v === undefined || v === null ? 1 : v === x ? 2 : 0);
const ge = (v: number | undefined, x: number | undefined): Tri => (v === undefined || v === null || x === undefined ? 1 : v >= x ? 2 : 0);
const gt = (v: number | undefined, x: number | undefined): Tri => (v === undefined || v === null || x === undefined ? 1 : v > x ? 2 : 0);
const le = (v: number | undefined, x: number | undefined): Tri => (v === undefined || v === null || x === undefined ? 1 : v <= x ? 2 : 0);
const and = (a: Tri, b: Tri): Tri => (a < b ? a : b);
const or = (a: Tri, b: Tri): Tri => (a > b ? a : b);

// The ranking of the model (art. 2.11) as indexes into CATEGORIES.
const RANKED = [2, 3, 10, 1, 0, 4, 5, 6, 7, 8, 9];
const OUTFLOW = ['maatschappelijke-opvang', 'beschermd-wonen', 'ggz', 'jeugdhulp', 'detentie', 'uitstapprogramma'];

export function modelByHand(c: Case, p: ModelParams): number {
  const k = c.conduct;
  const refusal = or(or(eq(k?.ownFault, true), eq(k?.canSolveWithinThreeMonths, true)), or(eq(k?.rentArrears, true), eq(k?.nuisance, true)));
  if (refusal === 2) return 0;
  const a = c.applicant;
  const h = c.household;
  const income = c.income?.annualHousehold;
  const multi = or(ge(h?.adults, 2), ge(h?.minorChildren, 1));
  const general = and(and(ge(a?.age, p.minimumleeftijd), eq(a?.lawfulResidence, true)),
    or(le(income, p.eenpersoons), and(multi, le(income, p.meerpersoons))));
  const binding = ge(c.residence?.yearsRegistered, p.bindingJaren);
  const withBinding = and(general, binding);
  const g = c.grounds;
  let open = false;
  for (const i of RANKED) {
    let own: Tri;
    let req = withBinding;
    if (i === 0) {
      const m = g?.mantelzorg;
      if (m === undefined) continue;
      own = and(and(ge(m?.hoursPerWeek, p.mantelzorgUren), ge(m?.expectedDurationMonths, p.mantelzorgMaanden)),
        and(gt(m?.distanceKm, p.mantelzorgAfstand), eq(m?.assessedBySocialTeam, true)));
    } else if (i === 1) {
      const m = g?.medical;
      if (m === undefined) continue;
      own = and(eq(m?.independentAdvice, 'urgent'), eq(m?.causedByDwelling, true));
    } else if (i === 2 || i === 3) {
      const v = g?.violence;
      if (v === undefined) continue;
      own = i === 2 ? and(and(eq(v?.kind, 'huiselijk-geweld'), eq(v?.confirmed, true)), eq(v?.inShelter, true))
        : and(eq(v?.kind, 'mensenhandel'), eq(v?.confirmed, true));
      if (i === 2) req = general; // no binding requirement for victims of domestic violence (Wvrv)
    } else if (i === 10) {
      if (g?.homelessFamily === undefined) continue;
      own = and(and(eq(c.residence?.housing, 'no-fixed-address'), ge(h?.minorChildren, 1)), eq(g.homelessFamily?.registeredHomeless, true));
    } else {
      const o = g?.outflow;
      if (o === undefined) continue;
      own = and(and(eq(o?.from, OUTFLOW[i - 4]), eq(o?.readyForIndependentLiving, true)), eq(o?.guidanceArranged, true));
      if (i === 9) req = general; // nor for the exit programme
    }
    const res = and(req, own);
    if (res === 2) return refusal === 0 ? 2 + i : 1;
    if (res === 1) open = true;
  }
  return open ? 1 : 0;
}
