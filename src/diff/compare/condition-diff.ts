// The difference between two condition trees in regulation terms. Children are aligned (by id, equal
// structure, the same fact and bound, the same label, shared facts), then each aligned pair is compared:
// leaves by their value sets (condition-direction.ts), groups recursively. A child added to an `all` is
// strenger, to an `any` ruimer (and the reverse when dropped). A group rebuilt beyond recognition is one
// "anders geformuleerd" change, gewijzigd. Each change keeps the nodes it is about, for its witness.
import type { Condition, Leaf, Regulation } from '../../rulebase/schema.ts';
import { citeArticle } from '../../rulebase/cite.ts';
import { childrenOf, groupKind, isGroup, isLeaf, kindOf, type Group } from '../../rulebase/condition-tree.ts';
import { leafRelation, operatorGroup, toDirection, type Polarity } from './condition-direction.ts';
import { describe, leafLabel, leafWords } from '../render/describe.ts';
import { leafValue } from './leaf-value.ts';
import { paramName } from '../../rulebase/parameters.ts';
import type { ChangeKind, Direction } from '../model/report.ts';
import { phrases, withUnit, type Lang } from '../render/words.ts';

/** A condition change with the nodes it is about: `base` in the baseline, `subject` in the regulation compared. */
export interface RawConditionChange {
  kind: ChangeKind;
  direction: Direction;
  description: string;
  path: string[];
  citation: string;
  parameter?: string;
  base?: Condition;
  subject?: Condition;
}

export interface DiffContext {
  base: Regulation;
  subject: Regulation;
  date: string;
  lang: Lang;
  polarity: Polarity;
  path: string[];
}


/** A group of one is its child. */
function unwrap(c: Condition): Condition {
  while (isGroup(c) && childrenOf(c).length === 1) c = childrenOf(c)[0]!;
  return c;
}

/** The structure without annotations: equal structures mean the same rule (given equal parameters). */
function canon(c: Condition): string {
  c = unwrap(c);
  if (isLeaf(c)) return JSON.stringify([c.fact, c.operator, c.value]);
  if (!isGroup(c)) return `not(${canon(childrenOf(c)[0]!)})`;
  return `${groupKind(c)}(${childrenOf(c).map(canon).join(',')})`;
}

const leafKey = (l: Leaf) => `${l.fact}|${operatorGroup(l.operator)}`;

function leafKeys(c: Condition, out = new Set<string>()): Set<string> {
  if (isLeaf(c)) out.add(leafKey(c));
  else childrenOf(c).forEach((x) => leafKeys(x, out));
  return out;
}

function similarity(a: Condition, b: Condition): number {
  const x = leafKeys(a), y = leafKeys(b);
  const shared = [...x].filter((k) => y.has(k)).length;
  return shared / (x.size + y.size - shared || 1);
}

/** Pairs old and new children, most certain matches first. */
export function align(as: readonly Condition[], bs: readonly Condition[]): { pairs: [Condition, Condition][]; removed: Condition[]; added: Condition[] } {
  const left = as.map(unwrap), right = bs.map(unwrap);
  const pairs: [Condition, Condition][] = [];
  const pass = (match: (a: Condition, b: Condition) => boolean) => {
    for (let i = 0; i < left.length; i++) {
      const j = right.findIndex((b) => match(left[i]!, b));
      if (j >= 0) {
        pairs.push([left[i]!, right[j]!]);
        left.splice(i--, 1);
        right.splice(j, 1);
      }
    }
  };
  pass((a, b) => a.id !== undefined && a.id === b.id);
  pass((a, b) => canon(a) === canon(b));
  pass((a, b) => isLeaf(a) && isLeaf(b) && leafKey(a) === leafKey(b));
  pass((a, b) => kindOf(a) === kindOf(b) && !isLeaf(a) && a.label !== undefined && a.label.nl === b.label?.nl);
  pass((a, b) => kindOf(a) === kindOf(b) && !isLeaf(a) && similarity(a, b) >= 0.5);
  pass((a, b) => isLeaf(a) && isLeaf(b) && a.fact === b.fact);
  return { pairs, removed: left, added: right };
}

const citation = (c: Condition | undefined, ctx: DiffContext) => (c?.basis ? citeArticle(c.basis, ctx.lang) : '');

export function diffConditions(a: Condition, b: Condition, ctx: DiffContext): RawConditionChange[] {
  a = unwrap(a);
  b = unwrap(b);
  if (isLeaf(a) && isLeaf(b)) return diffLeaves(a, b, ctx);
  if (kindOf(a) === 'not' && kindOf(b) === 'not') return diffConditions(childrenOf(a)[0]!, childrenOf(b)[0]!, { ...ctx, polarity: (-ctx.polarity) as Polarity });
  if (isGroup(a) && isGroup(b) && groupKind(a) === groupKind(b)) {
    const label = b.label?.[ctx.lang] ?? a.label?.[ctx.lang];
    return diffChildren(childrenOf(a), childrenOf(b), groupKind(a), { ...ctx, path: label ? [...ctx.path, label] : ctx.path }, a, b);
  }
  // A condition wrapped into a group (or a group reduced to one of its parts): compare inside the group.
  const hasMatch = (group: Group, c: Condition) => align(childrenOf(group), [c]).pairs.length > 0;
  if (isGroup(b) && hasMatch(b, a)) return diffChildren([a], childrenOf(b), groupKind(b), ctx, a, b);
  if (isGroup(a) && hasMatch(a, b)) return diffChildren(childrenOf(a), [b], groupKind(a), ctx, a, b);
  return [reformulated(a, b, ctx)];
}

function diffChildren(as: readonly Condition[], bs: readonly Condition[], kind: 'all' | 'any', ctx: DiffContext, a: Condition, b: Condition): RawConditionChange[] {
  const { pairs, removed, added } = align(as, bs);
  // More parts added and dropped than kept: report the group as reworded rather than as noise.
  if (removed.length && added.length && removed.length + added.length > pairs.length) return [reformulated(a, b, ctx)];
  const say = phrases[ctx.lang];
  // Adding to an `all` narrows it, adding to an `any` widens it.
  const addedDirection = toDirection(kind === 'all' ? 'narrower' : 'wider', ctx.polarity);
  const removedDirection = toDirection(kind === 'all' ? 'wider' : 'narrower', ctx.polarity);
  return [
    ...pairs.flatMap(([x, y]) => diffConditions(x, y, ctx)),
    ...removed.map((x): RawConditionChange => ({
      kind: 'removed', direction: removedDirection, path: ctx.path, citation: citation(x, ctx), base: x,
      description: (kind === 'all' ? say.droppedCondition : say.droppedAlternative)(describe(ctx.base, x, ctx.date, ctx.lang)),
    })),
    ...added.map((y): RawConditionChange => ({
      kind: 'added', direction: addedDirection, path: ctx.path, citation: citation(y, ctx), subject: y,
      description: (kind === 'all' ? say.newCondition : say.newAlternative)(describe(ctx.subject, y, ctx.date, ctx.lang)),
    })),
  ];
}

function reformulated(a: Condition, b: Condition, ctx: DiffContext): RawConditionChange {
  const label = b.label?.[ctx.lang] ?? a.label?.[ctx.lang] ?? ctx.path.at(-1) ?? '';
  const path = ctx.path.at(-1) === label ? ctx.path.slice(0, -1) : ctx.path;
  return {
    kind: 'changed', direction: 'changed', path, citation: citation(b, ctx), base: a, subject: b,
    description: phrases[ctx.lang].reformulated(label, describe(ctx.base, a, ctx.date, ctx.lang, true), describe(ctx.subject, b, ctx.date, ctx.lang, true)).trim(),
  };
}

function diffLeaves(a: Leaf, b: Leaf, ctx: DiffContext): RawConditionChange[] {
  const va = leafValue(ctx.base, a, ctx.date);
  const vb = leafValue(ctx.subject, b, ctx.date);
  const rel = leafRelation(a, va.value, b, vb.value);
  if (rel === 'same') return [];
  const sameShape = a.fact === b.fact && a.operator === b.operator;
  if (sameShape && JSON.stringify(va.value) === JSON.stringify(vb.value) && va.value !== undefined) return [];
  const lang = ctx.lang;
  // Only the parameter's value differs: the change belongs to the parameter, reported there in full.
  const parameter = sameShape && va.param !== undefined && va.param === vb.param ? va.param : undefined;
  const paramLabel = (r: Regulation, leaf: Leaf) => {
    const name = paramName(leaf);
    return name && !parameter && paramName(a) !== paramName(b) && r.parameters[name] ? ` (${r.parameters[name]!.label[lang]})` : '';
  };
  const newWords = leafWords(ctx.subject, b, ctx.date, lang) + paramLabel(ctx.subject, b);
  // Same operator: "minimaal 10 uur/week in plaats van 8 uur/week"; else both in full.
  const oldWords = (a.operator === b.operator ? withUnit(va.value, lang, va.unit) : leafWords(ctx.base, a, ctx.date, lang)) + paramLabel(ctx.base, a);
  const description = a.fact === b.fact
    ? `${leafLabel(b, lang)}: ${newWords} ${phrases[lang].insteadOf} ${oldWords}`
    : `${describe(ctx.subject, b, ctx.date, lang)} ${phrases[lang].insteadOf} ${describe(ctx.base, a, ctx.date, lang)}`;
  return [{
    kind: 'changed', direction: toDirection(rel, ctx.polarity), description, path: ctx.path,
    citation: citation(b, ctx) || citation(a, ctx), base: a, subject: b, ...(parameter && { parameter }),
  }];
}
