// RFC 9457 problem details (problem+json): what an error answer holds, how it is sent, and the problems
// of HTTP itself (body, key, limit, URL), in Dutch (default) or English.
import type { Response } from 'express';
import { z } from 'zod';
import type { Lang } from '../engine/decision.ts';
import type { Bilingual } from './language.ts';

export const PROBLEM_TYPE_BASE = 'https://voorrang.nl/problemen/';
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export const InvalidParam = z.object({
  name: z.string().describe('JSON path of the offending field, e.g. $.grounds.mantelzorg.hoursPerWeek'),
  code: z.string().describe('Machine-readable kind of error, e.g. invalid_type, unrecognized_keys'),
  reason: z.string().describe('What is wrong, in the language of the response'),
});
export type InvalidParam = z.infer<typeof InvalidParam>;

/** The most invalid params one answer lists; the rest is counted in invalidParamsOmitted. */
export const MAX_INVALID_PARAMS = 100;

/** The members every problem has; the API adds its own extension members (api/schemas.ts Problem). */
export const ProblemDetails = z.object({
  type: z.url().describe('URI that identifies the kind of problem'),
  title: z.string(),
  status: z.int().min(400).max(599),
  detail: z.string(),
  instance: z.string().optional().describe('Request path that caused the problem'),
  invalidParams: z.array(InvalidParam).max(MAX_INVALID_PARAMS).optional().describe(`The offending fields (400 invalid input), at most ${MAX_INVALID_PARAMS}`),
  invalidParamsOmitted: z.int().min(1).optional().describe('How many more offending fields there are than invalidParams lists'),
});
export type ProblemDetails = z.infer<typeof ProblemDetails>;

/**
 * Thrown anywhere in a request; the error handler renders it in the request's language. `extra` holds
 * the members beyond the text (invalidParams, or an extension member such as nearestVersions).
 */
export class ApiProblem<Extra extends object = object> extends Error {
  constructor(
    readonly status: number,
    readonly slug: string,
    readonly title: Bilingual,
    readonly detail: Bilingual,
    readonly extra: Extra = {} as Extra,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail.en);
  }

  render(lang: Lang, instance?: string): ProblemDetails & Extra {
    return {
      type: PROBLEM_TYPE_BASE + this.slug,
      title: this.title[lang],
      status: this.status,
      detail: this.detail[lang],
      ...(instance && { instance }),
      ...this.extra,
    };
  }
}

export function sendProblem(res: Response, problem: ApiProblem, instance?: string): void {
  res.status(problem.status).set(problem.headers).type(PROBLEM_MEDIA_TYPE)
    .send(JSON.stringify(problem.render(res.locals.lang ?? 'nl', instance)));
}

// The catalogue: one factory per kind of problem.
export const problems = {
  malformedJson: () => new ApiProblem(400, 'ongeldige-json',
    { nl: 'Ongeldige JSON', en: 'Malformed JSON' },
    { nl: 'De body van het verzoek is geen geldige JSON.', en: 'The request body is not valid JSON.' }),

  tooDeep: (name: string, max: number, lang: Lang) => new ApiProblem(400, 'ongeldige-invoer',
    { nl: 'Ongeldige invoer', en: 'Invalid input' },
    { nl: `De body is dieper genest dan ${max} niveaus.`, en: `The body is nested deeper than ${max} levels.` },
    { invalidParams: [{ name, code: 'too_deep', reason: lang === 'nl' ? `dieper genest dan ${max} niveaus` : `nested deeper than ${max} levels` }] }),

  malformedUrl: () => new ApiProblem(400, 'ongeldige-url',
    { nl: 'Ongeldige URL', en: 'Malformed URL' },
    { nl: 'De URL bevat een ongeldige %-codering.', en: 'The URL contains invalid percent-encoding.' }),

  /** At most MAX_INVALID_PARAMS entries, and the count of the rest: an answer never outgrows its request. */
  invalidInput: (all: InvalidParam[]) => {
    const invalidParams = all.slice(0, MAX_INVALID_PARAMS);
    const omitted = all.length - invalidParams.length;
    return new ApiProblem(400, 'ongeldige-invoer',
      { nl: 'Ongeldige invoer', en: 'Invalid input' },
      omitted ? {
        nl: `Het verzoek voldoet niet aan het schema: ${all.length} fouten; de eerste ${MAX_INVALID_PARAMS} staan in invalidParams.`,
        en: `The request does not match the schema: ${all.length} errors; the first ${MAX_INVALID_PARAMS} are in invalidParams.`,
      } : {
        nl: `Het verzoek voldoet niet aan het schema: ${all.length} fout(en), zie invalidParams.`,
        en: `The request does not match the schema: ${all.length} error(s), see invalidParams.`,
      },
      { invalidParams, ...(omitted && { invalidParamsOmitted: omitted }) });
  },

  unauthorized: (reason: Bilingual) => new ApiProblem(401, 'niet-geautoriseerd',
    { nl: 'Niet geautoriseerd', en: 'Unauthorized' }, reason, {},
    { 'WWW-Authenticate': 'Bearer realm="voorrang"' }),

  notFound: () => new ApiProblem(404, 'niet-gevonden',
    { nl: 'Niet gevonden', en: 'Not found' },
    { nl: 'Deze URL bestaat niet in deze API; zie /v1/docs.', en: 'This URL does not exist in this API; see /v1/docs.' }),

  methodNotAllowed: (allow: string[]) => new ApiProblem(405, 'methode-niet-toegestaan',
    { nl: 'Methode niet toegestaan', en: 'Method not allowed' },
    { nl: `Toegestaan op deze URL: ${allow.join(', ')}.`, en: `Allowed on this URL: ${allow.join(', ')}.` },
    {}, { Allow: allow.join(', ') }),

  payloadTooLarge: (limit: string) => new ApiProblem(413, 'body-te-groot',
    { nl: 'Body te groot', en: 'Payload too large' },
    { nl: `De body is groter dan ${limit}.`, en: `The body is larger than ${limit}.` }),

  tooManyValues: (max: number) => new ApiProblem(413, 'body-te-groot',
    { nl: 'Body te groot', en: 'Payload too large' },
    {
      nl: `De body bevat meer dan ${max.toLocaleString('nl-NL')} waarden en is geweigerd voordat hij werd verwerkt.`,
      en: `The body holds more than ${max.toLocaleString('en-GB')} values; it was refused before it was parsed.`,
    }),

  unsupportedMediaType: (got: string | undefined) => new ApiProblem(415, 'mediatype-niet-ondersteund',
    { nl: 'Mediatype niet ondersteund', en: 'Unsupported media type' },
    {
      nl: `Stuur de body als application/json (UTF-8)${got ? `, niet als ${got}` : ''}.`,
      en: `Send the body as application/json (UTF-8)${got ? `, not as ${got}` : ''}.`,
    }),

  tooManyRequests: (retryAfterSeconds: number) => new ApiProblem(429, 'te-veel-verzoeken',
    { nl: 'Te veel verzoeken', en: 'Too many requests' },
    {
      nl: `De limiet voor deze API-sleutel is bereikt; probeer het over ${retryAfterSeconds} s opnieuw.`,
      en: `The limit for this API key has been reached; retry in ${retryAfterSeconds} s.`,
    },
    {}, { 'Retry-After': String(retryAfterSeconds) }),

  /** The server's memory or workers are taken by requests under way: the sender retries, nothing is queued. */
  busy: (retryAfterSeconds: number) => new ApiProblem(503, 'server-bezet',
    { nl: 'Server bezet', en: 'Server busy' },
    {
      nl: `De server verwerkt nu te veel grote verzoeken tegelijk; probeer het over ${retryAfterSeconds} s opnieuw.`,
      en: `The server is handling too many large requests at once; retry in ${retryAfterSeconds} s.`,
    },
    {}, { 'Retry-After': String(retryAfterSeconds) }),

  internal: () => new ApiProblem(500, 'interne-fout',
    { nl: 'Interne fout', en: 'Internal error' },
    {
      nl: 'Er ging iets mis aan onze kant; het verzoek-id in X-Request-ID helpt ons het te vinden.',
      en: 'Something went wrong on our side; the request id in X-Request-ID helps us find it.',
    }),
};
