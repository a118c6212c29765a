// Health and the OpenAPI document: public.
import type { Router } from 'express';
import type { RuleBase } from '../../rulebase/rulebase.ts';
import { methodNotAllowed } from '../../http/error-handler.ts';
import { sendJsonBytes } from '../json-response.ts';
import { API_VERSION } from '../version.ts';
import { horizonWarnings, type HorizonWarning } from '../../rulebase/horizon.ts';
import { today } from '../../rulebase/dates.ts';
import type { Health } from '../schemas.ts';

export function mountMeta(router: Router, ruleBase: RuleBase, openapi: object): void {
  const openapiJson = Buffer.from(JSON.stringify(openapi));
  // The warnings depend on today only: computed once a day.
  let warnedOn = '';
  let warnings: HorizonWarning[] = [];
  const warningsToday = () => {
    const day = today();
    if (day !== warnedOn) [warnedOn, warnings] = [day, horizonWarnings(ruleBase, day)];
    return warnings;
  };
  router.route('/health')
    .get((_req, res) => {
      const body: Health = { status: 'ok', apiVersion: API_VERSION, municipalities: ruleBase.municipalities.length, warnings: warningsToday() };
      res.json(body);
    })
    .all(methodNotAllowed('GET'));
  router.route('/openapi.json')
    .get((_req, res) => {
      sendJsonBytes(res, openapiJson);
    })
    .all(methodNotAllowed('GET'));
}
