// Population as CSV: a header of dotted case fields (`applicant.age`, `grounds.mantelzorg.hoursPerWeek`,
// …) plus `id` and `municipality`; one case a line; an empty cell is a missing fact. Every cell is checked
// against the zod type of its field (the one case definition), and every problem is reported with its line
// and column — nothing is skipped silently.
import { z } from 'zod';
import { caseFields, type Case } from '../../case/schema.ts';
import type { PopulationError, PopulationRow } from '../model/schema.ts';

/** Columns besides the case fields. */
export const EXTRA_COLUMNS = ['id', 'municipality'] as const;

/**
 * A ground object (`grounds.mantelzorg`, …) as a column of its own, `true` when claimed: a case can claim a
 * ground while every fact under it is still unknown, which empty fact cells alone cannot say. A filled
 * fact cell under a ground claims it too.
 */
export const GROUND_COLUMNS: readonly string[] = [...new Set([...caseFields.keys()]
  .filter((f) => f.startsWith('grounds.')).map((f) => f.split('.').slice(0, 2).join('.')))];

type Parsed = { ok: true; value: unknown } | { ok: false; message: string };

/** A parser for one case field: the cell's text to a typed value, valid under the field's zod type. */
export function cellParser(schema: z.ZodType): (raw: string) => Parsed {
  const kind = schema instanceof z.ZodBoolean ? 'boolean' : schema instanceof z.ZodNumber ? 'number' : 'string';
  const describe = (raw: string): string => {
    if (kind === 'boolean') return `'${raw}' is geen true of false`;
    if (kind === 'number') {
      if (!isDecimal(raw)) return `'${raw}' is geen getal (gebruik een punt als decimaalteken)`;
      const n = schema as z.ZodNumber;
      if (n.minValue !== null && Number(raw) < n.minValue) return `${raw} is kleiner dan ${n.minValue}`;
      if (n.isInt && !Number.isInteger(Number(raw))) return `${raw} is geen geheel getal`;
      return `${raw} is geen geldig getal`;
    }
    if (schema instanceof z.ZodEnum) return `'${raw}' is geen geldige waarde (toegestaan: ${(schema.options as string[]).join(', ')})`;
    return `'${raw}' is geen geldige waarde (${schema.description ?? 'zie case.schema.json'})`;
  };
  const parse = (raw: string): Parsed => {
    const value = kind === 'boolean' ? (raw === 'true' ? true : raw === 'false' ? false : undefined)
      : kind === 'number' ? (isDecimal(raw) ? Number(raw) : undefined) : raw;
    return value !== undefined && schema.safeParse(value).success ? { ok: true, value } : { ok: false, message: describe(raw) };
  };
  if (kind === 'boolean') {
    // The hot cases without a lookup; anything else through zod.
    const yes: Parsed = parse('true');
    const no: Parsed = parse('false');
    return (raw) => (raw === 'true' ? yes : raw === 'false' ? no : parse(raw));
  }
  if (kind === 'number') {
    // Range and integer checks read from the zod type (a test holds them equal to zod's verdict).
    const n = schema as z.ZodNumber;
    const min = n.minValue ?? -Infinity;
    const max = n.maxValue ?? Infinity;
    const int = n.isInt;
    return (raw) => {
      if (isDecimal(raw)) {
        const x = Number(raw);
        if (x >= min && x <= max && Number.isFinite(x) && (!int || Number.isSafeInteger(x))) return { ok: true, value: x };
      }
      return parse(raw);
    };
  }
  const cache = new Map<string, Parsed>(); // strings repeat a lot (enums, codes, dates)
  return (raw) => {
    let p = cache.get(raw);
    if (!p) {
      p = parse(raw);
      if (cache.size < 50_000) cache.set(raw, p);
    }
    return p;
  };
}

/** `-?digits(.digits)?`, checked by char codes: a regex per cell cost more than the rest of the parse. */
function isDecimal(s: string): boolean {
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  const start = i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  if (i === start) return false;
  if (i === s.length) return true;
  if (s.charCodeAt(i) !== 46) return false;
  const frac = ++i;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  return i === s.length && i > frac;
}

/** Splits one CSV line (RFC 4180 quoting, no line breaks inside quotes). */
export function splitCsvLine(line: string): string[] | { error: string } {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let cell = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return { error: 'aanhalingsteken niet gesloten (een regeleinde binnen een veld wordt niet ondersteund)' };
        cell += line.slice(j, q);
        if (line[q + 1] === '"') { cell += '"'; j = q + 2; continue; }
        j = q + 1;
        break;
      }
      if (j < line.length && line[j] !== ',') return { error: `tekst na het aanhalingsteken sluiten, op positie ${j + 1}` };
      out.push(cell);
      i = j + 1;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
    if (i === line.length && line.endsWith(',')) { out.push(''); break; }
  }
  return out;
}

const CLAIMED = Symbol('claimed');
const claimParser = (raw: string): Parsed => (raw === 'true' ? { ok: true, value: CLAIMED } : raw === 'false' ? { ok: true, value: undefined }
  : { ok: false, message: `'${raw}' is geen true of false (true: deze grond is aangevraagd)` });

interface Column {
  name: string;
  /** Path below the case; absent for id and municipality. */
  keys?: string[];
  parse?: (raw: string) => Parsed;
}

/** Reads the data lines of a CSV population once the header is known. */
export class CsvPopulation {
  private readonly columns: Column[];
  private readonly idAt: number;
  private readonly municipalityAt: number;
  private readonly build: (values: unknown[]) => Record<string, unknown>;
  /** Parsed values of the current line by column, reused line after line. */
  private readonly values: unknown[];

  private constructor(columns: Column[]) {
    this.columns = columns;
    this.idAt = columns.findIndex((c) => c.name === 'id');
    this.municipalityAt = columns.findIndex((c) => c.name === 'municipality');
    this.build = caseBuilder(columns);
    this.values = new Array<unknown>(columns.length).fill(undefined);
  }

  /** The header (line 1): every column a known case field, `id` or `municipality`, each once. */
  static fromHeader(line: string): CsvPopulation | PopulationError[] {
    const cells = splitCsvLine(line);
    if (!Array.isArray(cells)) return [{ line: 1, message: cells.error }];
    const errors: PopulationError[] = [];
    const seen = new Set<string>();
    const columns = cells.map((raw): Column => {
      const name = raw.trim();
      if (seen.has(name)) errors.push({ line: 1, column: name, message: `kolom '${name}' staat er twee keer in` });
      seen.add(name);
      if ((EXTRA_COLUMNS as readonly string[]).includes(name)) return { name };
      if (GROUND_COLUMNS.includes(name)) return { name, keys: name.split('.'), parse: claimParser };
      const schema = caseFields.get(name);
      if (!schema) {
        const near = [...caseFields.keys()].filter((f) => f.endsWith(`.${name.split('.').at(-1)}`) || f.startsWith(name));
        errors.push({ line: 1, column: name, message: `onbekende kolom '${name}'${near.length ? ` (bedoelt u ${near.slice(0, 3).join(', ')}?)` : ''}; kolommen zijn id, municipality en de velden van case.schema.json` });
        return { name };
      }
      return { name, keys: name.split('.'), parse: cellParser(schema) };
    });
    if (!seen.has('municipality') && !seen.has('residence.municipality')) {
      errors.push({ line: 1, message: "kolom 'municipality' ontbreekt (of 'residence.municipality' als de woongemeente de regeling bepaalt)" });
    }
    return errors.length ? errors : new CsvPopulation(columns);
  }

  /** One data line: a row, or every problem on it. */
  row(text: string, line: number): PopulationRow | PopulationError[] {
    const n = this.columns.length;
    let cells: string[] | undefined;
    if (text.includes('"')) {
      const split = splitCsvLine(text);
      if (!Array.isArray(split)) return [{ line, message: split.error }];
      cells = split;
    }
    // Without quotes the line is scanned in place: most cells are empty and are never sliced.
    const count = cells ? cells.length : countFields(text);
    if (count !== n) return [{ line, message: `${count} velden, de kop heeft er ${n}` }];
    const values = this.values;
    let errors: PopulationError[] | undefined;
    let municipality = '';
    let id = '';
    let start = 0;
    for (let i = 0; i < n; i++) {
      let raw: string;
      if (cells) raw = cells[i]!;
      else {
        const comma = i === n - 1 ? text.length : text.indexOf(',', start);
        raw = comma > start ? text.slice(start, comma) : '';
        start = comma + 1;
      }
      values[i] = undefined;
      if (raw === '') continue;
      if (i === this.municipalityAt) municipality = raw;
      else if (i === this.idAt) id = raw;
      const col = this.columns[i]!;
      if (!col.parse) continue;
      const p = col.parse(raw);
      if (p.ok) values[i] = p.value;
      else (errors ??= []).push({ line, column: col.name, message: p.message });
    }
    if (errors) return errors;
    const c = this.build(values);
    municipality ||= (c.residence as Case['residence'])?.municipality ?? '';
    if (!municipality) return [{ line, column: 'municipality', message: 'geen gemeente: vul municipality of residence.municipality' }];
    const row: PopulationRow = { line, municipality, case: c as Case };
    if (id) row.id = id;
    return row;
  }
}

/**
 * Compiles the header into a function that builds the nested case from the parsed values with literal
 * property names. Built generically (keys from variables), V8's property stores go megamorphic and object
 * building took most of the read time. Safe: every key is a field name of the zod case schema (checked
 * in fromHeader) and is written as a JSON string literal.
 */
function caseBuilder(columns: Column[]): (values: unknown[]) => Record<string, unknown> {
  interface Node { children: Map<string, Node>; column?: number; claim?: number }
  const root: Node = { children: new Map() };
  columns.forEach((col, i) => {
    if (!col.keys) return;
    let node = root;
    for (const k of col.keys) {
      let next = node.children.get(k);
      if (!next) node.children.set(k, (next = { children: new Map() }));
      node = next;
    }
    if (col.parse === claimParser) node.claim = i;
    else node.column = i;
  });
  let n = 0;
  const lines: string[] = [];
  // Emits code that leaves `target` holding the object for `node`, or undefined when it has nothing.
  const emit = (node: Node, target: string): void => {
    lines.push(`let ${target};`);
    for (const [key, child] of node.children) {
      const k = JSON.stringify(key);
      if (child.column !== undefined) {
        lines.push(`if (v[${child.column}] !== undefined) (${target} ??= {})[${k}] = v[${child.column}];`);
      } else {
        const sub = `o${++n}`;
        emit(child, sub);
        const claimed = child.claim !== undefined ? ` || v[${child.claim}] === CLAIMED` : '';
        lines.push(`if (${sub} !== undefined${claimed}) (${target} ??= {})[${k}] = ${sub} ?? {};`);
      }
    }
  };
  emit(root, 'c');
  lines.push('return c ?? {};');
  return new Function('CLAIMED', `return function build(v) {\n${lines.join('\n')}\n}`)(CLAIMED) as (values: unknown[]) => Record<string, unknown>;
}

function countFields(text: string): number {
  let count = 1;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) count++;
  return count;
}

/** Header line for a population of the given case fields (all by default). */
export function csvHeader(fields: readonly string[] = defaultFields()): string[] {
  return ['id', 'municipality', ...fields];
}

/** Every case field, each ground column just before the facts of its ground. */
function defaultFields(): string[] {
  const out: string[] = [];
  for (const f of caseFields.keys()) {
    const ground = f.startsWith('grounds.') ? f.split('.').slice(0, 2).join('.') : undefined;
    if (ground && !out.includes(ground)) out.push(ground);
    out.push(f);
  }
  return out;
}

const quote = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** One CSV line for a row, columns as in `csvHeader(fields)`. */
export function csvLine(row: { id?: string; municipality: string; case: Case }, fields: readonly string[] = defaultFields()): string {
  const cells = [row.id ?? '', row.municipality];
  for (const f of fields) {
    let v: unknown = row.case;
    for (const k of f.split('.')) v = v === undefined || v === null ? undefined : (v as Record<string, unknown>)[k];
    cells.push(v === undefined || v === null ? '' : typeof v === 'object' ? 'true' : String(v));
  }
  return cells.map(quote).join(',');
}
