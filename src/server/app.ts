// The composition root: one Express app with the API under /v1 and the web front beside it, on the same
// rule base, behind the middleware both share (request log, language, headers) and one error handler.
import '../http/context.ts';
import express from 'express';
import { apiRouter, type ApiDeps } from '../api/router.ts';
import { rulebaseProblem } from '../api/rulebase-problems.ts';
import { API_VERSION, BASE_PATH } from '../api/version.ts';
import { errorHandler, notFound } from '../http/error-handler.ts';
import { negotiateLanguage } from '../http/language.ts';
import { MemoryBudget, memoryBudget } from '../http/memory-budget.ts';
import { requestLog, type Logger } from '../http/logging.ts';
import { webRouter } from '../web/router.ts';
import { evaluatorUnder } from '../api/routes/diff.ts';
import { lazyEvaluator } from '../diff/compare-regulations.ts';

export interface AppDeps extends ApiDeps {
  logger: Logger;
  /** Memory in flight over all requests (default DEFAULT_MEMORY_BUDGET). */
  memory?: MemoryBudget;
}

export function createApp(deps: AppDeps): express.Express {
  const { logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  // Express's own error page shows a stack trace outside production; ours answers every error anyway.
  app.set('env', 'production');
  app.set('query parser', 'simple');

  app.use(requestLog(logger, [BASE_PATH]));
  app.use(memoryBudget(deps.memory ?? new MemoryBudget()));
  app.use((req, res, next) => {
    const lang = (res.locals.lang = negotiateLanguage(req));
    res.setHeader('API-Version', API_VERSION);
    res.setHeader('Content-Language', lang);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Vary', 'Accept-Language');
    next();
  });

  app.use(BASE_PATH, apiRouter(deps));
  // The web's diff page shares the API's compiled engines where the evaluator can evaluate under a regulation.
  app.use(webRouter({ ruleBase: deps.ruleBase, today: deps.today, evaluator: evaluatorUnder(deps.evaluator) ?? lazyEvaluator() }));

  app.use(notFound);
  app.use(errorHandler(logger, rulebaseProblem));
  return app;
}
