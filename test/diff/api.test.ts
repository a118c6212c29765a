// GET /v1/regulations/{code}/diff, mounted the way app.ts mounts every route (until app.ts wires it).
import express, { Router } from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { rulebaseProblem } from '../../src/api/rulebase-problems.ts';
import { errorHandler } from '../../src/http/error-handler.ts';
import { negotiateLanguage } from '../../src/http/language.ts';
import { createLogger, requestLog } from '../../src/http/logging.ts';
import { mountDiff } from '../../src/api/routes/diff.ts';
import { DiffReport } from '../../src/diff/model/report.ts';
import { evaluator, ruleBase } from './helpers.ts';

const logger = createLogger({ write: () => {} });
const app = express();
app.set('query parser', 'simple');
app.use(requestLog(logger));
app.use((req, res, next) => { res.locals.lang = negotiateLanguage(req); next(); });
const v1 = Router();
v1.param('municipalityCode', (_req, _res, next, code: string) => { ruleBase.municipality(code); next(); });
mountDiff(v1, ruleBase, () => '2026-09-01', evaluator);
app.use('/v1', v1);
app.use(errorHandler(logger, rulebaseProblem));

describe('GET /v1/regulations/{municipalityCode}/diff', () => {
  it('against the model by default, on today', async () => {
    const res = await request(app).get('/v1/regulations/GM0014/diff');
    expect(res.status).toBe(200);
    const report = DiffReport.parse(res.body);
    expect([report.base.set, report.date, report.validity?.direction]).toEqual(['model/vng', '2026-09-01', 'stricter']);
  });

  it('against another municipality or a date, in the language asked for', async () => {
    const neighbour = await request(app).get('/v1/regulations/GM0014/diff?against=GM1966&date=2026-08-01').set('Accept-Language', 'en');
    expect([neighbour.status, neighbour.body.base.name, neighbour.body.language]).toEqual([200, 'Het Hogeland', 'en']);
    const past = await request(app).get('/v1/regulations/GM0014/diff?against=2019-08-01&date=2026-08-01');
    expect([past.status, past.body.base.from, past.body.law.old]).toEqual([200, '2019-08-01', 'Huisvestingswet 2014']);
  });

  it('problems: invalid query 400, unknown municipality 404, nothing in force 422, other methods 405', async () => {
    const bad = await request(app).get('/v1/regulations/GM0014/diff?against=elsewhere');
    expect([bad.status, bad.body.invalidParams[0].name]).toEqual([400, 'against']);
    expect((await request(app).get('/v1/regulations/GM9999/diff')).status).toBe(404);
    expect((await request(app).get('/v1/regulations/GM0014/diff?against=GM1966&date=2026-01-01')).status).toBe(422);
    expect((await request(app).post('/v1/regulations/GM0014/diff')).status).toBe(405);
  });
});
