// Content negotiation for the language of labels, reasoning sentences and problem texts.
import type { Request } from 'express';
import type { Lang } from '../engine/decision.ts';

export const LANGUAGES: readonly Lang[] = ['nl', 'en'];

/** The best of nl/en by Accept-Language (q-values honoured); Dutch when absent or nothing matches. */
export function negotiateLanguage(req: Request): Lang {
  if (!req.headers['accept-language']) return 'nl';
  const best = req.acceptsLanguages(...LANGUAGES);
  return best === 'en' ? 'en' : 'nl';
}

/** A text in both languages, picked at the edge. */
export type Bilingual = Record<Lang, string>;
