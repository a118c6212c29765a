// Requests per client organisation: a token bucket per API key's client, in memory. One token is one
// evaluation, so a batch of n cases costs n. The clock is injected, so tests need no waiting.
import type { RequestHandler } from 'express';
import { problems } from './problem.ts';

export interface RateLimitOptions {
  /** Evaluations per second, sustained. */
  rate: number;
  /** Evaluations that may be spent at once (at least MAX_BATCH, or a full batch could never pass). */
  burst: number;
  now?: () => number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(readonly options: RateLimitOptions) {
    this.now = options.now ?? (() => performance.now());
  }

  /** Takes `cost` tokens; returns 0 when allowed, else the seconds to wait before the cost is available. */
  take(client: string, cost = 1): number {
    const { rate, burst } = this.options;
    const now = this.now();
    const b = this.buckets.get(client) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * rate);
    b.at = now;
    this.buckets.set(client, b);
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return 0;
    }
    return Math.max(1, Math.ceil((Math.min(cost, burst) - b.tokens) / rate));
  }

  /** Middleware charging one evaluation to res.locals.client; a batch charges the rest once parsed. */
  middleware(): RequestHandler {
    return (_req, res, next) => {
      this.charge(res.locals.client, 1);
      next();
    };
  }

  charge(client: string, cost: number): void {
    const wait = this.take(client, cost);
    if (wait > 0) throw problems.tooManyRequests(wait);
  }
}
