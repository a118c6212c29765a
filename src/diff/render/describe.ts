// A condition in domain words: "Uren mantelzorg per week: minimaal 8 uur/week", groups by their label or
// as "(… en …)" / "(… of …)". Values are those in force on the date.
import type { Condition, Leaf, Regulation } from '../../rulebase/schema.ts';
import { childrenOf, isGroup, isLeaf, kindOf } from '../../rulebase/condition-tree.ts';
import { leafValue } from '../compare/leaf-value.ts';
import { phrases, requirementWords, withUnit, type Lang } from './words.ts';

export const leafLabel = (leaf: Leaf, lang: Lang): string => leaf.label?.[lang] ?? leaf.fact;

/** The value side of a leaf: "minimaal 8 uur/week". */
export function leafWords(r: Regulation, leaf: Leaf, date: string, lang: Lang): string {
  const { value, unit } = leafValue(r, leaf, date);
  return requirementWords(leaf.operator, withUnit(value, lang, unit), lang);
}

/** `expand`: spell out a labelled group's parts instead of giving its label. */
export function describe(r: Regulation, c: Condition, date: string, lang: Lang, expand = false): string {
  if (isGroup(c)) {
    if (c.label && !expand) return c.label[lang];
    const children = childrenOf(c);
    const joiner = ` ${kindOf(c) === 'all' ? phrases[lang].and : phrases[lang].or} `;
    return children.length === 1 ? describe(r, children[0]!, date, lang) : `(${children.map((x) => describe(r, x, date, lang)).join(joiner)})`;
  }
  if (!isLeaf(c)) return c.label?.[lang] ?? `${phrases[lang].not} (${describe(r, childrenOf(c)[0]!, date, lang)})`;
  return `${leafLabel(c, lang)}: ${leafWords(r, c, date, lang)}`;
}
