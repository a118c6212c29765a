// npm run bench: every benchmark, one after the other (not part of npm test: timings are not tests).
import { benchApi, table } from './api.ts';

console.log(`API benchmark (autocannon, 127.0.0.1, ${process.env.BENCH_SECONDS ?? 10} s per run, Node ${process.version})`);
console.log(table(await benchApi()));
