// A worker's side of the rate limit when the API runs in several processes (server/cluster.ts). The buckets
// live in the primary (rate-limit.ts); a worker leases tokens from them a few at a time and spends them
// without asking again, so a request costs a message to the primary only once per lease. A client's limit
// therefore holds over all workers together, and a client whose connections all land on one worker still
// gets its full rate. What a worker holds and has not spent goes back after LEASE_IDLE_MS without use, so
// it can be short in another worker by at most one lease (LEASE_SECONDS of the rate) per worker.
import { problems } from '../http/problem.ts';
import type { Grant, RateLimit } from './rate-limit.ts';

/** Where leases come from: the primary's RateLimiter, over IPC in production and directly in tests. */
export interface LeaseSource {
  lease(client: string, min: number, want: number): Promise<Grant>;
  giveBack(client: string, tokens: number): void;
}

/** A lease is this many seconds of the client's rate (at least one token). */
export const LEASE_SECONDS = 0.1;
/** Tokens held this long without being spent go back to the primary. */
export const LEASE_IDLE_MS = 1000;

export class LeasedRateLimit implements RateLimit {
  private readonly held = new Map<string, { tokens: number; at: number }>();
  /** Per client, the lease under way (settled when it is in, granted or not). */
  private readonly leasing = new Map<string, Promise<void>>();
  private readonly leaseSize: number;
  private readonly now: () => number;

  constructor(private readonly source: LeaseSource, options: { rate: number; now?: () => number }) {
    this.leaseSize = Math.max(1, Math.ceil(options.rate * LEASE_SECONDS));
    this.now = options.now ?? (() => performance.now());
  }

  charge(client: string, cost: number): void | Promise<void> {
    if (cost <= 0) return; // a batch of one case was charged in full by the middleware
    if (!this.spend(client, cost)) return this.topUp(client, cost);
  }

  /** Spends `cost` from what the client holds here, if it holds that much. */
  private spend(client: string, cost: number): boolean {
    const h = this.held.get(client);
    if (!h || h.tokens < cost) return false;
    h.tokens -= cost;
    h.at = this.now();
    return true;
  }

  /**
   * Leases what is not held, one lease at a time per client: a charge that finds a lease under way waits
   * for it and spends from it, instead of leasing more than the client needs. What is held is set aside
   * first, so that charges running meanwhile cannot spend it twice; on a refusal it is put back.
   */
  private async topUp(client: string, cost: number): Promise<void> {
    for (let underway = this.leasing.get(client); underway; underway = this.leasing.get(client)) {
      await underway;
      if (this.spend(client, cost)) return;
    }
    const lease = this.lease(client, cost);
    this.leasing.set(client, lease.catch(() => {}));
    try {
      await lease;
    } finally {
      this.leasing.delete(client);
    }
  }

  private async lease(client: string, cost: number): Promise<void> {
    const mine = this.take(client);
    const need = cost - mine;
    const { granted, wait } = await this.source.lease(client, need, Math.max(need, this.leaseSize));
    if (granted < need) {
      this.put(client, mine);
      throw problems.tooManyRequests(wait);
    }
    this.put(client, granted - need);
  }

  /** Gives back what has been held unspent for LEASE_IDLE_MS; a worker calls this on a timer. */
  returnIdle(): void {
    const now = this.now();
    for (const [client, h] of this.held) {
      if (now - h.at < LEASE_IDLE_MS) continue;
      this.held.delete(client);
      if (h.tokens > 0) this.source.giveBack(client, h.tokens);
    }
  }

  private take(client: string): number {
    const h = this.held.get(client);
    if (!h) return 0;
    const tokens = h.tokens;
    h.tokens = 0;
    return tokens;
  }

  private put(client: string, tokens: number): void {
    const h = this.held.get(client);
    if (h) {
      h.tokens += tokens;
      h.at = this.now();
    } else this.held.set(client, { tokens, at: this.now() });
  }
}
