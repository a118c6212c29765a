// The JSON Schemas in schemas/ are generated from the zod definitions, never written by hand.
import { toJsonSchema } from './json-schema.ts';
import { Case } from '../case/schema.ts';
import { RuleFile } from '../rulebase/schema.ts';
import { RuleTestFile } from '../testing/yaml-tests.ts';
import { Decision } from '../engine/decision.ts';
import { Scenario, Vacancies } from '../scenario/model/schema.ts';

/** File name in schemas/ → schema document. */
export const jsonSchemas: Record<string, Record<string, unknown>> = {
  'case.schema.json': toJsonSchema(Case, 'case.schema.json'),
  'rulefile.schema.json': toJsonSchema(RuleFile, 'rulefile.schema.json'),
  'ruletest.schema.json': toJsonSchema(RuleTestFile, 'ruletest.schema.json'),
  'decision.schema.json': toJsonSchema(Decision, 'decision.schema.json'),
  'scenario.schema.json': toJsonSchema(Scenario, 'scenario.schema.json'),
  'vacancies.schema.json': toJsonSchema(Vacancies, 'vacancies.schema.json'),
};
