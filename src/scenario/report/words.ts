// The words of a scenario report, in Dutch and English, and how a deciding condition reads.
import type { Lang } from '../../engine/decision.ts';
import type { Decisive, LeafFact } from '../model/report-schema.ts';

export const words = {
  nl: {
    scenario: 'Scenario', date: 'Datum', population: 'Populatie', cases: 'casussen', casesHead: 'Casussen', baseline: 'Basis', variant: 'Variant',
    regulations: 'Regelingen', noScheme: 'geen urgentieregeling van kracht in', outcomes: 'Uitkomsten', state: 'Uitkomst',
    difference: 'Verschil', transitions: 'Verschuivingen', from: 'Van', to: 'Naar', count: 'Aantal', unchanged: 'ongewijzigd',
    perRegion: 'Per regio', perMunicipality: 'Per gemeente', region: 'Regio', municipality: 'Gemeente',
    urgent: 'Urgent', undetermined: 'Onbepaald', examples: 'Voorbeelden', line: 'regel', matrix: 'Overgangsmatrix',
    matrixNote: 'Rijen: basis, kolommen: variant. Op de diagonaal staan de casussen waarvoor niets verandert.',
    fairShare: 'Eerlijke verdeling (fair share)', vacancies: 'Vacatures/jaar', urgentPerYear: 'Urgent/jaar', share: 'Aandeel',
    target: 'Doel', proportional: 'Naar rato', overTarget: 'boven het doel', noVacancies: 'geen vacaturecijfers voor',
    fairShareNote: (year: number, source: string) => `Vacatures ${year}, bron: ${source}. "Naar rato": de urgente vraag van de regio verdeeld naar het aandeel vacatures van elke gemeente; verschil = werkelijke vraag − naar rato (positief: meer dan het eerlijke deel).`,
    scaleNote: 'Urgent/jaar: het aantal urgente casussen geschaald met de aanvragen per jaar uit het vacaturebestand (zonder die cijfers telt de populatie als één jaar aanvragen).',
    shareChart: 'Aandeel vacatures voor urgenten per gemeente', urgentChart: 'Urgente casussen per gemeente',
    digest: 'digest', concept: 'concept',
    yes: 'ja', no: 'nee', unknownValue: '?',
    decisive: {
      'no-scheme': () => 'geen urgentieregeling van kracht',
      'refusal-ground': (d: Extract<Decisive, { kind: 'refusal-ground' }>) => `weigeringsgrond ${d.label}${d.result === 'unknown' ? ' onbekend' : ''}`,
      'category-absent': (d: Extract<Decisive, { kind: 'category-absent' }>) => `categorie '${d.category}' bestaat niet in deze regeling`,
      'not-claimed': (d: Extract<Decisive, { kind: 'not-claimed' }>) => `${d.label} niet aangevraagd (${d.ground} ontbreekt)`,
      category: (d: Extract<Decisive, { kind: 'category' }>) => `${d.label} ${d.result === 'false' ? 'niet vervuld' : 'onbekend'}`,
      requirement: (d: Extract<Decisive, { kind: 'requirement' }>) => `algemene voorwaarde ${d.label} ${d.result === 'false' ? 'niet vervuld' : 'onbekend'}`,
      ranking: (d: Extract<Decisive, { kind: 'ranking' }>) => `${d.label} vervuld, maar ${d.aboveLabel} gaat voor`,
      met: (d: Extract<Decisive, { kind: 'met' }>) => `${d.label} vervuld`,
      'no-ground': () => 'geen urgentiegrond aangevraagd',
    },
  },
  en: {
    scenario: 'Scenario', date: 'Date', population: 'Population', cases: 'cases', casesHead: 'Cases', baseline: 'Baseline', variant: 'Variant',
    regulations: 'Regulations', noScheme: 'no urgency scheme in force in', outcomes: 'Outcomes', state: 'Outcome',
    difference: 'Difference', transitions: 'Transitions', from: 'From', to: 'To', count: 'Count', unchanged: 'unchanged',
    perRegion: 'Per region', perMunicipality: 'Per municipality', region: 'Region', municipality: 'Municipality',
    urgent: 'Urgent', undetermined: 'Undetermined', examples: 'Examples', line: 'line', matrix: 'Transition matrix',
    matrixNote: 'Rows: baseline, columns: variant. The diagonal holds the cases for which nothing changes.',
    fairShare: 'Fair share', vacancies: 'Vacancies/year', urgentPerYear: 'Urgent/year', share: 'Share',
    target: 'Target', proportional: 'Proportional', overTarget: 'above target', noVacancies: 'no vacancy figures for',
    fairShareNote: (year: number, source: string) => `Vacancies ${year}, source: ${source}. "Proportional": the region's urgent demand split by each municipality's share of vacancies; difference = actual demand − proportional (positive: more than its fair share).`,
    scaleNote: 'Urgent/year: urgent cases scaled by the applications a year in the vacancies file (without those figures the population counts as one year of applications).',
    shareChart: 'Share of vacancies to urgent applicants per municipality', urgentChart: 'Urgent cases per municipality',
    digest: 'digest', concept: 'concept',
    yes: 'yes', no: 'no', unknownValue: '?',
    decisive: {
      'no-scheme': () => 'no urgency scheme in force',
      'refusal-ground': (d: Extract<Decisive, { kind: 'refusal-ground' }>) => `refusal ground ${d.label}${d.result === 'unknown' ? ' unknown' : ''}`,
      'category-absent': (d: Extract<Decisive, { kind: 'category-absent' }>) => `category '${d.category}' does not exist in this regulation`,
      'not-claimed': (d: Extract<Decisive, { kind: 'not-claimed' }>) => `${d.label} not applied for (${d.ground} missing)`,
      category: (d: Extract<Decisive, { kind: 'category' }>) => `${d.label} ${d.result === 'false' ? 'not met' : 'unknown'}`,
      requirement: (d: Extract<Decisive, { kind: 'requirement' }>) => `general requirement ${d.label} ${d.result === 'false' ? 'not met' : 'unknown'}`,
      ranking: (d: Extract<Decisive, { kind: 'ranking' }>) => `${d.label} met, but ${d.aboveLabel} ranks higher`,
      met: (d: Extract<Decisive, { kind: 'met' }>) => `${d.label} met`,
      'no-ground': () => 'no urgency ground applied for',
    },
  },
} as const;

const ops: Record<string, string> = {
  equal: '=', notEqual: '≠', lessThan: '<', lessThanInclusive: '≤', greaterThan: '>', greaterThanInclusive: '≥', in: '∈', notIn: '∉',
};
const marks = { true: '✓', false: '✗', unknown: '?' };

function value(v: unknown, lang: Lang): string {
  if (v === undefined) return words[lang].unknownValue;
  if (typeof v === 'boolean') return v ? words[lang].yes : words[lang].no;
  if (typeof v === 'number') return v.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB');
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/** e.g. `Uren mantelzorg per week 9 ≥ 10 [mantelzorg.minimumUrenPerWeek] ✗` */
export function leafText(l: LeafFact, lang: Lang): string {
  return `${l.label ?? l.fact} ${value(l.factValue, lang)} ${ops[l.operator] ?? l.operator} ${value(l.value, lang)}${l.parameter ? ` [${l.parameter}]` : ''} ${marks[l.result]}`;
}

/** One deciding item as a sentence, with its leaves. */
export function decisiveText(d: Decisive, lang: Lang): string {
  const head = (words[lang].decisive[d.kind] as (x: Decisive) => string)(d);
  return 'leaves' in d && d.leaves.length ? `${head}: ${d.leaves.map((l) => leafText(l, lang)).join('; ')}` : head;
}

export const number = (n: number, lang: Lang, digits = 0): string =>
  n.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
export const percent = (x: number | null, lang: Lang): string => (x === null ? '–' : `${number(x * 100, lang, 1)}%`);
export const signed = (n: number, lang: Lang, digits = 0): string => (n > 0 ? '+' : '') + number(n, lang, digits);
