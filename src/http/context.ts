// What a request carries through the middleware chain (res.locals), typed once.
import type { Lang } from '../engine/decision.ts';
import type { BodyLimit } from './body.ts';
import type { Reservation } from './memory-budget.ts';

/** Fields that go into the request's log line: identifiers and outcomes, never case facts. */
export interface LogFields {
  municipality?: string;
  outcome?: string;
  digest?: string;
  /** Batch: number of cases and count per outcome. */
  cases?: number;
  outcomes?: Record<string, number>;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      lang: Lang;
      requestId: string;
      /** Client organisation of the API key ('local' when no keys are configured). */
      client: string;
      log: LogFields;
      /** This request's share of the server's memory budget (memory-budget.ts). */
      memory?: Reservation;
      /** The body as read (decoded, not parsed) by readBody, and the limit it was read under. */
      rawBody?: Buffer;
      bodyLimit?: BodyLimit;
      /** Rate-limit tokens charged for this request so far (api/rate-limit.ts). */
      charged?: number;
    }
  }
}
