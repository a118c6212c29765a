// Requests per client organisation: a token bucket per API key's client, in memory. One token is one
// evaluation, so a batch of n cases costs n; a body costs a token per started 32 KiB beyond the first, and
// a scenario what it evaluates (scenario/run/cost.ts). The clock is injected, so tests need no waiting.
// With several worker processes (server/cluster.ts) the buckets stay in the primary, and each worker spends
// tokens it leases from them (leased-rate-limit.ts): a client's limit holds over all workers together.
import type { RequestHandler, Response } from 'express';
import { problems } from '../http/problem.ts';

export interface RateLimitOptions {
  /** Evaluations per second, sustained. */
  rate: number;
  /** Evaluations that may be spent at once (at least MAX_BATCH, or a full batch could never pass). */
  burst: number;
  now?: () => number;
}

/** What the routes charge: throws the 429 problem when the client is over its limit. */
export interface RateLimit {
  charge(client: string, cost: number): void | Promise<void>;
}

/** Charges `cost` more to the request's client, and counts it in res.locals.charged. */
export function chargeMore(limit: RateLimit, res: Response, cost: number): void | Promise<void> {
  res.locals.charged = (res.locals.charged ?? 0) + cost;
  return limit.charge(res.locals.client, cost);
}

const charging = (limit: RateLimit, cost: (res: Response) => number): RequestHandler => (_req, res, next) => {
  const pending = chargeMore(limit, res, cost(res));
  if (pending) pending.then(() => next(), next);
  else next();
};

/** Middleware charging one evaluation to res.locals.client; a batch charges the rest once parsed. */
export const chargeOne = (limit: RateLimit): RequestHandler => charging(limit, () => 1);

/** Bytes of body that cost one token: parsing 32 KiB takes about as long as one evaluation. */
export const BYTES_PER_TOKEN = 32 * 1024;

/** Tokens a body of `bytes` costs beyond the one chargeOne took. */
export const bodyCost = (bytes: number): number => Math.max(0, Math.ceil(bytes / BYTES_PER_TOKEN) - 1);

/**
 * Middleware after readBody: charges the bytes read, before anything parses them. A batch then charges
 * only the cases the bytes did not pay for: the larger of the two is the work.
 */
export const chargeBytes = (limit: RateLimit): RequestHandler => charging(limit, (res) => bodyCost(res.locals.rawBody?.length ?? 0));

/** A grant of tokens, or (granted 0) the seconds to wait before the minimum asked is available. */
export interface Grant { granted: number; wait: number }

export class RateLimiter implements RateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(readonly options: RateLimitOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Takes `cost` tokens; returns 0 when allowed, else the seconds to wait before the cost is available. */
  take(client: string, cost = 1): number {
    return this.lease(client, cost, cost).wait;
  }

  /**
   * Takes between `min` and `want` tokens, as many as there are, if there are at least `min`. A cost above
   * the burst (a large scenario) is taken from any bucket not in debt, which goes into debt: the client
   * then waits until the work is paid for, so it is charged all of it, not only what a bucket can hold.
   */
  lease(client: string, min: number, want: number): Grant {
    const { rate, burst } = this.options;
    const b = this.bucket(client);
    if (b.tokens >= min || (min > burst && b.tokens > 0)) {
      const granted = Math.max(min, Math.min(want, b.tokens));
      b.tokens -= granted;
      return { granted, wait: 0 };
    }
    // What must be there first: `min`, or for a cost above the burst, a bucket out of debt.
    return { granted: 0, wait: Math.max(1, Math.ceil(((min > burst ? 0 : min) - b.tokens) / rate)) };
  }

  /** Puts back tokens leased and not spent (never above the burst). */
  giveBack(client: string, tokens: number): void {
    const b = this.bucket(client);
    b.tokens = Math.min(this.options.burst, b.tokens + tokens);
  }

  charge(client: string, cost: number): void {
    const wait = this.take(client, cost);
    if (wait > 0) throw problems.tooManyRequests(wait);
  }

  /** The client's bucket, refilled up to now. */
  private bucket(client: string): { tokens: number; at: number } {
    const now = this.now();
    let b = this.buckets.get(client);
    if (!b) this.buckets.set(client, (b = { tokens: this.options.burst, at: now }));
    b.tokens = Math.min(this.options.burst, b.tokens + ((now - b.at) / 1000) * this.options.rate);
    b.at = now;
    return b;
  }
}
