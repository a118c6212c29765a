// The JSON Schemas in schemas/ are generated from the zod definitions, never written by hand.
import { z } from 'zod';
import { Case } from './case/schema.ts';
import { RuleFile } from './rulebase/schema.ts';

const BASE = 'https://voorrang.nl/schemas/';

function toJsonSchema(schema: z.ZodType, id: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<string, unknown>;
  return { $schema: json.$schema, $id: BASE + id, ...json };
}

/** File name in schemas/ → schema document. */
export const jsonSchemas: Record<string, Record<string, unknown>> = {
  'case.schema.json': toJsonSchema(Case, 'case.schema.json'),
  'rulefile.schema.json': toJsonSchema(RuleFile, 'rulefile.schema.json'),
};
