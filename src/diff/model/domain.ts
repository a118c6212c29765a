// What values a case field can take, read from the zod case schema: the direction of a value-set change
// and the values a witness may use both depend on it (a boolean or an enum has a finite domain).
import { z } from 'zod';
import { caseFields } from '../../case/schema.ts';

export type Scalar = string | number | boolean;

export type Domain =
  | { kind: 'number'; int: boolean; min?: number }
  | { kind: 'finite'; values: Scalar[] }
  | { kind: 'string' };

const cache = new Map<string, Domain | undefined>();

/** The domain of a dotted case path; undefined for a path the case schema does not have. */
export function domainOf(fact: string): Domain | undefined {
  if (cache.has(fact)) return cache.get(fact);
  const schema = caseFields.get(fact);
  let d: Domain | undefined;
  if (schema instanceof z.ZodNumber) {
    d = { kind: 'number', int: schema.isInt === true, ...(typeof schema.minValue === 'number' && Number.isFinite(schema.minValue) && { min: schema.minValue }) };
  } else if (schema instanceof z.ZodBoolean) d = { kind: 'finite', values: [true, false] };
  else if (schema instanceof z.ZodEnum) d = { kind: 'finite', values: schema.options as Scalar[] };
  else if (schema) d = { kind: 'string' };
  cache.set(fact, d);
  return d;
}
