// What urgency gives, once granted: the validity period, the ranking of categories, the search profile.
// A shorter validity or fewer rooms is strenger; a new order of categories is gewijzigd.
import type { Regulation } from '../rulebase/schema.ts';
import { citeArticle } from '../rulebase/cite.ts';
import { parameterValue } from './params.ts';
import type { Direction, ValueChange } from './report.ts';
import { phrases, withUnit, type Lang } from './words.ts';
import type { z } from 'zod';
import type { RankingChange } from './report.ts';

/** Higher is better for the applicant: a larger value is ruimer (undefined: no maximum, the largest). */
const compareAmounts = (old: number | undefined, neu: number | undefined): Direction =>
  (neu ?? Infinity) < (old ?? Infinity) ? 'stricter' : 'looser';

export function diffValidity(base: Regulation, subject: Regulation, date: string, lang: Lang): Omit<ValueChange, 'witness' | 'noWitness'> | undefined {
  const pa = base.parameters[base.validity.param], pb = subject.parameters[subject.validity.param];
  const a = parameterValue(pa, date), b = parameterValue(pb, date);
  if (a === b) return undefined;
  const direction = typeof a === 'number' && typeof b === 'number' ? compareAmounts(a, b) : 'changed';
  return {
    description: phrases[lang].validity(withUnit(a, lang, pa?.unit), withUnit(b, lang, pb?.unit)),
    direction, citation: citeArticle(subject.validity.basis, lang),
  };
}

export function diffRanking(base: Regulation, subject: Regulation, lang: Lang): z.infer<typeof RankingChange> | undefined {
  const a = base.ranking.order, b = subject.ranking.order;
  const common = b.filter((id) => a.includes(id));
  const inA = a.filter((id) => common.includes(id));
  if (common.every((id, i) => inA[i] === id)) return undefined;
  const label = (r: Regulation, id: string) => r.categories.find((c) => c.id === id)?.label[lang] ?? id;
  return {
    old: a.map((id) => label(base, id)),
    new: b.map((id) => label(subject, id)),
    moved: common.filter((id, i) => inA[i] !== id).map((id) => phrases[lang].moved(label(subject, id), a.indexOf(id) + 1, b.indexOf(id) + 1)),
    citation: citeArticle(subject.ranking.basis, lang),
  };
}

export function diffSearchProfile(base: Regulation, subject: Regulation, lang: Lang): ValueChange[] {
  const say = phrases[lang];
  const rooms = (n: number | undefined) => (n === undefined ? say.noMaximum : say.rooms(n));
  const citation = citeArticle(subject.searchProfile.basis, lang);
  const a = base.searchProfile.rows, b = subject.searchProfile.rows;
  const children = [...new Set([...a, ...b].map((r) => r.minorChildren))].sort((x, y) => x - y);
  return children.flatMap((n): ValueChange[] => {
    const ra = a.find((r) => r.minorChildren === n), rb = b.find((r) => r.minorChildren === n);
    if (ra && rb) {
      return ra.maxRooms === rb.maxRooms ? []
        : [{ description: say.searchRow(n, rooms(ra.maxRooms), rooms(rb.maxRooms)), direction: compareAmounts(ra.maxRooms, rb.maxRooms), citation }];
    }
    return [rb ? { description: say.searchRowAdded(n, rooms(rb.maxRooms)), direction: 'changed', citation }
      : { description: say.searchRowRemoved(n, rooms(ra!.maxRooms)), direction: 'changed', citation }];
  });
}
