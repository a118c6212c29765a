// Case builders for engine tests: a complete, eligible applicant, with parts overridden per test.
import type { Case } from '../../src/case/schema.ts';

export const eligible: Case = {
  applicationDate: '2026-08-03',
  applicant: { age: 40, lawfulResidence: true },
  household: { adults: 1, minorChildren: 0 },
  income: { annualHousehold: 30000 },
  residence: { municipality: 'GM1966', yearsRegistered: 5, housing: 'tenant' },
  conduct: { ownFault: false, canSolveWithinThreeMonths: false, rentArrears: false, nuisance: false },
};

export const mantelzorg = (over: Partial<NonNullable<NonNullable<Case['grounds']>['mantelzorg']>> = {}): Case => ({
  ...eligible,
  grounds: { mantelzorg: { role: 'giver', hoursPerWeek: 10, expectedDurationMonths: 24, distanceKm: 12, assessedBySocialTeam: true, ...over } },
});

export const domesticViolence: Case = {
  ...eligible,
  residence: { ...eligible.residence, yearsRegistered: 0, housing: 'shelter' },
  grounds: { violence: { kind: 'huiselijk-geweld', confirmed: true, inShelter: true } },
};
