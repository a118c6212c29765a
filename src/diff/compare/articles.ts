// Article texts: matched by number, then (for renumbered articles) by title; every pair whose text or
// title differs gets a word-level redline, a new or dropped article one inserted or deleted segment.
import type { Article } from '../../rulebase/schema.ts';
import { differs, redline } from './redline.ts';
import type { ArticleChange } from '../model/report.ts';
import type { Lang } from '../render/words.ts';

const words = (s: string) => new Set(s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));

function titleSimilarity(a: Article, b: Article): number {
  const x = words(a.title.nl), y = words(b.title.nl);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / (x.size + y.size - shared || 1);
}

export function diffArticles(base: Article[], subject: Article[], lang: Lang): ArticleChange[] {
  const rest = [...base];
  const take = (i: number) => (i >= 0 ? rest.splice(i, 1)[0] : undefined);
  const pairs: [Article | undefined, Article][] = subject.map((b) => [take(rest.findIndex((a) => a.id === b.id)), b]);
  for (const p of pairs) {
    if (p[0]) continue;
    const best = rest.map((a, i) => ({ i, s: titleSimilarity(a, p[1]) })).filter((x) => x.s >= 0.5).sort((x, y) => y.s - x.s)[0];
    if (best) p[0] = take(best.i);
  }
  const out: ArticleChange[] = [];
  for (const [a, b] of pairs) {
    if (!a) {
      out.push({ id: b.id, title: b.title[lang], kind: 'added', summary: b.summary, redline: [{ op: 'insert', text: b.text }] });
      continue;
    }
    const text = redline(a.text, b.text);
    if (!differs(text) && a.title[lang] === b.title[lang]) continue;
    const title = a.title[lang] === b.title[lang] ? b.title[lang] : `${b.title[lang]} (${a.title[lang]})`;
    out.push({ id: b.id, ...(a.id !== b.id && { oldId: a.id }), title, kind: 'changed', summary: b.summary, redline: text });
  }
  for (const a of rest) out.push({ id: a.id, title: a.title[lang], kind: 'removed', summary: a.summary, redline: [{ op: 'delete', text: a.text }] });
  return out;
}
