// POST /scenarios: a scenario over an inline population (up to 10,000 cases) or a generated one (up to
// 100,000), answered with the ScenarioReport JSON (src/scenario/report-schema.ts). Inline cases are
// personal data: an API key is required.
import type { Router } from 'express';
import type { RuleBase } from '../../rulebase/rulebase.ts';
import { jsonPath } from '../../rulebase/problems.ts';
import { ScenarioRequest } from '../../scenario/model/request.ts';
import { PopulationErrors, runScenario } from '../../scenario/run-scenario.ts';
import { ScenarioError } from '../../scenario/run/sides.ts';
import { requireKey, type KeyVerifier } from '../../http/auth.ts';
import { jsonBody, type BodyLimit } from '../../http/body.ts';
import { methodNotAllowed } from '../../http/error-handler.ts';
import { sendJson } from '../json-response.ts';
import { ApiProblem, problems } from '../../http/problem.ts';
import { chargeOne, type RateLimit } from '../rate-limit.ts';
import { parseWith } from '../validation.ts';

/** 10,000 cases do not fit the API's 1 MiB; this route parses its own body with a larger limit. */
export const SCENARIO_BODY_LIMIT: BodyLimit = { bytes: 16 * 1024 * 1024, text: '16 MiB' };
/** Rate-limit units: one per started 1,000 cases (an evaluation costs one). */
const CASES_PER_UNIT = 1000;

const scenarioBody = jsonBody(SCENARIO_BODY_LIMIT);

/** A scenario that cannot be resolved or breaks the law in force: 422, one invalidParam per problem. */
export const refused = (e: ScenarioError) => new ApiProblem(422, 'scenario-geweigerd',
  { nl: 'Scenario geweigerd', en: 'Scenario refused' },
  {
    nl: `Het scenario kan niet worden doorgerekend: ${e.problems.length} probleem/problemen, zie invalidParams.`,
    en: `The scenario cannot be run: ${e.problems.length} problem(s), see invalidParams.`,
  },
  { invalidParams: e.problems.map((p) => ({ name: `$.scenario.${p.path}`, code: 'scenario_refused', reason: p.message })) });

/** Inline cases that cannot be evaluated (no known municipality): 400, named by their JSON path. */
export const populationInvalid = (e: PopulationErrors) => problems.invalidInput(e.errors.map((x) => ({
  name: jsonPath(['population', 'cases', x.line - 1, ...(x.column ? [x.column] : [])]), code: 'invalid_population', reason: x.message,
})));

export function mountScenarios(router: Router, ruleBase: RuleBase, verifier: KeyVerifier, limiter: RateLimit): void {
  router.route('/scenarios')
    .post(requireKey(verifier), chargeOne(limiter), scenarioBody, async (req, res) => {
      const lang = res.locals.lang;
      const parsed = parseWith(ScenarioRequest, req.body, lang);
      if (!parsed.ok) throw problems.invalidInput(parsed.invalidParams);
      const request = parsed.value;
      const size = 'cases' in request.population ? request.population.cases.length : request.population.generate.size;
      await limiter.charge(res.locals.client, Math.ceil(size / CASES_PER_UNIT) - 1);
      // The report's language: the scenario's own, else the request's.
      const scenario = { ...request.scenario, language: request.scenario.language ?? lang };
      try {
        const report = await runScenario(scenario, request.population, { ruleBase, ...(request.vacancies && { vacancies: request.vacancies }) });
        Object.assign(res.locals.log, { cases: report.population.cases });
        sendJson(res, report);
      } catch (e) {
        if (e instanceof ScenarioError) throw refused(e);
        if (e instanceof PopulationErrors) {
          throw populationInvalid(e);
        }
        throw e;
      }
    })
    .all(methodNotAllowed('POST'));
}
