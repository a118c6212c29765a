// Evaluations: one case, or a batch of up to MAX_BATCH cases each answered on its own. Key required.
import type { Router } from 'express';
import { Case } from '../../case/schema.ts';
import { requireKey, type KeyVerifier } from '../../http/auth.ts';
import { evaluateBatch, type Evaluates } from '../batch.ts';
import { parseJson, readBody } from '../../http/body.ts';
import { reservationOf } from '../../http/memory-budget.ts';
import { methodNotAllowed } from '../../http/error-handler.ts';
import { sendJson } from '../json-response.ts';
import { problems } from '../../http/problem.ts';
import { chargeBytes, chargeMore, chargeOne, type RateLimit } from '../rate-limit.ts';
import { answer, EvaluationQuery } from '../reasoning.ts';
import { BatchEnvelope } from '../schemas.ts';
import { invalidOf, parseWith, queryName } from '../validation.ts';

export type { Evaluates };

export function mountEvaluations(router: Router, evaluator: Evaluates, verifier: KeyVerifier, limiter: RateLimit): void {
  const guard = [requireKey(verifier), chargeOne(limiter), readBody(), chargeBytes(limiter), parseJson];

  router.route('/regulations/:municipalityCode/evaluations')
    .post(...guard, async (req, res) => {
      const lang = res.locals.lang;
      const query = parseWith(EvaluationQuery, req.query, lang, [], queryName);
      const parsed = parseWith(Case, req.body, lang);
      if (!query.ok || !parsed.ok) throw problems.invalidInput(invalidOf(query, parsed));
      const decision = await evaluator.evaluate(parsed.value, req.params.municipalityCode!, { lang, concept: query.value.concept });
      Object.assign(res.locals.log, { outcome: decision.outcome, digest: decision.regulation.digest });
      sendJson(res, answer(decision, query.value.reasoning));
    })
    .all(methodNotAllowed('POST'));

  router.route('/regulations/:municipalityCode/evaluations/batch')
    .post(...guard, async (req, res) => {
      const lang = res.locals.lang;
      const query = parseWith(EvaluationQuery, req.query, lang, [], queryName);
      const envelope = parseWith(BatchEnvelope, req.body, lang);
      if (!query.ok || !envelope.ok) throw problems.invalidInput(invalidOf(query, envelope));
      const { cases } = envelope.value;
      await chargeMore(limiter, res, Math.max(0, cases.length - res.locals.charged!));
      // The decisions and their JSON live until the answer is out: measured 60 KB a case with full reasoning.
      reservationOf(res).add(cases.length * (query.value.reasoning === 'full' ? 64 * 1024 : 8 * 1024));
      const body = await evaluateBatch(evaluator, req.params.municipalityCode!, cases, lang, query.value.reasoning, query.value.concept);
      const digests = new Set(body.results.flatMap((r) => (r.status === 200 ? [r.decision.regulation.digest] : [])));
      Object.assign(res.locals.log, { cases: cases.length, outcomes: body.summary, ...(digests.size === 1 && { digest: [...digests][0] }) });
      sendJson(res, body);
    })
    .all(methodNotAllowed('POST'));
}
