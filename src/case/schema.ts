// The applicant case: the one definition of its shape. The JSON Schema in schemas/case.schema.json and
// the OpenAPI component are generated from this file; field names are the public contract.
// Every field is optional: a missing fact is allowed and may make the outcome undetermined.
import { z } from 'zod';
import { IsoDate } from '../rulebase/schema.ts';

export { IsoDate };

const yesNo = (description: string) => z.boolean().describe(description);
const count = (description: string) => z.int().min(0).describe(description);
const amount = (description: string) => z.number().min(0).describe(description);

export const Housing = z.enum(['tenant', 'owner', 'living-in', 'institution', 'shelter', 'no-fixed-address']);
export const OutflowFrom = z.enum(['maatschappelijke-opvang', 'beschermd-wonen', 'ggz', 'jeugdhulp', 'detentie']);
/** The kinds of institution that Hvw art. 12 lid 3 onder f, g and h name (2026-07-01), and any other. */
export const Institution = z.enum([
  'wlz-ggz', 'zvw-ggz', 'jeugdwet-accommodatie', 'jeugdwet-gesloten-accommodatie',
  'justitiele-jeugdinrichting', 'penitentiaire-inrichting', 'forensische-zorg', 'anders',
]);
export const ViolenceKind = z.enum(['huiselijk-geweld', 'mensenhandel']);
/** Why opvang (Wmo 2015 art. 1.1.1) was granted: Hvw art. 12 lid 3 onder c (dakloosheid) and d. */
export const OpvangReason = z.enum(['dakloosheid', 'huiselijk-geweld', 'mensenhandel', 'anders']);

export const Case = z.strictObject({
  applicationDate: IsoDate.describe('Date of the urgency application (YYYY-MM-DD)'),
  applicant: z.strictObject({
    age: count('Age of the applicant in years on the reference date (the application date unless the regulation sets another); derived from dateOfBirth when that is given'),
    dateOfBirth: IsoDate.describe('Date of birth; the age on the regulation\'s reference date is derived from it'),
    lawfulResidence: yesNo('The applicant resides lawfully in the Netherlands'),
  }).partial(),
  household: z.strictObject({
    adults: z.int().min(1).describe('Number of adults in the household'),
    minorChildren: count('Number of minor children in the household'),
    partnerAge: count('Age of the partner in years (for an income limit that depends on pension age)'),
  }).partial(),
  income: z.strictObject({
    annualHousehold: amount('Household income in euro per year'),
    netMonthly: amount('Net household income in euro per month (municipal extension, used by GM0014)'),
  }).partial(),
  residence: z.strictObject({
    municipality: z.string().regex(/^GM\d{4}$/).describe('CBS code of the municipality of residence'),
    yearsRegistered: amount('Years registered (BRP) in the target municipality'),
    housing: Housing.describe('Current housing situation'),
    yearsIndependent: amount('Years living independently (municipal extension, used by GM0014)'),
    boundToRegion: yesNo('Economically or socially bound to the woningmarktregio (Hvw art. 14 lid 4 and 6); the region is not yet designated (art. 3 lid 6)'),
  }).partial(),
  registration: z.strictObject({
    points: count('Points (e.g. WoningNet registration time) in the allocation system (municipal extension, used by GM0014)'),
  }).partial(),
  grounds: z.strictObject({
    mantelzorg: z.strictObject({
      role: z.enum(['giver', 'receiver']).describe('Gives or receives mantelzorg'),
      hoursPerWeek: amount('Hours of mantelzorg per week'),
      expectedDurationMonths: amount('Expected duration of the care in months'),
      distanceKm: amount('Current distance between giver and receiver in km'),
      assessedBySocialTeam: yesNo('The need for care was assessed by the sociaal team (Wmo)'),
    }).partial(),
    medical: z.strictObject({
      serious: yesNo('The medical reasons are serious (ernstig; Hvw art. 12 lid 3 onder b)'),
      chronic: yesNo('The medical reasons are chronic (chronisch; Hvw art. 12 lid 3 onder b)'),
      independentAdvice: z.enum(['urgent', 'not-urgent']).describe('Outcome of the independent medical advice'),
      causedByDwelling: yesNo('The current dwelling causes or worsens the medical problem'),
    }).partial(),
    outflow: z.strictObject({
      from: OutflowFrom.describe('The kind of care or institution the applicant leaves'),
      institution: Institution.describe('The institution as the law names it (Hvw art. 12 lid 3 onder f, g, h)'),
      leaving: yesNo('Leaves the institution (on the reference date); derived from leavingDate when that is given'),
      leavingDate: IsoDate.describe('Date on which the applicant leaves or left the institution'),
      readyForIndependentLiving: yesNo('Assessed as ready to live independently'),
      guidanceArranged: yesNo('Guidance (begeleiding) after the move is arranged'),
    }).partial(),
    opvang: z.strictObject({
      granted: yesNo('A voorziening voor opvang (Wmo 2015 art. 1.1.1) was granted to the applicant'),
      reason: OpvangReason.describe('Why the opvang was granted'),
      leaving: yesNo('Leaves the opvang (on the reference date); derived from leavingDate when that is given'),
      leavingDate: IsoDate.describe('Date on which the applicant leaves or left the opvang'),
    }).partial(),
    violence: z.strictObject({
      kind: ViolenceKind.describe('Kind of violence'),
      confirmed: yesNo('Confirmed by the shelter, Veilig Thuis or the police'),
    }).partial(),
    exitProgramme: z.strictObject({
      participates: yesNo('Takes part in a government programme for sex workers to exit the sex industry (Hvw art. 12 lid 3 onder i)'),
    }).partial(),
    homelessFamily: z.strictObject({
      registeredHomeless: yesNo('Registered as homeless with the municipality'),
    }).partial(),
    acuteEmergency: z.strictObject({
      confirmed: yesNo('An acute emergency (noodsituatie) was established (municipal extension, used by GM0014)'),
    }).partial(),
  }).partial(),
  conduct: z.strictObject({
    ownFault: yesNo('The situation is the applicant\'s own fault (verwijtbaar) or was foreseeable'),
    canSolveWithinThreeMonths: yesNo('The applicant can solve the problem within three months or otherwise'),
    rentArrears: yesNo('The applicant has rent arrears'),
    nuisance: yesNo('The applicant caused nuisance (overlast) or was evicted for it'),
  }).partial(),
}).partial().describe('An applicant case for the urgentieregeling');

export type Case = z.infer<typeof Case>;

/** Every leaf field of the case as a dotted path, e.g. `grounds.mantelzorg.hoursPerWeek`, with its schema. */
export const caseFields: ReadonlyMap<string, z.ZodType> = (() => {
  const fields = new Map<string, z.ZodType>();
  const walk = (schema: z.ZodType, prefix: string): void => {
    const inner = schema instanceof z.ZodOptional ? schema.unwrap() as z.ZodType : schema;
    if (inner instanceof z.ZodObject) {
      for (const [key, child] of Object.entries(inner.shape)) walk(child as z.ZodType, prefix ? `${prefix}.${key}` : key);
    } else {
      fields.set(prefix, inner);
    }
  };
  walk(Case, '');
  return fields;
})();
