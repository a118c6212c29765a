// Binding rules and the law behind them. A binding requirement (lokale binding, Hvw art. 14) applies to a
// category unless the law in force forbids one for it; when the two regulations stand under different
// law versions, the statutory categories and the binding bans they impose are compared too.
import type { RegulationInForce } from '../../rulebase/rulebase.ts';
import type { Category } from '../../rulebase/schema.ts';
import { citeArticle, citeBasis } from '../../rulebase/cite.ts';
import type { ValueChange } from '../model/report.ts';
import { phrases, type Lang } from '../render/words.ts';

const exemptBasis = (r: RegulationInForce, c: Category) =>
  r.categoryFacts.get(c.id)?.exempt.find((e) => e.subject === 'binding')?.basis;

/** Per statutory category, the article that exempts it from binding. */
const bindingBans = (r: RegulationInForce) => r.statute.categories.flatMap((c) => {
  const e = r.statute.exemptions.find((x) => x.subject === 'binding' && (!x.categories || x.categories.includes(c.id)));
  return e ? [{ category: c.id, basis: e.basis }] : [];
});

/** Categories in both regulations on which a binding requirement now does, or no longer, apply. */
export function diffBinding(base: RegulationInForce, subject: RegulationInForce, lang: Lang): Omit<ValueChange, 'witness' | 'noWitness'>[] {
  const ra = base.regulation.requirements.find((r) => r.subject === 'binding');
  const rb = subject.regulation.requirements.find((r) => r.subject === 'binding');
  if (!ra || !rb) return []; // a binding requirement added or dropped is reported with the requirements
  return subject.regulation.categories.flatMap((c) => {
    const old = base.regulation.categories.find((x) => x.id === c.id);
    if (!old) return [];
    const was = !exemptBasis(base, old), is = !exemptBasis(subject, c);
    if (was === is) return [];
    const basis = exemptBasis(subject, c) ?? exemptBasis(base, old)!;
    // Where the law replaces municipal binding by regional binding (art. 14 lid 6), say so.
    const facts = subject.categoryFacts.get(c.id);
    const regional = !is && facts && subject.regulation.requirements.find((q, i) => q.statutoryOnly && facts.requirements.includes(i));
    return [{
      description: is ? phrases[lang].bindingNow(c.label[lang], rb.label[lang])
        : regional ? phrases[lang].bindingRegional(c.label[lang], regional.label[lang]) : phrases[lang].bindingNoLonger(c.label[lang]),
      direction: is ? 'stricter' as const : 'looser' as const,
      citation: citeBasis(basis, lang),
    }];
  });
}

/** The law versions compared: mandatory categories and binding bans added or removed. */
export function diffLaw(base: RegulationInForce, subject: RegulationInForce, lang: Lang): { old: string; new: string; sentences: string[] } | undefined {
  const la = base.chain[0]!, lb = subject.chain[0]!;
  if (la.file === lb.file) return undefined;
  const say = phrases[lang];
  const a = base.statute, b = subject.statute;
  const list = (items: { label: { nl: string; en: string }; basis: Parameters<typeof citeArticle>[0] }[]) =>
    items.map((x) => `${x.label[lang]} (${citeArticle(x.basis, lang)})`).join('; ');
  const added = b.categories.filter((c) => !a.categories.some((x) => x.id === c.id));
  const removed = a.categories.filter((c) => !b.categories.some((x) => x.id === c.id));
  const label = (id: string) => [...b.categories, ...a.categories].find((c) => c.id === id)?.label ?? { nl: id, en: id };
  const bansA = bindingBans(base), bansB = bindingBans(subject);
  const exemptAdded = bansB.filter((e) => !bansA.some((x) => x.category === e.category)).map((e) => ({ label: label(e.category), basis: e.basis }));
  const exemptRemoved = bansA.filter((e) => !bansB.some((x) => x.category === e.category)).map((e) => ({ label: label(e.category), basis: e.basis }));
  return {
    old: la.title,
    new: lb.title,
    sentences: [
      say.lawChanged(la.title, lb.title),
      ...(added.length ? [say.lawMandatoryAdded(list(added))] : []),
      ...(removed.length ? [say.lawMandatoryRemoved(list(removed))] : []),
      ...(exemptAdded.length ? [say.lawExemptAdded(list(exemptAdded))] : []),
      ...(exemptRemoved.length ? [say.lawExemptRemoved(list(exemptRemoved))] : []),
    ],
  };
}
