// The API's router, mounted under /v1 by the composition root (src/server/app.ts). Everything it needs
// comes in as dependencies (rule base, evaluator, keys, limiter, OpenAPI document), so tests build their own.
import { Router } from 'express';
import type { KeyVerifier } from '../http/auth.ts';
import type { EvaluatesUnder } from '../diff/witness/witnesses.ts';
import { today as systemToday } from '../rulebase/dates.ts';
import type { RuleBase } from '../rulebase/rulebase.ts';
import { publicReads } from './cors.ts';
import { mountDocs } from './docs-page.ts';
import type { RateLimit } from './rate-limit.ts';
import { mountDiff, evaluatorUnder } from './routes/diff.ts';
import { mountEvaluations, type Evaluates } from './routes/evaluations.ts';
import { mountMeta } from './routes/meta.ts';
import { mountRegulations } from './routes/regulations.ts';
import { mountScenarios } from './routes/scenarios.ts';
import { inThisThread, type ScenarioRunner } from './scenario-run/runner.ts';

export interface ApiDeps {
  ruleBase: RuleBase;
  /** With evaluateUnder (the real Evaluator) the diff's witnesses share its compiled engines. */
  evaluator: Evaluates & Partial<EvaluatesUnder>;
  verifier: KeyVerifier;
  limiter: RateLimit;
  openapi: object;
  /** Who runs scenarios; default this thread, on ruleBase (a server passes its worker pool). */
  scenarios?: ScenarioRunner;
  /** Today's date (YYYY-MM-DD), the default for ?date=. */
  today?: () => string;
}

export function apiRouter(deps: ApiDeps): Router {
  const { ruleBase } = deps;
  const today = deps.today ?? systemToday;
  const v1 = Router();
  v1.use(publicReads);
  // A known municipality is checked once for every route that names one; unknown codes are not logged.
  v1.param('municipalityCode', (_req, res, next, code: string) => {
    ruleBase.municipality(code);
    res.locals.log.municipality = code;
    next();
  });
  // Evaluations first: the router tries routes in order, and they are the calls that come by the thousand.
  mountEvaluations(v1, deps.evaluator, deps.verifier, deps.limiter);
  mountMeta(v1, ruleBase, deps.openapi);
  mountDocs(v1);
  mountRegulations(v1, ruleBase, today);
  mountDiff(v1, ruleBase, today, evaluatorUnder(deps.evaluator));
  mountScenarios(v1, deps.scenarios ?? inThisThread(ruleBase), deps.verifier, deps.limiter);
  return v1;
}
