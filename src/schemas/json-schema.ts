// A zod schema as a JSON Schema (draft 2020-12) document with its $id under voorrang's schema base.
import { z } from 'zod';

const BASE = 'https://voorrang.nl/schemas/';

export function toJsonSchema(schema: z.ZodType, id: string): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', unrepresentable: 'throw' }) as Record<string, unknown>;
  return { $schema: json.$schema, $id: BASE + id, ...json };
}
