// The last middleware: every error becomes a problem+json in the request's language. Known failures map
// to 4xx; anything else is logged (without its message) and answered 500, never a crash.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { logUnexpected, type Logger } from './logging.ts';
import { ApiProblem, PROBLEM_MEDIA_TYPE, PROBLEM_TYPE_BASE, problems, sendProblem } from './problem.ts';

/** The problem a presentation layer's own errors stand for (e.g. the rule base's), or undefined. */
export type ProblemOf = (err: unknown) => ApiProblem | undefined;

function toProblem(err: unknown, known: ProblemOf = () => undefined): ApiProblem | undefined {
  if (err instanceof ApiProblem) return err;
  // The router answers a path parameter it cannot decode with a URIError of status 400.
  if (err instanceof URIError) return problems.malformedUrl();
  return known(err);
}

export function errorHandler(logger: Logger, known?: ProblemOf): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (res.headersSent) return next(err);
    let problem = toProblem(err, known);
    if (!problem) {
      logUnexpected(logger, res.locals.requestId, err);
      problem = problems.internal();
    }
    try {
      sendProblem(res, problem, req.originalUrl.split('?')[0]);
    } catch (failed) {
      // Rendering the problem failed itself (e.g. an answer too large to serialise): a fixed 500, never
      // Express's HTML page or a stack trace.
      logUnexpected(logger, res.locals.requestId, failed);
      if (!res.headersSent) res.status(500).type(PROBLEM_MEDIA_TYPE).send(LAST_RESORT);
    }
  };
}

const LAST_RESORT = JSON.stringify({
  type: `${PROBLEM_TYPE_BASE}interne-fout`, title: 'Interne fout', status: 500,
  detail: 'Er ging iets mis bij het opstellen van het antwoord; probeer het later opnieuw.',
});

export const notFound: RequestHandler = () => {
  throw problems.notFound();
};

/** Ends a route's chain: the path exists, the method does not. */
export const methodNotAllowed = (...allow: string[]): RequestHandler => () => {
  throw problems.methodNotAllowed(allow);
};
