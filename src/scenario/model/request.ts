// The body of POST /v1/scenarios: a scenario over inline cases or a generated population.
import { z } from 'zod';
import { PopulationRecord, Scenario, Vacancies } from './schema.ts';

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
