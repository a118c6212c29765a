// What the law and the ranking make of each category of a resolved regulation, fixed once when it is
// resolved, so that the engine, the diff and the web read one answer instead of each re-deriving it:
// which statutory category it implements, its rank, which requirements apply to it (the law forbids
// some subjects for some statutory categories) and whether binding priority may be used against it.
import type { Basis, Category, Regulation, Requirement, Statute, StatutoryCategory, Subject } from './schema.ts';
import type { z } from 'zod';

type BasisT = z.infer<typeof Basis>;

export interface CategoryFacts {
  category: Category;
  /** Place in the regulation's own list of categories. */
  index: number;
  /** Place in the ranking, 1 = highest (0 for a category the ranking omits, which resolving reports). */
  rank: number;
  /** The statutory category of the law in force that it implements; absent for a local category. */
  statutory?: StatutoryCategory;
  /** Indices (in the regulation's list) of the requirements that apply to it. */
  requirements: readonly number[];
  /** The requirements that do not apply to it, each with the article that forbids it. */
  exempt: readonly { requirement: string; subject: Subject; basis: BasisT }[];
  /** The law forbids a binding requirement for it (art. 14 lid 6): municipal binding does not apply. */
  bindingExempt: boolean;
  /** Binding priority may not be used against it (art. 16): the article that says so. */
  bindingShield?: BasisT;
}

/** Per category id, in ranking order (highest first; equal ranks keep the regulation's order). */
export type CategoriesInForce = ReadonlyMap<string, CategoryFacts>;

/** The exemption of the law for `subject` that covers statutory category `id`, if any. */
export function exemptionFor(statute: Statute, subject: Subject, id: string): BasisT | undefined {
  return statute.exemptions.find((e) => e.subject === subject && (!e.categories || e.categories.includes(id)))?.basis;
}

/**
 * `regional`: whether art. 14 lid 6 replaces the regulation's binding requirement for statutory categories
 * (the parameter binding.regioVoorWettelijkeCategorieen; see docs/legal-readings.md).
 */
export function categoriesInForce(statute: Statute, r: Regulation, regional = true): CategoriesInForce {
  const byId = new Map(statute.categories.map((s) => [s.id, s]));
  const facts = r.categories.map((category, index): CategoryFacts => {
    const statutory = category.statutory ? byId.get(category.statutory) : undefined;
    const exempt: CategoryFacts['exempt'][number][] = [];
    const requirements = r.requirements.flatMap((q: Requirement, i) => {
      if (q.statutoryOnly && !statutory) return [];
      const basis = statutory && q.subject && (q.subject !== 'binding' || regional) ? exemptionFor(statute, q.subject, statutory.id) : undefined;
      if (basis) {
        exempt.push({ requirement: q.id, subject: q.subject!, basis });
        return [];
      }
      return [i];
    });
    const shield = statutory && statute.bindingShield.find((s) => s.category === statutory.id);
    return {
      category,
      index,
      rank: r.ranking.order.indexOf(category.id) + 1,
      ...(statutory && { statutory }),
      requirements,
      exempt,
      bindingExempt: exempt.some((e) => e.subject === 'binding'),
      ...(shield && { bindingShield: shield.basis }),
    };
  });
  return new Map(facts.sort((a, b) => a.rank - b.rank).map((f) => [f.category.id, f]));
}
