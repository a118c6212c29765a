// The words of the diff, Dutch and English: conditions in domain words, values with their unit, and the
// fixed phrases of the report. Presentation only; the rules' own labels come from the rule files.
import type { Lang } from '../../engine/decision.ts';
import { requirementWords, withUnit } from '../../engine/explain.ts';
import type { Direction } from '../model/report.ts';

export type { Lang };

export { requirementWords, withUnit };

export const directionWord: Record<Lang, Record<Direction, string>> = {
  nl: { stricter: 'strenger', looser: 'ruimer', changed: 'gewijzigd' },
  en: { stricter: 'stricter', looser: 'looser', changed: 'changed' },
};

export const kindWord = {
  nl: { added: 'Toegevoegd', removed: 'Vervallen', changed: 'Gewijzigd' },
  en: { added: 'Added', removed: 'Removed', changed: 'Changed' },
} as const;

export const phrases = {
  nl: {
    insteadOf: 'in plaats van',
    and: 'en',
    or: 'of',
    not: 'niet',
    newCondition: (d: string) => `nieuwe voorwaarde: ${d}`,
    droppedCondition: (d: string) => `voorwaarde vervalt: ${d}`,
    newAlternative: (d: string) => `nieuw alternatief: ${d}`,
    droppedAlternative: (d: string) => `alternatief vervalt: ${d}`,
    reformulated: (label: string, oldD: string, newD: string) => `${label} anders geformuleerd: ${newD} (was: ${oldD})`,
    noWitness: 'geen onderscheidend geval gevonden',
    unknown: 'onbekend',
    model: 'het model',
    labelChanged: (o: string, n: string) => `naam: ${n} (was: ${o})`,
    groundChanged: (o: string, n: string) => `aangevraagd via ${n} (was: ${o})`,
    statutoryChanged: (o: string, n: string) => `wettelijke categorie: ${n} (was: ${o})`,
    none: 'geen',
    bindingFlag: (on: boolean) => on ? 'wordt een bindingseis (geldt niet voor categorieën waarvoor de wet die verbiedt)' : 'is geen bindingseis meer',
    parameterValuesChanged: 'de waarden op andere data verschillen',
    parameterUnitChanged: (o: string, n: string) => `eenheid ${n} (was ${o})`,
    validity: (o: string, n: string) => `Geldigheidsduur van de urgentieverklaring: ${n} in plaats van ${o}`,
    searchRow: (children: number, o: string, n: string) => `${children === 0 ? 'Zonder minderjarige kinderen' : `Vanaf ${children} minderjarig(e) kind(eren)`}: ${n} in plaats van ${o}`,
    searchRowAdded: (children: number, n: string) => `Nieuwe rij vanaf ${children} minderjarig(e) kind(eren): ${n}`,
    searchRowRemoved: (children: number, o: string) => `Rij vanaf ${children} minderjarig(e) kind(eren) vervalt (was: ${o})`,
    noMaximum: 'geen maximum aantal kamers',
    rooms: (n: number) => `maximaal ${n} kamers`,
    moved: (label: string, from: number, to: number) => `${label}: plaats ${to} in plaats van ${from}`,
    bindingNow: (label: string, param: string) => `${label}: de bindingseis (${param}) geldt nu wel`,
    bindingNoLonger: (label: string) => `${label}: de bindingseis geldt niet meer`,
    bindingRegional: (label: string, requirement: string) => `${label}: binding met de gemeente wordt binding met de woningmarktregio (${requirement})`,
    lawChanged: (o: string, n: string) => `De regelingen staan onder verschillende wetsversies: ${n} in plaats van ${o}.`,
    lawMandatoryAdded: (list: string) => `Nieuw verplichte categorieën: ${list}.`,
    lawMandatoryRemoved: (list: string) => `Niet langer verplichte categorieën: ${list}.`,
    lawExemptAdded: (list: string) => `Nieuw verbod op een bindingseis voor: ${list}.`,
    lawExemptRemoved: (list: string) => `Verbod op een bindingseis vervallen voor: ${list}.`,
    missing: (who: string, label: string) => `${who} mist de verplichte categorie '${label}'`,
    bindingForbidden: (who: string, label: string) => `${who} stelt een bindingseis aan '${label}', wat de wet verbiedt`,
    stricterStatutory: (label: string, base: string, what: string) =>
      `${label} is een wettelijke categorie en is strenger dan in ${base}: ${what}. Dit mag, maar verdient de aandacht van de raad.`,
    stricterGeneral: (kind: 'requirement' | 'refusalGround', label: string, base: string, cats: string) =>
      `De ${kind === 'requirement' ? 'algemene voorwaarde' : 'weigeringsgrond'} '${label}' is strenger dan in ${base} en geldt ook voor de wettelijke categorieën ${cats}. Dit mag, maar verdient de aandacht van de raad.`,
    validityName: 'Geldigheidsduur',
    summary: (s: number, l: number, c: number, e: number, a: number) =>
      s + l + c === 0 ? `Geen inhoudelijke verschillen${e ? `; ${e} strijdigheid(en) met de wet` : ''}.`
        : `${s} strenger, ${l} ruimer, ${c} gewijzigd; ${e} strijdigheid(en) met de wet, ${a} aandachtspunt(en) voor de raad.`,
  },
  en: {
    insteadOf: 'instead of',
    and: 'and',
    or: 'or',
    not: 'not',
    newCondition: (d: string) => `new condition: ${d}`,
    droppedCondition: (d: string) => `condition dropped: ${d}`,
    newAlternative: (d: string) => `new alternative: ${d}`,
    droppedAlternative: (d: string) => `alternative dropped: ${d}`,
    reformulated: (label: string, oldD: string, newD: string) => `${label} reworded: ${newD} (was: ${oldD})`,
    noWitness: 'no distinguishing case found',
    unknown: 'unknown',
    model: 'the model',
    labelChanged: (o: string, n: string) => `name: ${n} (was: ${o})`,
    groundChanged: (o: string, n: string) => `claimed through ${n} (was: ${o})`,
    statutoryChanged: (o: string, n: string) => `statutory category: ${n} (was: ${o})`,
    none: 'none',
    bindingFlag: (on: boolean) => on ? 'becomes a binding requirement (not applied to categories for which the law forbids one)' : 'is no longer a binding requirement',
    parameterValuesChanged: 'the values on other dates differ',
    parameterUnitChanged: (o: string, n: string) => `unit ${n} (was ${o})`,
    validity: (o: string, n: string) => `Validity of the urgency declaration: ${n} instead of ${o}`,
    searchRow: (children: number, o: string, n: string) => `${children === 0 ? 'Without minor children' : `From ${children} minor child(ren)`}: ${n} instead of ${o}`,
    searchRowAdded: (children: number, n: string) => `New row from ${children} minor child(ren): ${n}`,
    searchRowRemoved: (children: number, o: string) => `Row from ${children} minor child(ren) dropped (was: ${o})`,
    noMaximum: 'no maximum number of rooms',
    rooms: (n: number) => `at most ${n} rooms`,
    moved: (label: string, from: number, to: number) => `${label}: place ${to} instead of ${from}`,
    bindingNow: (label: string, param: string) => `${label}: the binding requirement (${param}) now applies`,
    bindingNoLonger: (label: string) => `${label}: the binding requirement no longer applies`,
    bindingRegional: (label: string, requirement: string) => `${label}: binding with the municipality becomes binding with the woningmarktregio (${requirement})`,
    lawChanged: (o: string, n: string) => `The regulations stand under different versions of the law: ${n} instead of ${o}.`,
    lawMandatoryAdded: (list: string) => `Newly mandatory categories: ${list}.`,
    lawMandatoryRemoved: (list: string) => `No longer mandatory categories: ${list}.`,
    lawExemptAdded: (list: string) => `New ban on a binding requirement for: ${list}.`,
    lawExemptRemoved: (list: string) => `Ban on a binding requirement lifted for: ${list}.`,
    missing: (who: string, label: string) => `${who} lacks the mandatory category '${label}'`,
    bindingForbidden: (who: string, label: string) => `${who} imposes a binding requirement on '${label}', which the law forbids`,
    stricterStatutory: (label: string, base: string, what: string) =>
      `${label} is a statutory category and is stricter than in ${base}: ${what}. This is allowed, but deserves the council's attention.`,
    stricterGeneral: (kind: 'requirement' | 'refusalGround', label: string, base: string, cats: string) =>
      `The ${kind === 'requirement' ? 'general requirement' : 'refusal ground'} '${label}' is stricter than in ${base} and also applies to the statutory categories ${cats}. This is allowed, but deserves the council's attention.`,
    validityName: 'Validity',
    summary: (s: number, l: number, c: number, e: number, a: number) =>
      s + l + c === 0 ? `No differences in substance${e ? `; ${e} conflict(s) with the law` : ''}.`
        : `${s} stricter, ${l} looser, ${c} changed; ${e} conflict(s) with the law, ${a} point(s) for the council's attention.`,
  },
} as const;
