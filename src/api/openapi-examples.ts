// Real outputs for the OpenAPI document: the same functions the routes call, on the bundled rule base.
import type { RuleBase } from '../rulebase/rulebase.ts';
import { authFailures } from '../http/auth.ts';
import { evaluateBatch, type Evaluates } from './batch.ts';
import { exampleCases } from './example-cases.ts';
import { notInForce, unknownMunicipality } from './rulebase-problems.ts';
import { problems } from '../http/problem.ts';
import { regulationDetail, regulationList } from '../views/regulation.ts';
import { Case } from '../case/schema.ts';
import type { BatchResponse, Health, Problem, RegulationDetail, RegulationList } from './schemas.ts';
import { parseWith } from './validation.ts';
import { API_VERSION } from './version.ts';
import { BODY_LIMIT } from '../http/body.ts';
import { NotInForceError } from '../rulebase/rulebase.ts';
import type { Decision } from '../engine/decision.ts';
import { lazyEvaluator } from '../diff/compare-regulations.ts';
import type { DiffReport } from '../diff/model/report.ts';
import type { EvaluatesUnder } from '../diff/witness/witnesses.ts';
import { ScenarioRequest } from '../scenario/model/request.ts';
import { PopulationErrors, runScenario } from '../scenario/run-scenario.ts';
import type { ScenarioReport } from '../scenario/model/report-schema.ts';
import { ScenarioError } from '../scenario/run/sides.ts';
import { DiffQuery, diffReport, evaluatorUnder } from './routes/diff.ts';
import { populationInvalid, refused, SCENARIO_BODY_LIMIT } from './scenario-run/request.ts';
import { tooCostly } from './routes/scenarios.ts';
import { queryName } from './validation.ts';
import { horizonWarnings } from '../rulebase/horizon.ts';

/** A fixed date, so the document does not change from day to day. */
export const EXAMPLE_DATE = '2026-09-01';
/** The day the health example is taken on: 60 days before the 2027 limits are due, so it shows them. */
const HEALTH_EXAMPLE_DAY = '2026-12-02';
export const EXAMPLE_MUNICIPALITY = 'GM0014';
/** Evaluation examples shown in the document (all cases run in the tests). */
const SHOWN = ['mantelzorg-groningen', 'onbepaald', 'weigering-huurachterstand'];

export interface Examples {
  date: string;
  municipality: string;
  regulationList: RegulationList;
  regulationDetail: RegulationDetail;
  evaluations: { name: string; summary: string; case: unknown; decision: Decision }[];
  batch: { request: { cases: unknown[] }; response: BatchResponse };
  diff: { against: string; report: DiffReport };
  scenario: { request: ScenarioRequest; report: ScenarioReport; refusedRequest: ScenarioRequest };
  health: Health;
  problems: Record<'invalidInput' | 'unauthorized' | 'unknownMunicipality' | 'payloadTooLarge' | 'unsupportedMediaType'
    | 'notInForce' | 'tooManyRequests' | 'internal' | 'invalidDiffQuery' | 'invalidPopulation' | 'scenarioPayloadTooLarge'
    | 'scenarioRefused' | 'scenarioTooLarge' | 'busy', Problem>;
}

/** A scenario on a generated population: the Groningen example of examples/scenarios/mantelzorg-10-uur.yaml. */
const scenarioRequest = ScenarioRequest.parse({
  scenario: {
    name: 'Mantelzorg 10 uur per week in plaats van 8',
    date: EXAMPLE_DATE,
    baseline: { regulation: 'concept' },
    variant: {
      regulation: 'concept',
      title: 'mantelzorg ≥ 10 uur/week',
      changes: [{ op: 'setParameter', parameter: 'mantelzorg.minimumUrenPerWeek', value: 10, basis: { article: '2.6', lid: 1, letter: 'a' } }],
    },
    examples: 1,
  },
  population: { generate: { size: 200, seed: 1 } },
});
/** A variant that breaks the law (medical urgency is mandatory under the Wvrv): examples/scenarios/zonder-medisch.yaml. */
const refusedRequest = ScenarioRequest.parse({
  scenario: { name: 'Zonder medische urgentie', date: EXAMPLE_DATE, baseline: { regulation: 'concept' }, variant: { regulation: 'concept', changes: [{ op: 'removeCategory', category: 'medisch', basis: { article: '2.7' } }] } },
  population: { generate: { size: 200, seed: 1 } },
});

export async function buildExamples(ruleBase: RuleBase, evaluator: Evaluates & Partial<EvaluatesUnder>): Promise<Examples> {
  const m = EXAMPLE_MUNICIPALITY;
  const shown = SHOWN.map((name) => exampleCases.find((e) => e.name === name)!);
  const evaluations = await Promise.all(shown.slice(0, 2).map(async (e) => ({
    name: e.name, summary: e.summary, case: e.case, decision: await evaluator.evaluate(e.case, e.municipality, { lang: 'nl' }),
  })));
  const invalidCase = { ...shown[0]!.case, applicant: { age: -1, lawfulResidence: 'ja' }, pets: 2 };
  // A request example must match the schema, so the batch shows a per-case 422 rather than a 400.
  const beforeScheme = { ...shown[2]!.case, applicationDate: '2019-03-01' };
  const batchRequest = { cases: [shown[2]!.case, beforeScheme] };
  const invalid = parseWith(Case, invalidCase, 'nl');
  const at = (path: string) => `/v1/regulations/${m}${path}`;
  let notInForceProblem: Problem | undefined;
  try {
    ruleBase.regulationOn('GM1966', '2025-03-01');
  } catch (e) {
    if (e instanceof NotInForceError) notInForceProblem = notInForce(e).render('nl', '/v1/regulations/GM1966');
  }
  if (!notInForceProblem || invalid.ok) throw new Error('examples: expected a 422 for GM1966 on 2025-03-01 and an invalid case');
  const invalidQuery = parseWith(DiffQuery, { against: 'buurgemeente', date: '2026-13-01' }, 'nl', [], queryName);
  if (invalidQuery.ok) throw new Error('examples: expected an invalid diff query');
  // The scenario route's own answers: the report in the request's language, a refusal as its 422.
  const scenario = { ...scenarioRequest, scenario: { ...scenarioRequest.scenario, language: 'nl' as const } };
  let scenarioRefused: Problem | undefined, invalidPopulation: Problem | undefined;
  try {
    await runScenario(refusedRequest.scenario, refusedRequest.population, { ruleBase });
  } catch (e) {
    if (e instanceof ScenarioError) scenarioRefused = refused(e).render('nl', '/v1/scenarios');
  }
  try {
    await runScenario(scenarioRequest.scenario, { cases: [{ case: { applicationDate: EXAMPLE_DATE } }, { id: 'a-2', municipality: 'GM9999', case: shown[0]!.case }] }, { ruleBase });
  } catch (e) {
    if (e instanceof PopulationErrors) invalidPopulation = populationInvalid(e).render('nl', '/v1/scenarios');
  }
  // A variant with a requirement of 400 leaves over 100,000 cases costs more than one request may.
  let scenarioTooLarge: Problem | undefined;
  const wide = {
    op: 'addRequirement' as const, basis: { article: '2.1' },
    requirement: {
      id: 'breed', label: { nl: 'Breed', en: 'Wide' }, basis: { article: '2.1' },
      conditions: { any: Array.from({ length: 400 }, (_, i) => ({ fact: 'applicant.age', operator: 'equal' as const, value: i })) },
    },
  };
  await runScenario({ ...scenarioRequest.scenario, variant: { ...scenarioRequest.scenario.variant, changes: [wide] } }, { generate: { size: 100_000, seed: 1 } }, {
    ruleBase,
    admit: (cost) => {
      scenarioTooLarge = tooCostly(cost).render('nl', '/v1/scenarios');
      throw new Error('not run: the example is the refusal');
    },
  }).catch(() => {});
  if (!scenarioRefused || !invalidPopulation || !scenarioTooLarge) throw new Error('examples: expected a refused scenario, an invalid population and one too large');

  return {
    date: EXAMPLE_DATE,
    municipality: m,
    regulationList: regulationList(ruleBase, EXAMPLE_DATE),
    regulationDetail: regulationDetail(ruleBase.municipality(m), ruleBase.regulationOn(m, EXAMPLE_DATE), EXAMPLE_DATE),
    evaluations,
    batch: { request: batchRequest, response: await evaluateBatch(evaluator, m, batchRequest.cases, 'nl') },
    diff: {
      against: 'model',
      report: await diffReport(ruleBase, m, { against: 'model', date: EXAMPLE_DATE }, 'nl', evaluatorUnder(evaluator) ?? lazyEvaluator()),
    },
    scenario: { request: scenarioRequest, report: await runScenario(scenario.scenario, scenario.population, { ruleBase }), refusedRequest },
    health: { status: 'ok', apiVersion: API_VERSION, municipalities: ruleBase.municipalities.length, warnings: horizonWarnings(ruleBase, HEALTH_EXAMPLE_DAY) },
    problems: {
      invalidInput: problems.invalidInput(invalid.invalidParams).render('nl', at('/evaluations')),
      unauthorized: problems.unauthorized(authFailures.unknown).render('nl', at('/evaluations')),
      unknownMunicipality: unknownMunicipality('GM9999').render('nl', '/v1/regulations/GM9999'),
      payloadTooLarge: problems.payloadTooLarge(BODY_LIMIT.text).render('nl', at('/evaluations/batch')),
      unsupportedMediaType: problems.unsupportedMediaType('text/plain').render('nl', at('/evaluations')),
      notInForce: notInForceProblem,
      tooManyRequests: problems.tooManyRequests(3).render('nl', at('/evaluations')),
      internal: problems.internal().render('nl', at('/evaluations')),
      invalidDiffQuery: problems.invalidInput(invalidQuery.invalidParams).render('nl', at('/diff')),
      invalidPopulation,
      scenarioPayloadTooLarge: problems.payloadTooLarge(SCENARIO_BODY_LIMIT.text).render('nl', '/v1/scenarios'),
      scenarioRefused,
      scenarioTooLarge,
      busy: problems.busy(5).render('nl', '/v1/scenarios'),
    },
  };
}
