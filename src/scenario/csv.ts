// Population as CSV: a header of dotted case fields (`applicant.age`, `grounds.mantelzorg.hoursPerWeek`,
// …) plus `id` and `municipality`; one case a line; an empty cell is a missing fact. Every cell is checked
// against the zod type of its field (the one case definition), and every problem is reported with its line
// and column — nothing is skipped silently.
import { z } from 'zod';
import { caseFields, type Case } from '../case/schema.ts';
import type { PopulationError, PopulationRow } from './schema.ts';

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
  const cache = new Map<string, Parsed>(); // cells repeat a lot (booleans, enums, small numbers)
  const kind = schema instanceof z.ZodBoolean ? 'boolean' : schema instanceof z.ZodNumber ? 'number' : 'string';
  const describe = (raw: string): string => {
    if (kind === 'boolean') return `'${raw}' is geen true of false`;
    if (kind === 'number') {
      if (!/^-?\d+(\.\d+)?$/.test(raw)) return `'${raw}' is geen getal (gebruik een punt als decimaalteken)`;
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
      : kind === 'number' ? (/^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : undefined) : raw;
    return value !== undefined && schema.safeParse(value).success ? { ok: true, value } : { ok: false, message: describe(raw) };
  };
  return (raw) => {
    let p = cache.get(raw);
    if (!p) {
      p = parse(raw);
      if (cache.size < 50_000) cache.set(raw, p);
    }
    return p;
  };
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

  private constructor(columns: Column[]) {
    this.columns = columns;
    this.idAt = columns.findIndex((c) => c.name === 'id');
    this.municipalityAt = columns.findIndex((c) => c.name === 'municipality');
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
    const cells = splitCsvLine(text);
    if (!Array.isArray(cells)) return [{ line, message: cells.error }];
    if (cells.length !== this.columns.length) {
      return [{ line, message: `${cells.length} velden, de kop heeft er ${this.columns.length}` }];
    }
    const c: Record<string, unknown> = {};
    let errors: PopulationError[] | undefined;
    for (let i = 0; i < cells.length; i++) {
      const raw = cells[i]!;
      const col = this.columns[i]!;
      if (raw === '' || !col.parse) continue;
      const p = col.parse(raw);
      if (!p.ok) {
        (errors ??= []).push({ line, column: col.name, message: p.message });
        continue;
      }
      if (p.value === undefined) continue; // a ground column saying false: not claimed by this column
      const keys = col.keys!;
      let o = c;
      for (let k = 0; k < keys.length - 1; k++) o = (o[keys[k]!] ??= {}) as Record<string, unknown>;
      if (p.value === CLAIMED) o[keys[keys.length - 1]!] ??= {};
      else o[keys[keys.length - 1]!] = p.value;
    }
    if (errors) return errors;
    const municipality = (this.municipalityAt >= 0 && cells[this.municipalityAt]) || (c.residence as Case['residence'])?.municipality;
    if (!municipality) return [{ line, column: 'municipality', message: 'geen gemeente: vul municipality of residence.municipality' }];
    const id = this.idAt >= 0 ? cells[this.idAt] : undefined;
    return { line, ...(id && { id }), municipality, case: c as Case };
  }
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
