// Why one case came out as it did on one side, in terms of the conditions that decided it — computed only
// for the few example cases a report shows, so the bulk path never builds reasoning. It reads the
// kernel's verdict (engine/kernel.ts) rather than deciding again. "Focus" is the category the other side
// chose: the explanation says why this side did not (or did) choose it.
import type { Case } from '../../case/schema.ts';
import type { Lang } from '../../engine/decision.ts';
import { getter, type FastRegulation, type ParamVector } from '../../engine/fast.ts';
import { applies } from '../../engine/kernel.ts';
import { F, T, truthValue, U, type Tri } from '../../engine/truth.ts';
import type { Condition, Leaf } from '../../rulebase/schema.ts';
import { paramName } from '../../rulebase/parameters.ts';
import { childrenOf, isLeaf, kindOf } from '../../rulebase/condition-tree.ts';

import type { Decisive, Explanation, LeafFact } from '../model/report-schema.ts';


/** Any node of the regulation, by the closure compiled for it (only for examples: not the hot path). */
function evalNode(f: FastRegulation, node: Condition, c: Case, p: ParamVector): Tri {
  const test = f.testOf(node);
  if (!test) throw new Error('condition not of this regulation');
  return test(c, p);
}

/** The leaves that gave a node its result: a false `all` by its false children, a true `any` by its true ones, … */
function decisiveLeaves(f: FastRegulation, node: Condition, c: Case, p: ParamVector, lang: Lang): LeafFact[] {
  const result = evalNode(f, node, c, p);
  if (isLeaf(node)) return [leafFact(f, node, c, p, result, lang)];
  if (kindOf(node) === 'not') return childrenOf(node).flatMap((s) => decisiveLeaves(f, s, c, p, lang));
  return childrenOf(node).filter((s) => evalNode(f, s, c, p) === result).flatMap((s) => decisiveLeaves(f, s, c, p, lang));
}

function leafFact(f: FastRegulation, leaf: Leaf, c: Case, p: ParamVector, result: Tri, lang: Lang): LeafFact {
  const param = paramName(leaf);
  const factValue = getter(leaf.fact)(c);
  const value = param ? p[f.slotOf(param)] : leaf.value;
  return {
    fact: leaf.fact, ...(leaf.label && { label: leaf.label[lang] }), operator: leaf.operator,
    ...(factValue !== undefined && factValue !== null && { factValue }),
    ...(value !== undefined && value !== null && { value }),
    ...(param && { parameter: param }),
    result: truthValue(result),
  };
}

export function explain(f: FastRegulation | null, c: Case, date: string, focus: string | undefined, lang: Lang): Explanation {
  if (!f) return { outcome: 'no-scheme', refusalGrounds: [], decisive: [{ kind: 'no-scheme' }] };
  const d = f.decide(c, date);
  const v = f.verdict(c, date);
  const p = f.paramsOn(c.applicationDate ?? date);
  const r = f.regulation.regulation;
  const label = (x: { label: { nl: string; en: string } }) => x.label[lang];
  const leaves = (node: Condition) => decisiveLeaves(f, node, c, p, lang);
  const out: Explanation = { outcome: d.outcome, ...(d.category && { category: d.category }), refusalGrounds: d.refusalGrounds, decisive: [] };
  const refusals = (want: Tri) => f.tests.refusalGrounds
    .map((q, i) => ({ q, ground: r.refusalGrounds[i]!, res: v.refusalGrounds[i]! }))
    .filter((x) => x.res === want)
    .map((x): Decisive => ({ kind: 'refusal-ground', id: x.q.id, label: label(x.ground), result: truthValue(x.res), leaves: leaves(x.q.condition) }));

  if (d.refusalGrounds.length) {
    out.decisive = refusals(T);
    return out;
  }
  // Why the kernel did or did not choose this category: absent, not claimed, own conditions, the
  // requirements that apply to it, ranking, or a refusal ground still unknown.
  const verdictOf = new Map(v.categories.map((x) => [x.facts.category.id, x]));
  const about = (id: string): Decisive[] => {
    const cat = verdictOf.get(id);
    if (!cat) return [{ kind: 'category-absent', category: id }];
    const def = cat.facts.category;
    if (!cat.claimed) return [{ kind: 'not-claimed', category: id, label: label(def), ground: def.ground! }];
    const why: Decisive[] = [];
    if (cat.own !== T) why.push({ kind: 'category', id, label: label(def), result: truthValue(cat.own!), leaves: leaves(def.conditions) });
    f.kernel.requirements.forEach((q, i) => {
      const res = v.requirements[i]!;
      if (applies(i, cat.facts) && res !== T) why.push({ kind: 'requirement', id: q.id, label: label(r.requirements[i]!), result: truthValue(res), leaves: leaves(r.requirements[i]!.conditions) });
    });
    if (why.length) return why;
    if (v.chosen === cat) return [{ kind: 'met', category: id, label: label(def) }];
    if (v.chosen) {
      const above = v.chosen.facts.category;
      return [{ kind: 'ranking', category: id, label: label(def), above: above.id, aboveLabel: label(above) }];
    }
    return refusals(U);
  };
  const unknownIn = (ds: Decisive[]) => ds.some((x) => 'result' in x && x.result === 'unknown');
  // In the regulation's own order, as the report has always listed them.
  const claimed = r.categories.filter((x) => verdictOf.get(x.id)!.claimed);

  const target = focus ?? d.category;
  if (target) {
    out.decisive = about(target);
    // Undetermined although the focus fails: say which other claimed category stays open.
    if (d.outcome === 'undetermined' && !unknownIn(out.decisive)) {
      const open = claimed.find((x) => x.id !== target && unknownIn(about(x.id)));
      out.decisive.push(...(open ? about(open.id) : refusals(U)));
    }
    return out;
  }
  // No category anywhere: the claimed categories that stay open (undetermined) or fail (not urgent).
  if (!claimed.length) {
    out.decisive = [{ kind: 'no-ground' }];
    return out;
  }
  const open = d.outcome === 'undetermined' ? claimed.filter((x) => verdictOf.get(x.id)!.own !== F) : claimed;
  out.decisive = (open.length ? open : claimed).slice(0, 2).flatMap((x) => about(x.id));
  if (d.outcome === 'undetermined' && !unknownIn(out.decisive)) out.decisive.push(...refusals(U));
  return out;
}
