// Conformance of a resolved regulation with the law in force: every mandatory category present, and no
// binding requirement written into a category on which the law forbids one. A violation rejects the
// rule base at load time, naming the article.
import type { Regulation, Statute, Condition } from './schema.ts';
import { citeBasis } from './cite.ts';
import { leavesOf } from './condition-tree.ts';

export interface Violation {
  kind: 'mandatory-category-missing' | 'binding-forbidden';
  category: string;
  message: { nl: string; en: string };
}

export function checkConformance(statute: Statute, regulation: Regulation, who: string): Violation[] {
  const violations: Violation[] = [];
  for (const mandatory of statute.categories) {
    if (!regulation.categories.some((c) => c.statutory === mandatory.id)) {
      violations.push({
        kind: 'mandatory-category-missing',
        category: mandatory.id,
        message: {
          nl: `${who} laat '${mandatory.id}' vervallen, verplicht onder ${citeBasis(mandatory.basis, 'nl')}`,
          en: `${who} drops '${mandatory.id}', mandatory under ${citeBasis(mandatory.basis, 'en')}`,
        },
      });
    }
  }
  for (const exempt of statute.bindingExempt) {
    for (const c of regulation.categories.filter((x) => x.statutory === exempt.category)) {
      if (hasBindingLeaf(c.conditions)) {
        violations.push({
          kind: 'binding-forbidden',
          category: c.id,
          message: {
            nl: `${who} stelt een bindingseis aan '${c.id}', verboden onder ${citeBasis(exempt.basis, 'nl')}`,
            en: `${who} imposes a binding requirement on '${c.id}', forbidden under ${citeBasis(exempt.basis, 'en')}`,
          },
        });
      }
    }
  }
  return violations;
}

const hasBindingLeaf = (c: Condition): boolean => leavesOf(c).some((leaf) => leaf.binding === true);
