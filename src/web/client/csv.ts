// An uploaded population, read in the browser into the inline cases of POST /v1/scenarios, so the file
// (personal data) goes only to the key-checked API. The format is the scenario issue's CSV: a header of
// dotted case fields plus `id` and `municipality`, one case a line, an empty cell a missing fact, a
// ground column (`grounds.mantelzorg`) `true` when claimed. Here only the shape is read — a cell's type
// by its column; whether a value is allowed is the API's check, whose answer names the case, and
// `lineOf` turns that back into the line of the file.
import type { Lang } from './strings.ts';

/** How a column's cells are read: the case field's type, or `claim` for a ground column. */
export type ColumnKind = 'number' | 'boolean' | 'string' | 'claim';

export interface LineError {
  line: number;
  column?: string;
  message: string;
}

export interface InlineCase {
  id?: string;
  municipality?: string;
  case: Record<string, unknown>;
}

/** The cases with the line each came from, or every problem found. */
export type ReadCsv = { ok: true; cases: InlineCase[]; lines: number[] } | { ok: false; errors: LineError[] };

const say = {
  nl: {
    unclosed: 'aanhalingsteken niet gesloten (een regeleinde binnen een veld wordt niet ondersteund)',
    afterQuote: 'tekst na het sluitende aanhalingsteken',
    count: (n: number, header: number) => `${n} velden, de kop heeft er ${header}`,
    unknown: (c: string) => `onbekende kolom '${c}'; kolommen zijn id, municipality en de velden van case.schema.json`,
    twice: (c: string) => `kolom '${c}' staat er twee keer in`,
    noMunicipality: "kolom 'municipality' ontbreekt (of 'residence.municipality')",
    number: (v: string) => `'${v}' is geen getal (gebruik een punt als decimaalteken)`,
    boolean: (v: string) => `'${v}' is geen true of false`,
    empty: 'lege regel',
    noHeader: 'leeg bestand: de kopregel ontbreekt',
  },
  en: {
    unclosed: 'quote not closed (a line break inside a field is not supported)',
    afterQuote: 'text after the closing quote',
    count: (n: number, header: number) => `${n} fields, the header has ${header}`,
    unknown: (c: string) => `unknown column '${c}'; columns are id, municipality and the fields of case.schema.json`,
    twice: (c: string) => `column '${c}' appears twice`,
    noMunicipality: "column 'municipality' is missing (or 'residence.municipality')",
    number: (v: string) => `'${v}' is not a number (use a point as decimal mark)`,
    boolean: (v: string) => `'${v}' is not true or false`,
    empty: 'empty line',
    noHeader: 'empty file: the header line is missing',
  },
};

/** One line's cells (RFC 4180 quoting, no line breaks inside quotes), or what is wrong with it. */
function cells(line: string, lang: Lang): string[] | string {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      for (i++; ; i++) {
        if (i >= line.length) return say[lang].unclosed;
        if (line[i] !== '"') cell += line[i];
        else if (line[i + 1] === '"') cell += line[i++];
        else break;
      }
      i++;
      if (i < line.length && line[i] !== ',') return say[lang].afterQuote;
    } else {
      const comma = line.indexOf(',', i);
      cell = line.slice(i, comma < 0 ? line.length : comma);
      i += cell.length;
    }
    out.push(cell);
    if (i >= line.length) return out;
    i++; // the comma
  }
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

const INVALID = Symbol('invalid');
const CLAIMED = Symbol('claimed');

/** A cell's value by its column's kind; a ground column's `false` claims nothing (undefined). */
function cellValue(raw: string, kind: ColumnKind): unknown {
  if (kind === 'string') return raw;
  if (kind === 'number') return DECIMAL.test(raw) ? Number(raw) : INVALID;
  const yes = raw === 'true';
  if (!yes && raw !== 'false') return INVALID;
  return kind === 'claim' ? (yes ? CLAIMED : undefined) : yes;
}

function setPath(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let o = target;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  const last = keys.at(-1)!;
  if (value === CLAIMED) o[last] ??= {};
  else o[last] = value;
}

export function readCsv(text: string, kinds: Readonly<Record<string, ColumnKind>>, lang: Lang): ReadCsv {
  const w = say[lang];
  const lines = text.replace(/^\uFEFF/, '').split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.at(-1) === '') lines.pop(); // the file's last line break
  const errors: LineError[] = [];
  const header = lines.length ? cells(lines[0]!, lang) : w.noHeader;
  if (typeof header === 'string') return { ok: false, errors: [{ line: 1, message: header }] };
  const names = header.map((c) => c.trim());
  names.forEach((name, i) => {
    if (names.indexOf(name) !== i) errors.push({ line: 1, column: name, message: w.twice(name) });
    else if (name !== 'id' && name !== 'municipality' && !kinds[name]) errors.push({ line: 1, column: name, message: w.unknown(name) });
  });
  if (!names.includes('municipality') && !names.includes('residence.municipality')) errors.push({ line: 1, message: w.noMunicipality });
  if (errors.length) return { ok: false, errors };

  const cases: InlineCase[] = [];
  const lineNumbers: number[] = [];
  for (const [i, text] of lines.entries()) {
    if (i === 0) continue;
    const line = i + 1;
    const row = text.trim() === '' ? w.empty : cells(text, lang);
    if (typeof row === 'string' || row.length !== names.length) {
      errors.push({ line, message: typeof row === 'string' ? row : w.count(row.length, names.length) });
      continue;
    }
    const record: InlineCase = { case: {} };
    for (const [c, raw] of row.entries()) {
      const column = names[c]!;
      if (raw === '') continue;
      if (column === 'id' || column === 'municipality') {
        record[column] = raw;
        continue;
      }
      const value = cellValue(raw, kinds[column]!);
      if (value === INVALID) errors.push({ line, column, message: (kinds[column] === 'number' ? w.number : w.boolean)(raw) });
      else if (value !== undefined) setPath(record.case, column.split('.'), value);
    }
    cases.push(record);
    lineNumbers.push(line);
  }
  return errors.length ? { ok: false, errors } : { ok: true, cases, lines: lineNumbers };
}

/** The line and column of an API invalidParam about an inline case (`$.population.cases[3].case.applicant.age`). */
export function lineOf(name: string, lines: readonly number[]): { line: number; column?: string } | undefined {
  const m = /^\$\.population\.cases\[(\d+)\](?:\.case)?(?:\.(.+))?$/.exec(name);
  const line = m ? lines[Number(m[1])] : undefined;
  return line === undefined ? undefined : { line, ...(m![2] && { column: m![2] }) };
}
