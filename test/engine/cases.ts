// Case builders for engine tests: a complete, eligible applicant, with parts overridden per test.
// Eligible under the model's general requirements and under the law of 2026-07-01: bound to the
// woningmarktregio, the only binding that may be asked for a statutory category (Hvw art. 14 lid 6).
import type { Case } from '../../src/case/schema.ts';

export const eligible: Case = {
  applicationDate: '2026-08-03',
  applicant: { age: 40, lawfulResidence: true },
  household: { adults: 1, minorChildren: 0 },
  income: { annualHousehold: 30000 },
  residence: { municipality: 'GM1966', yearsRegistered: 5, housing: 'tenant', boundToRegion: true },
  conduct: { ownFault: false, canSolveWithinThreeMonths: false, rentArrears: false, nuisance: false },
};

export const mantelzorg = (over: Partial<NonNullable<NonNullable<Case['grounds']>['mantelzorg']>> = {}): Case => ({
  ...eligible,
  grounds: { mantelzorg: { role: 'giver', hoursPerWeek: 10, expectedDurationMonths: 24, distanceKm: 12, assessedBySocialTeam: true, ...over } },
});

/** Leaves the opvang granted for domestic violence (Hvw art. 12 lid 3 onder d); registered 0 years. */
export const domesticViolence: Case = {
  ...eligible,
  residence: { ...eligible.residence, yearsRegistered: 0, housing: 'shelter' },
  grounds: {
    opvang: { granted: true, reason: 'huiselijk-geweld', leaving: true },
    violence: { kind: 'huiselijk-geweld', confirmed: true },
  },
};
