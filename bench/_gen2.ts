import { generatePopulation } from '../src/scenario/generator.ts';
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
let t = cpu(); let n = 0;
for (const r of generatePopulation({ size: 1_000_000, seed: 1 })) n++;
console.log('gen 1M cpu', (cpu() - t).toFixed(0), 'ms');
