// One POST /v1/scenarios request from its bytes to its report: parsed (the body's shape checked first),
// validated, both sides resolved, admitted at its cost, run. Everything here may run in a worker thread
// (pool.ts), so it takes bytes and gives a report or throws an ApiProblem, and touches no request object.
import { parseBody, type BodyLimit } from '../../http/body.ts';
import { ApiProblem, problems } from '../../http/problem.ts';
import type { Lang } from '../../rulebase/lang.ts';
import { jsonPath } from '../../rulebase/problems.ts';
import type { RuleBase } from '../../rulebase/rulebase.ts';
import type { ScenarioReport } from '../../scenario/model/report-schema.ts';
import { MAX_INLINE_CASES, ScenarioRequest } from '../../scenario/model/request.ts';
import { PopulationErrors, runScenario } from '../../scenario/run-scenario.ts';
import type { ScenarioCost } from '../../scenario/run/cost.ts';
import { ScenarioError } from '../../scenario/run/sides.ts';
import { parseWith } from '../validation.ts';

/**
 * 10,000 cases do not fit the API's 1 MiB. A generated case is about 60 values (530 bytes), so 10,000
 * hold about 600,000: the cap leaves room for richer cases and refuses `[{},{},…]` before it is built.
 */
export const SCENARIO_BODY_LIMIT: BodyLimit = { bytes: 16 * 1024 * 1024, text: '16 MiB', values: MAX_INLINE_CASES * 200 };

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

export async function runScenarioRequest(ruleBase: RuleBase, bytes: Uint8Array, lang: Lang, admit: (cost: ScenarioCost) => Promise<void>): Promise<ScenarioReport> {
  const parsed = parseWith(ScenarioRequest, parseBody(bytes, SCENARIO_BODY_LIMIT, { lang }), lang);
  if (!parsed.ok) throw problems.invalidInput(parsed.invalidParams);
  const request = parsed.value;
  // The report's language: the scenario's own, else the request's.
  const scenario = { ...request.scenario, language: request.scenario.language ?? lang };
  try {
    return await runScenario(scenario, request.population, { ruleBase, admit, ...(request.vacancies && { vacancies: request.vacancies }) });
  } catch (e) {
    if (e instanceof ScenarioError) throw refused(e);
    if (e instanceof PopulationErrors) throw populationInvalid(e);
    throw e;
  }
}
