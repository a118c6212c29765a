// The rule-file format: the one definition. schemas/rulefile.schema.json is generated from it (npm run
// schemas; a test fails when it is stale), ajv validates every file against that JSON Schema on load,
// and the TypeScript types below are inferred from the same definition.
import { z } from 'zod';
import { UNIT_NAMES, unitsDescription } from './units.ts';

export const IsoDate = z.iso.date().describe('Datum als YYYY-MM-DD');

/** A text in Dutch and English: labels, explanations, reasons. */
export const Text = z.strictObject({ nl: z.string().min(1), en: z.string().min(1) });

/** The legal basis of a node: where in which regulation it stands. */
export const Basis = z.strictObject({
  regulation: z.string().optional().describe('Regulation cited; defaults to the title of the rule file'),
  article: z.string().describe('Article number, e.g. "12" or "2.6"'),
  lid: z.union([z.string(), z.int()]).optional(),
  letter: z.string().optional(),
  url: z.url().optional(),
  confirmed: z.boolean().optional().describe('false: not confirmed in the official source (see law.md)'),
  note: z.string().optional(),
}).describe('Legal basis: {regulation, article, lid, letter, url}');

/** A value that stands for a named parameter of the regulation, e.g. `{ param: mantelzorg.minUrenPerWeek }`. */
export const ParamRef = z.strictObject({ param: z.string().min(1) }).describe('Reference to a parameter by name');

const Scalar = z.union([z.string(), z.number(), z.boolean()]);

export const Operator = z.enum([
  'equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn',
]);

/**
 * An explanation template, rendered into the sentence an applicant reads. Placeholders: {fact} the case
 * value, {value} the value compared to (a parameter's value), {unit}. A string serves every result; an
 * object gives a sentence per result (met / notMet, optionally unknown).
 */
const Template = z.union([
  z.string().min(1),
  z.strictObject({ met: z.string().min(1), notMet: z.string().min(1), unknown: z.string().min(1).optional() }),
]);
export const Explain = z.strictObject({ nl: Template, en: Template });

/** Annotations every condition node may carry. */
const annotations = {
  id: z.string().optional(),
  label: Text.optional(),
  basis: Basis.optional().describe('Legal basis; inherited from the enclosing node when absent'),
};

/**
 * What a requirement (or one of its leaves) asks about, where the law limits what may be asked of the
 * statutory categories: binding (Hvw art. 14 lid 6), income (art. 15 lid 5), housing history (art. 15 lid 3).
 */
export const Subject = z.enum(['binding', 'income', 'housing-history']);
export type Subject = z.infer<typeof Subject>;

export const Leaf = z.strictObject({
  ...annotations,
  fact: z.string().min(1).describe('Dotted path of a case field, e.g. grounds.mantelzorg.hoursPerWeek'),
  operator: Operator,
  value: z.union([Scalar, z.array(Scalar), ParamRef]),
  explain: Explain.optional(),
  subject: Subject.optional().describe('What this condition asks about, where the law limits it'),
});
export type Leaf = z.infer<typeof Leaf>;

export type Condition =
  | Leaf
  | ({ all: Condition[] } & Annotations)
  | ({ any: Condition[] } & Annotations)
  | ({ not: Condition } & Annotations);
type Annotations = { id?: string; label?: z.infer<typeof Text>; basis?: z.infer<typeof Basis> };

export const Condition: z.ZodType<Condition> = z.lazy(() => z.union([
  Leaf,
  z.strictObject({ ...annotations, all: z.array(Condition).min(1) }),
  z.strictObject({ ...annotations, any: z.array(Condition).min(1) }),
  z.strictObject({ ...annotations, not: Condition }),
])).describe('A json-rules-engine condition (all/any/not or fact/operator/value), annotated');

const Id = z.string().regex(/^[a-z][a-z0-9-]*$/).describe('kebab-case identifier');
// Names of an object's own machinery are refused: a parameter lookup must never find Object.prototype's.
const ParamName = z.string().regex(/^(?!(?:constructor|prototype)$)[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/)
  .describe('Dotted name, e.g. mantelzorg.minimumUrenPerWeek (not constructor or prototype)');

/** A parameter's unit: it fixes the value's type and natural range (src/rulebase/units.ts). */
export const Unit = z.enum(UNIT_NAMES).describe(`The unit, which fixes type and range: ${unitsDescription()}`);

export const DatedValue = z.strictObject({ from: IsoDate, until: IsoDate.optional(), value: z.number() });

export const Parameter = z.strictObject({
  label: Text,
  unit: Unit,
  min: z.number().optional().describe("Narrows the unit's range: the lowest value allowed"),
  max: z.number().optional().describe("Narrows the unit's range: the highest value allowed"),
  basis: Basis,
  value: Scalar.optional().describe("Checked against the unit's type and range (and min/max) on load"),
  values: z.array(DatedValue).min(1).optional()
    .describe('Dated values; the one whose [from, until] holds the application date applies, none → unknown'),
  confirmed: z.boolean().optional(),
  note: z.string().optional(),
});
export type Parameter = z.infer<typeof Parameter>;

/** A named test with a condition: a general requirement, a refusal ground or (extended) a category. */
const testFields = {
  id: Id,
  label: Text,
  description: Text.optional(),
  basis: Basis,
  conditions: Condition,
};
export const Requirement = z.strictObject({
  ...testFields,
  subject: Subject.optional().describe('binding, income or housing-history: not applied where the law forbids it'),
  statutoryOnly: z.boolean().optional().describe('Applies only to categories that implement a statutory category'),
});
export const RefusalGround = z.strictObject(testFields);
export const Category = z.strictObject({
  ...testFields,
  statutory: z.string().optional().describe('Id of the statutory category (law layer) this category implements'),
  ground: z.string().optional()
    .describe('Case object by which an applicant claims this category, e.g. grounds.mantelzorg: absent → not claimed'),
});
export type Requirement = z.infer<typeof Requirement>;
export type RefusalGround = z.infer<typeof RefusalGround>;
export type Category = z.infer<typeof Category>;

export const Article = z.strictObject({
  id: z.string().describe('Article number, e.g. "2.6"'),
  title: Text,
  text: z.string().min(1).describe('Article text (Dutch)'),
  summary: z.boolean().describe('true: our own summary, not the official text'),
  url: z.url().optional(),
});
export type Article = z.infer<typeof Article>;

export const SearchProfile = z.strictObject({
  basis: Basis,
  rows: z.array(z.strictObject({
    minorChildren: z.int().min(0).describe('Applies from this number of minor children up to the next row'),
    maxRooms: z.int().min(1).optional().describe('Maximum number of rooms; absent = no maximum'),
    label: Text,
  })).min(1),
});

/** A full regulation text: the model, or a municipality's own text that does not build on the model. */
export const Regulation = z.strictObject({
  parameters: z.record(ParamName, Parameter),
  requirements: z.array(Requirement),
  refusalGrounds: z.array(RefusalGround),
  categories: z.array(Category),
  ranking: z.strictObject({ basis: Basis, order: z.array(Id) }).describe('Tie-break: first category in this order wins'),
  validity: z.strictObject({ param: ParamName, basis: Basis }).describe('Validity period of the declaration, months'),
  searchProfile: SearchProfile,
  articles: z.array(Article),
});
export type Regulation = z.infer<typeof Regulation>;

/** A category the law makes mandatory, with the law's own minimum conditions (lower layers may add, not widen). */
export const StatutoryCategory = z.strictObject({
  id: Id,
  letter: z.string().regex(/^[a-z]$/).optional().describe('Its letter in the article, e.g. d for art. 12 lid 3 onder d'),
  label: Text,
  basis: Basis,
  text: z.string().min(1).optional().describe('The statutory text of the category, verbatim'),
  conditions: Condition.optional()
    .describe('What the law itself requires; AND-ed into every category that implements it'),
});
export type StatutoryCategory = z.infer<typeof StatutoryCategory>;

const CategoryIds = z.array(Id).min(1);

/** What the law demands of every urgentieregeling in force under it. */
export const Statute = z.strictObject({
  schemeMandatory: z.boolean().describe('true: every municipality must have an urgentieregeling'),
  transition: z.strictObject({
    basis: Basis,
    deadline: IsoDate.optional().describe('The date by which a council must comply; absent = not yet set'),
    note: z.string().optional(),
  }).optional().describe('Until when a council may be without a (conforming) scheme, e.g. Hvw art. 51 lid 10'),
  categories: z.array(StatutoryCategory).describe('Mandatory categories'),
  exemptions: z.array(z.strictObject({
    subject: Subject,
    categories: CategoryIds.optional().describe('Statutory categories exempted; absent = every statutory category'),
    basis: Basis,
  })).describe('What may not be asked of which statutory categories (requirements with that subject do not apply)'),
  regionalBinding: z.strictObject({
    requirement: Requirement.describe('Replaces a binding requirement for the statutory categories'),
  }).optional().describe('Binding may be asked of statutory categories only to the woningmarktregio (Hvw art. 14 lid 6)'),
  bindingShield: z.array(z.strictObject({ category: Id, basis: Basis }))
    .describe('Statutory categories against which binding priority may not be used (Hvw art. 16)'),
  provisional: z.strictObject({ basis: Basis, note: Text }).optional()
    .describe('Conditions and refusal grounds for the statutory categories are still to be set by ministeriële regeling'),
  articles: z.array(Article),
});
export type Statute = z.infer<typeof Statute>;

// The change language: what a lower layer (and a scenario variant) may declare over its parent.
const change = <O extends string, T extends z.ZodRawShape>(op: O, shape: T) =>
  z.strictObject({ op: z.literal(op), basis: Basis, reason: Text.optional(), ...shape });
export const Change = z.discriminatedUnion('op', [
  change('setParameter', {
    parameter: ParamName, value: Scalar.optional(), values: z.array(DatedValue).min(1).optional(),
    unit: Unit.optional(),
  }),
  change('addParameter', { parameter: ParamName, definition: Parameter }),
  change('addCategory', { category: Category }),
  change('removeCategory', { category: Id }),
  change('updateCategory', { category: Id, label: Text.optional(), description: Text.optional() }),
  change('tightenCategory', { category: Id, conditions: Condition }),
  change('replaceCategoryConditions', { category: Id, conditions: Condition }),
  change('addRequirement', { requirement: Requirement }),
  change('removeRequirement', { requirement: Id }),
  change('replaceRequirement', { requirement: Requirement }),
  change('addRefusalGround', { refusalGround: RefusalGround }),
  change('removeRefusalGround', { refusalGround: Id }),
  change('setArticle', { article: Article }),
  change('setRanking', { order: z.array(Id) }),
  change('setSearchProfile', { searchProfile: SearchProfile }),
]);
export type Change = z.infer<typeof Change>;

export const Layer = z.enum(['wet', 'model', 'regio', 'gemeente']);
export type Layer = z.infer<typeof Layer>;

export const RuleFile = z.strictObject({
  $schema: z.string().optional(),
  layer: Layer,
  jurisdiction: z.string().describe('wet/model: the file set name; regio: region id; gemeente: CBS code GMxxxx'),
  title: z.string().describe('Citation title of this version, e.g. "Huisvestingsverordening Groningen 2019"'),
  validFrom: IsoDate,
  validUntil: IsoDate.optional(),
  status: z.enum(['adopted', 'concept']).describe('concept: a draft, not adopted law'),
  confirmed: z.boolean().optional().describe('false: entry into force or content not confirmed'),
  source: z.strictObject({ url: z.url().optional(), note: z.string().optional() }).optional(),
  extends: z.string().optional().describe('Parent file set, e.g. model/vng; the version in force on the date applies'),
  statute: Statute.optional().describe('Law layer only'),
  regulation: Regulation.optional().describe('A full text (when the parent is the law)'),
  changes: z.array(Change).optional().describe('Declared changes over the parent'),
}).describe('A voorrang rule file: one version of one layer of the urgentieregeling');
export type RuleFile = z.infer<typeof RuleFile>;
