// Conformance of the regulation compared with the law in force on the date. Errors: a mandatory category
// missing, a binding requirement where the law forbids one (rulebase/conformance.ts decides both). For the
// council, not errors: a statutory category made stricter than in the baseline, and a general requirement
// or refusal ground made stricter that also applies to the statutory categories. Each names its article.
import { inTransition, type RegulationInForce } from '../../rulebase/rulebase.ts';
import { checkConformance } from '../../rulebase/conformance.ts';
import { citeBasis } from '../../rulebase/cite.ts';
import type { RawTestChange } from './compare-tests.ts';
import type { Finding } from '../model/report.ts';
import { phrases, type Lang } from '../render/words.ts';

export function conformanceFindings(subject: RegulationInForce, subjectName: string, baseName: string, changes: RawTestChange[], lang: Lang): Finding[] {
  const say = phrases[lang];
  const statute = subject.statute;
  const statutory = (id: string | undefined) => statute.categories.find((c) => c.id === id);
  const findings: Finding[] = checkConformance(statute, subject.regulation, subjectName, inTransition(subject)).map((v) => {
    const basis = v.basis;
    // Adopted before this law: a task with a deadline (art. 51 lid 10), not a text that breaks the law.
    const level = inTransition(subject) && v.kind === 'mandatory-category-missing' ? 'attention' as const : 'error' as const;
    return { level, kind: v.kind, category: v.category, message: v.message[lang], citation: basis ? citeBasis(basis, lang) : '' };
  });

  for (const t of changes.filter((x) => x.testKind === 'category' && x.kind === 'changed')) {
    const law = statutory(t.statutory);
    const stricter = t.conditions.filter((c) => c.direction === 'stricter');
    if (!law || !stricter.length) continue;
    findings.push({
      level: 'attention', kind: 'stricter-statutory-category', category: t.id,
      message: say.stricterStatutory(t.label, baseName, stricter.map((c) => c.description).join('; ')),
      citation: citeBasis(law.basis, lang),
    });
  }

  for (const t of changes.filter((x) => x.testKind !== 'category' && (x.direction === 'stricter' || x.conditions.some((c) => c.direction === 'stricter')))) {
    const applies = subject.regulation.categories.filter((c) => statutory(c.statutory) && !subject.categoryFacts.get(c.id)?.exempt.some((e) => e.requirement === t.id));
    if (!applies.length) continue;
    findings.push({
      level: 'attention', kind: 'stricter-general-requirement',
      message: say.stricterGeneral(t.testKind as 'requirement' | 'refusalGround', t.label, baseName, applies.map((c) => c.label[lang]).join(', ')),
      citation: citeBasis(statutory(applies[0]!.statutory)!.basis, lang),
    });
  }
  return findings;
}
