// Adversarial random cases for the differential test: every case field drawn from its zod type, numbers
// concentrated on the thresholds the rule base actually compares against (value − 1, −0.5, value, +0.5,
// +1), with missing facts, null facts, wrong types, empty and absent grounds, and application dates on
// which some parameter has no value. Dates of birth fall on the day before, of and after a birthday that
// the law's age limits turn on (18, 23 for letter g, the pension age); leaving dates around an
// application date (the "verlaten" of letters d–h).
import { z } from 'zod';
import { caseFields, type Case } from '../../src/case/schema.ts';
import type { RuleBase } from '../../src/rulebase/rulebase.ts';
import type { Condition } from '../../src/rulebase/schema.ts';
import type { Random } from '../../src/scenario/population/prng.ts';
import { addDays, addMonths } from '../../src/rulebase/dates.ts';

/** Per fact: the numbers the rule base compares it with, and the values around them. */
export function thresholds(ruleBase: RuleBase): Map<string, number[]> {
  const out = new Map<string, Set<number>>();
  const add = (fact: string, v: unknown) => {
    if (typeof v !== 'number') return;
    const set = out.get(fact) ?? new Set<number>();
    for (const d of [-1, -0.5, 0, 0.5, 1]) if (v + d >= 0) set.add(v + d);
    out.set(fact, set);
  };
  for (const periods of ruleBase.periods.values()) {
    for (const p of periods) {
      const r = p.regulation;
      const walk = (c: Condition): void => {
        if ('all' in c) return c.all.forEach(walk);
        if ('any' in c) return c.any.forEach(walk);
        if ('not' in c) return walk(c.not);
        const v = c.value;
        if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
          const param = r.parameters[v.param];
          add(c.fact, param?.value);
          for (const d of param?.values ?? []) add(c.fact, d.value);
        } else add(c.fact, v);
      };
      for (const t of [...r.requirements, ...r.refusalGrounds, ...r.categories]) walk(t.conditions);
    }
  }
  return new Map([...out].map(([k, s]) => [k, [...s]]));
}

const DATES = ['2024-06-01', '2025-01-01', '2025-05-19', '2025-05-20', '2025-12-31', '2026-01-01', '2026-06-30', '2026-07-01', '2026-12-31', '2027-06-01', '2028-03-01'];
const AGES = [17, 18, 22, 23, 66, 67];

/** A date of birth whose birthday of an age the law turns on is one of DATES, a day before or after. */
function dateOfBirth(rnd: Random): string {
  const on = DATES[rnd.int(0, DATES.length - 1)]!;
  return addDays(addMonths(on, -12 * AGES[rnd.int(0, AGES.length - 1)]!), rnd.int(-1, 1));
}

/** A leaving date around one of DATES: months before (recently left), the day itself, or after. */
const leavingDate = (rnd: Random): string => addDays(DATES[rnd.int(0, DATES.length - 1)]!, rnd.pick([[-400, 1], [-31, 1], [-1, 1], [0, 2], [1, 1], [30, 1]] as const));

export function adversarialCase(rnd: Random, limits: Map<string, number[]>): Case {
  const c: Record<string, unknown> = {};
  const groupState = new Map<string, 'absent' | 'null' | 'empty' | 'present'>();
  // Some cases clean, some noisy: a clean case can reach every category; a noisy one probes unknowns.
  const noise = rnd.pick([[0, 5], [0.04, 3], [0.15, 2]] as const);
  for (const [path, schema] of caseFields) {
    const keys = path.split('.');
    // Decide once per containing object whether it is absent, null, empty or filled.
    const parent = keys.slice(0, -1).join('.');
    if (parent) {
      let state = groupState.get(parent);
      if (!state) {
        const isGround = parent.startsWith('grounds.');
        state = rnd.pick<'absent' | 'null' | 'empty' | 'present'>(isGround
          ? [['absent', 60], ['null', 1], ['empty', 3], ['present', 36]]
          : [['absent', 6], ['null', 1], ['empty', 2], ['present', 91]]);
        groupState.set(parent, state);
        if (state !== 'absent') setPath(c, keys.slice(0, -1), state === 'null' ? null : {});
      }
      if (state !== 'present') continue;
    }
    const roll = rnd.next() / Math.max(noise, 1e-9) * 0.15;
    if (roll < 0.1) continue; // missing fact
    let value: unknown;
    if (roll < 0.125) value = null;
    else if (roll < 0.14) value = rnd.pick<unknown>([['12', 1], [true, 1], ['x', 1], [[1], 1], [{}, 1]]); // wrong type
    else value = valueOf(path, schema, rnd, limits);
    setPath(c, keys, value);
  }
  return c as Case;
}

function valueOf(path: string, schema: z.ZodType, rnd: Random, limits: Map<string, number[]>): unknown {
  if (path === 'applicationDate') return rnd.pick(DATES.map((d) => [d, 1] as const));
  if (path === 'applicant.dateOfBirth') return dateOfBirth(rnd);
  if (schema instanceof z.ZodISODate) return leavingDate(rnd);
  if (schema instanceof z.ZodBoolean) return rnd.chance(path.startsWith('conduct.') ? 0.05 : 0.8);
  if (schema instanceof z.ZodEnum) return rnd.chance(0.95) ? rnd.pick((schema.options as string[]).map((o) => [o, 1] as const)) : 'onbekend';
  if (schema instanceof z.ZodNumber) {
    const near = limits.get(path);
    if (near && rnd.chance(0.85)) return near[rnd.int(0, near.length - 1)];
    return rnd.chance(0.5) ? rnd.int(0, 5) : rnd.int(0, 120_000) / (rnd.chance(0.5) ? 1 : 1000);
  }
  if (schema instanceof z.ZodString) return rnd.pick([['GM0014', 1], ['GM1966', 1], ['GM9999', 1]] as const);
  throw new Error(`no generator for ${path}`);
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let o = target;
  for (const k of keys.slice(0, -1)) {
    if (o[k] === undefined) o[k] = {};
    if (o[k] === null || typeof o[k] !== 'object') return; // parent null: nothing to set
    o = o[k] as Record<string, unknown>;
  }
  o[keys.at(-1)!] = value;
}

/**
 * A case that meets the general requirements of every bundled regulation and claims a random set of
 * grounds with satisfying facts, then has 0–3 fields perturbed (missing, null, threshold, wrong type):
 * it reaches urgent outcomes, several matched categories (ranking) and single-fact flips.
 */
export function nearEligibleCase(rnd: Random, limits: Map<string, number[]>): Case {
  // Each kind of outflow with an institution of the law that fits it (Hvw art. 12 lid 3 onder e–h).
  const outflow = [
    ['maatschappelijke-opvang', 'anders'], ['beschermd-wonen', 'anders'], ['ggz', 'wlz-ggz'], ['ggz', 'zvw-ggz'],
    ['jeugdhulp', 'jeugdwet-accommodatie'], ['jeugdhulp', 'jeugdwet-gesloten-accommodatie'],
    ['detentie', 'penitentiaire-inrichting'], ['detentie', 'justitiele-jeugdinrichting'], ['detentie', 'forensische-zorg'],
  ] as const;
  const grounds: Record<string, unknown> = {};
  const homeless = rnd.chance(0.15);
  const young = rnd.chance(0.2);
  if (rnd.chance(0.3)) grounds.mantelzorg = { role: rnd.chance(0.5) ? 'giver' : 'receiver', hoursPerWeek: 10, expectedDurationMonths: 24, distanceKm: 12, assessedBySocialTeam: true };
  if (rnd.chance(0.3)) grounds.medical = { serious: true, chronic: true, independentAdvice: 'urgent', causedByDwelling: true };
  if (rnd.chance(0.3)) {
    const [from, institution] = outflow[rnd.int(0, outflow.length - 1)]!;
    grounds.outflow = { from, institution, leaving: true, readyForIndependentLiving: true, guidanceArranged: true };
  }
  if (rnd.chance(0.25)) {
    const kind = rnd.chance(0.5) ? 'huiselijk-geweld' : 'mensenhandel';
    grounds.opvang = { granted: true, reason: kind, leaving: true };
    grounds.violence = { kind, confirmed: true };
  } else if (rnd.chance(0.1)) grounds.opvang = { granted: true, reason: 'dakloosheid' };
  if (rnd.chance(0.05)) grounds.exitProgramme = { participates: true };
  if (homeless) grounds.homelessFamily = { registeredHomeless: true };
  if (rnd.chance(0.25)) grounds.acuteEmergency = { confirmed: true };
  const c: Record<string, unknown> = {
    applicationDate: rnd.chance(0.8) ? '2026-08-03' : DATES[rnd.int(0, DATES.length - 1)],
    applicant: { age: young ? rnd.int(18, 22) : rnd.int(18, 80), lawfulResidence: true },
    household: { adults: rnd.int(1, 2), minorChildren: homeless ? rnd.int(1, 3) : rnd.int(0, 3) },
    income: { annualHousehold: rnd.int(12_000, 27_000), netMonthly: rnd.int(900, 2500) },
    residence: {
      municipality: 'GM0014', yearsRegistered: rnd.int(2, 30), housing: homeless ? 'no-fixed-address' : rnd.pick([['tenant', 3], ['shelter', 1], ['living-in', 1]] as const),
      yearsIndependent: rnd.int(1, 20), boundToRegion: true,
    },
    registration: { points: rnd.int(0, 99) },
    grounds,
    conduct: { ownFault: false, canSolveWithinThreeMonths: false, rentArrears: false, nuisance: false },
  };
  const fields = [...caseFields.keys()];
  for (let k = rnd.int(0, 3); k > 0; k--) {
    const path = fields[rnd.int(0, fields.length - 1)]!;
    const keys = path.split('.');
    const roll = rnd.next();
    const value = roll < 0.3 ? undefined : roll < 0.4 ? null : roll < 0.45 ? 'x' : valueOf(path, caseFields.get(path)!, rnd, limits);
    if (value === undefined) {
      const parent = keys.slice(0, -1).reduce<unknown>((o, key) => (o as Record<string, unknown> | undefined)?.[key], c);
      if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[keys.at(-1)!];
    } else setPath(c, keys, value);
  }
  return c as Case;
}
