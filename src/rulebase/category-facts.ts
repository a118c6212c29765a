// What the law and the ranking make of each category of a resolved regulation, fixed once when it is
// resolved, so that the engine, the diff and the web read one answer instead of each re-deriving it.
import type { Category, Regulation, Statute } from './schema.ts';

export interface CategoryFacts {
  category: Category;
  /** Place in the regulation's own list of categories. */
  index: number;
  /** Place in the ranking, 1 = highest (0 for a category the ranking omits, which resolving reports). */
  rank: number;
  /** The law forbids a binding requirement for its statutory category: binding requirements do not apply. */
  bindingExempt: boolean;
}

/** Per category id, in ranking order (highest first; equal ranks keep the regulation's order). */
export type CategoriesInForce = ReadonlyMap<string, CategoryFacts>;

export function categoriesInForce(statute: Statute, r: Regulation): CategoriesInForce {
  const exempt = new Set(statute.bindingExempt.map((e) => e.category));
  const facts = r.categories.map((category, index): CategoryFacts => ({
    category,
    index,
    rank: r.ranking.order.indexOf(category.id) + 1,
    bindingExempt: !!category.statutory && exempt.has(category.statutory),
  }));
  return new Map(facts.sort((a, b) => a.rank - b.rank).map((f) => [f.category.id, f]));
}
