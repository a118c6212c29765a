// One V8 setting for the server's process: no allocation-site pretenuring. After a burst of concurrent
// json-rules-engine runs, V8 keeps allocating objects of the evaluation path straight in the old
// generation; they still die young, but there they hold their young children alive, so garbage collection
// grows slower (the measurements are in this file's git log). What lives long here (the compiled rule
// base) is built before the first request, so pretenuring buys it nothing.
import { setFlagsFromString } from 'node:v8';

/** Call before serving; the setting holds for the whole process. */
export function disablePretenuring(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
