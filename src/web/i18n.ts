// The fixed words of the web pages, Dutch and English. Rule texts (labels, sentences, articles) come from
// the rule files and the engine; these are only the page's own words.
import type { Lang } from '../engine/decision.ts';

export type { Lang };

export const langOf = (q: unknown): Lang => (q === 'en' ? 'en' : 'nl');

export const ui = {
  nl: {
    site: 'voorrang',
    tagline: 'Urgentieregeling als code — provincie Groningen',
    skip: 'Naar de inhoud',
    nav: 'Hoofdmenu',
    pages: { intake: 'Urgentie toetsen', regulation: 'Regeling', diff: 'Vergelijken', scenario: "Scenario's", api: 'API' },
    otherLanguage: 'English',
    otherLanguageLabel: 'Read this page in English',
    conceptBanner: 'Alleen Groningen heeft een vastgestelde urgentieregeling (verordening 2019 en 2025). In de negen andere gemeenten is er geen van kracht; hun regeling hier is een concept dat alleen als simulatie wordt doorgerekend.',
    municipality: 'Gemeente',
    date: 'Peildatum',
    show: 'Tonen',
    notInForce: 'Geen regeling van kracht',
    concept: 'Concept — geen vastgestelde regelgeving',
    adopted: 'Vastgesteld',
    unconfirmed: 'niet bevestigd',
    footer: 'Gegevens die u invult worden niet opgeslagen en alleen naar deze server gestuurd.',
  },
  en: {
    site: 'voorrang',
    tagline: 'The urgency scheme as code — province of Groningen',
    skip: 'Skip to content',
    nav: 'Main menu',
    pages: { intake: 'Check urgency', regulation: 'Regulation', diff: 'Compare', scenario: 'Scenarios', api: 'API' },
    otherLanguage: 'Nederlands',
    otherLanguageLabel: 'Lees deze pagina in het Nederlands',
    conceptBanner: 'Only Groningen has an adopted urgentieregeling (verordening 2019 and 2025). None is in force in the nine other municipalities; their regulation here is a concept, run only as a simulation.',
    municipality: 'Municipality',
    date: 'Date',
    show: 'Show',
    notInForce: 'No regulation in force',
    concept: 'Concept — not adopted law',
    adopted: 'Adopted',
    unconfirmed: 'not confirmed',
    footer: 'What you enter is not stored and is sent only to this server.',
  },
} as const;

export type PageId = keyof (typeof ui)['nl']['pages'];
