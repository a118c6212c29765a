// One rule file from text to a validated, typed RuleFile: YAML with positions, then the JSON Schema
// (ajv), then the checks a schema cannot express. Pure: the caller reads the file.
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import { toJsonSchema } from '../schemas/json-schema.ts';
import { caseFields } from '../case/schema.ts';
import { RuleFile, type Change, type Condition } from './schema.ts';
import { childEntries, isLeaf } from './condition-tree.ts';
import { jsonPath, type PathSegment, type Problem } from './problems.ts';
import { addDays, addMonths } from './dates.ts';
import { MAX_DEPTH, tooDeepAt } from './depth.ts';
import { parameterProblems } from './units.ts';

/** The last day of a term of four years from `from` (Hvw art. 4). */
export const lastDayOfTerm = (from: string): string => addDays(addMonths(from, 48), -1);

const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
const validateRuleFile = ajv.compile(toJsonSchema(RuleFile, 'rulefile.schema.json'));

/** Maps a JSON path inside the file to its line and column. */
export type Locator = (path: readonly PathSegment[], atKey?: boolean) => { line: number; column: number } | undefined;

export interface ParsedFile {
  /** Path relative to the rules directory, e.g. `gemeente/GM0014-groningen/2026-07-01.yaml`. */
  file: string;
  content: RuleFile;
  locate: Locator;
}

export type ParseResult = { ok: true; parsed: ParsedFile } | { ok: false; problems: Problem[] };

export function parseRuleFile(file: string, text: string): ParseResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => {
        const pos = lineCounter.linePos(e.pos[0]);
        return { file, line: pos.line, column: pos.col, message: `YAML: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  const locate: Locator = (path, atKey) => locateIn(doc, lineCounter, path, atKey);
  let data: unknown;
  try {
    // The yaml library refuses more than 100 alias expansions (a "billion laughs" file).
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { ok: false, problems: [{ file, message: `YAML: ${(e as Error).message.split('\n')[0]}` }] };
  }
  const deep = tooDeepAt(data);
  if (deep) return { ok: false, problems: [at(file, locate, deep, `dieper genest dan ${MAX_DEPTH} niveaus`)] };
  if (!validateRuleFile(data)) {
    return { ok: false, problems: schemaProblems(validateRuleFile.errors ?? []).map((p) => at(file, locate, p.path, p.message, p.atKey)) };
  }
  const parsed: ParsedFile = { file, content: data as RuleFile, locate };
  const problems = checkFile(parsed);
  return problems.length ? { ok: false, problems } : { ok: true, parsed };
}

export function at(file: string, locate: Locator, path: readonly PathSegment[], message: string, atKey = false): Problem {
  return { file, ...locate(path, atKey), path: jsonPath(path), message };
}

function locateIn(doc: Document, lineCounter: LineCounter, path: readonly PathSegment[], atKey = false) {
  // Walk down as far as the path exists, so a missing property points at its parent.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
    if (node?.range && !(atKey && depth === path.length)) {
      const pos = lineCounter.linePos(node.range[0]);
      return { line: pos.line, column: pos.col };
    }
    if (depth === path.length && depth > 0) {
      // An unknown key, or a key whose value is null (no value node): point at the key.
      const parent = doc.getIn(path.slice(0, depth - 1), true);
      if (isMap(parent)) {
        const pair = parent.items.find((p) => (p.key as { value?: unknown })?.value === path[depth - 1]);
        const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
        if (range) {
          const pos = lineCounter.linePos(range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
    }
  }
  return undefined;
}

/**
 * Turns ajv's errors into one readable message per place. A union (anyOf/oneOf) reports every branch it
 * tried; we keep the errors that got deepest into the document, which are the ones the author meant.
 */
function schemaProblems(errors: ErrorObject[]): { path: PathSegment[]; message: string; atKey: boolean }[] {
  const concrete = errors.filter((e) => !['anyOf', 'oneOf', 'if', 'not'].includes(e.keyword));
  const depth = (e: ErrorObject) => e.instancePath.split('/').length + (e.keyword === 'additionalProperties' ? 1 : 0);
  // Within each union, keep only the deepest errors; errors outside unions all stay.
  const deepest = new Map<string, number>();
  for (const e of concrete) {
    const branch = unionRoot(e.schemaPath);
    deepest.set(branch, Math.max(deepest.get(branch) ?? 0, depth(e)));
  }
  const seen = new Set<string>();
  const out: { path: PathSegment[]; message: string; atKey: boolean }[] = [];
  for (const e of concrete) {
    if (depth(e) < (deepest.get(unionRoot(e.schemaPath)) ?? 0)) continue;
    const path = pointerToPath(e.instancePath);
    let message = e.message ?? 'ongeldig';
    if (e.keyword === 'additionalProperties') {
      const name = String(e.params.additionalProperty);
      path.push(name);
      message = `onbekend veld '${name}'`;
    } else if (e.keyword === 'required') {
      message = `verplicht veld '${String(e.params.missingProperty)}' ontbreekt`;
    } else if (e.keyword === 'enum') {
      message = `moet een van ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')} zijn`;
    } else if (e.keyword === 'const') {
      message = `moet ${JSON.stringify(e.params.allowedValue)} zijn`;
    } else if (e.keyword === 'pattern' && e.schemaPath.includes('validFrom')) {
      message = 'moet een datum YYYY-MM-DD zijn';
    }
    const key = jsonPath(path) + message;
    if (!seen.has(key)) {
      seen.add(key);
      out.push({ path, message, atKey: e.keyword === 'additionalProperties' });
    }
  }
  return out;
}

function unionRoot(schemaPath: string): string {
  const i = Math.max(schemaPath.lastIndexOf('/anyOf/'), schemaPath.lastIndexOf('/oneOf/'));
  return i < 0 ? '' : schemaPath.slice(0, i);
}

function pointerToPath(pointer: string): PathSegment[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')).map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/** Checks on one file that the schema cannot express. */
function checkFile({ file, content, locate }: ParsedFile): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PathSegment[], message: string) => problems.push(at(file, locate, path, message));

  const expected = `${content.validFrom}.yaml`;
  if (!file.endsWith('/' + expected)) add(['validFrom'], `bestandsnaam moet ${expected} zijn (de datum van validFrom)`);
  if (!file.startsWith(content.layer + '/')) add(['layer'], `bestand staat niet in de map rules/${content.layer}/`);
  if (content.validUntil && content.validUntil < content.validFrom) add(['validUntil'], 'validUntil ligt voor validFrom');
  // Hvw art. 4: a verordening runs for at most four years.
  if (content.layer === 'gemeente') {
    const last = lastDayOfTerm(content.validFrom);
    if (content.status === 'adopted' && !content.validUntil) {
      add(['validUntil'], `een vastgestelde verordening loopt ten hoogste vier jaar (Huisvestingswet 2014 art. 4): geef validUntil, uiterlijk ${last}`);
    } else if (content.validUntil && content.validUntil > last) {
      add(['validUntil'], `${content.validUntil} ligt meer dan vier jaar na ${content.validFrom}; een verordening loopt ten hoogste vier jaar (Huisvestingswet 2014 art. 4), dus uiterlijk tot en met ${last}`);
    }
  }

  const kinds = (['statute', 'regulation', 'changes'] as const).filter((k) => content[k] !== undefined);
  if (content.layer === 'wet') {
    if (!content.statute || kinds.length !== 1) add([], "een wet-bestand bevat alleen 'statute'");
    if (content.extends) add(['extends'], 'een wet-bestand breidt niets uit');
  } else {
    if (!content.extends) add([], "verplicht veld 'extends' ontbreekt");
    if (kinds.length !== 1 || content.statute) add([], "bevat precies één van 'regulation' (volledige tekst) of 'changes' (wijzigingen)");
  }

  const r = content.regulation;
  if (r) {
    r.categories.forEach((c, i) => checkGround(c.ground, ['regulation', 'categories', i, 'ground'], add));
    for (const key of ['requirements', 'refusalGrounds', 'categories'] as const) {
      r[key].forEach((t, i) => checkCondition(t.conditions, ['regulation', key, i, 'conditions'], add));
    }
  }
  // Every value of a full text's parameters fits its unit and range (addParameter and setParameter are
  // checked where they are applied, resolve.ts, as a scenario's are).
  for (const [name, p] of Object.entries(r?.parameters ?? {})) {
    for (const x of parameterProblems(name, p)) add(['regulation', 'parameters', name, ...x.path], x.message.nl);
  }
  for (const x of changeProblems(content.changes ?? [])) add(['changes', ...x.path], x.message);
  return problems;
}

type Add = (path: PathSegment[], message: string) => void;

/** Every fact a condition reads must be a field of the case schema. */
function checkCondition(c: Condition, path: PathSegment[], add: Add): void {
  for (const [place, child] of childEntries(c)) checkCondition(child, [...path, ...place], add);
  if (isLeaf(c) && !caseFields.has(c.fact)) add([...path, 'fact'], `'${c.fact}' is geen gegeven van de casus (zie schemas/case.schema.json)`);
}

function checkGround(ground: string | undefined, path: PathSegment[], add: Add): void {
  if (ground && ![...caseFields.keys()].some((f) => f.startsWith(ground + '.'))) add(path, `'${ground}' is geen groep gegevens van de casus`);
}

/**
 * What a schema cannot say about a list of changes, apart from any parent: the facts their conditions
 * read and the grounds of added categories exist in the case. For a layer's changes and a scenario's alike;
 * paths are relative to the list.
 */
export function changeProblems(changes: readonly Change[]): { path: PathSegment[]; message: string }[] {
  const out: { path: PathSegment[]; message: string }[] = [];
  const add: Add = (path, message) => out.push({ path, message });
  changes.forEach((ch, i) => {
    const base: PathSegment[] = [i];
    if ('conditions' in ch) checkCondition(ch.conditions, [...base, 'conditions'], add);
    if (ch.op === 'addCategory') {
      checkGround(ch.category.ground, [...base, 'category', 'ground'], add);
      checkCondition(ch.category.conditions, [...base, 'category', 'conditions'], add);
    }
    if (ch.op === 'addRequirement' || ch.op === 'replaceRequirement') checkCondition(ch.requirement.conditions, [...base, 'requirement', 'conditions'], add);
    if (ch.op === 'addRefusalGround') checkCondition(ch.refusalGround.conditions, [...base, 'refusalGround', 'conditions'], add);
  });
  return out;
}
