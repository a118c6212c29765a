// The OpenAPI 3.1 document: paths written here, every schema generated from the zod definitions (the
// case, the decision, the API's own messages) and every example passed in as real output (openapi-examples.ts).
// openapi.yaml in the repository is this document, written by `npm run openapi`.
import { z } from 'zod';
import { Case } from '../case/schema.ts';
import { ChainLink, ConditionTrace, MissingFact, RegulationReceipt, TestTrace } from '../engine/decision.ts';
import { Basis, Change, Condition, Regulation, Statute } from '../rulebase/schema.ts';
import {
  ConditionChange, DecisionSummary, DiffReport, ParameterChange, Side as DiffSide, TestChange, ValueChange, Witness,
} from '../diff/model/report.ts';
import { ExampleCell, Explanation, FairShare, FairShareRow, ScenarioReport, Scope } from '../scenario/model/report-schema.ts';
import { MAX_GENERATED_CASES, MAX_INLINE_CASES, ScenarioRequest } from '../scenario/model/request.ts';
import { PopulationRecord, Scenario, Side as ScenarioSide, Vacancies } from '../scenario/model/schema.ts';
import { BODY_LIMIT } from '../http/body.ts';
import type { Examples } from './openapi-examples.ts';
import { PROBLEM_MEDIA_TYPE } from '../http/problem.ts';
import { answer, REASONING } from './reasoning.ts';
import { SCENARIO_BODY_LIMIT } from './scenario-run/request.ts';
import { MAX_SCENARIO_TOKENS } from './routes/scenarios.ts';
import { LEAF_EVALUATIONS_PER_TOKEN } from '../scenario/run/cost.ts';
import { MAX_BATCH } from './batch-limit.ts';
import {
  BatchRequest, BatchResponse, BatchResult, EvaluationDecision, Health, InvalidParam, Problem, RegulationDetail, RegulationList,
  VersionSummary,
} from './schemas.ts';
import { API_VERSION, BASE_PATH } from './version.ts';

type Json = Record<string, unknown>;

/** Named components; shared sub-schemas are named too, so they appear once and recursion has a target. */
const components: Record<string, z.ZodType> = {
  Case, Decision: EvaluationDecision, ConditionTrace, TestTrace, ChainLink, RegulationReceipt, MissingFact, Basis, Condition, Regulation,
  Statute, Problem, InvalidParam, VersionSummary, RegulationList, RegulationDetail, BatchRequest, BatchResult,
  BatchResponse, Health,
  // GET /regulations/{municipalityCode}/diff
  DiffReport, DiffSide, Witness, DecisionSummary, ConditionChange, TestChange, ParameterChange, ValueChange,
  // POST /scenarios
  ScenarioRequest, Scenario, ScenarioSide, Change, PopulationRecord, Vacancies, ScenarioReport, Scope, ExampleCell,
  Explanation, FairShare, FairShareRow,
};

export function componentSchemas(): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12', unrepresentable: 'throw', uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  if (schemas.__shared) throw new Error('a shared sub-schema has no name: add it to components in openapi.ts');
  // $schema and $id belong to stand-alone documents, not to components of an OpenAPI 3.1 document.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...rest }]) => [id, markDates(rest)]));
}

/**
 * The NL API Design Rules require `format: date` on every field named like a date. Dates are ISO
 * YYYY-MM-DD throughout (design.md), so a string field named date or *Date without a format gets one; the
 * contract test then checks that the values really are dates.
 */
function markDates(schema: Json): Json {
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const props = (node as Json).properties as Record<string, Json> | undefined;
    for (const [name, p] of Object.entries(props ?? {})) {
      if (/^dat(e|um)$|(\wD|_[dD])(ate|atum)/.test(name) && p.type === 'string' && !p.format) p.format = 'date';
    }
    Object.values(node).forEach(walk);
  };
  walk(schema);
  return schema;
}

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
const schemaRef = (name: string) => ref('schemas', name);

const commonHeaders = {
  'API-Version': ref('headers', 'API-Version'),
  'Content-Language': ref('headers', 'Content-Language'),
  'X-Request-ID': ref('headers', 'X-Request-ID'),
};

const json = (schema: Json, examples?: Record<string, { summary: string; value: unknown }>) => ({
  'application/json': { schema, ...(examples && { examples }) },
});

const ok = (description: string, schema: Json, examples?: Record<string, { summary: string; value: unknown }>) => ({
  description, headers: commonHeaders, content: json(schema, examples),
});

/** A problem response; `example` is a real rendering of that problem. */
const problemResponse = (description: string, example: unknown, extraHeaders: Json = {}, more: Record<string, unknown> = {}) => ({
  description,
  headers: { ...commonHeaders, ...extraHeaders },
  content: {
    [PROBLEM_MEDIA_TYPE]: Object.keys(more).length
      ? { schema: schemaRef('Problem'), examples: { default: { value: example }, ...Object.fromEntries(Object.entries(more).map(([k, v]) => [k, { value: v }])) } }
      : { schema: schemaRef('Problem'), example },
  },
});

const PROBLEM_RESPONSES = {
  400: 'BadRequest', 401: 'Unauthorized', 404: 'NotFound', 413: 'PayloadTooLarge', 415: 'UnsupportedMediaType',
  422: 'NotInForce', 429: 'TooManyRequests', 500: 'InternalError', 503: 'ServiceUnavailable',
} as const;

export function buildOpenApi(ex: Examples): Json {
  const lang = ref('parameters', 'Accept-Language');
  const code = ref('parameters', 'municipalityCode');
  const reasoning = ref('parameters', 'reasoning');
  const concept = ref('parameters', 'concept');
  const problems = (...statuses: (keyof typeof PROBLEM_RESPONSES)[]) => Object.fromEntries(statuses.map((s) => [s, ref('responses', PROBLEM_RESPONSES[s])]));
  const evaluationErrors = problems(400, 401, 404, 413, 415, 422, 429, 500, 503);

  return {
    openapi: '3.1.0',
    info: {
      title: 'voorrang – urgentieregeling API',
      version: API_VERSION,
      summary: 'Toets een aanvraag om urgentie aan de urgentieregeling van een gemeente, met uitleg en bron.',
      description: [
        'Rules-as-code voor de urgentieregeling (Huisvestingswet art. 12): de regelingen per gemeente en de',
        'beoordeling van een aanvraag om urgentie voor een sociale huurwoning, met redenering per voorwaarde,',
        'ontbrekende feiten en een bewijs van de toegepaste regeling (digest).',
        '',
        'Regelingen, documentatie en health zijn openbaar. Evaluaties bevatten persoonsgegevens en vereisen een',
        'API-sleutel per organisatie (`Authorization: Bearer …`). Fouten zijn `application/problem+json`',
        '(RFC 9457). `Accept-Language: nl` (standaard) of `en` kiest de taal van labels, redenering en fouten.',
      ].join('\n'),
      contact: { name: 'voorrang', email: 'voorrang@example.org', url: 'https://github.com/voorrang/voorrang' },
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    servers: [{ url: BASE_PATH, description: 'This server (relative to its origin), API major version 1' }],
    tags: [
      { name: 'Regelingen', description: 'The urgency regulations per municipality (public law, no key needed)' },
      { name: 'Evaluaties', description: 'Evaluate applicant cases (personal data: API key required)' },
      { name: 'Scenario\'s', description: 'What-if runs of a changed regulation over a population of cases (personal data: API key required)' },
      { name: 'Service', description: 'Health, the OpenAPI document and its reference page' },
    ],
    paths: {
      '/regulations': {
        get: {
          operationId: 'listRegulations',
          tags: ['Regelingen'],
          summary: 'Every municipality with its versions and which is in force',
          description: 'Each municipality with its region and the versions of its regulation (validFrom, validUntil, status adopted/concept, digest); `inForce` marks the version in force on `date` (default today). A municipality without any version has no urgentieregeling.',
          parameters: [ref('parameters', 'date'), lang],
          responses: {
            200: ok('The municipalities and their versions', schemaRef('RegulationList'), { list: { summary: `In force on ${ex.date}`, value: ex.regulationList } }),
            ...problems(400, 500),
          },
        },
      },
      '/regulations/{municipalityCode}': {
        get: {
          operationId: 'getRegulation',
          tags: ['Regelingen'],
          summary: 'The resolved regulation in force on a date',
          description: 'The layer chain (law → model → region → municipality), the parameters with their values on `date` and their sources, the requirements, refusal grounds and categories with legal basis and labels, the article texts, and the digest that decisions carry.',
          parameters: [code, ref('parameters', 'date'), lang],
          responses: {
            200: ok('The regulation in force', schemaRef('RegulationDetail'), { regulation: { summary: `${ex.municipality} on ${ex.date}`, value: ex.regulationDetail } }),
            ...problems(400, 404, 422, 500),
          },
        },
      },
      '/regulations/{municipalityCode}/diff': {
        get: {
          operationId: 'diffRegulation',
          tags: ['Regelingen'],
          summary: 'What the regulation changes against the model, another municipality or another date',
          description: 'The semantic diff of the regulation in force on `date` (default today) against `against`: the model it builds on (default), another municipality, or the same municipality on another date. Per category, requirement, refusal ground and parameter: what changed, whether it is stricter or looser, and a witness case whose outcome differs under the two regulations (decided as an application on `date`); the conformance findings against the law in force, and a word-level redline of the article texts.',
          parameters: [code, ref('parameters', 'against'), ref('parameters', 'date'), ref('parameters', 'diffConcept'), lang],
          responses: {
            200: ok('The diff report', schemaRef('DiffReport'), { model: { summary: `${ex.municipality} against the ${ex.diff.against} on ${ex.date}`, value: ex.diff.report } }),
            400: problemResponse('An invalid `against` or `date`: invalidParams names each', ex.problems.invalidDiffQuery),
            ...problems(404, 422, 500),
          },
        },
      },
      '/regulations/{municipalityCode}/evaluations': {
        post: {
          operationId: 'evaluateCase',
          tags: ['Evaluaties'],
          summary: 'Evaluate one applicant case',
          description: 'Evaluates the case against the regulation in force on its applicationDate (default today): outcome urgent / not-urgent / undetermined, the category chosen, the priority over the regular DAEB group, the reasoning per condition, the missing facts that could change the outcome, and the regulation receipt. A missing fact is never read as false.',
          security: [{ apiKey: [] }],
          parameters: [code, reasoning, concept, lang],
          requestBody: {
            required: true,
            description: `An applicant case (at most ${BODY_LIMIT.text}). Unknown fields are errors; missing fields are allowed.`,
            content: json(schemaRef('Case'), Object.fromEntries(ex.evaluations.map((e) => [e.name, { summary: e.summary, value: e.case }]))),
          },
          responses: {
            200: ok('The decision', schemaRef('Decision'), {
              ...Object.fromEntries(ex.evaluations.map((e) => [e.name, { summary: e.summary, value: e.decision }])),
              [`${ex.evaluations[0]!.name}-zonder-redenering`]: { summary: `${ex.evaluations[0]!.summary}, with ?reasoning=none`, value: answer(ex.evaluations[0]!.decision, 'none') },
            }),
            ...evaluationErrors,
          },
        },
      },
      '/regulations/{municipalityCode}/evaluations/batch': {
        post: {
          operationId: 'evaluateBatch',
          tags: ['Evaluaties'],
          summary: `Evaluate up to ${MAX_BATCH} cases`,
          description: 'Each case is answered in order (`index`) with its own decision (status 200) or its own problem (400 invalid case, 422 no regulation in force on its date); one bad case does not fail the others. The request as a whole fails only when the envelope is wrong. Each case counts against the rate limit.',
          security: [{ apiKey: [] }],
          parameters: [code, reasoning, concept, lang],
          requestBody: {
            required: true,
            description: `{"cases": [...]} with 1 to ${MAX_BATCH} cases (at most ${BODY_LIMIT.text} in all)`,
            content: json(schemaRef('BatchRequest'), { mixed: { summary: 'Two cases, the second dated before Groningen had a scheme', value: ex.batch.request } }),
          },
          responses: {
            200: ok('One result per case, in order', schemaRef('BatchResponse'), { mixed: { summary: 'A decision and a per-case problem', value: ex.batch.response } }),
            ...evaluationErrors,
          },
        },
      },
      '/scenarios': {
        post: {
          operationId: 'runScenario',
          tags: ['Scenario\'s'],
          summary: 'Run a scenario: a baseline and a variant over a population',
          description: `Evaluates every case of the population under the baseline and under the variant (changes in the change language of a municipal layer, or another regulation or date) and reports the transition matrix per region and municipality, example cases with the conditions that decided them, and with \`vacancies\` the fair share. The population is inline (up to ${MAX_INLINE_CASES.toLocaleString('en')} cases, personal data) or drawn by the generator (up to ${MAX_GENERATED_CASES.toLocaleString('en')} cases). It is charged by its cost against the rate limit: a token per started 32 KiB of body beyond the first, and a token per ${LEAF_EVALUATIONS_PER_TOKEN.toLocaleString('en')} leaf evaluations (cases × the leaves of the largest regulation of each side, summed over both sides); a run costing more than ${MAX_SCENARIO_TOKENS.toLocaleString('en')} tokens is refused (422 scenario-te-groot) before any case is evaluated. It runs in a worker thread; when every worker and the queue are taken, 503 with Retry-After. A variant that breaks the law in force is refused (422) with the same conformance message a rule file would get.`,
          security: [{ apiKey: [] }],
          parameters: [lang],
          requestBody: {
            required: true,
            description: `A scenario and its population (at most ${SCENARIO_BODY_LIMIT.text}). Unknown fields are errors.`,
            content: json(schemaRef('ScenarioRequest'), {
              generated: { summary: 'Mantelzorg 10 hours a week instead of 8, on 200 generated cases', value: ex.scenario.request },
              refused: { summary: 'A variant without medical urgency (refused: 422)', value: ex.scenario.refusedRequest },
            }),
          },
          responses: {
            200: ok('The scenario report', schemaRef('ScenarioReport'), { generated: { summary: 'Mantelzorg 10 hours a week instead of 8, on 200 generated cases', value: ex.scenario.report } }),
            400: problemResponse('Malformed JSON, a request that does not match the schema, or inline cases without a known municipality: invalidParams names each by JSON path', ex.problems.invalidPopulation),
            ...problems(401),
            413: problemResponse(`Body larger than ${SCENARIO_BODY_LIMIT.text}`, ex.problems.scenarioPayloadTooLarge),
            ...problems(415),
            422: problemResponse('The scenario cannot be run: a side cannot be resolved, or the variant breaks the law in force (invalidParams, one per problem), or it costs more than one request may (scenario-te-groot: cost and maxCost in tokens)', ex.problems.scenarioRefused, {}, { tooLarge: ex.problems.scenarioTooLarge }),
            ...problems(429, 500, 503),
          },
        },
      },
      '/openapi.json': {
        get: {
          operationId: 'getOpenApi',
          tags: ['Service'],
          summary: 'This OpenAPI document',
          responses: {
            200: { description: 'The OpenAPI 3.1 document (also openapi.yaml in the repository)', headers: commonHeaders, content: json({ type: 'object' }) },
            ...problems(500),
          },
        },
      },
      '/health': {
        get: {
          operationId: 'getHealth',
          tags: ['Service'],
          summary: 'Liveness and the loaded rule base',
          responses: {
            200: ok('The service is up', schemaRef('Health'), { ok: { summary: 'Up', value: ex.health } }),
            ...problems(500),
          },
        },
      },
      '/docs': {
        get: {
          operationId: 'getDocs',
          tags: ['Service'],
          summary: 'Interactive API reference (HTML) rendered from this document',
          responses: {
            200: { description: 'HTML page', headers: commonHeaders, content: { 'text/html': { schema: { type: 'string' } } } },
            ...problems(500),
          },
        },
      },
    },
    components: {
      schemas: componentSchemas(),
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key per client organisation, sent as `Authorization: Bearer <key>`. Keys are issued by the operator, who configures only their salted hashes.',
        },
      },
      parameters: {
        municipalityCode: {
          name: 'municipalityCode', in: 'path', required: true, description: 'CBS code of the municipality',
          schema: { type: 'string', pattern: '^GM\\d{4}$' }, example: ex.municipality,
        },
        against: {
          name: 'against', in: 'query', required: false,
          description: 'The baseline: `model` (default) the model the municipality builds on; a CBS code: another municipality; a date (YYYY-MM-DD): the municipality itself on that date',
          schema: { type: 'string', pattern: '^(model|GM\\d{4}|\\d{4}-\\d{2}-\\d{2})$', default: 'model' }, example: ex.diff.against,
        },
        reasoning: {
          name: 'reasoning', in: 'query', required: false,
          description: '`full` (default): the decision with its reasoning per requirement, category and refusal ground, condition by condition. `none`: the decision without it — outcome, summary, category and refusal grounds with their articles, priority, missing facts and receipt — about a tenth of the size, for systems that do not show the reasoning',
          schema: { type: 'string', enum: [...REASONING], default: 'full' }, example: 'none',
        },
        diffConcept: {
          name: 'concept', in: 'query', required: false,
          description: '`false` (default): the municipality\'s adopted verordening on the date (its concept where it has none). `true`: its concept where it has one',
          schema: { type: 'string', enum: ['true', 'false'], default: 'false' }, example: 'true',
        },
        concept: {
          name: 'concept', in: 'query', required: false,
          description: '`false` (default): only an adopted urgentieregeling decides; a municipality without one on the date answers 422 (no scheme in force, Hvw art. 51 lid 10), naming the concept that can be simulated. `true`: simulate the municipality\'s concept on the date where there is one; the decision then says `simulation: true` and its first sentence says it is not a decision',
          schema: { type: 'string', enum: ['true', 'false'], default: 'false' }, example: 'true',
        },
        date: {
          name: 'date', in: 'query', required: false, description: 'Date (YYYY-MM-DD) on which the regulation applies; default today',
          schema: { type: 'string', format: 'date' }, example: ex.date,
        },
        'Accept-Language': {
          name: 'Accept-Language', in: 'header', required: false,
          description: 'nl (default) or en: language of labels, reasoning sentences and problem texts',
          schema: { type: 'string', default: 'nl' }, example: 'en',
        },
      },
      headers: {
        'API-Version': { description: 'Full version of this API (semver)', schema: { type: 'string' }, example: API_VERSION },
        'Content-Language': { description: 'Language of the response texts', schema: { type: 'string', enum: ['nl', 'en'] } },
        'X-Request-ID': { description: 'Request id (yours if you sent a valid one); quote it when asking about a request', schema: { type: 'string' } },
        'Retry-After': { description: 'Seconds until the request may be retried', schema: { type: 'integer' } },
        'WWW-Authenticate': { description: 'The authentication scheme (Bearer)', schema: { type: 'string' } },
      },
      responses: {
        BadRequest: problemResponse('Malformed JSON, or a request (body or query parameter) that does not match the schema: invalidParams lists every offending field by JSON path or parameter name', ex.problems.invalidInput),
        Unauthorized: problemResponse('Missing or unknown API key', ex.problems.unauthorized, { 'WWW-Authenticate': ref('headers', 'WWW-Authenticate') }),
        NotFound: problemResponse('Unknown municipality', ex.problems.unknownMunicipality),
        PayloadTooLarge: problemResponse(`Body larger than ${BODY_LIMIT.text}`, ex.problems.payloadTooLarge),
        UnsupportedMediaType: problemResponse('Body not sent as application/json', ex.problems.unsupportedMediaType),
        NotInForce: problemResponse('No regulation in force on the date; nearestVersions names the versions before and after', ex.problems.notInForce),
        TooManyRequests: problemResponse('Too many evaluations for this API key', ex.problems.tooManyRequests, { 'Retry-After': ref('headers', 'Retry-After') }),
        ServiceUnavailable: problemResponse('The server is handling as many large requests as its memory or scenario workers allow: retry after Retry-After seconds', ex.problems.busy, { 'Retry-After': ref('headers', 'Retry-After') }),
        InternalError: problemResponse('Unexpected error (a bug: please report it with the X-Request-ID)', ex.problems.internal),
      },
    },
  };
}
