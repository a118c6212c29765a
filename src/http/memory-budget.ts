// Memory in flight, bounded over all requests together. A body limit bounds one request's bytes, not how
// many large bodies are read and parsed at once, nor the object graph a parse builds (≈ 20× the bytes of
// `[{},{},…]`). Every request holds a reservation: the bytes it has read, then its parsed graph's estimate
// and what its route expects to build (a batch's decisions). A reservation that does not fit is refused
// with 503 and Retry-After, so a flood is answered, not buffered; the reservation ends with the response.
import type { RequestHandler, Response } from 'express';
import { problems } from './problem.ts';

/** The default over all requests of one process; peak RSS stays under 1 GB with the engine's own share. */
export const DEFAULT_MEMORY_BUDGET = 256 * 1024 * 1024;

export class MemoryBudget {
  private used = 0;

  constructor(readonly capacity: number = DEFAULT_MEMORY_BUDGET) {}

  /** Bytes reserved now, over all requests. */
  get inUse(): number {
    return this.used;
  }

  tryReserve(bytes: number): boolean {
    if (this.used + bytes > this.capacity) return false;
    this.used += bytes;
    return true;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }
}

/** One request's share of the budget; everything it holds is given back when its response closes. */
export class Reservation {
  private held = 0;

  constructor(private readonly budget: MemoryBudget) {}

  /** Adds `bytes`, or throws the 503 problem (and reserves nothing) when the budget cannot hold them. */
  add(bytes: number): void {
    if (!this.budget.tryReserve(bytes)) throw problems.busy(1);
    this.held += bytes;
  }

  end(): void {
    this.budget.release(this.held);
    this.held = 0;
  }
}

/** Middleware: gives every request its reservation in res.locals.memory. */
export function memoryBudget(budget: MemoryBudget): RequestHandler {
  return (_req, res, next) => {
    const reservation = new Reservation(budget);
    res.locals.memory = reservation;
    res.once('close', () => reservation.end());
    next();
  };
}

/** The request's reservation; one of its own when the app has no budget (tests that mount a router alone). */
export const reservationOf = (res: Response): Reservation =>
  (res.locals.memory ??= new Reservation(new MemoryBudget(Number.POSITIVE_INFINITY))) as Reservation;
