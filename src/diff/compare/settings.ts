// What urgency gives, once granted: the validity period, the ranking of categories, the search profile.
// A shorter validity or fewer rooms is strenger; a new order of categories is gewijzigd.
import type { Regulation } from '../../rulebase/schema.ts';
import { citeArticle } from '../../rulebase/cite.ts';
import { parameterValue } from '../../rulebase/parameters.ts';
import type { Direction, ValueChange } from '../model/report.ts';
import { phrases, withUnit, type Lang } from '../render/words.ts';
import type { z } from 'zod';
import type { RankingChange } from '../model/report.ts';

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

/** The ranking change, and two categories that swapped places (for a witness claiming both). */
export function diffRanking(base: Regulation, subject: Regulation, lang: Lang): { change: Omit<z.infer<typeof RankingChange>, 'witness' | 'noWitness'>; swapped: [string, string] } | undefined {
  const a = base.ranking.order, b = subject.ranking.order;
  const common = b.filter((id) => a.includes(id));
  const inA = a.filter((id) => common.includes(id));
  if (common.every((id, i) => inA[i] === id)) return undefined;
  const label = (r: Regulation, id: string) => r.categories.find((c) => c.id === id)?.label[lang] ?? id;
  const first = common.findIndex((id, i) => inA[i] !== id);
  return {
    change: {
      old: a.map((id) => label(base, id)),
      new: b.map((id) => label(subject, id)),
      moved: common.filter((id, i) => inA[i] !== id).map((id) => phrases[lang].moved(label(subject, id), a.indexOf(id) + 1, b.indexOf(id) + 1)),
      citation: citeArticle(subject.ranking.basis, lang),
    },
    // The first place where the orders differ: the category there now, and the one that stood there.
    swapped: [common[first]!, inA[first]!],
  };
}

export type SearchProfileChange = Omit<ValueChange, 'witness' | 'noWitness'> & { minorChildren: number };

export function diffSearchProfile(base: Regulation, subject: Regulation, lang: Lang): SearchProfileChange[] {
  const say = phrases[lang];
  const rooms = (n: number | undefined) => (n === undefined ? say.noMaximum : say.rooms(n));
  const citation = citeArticle(subject.searchProfile.basis, lang);
  const a = base.searchProfile.rows, b = subject.searchProfile.rows;
  const children = [...new Set([...a, ...b].map((r) => r.minorChildren))].sort((x, y) => x - y);
  return children.flatMap((n): SearchProfileChange[] => {
    const ra = a.find((r) => r.minorChildren === n), rb = b.find((r) => r.minorChildren === n);
    if (ra && rb) {
      return ra.maxRooms === rb.maxRooms ? []
        : [{ description: say.searchRow(n, rooms(ra.maxRooms), rooms(rb.maxRooms)), direction: compareAmounts(ra.maxRooms, rb.maxRooms), citation, minorChildren: n }];
    }
    return [rb ? { description: say.searchRowAdded(n, rooms(rb.maxRooms)), direction: 'changed', citation, minorChildren: n }
      : { description: say.searchRowRemoved(n, rooms(ra!.maxRooms)), direction: 'changed', citation, minorChildren: n }];
  });
}
