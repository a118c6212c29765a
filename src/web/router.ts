// The web front: server-rendered pages in Dutch (?lang=en for English) on the same rule base and engine
// as the API. The pages hold no rule logic; the intake page calls the API's evaluations endpoint.
import { Router, type Request, type Response } from 'express';
import { requireKey, type KeyVerifier } from '../http/auth.ts';
import { jsonBody } from '../http/body.ts';
import { isIsoDate, today as systemToday } from '../rulebase/dates.ts';
import type { RuleBase } from '../rulebase/rulebase.ts';
import { assetsRouter } from './assets.ts';
import { langOf } from './i18n.ts';
import { diffPage } from './pages/diff.ts';
import { intakePage } from './pages/intake.ts';
import { regulationPage } from './pages/regulation.ts';
import { exampleVacancies, runWorkbench, scenarioPage, WorkbenchRequest } from './pages/scenario.ts';

export interface WebDeps {
  ruleBase: RuleBase;
  today?: () => string;
  /** The API's key check: an uploaded population holds personal data, so it needs a key as evaluations do. */
  verifier: KeyVerifier;
}

// Scripts and styles from this origin only; the intake's fetch goes to this origin's API.
const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
  + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const dateOf = (v: unknown): string | undefined => (typeof v === 'string' && isIsoDate(v) ? v : undefined);

export function webRouter({ ruleBase, today = systemToday, verifier }: WebDeps): Router {
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
  router.get('/vergelijken', page((req) => diffPage(ruleBase, langOf(req.query.lang), {
    code: text(req.query.gemeente), against: text(req.query.tegen), date: dateOf(req.query.datum), otherDate: dateOf(req.query.tegendatum),
  }, today())));
  router.get('/scenarios', page((req) => scenarioPage(ruleBase, langOf(req.query.lang), { code: text(req.query.gemeente), date: dateOf(req.query.datum) }, today())));

  // The workbench's runs: a generated population holds no personal data; an uploaded one does, so it
  // passes the API's key check (open to loopback callers when the server runs without keys).
  const vacancies = exampleVacancies();
  const keyCheck = requireKey(verifier);
  router.post('/scenarios/run', jsonBody({ bytes: 8 * 1024 * 1024, text: '8 MiB' }), (req, res, next) => {
    const population = (req.body as { population?: object } | undefined)?.population;
    return population && 'csv' in population ? keyCheck(req, res, next) : next();
  }, async (req, res) => {
    const parsed = WorkbenchRequest.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).type('text/plain').send(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
      return;
    }
    const answer = await runWorkbench(ruleBase, parsed.data, vacancies);
    res.status(answer.status).type('html').set('Cache-Control', 'no-store').send(answer.html);
  });
  return router;
}
