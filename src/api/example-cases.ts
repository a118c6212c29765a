// Applicant cases for the OpenAPI examples and the API tests. Invented people, real rules.
// First the cases that Groningen decides under its adopted Huisvestingsverordening 2025 (in force from
// 2025-05-20; on a date from 2026-07-01 the Huisvestingswet as amended by the Wvrv applies to it); then
// one case per statutory category of Hvw art. 12 lid 3 (2026-07-01), in Het Hogeland, whose regulation
// is a concept: no urgentieregeling is in force there (art. 51 lid 10), so those are simulations and
// are evaluated only with `concept: true` (`?concept=true`).
import type { Case } from '../case/schema.ts';

export interface ExampleCase {
  name: string;
  summary: string;
  municipality: string;
  /** Evaluate the municipality's concept (a simulation, not a decision); absent: the adopted version. */
  concept?: boolean;
  case: Case;
  expect: { outcome: 'urgent' | 'not-urgent' | 'undetermined'; category?: string };
}

type Grounds = NonNullable<Case['grounds']>;
type Outflow = NonNullable<Grounds['outflow']>;

/**
 * Meets every general requirement of the model and of Groningen's 2025 verordening and its concept;
 * no refusal ground. Bound to the woningmarktregio: for a statutory category binding may only be asked
 * to the region from 2026-07-01 (Hvw art. 14 lid 6).
 */
const eligible = {
  applicationDate: '2026-09-01',
  applicant: { age: 34, lawfulResidence: true },
  household: { adults: 1, minorChildren: 0 },
  income: { annualHousehold: 24000, netMonthly: 1600 },
  residence: { municipality: 'GM0014', yearsRegistered: 5, housing: 'tenant', yearsIndependent: 6, boundToRegion: true },
  registration: { points: 40 },
  conduct: { ownFault: false, canSolveWithinThreeMonths: false, rentArrears: false, nuisance: false },
} satisfies Case;

const withGrounds = (grounds: Grounds, extra: Partial<Case> = {}): Case => ({ ...eligible, ...extra, grounds });

/** Leaves an institution (Hvw art. 12 lid 3 onder e–h: "verlaten"), ready and with guidance (model criteria). */
const outflow = (from: Outflow['from'], institution: Outflow['institution'], extra: Partial<Case> = {}) =>
  withGrounds(
    { outflow: { from, institution, leaving: true, readyForIndependentLiving: true, guidanceArranged: true } },
    { residence: { ...eligible.residence, housing: 'institution' }, ...extra },
  );

/** Opvang granted for domestic violence or trafficking, and leaving it (letter d); violence confirmed (model). */
const opvangGeweld = (kind: 'huiselijk-geweld' | 'mensenhandel') => withGrounds(
  { opvang: { granted: true, reason: kind, leaving: true }, violence: { kind, confirmed: true } },
  { residence: { ...eligible.residence, housing: 'shelter', yearsRegistered: 0 } },
);

const mantelzorg = withGrounds({ mantelzorg: { role: 'giver', hoursPerWeek: 10, expectedDurationMonths: 24, distanceKm: 12, assessedBySocialTeam: true } });

const statutory: [string, string, Case][] = [
  ['mantelzorg', 'Letter a: gives 10 hours of mantelzorg a week, 12 km away', mantelzorg],
  ['medisch', 'Letter b: serious and chronic medical reasons; independent advice urgent, caused by the dwelling', withGrounds({ medical: { serious: true, chronic: true, independentAdvice: 'urgent', causedByDwelling: true } })],
  ['uitstroom-maatschappelijke-opvang', 'Letter c: opvang granted for homelessness (no leaving needed), ready and with guidance', withGrounds(
    { opvang: { granted: true, reason: 'dakloosheid' }, outflow: { from: 'maatschappelijke-opvang', institution: 'anders', leaving: true, readyForIndependentLiving: true, guidanceArranged: true } },
    { residence: { ...eligible.residence, housing: 'shelter' } },
  )],
  ['huiselijk-geweld', 'Letter d: leaving the opvang granted for domestic violence; registered 0 years, earning above every limit (art. 15 lid 5)', {
    ...opvangGeweld('huiselijk-geweld'), income: { annualHousehold: 60000, netMonthly: 3500 },
  }],
  ['mensenhandel', 'Letter d: leaving the opvang granted to a victim of human trafficking', opvangGeweld('mensenhandel')],
  ['uitstroom-beschermd-wonen', 'Letter e: leaving beschermd wonen, ready and with guidance', outflow('beschermd-wonen', 'anders')],
  ['uitstroom-ggz', 'Letter f: leaving a GGZ institution (Wlz), ready and with guidance', outflow('ggz', 'wlz-ggz')],
  ['uitstroom-jeugdhulp', 'Letter g: 20 years old, leaving a jeugdhulp accommodation, ready and with guidance', outflow('jeugdhulp', 'jeugdwet-accommodatie', {
    applicant: { ...eligible.applicant, age: 20 },
  })],
  ['uitstroom-detentie', 'Letter h: leaving a penitentiaire inrichting, ready and with guidance', outflow('detentie', 'penitentiaire-inrichting')],
  ['uitstroom-uitstapprogramma', 'Letter i: takes part in an exit programme for sex workers', withGrounds({ exitProgramme: { participates: true } })],
  ['dakloos-gezin', 'Letter j: homeless family with two minor children', withGrounds({ homelessFamily: { registeredHomeless: true } }, {
    household: { adults: 1, minorChildren: 2 }, residence: { ...eligible.residence, housing: 'no-fixed-address' },
  })],
];

export const exampleCases: ExampleCase[] = [
  {
    name: 'mantelzorg-groningen', summary: 'Mantelzorg in Groningen (Huisvestingsverordening 2025), bound to the woningmarktregio', municipality: 'GM0014',
    case: mantelzorg, expect: { outcome: 'urgent', category: 'mantelzorg' },
  },
  {
    name: 'weigering-huurachterstand', summary: 'Qualifies for mantelzorg, but has rent arrears', municipality: 'GM0014',
    case: { ...mantelzorg, conduct: { ...eligible.conduct, rentArrears: true } }, expect: { outcome: 'not-urgent' },
  },
  {
    name: 'onbepaald', summary: 'Mantelzorg hours and the social team\'s assessment not yet known', municipality: 'GM0014',
    case: withGrounds({ mantelzorg: { role: 'giver', expectedDurationMonths: 24, distanceKm: 12 } }), expect: { outcome: 'undetermined' },
  },
  {
    name: 'noodsituatie-groningen-2025', summary: 'Groningen 2025 verordening, before the Wvrv: an acute emergency established', municipality: 'GM0014',
    case: withGrounds({ acuteEmergency: { confirmed: true } }, { applicationDate: '2025-06-02' }),
    expect: { outcome: 'urgent', category: 'acute-noodsituatie' },
  },
  ...statutory.map(([category, summary, c]): ExampleCase => ({
    name: category, summary: `${summary} (simulation of a concept)`, municipality: 'GM1966', concept: true,
    case: { ...c, residence: { ...c.residence, municipality: 'GM1966' } },
    expect: { outcome: 'urgent', category },
  })),
];
