// The diff report: what diffRegulations() returns and `voorrang diff --format json` prints. Defined once
// here; its JSON Schema (and the OpenAPI component of GET /v1/regulations/{code}/diff) is generated from it.
// Every sentence in it is already in the report's language; ids and citations stay as in the rule files.
import { z } from 'zod';
import { Case } from '../../case/schema.ts';
import { Lang } from '../../engine/decision.ts';

/** strenger: fewer applicants qualify (or they get less); ruimer: more do; gewijzigd: not decidable. */
export const Direction = z.enum(['stricter', 'looser', 'changed']);
export type Direction = z.infer<typeof Direction>;

export const ChangeKind = z.enum(['added', 'removed', 'changed']);
export type ChangeKind = z.infer<typeof ChangeKind>;

export const Side = z.object({
  set: z.string().describe('Rule-file set, e.g. gemeente/GM0014-groningen or model/vng'),
  municipality: z.object({ code: z.string(), name: z.string() }).optional(),
  name: z.string().describe('How the report names this side, e.g. "Groningen" or "het model"'),
  title: z.string().describe('Title of the own (last) rule file of the chain'),
  date: z.string().describe('The date on which this regulation was taken'),
  from: z.string(),
  until: z.string().optional(),
  status: z.enum(['adopted', 'concept']),
  law: z.string().describe('Title of the law version in force'),
  digest: z.string(),
});
export type Side = z.infer<typeof Side>;

export const DecisionSummary = z.object({
  outcome: z.enum(['urgent', 'not-urgent', 'undetermined']),
  summary: z.string(),
  category: z.object({ id: z.string(), label: z.string() }).optional(),
  validityMonths: z.number().optional(),
  searchProfile: z.string().optional().describe('e.g. "maximaal 3 kamers"'),
});
export type DecisionSummary = z.infer<typeof DecisionSummary>;

export const Witness = z.object({
  keyFacts: z.array(z.string()).describe('The facts of the case that the change turns on, in words'),
  case: Case,
  base: DecisionSummary.describe('The decision under the baseline (against)'),
  subject: DecisionSummary.describe('The decision under the regulation compared'),
});
export type Witness = z.infer<typeof Witness>;

/** Every condition change carries either a witness or the sentence that none was found. */
const witnessed = {
  witness: Witness.optional(),
  noWitness: z.string().optional().describe('"geen onderscheidend geval gevonden" when no case tells the two apart'),
};

export const ConditionChange = z.object({
  kind: ChangeKind,
  direction: Direction,
  description: z.string().describe('The change in domain words, e.g. "Uren mantelzorg per week: minimaal 10 uur/week in plaats van 8 uur/week"'),
  path: z.array(z.string()).describe('Labels of the enclosing condition groups'),
  citation: z.string(),
  parameter: z.string().optional().describe('Set when the change comes from this parameter only (reported in full there)'),
  ...witnessed,
});
export type ConditionChange = z.infer<typeof ConditionChange>;

/** A category, general requirement or refusal ground added, removed or changed. */
export const TestChange = z.object({
  id: z.string(),
  label: z.string(),
  kind: ChangeKind,
  direction: Direction.describe('Added/removed: by kind; changed: the common direction of its changes, else gewijzigd'),
  citation: z.string(),
  statutory: z.string().optional().describe('Statutory category implemented (categories)'),
  details: z.array(z.string()).describe('Other changes in words: label, ground, statutory mapping, binding'),
  conditions: z.array(ConditionChange),
  ...witnessed,
});
export type TestChange = z.infer<typeof TestChange>;

const ParameterValue = z.object({
  value: z.string().describe('The value on the date, formatted; "onbekend" when no dated value holds'),
  raw: z.union([z.number(), z.string(), z.boolean()]).optional(),
  unit: z.string(),
  source: z.string().describe('Legal source, cited'),
});

export const ParameterUse = z.object({
  test: z.string().describe('Label of the category, requirement or refusal ground'),
  condition: z.string(),
  direction: Direction,
  citation: z.string(),
});

export const ParameterChange = z.object({
  name: z.string(),
  label: z.string(),
  kind: ChangeKind,
  direction: Direction.optional().describe('From the conditions that use it; absent for an added or removed parameter'),
  old: ParameterValue.optional(),
  new: ParameterValue.optional(),
  note: z.string().optional(),
  usedBy: z.array(ParameterUse).describe('Conditions (and the validity) whose meaning the change alters'),
});
export type ParameterChange = z.infer<typeof ParameterChange>;

export const ValueChange = z.object({
  description: z.string(),
  direction: Direction,
  citation: z.string(),
  ...witnessed,
});
export type ValueChange = z.infer<typeof ValueChange>;

export const RankingChange = z.object({
  old: z.array(z.string()).describe('Category labels in the baseline order'),
  new: z.array(z.string()),
  moved: z.array(z.string()).describe('Sentences on the categories common to both that changed place'),
  citation: z.string(),
  ...witnessed,
});

export const LawChange = z.object({
  old: z.string(),
  new: z.string(),
  sentences: z.array(z.string()),
});

export const Segment = z.object({ op: z.enum(['equal', 'delete', 'insert']), text: z.string() });
export type Segment = z.infer<typeof Segment>;

export const ArticleChange = z.object({
  id: z.string().describe('Article number in the regulation compared (or the baseline, when removed)'),
  oldId: z.string().optional().describe('Article number in the baseline, when renumbered'),
  title: z.string(),
  kind: ChangeKind,
  summary: z.boolean().describe('true: a summary by this project, not the official text'),
  redline: z.array(Segment).describe('Word-level redline of the text; for a new or removed article one segment'),
});
export type ArticleChange = z.infer<typeof ArticleChange>;

export const Finding = z.object({
  level: z.enum(['error', 'attention']).describe('error: against the law in force; attention: for the council, not an error'),
  kind: z.enum(['mandatory-category-missing', 'forbidden-subject', 'stricter-statutory-category', 'stricter-general-requirement']),
  category: z.string().optional(),
  message: z.string(),
  citation: z.string().describe('The article the finding rests on'),
});
export type Finding = z.infer<typeof Finding>;

export const DiffReport = z.object({
  language: Lang,
  date: z.string().describe('Witnesses are decided as applications on this date, under both regulations'),
  base: Side.describe('The baseline: the model, another municipality, or the same municipality on another date'),
  subject: Side.describe('The regulation compared to the baseline'),
  identical: z.boolean().describe('true: no difference in rules or article texts'),
  summary: z.object({
    stricter: z.int(),
    looser: z.int(),
    changed: z.int(),
    errors: z.int(),
    attention: z.int(),
    witnesses: z.int(),
    withoutWitness: z.int(),
    sentence: z.string(),
  }),
  law: LawChange.optional().describe('Present when the two regulations stand under different law versions'),
  findings: z.array(Finding).describe('Conformance of the regulation compared with the law in force on the date'),
  categories: z.array(TestChange),
  requirements: z.array(TestChange),
  refusalGrounds: z.array(TestChange),
  parameters: z.array(ParameterChange),
  validity: ValueChange.optional(),
  ranking: RankingChange.optional(),
  searchProfile: z.array(ValueChange),
  binding: z.array(ValueChange).describe('Categories on which a binding requirement now does or no longer applies'),
  articles: z.array(ArticleChange),
}).describe('Semantic diff of two resolved urgentieregelingen');
export type DiffReport = z.infer<typeof DiffReport>;
