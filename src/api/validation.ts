// zod issues → problem-details invalidParams: one entry per offending field, with its JSON path.
import { z } from 'zod';
import type { Lang } from '../engine/decision.ts';
import { jsonPath, type PathSegment } from '../rulebase/problems.ts';
import type { InvalidParam } from './schemas.ts';

const errorMaps = { nl: z.locales.nl().localeError, en: z.locales.en().localeError };

export type Parsed<T> = { ok: true; value: T } | { ok: false; invalidParams: InvalidParam[] };

/** How a field is named: a JSON path into a body ($.cases[3].applicant.age) or a query parameter (date). */
export type Namer = (path: readonly PathSegment[]) => string;
export const queryName: Namer = (path) => path.join('.');

/** Parses with messages in `lang`; paths are prefixed with `at` (e.g. ['cases', 3] in a batch). */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, lang: Lang, at: PathSegment[] = [], name: Namer = jsonPath): Parsed<T> {
  // Messages are only made for invalid input: parsing with an error map is slower for every valid one.
  const valid = schema.safeParse(input);
  if (valid.success) return { ok: true, value: valid.data };
  const result = schema.safeParse(input, { error: errorMaps[lang] });
  return result.success ? { ok: true, value: result.data } : { ok: false, invalidParams: toInvalidParams(result.error.issues, at, name, lang) };
}

/** The invalid params of several parses at once, e.g. a query and a body, so a client hears of both. */
export const invalidOf = (...parsed: Parsed<unknown>[]): InvalidParam[] => parsed.flatMap((p) => (p.ok ? [] : p.invalidParams));

const unknownField = { nl: (key: string) => `Onbekend veld '${key}'`, en: (key: string) => `Unknown field '${key}'` };

export function toInvalidParams(issues: readonly z.core.$ZodIssue[], at: PathSegment[] = [], name: Namer = jsonPath, lang: Lang = 'nl'): InvalidParam[] {
  return issues.flatMap((issue): InvalidParam[] => {
    const path = [...at, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    // An unknown field is reported at its own path, so a client sees exactly which key to drop; its reason
    // names that key only (zod's message lists them all, which made N keys cost N² bytes).
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ name: name([...path, key]), code: issue.code, reason: unknownField[lang](key) }));
    }
    return [{ name: name(path), code: issue.code, reason: issue.message }];
  });
}
