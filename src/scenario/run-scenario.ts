// The one way to run a scenario (CLI and API): both sides resolved, the population counted, the report
// built. Throws ScenarioError (a side that cannot be resolved, a variant that breaks the law) or
// PopulationErrors (lines that cannot be evaluated: a report without them would give another answer).
import type { RuleBase } from '../rulebase/rulebase.ts';
import type { ScenarioReport } from './model/report-schema.ts';
import type { PopulationError, Scenario, Vacancies } from './model/schema.ts';
import { buildReport } from './report/build.ts';
import { feed, type FeedOptions, type Population } from './run/feed.ts';
import { scenarioCost, type ScenarioCost } from './run/cost.ts';
import { prepareScenario } from './run/prepare.ts';
import { ScenarioError } from './run/sides.ts';
import { Tally } from './run/tally.ts';

export type { Population } from './run/feed.ts';

export interface ScenarioOptions extends FeedOptions {
  ruleBase: RuleBase;
  /** Reads a file the scenario names (the CLI: relative to the scenario file); without it, naming one is refused. */
  readFile?: (path: string) => string;
  /** The figures for the fair share (the caller reads a vacancies file the scenario names). */
  vacancies?: Vacancies;
  /** What the report calls the population; default the file, `N inline`, or the generator and its seed. */
  source?: string;
  /**
   * Called once both sides are resolved, before any case is evaluated, with what the run will cost (not
   * for a file, whose size is unknown); throwing (or rejecting) stops the run there. The API charges it.
   */
  admit?: (cost: ScenarioCost) => void | Promise<void>;
}

export class PopulationErrors extends Error {
  /** The first errors, and how many there were in all. */
  constructor(readonly errors: PopulationError[], readonly count = errors.length) {
    super(errors.map((e) => `${e.line}${e.column ? ` ${e.column}` : ''}: ${e.message}`).join('\n'));
    this.name = 'PopulationErrors';
  }
}

export async function runScenario(scenario: Scenario, population: Population, options: ScenarioOptions): Promise<ScenarioReport> {
  if (scenario.vacancies && !options.readFile) throw new ScenarioError([{ path: 'scenario.vacancies', message: 'geef de vacatures inline (vacancies in het verzoek), niet als bestand' }]);
  const prepared = prepareScenario(scenario, { ruleBase: options.ruleBase, ...(options.readFile && { readFile: options.readFile }) });
  const cases = 'cases' in population ? population.cases.length : 'generate' in population ? population.generate.size : undefined;
  if (options.admit && cases !== undefined) await options.admit(scenarioCost(prepared, cases));
  const tally = new Tally(prepared);
  await feed(tally, population, options);
  if (tally.errorCount) throw new PopulationErrors(tally.errors, tally.errorCount);
  return buildReport(prepared, tally, options.source ?? sourceOf(population), options.vacancies);
}

const sourceOf = (population: Population): string =>
  'cases' in population ? `${population.cases.length} inline`
    : 'generate' in population ? `generator (size ${population.generate.size}, seed ${population.generate.seed})`
      : population.file;
