// Conformance of a resolved regulation with the law in force: every mandatory category present, and no
// binding requirement written into a category on which the law forbids one. A violation rejects the
// rule base at load time, naming the article.
import type { z } from 'zod';
import type { Basis, Regulation, Statute } from './schema.ts';
import { exemptionFor } from './category-facts.ts';
import { citeBasis } from './cite.ts';
import { leavesOf } from './condition-tree.ts';

export interface Violation {
  kind: 'mandatory-category-missing' | 'forbidden-subject';
  category: string;
  /** The article broken: the mandatory category's, or the one that forbids the subject. */
  basis?: z.infer<typeof Basis>;
  message: { nl: string; en: string };
}

/**
 * `inTransition`: the regulation was adopted before the law version in force, which gives the council
 * until a date (`statute.transition`, Hvw art. 51 lid 10) to bring it in line: a missing category is then
 * a task with a deadline rather than a text that breaks the law.
 */
export function checkConformance(statute: Statute, regulation: Regulation, who: string, inTransition = false): Violation[] {
  const violations: Violation[] = [];
  const by = statute.transition && (statute.transition.deadline ?? { nl: 'een bij koninklijk besluit te bepalen tijdstip', en: 'a date to be set by royal decree' });
  for (const mandatory of statute.categories) {
    if (!regulation.categories.some((c) => c.statutory === mandatory.id)) {
      const name = `${mandatory.letter ? `${mandatory.letter}. ` : ''}${mandatory.label.nl}`;
      violations.push({
        kind: 'mandatory-category-missing',
        category: mandatory.id,
        basis: mandatory.basis,
        message: inTransition && statute.transition && by ? {
          nl: `${who} moet uiterlijk op ${typeof by === 'string' ? by : by.nl} (${citeBasis(statute.transition.basis, 'nl')}) in overeenstemming zijn met ${citeBasis(mandatory.basis, 'nl')}: '${name}' ontbreekt`,
          en: `${who} must be brought in line with ${citeBasis(mandatory.basis, 'en')} by ${typeof by === 'string' ? by : by.en} (${citeBasis(statute.transition.basis, 'en')}): '${mandatory.label.en}' is missing`,
        } : {
          nl: `${who} laat '${mandatory.id}' vervallen, verplicht onder ${citeBasis(mandatory.basis, 'nl')}`,
          en: `${who} drops '${mandatory.id}', mandatory under ${citeBasis(mandatory.basis, 'en')}`,
        },
      });
    }
  }
  for (const c of regulation.categories) {
    if (!c.statutory) continue;
    for (const leaf of leavesOf(c.conditions)) {
      const basis = leaf.subject && exemptionFor(statute, leaf.subject, c.statutory);
      if (!basis) continue;
      violations.push({
        kind: 'forbidden-subject',
        category: c.id,
        basis,
        message: {
          nl: `${who} stelt aan '${c.id}' een eis over ${subjectWords.nl[leaf.subject!]}, verboden onder ${citeBasis(basis, 'nl')}`,
          en: `${who} imposes a requirement on ${subjectWords.en[leaf.subject!]} on '${c.id}', forbidden under ${citeBasis(basis, 'en')}`,
        },
      });
      break;
    }
  }
  return violations;
}

const subjectWords = {
  nl: { binding: 'binding', income: 'het inkomen', 'housing-history': 'de woongeschiedenis' },
  en: { binding: 'binding', income: 'income', 'housing-history': 'housing history' },
} as const;
