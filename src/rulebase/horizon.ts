// Running out of values, said ahead of time: every dated parameter value and every adopted verordening
// that ends within a window (default 60 days) with nothing after it. Then a decision on the next day has
// no value to compare with, or no scheme in force; the one to update the rule base should know first.
// Pure: reads the resolved periods and the file sets, no I/O.
import { addDays, within } from './dates.ts';
import { parameterValue } from './parameters.ts';
import type { RuleBase } from './rulebase.ts';

export interface HorizonWarning {
  kind: 'parameter' | 'verordening';
  /** The file set, or "N regelingen" when a parameter runs out in several at once (see `sets`). */
  set: string;
  /** Every file set it concerns. */
  sets: string[];
  /** The parameter's name, or the verordening's title. */
  name: string;
  /** The last day with a value (a version in force); nothing is encoded for the day after. */
  lastDay: string;
  message: { nl: string; en: string };
}

export const HORIZON_DAYS = 60;

/** Sets named one by one in a message up to this many; more are counted. */
const NAMED_SETS = 3;

export function horizonWarnings(ruleBase: Pick<RuleBase, 'periods' | 'fileSets'>, today: string, days = HORIZON_DAYS): HorizonWarning[] {
  const end = addDays(today, days);
  return [...parameterWarnings(ruleBase, today, end), ...verordeningWarnings(ruleBase, today, end)]
    .sort((a, b) => a.lastDay.localeCompare(b.lastDay) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}

/** A dated value that ends in [today, end] while its period still runs on the day after, with no value then. */
function parameterWarnings({ periods }: Pick<RuleBase, 'periods'>, today: string, end: string): HorizonWarning[] {
  const found = new Map<string, { name: string; lastDay: string; label: { nl: string; en: string }; sets: Set<string> }>();
  for (const [set, list] of periods) {
    for (const period of list) {
      // In force in the window, or starting within it.
      if (period.from > end || (period.until !== undefined && period.until < today)) continue;
      for (const [name, p] of Object.entries(period.regulation.parameters)) {
        for (const v of p.values ?? []) {
          if (v.until === undefined || v.until < today || v.until > end) continue;
          const next = addDays(v.until, 1);
          if (!within(next, period.from, period.until) || parameterValue(p, next) !== undefined) continue;
          const key = `${name}\u0000${v.until}`;
          const entry = found.get(key) ?? { name, lastDay: v.until, label: p.label, sets: new Set<string>() };
          entry.sets.add(set);
          found.set(key, entry);
        }
      }
    }
  }
  return [...found.values()].map(({ name, lastDay, label, sets }) => {
    const list = [...sets].sort();
    const next = addDays(lastDay, 1);
    const where = whereWords(list);
    return {
      kind: 'parameter', set: where.set, sets: list, name, lastDay,
      message: {
        nl: `${label.nl} (${name}) heeft geen waarde vanaf ${next} (laatste waarde tot en met ${lastDay}) ${where.nl}; neem de waarde voor ${next} op.`,
        en: `${label.en} (${name}) has no value from ${next} (last value through ${lastDay}) ${where.en}; add the value for ${next}.`,
      },
    };
  });
}

/** An adopted gemeente version whose validUntil falls in [today, end], with no adopted version the day after. */
function verordeningWarnings({ fileSets }: Pick<RuleBase, 'fileSets'>, today: string, end: string): HorizonWarning[] {
  const out: HorizonWarning[] = [];
  for (const set of fileSets.values()) {
    if (!set.id.startsWith('gemeente/')) continue;
    for (const v of set.versions) {
      const c = v.file.content;
      if (c.status !== 'adopted' || v.validUntil === undefined || v.validUntil < today || v.validUntil > end) continue;
      const next = addDays(v.validUntil, 1);
      if (set.versions.some((w) => w.validFrom === next && w.file.content.status === 'adopted')) continue;
      out.push({
        kind: 'verordening', set: set.id, sets: [set.id], name: c.title, lastDay: v.validUntil,
        message: {
          nl: `${c.title} loopt af op ${v.validUntil}; er is geen vastgestelde versie vanaf ${next} opgenomen (${set.id}).`,
          en: `${c.title} expires on ${v.validUntil}; no adopted version from ${next} is encoded (${set.id}).`,
        },
      });
    }
  }
  return out;
}

function whereWords(sets: string[]): { set: string; nl: string; en: string } {
  if (sets.length === 1) return { set: sets[0]!, nl: `in ${sets[0]}`, en: `in ${sets[0]}` };
  if (sets.length <= NAMED_SETS) return { set: sets.join(', '), nl: `in ${sets.join(', ')}`, en: `in ${sets.join(', ')}` };
  return { set: `${sets.length} regelingen`, nl: `in ${sets.length} regelingen`, en: `in ${sets.length} regulations` };
}
