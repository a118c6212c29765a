// One V8 setting for the API's process: no allocation-site pretenuring.
// V8 watches where objects are allocated, and when most objects from one place survive a young-generation
// collection, it allocates that place's objects straight in the old generation from then on. A burst of
// concurrent requests does that to places on the evaluation path: with json-rules-engine, whose runs are
// chains of promises, dozens of runs are under way at once and their objects survive. After the burst
// they die young again but are still born old, and hold their young children alive: under load after
// such a burst, every scavenge promoted about 700 KB of garbage instead of 60 KB and took 3.4–3.7 ms
// instead of 1.1–1.2 ms, and the old generation filled, so that mark-compacts came often too; the GC
// pause per 1,000 evaluations more than doubled (docs/api.md#benchmark).
// What lives long in an API process (the compiled rule base) is built before the first request, so
// pretenuring buys it nothing.
import { setFlagsFromString } from 'node:v8';

/** Call before serving; the setting holds for the whole process. */
export function disablePretenuring(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
