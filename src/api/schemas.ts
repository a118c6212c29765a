// The API's own message shapes (everything that is not a Case or a Decision), as zod schemas: the
// OpenAPI components are generated from them and the TypeScript types inferred, so they cannot drift.
import { z } from 'zod';
import { Case } from '../case/schema.ts';
import { Decision } from '../engine/decision.ts';
import { InvalidParam, ProblemDetails } from '../http/problem.ts';
import { NearestVersion } from '../views/regulation.ts';
import { MAX_BATCH } from './batch-limit.ts';

export { InvalidParam };
export { RegulationDetail, RegulationList, VersionSummary } from '../views/regulation.ts';

export const Problem = ProblemDetails.extend({
  nearestVersions: z.array(NearestVersion).optional()
    .describe('The versions nearest to the date (422 no regulation in force)'),
  legalBasis: z.string().optional()
    .describe('422 no scheme in force: the article that gives the council time to adopt one (Hvw art. 51 lid 10)'),
  concept: z.object({ title: z.string(), validFrom: z.string() }).optional()
    .describe('422 no scheme in force: the concept on that date, which ?concept=true simulates (not a decision)'),
  cost: z.int().optional().describe('422 scenario too large: what the scenario would cost, in rate-limit tokens'),
  maxCost: z.int().optional().describe('422 scenario too large: the most one scenario request may cost, in tokens'),
  leafEvaluationsPerUnit: z.int().optional().describe('422 scenario too large: leaf evaluations (cases × conditions) that cost one token'),
}).describe('RFC 9457 problem details');
export type Problem = z.infer<typeof Problem>;

/** The envelope is checked first so that one bad case does not fail the others. */
export const BatchEnvelope = z.strictObject({ cases: z.array(z.unknown()).min(1).max(MAX_BATCH) });
export const BatchRequest = BatchEnvelope.extend({
  cases: z.array(Case).min(1).max(MAX_BATCH).describe(`1 to ${MAX_BATCH} cases, answered in order`),
});

/** A decision as the API answers it: as the engine's, but without reasoning when ?reasoning=none asked so. */
export const EvaluationDecision = Decision.extend({
  reasoning: Decision.shape.reasoning.optional().describe('Per requirement, category and refusal ground: the three-valued result of every condition, with its article and a sentence. Left out when the request asks ?reasoning=none'),
});
export type EvaluationDecision = z.infer<typeof EvaluationDecision>;

export const BatchResult = z.discriminatedUnion('status', [
  z.object({ index: z.int().min(0), status: z.literal(200), decision: EvaluationDecision }),
  z.object({ index: z.int().min(0), status: z.literal([400, 422]), problem: Problem }),
]).describe('The answer for cases[index]: its decision, or the problem with that case alone');
export type BatchResult = z.infer<typeof BatchResult>;

export const BatchResponse = z.object({
  results: z.array(BatchResult),
  summary: z.object({
    urgent: z.int(), notUrgent: z.int(), undetermined: z.int(), invalid: z.int(), notInForce: z.int(),
  }).describe('Counts over results'),
});
export type BatchResponse = z.infer<typeof BatchResponse>;

export const HorizonWarning = z.object({
  kind: z.enum(['parameter', 'verordening']),
  set: z.string().describe('The rule-file set, or "N regelingen" when a parameter runs out in several (see sets)'),
  sets: z.array(z.string()),
  name: z.string().describe('The parameter\'s name, or the verordening\'s title'),
  lastDay: z.string().describe('Last day with a value (or version in force); nothing is encoded for the day after'),
  message: z.object({ nl: z.string(), en: z.string() }),
}).describe('A parameter value or verordening that runs out within 60 days with nothing after it');

export const Health = z.object({
  status: z.literal('ok'),
  apiVersion: z.string(),
  municipalities: z.int().describe('Municipalities in the loaded rule base'),
  warnings: z.array(HorizonWarning).describe('What runs out within 60 days of today: update the rule base before then'),
});
export type Health = z.infer<typeof Health>;
