// Issue 16, findings 2 and 7: a scenario is charged by the work it does — cases × the leaves of both sides,
// and its bytes — has a cap per request, and runs in a worker thread, so a long run never holds the event
// loop that answers other callers. (One 1.4 MB request of 20,000 leaves over 60,000 cases held it 57 s.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleCases } from '../../src/api/example-cases.ts';
import { BYTES_PER_TOKEN, bodyCost, type RateLimit } from '../../src/api/rate-limit.ts';
import { MAX_SCENARIO_TOKENS } from '../../src/api/routes/scenarios.ts';
import { ScenarioPool } from '../../src/api/scenario-run/pool.ts';
import { createLogger } from '../../src/http/logging.ts';
import { ApiProblem } from '../../src/http/problem.ts';
import { BUNDLED_RULES_DIR } from '../../src/rulebase/load.ts';
import { LEAF_EVALUATIONS_PER_TOKEN, scenarioCost } from '../../src/scenario/run/cost.ts';
import { prepareScenario } from '../../src/scenario/run/prepare.ts';
import { startServer, type Running } from '../../src/server/start.ts';
import { auth, client, makeApp, ruleBase } from '../api/helpers.ts';

const scenario = { name: 'x', date: '2026-08-03', baseline: { regulation: 'concept' }, variant: { regulation: 'concept', changes: [] as unknown[] } };
const generated = (size: number, changes: unknown[] = []) => ({ scenario: { ...scenario, variant: { ...scenario.variant, changes } }, population: { generate: { size, seed: 1 } } });
/** A requirement of `n` leaves, as the finding's attack had 20,000. */
const wide = (n: number) => ({
  op: 'addRequirement', basis: { article: '2.1' },
  requirement: { id: 'breed', label: { nl: 'Breed', en: 'Wide' }, basis: { article: '2.1' }, conditions: { any: Array.from({ length: n }, (_, i) => ({ fact: 'applicant.age', operator: 'equal', value: i })) } },
});

/** Leaves counted from the resolved regulation's JSON itself: every object with a `fact`. */
const factsIn = (v: unknown): number => (Array.isArray(v) ? v.reduce((n: number, x) => n + factsIn(x), 0)
  : v && typeof v === 'object' ? ('fact' in v ? 1 : 0) + Object.values(v).reduce((n: number, x) => n + factsIn(x), 0) : 0);

describe('what a scenario costs (finding 7)', () => {
  it('is cases × the leaves of the largest regulation of each side, one token per 2,000 leaf evaluations', () => {
    const prepared = prepareScenario({ ...scenario, variant: { regulation: 'concept', changes: [wide(10)] } } as never, { ruleBase });
    const largest = (side: typeof prepared.baseline) => Math.max(...[...side.byMunicipality.values()].map((f) => (f ? factsIn({ r: f.regulation.regulation.requirements, g: f.regulation.regulation.refusalGrounds, c: f.regulation.regulation.categories }) : 0)));
    const cost = scenarioCost(prepared, 1000);
    expect(largest(prepared.variant)).toBe(largest(prepared.baseline) + 10);
    expect(cost.leafEvaluations).toBe(1000 * (largest(prepared.baseline) + largest(prepared.variant)));
    expect(cost.tokens).toBe(Math.ceil(cost.leafEvaluations / LEAF_EVALUATIONS_PER_TOKEN));
  });

  it('charges a body a token per started 32 KiB beyond the first', () => {
    expect([bodyCost(0), bodyCost(BYTES_PER_TOKEN), bodyCost(BYTES_PER_TOKEN + 1), bodyCost(1024 * 1024)]).toEqual([0, 0, 1, 31]);
  });

  it('refuses a run above the cap before any case is evaluated (422), and charges none of it', async () => {
    const t = makeApp({ rate: 1, burst: 100 });
    const api = client(t.app);
    const res = await api.post('/v1/scenarios', generated(60_000, [wide(2000)]));
    expect([res.status, res.body.type, res.body.maxCost]).toEqual([422, 'https://voorrang.nl/problemen/scenario-te-groot', MAX_SCENARIO_TOKENS]);
    expect(res.body.cost).toBeGreaterThan(MAX_SCENARIO_TOKENS);
    expect(res.body.detail).toMatch(/^Dit scenario kost [\d.]+ eenheden \(60\.000 gevallen × de condities van beide kanten\); één verzoek mag er ten hoogste 25\.000 kosten\./);
    // Only the request and its bytes were charged: a small run still fits the bucket of 100.
    expect((await api.post('/v1/scenarios', generated(100))).status).toBe(200);
  });

  it('charges a batch the larger of its cases and its bytes, not both', async () => {
    const t = makeApp({ rate: 1, burst: 1000 });
    const api = client(t.app);
    const cases = Array.from({ length: 1000 }, () => exampleCases[0]!.case);
    expect(bodyCost(JSON.stringify({ cases }).length)).toBeGreaterThan(0);
    expect((await api.post(`/v1/regulations/${exampleCases[0]!.municipality}/evaluations/batch`, { cases })).status).toBe(200);
    expect((await api.post(`/v1/regulations/${exampleCases[0]!.municipality}/evaluations`, exampleCases[0]!.case)).status).toBe(429);
  });
});

describe('a scenario runs off the event loop (finding 2)', () => {
  let running: Running;
  let charged: () => void;
  const costCharged = new Promise<void>((resolve) => { charged = resolve; });
  // A limiter that lets everything through and says when a scenario's cost (thousands of tokens) is charged.
  const limiter: RateLimit = { charge: (_client, cost) => { if (cost > 1000) charged(); } };
  beforeAll(async () => {
    running = await startServer({ host: '127.0.0.1', port: 0, keys: [], rate: 1, burst: 1000, limiter, logger: createLogger({ write: () => true }) });
  }, 60_000);
  afterAll(() => running.close());

  it('answers health and an evaluation while a 100,000-case run is being evaluated, before that run ends', async () => {
    const order: string[] = [];
    const run = fetch(`${running.url}/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(generated(100_000)) })
      .then(async (r) => { order.push(`scenario ${r.status}`); await r.arrayBuffer(); });
    await costCharged; // the worker now evaluates 100,000 cases under both sides
    const e = exampleCases[0]!;
    await Promise.all([
      fetch(`${running.url}/health`).then((r) => order.push(`health ${r.status}`)),
      fetch(`${running.url}/regulations/${e.municipality}/evaluations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(e.case) })
        .then((r) => order.push(`evaluation ${r.status}`)),
    ]);
    await run;
    expect(order.slice(0, 2).sort()).toEqual(['evaluation 200', 'health 200']);
    expect(order[2]).toBe('scenario 200');
  }, 120_000);
});

describe('the scenario pool', () => {
  it('refuses a run with 503 when its workers and queue are taken, instead of queueing without end', async () => {
    const pool = new ScenarioPool({ rulesDir: BUNDLED_RULES_DIR, size: 1, queue: 0 });
    const body = Buffer.from(JSON.stringify(generated(10)));
    const first = pool.run(body, 'nl', async () => {});
    const second = await pool.run(body, 'en', async () => {}).catch((e: unknown) => e);
    expect(second).toBeInstanceOf(ApiProblem);
    expect((second as ApiProblem).render('en')).toMatchObject({ status: 503, title: 'Server busy' });
    expect((await first).population.cases).toBe(10);
    await pool.close();
  }, 60_000);

  it('answers a bad body from the worker as the same problem the route would give', async () => {
    const pool = new ScenarioPool({ rulesDir: BUNDLED_RULES_DIR, size: 1 });
    const bad = await pool.run(Buffer.from('{"scenario": {'), 'en', async () => {}).catch((e: unknown) => e);
    expect((bad as ApiProblem).render('en')).toMatchObject({ status: 400, type: 'https://voorrang.nl/problemen/ongeldige-json' });
    const refusedCost = await pool.run(Buffer.from(JSON.stringify(generated(10))), 'nl', async () => { throw new ApiProblem(429, 'te-veel-verzoeken', { nl: 't', en: 't' }, { nl: 'd', en: 'd' }, {}, { 'Retry-After': '3' }); })
      .catch((e: unknown) => e);
    expect([(refusedCost as ApiProblem).status, (refusedCost as ApiProblem).headers]).toEqual([429, { 'Retry-After': '3' }]);
    await pool.close();
  }, 60_000);
});
