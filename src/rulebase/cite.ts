// How a legal basis is cited in a sentence: "Hvw art. 12 lid 3 onder a" / "Hvw art. 12(3)(a)".
import type { z } from 'zod';
import type { Basis } from './schema.ts';

import type { Lang } from './lang.ts';

export type { Lang };

/** Short article reference, without the regulation: "art. 2.6 lid 1 onder a". */
export function citeArticle(b: z.infer<typeof Basis>, lang: Lang): string {
  if (lang === 'en') return `art. ${b.article}${b.lid !== undefined ? `(${b.lid})` : ''}${b.letter ? `(${b.letter})` : ''}`;
  return `art. ${b.article}${b.lid !== undefined ? ` lid ${b.lid}` : ''}${b.letter ? ` onder ${b.letter}` : ''}`;
}

/** Full citation with the regulation: "Huisvestingswet 2014 art. 12 lid 3". */
export function citeBasis(b: z.infer<typeof Basis>, lang: Lang): string {
  return `${b.regulation ? b.regulation + ' ' : ''}${citeArticle(b, lang)}`;
}
