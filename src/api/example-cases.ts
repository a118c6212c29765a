// Applicant cases for the OpenAPI examples and the API tests: one per statutory category, plus a
// refusal, an undetermined case and Groningen's 2019 acute-emergency test. Invented people, real rules.
import type { Case } from '../case/schema.ts';

export interface ExampleCase {
  name: string;
  summary: string;
  municipality: string;
  case: Case;
  expect: { outcome: 'urgent' | 'not-urgent' | 'undetermined'; category?: string };
}

/** Meets every general requirement of the model and of Groningen's 2026 concept; no refusal ground. */
const eligible = {
  applicationDate: '2026-09-01',
  applicant: { age: 34, lawfulResidence: true },
  household: { adults: 1, minorChildren: 0 },
  income: { annualHousehold: 24000, netMonthly: 1600 },
  residence: { municipality: 'GM0014', yearsRegistered: 5, housing: 'tenant', yearsIndependent: 6 },
  registration: { points: 40 },
  conduct: { ownFault: false, canSolveWithinThreeMonths: false, rentArrears: false, nuisance: false },
} satisfies Case;

const withGrounds = (grounds: Case['grounds'], extra: Partial<Case> = {}): Case => ({ ...eligible, ...extra, grounds });

const outflow = (from: NonNullable<NonNullable<Case['grounds']>['outflow']>['from']) =>
  withGrounds({ outflow: { from, readyForIndependentLiving: true, guidanceArranged: true } }, { residence: { ...eligible.residence, housing: 'institution' } });

const statutory: [string, string, Case][] = [
  ['mantelzorg', 'Gives 10 hours of mantelzorg a week, 12 km away', withGrounds({ mantelzorg: { role: 'giver', hoursPerWeek: 10, expectedDurationMonths: 24, distanceKm: 12, assessedBySocialTeam: true } })],
  ['medisch', 'Independent medical advice: urgent, caused by the dwelling', withGrounds({ medical: { independentAdvice: 'urgent', causedByDwelling: true } })],
  ['huiselijk-geweld', 'Confirmed domestic violence, staying in a shelter', withGrounds({ violence: { kind: 'huiselijk-geweld', confirmed: true, inShelter: true } }, { residence: { ...eligible.residence, housing: 'shelter', yearsRegistered: 0 } })],
  ['mensenhandel', 'Confirmed victim of human trafficking', withGrounds({ violence: { kind: 'mensenhandel', confirmed: true, inShelter: true } }, { residence: { ...eligible.residence, housing: 'shelter' } })],
  ['uitstroom-maatschappelijke-opvang', 'Leaving maatschappelijke opvang, ready and with guidance', outflow('maatschappelijke-opvang')],
  ['uitstroom-beschermd-wonen', 'Leaving beschermd wonen, ready and with guidance', outflow('beschermd-wonen')],
  ['uitstroom-ggz', 'Leaving a GGZ institution, ready and with guidance', outflow('ggz')],
  ['uitstroom-jeugdhulp', 'Leaving jeugdhulp with residence, ready and with guidance', outflow('jeugdhulp')],
  ['uitstroom-detentie', 'Leaving detention, ready and with guidance', outflow('detentie')],
  ['uitstroom-uitstapprogramma', 'Leaving prostitution through an exit programme', outflow('uitstapprogramma')],
  ['dakloos-gezin', 'Homeless family with two minor children', withGrounds({ homelessFamily: { registeredHomeless: true } }, {
    household: { adults: 1, minorChildren: 2 }, residence: { ...eligible.residence, housing: 'no-fixed-address' },
  })],
];

export const exampleCases: ExampleCase[] = [
  ...statutory.map(([category, summary, c]): ExampleCase => ({
    name: category, summary, municipality: 'GM1966', case: { ...c, residence: { ...c.residence, municipality: 'GM1966' } },
    expect: { outcome: 'urgent', category },
  })),
  {
    name: 'mantelzorg-groningen', summary: 'Mantelzorg in Groningen (2026 concept)', municipality: 'GM0014',
    case: statutory[0]![2], expect: { outcome: 'urgent', category: 'mantelzorg' },
  },
  {
    name: 'weigering-huurachterstand', summary: 'Qualifies for mantelzorg, but has rent arrears', municipality: 'GM0014',
    case: { ...statutory[0]![2], conduct: { ...eligible.conduct, rentArrears: true } }, expect: { outcome: 'not-urgent' },
  },
  {
    name: 'onbepaald', summary: 'Mantelzorg hours and the social team\'s assessment not yet known', municipality: 'GM0014',
    case: withGrounds({ mantelzorg: { role: 'giver', expectedDurationMonths: 24, distanceKm: 12 } }), expect: { outcome: 'undetermined' },
  },
  {
    name: 'noodsituatie-groningen-2019', summary: 'Groningen 2019: an acute emergency established', municipality: 'GM0014',
    case: withGrounds({ acuteEmergency: { confirmed: true } }, { applicationDate: '2025-03-01', income: { annualHousehold: 24000, netMonthly: 1600 } }),
    expect: { outcome: 'urgent' },
  },
];
