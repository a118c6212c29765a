// Health and the OpenAPI document: public.
import type { Router } from 'express';
import type { RuleBase } from '../../rulebase/rulebase.ts';
import { methodNotAllowed } from '../../http/error-handler.ts';
import { sendJsonBytes } from '../json-response.ts';
import { API_VERSION } from '../version.ts';
import type { Health } from '../schemas.ts';

export function mountMeta(router: Router, ruleBase: RuleBase, openapi: object): void {
  const openapiJson = Buffer.from(JSON.stringify(openapi));
  router.route('/health')
    .get((_req, res) => {
      const body: Health = { status: 'ok', apiVersion: API_VERSION, municipalities: ruleBase.municipalities.length };
      res.json(body);
    })
    .all(methodNotAllowed('GET'));
  router.route('/openapi.json')
    .get((_req, res) => {
      sendJsonBytes(res, openapiJson);
    })
    .all(methodNotAllowed('GET'));
}
