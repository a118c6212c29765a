// The scenario report: the one definition of its shape (JSON output, API response); the renderers read it.
import { z } from 'zod';
import { Lang } from '../../engine/decision.ts';

/** A place in the transition matrix: no scheme, not urgent, undetermined, or urgent in one category. */
export const ReportState = z.object({
  id: z.string().describe("'no-scheme', 'not-urgent', 'undetermined' or 'urgent:<category>'"),
  outcome: z.enum(['no-scheme', 'not-urgent', 'undetermined', 'urgent']),
  category: z.string().optional(),
  label: z.string(),
});
export type ReportState = z.infer<typeof ReportState>;

export const Truth = z.enum(['true', 'false', 'unknown']);
const Json = z.unknown();

export const LeafFact = z.object({
  fact: z.string(),
  label: z.string().optional(),
  operator: z.string(),
  factValue: Json.optional().describe('The case value; absent when missing'),
  value: Json.optional().describe('The value compared with; absent when unknown on the date'),
  parameter: z.string().optional(),
  result: Truth,
});
export type LeafFact = z.infer<typeof LeafFact>;

const tested = { id: z.string(), label: z.string(), result: Truth, leaves: z.array(LeafFact) };
export const Decisive = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no-scheme') }),
  z.object({ kind: z.literal('refusal-ground'), ...tested }),
  z.object({ kind: z.literal('category-absent'), category: z.string() }),
  z.object({ kind: z.literal('not-claimed'), category: z.string(), label: z.string(), ground: z.string() }),
  z.object({ kind: z.literal('category'), ...tested }),
  z.object({ kind: z.literal('requirement'), ...tested }),
  z.object({ kind: z.literal('ranking'), category: z.string(), label: z.string(), above: z.string(), aboveLabel: z.string() }),
  z.object({ kind: z.literal('met'), category: z.string(), label: z.string() }),
  z.object({ kind: z.literal('no-ground') }),
]).describe('A condition, requirement or refusal ground that decided the outcome');
export type Decisive = z.infer<typeof Decisive>;

export const Explanation = z.object({
  outcome: z.enum(['urgent', 'not-urgent', 'undetermined', 'no-scheme']),
  category: z.string().optional(),
  refusalGrounds: z.array(z.string()),
  decisive: z.array(Decisive),
});
export type Explanation = z.infer<typeof Explanation>;

const Pair = z.object({ baseline: z.number(), variant: z.number() });

export const Scope = z.object({
  kind: z.enum(['total', 'region', 'municipality']),
  id: z.string(),
  name: z.string(),
  cases: z.int(),
  counts: z.array(z.object({ state: z.string(), baseline: z.int(), variant: z.int() })).describe('Per state, both sides'),
  transitions: z.array(z.object({ from: z.string(), to: z.string(), count: z.int() })).describe('Non-empty cells, diagonal included'),
  urgent: Pair,
  undetermined: Pair,
});
export type Scope = z.infer<typeof Scope>;

export const ExampleCell = z.object({
  from: z.string(),
  to: z.string(),
  count: z.int(),
  cases: z.array(z.object({
    id: z.string(), line: z.int(), municipality: z.string(), baseline: Explanation, variant: Explanation,
  })),
});
export type ExampleCell = z.infer<typeof ExampleCell>;

const ShareSide = z.object({
  urgent: z.number().describe('Expected urgent applicants a year'),
  undetermined: z.number().describe('Expected undetermined applicants a year (urgent at most this many more)'),
  share: z.number().nullable().describe('urgent / vacancies; null without vacancies'),
  overTarget: z.boolean(),
  proportional: z.number().describe("The region's urgent demand split in proportion to vacancies"),
  difference: z.number().describe('urgent − proportional: positive = above its fair share'),
});
export const FairShareRow = z.object({
  id: z.string(), name: z.string(), region: z.string().optional(),
  vacancies: z.int(), target: z.number(), cases: z.int(),
  scale: z.number().nullable().describe('Applications a year per case in the population; null when it cannot be scaled'),
  baseline: ShareSide, variant: ShareSide,
});
export type FairShareRow = z.infer<typeof FairShareRow>;
export const FairShare = z.object({
  year: z.int(), source: z.string(), targetShare: z.number(),
  municipalities: z.array(FairShareRow),
  regions: z.array(FairShareRow),
  missing: z.array(z.string()).describe('Municipalities in the population without vacancy figures'),
});
export type FairShare = z.infer<typeof FairShare>;

const SideSummary = z.object({
  title: z.string(),
  date: z.string(),
  regulations: z.array(z.object({
    municipalities: z.array(z.string()), set: z.string(), title: z.string(), from: z.string(), until: z.string().optional(),
    status: z.enum(['adopted', 'concept']), digest: z.string(),
  })),
  noScheme: z.array(z.string()).describe('Municipalities without an urgentieregeling in force'),
});

export const ScenarioReport = z.object({
  scenario: z.object({ name: z.string(), description: z.string().optional(), date: z.string(), language: Lang }),
  baseline: SideSummary,
  variant: SideSummary,
  population: z.object({ source: z.string(), cases: z.int() }),
  states: z.array(ReportState),
  scopes: z.array(Scope).describe('The region as a whole, each region, each municipality'),
  examples: z.array(ExampleCell).describe('Per changed cell of the total matrix, up to N example cases'),
  fairShare: FairShare.optional(),
}).describe('A voorrang scenario report');
export type ScenarioReport = z.infer<typeof ScenarioReport>;
