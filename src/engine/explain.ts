// Sentences an applicant reads: a condition's explanation template filled with the case value and the
// value compared to, or a generic sentence when the fact is missing. Dutch by default, English on request.
import type { z } from 'zod';
import type { Explain, Leaf, Parameter } from '../rulebase/schema.ts';
import type { Lang, TruthValue } from './decision.ts';

type Value = unknown;

// Formatters are costly to create (tens of µs each): make them once.
const numberFormat = {
  nl: { euro: new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }), plain: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }) },
  en: { euro: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }), plain: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }) },
};

// Intl formatting costs microseconds a call and the same thresholds recur in every decision: memoize.
const formatted = new Map<string, string>();

/** Formats a value for a sentence; euro amounts by unit. */
export function formatValue(v: Value, lang: Lang, unit?: string): string {
  if (typeof v === 'number') {
    const kind = unit?.startsWith('euro') ? 'euro' : 'plain';
    const key = `${lang}${kind}${v}`;
    let text = formatted.get(key);
    if (text === undefined) {
      if (formatted.size > 10_000) formatted.clear();
      formatted.set(key, (text = numberFormat[lang][kind].format(v)));
    }
    return text;
  }
  if (typeof v === 'boolean') return lang === 'nl' ? (v ? 'ja' : 'nee') : v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map((x) => formatValue(x, lang, unit)).join(', ');
  return String(v);
}

const operatorWords: Record<Lang, Record<Leaf['operator'], string>> = {
  nl: {
    equal: '{v}', notEqual: 'niet {v}', lessThan: 'minder dan {v}', lessThanInclusive: 'maximaal {v}',
    greaterThan: 'meer dan {v}', greaterThanInclusive: 'minimaal {v}', in: 'een van {v}', notIn: 'geen van {v}',
  },
  en: {
    equal: '{v}', notEqual: 'not {v}', lessThan: 'less than {v}', lessThanInclusive: 'at most {v}',
    greaterThan: 'more than {v}', greaterThanInclusive: 'at least {v}', in: 'one of {v}', notIn: 'none of {v}',
  },
};

/** "minimaal 8 uur/week": what an operator asks of a value. */
export const requirementWords = (op: Leaf['operator'], value: string, lang: Lang): string =>
  operatorWords[lang][op].replace('{v}', value);

const englishUnits: Record<string, string> = {
  'uur/week': 'hours/week', maanden: 'months', jaar: 'years', punten: 'points', kinderen: 'children', km: 'km',
};
const englishPer: Record<string, string> = { jaar: 'year', maand: 'month', week: 'week' };

/** A value with its unit: "8 uur/week", "€ 51.537 per jaar", "ja". */
export function withUnit(v: unknown, lang: Lang, unit?: string): string {
  if (v === undefined) return lang === 'nl' ? 'onbekend' : 'unknown';
  const text = formatValue(v, lang, unit);
  if (!unit || typeof v !== 'number') return text;
  if (unit.startsWith('euro')) {
    const per = unit.split('/')[1];
    return per ? `${text} ${lang === 'nl' ? `per ${per}` : `a ${englishPer[per] ?? per}`}` : text;
  }
  return `${text} ${lang === 'nl' ? unit : englishUnits[unit] ?? unit}`;
}

/** Lower-cases the first letter only, so names inside a label (Nederland, WoningNet, DAEB) keep theirs. */
export const lowerFirst = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

const fill = (template: string, fact: string, value: string, unit: string) =>
  template.replaceAll('{fact}', fact).replaceAll('{value}', value).replaceAll('{unit}', unit);

export interface LeafSentenceInput {
  leaf: Leaf;
  result: TruthValue;
  factValue: Value;
  compareValue: Value;
  unit?: string;
  lang: Lang;
}

export function leafSentence({ leaf, result, factValue, compareValue, unit, lang }: LeafSentenceInput): string {
  const fact = formatValue(factValue, lang, unit);
  const value = formatValue(compareValue, lang, unit);
  const template = (leaf.explain as z.infer<typeof Explain> | undefined)?.[lang];
  const label = leaf.label?.[lang] ?? leaf.fact;
  if (result === 'unknown') {
    if (typeof template === 'object' && template.unknown) return fill(template.unknown, fact, value, unit ?? '');
    if (compareValue === undefined) {
      return lang === 'nl' ? `${label}: de waarde om mee te vergelijken is voor deze datum niet bekend`
        : `${label}: the value to compare with is not known for this date`;
    }
    const wanted = typeof compareValue === 'boolean' && leaf.operator === 'equal' ? '' : `; ${lang === 'nl' ? 'vereist' : 'required'}: ${requirementWords(leaf.operator, withUnit(compareValue, lang, unit), lang)}`;
    return lang === 'nl' ? `Niet bekend: ${lowerFirst(label)}${wanted}` : `Not known: ${lowerFirst(label)}${wanted}`;
  }
  if (template === undefined) {
    const verdict = lang === 'nl' ? (result === 'true' ? 'voldaan' : 'niet voldaan') : result === 'true' ? 'met' : 'not met';
    return `${label}: ${fact} (${requirementWords(leaf.operator, value, lang)}) — ${verdict}`;
  }
  if (typeof template === 'string') return fill(template, fact, value, unit ?? '');
  return fill(result === 'true' ? template.met : template.notMet, fact, value, unit ?? '');
}

/**
 * The sentence for a parameter the regulation has no value for on `date`: "De inkomensgrens voor 2027
 * (…) is nog niet in de regeling opgenomen." A parameter with yearly values names the year, else the date.
 */
export function gapSentence(name: string, label: string, p: Parameter | undefined, date: string, lang: Lang): string {
  const yearly = !!p?.values?.every((v) => v.from.endsWith('-01-01') && (v.until === undefined || v.until.endsWith('-12-31')));
  const when = yearly ? String(date).slice(0, 4) : String(date);
  const income = name.startsWith('inkomensgrens') || /inkomensgrens|income limit/i.test(label);
  if (lang === 'nl') {
    return income ? `De inkomensgrens voor ${when} (${label}) is nog niet in de regeling opgenomen.`
      : `De waarde van ${label} voor ${when} is nog niet in de regeling opgenomen.`;
  }
  return income ? `The income limit for ${when} (${label}) has not yet been included in the regulation.`
    : `The value of ${label} for ${when} has not yet been included in the regulation.`;
}

/** Fixed phrases of the decision. */
export const phrases = {
  nl: {
    urgent: (category: string) => `U komt in aanmerking voor urgentie in de categorie ${category}.`,
    refused: (grounds: string) => `U komt niet in aanmerking voor urgentie: ${grounds}.`,
    noCategory: 'U komt niet in aanmerking voor urgentie: u voldoet aan geen van de urgentiecategorieën.',
    noGround: 'U komt niet in aanmerking voor urgentie: er is geen urgentiegrond opgegeven.',
    undetermined: (facts: string) => `Nog niet te bepalen: er ontbreken gegevens (${facts}).`,
    undeterminedGaps: (date: string, parameters: string) => `Nog niet te bepalen: de regeling bevat voor ${date} nog geen waarde voor ${parameters}.`,
    undeterminedBoth: (facts: string, date: string, parameters: string) =>
      `Nog niet te bepalen: er ontbreken gegevens (${facts}), en de regeling bevat voor ${date} nog geen waarde voor ${parameters}.`,
    simulation: (title: string) => `Simulatie van een concept, geen besluit: ${title} is niet vastgesteld.`,
    provisional: (categories: string) => `Voorlopig: de voorwaarden en weigeringsgronden voor de wettelijke urgentiecategorie ${categories} worden nog bij ministeriële regeling vastgesteld; de criteria van de gemeente daarvoor kunnen nog veranderen.`,
    bindingShield: 'Bij woonruimte waarvoor voorrang geldt voor woningzoekenden met binding, mag uw huisvestingsvergunning niet worden geweigerd omdat andere woningzoekenden met voorrang de woning willen.',
    allocationNote: 'Bij een woningaanbod past de corporatie haar eigen toewijzingsregels toe (passend toewijzen, Woningwet art. 46 en 48); de urgentie wordt daarop niet geweigerd waar de Huisvestingswet dat verbiedt.',
    tieBreak: (chosen: string, others: string) => `U voldoet aan meer dan één categorie; ${chosen} gaat voor volgens de rangorde (vóór ${others}).`,
    notClaimed: 'Niet aangevraagd op deze grond.',
    unmetRequirements: (reqs: string) => `U voldoet aan de voorwaarden van deze categorie, maar niet aan de algemene voorwaarde(n): ${reqs}.`,
    requirementsUnmet: (reqs: string) => `U komt niet in aanmerking voor urgentie: u voldoet niet aan de algemene voorwaarde(n): ${reqs}.`,
    exempt: (requirement: string, article: string) => `De eis '${requirement}' geldt niet voor deze categorie (${article}).`,
    selection: (title: string, validFrom: string, date: string, from: string, until?: string) =>
      `${title} (versie van ${validFrom}) is van kracht op ${date}; deze combinatie van regels geldt van ${from} ${until ? `tot en met ${until}` : 'zonder einddatum'}.`,
    missing: (label: string, forWhat: string) => `Nodig om te bepalen: ${label} (voor ${forWhat}).`,
    profileUnknown: 'afhankelijk van het aantal minderjarige kinderen',
  },
  en: {
    urgent: (category: string) => `You qualify for urgency in the category ${category}.`,
    refused: (grounds: string) => `You do not qualify for urgency: ${grounds}.`,
    noCategory: 'You do not qualify for urgency: you meet none of the urgency categories.',
    noGround: 'You do not qualify for urgency: no urgency ground was given.',
    undetermined: (facts: string) => `Cannot be decided yet: facts are missing (${facts}).`,
    undeterminedGaps: (date: string, parameters: string) => `Cannot be decided yet: the regulation has no value yet for ${date} for ${parameters}.`,
    undeterminedBoth: (facts: string, date: string, parameters: string) =>
      `Cannot be decided yet: facts are missing (${facts}), and the regulation has no value yet for ${date} for ${parameters}.`,
    simulation: (title: string) => `Simulation of a concept, not a decision: ${title} has not been adopted.`,
    provisional: (categories: string) => `Provisional: the conditions and refusal grounds for the statutory urgency category ${categories} are still to be set by ministerial regulation; the municipality's criteria for it may still change.`,
    bindingShield: 'For dwellings where applicants with binding have priority, your housing permit may not be refused because other applicants with priority want the dwelling.',
    allocationNote: 'When a dwelling is offered, the housing corporation applies its own allocation rules (passend toewijzen, Woningwet art. 46 and 48); urgency is not refused on them where the Huisvestingswet forbids it.',
    tieBreak: (chosen: string, others: string) => `You meet more than one category; ${chosen} comes first in the ranking (before ${others}).`,
    notClaimed: 'Not applied for on this ground.',
    unmetRequirements: (reqs: string) => `You meet the conditions of this category, but not the general requirement(s): ${reqs}.`,
    requirementsUnmet: (reqs: string) => `You do not qualify for urgency: you do not meet the general requirement(s): ${reqs}.`,
    exempt: (requirement: string, article: string) => `The requirement '${requirement}' does not apply to this category (${article}).`,
    selection: (title: string, validFrom: string, date: string, from: string, until?: string) =>
      `${title} (version of ${validFrom}) is in force on ${date}; this combination of rules applies from ${from} ${until ? `through ${until}` : 'with no end date'}.`,
    missing: (label: string, forWhat: string) => `Needed to decide: ${label} (for ${forWhat}).`,
    profileUnknown: 'depends on the number of minor children',
  },
} as const;
