// Worker threads give the very same report as one thread: counts, examples (by line), errors (by line).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { prepareScenario } from '../../src/scenario/run/prepare.ts';
import { Tally } from '../../src/scenario/run/tally.ts';
import { buildReport } from '../../src/scenario/report/build.ts';
import { runScenario } from '../../src/scenario/run-scenario.ts';
import { Scenario } from '../../src/scenario/model/schema.ts';
import { feedFile, feedGenerated } from '../../src/scenario/run/feed.ts';
import { feedFileParallel, generateParallel } from '../../src/scenario/run/parallel.ts';
import { generatePopulation } from '../../src/scenario/population/generator.ts';
import { csvHeader, csvLine } from '../../src/scenario/population/csv.ts';

const ruleBase = loadRuleBase();
const scenario = Scenario.parse({
  name: 'parallel', date: '2026-08-01', examples: 2,
  baseline: { regulation: 'concept' },
  variant: { regulation: 'concept', changes: [{ op: 'setParameter', parameter: 'mantelzorg.minimumUrenPerWeek', value: 10, basis: { article: '2.6' } }] },
});
const prepared = prepareScenario(scenario, { ruleBase });
const newRun = () => new Tally(prepared);
const reportOf = (tally: Tally, source: string) => buildReport(prepared, tally, source);

describe('parallel run', () => {
  it('generated population: 3 workers = one thread', async () => {
    const spec = { size: 30_000, seed: 11 };
    const one = newRun();
    feedGenerated(one, spec);
    const many = newRun();
    await generateParallel(many, spec, 3);
    expect(reportOf(many, 'g')).toEqual(reportOf(one, 'g'));
  }, 60_000);

  it('CSV file with bad lines: 2 workers = one thread, errors in line order', async () => {
    const rows = [...generatePopulation({ size: 20_000, seed: 12 })].map((r) => csvLine(r));
    rows[5_000] = rows[5_000]!.replace(/^(\d+),GM\d{4},/, '$1,GM9999,'); // unknown municipality
    rows[15_000] = 'x,y';
    const path = join(mkdtempSync(join(tmpdir(), 'parallel-')), 'pop.csv');
    writeFileSync(path, [csvHeader().join(','), ...rows].join('\n')); // no newline at the end
    const one = newRun();
    await feedFile(one, path, 'csv');
    const many = newRun();
    await feedFileParallel(many, path, 'csv', 2);
    expect(one.errors.map((e) => e.line)).toEqual([5_002, 15_002]);
    expect(many.errors).toEqual(one.errors);
    expect(many.cases).toBe(19_998);
    expect(reportOf(many, 'f')).toEqual(reportOf(one, 'f'));
  }, 60_000);

  it('a bad header stops the run before any worker starts', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parallel-')), 'bad.csv');
    writeFileSync(path, 'municipality,nope\nGM0014,1\n');
    const run = newRun();
    await feedFileParallel(run, path, 'csv', 2);
    expect(run.errors).toEqual([expect.objectContaining({ line: 1, column: 'nope' })]);
  });

  it('runScenario shares a file out over workers when asked, with the same report', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'parallel-')), 'pop.csv');
    writeFileSync(path, [csvHeader().join(','), ...[...generatePopulation({ size: 5_000, seed: 13 })].map((r) => csvLine(r))].join('\n') + '\n');
    const population = { file: path, format: 'csv' as const };
    expect(await runScenario(scenario, population, { ruleBase, workers: 2 })).toEqual(await runScenario(scenario, population, { ruleBase }));
  }, 60_000);
});
