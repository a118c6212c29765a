// npm run bench:api (and npm run bench, which also runs bench:scenario) (not part of npm test: timings are not tests).
// The load average and the machine's speed (calibrate.ts) are printed before and after: other work on
// this 2-core machine, or on its host, skews the figures. BENCH_ROUNDS=N runs it N times and ends with
// each figure's median and range, and how often each target was met: on a machine this noisy, one
// round says little.
import { loadavg } from 'node:os';
import { loadRuleBase } from '../src/rulebase/load.ts';
import { benchApi, summary, table, type Row } from './api.ts';
import { calibrate } from './calibrate.ts';

const ruleBase = loadRuleBase();
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
const state = async () => `load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; one evaluation in process ${(await calibrate(ruleBase)).toFixed(0)} µs`;
const all: Row[][] = [];
for (let round = 1; round <= rounds; round++) {
  const which = rounds > 1 ? `, round ${round} of ${rounds}` : '';
  console.log(`API benchmark (127.0.0.1, ${process.env.BENCH_SECONDS ?? 10} s per run, Node ${process.version}${which}); before: ${await state()}`);
  all.push(await benchApi());
  console.log(table(all.at(-1)!));
  console.log(`after: ${await state()}`);
}
if (rounds > 1) console.log(`\nOver ${rounds} rounds: median (min–max)\n${summary(all)}`);
