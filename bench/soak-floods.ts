// The floods of issue 16, one small named function each, so that `npm run soak -- --only <name>` runs one
// alone. Each runs bounded loops until its signal aborts and counts what it got in its Tally. Big bodies
// are built once and shared by every request that sends them.
import { randomBytes } from 'node:crypto';
import type { Agent } from 'node:http';
import { agentFor, loops, send, trickle, type Sent, type Tally, type Target } from './soak-client.ts';

export interface FloodContext {
  target: Target;
  /** The flooding organisation's valid key (the legitimate samplers have another). */
  key: string;
  tally: Tally;
  signal: AbortSignal;
}

export interface Flood {
  name: string;
  /** What it sends, for the report. */
  what: string;
  run(ctx: FloodContext): Promise<void>;
}

const MiB = 1024 * 1024;
const EVALUATE = '/v1/regulations/GM0014/evaluations';
const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

/** A scenario request with a 16 MiB body of empty inline cases: `[{},{},…]`. */
const emptyCases = once(() => {
  const head = '{"scenario":{"name":"x","date":"2026-08-03","variant":{"regulation":"concept"}},"population":{"cases":[';
  const tail = '{}]}}';
  const n = Math.floor((16 * MiB - head.length - tail.length) / 3);
  return Buffer.from(head + '{},'.repeat(n) + tail);
});
const junk = once(() => Buffer.alloc(8 * MiB, 'x'));
const unknownKeys = (n: number, batch: boolean) => {
  const keys = Array.from({ length: n }, (_, i) => `"k${i}":1`).join(',');
  const one = `{"applicationDate":"2026-09-01",${keys}}`;
  return Buffer.from(batch ? `{"cases":[${one}]}` : one);
};
const manyKeys = once(() => [
  { path: EVALUATE, body: unknownKeys(4_000, false) },
  { path: EVALUATE, body: unknownKeys(80_000, false) },
  { path: `${EVALUATE}/batch`, body: unknownKeys(80_000, true) },
]);
const tokens = once(() => Array.from({ length: 400 }, () => `vr_${randomBytes(6).toString('hex')}_${randomBytes(32).toString('base64url')}`));
const leaf = (i: number) => ({ fact: 'applicant.age', operator: 'equal', value: i });
const scenario = (conditions: unknown, size: number) => Buffer.from(JSON.stringify({
  scenario: {
    name: 'soak', date: '2026-08-03',
    variant: {
      regulation: 'concept',
      changes: [{ op: 'addRequirement', basis: { article: '1' }, requirement: { id: 'soak', label: { nl: 's', en: 's' }, basis: { article: '1' }, conditions } }],
    },
  },
  population: { generate: { size, seed: 1 } },
}));
const nested = once(() => {
  let not: unknown = leaf(1);
  for (let i = 0; i < 1500; i++) not = { not };
  let all: unknown = leaf(1);
  for (let i = 0; i < 1000; i++) all = { all: [all] };
  return [scenario(not, 10), scenario(all, 10)];
});
const hugeRun = once(() => scenario({ any: Array.from({ length: 20_000 }, (_, i) => leaf(i)) }, 60_000));

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** `n` loops each sending what `next` gives, over one keep-alive agent of `n` sockets. */
function requests(n: number, next: (i: number, round: number) => Sent) {
  return async (ctx: FloodContext) => {
    const agent: Agent = agentFor(n);
    let round = 0;
    try {
      await loops(n, ctx.signal, (i) => send(ctx.target, agent, next(i, round++), ctx.tally, ctx.signal));
    } finally {
      agent.destroy();
    }
  };
}

export const floods: Flood[] = [
  {
    name: 'empty-cases',
    what: '20 concurrent POST /v1/scenarios, 16 MiB of `[{},{},…]` each (finding 1)',
    run: (ctx) => requests(20, () => ({ method: 'POST', path: '/v1/scenarios', headers: bearer(ctx.key), body: emptyCases() }))(ctx),
  },
  {
    name: 'junk-bodies',
    what: '80 concurrent 8 MiB bodies that are not JSON, to POST /v1/scenarios (finding 2, 7)',
    run: (ctx) => requests(80, () => ({ method: 'POST', path: '/v1/scenarios', headers: bearer(ctx.key), body: junk() }))(ctx),
  },
  {
    name: 'unknown-keys',
    what: '4 concurrent evaluations with 4,000 and 80,000 unknown keys, and a batch case with 80,000 (finding 3)',
    run: (ctx) => requests(4, (_, round) => ({ method: 'POST', headers: bearer(ctx.key), ...manyKeys()[round % 3]! }))(ctx),
  },
  {
    name: 'bad-tokens',
    what: '20 concurrent evaluations with 400 random bearer tokens in turn (finding 4)',
    run: (ctx) => requests(20, (_, round) => ({ method: 'POST', path: EVALUATE, headers: bearer(tokens()[round % 400]!), body: '{}' }))(ctx),
  },
  {
    name: 'deep-nesting',
    what: '2 concurrent scenarios with 1,500 nested `not` and 1,000 nested `all` (finding 6)',
    run: (ctx) => requests(2, (_, round) => ({ method: 'POST', path: '/v1/scenarios', headers: bearer(ctx.key), body: nested()[round % 2]! }))(ctx),
  },
  {
    name: 'slow-clients',
    what: '250 connections that send half a header, then a header line a second; each reconnects at most once a second (finding 8)',
    run: (ctx) => loops(250, ctx.signal, () => trickle(ctx.target, 'GET /v1/health HTTP/1.1\r\nHost: localhost\r\n', 'X-Slow: 1\r\n', 1000, ctx.tally, ctx.signal), 1000),
  },
  {
    name: 'slow-bodies',
    what: '20 POST /v1/scenarios announcing 1 MB and sending a byte every 200 ms (finding 8)',
    run: (ctx) => loops(20, ctx.signal, () => trickle(ctx.target,
      `POST /v1/scenarios HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${ctx.key}\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{"scenario":`,
      ' ', 200, ctx.tally, ctx.signal), 1000),
  },
  {
    name: 'huge-run',
    what: 'a scenario whose addRequirement has 20,000 leaves, over 60,000 generated cases, one at a time (finding 2)',
    run: (ctx) => requests(1, () => ({ method: 'POST', path: '/v1/scenarios', headers: bearer(ctx.key), body: hugeRun() }))(ctx),
  },
];
