// The model rules (rules/model/vng/2026-07-01.yaml under the Hvw 2014 of 2026-07-01, as adopted unchanged
// by e.g. Het Hogeland) written by hand in TypeScript: the floor the compiled path is measured against.
// It decides as the resolved rule file does: the law's own conditions of letters a–j AND the model's
// criteria; no income test for d and i (art. 15 lid 5); binding to the woningmarktregio instead of the
// municipal binding for every (statutory) category (art. 14 lid 6), unless the regulation reads art. 14
// lid 6 otherwise (binding.regioVoorWettelijkeCategorieen false: then the municipal binding applies to
// all); the model has no housing-history requirement. Same three-valued semantics (0 false, 1 unknown,
// 2 true; a missing fact is unknown), for valid cases (numbers are numbers).
// Returns the compiled path's state code: 0 not urgent, 1 undetermined, 2 + k urgent in category k of
// the model's category order (CATEGORIES).
import type { Case } from '../src/case/schema.ts';
import { deriveFacts, needsDerivation } from '../src/engine/derive.ts';

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
  /** binding.regioVoorWettelijkeCategorieen; absent reads as true (the engine's default). */
  regioVoorWettelijkeCategorieen?: boolean;
}

type Tri = 0 | 1 | 2;
const missing = (v: unknown): boolean => v === undefined || v === null;
const eq = (v: unknown, x: unknown): Tri => (missing(v) ? 1 : v === x ? 2 : 0);
const oneOf = (v: unknown, xs: readonly unknown[]): Tri => (missing(v) ? 1 : xs.includes(v) ? 2 : 0);
const ge = (v: number | undefined, x: number | undefined): Tri => (missing(v) || x === undefined ? 1 : v! >= x ? 2 : 0);
const gt = (v: number | undefined, x: number | undefined): Tri => (missing(v) || x === undefined ? 1 : v! > x ? 2 : 0);
const lt = (v: number | undefined, x: number | undefined): Tri => (missing(v) || x === undefined ? 1 : v! < x ? 2 : 0);
const le = (v: number | undefined, x: number | undefined): Tri => (missing(v) || x === undefined ? 1 : v! <= x ? 2 : 0);
const and = (...xs: Tri[]): Tri => xs.reduce<Tri>((a, b) => (a < b ? a : b), 2);
const or = (a: Tri, b: Tri): Tri => (a > b ? a : b);

// The ranking of the model (art. 2.11) as indexes into CATEGORIES.
const RANKED = [2, 3, 10, 1, 0, 4, 5, 6, 7, 8, 9];
/** Letters d (huiselijk-geweld, mensenhandel) and i (uitstapprogramma): no income test (Hvw art. 15 lid 5). */
const INCOME_EXEMPT = new Set([2, 3, 9]);
const GGZ = ['wlz-ggz', 'zvw-ggz'];
const JEUGD = ['jeugdwet-accommodatie', 'jeugdwet-gesloten-accommodatie'];
const JUSTITIE = ['justitiele-jeugdinrichting', 'penitentiaire-inrichting', 'forensische-zorg'];

export function modelByHand(given: Case, p: ModelParams, on?: string): number {
  // The age and "leaving" derived from dates, on the model's reference dates (application date, 0 months),
  // as every runner derives them (src/engine/derive.ts).
  const c = needsDerivation(given) ? deriveFacts(given, () => undefined, on) : given;
  const k = c.conduct;
  const refusal = or(or(eq(k?.ownFault, true), eq(k?.canSolveWithinThreeMonths, true)), or(eq(k?.rentArrears, true), eq(k?.nuisance, true)));
  if (refusal === 2) return 0;
  const a = c.applicant;
  const h = c.household;
  const r = c.residence;
  const income = c.income?.annualHousehold;
  const multi = or(ge(h?.adults, 2), ge(h?.minorChildren, 1));
  const incomeTest = or(le(income, p.eenpersoons), and(multi, le(income, p.meerpersoons)));
  // Art. 14 lid 6: binding to the woningmarktregio replaces the municipal binding for statutory categories.
  const binding = p.regioVoorWettelijkeCategorieen === false ? ge(r?.yearsRegistered, p.bindingJaren) : eq(r?.boundToRegion, true);
  const general = and(ge(a?.age, p.minimumleeftijd), eq(a?.lawfulResidence, true), binding);
  const withIncome = and(general, incomeTest);
  const g = c.grounds;
  const m = g?.mantelzorg;
  const med = g?.medical;
  const op = g?.opvang;
  const o = g?.outflow;
  const x = g?.exitProgramme;
  // The model's two typical outflow criteria (art. 2.8 lid 2), and the law's "verlaten" of letters e–h.
  const typical = (): Tri => and(eq(o?.readyForIndependentLiving, true), eq(o?.guidanceArranged, true));
  const leavingOutflow = (): Tri => eq(o?.leaving, true);
  let open = false;
  for (const i of RANKED) {
    let own: Tri;
    if (i === 0) {
      if (m === undefined) continue;
      own = and(oneOf(m.role, ['giver', 'receiver']), ge(m.hoursPerWeek, p.mantelzorgUren), ge(m.expectedDurationMonths, p.mantelzorgMaanden),
        gt(m.distanceKm, p.mantelzorgAfstand), eq(m.assessedBySocialTeam, true));
    } else if (i === 1) {
      if (med === undefined) continue;
      own = and(eq(med.serious, true), eq(med.chronic, true), eq(med.independentAdvice, 'urgent'), eq(med.causedByDwelling, true));
    } else if (i === 2 || i === 3) {
      if (op === undefined) continue;
      const letterD = and(eq(op.granted, true), oneOf(op.reason, ['huiselijk-geweld', 'mensenhandel']), eq(op.leaving, true));
      own = and(letterD, eq(op.reason, i === 2 ? 'huiselijk-geweld' : 'mensenhandel'), eq(g?.violence?.confirmed, true));
    } else if (i === 4) {
      if (op === undefined) continue;
      own = and(eq(op.granted, true), eq(op.reason, 'dakloosheid'), typical());
    } else if (i === 5) {
      if (o === undefined) continue;
      own = and(eq(o.from, 'beschermd-wonen'), leavingOutflow(), typical());
    } else if (i === 6) {
      if (o === undefined) continue;
      own = and(oneOf(o.institution, GGZ), leavingOutflow(), typical());
    } else if (i === 7) {
      if (o === undefined) continue;
      own = and(ge(a?.age, 18), lt(a?.age, 23), oneOf(o.institution, JEUGD), leavingOutflow(), typical());
    } else if (i === 8) {
      if (o === undefined) continue;
      own = and(oneOf(o.institution, JUSTITIE), leavingOutflow(), typical());
    } else if (i === 9) {
      if (x === undefined) continue;
      own = eq(x.participates, true);
    } else {
      if (g?.homelessFamily === undefined) continue;
      own = and(eq(r?.housing, 'no-fixed-address'), ge(h?.minorChildren, 1), eq(g.homelessFamily.registeredHomeless, true));
    }
    const res = and(INCOME_EXEMPT.has(i) ? general : withIncome, own);
    if (res === 2) return refusal === 0 ? 2 + i : 1;
    if (res === 1) open = true;
  }
  return open ? 1 : 0;
}
