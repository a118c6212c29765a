// A scenario worker thread's entry: tsx's CommonJS hook compiles the TypeScript in this thread (see
// src/scenario/run/worker-entry.cjs for why not its ESM hook).
require('tsx/cjs/api').register();
require('./worker.ts');
