// runScenario: the whole scenario as one pure function over an in-memory population — for the API
// (POST /v1/scenarios): an inline scenario with up to 10,000 inline cases or a generator spec.
import { z } from 'zod';
import type { RuleBase } from '../rulebase/rulebase.ts';
import { generatePopulation } from './population/generator.ts';
import { PopulationRecord, Scenario, Vacancies, type PopulationError } from './model/schema.ts';
import { ScenarioRun } from './run/tally.ts';
import { prepareScenario } from './run/prepare.ts';
import type { ScenarioReport } from './model/report-schema.ts';
import { ScenarioError } from './run/sides.ts';

export const MAX_INLINE_CASES = 10_000;
export const MAX_GENERATED_CASES = 100_000;

export const ScenarioRequest = z.strictObject({
  scenario: Scenario,
  population: z.union([
    z.strictObject({ cases: z.array(PopulationRecord).min(1).max(MAX_INLINE_CASES) }),
    z.strictObject({ generate: z.strictObject({ size: z.int().min(1).max(MAX_GENERATED_CASES), seed: z.int() }) }),
  ]).describe('Inline cases, or a synthetic population drawn by the generator'),
  vacancies: Vacancies.optional().describe('Vacancies and target share, for the fair share'),
}).describe('A scenario run over an inline population');
export type ScenarioRequest = z.infer<typeof ScenarioRequest>;

/** Population lines that cannot be evaluated (an unknown municipality); the request is refused. */
export class PopulationErrors extends Error {
  constructor(readonly errors: PopulationError[]) {
    super(errors.map((e) => `${e.line}${e.column ? ` ${e.column}` : ''}: ${e.message}`).join('\n'));
    this.name = 'PopulationErrors';
  }
}

/** Throws ScenarioError (a side that cannot be resolved, a variant that breaks the law) or PopulationErrors. */
export function runScenario(request: ScenarioRequest, ruleBase: RuleBase): ScenarioReport {
  const { scenario, population, vacancies } = request;
  if (scenario.vacancies) throw new ScenarioError([{ path: 'scenario.vacancies', message: 'geef de vacatures inline (vacancies in het verzoek), niet als bestand' }]);
  const run = new ScenarioRun(prepareScenario(scenario, { ruleBase }));
  if ('cases' in population) {
    population.cases.forEach((record, i) => {
      const municipality = record.municipality ?? record.case.residence?.municipality;
      if (!municipality) run.error({ line: i + 1, column: 'municipality', message: 'geen gemeente: vul municipality of case.residence.municipality' });
      else run.add({ line: i + 1, ...(record.id !== undefined && { id: String(record.id) }), municipality, case: record.case });
    });
  } else {
    for (const row of generatePopulation(population.generate)) run.add(row);
  }
  if (run.errorCount) throw new PopulationErrors(run.errors);
  const source = 'cases' in population ? `${population.cases.length} inline` : `generator (size ${population.generate.size}, seed ${population.generate.seed})`;
  return run.report(source, vacancies);
}
