// Shared set-up for the API tests: the bundled rule base and the real engine, an app with one API key
// and a hand-driven clock, log lines captured in memory, and a client that checks every response
// against openapi.yaml.
import request, { type Response, type Test } from 'supertest';
import type { Express } from 'express';
import { createApp, type AppDeps } from '../../src/server/app.ts';
import { createKey, KeyVerifier, parseKeyEntries, type KeyEntry } from '../../src/http/auth.ts';
import { createLogger } from '../../src/http/logging.ts';
import { generateOpenApi } from '../../src/api/openapi-document.ts';
import { RateLimiter } from '../../src/api/rate-limit.ts';
import { Evaluator } from '../../src/engine/evaluator.ts';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { checkContract } from './contract.ts';

export const ruleBase = loadRuleBase();
export const evaluator = new Evaluator(ruleBase);
export const openapi = await generateOpenApi(ruleBase, evaluator);

const issued = await createKey('woonstad');
export const KEY = issued.key;
export const keyEntries: KeyEntry[] = parseKeyEntries(issued.line, 'test');
export const auth = { Authorization: `Bearer ${KEY}` };

export interface TestApp {
  app: Express;
  /** Every log line written, as text. */
  logs: string[];
  /** Advances the rate limiter's clock. */
  advance(ms: number): void;
}

export function makeApp(o: { keys?: KeyEntry[]; rate?: number; burst?: number; evaluator?: AppDeps['evaluator']; memory?: AppDeps['memory'] } = {}): TestApp {
  const logs: string[] = [];
  let now = 0;
  const app = createApp({
    ruleBase,
    evaluator: o.evaluator ?? evaluator,
    verifier: new KeyVerifier(o.keys ?? keyEntries),
    limiter: new RateLimiter({ rate: o.rate ?? 1000, burst: o.burst ?? 5000, now: () => now }),
    logger: createLogger({ write: (line: string) => void logs.push(line) }),
    openapi,
    today: () => '2026-09-01',
    ...(o.memory && { memory: o.memory }),
  });
  return { app, logs, advance: (ms) => void (now += ms) };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'options';

/** A supertest client whose every response is checked against openapi.yaml. */
export function client(app: Express) {
  const agent = request(app);
  const send = async (method: Method, url: string, build: (t: Test) => Test = (t) => t): Promise<Response> => {
    const res = await build(agent[method](url));
    checkContract(method, url, res);
    return res;
  };
  return {
    send,
    get: (url: string, headers: Record<string, string> = {}) => send('get', url, (t) => t.set(headers)),
    post: (url: string, body: unknown, headers: Record<string, string> = auth) =>
      send('post', url, (t) => t.set(headers).send(body as object)),
  };
}
