import { generatePopulation } from '../src/scenario/generator.ts';
import { csvHeader, csvLine } from '../src/scenario/csv.ts';
let t = performance.now(); let n = 0;
for (const r of generatePopulation({ size: 1_000_000, seed: 1 })) n++;
console.log('gen 1M', (performance.now() - t).toFixed(0), 'ms');
const rows = [...generatePopulation({ size: 5, seed: 1 })];
console.log(csvHeader().join(','));
for (const r of rows) console.log(csvLine(r));
console.log(JSON.stringify(rows[0]));
