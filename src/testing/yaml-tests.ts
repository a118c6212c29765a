// YAML tests beside the rule files (OpenFisca style): `<validFrom>.test.yaml` holds a list of cases with
// their expected outcome, evaluated against the file set of its folder. Pure apart from the caller's I/O.
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { Case, IsoDate } from '../case/schema.ts';
import { NotInForceError } from '../rulebase/rulebase.ts';
import type { Evaluator } from '../engine/evaluator.ts';
import type { Decision } from '../engine/decision.ts';

export const RuleTest = z.strictObject({
  name: z.string().min(1),
  date: IsoDate.optional().describe('Date whose regulation applies; default the case\'s applicationDate'),
  concept: z.boolean().optional().describe('Simulate the concept on the date; default: the status of the rule file beside the test file'),
  case: Case,
  expect: z.union([
    z.strictObject({
      outcome: z.enum(['urgent', 'not-urgent', 'undetermined']),
      category: z.string().optional(),
      priority: z.strictObject({ rank: z.int().optional(), validUntil: IsoDate.optional(), maxRooms: z.int().optional() }).optional(),
      refusalGrounds: z.array(z.string()).optional().describe('Exact set of refusal grounds that apply'),
      missingFacts: z.array(z.string()).optional().describe('Exact set of missing fact paths'),
      regulationGaps: z.array(z.string()).optional().describe('Exact set of parameters without a value on the date'),
    }),
    z.strictObject({ error: z.literal('not-in-force') }),
  ]),
}).describe('One YAML test of a rule file');
export const RuleTestFile = z.array(RuleTest).describe('A voorrang YAML test file: <validFrom>.test.yaml beside a rule file');
export type RuleTest = z.infer<typeof RuleTest>;

export interface TestOutcome {
  name: string;
  passed: boolean;
  /** What differed, one line each. */
  failures: string[];
}

export interface FileOutcome {
  file: string;
  tests: TestOutcome[];
  /** A file that could not be read as tests at all. */
  error?: string;
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

export function compare(expect: RuleTest['expect'], d: Decision): string[] {
  if ('error' in expect) return [`verwacht: geen regeling van kracht; kreeg uitkomst ${d.outcome}`];
  const f: string[] = [];
  if (d.outcome !== expect.outcome) f.push(`uitkomst: verwacht ${expect.outcome}, kreeg ${d.outcome} (${d.summary})`);
  if (expect.category !== undefined && d.category?.id !== expect.category) f.push(`categorie: verwacht ${expect.category}, kreeg ${d.category?.id ?? 'geen'}`);
  const p = expect.priority;
  if (p?.rank !== undefined && d.priority?.rank !== p.rank) f.push(`rang: verwacht ${p.rank}, kreeg ${d.priority?.rank ?? 'geen'}`);
  if (p?.validUntil !== undefined && d.priority?.validUntil !== p.validUntil) f.push(`geldig tot: verwacht ${p.validUntil}, kreeg ${d.priority?.validUntil ?? 'geen'}`);
  if (p?.maxRooms !== undefined && d.priority?.searchProfile.maxRooms !== p.maxRooms) f.push(`max. kamers: verwacht ${p.maxRooms}, kreeg ${d.priority?.searchProfile.maxRooms ?? 'geen'}`);
  const refusals = d.refusalGrounds.map((g) => g.id);
  if (expect.refusalGrounds && !sameSet(expect.refusalGrounds, refusals)) f.push(`weigeringsgronden: verwacht [${expect.refusalGrounds}], kreeg [${refusals}]`);
  const missing = d.missingFacts.map((m) => m.fact);
  if (expect.missingFacts && !sameSet(expect.missingFacts, missing)) f.push(`ontbrekende gegevens: verwacht [${expect.missingFacts}], kreeg [${missing}]`);
  const gaps = d.regulationGaps.map((g) => g.parameter);
  if (expect.regulationGaps && !sameSet(expect.regulationGaps, gaps)) f.push(`nog niet in de regeling: verwacht [${expect.regulationGaps}], kreeg [${gaps}]`);
  return f;
}

/** Runs one test file (its text) against the file set of its folder, e.g. `gemeente/GM0014-groningen`. */
export async function runTestFile(file: string, text: string, set: string, evaluator: Evaluator, defaults: { concept?: boolean } = {}): Promise<FileOutcome> {
  const parsed = RuleTestFile.safeParse(parseYaml(text));
  if (!parsed.success) return { file, tests: [], error: z.prettifyError(parsed.error) };
  const tests: TestOutcome[] = [];
  for (const t of parsed.data) {
    let failures: string[];
    try {
      failures = compare(t.expect, await evaluator.evaluate(t.case, set, { date: t.date, concept: t.concept ?? defaults.concept }));
    } catch (e) {
      if (!(e instanceof NotInForceError)) throw e;
      failures = 'error' in t.expect ? [] : [`geen regeling van kracht: ${e.message}`];
    }
    tests.push({ name: t.name, passed: failures.length === 0, failures });
  }
  return { file, tests };
}
