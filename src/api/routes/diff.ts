// GET /regulations/{municipalityCode}/diff?against=model|GMxxxx|YYYY-MM-DD&date=YYYY-MM-DD: the semantic
// diff of the municipality's regulation against the model (default), another municipality, or itself on
// another date, as the DiffReport JSON (src/diff/report.ts). Public law, no key.
import type { Router } from 'express';
import { z } from 'zod';
import { IsoDate } from '../../case/schema.ts';
import type { Lang } from '../../engine/decision.ts';
import type { RuleBase } from '../../rulebase/rulebase.ts';
import { diffRegulations, lazyEvaluator } from '../../diff/compare-regulations.ts';
import type { DiffReport } from '../../diff/model/report.ts';
import { resolveComparison } from '../../diff/sides.ts';
import type { EvaluatesUnder } from '../../diff/witness/witnesses.ts';
import { methodNotAllowed } from '../../http/error-handler.ts';
import { sendJson } from '../json-response.ts';
import { problems } from '../../http/problem.ts';
import { parseWith, queryName } from '../validation.ts';

export const DiffQuery = z.object({
  against: z.union([z.literal('model'), z.string().regex(/^GM\d{4}$/), IsoDate]).optional()
    .describe('model (default): the model the municipality builds on; GMxxxx: another municipality; YYYY-MM-DD: the municipality itself on that date'),
  date: IsoDate.optional().describe('Date of the comparison and of the witnesses\' applications; default today'),
  concept: z.enum(['true', 'false']).default('false').transform((v) => v === 'true')
    .describe('true: compare the municipality\'s concept on the date where it has one, instead of its adopted verordening'),
});

/** The app's evaluator when it can evaluate under a given regulation (the real Evaluator can, and shares its compiled engines). */
export const evaluatorUnder = (e: Partial<EvaluatesUnder>): EvaluatesUnder | undefined =>
  typeof e.evaluateUnder === 'function' ? (e as EvaluatesUnder) : undefined;

/** The report the route answers (also run by `npm run openapi` for the document's example). */
export async function diffReport(ruleBase: RuleBase, code: string, q: { against?: string; date: string; concept?: boolean }, lang: Lang, evaluator: EvaluatesUnder): Promise<DiffReport> {
  const { base, subject, baseDate } = resolveComparison(ruleBase, code, q.against, q.date, q.concept);
  return diffRegulations(base, subject, { date: q.date, baseDate, lang, evaluator });
}

export function mountDiff(router: Router, ruleBase: RuleBase, today: () => string, evaluator: EvaluatesUnder = lazyEvaluator()): void {
  router.route('/regulations/:municipalityCode/diff')
    .get(async (req, res) => {
      const lang = res.locals.lang;
      const q = parseWith(DiffQuery, req.query, lang, [], queryName);
      if (!q.ok) throw problems.invalidInput(q.invalidParams);
      const report = await diffReport(ruleBase, req.params.municipalityCode!, { against: q.value.against, date: q.value.date ?? today(), concept: q.value.concept }, lang, evaluator);
      res.locals.log.digest = report.subject.digest;
      sendJson(res, report);
    })
    .all(methodNotAllowed('GET'));
}
