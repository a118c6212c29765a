// The scenario file and the vacancies file: the one definition of their shape. schemas/scenario.schema.json
// and schemas/vacancies.schema.json are generated from here (npm run schemas).
import { z } from 'zod';
import { Case, IsoDate } from '../../case/schema.ts';
import { Change } from '../../rulebase/schema.ts';
import { Lang } from '../../engine/decision.ts';
import { keyedRecord } from './keyed-record.ts';

const Code = z.string().regex(/^GM\d{4}$/).describe('CBS municipality code, e.g. GM0014');

/** One side of the comparison: which regulation each case is evaluated under. */
export const Side = z.strictObject({
  title: z.string().min(1).optional().describe('Name of this side in the report'),
  regulation: z.string().regex(/^(in-force|concept|GM\d{4}|[a-z]+\/[a-z0-9-]+)$/).optional()
    .describe("'in-force' (default): each case under the adopted regulation of its own municipality (none: no scheme); 'concept': its concept where there is one, else the adopted one; a GM code or a file set (e.g. model/vng): that regulation (adopted, else its concept) for every case"),
  date: IsoDate.optional().describe('The regulation in force on this date; default the scenario date'),
  ruleFile: z.string().min(1).optional()
    .describe('A rule file (path relative to the scenario file) added to the rule base for this side, e.g. a draft new version of a verordening'),
  changes: z.array(Change).optional()
    .describe('Changes in the change language of a municipal layer, applied over the regulation of every case'),
}).describe('Baseline or variant: a regulation, optionally with a rule file added and changes applied');
export type Side = z.infer<typeof Side>;

export const Scenario = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().min(1),
  description: z.string().optional(),
  date: IsoDate.describe('Regulations in force on this date; also the application date of cases without one'),
  baseline: Side.optional().describe('Default: the regulation in force in each case\'s municipality'),
  variant: Side,
  examples: z.int().min(0).max(50).optional().describe('Example cases per changed transition cell (default 3)'),
  vacancies: z.string().min(1).optional().describe('Vacancies file (path relative to the scenario file) for the fair share'),
  language: Lang.optional().describe('Language of the report (default nl)'),
}).describe('A voorrang scenario: a baseline and a variant compared over a population of cases');
// No zod defaults: the JSON Schema editors use is the input shape, in which these fields are optional.
export type Scenario = z.infer<typeof Scenario>;

/** A scenario with its defaults filled in. */
export type ScenarioSpec = Scenario & { baseline: Side; examples: number; language: z.infer<typeof Lang> };
export const withDefaults = (s: Scenario): ScenarioSpec => ({ ...s, baseline: s.baseline ?? {}, examples: s.examples ?? 3, language: s.language ?? 'nl' });

export const Vacancies = z.strictObject({
  $schema: z.string().optional(),
  year: z.int().describe('The year the figures describe'),
  source: z.string().min(1).describe('Where the figures come from; say so when they are an example'),
  targetShare: z.number().min(0).max(1).describe('Target share of vacancies for urgent applicants (0–1), e.g. the regional agreement'),
  municipalities: keyedRecord(Code, z.strictObject({
    vacancies: z.int().min(0).describe('Social-rental (corporation) vacancies a year'),
    applicationsPerYear: z.int().min(0).optional()
      .describe('Urgency applications a year: scales the population to a year; absent = the population is one year of applications'),
    targetShare: z.number().min(0).max(1).optional().describe('A municipality\'s own target, when it differs'),
  })).describe('Per municipality (CBS code)'),
}).describe('Yearly corporation vacancies per municipality and the target share for urgent applicants');
export type Vacancies = z.infer<typeof Vacancies>;

/** One case of a population, with the municipality whose regulation applies to it. */
export const PopulationRecord = z.strictObject({
  id: z.union([z.string(), z.int()]).optional().describe('Your identifier; default the line number'),
  municipality: Code.optional().describe('Municipality whose regulation applies; default case.residence.municipality'),
  case: Case,
}).describe('One line of an NDJSON population file');
export type PopulationRecord = z.infer<typeof PopulationRecord>;

export interface PopulationRow {
  /** Line in the source (1-based; the CSV header is line 1). */
  line: number;
  id?: string;
  municipality: string;
  case: Case;
}

/** A problem in a population file, named by line and column (CSV header name or JSON path). */
export interface PopulationError {
  line: number;
  column?: string;
  message: string;
}
