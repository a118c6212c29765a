// POST /v1/scenarios, mounted the way app.ts mounts every route (until app.ts wires it).
import express, { Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { KeyVerifier } from '../../src/http/auth.ts';
import { errorHandler } from '../../src/http/error-handler.ts';
import { negotiateLanguage } from '../../src/http/language.ts';
import { createLogger, requestLog } from '../../src/http/logging.ts';
import { RateLimiter } from '../../src/api/rate-limit.ts';
import { mountScenarios } from '../../src/api/routes/scenarios.ts';
import { inThisThread } from '../../src/api/scenario-run/runner.ts';
import { ScenarioReport } from '../../src/scenario/model/report-schema.ts';
import { auth, keyEntries, ruleBase } from '../api/helpers.ts';
import { mantelzorg } from '../engine/cases.ts';

const logger = createLogger({ write: () => {} });
const app = express();
app.use(requestLog(logger));
app.use((req, res, next) => { res.locals.lang = negotiateLanguage(req); next(); });
const v1 = Router();
mountScenarios(v1, inThisThread(ruleBase), new KeyVerifier(keyEntries), new RateLimiter({ rate: 1000, burst: 5000, now: () => 0 }));
app.use('/v1', v1);
app.use(errorHandler(logger));

// The concepts are simulated: nine municipalities have no scheme in force, and Groningen's 2025 verordening no hours limit.
const scenario = { name: '10 uur', date: '2026-08-03', baseline: { regulation: 'concept' }, variant: { regulation: 'concept', changes: [{ op: 'setParameter', parameter: 'mantelzorg.minimumUrenPerWeek', value: 10, basis: { article: '2.6' } }] } };
const post = (body: unknown, headers: Record<string, string> = auth) => request(app).post('/v1/scenarios').set(headers).send(body as object);

describe('POST /v1/scenarios', () => {
  it('runs inline cases (10,000 fit) and answers the report', async () => {
    const cases = Array.from({ length: 10_000 }, (_, i) => ({ municipality: 'GM1966', case: mantelzorg({ hoursPerWeek: i % 2 ? 9 : 12 }) }));
    const res = await post({ scenario, population: { cases } });
    expect(res.status).toBe(200);
    const report = ScenarioReport.parse(res.body);
    expect(report.scopes[0]!.transitions.find((t) => t.from !== t.to)).toEqual({ from: 'urgent:mantelzorg', to: 'not-urgent', count: 5000 });
  });

  it('runs a generated population, in the language asked for', async () => {
    const res = await post({ scenario, population: { generate: { size: 2000, seed: 1 } } }, { ...auth, 'Accept-Language': 'en' });
    expect([res.status, res.body.population.cases, res.body.scenario.language]).toEqual([200, 2000, 'en']);
  });

  it('needs a key', async () => {
    expect((await post({ scenario, population: { generate: { size: 10, seed: 1 } } }, {})).status).toBe(401);
  });

  it('400 for an invalid request or a case without a known municipality, with the path', async () => {
    const invalid = await post({ scenario, population: { generate: { size: 100_001, seed: 1 } } });
    expect([invalid.status, invalid.body.invalidParams[0].name]).toEqual([400, '$.population.generate.size']);
    const unknown = await post({ scenario, population: { cases: [{ case: {} }, { municipality: 'GM9999', case: {} }] } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['$.population.cases[0].municipality', '$.population.cases[1].municipality']);
  });

  it('422 for a variant that breaks the law, with the conformance message', async () => {
    const res = await post({ scenario: { ...scenario, variant: { regulation: 'concept', changes: [{ op: 'removeCategory', category: 'medisch', basis: { article: '2.7' } }] } }, population: { generate: { size: 10, seed: 1 } } });
    expect(res.status).toBe(422);
    expect(res.body.invalidParams[0]).toMatchObject({ name: '$.scenario.variant.changes', code: 'scenario_refused' });
    expect(res.body.invalidParams[0].reason).toContain("laat 'medisch' vervallen, verplicht onder Huisvestingswet 2014 art. 12 lid 3 onder b");
  });

  it('405 for other methods', async () => {
    expect((await request(app).get('/v1/scenarios')).status).toBe(405);
  });
});
