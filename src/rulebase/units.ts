// The units a parameter may have, and what each allows: its value type and its natural range. A value
// outside them is refused on load and in a scenario (issue 16 finding 10): a threshold of "abc" or 1e308
// does not fail loudly in the engine, it makes the condition that reads it silently never (or always)
// hold, which can disable a mandatory category as surely as removing it.
import type { PathSegment } from './problems.ts';

/** The dates the engine can measure age on (src/engine/derive.ts reads `peildatum.leeftijd`). */
export const REFERENCE_DATES = ['aanvraagdatum', 'vertrekdatum'] as const;

type Numeric = { type: 'number' | 'integer'; min: number; max: number };
type UnitSpec = Numeric | { type: 'boolean' } | { type: 'enum'; values: readonly string[] };

// The maxima are far above any real regulation and far below what would make a condition meaningless.
export const UNITS = {
  'uur/week': { type: 'number', min: 0, max: 168 },
  maanden: { type: 'integer', min: 0, max: 120 },
  jaar: { type: 'number', min: 0, max: 150 },
  'euro/jaar': { type: 'number', min: 0, max: 1_000_000 },
  'euro/maand': { type: 'number', min: 0, max: 100_000 },
  kinderen: { type: 'integer', min: 0, max: 20 },
  km: { type: 'number', min: 0, max: 1000 },
  punten: { type: 'number', min: 0, max: 100_000 },
  'ja/nee': { type: 'boolean' },
  peildatum: { type: 'enum', values: REFERENCE_DATES },
} as const satisfies Record<string, UnitSpec>;

export type Unit = keyof typeof UNITS;
export const UNIT_NAMES = Object.keys(UNITS) as [Unit, ...Unit[]];

const spec = (unit: Unit): UnitSpec => UNITS[unit];

/** The range a parameter allows: its unit's, narrowed by its own `min`/`max`. */
function rangeOf(unit: Unit, own: { min?: number; max?: number }): Numeric | undefined {
  const s = spec(unit);
  if (s.type !== 'number' && s.type !== 'integer') return undefined;
  return { type: s.type, min: Math.max(s.min, own.min ?? s.min), max: Math.min(s.max, own.max ?? s.max) };
}

type Lang = 'nl' | 'en';
type Text = { nl: string; en: string };
const num = (n: number, lang: Lang) => (lang === 'nl' ? String(n).replace('.', ',') : String(n));

/** What the unit allows, in words, e.g. "een geheel getal van 0 tot en met 120". */
export function allowedWords(unit: Unit, own: { min?: number; max?: number } = {}, lang: Lang = 'nl'): string {
  const s = spec(unit);
  if (s.type === 'boolean') return lang === 'nl' ? 'ja of nee (true of false)' : 'yes or no (true or false)';
  if (s.type === 'enum') return `${lang === 'nl' ? 'een van' : 'one of'} ${s.values.map((v) => `'${v}'`).join(', ')}`;
  const r = rangeOf(unit, own)!;
  const what = r.type === 'integer' ? (lang === 'nl' ? 'een geheel getal' : 'a whole number') : (lang === 'nl' ? 'een getal' : 'a number');
  return lang === 'nl' ? `${what} van ${num(r.min, lang)} tot en met ${num(r.max, lang)}` : `${what} from ${r.min} to ${r.max} inclusive`;
}

/** Whether `value` is one the unit (and the parameter's own range) allows. */
export function fits(unit: Unit, own: { min?: number; max?: number }, value: unknown): boolean {
  const s = spec(unit);
  if (s.type === 'boolean') return typeof value === 'boolean';
  if (s.type === 'enum') return typeof value === 'string' && s.values.includes(value);
  const r = rangeOf(unit, own)!;
  // Non-finite numbers (YAML's .inf and .nan) fail the finiteness test; JSON cannot carry them.
  return typeof value === 'number' && Number.isFinite(value) && (r.type === 'number' || Number.isInteger(value))
    && value >= r.min && value <= r.max;
}

const shown = (v: unknown, lang: Lang) => (typeof v !== 'number' || Number.isFinite(v) ? JSON.stringify(v)
  : Number.isNaN(v) ? (lang === 'nl' ? 'geen getal (.nan)' : 'not a number (.nan)')
    : `${v < 0 ? '-' : ''}${lang === 'nl' ? 'oneindig' : 'infinity'} (${v < 0 ? '-' : ''}.inf)`);

/** The shape of a parameter as far as its values are concerned (a definition, or one after setParameter). */
export interface ParameterValues {
  unit: Unit;
  min?: number;
  max?: number;
  value?: unknown;
  values?: { value: unknown }[];
}

export interface ParameterProblem {
  /** Relative to the parameter: `value`, `values[2].value`, `min`, `max`. */
  path: PathSegment[];
  message: Text;
}

/**
 * Every value and dated value of parameter `name` checked against its unit and range, and its own
 * `min`/`max` against the unit. The one check for full texts, addParameter and setParameter, in rule
 * files and in scenarios alike.
 */
export function parameterProblems(name: string, p: ParameterValues): ParameterProblem[] {
  const out: ParameterProblem[] = [];
  const say = (path: PathSegment[], nl: string, en: string) => out.push({ path, message: { nl: `parameter '${name}' (${p.unit}): ${nl}`, en: `parameter '${name}' (${p.unit}): ${en}` } });
  // The schemas admit only known units; a regulation built in code may still name another.
  if (!Object.hasOwn(UNITS, p.unit)) {
    say(['unit'], `onbekende eenheid; toegestaan: ${UNIT_NAMES.join(', ')}`, `unknown unit; allowed: ${UNIT_NAMES.join(', ')}`);
    return out;
  }
  const s = spec(p.unit);
  for (const bound of ['min', 'max'] as const) {
    const b = p[bound];
    if (b === undefined) continue;
    if (s.type !== 'number' && s.type !== 'integer') {
      say([bound], `'${bound}' kan alleen bij een eenheid met getallen`, `'${bound}' applies only to a unit of numbers`);
    } else if (!fits(p.unit, {}, b)) {
      say([bound], `${bound} ${shown(b, 'nl')} moet ${allowedWords(p.unit)} zijn`, `${bound} ${shown(b, 'en')} must be ${allowedWords(p.unit, {}, 'en')}`);
    }
  }
  if (p.min !== undefined && p.max !== undefined && p.min > p.max) {
    say(['min'], `min ${num(p.min, 'nl')} ligt boven max ${num(p.max, 'nl')}`, `min ${p.min} is above max ${p.max}`);
  }
  if (out.length) return out;
  const check = (value: unknown, path: PathSegment[]) => {
    if (fits(p.unit, p, value)) return;
    say(path, `${shown(value, 'nl')} is niet toegestaan; de waarde moet ${allowedWords(p.unit, p)} zijn`,
      `${shown(value, 'en')} is not allowed; the value must be ${allowedWords(p.unit, p, 'en')}`);
  };
  if (p.value !== undefined) check(p.value, ['value']);
  p.values?.forEach((v, i) => check(v.value, ['values', i, 'value']));
  return out;
}

const kindOf = (u: Unit) => (spec(u).type === 'integer' ? 'number' : spec(u).type);

/**
 * A setParameter may change the unit, not the kind of value: the conditions that read the parameter
 * compare it with a case fact of that kind, and a boolean where they expect a number never matches.
 */
export function unitChangeProblem(name: string, from: Unit, to: Unit): Text | undefined {
  if (!Object.hasOwn(UNITS, from) || !Object.hasOwn(UNITS, to) || kindOf(from) === kindOf(to)) return undefined;
  return {
    nl: `parameter '${name}' (${from}): de eenheid kan niet worden gewijzigd in '${to}', want die vraagt ${allowedWords(to)} in plaats van ${allowedWords(from)}`,
    en: `parameter '${name}' (${from}): the unit cannot be changed to '${to}', which asks for ${allowedWords(to, {}, 'en')} instead of ${allowedWords(from, {}, 'en')}`,
  };
}

/** The unit table in words, for the JSON Schema's description of `unit`. */
export const unitsDescription = (): string =>
  UNIT_NAMES.map((u) => `${u}: ${allowedWords(u, {}, 'en')}`).join('; ');
