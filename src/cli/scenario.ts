// voorrang scenario scenario.yaml --population cases.csv|ndjson [--format md|json|csv|html] [--out file]
//   or --size N [--seed S] for a synthetic population. Streams the population; progress on stderr.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { BUNDLED_RULES_DIR, loadRuleBase } from '../rulebase/load.ts';
import { RuleBaseError } from '../rulebase/problems.ts';
import { formatFileProblem, parseScenario, parseVacancies } from '../scenario/model/files.ts';
import type { Vacancies } from '../scenario/model/schema.ts';
import { formatOf } from '../scenario/population/read.ts';
import { FORMATS, render, type Format } from '../scenario/report/render.ts';
import { PopulationErrors, runScenario, type Population } from '../scenario/run-scenario.ts';
import { ScenarioError } from '../scenario/run/sides.ts';
import type { Command } from './command.ts';
import { progressBar } from './progress-bar.ts';

export const scenario: Command = {
  usage: 'voorrang scenario scenario.yaml (--population casussen.csv|.ndjson | --size N [--seed S]) [--format md|json|csv|html] [--out bestand] [--vacancies bestand] [--lang en] [--workers N]',
  options: {
    population: { type: 'string', short: 'p' },
    size: { type: 'string' },
    seed: { type: 'string', default: '1' },
    format: { type: 'string', default: 'md' },
    out: { type: 'string', short: 'o' },
    vacancies: { type: 'string' },
    lang: { type: 'string' },
    rules: { type: 'string' },
    workers: { type: 'string' },
  },
  async run(values, [file]) {
    const format = values.format as Format;
    const size = values.size === undefined ? undefined : Number(values.size);
    const seed = Number(values.seed);
    const usage = (why: string) => {
      console.error(`${why}\n\ngebruik: ${this.usage}`);
      return 2;
    };
    if (!file) return usage('geen scenariobestand');
    if (!FORMATS.includes(format)) return usage(`--format: kies uit ${FORMATS.join(', ')}`);
    if ((values.population === undefined) === (size === undefined)) return usage('geef --population of --size (één van beide)');
    if (size !== undefined && (!Number.isSafeInteger(size) || size < 1 || !Number.isSafeInteger(seed))) return usage('--size en --seed: gehele getallen');
    const popFormat = typeof values.population === 'string' ? formatOf(values.population) : undefined;
    if (typeof values.population === 'string' && !popFormat) return usage('--population: een .csv- of .ndjson-bestand');
    if (values.lang !== undefined && values.lang !== 'nl' && values.lang !== 'en') return usage('--lang: nl of en');
    const workersOption = values.workers === undefined ? undefined : Number(values.workers);
    if (workersOption !== undefined && (!Number.isSafeInteger(workersOption) || workersOption < 0 || workersOption > 64)) return usage('--workers: 0 (alles in één thread) tot 64');

    const read = (path: string) => {
      try {
        return readFileSync(path, 'utf8');
      } catch (e) {
        console.error(`${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'bestand bestaat niet' : (e as Error).message}`);
        return undefined;
      }
    };
    const text = read(file);
    if (text === undefined) return 2;
    const parsed = parseScenario(text);
    if (!parsed.ok) {
      for (const p of parsed.problems) console.error(formatFileProblem(file, p));
      return 2;
    }
    const spec = { ...parsed.value, ...(values.lang !== undefined && { language: values.lang as 'nl' | 'en' }) };
    const here = dirname(resolve(file));

    let vacancies: Vacancies | undefined;
    const vacanciesPath = typeof values.vacancies === 'string' ? values.vacancies : spec.vacancies ? join(here, spec.vacancies) : undefined;
    if (vacanciesPath) {
      const vText = read(vacanciesPath);
      if (vText === undefined) return 2;
      const v = parseVacancies(vText);
      if (!v.ok) {
        for (const p of v.problems) console.error(formatFileProblem(vacanciesPath, p));
        return 2;
      }
      vacancies = v.value;
    }

    const population: Population = typeof values.population === 'string' ? { file: values.population, format: popFormat! } : { generate: { size: size!, seed } };
    const source = typeof values.population === 'string' ? values.population : `generator (--size ${size} --seed ${seed})`;
    let report;
    try {
      report = await runScenario(spec, population, {
        ruleBase: loadRuleBase(typeof values.rules === 'string' ? values.rules : BUNDLED_RULES_DIR),
        readFile: (path) => readFileSync(resolve(here, path), 'utf8'),
        ...(vacancies && { vacancies }),
        // One thread unless asked: worker threads cost memory, and on a machine busy with other work they
        // were measured no faster.
        workers: workersOption ?? 0,
        progress: progressBar,
        source,
      });
    } catch (e) {
      return failed(e, file, population, source);
    }
    const output = render(report, format);
    if (typeof values.out === 'string') writeFileSync(values.out, output);
    else process.stdout.write(output);
    return 0;
  },
};

/** Says on stderr why the scenario gave no report, and returns the exit code; rethrows what is a bug. */
function failed(e: unknown, file: string, population: Population, source: string): number {
  if (e instanceof ScenarioError) {
    for (const p of e.problems) console.error(`${file}: ${p.path}: ${p.message}`);
    return 1;
  }
  if (e instanceof RuleBaseError) {
    console.error(e.message);
    return 1;
  }
  if (e instanceof PopulationErrors) {
    for (const x of e.errors) console.error(`${source}:${x.line}${x.column ? `: ${x.column}` : ''}: ${x.message}`);
    const more = e.count - e.errors.length;
    console.error(`${e.count} fout(en) in de populatie${more ? ` (${more} niet getoond)` : ''}; geen rapport: een populatie met overgeslagen regels zou een ander antwoord geven`);
    return 1;
  }
  // The population file could not be read (it does not exist, is a directory, …).
  if ('file' in population && (e as NodeJS.ErrnoException).code !== undefined) {
    console.error(`${population.file}: ${(e as Error).message}`);
    return 2;
  }
  throw e;
}
