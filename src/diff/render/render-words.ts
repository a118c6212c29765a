// Headings and short phrases shared by the Markdown and HTML renderings of a diff report.
import type { DecisionSummary, DiffReport, Witness } from '../model/report.ts';
import type { Lang } from './words.ts';

export const headings = {
  nl: {
    title: 'Verschillen in de urgentieregeling',
    versus: 'ten opzichte van',
    base: 'Vergelijkingsbasis',
    subject: 'Vergeleken regeling',
    regulation: 'Regeling',
    set: 'Regelbestanden',
    takenOn: 'Peildatum',
    period: 'Periode',
    status: 'Status',
    law: 'Wet',
    digest: 'Digest',
    dateNote: (d: string) => `Parameters gelden zoals op ${d}; elke getuige is beoordeeld als aanvraag op ${d}, onder beide regelingen.`,
    summary: 'Samenvatting',
    lawFrame: 'Wettelijk kader',
    conformance: 'Toetsing aan de wet',
    conformant: 'Geen strijdigheden met de geldende wet gevonden: alle verplichte categorieën zijn aanwezig en er is geen verboden bindingseis.',
    categories: 'Categorieën',
    requirements: 'Algemene voorwaarden',
    refusalGrounds: 'Weigeringsgronden',
    parameters: 'Parameters',
    parameter: 'Parameter',
    old: 'Was',
    new: 'Wordt',
    direction: 'Richting',
    source: 'Bron',
    usedIn: 'Geldt in',
    validity: 'Geldigheidsduur',
    ranking: 'Rangorde',
    searchProfile: 'Zoekprofiel',
    binding: 'Binding',
    articles: 'Artikelteksten',
    article: 'Artikel',
    renumbered: (old: string) => `was artikel ${old}`,
    summaryText: 'samenvatting, geen officiële tekst',
    witness: 'Getuige',
    viaParameter: (p: string) => `via parameter ${p}`,
    identical: 'De regelingen zijn gelijk: geen verschillen in regels of artikelteksten.',
    none: '—',
    concept: 'concept',
    adopted: 'vastgesteld',
    error: 'Strijdig met de wet',
    attention: 'Aandachtspunt voor de raad',
    oldOrder: 'was',
    newOrder: 'wordt',
    caseLabel: 'casus',
  },
  en: {
    title: 'Differences in the urgency scheme',
    versus: 'compared with',
    base: 'Baseline',
    subject: 'Regulation compared',
    regulation: 'Regulation',
    set: 'Rule files',
    takenOn: 'Date',
    period: 'Period',
    status: 'Status',
    law: 'Law',
    digest: 'Digest',
    dateNote: (d: string) => `Parameters as on ${d}; every witness was decided as an application on ${d}, under both regulations.`,
    summary: 'Summary',
    lawFrame: 'Legal framework',
    conformance: 'Conformance with the law',
    conformant: 'No conflicts with the law in force: every mandatory category is present and there is no forbidden binding requirement.',
    categories: 'Categories',
    requirements: 'General requirements',
    refusalGrounds: 'Refusal grounds',
    parameters: 'Parameters',
    parameter: 'Parameter',
    old: 'Was',
    new: 'Becomes',
    direction: 'Direction',
    source: 'Source',
    usedIn: 'Applies in',
    validity: 'Validity',
    ranking: 'Ranking',
    searchProfile: 'Search profile',
    binding: 'Binding',
    articles: 'Article texts',
    article: 'Article',
    renumbered: (old: string) => `was article ${old}`,
    summaryText: 'summary, not the official text',
    witness: 'Witness',
    viaParameter: (p: string) => `through parameter ${p}`,
    identical: 'The regulations are the same: no differences in rules or article texts.',
    none: '—',
    concept: 'concept',
    adopted: 'adopted',
    error: 'Against the law',
    attention: 'For the council',
    oldOrder: 'was',
    newOrder: 'becomes',
    caseLabel: 'case',
  },
} as const;

const outcomeWords = {
  nl: { urgent: 'urgent', 'not-urgent': 'niet urgent', undetermined: 'onbepaald' },
  en: { urgent: 'urgent', 'not-urgent': 'not urgent', undetermined: 'undetermined' },
} as const;

/** "urgent (Mantelzorg, 6 maanden)"; with `rooms` also the search profile. */
export function decisionWords(d: DecisionSummary, lang: Lang, rooms = false): string {
  const parts = [
    d.category?.label, d.validityMonths !== undefined ? `${d.validityMonths} ${lang === 'nl' ? 'maanden' : 'months'}` : undefined,
    rooms ? d.searchProfile : undefined,
  ].filter(Boolean);
  return `${outcomeWords[lang][d.outcome]}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/** "Uren mantelzorg per week: 9 uur/week → het model: urgent (…); Groningen: niet urgent" */
export function witnessWords(w: Witness, report: DiffReport, lang: Lang): string {
  const rooms = !!w.base.searchProfile && !!w.subject.searchProfile && w.base.searchProfile !== w.subject.searchProfile;
  return `${w.keyFacts.join('; ')} → ${report.base.name}: ${decisionWords(w.base, lang, rooms)}; ${report.subject.name}: ${decisionWords(w.subject, lang, rooms)}`;
}

export const period = (s: { from: string; until?: string }): string => `${s.from} – ${s.until ?? ''}`.trim();
