// One V8 setting for the API's process: no allocation-site pretenuring.
// V8 watches where objects are allocated, and when enough objects from one place survive a young-
// generation collection it starts allocating that place's objects straight in the old generation. Under
// load, json-rules-engine's per-run objects (promises, almanac, cloned conditions) cross that line, and
// from then on each run's short-lived objects are born old and hold their young children alive: every
// scavenge copies and promotes about 600 KB of garbage, takes 3–4 ms instead of about 1 ms, and the old
// generation fills with it, so that mark-compacts come often too. Both show up as the p99 at 1,000 req/s
// (docs/api.md#benchmark). An API process holds little that lives long besides the compiled rule base,
// which is built before any request, so pretenuring buys it nothing.
import { setFlagsFromString } from 'node:v8';

/** Call before serving; the setting holds for the whole process. */
export function disablePretenuring(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
