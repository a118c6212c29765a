// npm run bench:api (and npm run bench, which also runs bench:scenario) (not part of npm test: timings are not tests).
// The load average is printed before and after: other work on this 2-core machine skews the figures.
import { loadavg } from 'node:os';
import { benchApi, table } from './api.ts';

const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
console.log(`API benchmark (127.0.0.1, ${process.env.BENCH_SECONDS ?? 10} s per run, Node ${process.version}); load average before: ${load()}`);
console.log(table(await benchApi()));
console.log(`load average after: ${load()}`);
