// Public: which regulations exist, and the resolved regulation in force on a date. Public law, no key.
import type { Request, Router } from 'express';
import { z } from 'zod';
import { IsoDate } from '../../case/schema.ts';
import type { RuleBase } from '../../rulebase/rulebase.ts';
import { methodNotAllowed } from '../../http/error-handler.ts';
import { sendJson } from '../json-response.ts';
import { problems } from '../../http/problem.ts';
import { regulationDetail, regulationList } from '../../views/regulation.ts';
import { parseWith, queryName } from '../validation.ts';

const DateQuery = z.object({ date: IsoDate.optional() });

/** The ?date= of the request, default today. */
export function dateParam(today: () => string): (req: Request, lang: 'nl' | 'en') => string {
  return (req, lang) => {
    const q = parseWith(DateQuery, req.query, lang, [], queryName);
    if (!q.ok) throw problems.invalidInput(q.invalidParams);
    return q.value.date ?? today();
  };
}

export function mountRegulations(router: Router, ruleBase: RuleBase, today: () => string): void {
  const dateOf = dateParam(today);

  router.route('/regulations')
    .get((req, res) => {
      sendJson(res, regulationList(ruleBase, dateOf(req, res.locals.lang)));
    })
    .all(methodNotAllowed('GET'));

  router.route('/regulations/:municipalityCode')
    .get((req, res) => {
      const date = dateOf(req, res.locals.lang);
      const code = req.params.municipalityCode!;
      const p = ruleBase.regulationOn(code, date);
      res.locals.log.digest = p.digest;
      sendJson(res, regulationDetail(ruleBase.municipality(code), p, date));
    })
    .all(methodNotAllowed('GET'));
}
