// Where a legal basis points on the regulation page: shared by the server-rendered pages and the
// browser modules (no imports, so it is served as is).

export interface BasisLike {
  regulation?: string;
  article: string;
  url?: string;
}

/** The id of an article's section on the regulation page: the law's articles and the regulation's own. */
export const articleId = (article: string, law = false): string => `${law ? 'wet-' : ''}art-${article}`;

/**
 * The link for a basis: the article on the regulation page when it belongs to the law or to the
 * regulation, else the official source when known (e.g. the Besluit that sets the income limits).
 */
export function basisHref(b: BasisLike, regulationPage: string, lawTitle: string | undefined, ownTitles: readonly string[]): string {
  const isLaw = !!lawTitle && b.regulation === lawTitle;
  if (!isLaw && b.regulation && !ownTitles.includes(b.regulation) && b.url) return b.url;
  return `${regulationPage}#${articleId(b.article, isLaw)}`;
}
