// The law-derived tests: every case in test/law/*.test.yaml names the clause of the Huisvestingswet it
// tests, and its expectation follows from that clause, not from our rule files (those have their own
// regression tests beside them, rules/**/<date>.test.yaml). One `it` per case: "<clause>: <name>".
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { Case, IsoDate } from '../../src/case/schema.ts';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { NotInForceError } from '../../src/rulebase/rulebase.ts';
import { Evaluator, type EvaluateOptions } from '../../src/engine/evaluator.ts';
import type { Decision } from '../../src/engine/decision.ts';
import { compare, RuleTest } from '../../src/testing/yaml-tests.ts';

const DIR = new URL('./', import.meta.url);

/** The regulation's own outcome claims (as in the rule files' YAML tests), plus weaker or law-specific ones. */
const Outcome = z.strictObject({
  ...(RuleTest.shape.expect.options[0].shape),
  statutory: z.string().optional().describe('Id of the statutory category the chosen category implements'),
  notCategory: z.string().optional().describe('The category is not among the matched categories'),
  missingFactsInclude: z.array(z.string()).optional().describe('These fact paths are among the missing facts'),
  missingFactsExclude: z.array(z.string()).optional().describe('These fact paths are not among the missing facts'),
  simulation: z.boolean().optional().describe('decision.simulation: a concept was evaluated'),
  regulationTitleIncludes: z.string().optional().describe('The municipality\'s own version (last link of the chain) has this in its title'),
  regulationGapsInclude: z.array(z.string()).optional().describe('Parameters the regulation has no value for on the date'),
  hasRegulationGaps: z.boolean().optional().describe('decision.regulationGaps is not empty'),
  bindingShield: z.boolean().optional().describe('priority.bindingShield is present (Hvw art. 16)'),
  provisional: z.boolean().optional().describe('decision.provisional is present (Hvw art. 12 lid 3, last sentence; art. 13 lid 4)'),
});

const LawCase = z.strictObject({
  name: z.string().min(1),
  clause: z.string().regex(/^Hvw art\. [^,]+, \d{4}-\d{2}-\d{2}\b/, 'names the article and the version date: "Hvw art. 15 lid 5, 2026-07-01"'),
  municipality: z.string().regex(/^GM\d{4}$/).optional(),
  set: z.string().regex(/^(model|regio)\/[a-z0-9-]+$/).optional(),
  date: IsoDate.optional(),
  concept: z.boolean().optional().describe('Evaluate the concept version (a simulation); default false: only adopted law'),
  case: Case,
  expect: z.union([Outcome, z.strictObject({ error: z.literal('not-in-force') })]),
}).refine((c) => (c.municipality === undefined) !== (c.set === undefined), 'give either municipality or set');
type LawCase = z.infer<typeof LawCase>;
type OutcomeExpectation = z.infer<typeof Outcome>;

/**
 * The decision fields this suite reads that the engine adds for issue 15 (simulation, regulationGaps,
 * provisional, priority.bindingShield), read as optional so that a missing field fails the claim that needs it.
 */
type LawDecision = Decision & {
  simulation?: boolean;
  regulationGaps?: { parameter: string }[];
  provisional?: unknown;
  priority?: { bindingShield?: unknown };
};

function failuresOf(e: OutcomeExpectation, d: LawDecision): string[] {
  const { outcome, category, priority, refusalGrounds, missingFacts } = e;
  const f = compare({ outcome, category, priority, refusalGrounds, missingFacts }, d);
  const matched = d.matchedCategories.map((m) => m.id);
  const missing = d.missingFacts.map((m) => m.fact);
  if (e.statutory !== undefined && d.category?.statutory !== e.statutory) f.push(`statutory category: expected ${e.statutory}, got ${d.category?.statutory ?? 'none'}`);
  if (e.notCategory !== undefined && matched.includes(e.notCategory)) f.push(`category ${e.notCategory} matched, expected it not to`);
  for (const fact of e.missingFactsInclude ?? []) if (!missing.includes(fact)) f.push(`missing facts [${missing}] lack ${fact}`);
  for (const fact of e.missingFactsExclude ?? []) if (missing.includes(fact)) f.push(`missing facts [${missing}] list ${fact}`);
  if (e.simulation !== undefined && d.simulation !== e.simulation) f.push(`simulation: expected ${e.simulation}, got ${d.simulation}`);
  const title = d.regulation.chain.at(-1)?.title ?? '';
  if (e.regulationTitleIncludes !== undefined && !title.includes(e.regulationTitleIncludes)) f.push(`regulation: expected a title with "${e.regulationTitleIncludes}", got "${title}"`);
  const gaps = (d.regulationGaps ?? []).map((g) => g.parameter);
  for (const p of e.regulationGapsInclude ?? []) if (!gaps.includes(p)) f.push(`regulation gaps [${gaps}] lack ${p}`);
  if (e.hasRegulationGaps !== undefined && (gaps.length > 0) !== e.hasRegulationGaps) f.push(`regulation gaps: expected ${e.hasRegulationGaps ? 'some' : 'none'}, got [${gaps}]`);
  if (e.bindingShield !== undefined && (d.priority?.bindingShield !== undefined) !== e.bindingShield) f.push(`binding shield (art. 16): expected ${e.bindingShield ? 'one' : 'none'}`);
  if (e.provisional !== undefined && (d.provisional !== undefined) !== e.provisional) f.push(`provisional: expected ${e.provisional ? 'a note' : 'none'}`);
  return f;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.test.yaml')).sort();
// Built on first use, so that a test file that does not parse is reported even when the rule base does not load.
let built: Evaluator | undefined;
const evaluator = (): Evaluator => (built ??= new Evaluator(loadRuleBase()));

it('has law-derived test files', () => expect(files.length).toBeGreaterThan(0));

for (const file of files) {
  const parsed = parseFile(readFileSync(new URL(file, DIR), 'utf8'));
  describe(file, () => {
    if (!parsed.success) {
      it('is a valid law test file', () => expect.fail(parsed.error));
      return;
    }
    const titles = parsed.data.map((c) => `${c.clause}: ${c.name}`);
    it('has unique titles', () => expect(titles.filter((t, i) => titles.indexOf(t) !== i)).toEqual([]));
    for (const c of parsed.data) it(`${c.clause}: ${c.name}`, () => run(c));
  });
}

function parseFile(text: string): { success: true; data: LawCase[] } | { success: false; error: string } {
  let yaml: unknown;
  try {
    yaml = parseYaml(text);
  } catch (e) {
    return { success: false, error: String(e) };
  }
  const parsed = z.array(LawCase).safeParse(yaml);
  return parsed.success ? parsed : { success: false, error: z.prettifyError(parsed.error) };
}

async function run(c: LawCase): Promise<void> {
  const options: EvaluateOptions & { concept?: boolean } = { date: c.date, concept: c.concept ?? false };
  const where = c.municipality ?? c.set!;
  let d: LawDecision | undefined;
  let notInForce: NotInForceError | undefined;
  try {
    d = await evaluator().evaluate(c.case, where, options);
  } catch (e) {
    if (!(e instanceof NotInForceError)) throw e;
    notInForce = e;
  }
  if ('error' in c.expect) {
    if (d) expect.fail(`expected no urgentieregeling in force, got a decision: ${d.summary}`);
    return;
  }
  if (!d) return expect.fail(`expected a decision, got: ${notInForce!.message}`);
  expect(failuresOf(c.expect, d), d.summary).toEqual([]);
}
