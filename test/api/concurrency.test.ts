// 200 evaluations in flight at once over real HTTP: each must equal the decision the same case gets
// alone (json-rules-engine keeps running state per Engine; sharing one between runs corrupts results).
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/case/schema.ts';
import type { Decision } from '../../src/engine/decision.ts';
import { exampleCases } from '../../src/api/example-cases.ts';
import { expressServer } from '../../src/server/http-server.ts';
import { auth, evaluator, makeApp } from './helpers.ts';
import { checkContract } from './contract.ts';

/** 200 different cases: every example varied in hours, distance, age, income and refusal facts. */
function variants(n: number): { municipality: string; concept: boolean; case: Case }[] {
  return Array.from({ length: n }, (_, i) => {
    const e = exampleCases[i % exampleCases.length]!;
    const c: Case = structuredClone(e.case);
    c.applicant = { ...c.applicant, age: 16 + (i % 60) };
    c.income = { ...c.income, annualHousehold: 15000 + ((i * 977) % 40000) };
    if (c.grounds?.mantelzorg) c.grounds.mantelzorg = { ...c.grounds.mantelzorg, hoursPerWeek: i % 14, distanceKm: (i * 3) % 11 };
    if (i % 7 === 0) c.conduct = { ...c.conduct, nuisance: true };
    if (i % 11 === 0) delete c.applicant.lawfulResidence;
    return { municipality: e.municipality, concept: !!e.concept, case: c };
  });
}

describe('concurrent evaluations', () => {
  // The server as `voorrang serve` builds it (http-server.ts).
  const server = expressServer(makeApp().app).listen(0, '127.0.0.1');
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('200 in flight give the same decisions as one at a time', { timeout: 120_000 }, async () => {
    const cases = variants(200);
    const alone: Decision[] = [];
    for (const v of cases) alone.push(await evaluator.evaluate(v.case, v.municipality, { concept: v.concept }));
    expect(new Set(alone.map((d) => `${d.outcome}/${d.category?.id}`)).size).toBeGreaterThan(5);

    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const responses = await Promise.all(cases.map((v) => {
      const path = `/v1/regulations/${v.municipality}/evaluations${v.concept ? '?concept=true' : ''}`;
      return request(base).post(path).set(auth).send(v.case).then((res) => {
        checkContract('post', path, res);
        return res;
      });
    }));
    responses.forEach((res, i) => {
      expect(res.status).toBe(200);
      expect(res.body).toEqual(alone[i]);
    });
  });
});
