// A variant of a resolved regulation: changes written in the same change language a municipal layer
// uses, applied over a baseline (a scenario, or a test fixture). Checked like a rule file: references
// resolve and the law in force is respected.
import type { RegulationInForce } from './rulebase.ts';
import type { Change, RuleFile } from './schema.ts';
import { applyChange, applyStatute, checkReferences } from './resolve.ts';
import { inTransition } from './rulebase.ts';
import { checkConformance } from './conformance.ts';
import { jsonPath, type PathSegment } from './problems.ts';
import { digest } from './digest.ts';
import { categoriesInForce } from './category-facts.ts';
import { changeProblems } from './parse.ts';

export interface VariantProblem {
  /** JSON path inside the list of changes, e.g. `$[2].parameter`. */
  path: string;
  message: string;
}

export function applyVariant(base: RegulationInForce, changes: Change[], title: string): { regulation?: RegulationInForce; problems: VariantProblem[] } {
  // What parse.ts checks of a layer's changes before resolving them, then what resolving checks.
  const problems: VariantProblem[] = changeProblems(changes).map((p) => ({ path: jsonPath(p.path), message: p.message }));
  const regulation = structuredClone(base.regulation);
  const provenance = { ...base.provenance };
  const origin = `variant:${title}`;
  // Bases without a regulation default to the variant's title, as they would in a rule file.
  const file = { title, layer: 'gemeente', jurisdiction: 'variant', validFrom: base.from, status: 'concept' } as RuleFile;
  changes.forEach((change, i) => {
    const fail = (message: string, ...path: PathSegment[]) => problems.push({ path: jsonPath([i, ...path]), message });
    applyChange(regulation, change, file, fail, (key) => { provenance[key] = origin; });
  });
  const regional = applyStatute(regulation, base.statute, { title: base.chain[0]!.title });
  for (const message of checkReferences(regulation)) problems.push({ path: '$', message });
  for (const v of checkConformance(base.statute, regulation, title)) {
    if (inTransition(base) && v.kind === 'mandatory-category-missing') continue; // as the rule base allows it (art. 51 lid 10)
    problems.push({ path: '$', message: v.message.nl });
  }
  if (problems.length) return { problems };
  const chain = [...base.chain, {
    layer: base.chain.at(-1)!.layer, set: 'variant', file: origin, title, validFrom: base.from,
    ...(base.until && { validUntil: base.until }), status: 'concept' as const, confirmed: false,
  }];
  return {
    problems,
    regulation: {
      ...base, regulation, provenance, chain, status: 'concept', categoryFacts: categoriesInForce(base.statute, regulation, regional),
      digest: digest({ chain: chain.map((l) => l.file), statute: base.statute, regulation }),
    },
  };
}
