// The Express application: middleware order and routes under /v1. Everything it needs comes in as
// dependencies (rule base, evaluator, keys, limiter, logger, OpenAPI document), so tests build their own.
import './context.ts';
import express, { Router } from 'express';
import { lazyEvaluator } from '../diff/compare-regulations.ts';
import { today as systemToday } from '../rulebase/dates.ts';
import type { RuleBase } from '../rulebase/rulebase.ts';
import type { KeyVerifier } from './auth.ts';
import { publicReads } from './cors.ts';
import { mountDocs } from './docs-page.ts';
import { errorHandler, notFound } from './error-handler.ts';
import { negotiateLanguage } from './language.ts';
import { requestLog, type Logger } from './logging.ts';
import type { RateLimit } from './rate-limit.ts';
import { mountDiff, evaluatorUnder } from './routes/diff.ts';
import { mountEvaluations, type Evaluates } from './routes/evaluations.ts';
import { mountMeta } from './routes/meta.ts';
import { mountRegulations } from './routes/regulations.ts';
import { mountScenarios } from './routes/scenarios.ts';
import type { EvaluatesUnder } from '../diff/witnesses.ts';
import { API_VERSION, BASE_PATH } from './version.ts';
import { webRouter } from '../web/router.ts';

export interface AppDeps {
  ruleBase: RuleBase;
  /** With evaluateUnder (the real Evaluator) the diff's witnesses share its compiled engines. */
  evaluator: Evaluates & Partial<EvaluatesUnder>;
  verifier: KeyVerifier;
  limiter: RateLimit;
  logger: Logger;
  openapi: object;
  /** Today's date (YYYY-MM-DD), the default for ?date=. */
  today?: () => string;
}

export function createApp(deps: AppDeps): express.Express {
  const { ruleBase, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('query parser', 'simple');

  app.use(requestLog(logger));
  app.use((req, res, next) => {
    const lang = (res.locals.lang = negotiateLanguage(req));
    res.setHeader('API-Version', API_VERSION);
    res.setHeader('Content-Language', lang);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Vary', 'Accept-Language');
    next();
  });

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
  mountRegulations(v1, ruleBase, deps.today ?? systemToday);
  mountDiff(v1, ruleBase, deps.today ?? systemToday, evaluatorUnder(deps.evaluator));
  mountScenarios(v1, ruleBase, deps.verifier, deps.limiter);
  app.use(BASE_PATH, v1);
  app.use(webRouter({ ruleBase, evaluator: evaluatorUnder(deps.evaluator) ?? lazyEvaluator(), today: deps.today })); // the web front (src/web), on the same rule base and engine

  app.use(notFound);
  app.use(errorHandler(logger));
  return app;
}
