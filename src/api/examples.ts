// Real outputs for the OpenAPI document: the same functions the routes call, on the bundled rule base.
import type { RuleBase } from '../rulebase/rulebase.ts';
import { authFailures } from './auth.ts';
import { evaluateBatch, type Evaluates } from './batch.ts';
import { exampleCases } from './example-cases.ts';
import { notInForce } from './not-in-force.ts';
import { problems } from './problem.ts';
import { regulationDetail, regulationList } from './regulation-views.ts';
import { Case } from '../case/schema.ts';
import type { BatchResponse, Health, Problem, RegulationDetail, RegulationList } from './schemas.ts';
import { parseWith } from './validation.ts';
import { API_VERSION } from './version.ts';
import { BODY_LIMIT_TEXT } from './body.ts';
import { NotInForceError } from '../rulebase/rulebase.ts';
import type { Decision } from '../engine/decision.ts';

/** A fixed date, so the document does not change from day to day. */
export const EXAMPLE_DATE = '2026-09-01';
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
  health: Health;
  problems: Record<'invalidInput' | 'unauthorized' | 'unknownMunicipality' | 'payloadTooLarge' | 'unsupportedMediaType'
    | 'notInForce' | 'tooManyRequests' | 'internal', Problem>;
}

export async function buildExamples(ruleBase: RuleBase, evaluator: Evaluates): Promise<Examples> {
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

  return {
    date: EXAMPLE_DATE,
    municipality: m,
    regulationList: regulationList(ruleBase, EXAMPLE_DATE),
    regulationDetail: regulationDetail(ruleBase.municipality(m), ruleBase.regulationOn(m, EXAMPLE_DATE), EXAMPLE_DATE),
    evaluations,
    batch: { request: batchRequest, response: await evaluateBatch(evaluator, m, batchRequest.cases, 'nl') },
    health: { status: 'ok', apiVersion: API_VERSION, municipalities: ruleBase.municipalities.length },
    problems: {
      invalidInput: problems.invalidInput(invalid.invalidParams).render('nl', at('/evaluations')),
      unauthorized: problems.unauthorized(authFailures.unknown).render('nl', at('/evaluations')),
      unknownMunicipality: problems.unknownMunicipality('GM9999').render('nl', '/v1/regulations/GM9999'),
      payloadTooLarge: problems.payloadTooLarge(BODY_LIMIT_TEXT).render('nl', at('/evaluations/batch')),
      unsupportedMediaType: problems.unsupportedMediaType('text/plain').render('nl', at('/evaluations')),
      notInForce: notInForceProblem,
      tooManyRequests: problems.tooManyRequests(3).render('nl', at('/evaluations')),
      internal: problems.internal().render('nl', at('/evaluations')),
    },
  };
}
