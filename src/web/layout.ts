// The page shell every page shares: language, skip link, header with the menu and the language switch,
// main landmark, footer. Styles and scripts come from /assets on this server only (no CDN, no fonts).
import { html, query, type Html } from './html.ts';
import { ui, type Lang, type PageId } from './i18n.ts';

export const PAGE_PATHS: Record<PageId, string> = {
  intake: '/toetsen',
  regulation: '/regeling',
  diff: '/vergelijken',
  scenario: '/scenarios',
  api: '/v1/docs',
};

/** A link to one of the pages, keeping the language. */
export const pageHref = (page: PageId, lang: Lang, params: Record<string, string | undefined> = {}): string =>
  PAGE_PATHS[page] + query({ ...params, ...(page !== 'api' && lang === 'en' && { lang: 'en' }) });

export interface PageInput {
  lang: Lang;
  page: PageId;
  title: string;
  /** The current URL's query without `lang`, so the language switch stays on the same view. */
  params?: Record<string, string | undefined>;
  body: Html;
  /** Client modules under /assets/client/. */
  scripts?: string[];
}

export function layout({ lang, page, title, params = {}, body, scripts = [] }: PageInput): string {
  const w = ui[lang];
  const other: Lang = lang === 'nl' ? 'en' : 'nl';
  const nav = (Object.keys(PAGE_PATHS) as PageId[]).map((p) => html`
      <li><a href="${pageHref(p, lang)}"${p === page ? html` aria-current="page"` : ''}>${w.pages[p]}</a></li>`);
  return '<!DOCTYPE html>\n' + html`<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · ${w.site}</title>
  <link rel="stylesheet" href="/assets/style.css">
  <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
  ${scripts.map((s) => html`<script type="module" src="/assets/client/${s}"></script>`)}
</head>
<body>
  <a class="skip" href="#main">${w.skip}</a>
  <header class="site">
    <div class="brand"><a href="${pageHref('intake', lang)}">${w.site}</a> <span>${w.tagline}</span></div>
    <nav aria-label="${w.nav}"><ul>${nav}
    </ul></nav>
    <a class="lang" href="${PAGE_PATHS[page] + query({ ...params, ...(other === 'en' && { lang: 'en' }) })}" lang="${other}" hreflang="${other}" aria-label="${w.otherLanguageLabel}">${w.otherLanguage}</a>
  </header>
  <main id="main" tabindex="-1">
    <h1>${title}</h1>
    <p class="banner">${w.conceptBanner}</p>
${body}
  </main>
  <footer class="site"><p>${w.footer}</p></footer>
</body>
</html>
`.text;
}
