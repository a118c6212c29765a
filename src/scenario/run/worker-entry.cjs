// A worker thread's entry. tsx's CommonJS hook compiles the TypeScript in this thread; its ESM hook
// (bin/voorrang.js) would start a module-hooks thread per worker, which cost more than the work.
require('tsx/cjs/api').register();
require('./worker.ts');
