// The rate limit over several workers: each worker leases tokens from one RateLimiter (the primary's).
// The source answers a turn of the event loop later, as the IPC channel does.
import { describe, expect, it } from 'vitest';
import { LEASE_IDLE_MS, LeasedRateLimit, type LeaseSource } from '../../src/api/leased-rate-limit.ts';
import { ApiProblem } from '../../src/http/problem.ts';
import { RateLimiter } from '../../src/api/rate-limit.ts';

function cluster(o: { rate: number; burst: number }, workers = 2) {
  let now = 0;
  const clock = () => now;
  const primary = new RateLimiter({ ...o, now: clock });
  let leases = 0;
  const source: LeaseSource = {
    lease: (client, min, want) => new Promise((resolve) => setImmediate(() => {
      leases++;
      resolve(primary.lease(client, min, want));
    })),
    giveBack: (client, tokens) => primary.giveBack(client, tokens),
  };
  return {
    primary,
    workers: Array.from({ length: workers }, () => new LeasedRateLimit(source, { rate: o.rate, now: clock })),
    advance: (ms: number) => { now += ms; },
    leases: () => leases,
  };
}

/** 'ok', or the Retry-After of the 429 problem. */
async function charge(limit: LeasedRateLimit, cost = 1, client = 'acantus'): Promise<string> {
  try {
    await limit.charge(client, cost);
    return 'ok';
  } catch (e) {
    if (e instanceof ApiProblem && e.status === 429) return `429 retry ${e.headers['Retry-After']}`;
    throw e;
  }
}

describe('rate limit shared by workers (leases)', () => {
  it('holds the burst over both workers together, and answers 429 with Retry-After past it', async () => {
    const { workers: [a, b] } = cluster({ rate: 10, burst: 20 });
    const answers: string[] = [];
    for (let i = 0; i < 20; i++) answers.push(await charge(i % 2 ? a! : b!));
    expect(answers.every((x) => x === 'ok')).toBe(true);
    // Each worker alone would have had a burst of its own; together they have spent it.
    expect(await charge(a!)).toBe('429 retry 1');
    expect(await charge(b!)).toBe('429 retry 1');
  });

  it('gives a client on one worker its full rate', async () => {
    const { workers: [a], advance } = cluster({ rate: 10, burst: 20 });
    expect(await charge(a!, 20)).toBe('ok');
    expect(await charge(a!)).toBe('429 retry 1');
    advance(1000);
    const answers = await Promise.all(Array.from({ length: 11 }, () => charge(a!)));
    expect(answers.filter((x) => x === 'ok')).toHaveLength(10);
  });

  it('lets overlapping charges of one client spend the whole burst, and nothing twice', async () => {
    const { workers: [a, b], primary, leases } = cluster({ rate: 100, burst: 20 }); // a lease is 10
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => charge(i % 3 ? a! : b!)));
    expect(answers.filter((x) => x === 'ok')).toHaveLength(20);
    expect(primary.take('acantus', 1)).toBeGreaterThan(0);
    expect(leases()).toBeLessThan(15); // each refused charge asks once; the 20 that pass share two leases
  });

  it('spends from a lease without asking the primary again', async () => {
    const { workers: [a], leases } = cluster({ rate: 100, burst: 1000 }); // a lease is 0.1 s of the rate: 10
    for (let i = 0; i < 10; i++) expect(await charge(a!)).toBe('ok');
    expect(leases()).toBe(1);
    expect(await charge(a!)).toBe('ok');
    expect(leases()).toBe(2);
  });

  it('uses what a worker holds towards a batch, and keeps it when the batch is refused', async () => {
    const { workers: [a], primary } = cluster({ rate: 100, burst: 1000 });
    expect(await charge(a!)).toBe('ok'); // leased 10, holds 9
    expect(primary.take('acantus', 985)).toBe(0); // 5 left in the primary
    expect(await charge(a!, 20)).toBe('429 retry 1'); // 9 + 5 < 20
    expect(await charge(a!, 14)).toBe('ok'); // 9 held + 5 leased
    expect(await charge(a!)).toBe('429 retry 1');
  });

  it('gives back what a worker holds unspent, so another worker can spend it', async () => {
    const { workers: [a, b], advance } = cluster({ rate: 100, burst: 1000 });
    expect(await charge(a!, 990)).toBe('ok'); // a leased 990 and spent it all
    expect(await charge(a!)).toBe('ok'); // leased 10: 9 held; the primary has none left
    expect(await charge(b!, 9)).toBe('429 retry 1');
    advance(LEASE_IDLE_MS - 1); // the primary refills 99.9 meanwhile
    a!.returnIdle();
    expect(await charge(b!, 100)).toBe('429 retry 1'); // a's 9 not idle long enough to go back
    advance(1);
    a!.returnIdle();
    expect(await charge(b!, 109)).toBe('ok'); // 100 refilled + a's 9
    expect(await charge(b!)).toBe('429 retry 1');
  });

  it('asks the primary nothing for a charge of nothing (the rest of a batch of one)', async () => {
    const { workers: [a], leases } = cluster({ rate: 100, burst: 1000 });
    expect(await charge(a!, 0)).toBe('ok');
    expect(leases()).toBe(0);
  });

  it('never gives back more than the burst', () => {
    const primary = new RateLimiter({ rate: 1, burst: 10, now: () => 0 });
    primary.giveBack('acantus', 5);
    expect(primary.take('acantus', 10)).toBe(0);
    expect(primary.take('acantus', 1)).toBe(1);
  });
});
