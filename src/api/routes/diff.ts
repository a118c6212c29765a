// GET /regulations/{municipalityCode}/diff?against=model|GMxxxx|YYYY-MM-DD&date=YYYY-MM-DD: the semantic
// diff of the municipality's regulation against the model (default), another municipality, or itself on
// another date, as the DiffReport JSON (src/diff/report.ts). Public law, no key. Owned by the diff issue.
import type { Router } from 'express';
import { z } from 'zod';
import { IsoDate } from '../../case/schema.ts';
import type { RuleBase } from '../../rulebase/rulebase.ts';
import { diffRegulations, lazyEvaluator } from '../../diff/compare-regulations.ts';
import { resolveComparison } from '../../diff/sides.ts';
import type { EvaluatesUnder } from '../../diff/witnesses.ts';
import { methodNotAllowed } from '../error-handler.ts';
import { problems } from '../problem.ts';
import { parseWith, queryName } from '../validation.ts';

export const DiffQuery = z.object({
  against: z.union([z.literal('model'), z.string().regex(/^GM\d{4}$/), IsoDate]).optional()
    .describe('model (default): the model the municipality builds on; GMxxxx: another municipality; YYYY-MM-DD: the municipality itself on that date'),
  date: IsoDate.optional().describe('Date of the comparison and of the witnesses\' applications; default today'),
});

export function mountDiff(router: Router, ruleBase: RuleBase, today: () => string, evaluator: EvaluatesUnder = lazyEvaluator()): void {
  router.route('/regulations/:municipalityCode/diff')
    .get(async (req, res) => {
      const lang = res.locals.lang;
      const q = parseWith(DiffQuery, req.query, lang, [], queryName);
      if (!q.ok) throw problems.invalidInput(q.invalidParams);
      const date = q.value.date ?? today();
      const { base, subject, baseDate } = resolveComparison(ruleBase, req.params.municipalityCode!, q.value.against, date);
      res.locals.log.digest = subject.digest;
      res.json(await diffRegulations(base, subject, { date, baseDate, lang, evaluator }));
    })
    .all(methodNotAllowed('GET'));
}
