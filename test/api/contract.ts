// The contract check: every response a test receives must be what openapi.yaml (the committed file)
// says — a documented status, a documented media type, and a body valid against the schema (ajv).
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import type { Response } from 'supertest';

type Json = Record<string, any>;

export const openapiFile: Json = parse(readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8'));

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(openapiFile, 'openapi', undefined, false);

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const base: string = openapiFile.servers[0].url;
const templates = Object.keys(openapiFile.paths).map((t) => ({
  template: t,
  regex: new RegExp('^' + base + t.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.') + '$'),
}));

/** Static assets of the /v1/docs page are files, not API operations. */
const isDocsAsset = (path: string) => path.startsWith(`${base}/docs/`);

export function checkContract(method: string, url: string, res: Response): void {
  const path = url.split('?')[0]!;
  const where = `${method.toUpperCase()} ${url} → ${res.status}`;
  if (isDocsAsset(path)) return;
  if (!res.headers['api-version']) throw new Error(`${where}: no API-Version header`);
  const match = templates.find((t) => t.regex.test(path));
  const operation = match && openapiFile.paths[match.template][method.toLowerCase()];
  const mediaType = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
  // A CORS preflight is HTTP's, not an operation of the API (src/api/cors.ts): no content.
  if (method.toLowerCase() === 'options' && res.headers['access-control-allow-methods']) {
    if (res.status !== 204 || res.text) throw new Error(`${where}: a preflight is answered 204 without content`);
    return;
  }
  if (!operation) {
    // An undocumented URL or method: the answer must still be a problem (404 / 405).
    if (![404, 405].includes(res.status) || mediaType !== 'application/problem+json') throw new Error(`${where}: undocumented operation answered ${mediaType}`);
    validate(`openapi#/components/schemas/Problem`, res.body, where);
    return;
  }
  let pointer = `openapi#/paths/${escape(match.template)}/${method.toLowerCase()}/responses/${res.status}`;
  let response = operation.responses[String(res.status)];
  if (!response) throw new Error(`${where}: status ${res.status} is not documented for this operation`);
  if (response.$ref) {
    pointer = `openapi${response.$ref}`;
    response = resolve(response.$ref);
  }
  if (!response.content?.[mediaType]) throw new Error(`${where}: media type ${mediaType} is not documented`);
  if (mediaType.endsWith('json')) validate(`${pointer}/content/${escape(mediaType)}/schema`, res.body, where);
}

function resolve(ref: string): Json {
  return ref.slice(2).split('/').reduce((node: Json, key) => node[key.replace(/~1/g, '/').replace(/~0/g, '~')], openapiFile);
}

function validate(pointer: string, body: unknown, where: string): void {
  const v = ajv.getSchema(pointer);
  if (!v) throw new Error(`no schema at ${pointer}`);
  if (!v(body)) throw new Error(`${where}: body does not match openapi.yaml: ${ajv.errorsText(v.errors?.slice(0, 5))} ${JSON.stringify(v.errors?.slice(0, 3).map((e) => e.params))}`);
}
