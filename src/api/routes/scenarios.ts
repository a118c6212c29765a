// POST /scenarios: a scenario over an inline population (up to 10,000 cases) or a generated one (up to
// 100,000), answered with the ScenarioReport JSON (src/scenario/model/report-schema.ts). Inline cases are
// personal data: an API key is required. The route only reads the bytes and charges them; parsing and the
// run happen in the runner (a worker thread in a server, see api/scenario-run/), which asks the route to
// admit the run's cost before it evaluates a case.
import type { Router } from 'express';
import { requireKey, type KeyVerifier } from '../../http/auth.ts';
import { readBody } from '../../http/body.ts';
import { methodNotAllowed } from '../../http/error-handler.ts';
import { ApiProblem } from '../../http/problem.ts';
import { LEAF_EVALUATIONS_PER_TOKEN, type ScenarioCost } from '../../scenario/run/cost.ts';
import { sendJson } from '../json-response.ts';
import { chargeBytes, chargeMore, chargeOne, type RateLimit } from '../rate-limit.ts';
import { SCENARIO_BODY_LIMIT } from '../scenario-run/request.ts';
import type { ScenarioRunner } from '../scenario-run/runner.ts';

/**
 * The most one scenario request may cost, in tokens: 50 million leaf evaluations, about 7 s of one worker
 * thread. A 100,000-case scenario over the bundled rule base costs about 7,000.
 */
export const MAX_SCENARIO_TOKENS = 25_000;

export const tooCostly = (cost: ScenarioCost) => new ApiProblem(422, 'scenario-te-groot',
  { nl: 'Scenario te groot', en: 'Scenario too large' },
  {
    nl: `Dit scenario kost ${cost.tokens.toLocaleString('nl-NL')} eenheden (${cost.cases.toLocaleString('nl-NL')} gevallen × de condities van beide kanten); één verzoek mag er ten hoogste ${MAX_SCENARIO_TOKENS.toLocaleString('nl-NL')} kosten. Reken een kleinere populatie door, of grotere met de opdrachtregel (voorrang scenario).`,
    en: `This scenario costs ${cost.tokens.toLocaleString('en-GB')} units (${cost.cases.toLocaleString('en-GB')} cases × the conditions of both sides); one request may cost at most ${MAX_SCENARIO_TOKENS.toLocaleString('en-GB')}. Run a smaller population, or larger ones with the command line (voorrang scenario).`,
  },
  { cost: cost.tokens, maxCost: MAX_SCENARIO_TOKENS, leafEvaluationsPerUnit: LEAF_EVALUATIONS_PER_TOKEN });

export function mountScenarios(router: Router, runner: ScenarioRunner, verifier: KeyVerifier, limiter: RateLimit): void {
  router.route('/scenarios')
    .post(requireKey(verifier), chargeOne(limiter), readBody(SCENARIO_BODY_LIMIT), chargeBytes(limiter), async (_req, res) => {
      const report = await runner.run(res.locals.rawBody!, res.locals.lang, async (cost) => {
        if (cost.tokens > MAX_SCENARIO_TOKENS) throw tooCostly(cost);
        await chargeMore(limiter, res, cost.tokens);
      });
      Object.assign(res.locals.log, { cases: report.population.cases });
      sendJson(res, report);
    })
    .all(methodNotAllowed('POST'));
}
