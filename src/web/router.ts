// The web front: server-rendered pages in Dutch (?lang=en for English) on the same rule base and engine
// as the API. The pages hold no rule logic and take no personal data: the intake page and the workbench
// send cases to the API's endpoints (evaluations, scenarios), which check the key.
import { Router, type Request, type Response } from 'express';
import type { EvaluatesUnder } from '../diff/witness/witnesses.ts';
import { isIsoDate, today as systemToday } from '../rulebase/dates.ts';
import type { RuleBase } from '../rulebase/rulebase.ts';
import { assetsRouter } from './assets.ts';
import { langOf } from './i18n.ts';
import { diffPage } from './pages/diff.ts';
import { intakePage } from './pages/intake.ts';
import { regulationPage } from './pages/regulation.ts';
import { scenarioPage } from './pages/scenario.ts';

export interface WebDeps {
  ruleBase: RuleBase;
  /** The app's evaluator: the diff page's witnesses are decided by it. */
  evaluator: EvaluatesUnder;
  today?: () => string;
}

// Scripts and styles from this origin only; the scripts' fetches go to this origin's API.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
  + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const dateOf = (v: unknown): string | undefined => (typeof v === 'string' && isIsoDate(v) ? v : undefined);

export function webRouter({ ruleBase, evaluator, today = systemToday }: WebDeps): Router {
  const router = Router();
  const page = (render: (req: Request) => string | Promise<string>) => async (req: Request, res: Response) => {
    const body = await render(req);
    res.set({ 'Content-Security-Policy': CSP, 'Referrer-Policy': 'no-referrer', 'Content-Language': langOf(req.query.lang) })
      .type('html').send(body);
  };
  router.use(assetsRouter());
  router.get('/', (req, res) => res.redirect(302, `/toetsen${req.query.lang === 'en' ? '?lang=en' : ''}`));
  router.get('/toetsen', page((req) => intakePage(ruleBase, langOf(req.query.lang), { code: text(req.query.gemeente), date: dateOf(req.query.datum) }, today())));
  router.get('/regeling', page((req) => regulationPage(ruleBase, langOf(req.query.lang), { code: text(req.query.gemeente), date: dateOf(req.query.datum) }, today())));
  router.get('/vergelijken', page((req) => diffPage(ruleBase, evaluator, langOf(req.query.lang), {
    code: text(req.query.gemeente), against: text(req.query.tegen), date: dateOf(req.query.datum), otherDate: dateOf(req.query.tegendatum),
  }, today())));
  router.get('/scenarios', page((req) => scenarioPage(ruleBase, langOf(req.query.lang), { code: text(req.query.gemeente), date: dateOf(req.query.datum) }, today())));
  return router;
}
