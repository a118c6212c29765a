// voorrang population --size N --seed S [--format csv|ndjson] [--out file]: a synthetic population.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { generatePopulation, MUNICIPALITY_POPULATION } from '../scenario/population/generator.ts';
import { csvHeader, csvLine } from '../scenario/population/csv.ts';
import { ndjsonLine } from '../scenario/population/ndjson.ts';
import type { Command } from './command.ts';

export const population: Command = {
  usage: 'voorrang population --size N --seed S [--format csv|ndjson] [--out bestand] [--municipalities GM0014,GM1966]',
  options: {
    size: { type: 'string' },
    seed: { type: 'string', default: '1' },
    format: { type: 'string', default: 'csv' },
    out: { type: 'string', short: 'o' },
    municipalities: { type: 'string' },
  },
  async run(values) {
    const size = Number(values.size);
    const seed = Number(values.seed);
    const format = values.format;
    if (!Number.isSafeInteger(size) || size < 0 || !Number.isSafeInteger(seed) || (format !== 'csv' && format !== 'ndjson')) {
      console.error(`gebruik: ${this.usage}`);
      return 2;
    }
    const municipalities = typeof values.municipalities === 'string' ? values.municipalities.split(',').map((s) => s.trim()) : undefined;
    const unknown = municipalities?.filter((m) => !(m in MUNICIPALITY_POPULATION)) ?? [];
    if (unknown.length) {
      console.error(`--municipalities: onbekend: ${unknown.join(', ')} (bekend: ${Object.keys(MUNICIPALITY_POPULATION).join(', ')})`);
      return 2;
    }
    const out: Writable = typeof values.out === 'string' ? createWriteStream(values.out) : process.stdout;
    let buffer: string[] = format === 'csv' ? [csvHeader().join(',')] : [];
    const flush = async () => {
      if (!out.write(buffer.join('\n') + '\n')) await once(out, 'drain');
      buffer = [];
    };
    for (const row of generatePopulation({ size, seed, ...(municipalities && { municipalities }) })) {
      buffer.push(format === 'csv' ? csvLine(row) : ndjsonLine(row));
      if (buffer.length >= 2000) await flush();
    }
    if (buffer.length) await flush();
    if (out !== process.stdout) {
      out.end();
      await once(out, 'finish');
    }
    return 0;
  },
};
