// The one owner of the condition tree's shape: a node is a group (all / any), a negation (not) or a
// leaf. Code that walks, maps or folds conditions goes through here instead of testing `'all' in c`.
import type { Condition, Leaf } from './schema.ts';

export type NodeKind = 'all' | 'any' | 'not' | 'leaf';

export const kindOf = (c: Condition): NodeKind => ('all' in c ? 'all' : 'any' in c ? 'any' : 'not' in c ? 'not' : 'leaf');

/** The direct children: a group's members, a negation's one operand, none for a leaf. */
export const childrenOf = (c: Condition): readonly Condition[] =>
  'all' in c ? c.all : 'any' in c ? c.any : 'not' in c ? [c.not] : [];

export const isLeaf = (c: Condition): c is Leaf => kindOf(c) === 'leaf';

export type Group = Extract<Condition, { all: Condition[] }> | Extract<Condition, { any: Condition[] }>;

export const isGroup = (c: Condition): c is Group => 'all' in c || 'any' in c;

export const groupKind = (g: Group): 'all' | 'any' => ('all' in g ? 'all' : 'any');

/** Each direct child with its place under the node: `['all', 0]`, `['not']`, … (for error paths). */
export const childEntries = (c: Condition): Array<[place: Array<string | number>, child: Condition]> =>
  'all' in c ? c.all.map((x, i) => [['all', i], x]) : 'any' in c ? c.any.map((x, i) => [['any', i], x]) : 'not' in c ? [[['not'], c.not]] : [];

/** The node (annotations kept) with each direct child replaced by `f(child)`. */
export function withChildren(c: Condition, f: (child: Condition) => Condition): Condition {
  if ('all' in c) return { ...c, all: c.all.map(f) };
  if ('any' in c) return { ...c, any: c.any.map(f) };
  if ('not' in c) return { ...c, not: f(c.not) };
  return c;
}

/** Every leaf, left to right. */
export const leavesOf = (c: Condition): Leaf[] => (isLeaf(c) ? [c] : childrenOf(c).flatMap(leavesOf));

/** Visits every node, parents before children. */
export function walk(c: Condition, visit: (node: Condition) => void): void {
  visit(c);
  for (const child of childrenOf(c)) walk(child, visit);
}

/** Rebuilds a tree bottom-up: `f` gets each node with its children already mapped. */
export function mapTree(c: Condition, f: (node: Condition) => Condition): Condition {
  return f(withChildren(c, (x) => mapTree(x, f)));
}

export interface Folder<R> {
  all(children: R[], node: Condition): R;
  any(children: R[], node: Condition): R;
  not(child: R, node: Condition): R;
  leaf(leaf: Leaf): R;
}

/** Computes one value per node from its children's values, bottom-up. */
export function fold<R>(c: Condition, f: Folder<R>): R {
  if ('all' in c) return f.all(c.all.map((x) => fold(x, f)), c);
  if ('any' in c) return f.any(c.any.map((x) => fold(x, f)), c);
  if ('not' in c) return f.not(fold(c.not, f), c);
  return f.leaf(c);
}
