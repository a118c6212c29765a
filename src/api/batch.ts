// A batch: every case validated and evaluated on its own, so one bad case does not fail the others.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Case } from '../case/schema.ts';
import type { Decision, Lang } from '../engine/decision.ts';
import { NotInForceError } from '../rulebase/rulebase.ts';
import { notInForce } from './rulebase-problems.ts';
import { problems } from '../http/problem.ts';
import { answer, type Reasoning } from './reasoning.ts';
import type { BatchResponse, BatchResult } from './schemas.ts';
import { parseWith } from './validation.ts';

/** What the API needs of the engine (src/engine/evaluator.ts). */
export interface Evaluates {
  evaluate(c: Case, municipality: string, options?: { date?: string; lang?: Lang; concept?: boolean }): Promise<Decision>;
}

/** Between chunks the event loop gets a turn, so a big batch does not stall other callers. */
const CHUNK = 50;

export async function evaluateBatch(evaluator: Evaluates, municipality: string, cases: unknown[], lang: Lang, reasoning: Reasoning = 'full', concept = false): Promise<BatchResponse> {
  const results: BatchResult[] = [];
  for (const [index, input] of cases.entries()) {
    if (index > 0 && index % CHUNK === 0) await yieldToEventLoop();
    results.push(await evaluateOne(evaluator, municipality, input, index, lang, reasoning, concept));
  }
  return { results, summary: summarize(results) };
}

async function evaluateOne(evaluator: Evaluates, municipality: string, input: unknown, index: number, lang: Lang, reasoning: Reasoning, concept: boolean): Promise<BatchResult> {
  const parsed = parseWith(Case, input, lang, ['cases', index]);
  if (!parsed.ok) return { index, status: 400, problem: problems.invalidInput(parsed.invalidParams).render(lang) };
  try {
    return { index, status: 200, decision: answer(await evaluator.evaluate(parsed.value, municipality, { lang, concept }), reasoning) };
  } catch (e) {
    // Cases may have different application dates: one outside every version fails alone.
    if (e instanceof NotInForceError) return { index, status: 422, problem: notInForce(e).render(lang) };
    throw e;
  }
}

function summarize(results: BatchResult[]): BatchResponse['summary'] {
  const s = { urgent: 0, notUrgent: 0, undetermined: 0, invalid: 0, notInForce: 0 };
  for (const r of results) {
    if (r.status !== 200) r.status === 400 ? s.invalid++ : s.notInForce++;
    else if (r.decision.outcome === 'urgent') s.urgent++;
    else if (r.decision.outcome === 'not-urgent') s.notUrgent++;
    else s.undetermined++;
  }
  return s;
}
