// A synthetic population of urgency applicants for the ten Groningen municipalities: deterministic for a
// seed (prng.ts), every distribution written down here and in docs/scenario.md. No microdata on urgency
// applicants is public, so apart from the municipality sizes every figure is an ASSUMPTION chosen to look
// like municipal practice (law.md) and to put real mass on the thresholds the rules test.
import type { Case } from '../../case/schema.ts';
import { addDays } from '../../rulebase/dates.ts';
import { random, type Random } from './prng.ts';
import type { PopulationRow } from '../model/schema.ts';

/**
 * Inhabitants on 1 January 2024, rounded to the thousand: CBS StatLine table 03759ned ("Bevolking op
 * 1 januari en gemiddeld; geslacht, leeftijd en regio"). Quoted from the public figures as remembered,
 * not checked against the table in this repository: replace them with the exact figures before relying
 * on absolute numbers. Only the proportions matter to the generator.
 */
export const MUNICIPALITY_POPULATION: Readonly<Record<string, number>> = {
  GM0014: 243_000, // Groningen
  GM1966: 48_000, // Het Hogeland
  GM1952: 61_000, // Midden-Groningen
  GM1969: 65_000, // Westerkwartier
  GM1979: 46_000, // Eemsdelta
  GM1895: 39_000, // Oldambt
  GM0765: 13_000, // Pekela
  GM0037: 32_000, // Stadskanaal
  GM0047: 28_000, // Veendam
  GM1950: 26_000, // Westerwolde
};

type Weights<T> = readonly (readonly [T, number])[];

/** The distributions, as data: docs/scenario.md renders the same table. All are assumptions. */
export const DISTRIBUTIONS = {
  ageBand: [[[16, 17], 2], [[18, 22], 12], [[23, 29], 20], [[30, 44], 28], [[45, 66], 28], [[67, 90], 10]] as Weights<[number, number]>,
  adults: [[1, 62], [2, 33], [3, 5]] as Weights<number>,
  minorChildren: [[0, 58], [1, 17], [2, 15], [3, 7], [4, 3]] as Weights<number>,
  /** Household income a year: log-normal, median and sigma of the log; rounded to €100. */
  income: { median: 26_000, sigma: 0.45 },
  /** Net a month ≈ 78% of gross / 12 (rough wedge for low incomes). */
  netShare: 0.78,
  housing: [['tenant', 45], ['living-in', 20], ['owner', 8], ['institution', 8], ['shelter', 9], ['no-fixed-address', 10]] as Weights<NonNullable<NonNullable<Case['residence']>['housing']>>,
  /** Years registered in the municipality: whole years, geometric with this mean. */
  yearsRegisteredMean: 8,
  /** Share whose residence is another municipality of the province than the one applied to. */
  movesIn: 0.1,
  pointsMax: 300,
  /** Share giving a date of birth instead of the age (the engine derives the age on its reference date). */
  dateOfBirth: 0.25,
  /** The day on which a drawn age is turned into a date of birth: the synthetic population's "today". */
  dateOfBirthAnchor: '2026-09-01',
  /** Partner's age (households of two or more adults): the applicant's age plus a normal gap, sd in years. */
  partnerAgeGap: 5,
  /** Share bound to the woningmarktregio (Hvw art. 14 lid 4 and 6); most applicants live in the region. */
  boundToRegion: 0.88,
  grounds: [['mantelzorg', 18], ['medical', 30], ['outflow', 16], ['violence', 10], ['opvang', 5], ['exitProgramme', 1], ['homelessFamily', 6], ['acuteEmergency', 14], ['none', 5]] as Weights<string>,
  /** Share claiming a second ground besides the first. */
  secondGround: 0.08,
  /** Medical: serious reasons; chronic among the serious and among the others (Hvw art. 12 lid 3 onder b). */
  medical: { serious: 0.7, chronicIfSerious: 0.7, chronicOtherwise: 0.4 },
  outflowFrom: [['maatschappelijke-opvang', 25], ['beschermd-wonen', 25], ['ggz', 15], ['jeugdhulp', 15], ['detentie', 15]] as Weights<string>,
  /** The institution as the law names it (art. 12 lid 3 onder f, g, h), per kind of outflow. */
  institution: {
    'maatschappelijke-opvang': [['anders', 1]],
    'beschermd-wonen': [['anders', 1]],
    ggz: [['wlz-ggz', 45], ['zvw-ggz', 45], ['anders', 10]],
    jeugdhulp: [['jeugdwet-accommodatie', 75], ['jeugdwet-gesloten-accommodatie', 20], ['anders', 5]],
    detentie: [['penitentiaire-inrichting', 60], ['justitiele-jeugdinrichting', 15], ['forensische-zorg', 20], ['anders', 5]],
  } as Readonly<Record<string, Weights<string>>>,
  /** Leaving youth care: the age, mostly around letter g's limit of 23. */
  jeugdhulpAge: [18, 24] as const,
  /** Share that leaves the institution or opvang (the law's "verlaten"); the rest stays for now. */
  leaving: 0.85,
  /** Violence: opvang granted for it (letter d), and among those the share leaving the opvang. */
  violenceOpvang: 0.75,
  opvangLeaving: 0.7,
  /** Exit programme for sex workers (letter i): participates, when claimed. */
  exitProgramme: 0.95,
  mantelzorgHours: [2, 24] as const, // uniform whole hours
  mantelzorgMonths: [[3, 1], [6, 2], [12, 3], [24, 3], [36, 2], [60, 1]] as Weights<number>,
  /** Distance giver–receiver in km: log-normal median, sigma; one decimal. */
  distance: { median: 8, sigma: 0.9 },
  conduct: { ownFault: 0.1, canSolveWithinThreeMonths: 0.12, rentArrears: 0.07, nuisance: 0.03 },
  /** Each fact is missing (not known at application) with this probability. */
  missing: 0.03,
} as const;

export interface GeneratorOptions {
  size: number;
  seed: number;
  /** Restrict to these municipalities (default all ten), still in proportion to their sizes. */
  municipalities?: readonly string[];
}

/**
 * Rows are drawn in blocks of BLOCK, each block from its own PRNG stream seeded by (seed, block): any
 * range of rows can be generated on its own (by a worker thread) and gives the same rows as a full run.
 */
export const BLOCK = 4096;

/** The rows of a synthetic population, generated lazily (1,000,000 rows never sit in memory). */
export function* generatePopulation({ size, seed, municipalities }: GeneratorOptions, from = 0, to = size): Generator<PopulationRow> {
  const codes = municipalities ?? Object.keys(MUNICIPALITY_POPULATION);
  const weights = codes.map((code) => {
    const w = MUNICIPALITY_POPULATION[code];
    if (w === undefined) throw new Error(`geen inwonertal bekend voor ${code}`);
    return [code, w] as const;
  });
  let rnd = random(0);
  for (let n = from; n < Math.min(to, size); n++) {
    if (n === from || n % BLOCK === 0) {
      rnd = random((Math.imul(seed | 0, 0x9e3779b1) ^ Math.floor(n / BLOCK)) >>> 0);
      for (let skip = n % BLOCK; skip > 0; skip--) generateRow(rnd, weights, codes, 0); // enter a block midway
    }
    yield generateRow(rnd, weights, codes, n + 1);
  }
}

function generateRow(rnd: Random, weights: readonly (readonly [string, number])[], codes: readonly string[], line: number): PopulationRow {
  const municipality = rnd.pick(weights);
  return { line, id: String(line), municipality, case: generateCase(rnd, municipality, codes) };
}

const D = DISTRIBUTIONS;
type Obj = Record<string, unknown>;

function generateCase(rnd: Random, municipality: string, codes: readonly string[]): Case {
  // Objects are built by assignment (no spreads, no delete) so V8 keeps them in fast mode; no closure
  // is made per case (tsx wraps every function it creates in a naming helper, which costs).
  let [lo, hi] = rnd.pick(D.ageBand);
  const first = rnd.pick(D.grounds);
  const second = first !== 'none' && rnd.chance(D.secondGround) ? rnd.pick(D.grounds) : 'none';
  let minorChildren = rnd.pick(D.minorChildren);
  let housing: string = rnd.pick(D.housing);
  let grounds: Obj | undefined;
  for (const g of [first, second]) {
    if (g === 'none') continue;
    const o: Obj = {};
    if (g === 'mantelzorg') {
      putKnown(rnd, o, 'role', rnd.chance(0.7) ? 'giver' : 'receiver');
      putKnown(rnd, o, 'hoursPerWeek', rnd.int(D.mantelzorgHours[0], D.mantelzorgHours[1]));
      putKnown(rnd, o, 'expectedDurationMonths', rnd.pick(D.mantelzorgMonths));
      putKnown(rnd, o, 'distanceKm', Math.round(logNormal(rnd, D.distance.median, D.distance.sigma) * 10) / 10);
      putKnown(rnd, o, 'assessedBySocialTeam', rnd.chance(0.75));
    } else if (g === 'medical') {
      const serious = rnd.chance(D.medical.serious);
      putKnown(rnd, o, 'serious', serious);
      putKnown(rnd, o, 'chronic', rnd.chance(serious ? D.medical.chronicIfSerious : D.medical.chronicOtherwise));
      if (!rnd.chance(0.1)) o.independentAdvice = rnd.chance(0.5) ? 'urgent' : 'not-urgent';
      putKnown(rnd, o, 'causedByDwelling', rnd.chance(0.6));
    } else if (g === 'outflow') {
      housing = 'institution';
      const from = rnd.pick(D.outflowFrom);
      putKnown(rnd, o, 'from', from);
      putKnown(rnd, o, 'institution', rnd.pick(D.institution[from]!));
      putKnown(rnd, o, 'leaving', rnd.chance(D.leaving));
      putKnown(rnd, o, 'readyForIndependentLiving', rnd.chance(0.7));
      putKnown(rnd, o, 'guidanceArranged', rnd.chance(0.75));
      if (from === 'jeugdhulp') [lo, hi] = D.jeugdhulpAge;
    } else if (g === 'violence') {
      const kind = rnd.chance(0.85) ? 'huiselijk-geweld' : 'mensenhandel';
      putKnown(rnd, o, 'kind', kind);
      putKnown(rnd, o, 'confirmed', rnd.chance(0.8));
      if (rnd.chance(D.violenceOpvang)) {
        housing = 'shelter';
        const opvang: Obj = { granted: true };
        putKnown(rnd, opvang, 'reason', kind);
        putKnown(rnd, opvang, 'leaving', rnd.chance(D.opvangLeaving));
        (grounds ??= {}).opvang = opvang;
      }
    } else if (g === 'opvang') {
      // In the opvang for homelessness (letter c: no leaving needed); some leave it.
      housing = 'shelter';
      putKnown(rnd, o, 'granted', rnd.chance(0.9));
      putKnown(rnd, o, 'reason', 'dakloosheid');
      putKnown(rnd, o, 'leaving', rnd.chance(0.5));
    } else if (g === 'exitProgramme') {
      putKnown(rnd, o, 'participates', rnd.chance(D.exitProgramme));
    } else if (g === 'homelessFamily') {
      if (rnd.chance(0.85)) housing = 'no-fixed-address';
      if (minorChildren === 0 && rnd.chance(0.9)) minorChildren = rnd.int(1, 3);
      putKnown(rnd, o, 'registeredHomeless', rnd.chance(0.8));
    } else if (g === 'acuteEmergency') {
      putKnown(rnd, o, 'confirmed', rnd.chance(0.4));
    }
    // A violence case may already have put its opvang: a second ground of opvang then adds nothing.
    if (!(grounds && g in grounds)) (grounds ??= {})[g] = o;
  }
  const annual = Math.round(logNormal(rnd, D.income.median, D.income.sigma) / 100) * 100;
  const independent = housing === 'tenant' || housing === 'owner';
  const applicant: Obj = {};
  const age = rnd.int(lo, hi);
  if (rnd.chance(D.dateOfBirth)) putKnown(rnd, applicant, 'dateOfBirth', dateOfBirthAt(age, rnd.int(0, 364)));
  else putKnown(rnd, applicant, 'age', age);
  putKnown(rnd, applicant, 'lawfulResidence', rnd.chance(0.98));
  const household: Obj = {};
  const adults = rnd.pick(D.adults);
  putKnown(rnd, household, 'adults', adults);
  putKnown(rnd, household, 'minorChildren', minorChildren);
  if (adults >= 2) putKnown(rnd, household, 'partnerAge', Math.max(18, Math.round(age + rnd.normal(0, D.partnerAgeGap))));
  const income: Obj = {};
  putKnown(rnd, income, 'annualHousehold', annual);
  putKnown(rnd, income, 'netMonthly', Math.round(annual * D.netShare / 12));
  const residence: Obj = {};
  putKnown(rnd, residence, 'municipality', rnd.chance(D.movesIn) ? codes[rnd.int(0, codes.length - 1)]! : municipality);
  putKnown(rnd, residence, 'yearsRegistered', geometric(rnd, D.yearsRegisteredMean));
  putKnown(rnd, residence, 'housing', housing);
  putKnown(rnd, residence, 'yearsIndependent', independent ? geometric(rnd, 6) : rnd.chance(0.5) ? 0 : 0.5);
  putKnown(rnd, residence, 'boundToRegion', rnd.chance(D.boundToRegion));
  const registration: Obj = {};
  putKnown(rnd, registration, 'points', rnd.int(0, D.pointsMax));
  const conduct: Obj = {};
  putKnown(rnd, conduct, 'ownFault', rnd.chance(D.conduct.ownFault));
  putKnown(rnd, conduct, 'canSolveWithinThreeMonths', rnd.chance(D.conduct.canSolveWithinThreeMonths));
  putKnown(rnd, conduct, 'rentArrears', rnd.chance(D.conduct.rentArrears));
  putKnown(rnd, conduct, 'nuisance', rnd.chance(D.conduct.nuisance));
  // An object without facts is left out, except a ground: claimed with every fact unknown still counts.
  const c: Obj = {};
  const parts: [string, Obj | undefined][] = [['applicant', applicant], ['household', household], ['income', income], ['residence', residence], ['registration', registration]];
  for (const [key, o] of parts) if (Object.keys(o!).length) c[key] = o;
  if (grounds) c.grounds = grounds;
  if (Object.keys(conduct).length) c.conduct = conduct;
  return c as Case;
}

/** Sets a fact unless it is drawn missing: unknown facts are part of real applications. */
function putKnown(rnd: Random, o: Obj, key: string, value: unknown): void {
  if (rnd.next() >= D.missing) o[key] = value;
}

/** The date of birth of someone who is `age` on the anchor day and had a birthday `sinceBirthday` days before it. */
function dateOfBirthAt(age: number, sinceBirthday: number): string {
  const anchor = D.dateOfBirthAnchor;
  const birthday = addDays(anchor, -sinceBirthday); // the last birthday, within the year before the anchor
  const year = Number(birthday.slice(0, 4)) - age;
  const monthDay = birthday.slice(5);
  // 29 February in a year without it: the day before.
  return monthDay === '02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? `${year}-02-28` : `${year}-${monthDay}`;
}

const logNormal = (rnd: Random, median: number, sigma: number) => median * Math.exp(rnd.normal(0, sigma));
const geometric = (rnd: Random, mean: number) => Math.floor(-Math.log(1 - rnd.next()) * mean);
