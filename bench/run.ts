// npm run bench:api (and npm run bench, which also runs bench:scenario) (not part of npm test: timings are not tests).
// The load average and the machine's speed (calibrate.ts) are printed before and after: other work on
// this 2-core machine, or on its host, skews the figures.
import { loadavg } from 'node:os';
import { loadRuleBase } from '../src/rulebase/load.ts';
import { benchApi, table } from './api.ts';
import { calibrate } from './calibrate.ts';

const ruleBase = loadRuleBase();
const state = async () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; one evaluation in process ${(await calibrate(ruleBase)).toFixed(0)} µs`;
console.log(`API benchmark (127.0.0.1, ${process.env.BENCH_SECONDS ?? 10} s per run, Node ${process.version}); before: ${await state()}`);
console.log(table(await benchApi()));
console.log(`after: ${await state()}`);
