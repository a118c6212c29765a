// The decision: what evaluate() returns. Defined once here; its JSON Schema (and the OpenAPI component)
// is generated from it.
import { z } from 'zod';
import { Basis } from '../rulebase/schema.ts';

import { Lang } from '../rulebase/lang.ts';

export { Lang };

/** Three-valued truth of a condition, plus not-evaluated (e.g. a binding requirement the law exempts). */
export const TruthValue = z.enum(['true', 'false', 'unknown', 'not-evaluated']);
export type TruthValue = z.infer<typeof TruthValue>;

const Json = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()])), z.null()]);

export interface ConditionTrace {
  id?: string;
  kind: 'all' | 'any' | 'not' | 'leaf';
  label?: string;
  result: TruthValue;
  citation: string;
  basis?: z.infer<typeof Basis>;
  fact?: string;
  factValue?: z.infer<typeof Json>;
  operator?: string;
  value?: z.infer<typeof Json>;
  parameter?: string;
  sentence?: string;
  children?: ConditionTrace[];
}
export const ConditionTrace: z.ZodType<ConditionTrace> = z.lazy(() => z.object({
  id: z.string().optional(),
  kind: z.enum(['all', 'any', 'not', 'leaf']),
  label: z.string().optional(),
  result: TruthValue,
  citation: z.string().describe('Article reference, e.g. "art. 2.6 lid 1 onder a"'),
  basis: Basis.optional().describe('Legal basis, where it differs from the enclosing node\'s (otherwise inherited)'),
  fact: z.string().optional().describe('Case field read by this condition'),
  factValue: Json.optional().describe('Its value in the case; absent when missing'),
  operator: z.string().optional(),
  value: Json.optional().describe('The value compared to (a parameter\'s value on the application date)'),
  parameter: z.string().optional().describe('Name of the parameter compared to'),
  sentence: z.string().optional().describe('The condition in a sentence the applicant can read'),
  children: z.array(ConditionTrace).optional(),
}));

export const TestTrace = z.object({
  id: z.string(),
  label: z.string(),
  result: TruthValue.describe('For a category: its own conditions AND the general requirements that apply to it'),
  ownResult: TruthValue.optional().describe('For a claimed category: its own conditions alone'),
  note: z.string().optional().describe('Why the result differs from the conditions shown (requirements, binding exemption)'),
  citation: z.string(),
  basis: Basis,
  conditions: ConditionTrace,
});
export type TestTrace = z.infer<typeof TestTrace>;

export const ChainLink = z.object({
  layer: z.enum(['wet', 'model', 'regio', 'gemeente']),
  set: z.string(),
  file: z.string(),
  title: z.string(),
  validFrom: z.string(),
  validUntil: z.string().optional(),
  status: z.enum(['adopted', 'concept']),
  confirmed: z.boolean(),
});

export const RegulationReceipt = z.object({
  municipality: z.object({ code: z.string(), name: z.string(), region: z.string() }).optional()
    .describe('Absent when a model or regional layer was evaluated on its own'),
  set: z.string().describe('The rule-file set resolved, e.g. gemeente/GM0014-groningen'),
  status: z.enum(['adopted', 'concept']).describe('concept: the municipality\'s version is a draft, not adopted law'),
  from: z.string().describe('First day of the period in which this layer chain is in force'),
  until: z.string().optional(),
  selection: z.string().describe('Why this version applies on the date'),
  chain: z.array(ChainLink).describe('Law first, the municipality\'s version last'),
  digest: z.string().describe('sha256 of the resolved rule base: reproduces this decision'),
});

export const MissingFact = z.object({
  fact: z.string().describe('Case field, e.g. grounds.mantelzorg.hoursPerWeek'),
  label: z.string(),
  neededFor: z.array(z.string()).describe('Ids of the categories, requirements or refusal grounds it decides'),
  sentence: z.string(),
});

/** A parameter the regulation has no value for on the application date: the regulation's gap, not the applicant's. */
export const RegulationGap = z.object({
  parameter: z.string().describe('Name of the parameter, e.g. inkomensgrens.eenpersoons'),
  label: z.string().describe('The parameter\'s label'),
  sentence: z.string().describe('E.g. "De inkomensgrens voor 2027 (…) is nog niet in de regeling opgenomen."'),
});

/** A text with the article it rests on. */
const CitedText = z.object({ text: z.string(), citation: z.string() });

export const Decision = z.object({
  outcome: z.enum(['urgent', 'not-urgent', 'undetermined']),
  summary: z.string().describe('One sentence on the outcome; for a simulation, first the sentence that it is one'),
  simulation: z.boolean().describe('true: evaluated under a concept that has not been adopted; not a decision'),
  language: Lang,
  applicationDate: z.string(),
  category: z.object({ id: z.string(), label: z.string(), statutory: z.string().optional(), citation: z.string() }).optional()
    .describe('The category chosen (urgent outcomes)'),
  matchedCategories: z.array(z.object({ id: z.string(), label: z.string(), rank: z.int() })),
  tieBreak: z.string().optional().describe('Why this category was chosen when several matched'),
  refusalGrounds: z.array(z.object({ id: z.string(), label: z.string(), citation: z.string() }))
    .describe('Refusal grounds (weigeringsgronden) that apply'),
  priority: z.object({
    rank: z.int().describe('Rank of the chosen category in the regulation\'s ranking (1 = highest)'),
    aboveRegularDaeb: z.literal(true).describe('Urgent applicants rank above regular DAEB applicants'),
    validFrom: z.string(),
    validUntil: z.string().describe('Application date + validity period'),
    validityMonths: z.number(),
    searchProfile: z.object({ maxRooms: z.int().optional(), label: z.string() }),
    bindingShield: CitedText.optional()
      .describe('Binding priority may not be used against this applicant (Hvw art. 16)'),
    allocationNote: z.string().describe('The corporation\'s own allocation rules still apply when a dwelling is offered'),
  }).optional(),
  provisional: CitedText.optional()
    .describe('A claimed category implements a statutory one whose conditions and refusal grounds are still to be set by ministeriële regeling'),
  missingFacts: z.array(MissingFact).describe('Facts of the applicant that could change the outcome'),
  regulationGaps: z.array(RegulationGap)
    .describe('Parameters the regulation has no value for on the application date, once each (not the applicant\'s missing facts)'),
  reasoning: z.object({
    requirements: z.array(TestTrace),
    categories: z.array(TestTrace),
    refusalGrounds: z.array(TestTrace),
  }),
  regulation: RegulationReceipt,
});
export type Decision = z.infer<typeof Decision>;
