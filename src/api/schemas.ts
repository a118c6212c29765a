// The API's own message shapes (everything that is not a Case or a Decision), as zod schemas: the
// OpenAPI components are generated from them and the TypeScript types inferred, so they cannot drift.
import { z } from 'zod';
import { Case, IsoDate } from '../case/schema.ts';
import { ChainLink, Decision } from '../engine/decision.ts';
import { Regulation, Statute } from '../rulebase/schema.ts';
import { InvalidParam, ProblemDetails } from '../http/problem.ts';
import { MAX_BATCH } from './batch-limit.ts';

export { InvalidParam };

export const VersionSummary = z.object({
  validFrom: IsoDate.describe('First day on which this version of the layer chain is in force'),
  validUntil: IsoDate.optional().describe('Last day; absent = open-ended'),
  status: z.enum(['adopted', 'concept']).describe('concept: the municipality\'s version is a draft, not adopted law'),
  title: z.string().describe('Title of the municipality\'s own regulation in this version'),
  digest: z.string().describe('sha256 of the resolved rule base of this version'),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

export const Problem = ProblemDetails.extend({
  nearestVersions: z.array(VersionSummary.extend({ relation: z.enum(['previous', 'next']) })).optional()
    .describe('The versions nearest to the date (422 no regulation in force)'),
}).describe('RFC 9457 problem details');
export type Problem = z.infer<typeof Problem>;

const MunicipalityRef = z.object({ code: z.string().regex(/^GM\d{4}$/), name: z.string() });

export const RegulationList = z.object({
  date: IsoDate.describe('The date on which inForce is judged (the query parameter, default today)'),
  municipalities: z.array(MunicipalityRef.extend({
    region: z.object({ id: z.string(), name: z.string() }),
    versions: z.array(VersionSummary.extend({ inForce: z.boolean().describe('In force on date') })),
  })),
});
export type RegulationList = z.infer<typeof RegulationList>;

const ParameterValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const RegulationDetail = z.object({
  municipality: MunicipalityRef.extend({ region: z.string() }),
  date: IsoDate.describe('The date asked for'),
  ...VersionSummary.shape,
  chain: z.array(ChainLink).describe('Layer chain, law first, the municipality\'s version last'),
  parameterValues: z.record(z.string(), ParameterValue)
    .describe('Value of every parameter on date (null: no dated value applies); definitions and sources in regulation.parameters'),
  provenance: z.record(z.string(), z.string()).describe('Node (e.g. category/mantelzorg) → rule file that last set it'),
  statute: Statute.describe('What the law in force demands of the regulation'),
  regulation: Regulation.describe('The resolved regulation: parameters, requirements, refusal grounds, categories with legal basis and labels, ranking, validity, search profile, articles'),
});
export type RegulationDetail = z.infer<typeof RegulationDetail>;

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

export const Health = z.object({
  status: z.literal('ok'),
  apiVersion: z.string(),
  municipalities: z.int().describe('Municipalities in the loaded rule base'),
});
export type Health = z.infer<typeof Health>;
