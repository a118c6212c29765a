// Why one case came out as it did on one side, in terms of the conditions that decided it — computed only
// for the few example cases a report shows, so the bulk path never builds reasoning. "Focus" is the
// category the other side chose: the explanation says why this side did not (or did) choose it.
import type { Case } from '../case/schema.ts';
import type { Lang } from '../engine/decision.ts';
import { getter, type FastRegulation, type ParamVector } from '../engine/fast.ts';
import { T, U, type Tri } from '../engine/truth.ts';
import type { Condition, Leaf } from '../rulebase/schema.ts';
import { paramName } from '../rulebase/parameters.ts';

import type { Decisive, Explanation, LeafFact } from './report-schema.ts';

type Truth = LeafFact['result'];
const truth = (t: Tri): Truth => (t === T ? 'true' : t === U ? 'unknown' : 'false');

/** Any node of the regulation, by the closure compiled for it (only for examples: not the hot path). */
function evalNode(f: FastRegulation, node: Condition, c: Case, p: ParamVector): Tri {
  const test = f.testOf(node);
  if (!test) throw new Error('condition not of this regulation');
  return test(c, p);
}

/** The leaves that gave a node its result: a false `all` by its false children, a true `any` by its true ones, … */
function decisiveLeaves(f: FastRegulation, node: Condition, c: Case, p: ParamVector, lang: Lang): LeafFact[] {
  const result = evalNode(f, node, c, p);
  if ('all' in node || 'any' in node) {
    const subs = 'all' in node ? node.all : node.any;
    return subs.filter((s) => evalNode(f, s, c, p) === result).flatMap((s) => decisiveLeaves(f, s, c, p, lang));
  }
  if ('not' in node) return decisiveLeaves(f, node.not, c, p, lang);
  return [leafFact(f, node, c, p, result, lang)];
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
    result: truth(result),
  };
}

export function explain(f: FastRegulation | null, c: Case, date: string, focus: string | undefined, lang: Lang): Explanation {
  if (!f) return { outcome: 'no-scheme', refusalGrounds: [], decisive: [{ kind: 'no-scheme' }] };
  const d = f.decide(c, date);
  const p = f.paramsOn(c.applicationDate ?? date);
  const r = f.regulation.regulation;
  const label = (x: { label: { nl: string; en: string } }) => x.label[lang];
  const leaves = (node: Condition) => decisiveLeaves(f, node, c, p, lang);
  const out: Explanation = { outcome: d.outcome, ...(d.category && { category: d.category }), refusalGrounds: d.refusalGrounds, decisive: [] };
  const refusals = (want: Tri) => f.tests.refusalGrounds
    .map((q, i) => ({ q, ground: r.refusalGrounds[i]!, res: q.test(c, p) }))
    .filter((x) => x.res === want)
    .map((x): Decisive => ({ kind: 'refusal-ground', id: x.q.id, label: label(x.ground), result: truth(x.res), leaves: leaves(x.q.condition) }));

  if (d.refusalGrounds.length) {
    out.decisive = refusals(T);
    return out;
  }
  // Why this category holds or not: absent, not claimed, own conditions, requirements, refusal, ranking.
  const about = (id: string): Decisive[] => {
    const k = f.tests.categories.findIndex((x) => x.id === id);
    if (k < 0) return [{ kind: 'category-absent', category: id }];
    const cat = f.tests.categories[k]!;
    const def = r.categories[k]!;
    if (cat.claimed && cat.claimed(c) === undefined) return [{ kind: 'not-claimed', category: id, label: label(def), ground: def.ground! }];
    const why: Decisive[] = [];
    const own = cat.own(c, p);
    if (own !== T) why.push({ kind: 'category', id, label: label(def), result: truth(own), leaves: leaves(cat.condition) });
    f.tests.requirements.forEach((q, i) => {
      if (q.binding && cat.exempt) return;
      const res = q.test(c, p);
      if (res !== T) why.push({ kind: 'requirement', id: q.id, label: label(r.requirements[i]!), result: truth(res), leaves: leaves(q.condition) });
    });
    if (why.length) return why;
    if (d.category === id) return [{ kind: 'met', category: id, label: label(def) }];
    if (d.category) {
      const above = r.categories.find((x) => x.id === d.category)!;
      return [{ kind: 'ranking', category: id, label: label(def), above: above.id, aboveLabel: label(above) }];
    }
    return refusals(U); // the category holds, but a refusal ground is unknown
  };

  const target = focus ?? d.category;
  if (target) {
    out.decisive = about(target);
    // Undetermined although the focus fails: say which other claimed category stays open.
    if (d.outcome === 'undetermined' && !out.decisive.some((x) => 'result' in x && x.result === 'unknown')) {
      const open = f.tests.categories.find((x) => x.id !== target && (!x.claimed || x.claimed(c) !== undefined) && about(x.id).some((y) => 'result' in y && y.result === 'unknown'));
      out.decisive.push(...(open ? about(open.id) : refusals(U)));
    }
    return out;
  }
  // No category anywhere: the claimed categories that stay open (undetermined) or fail (not urgent).
  const claimed = f.tests.categories.filter((x) => !x.claimed || x.claimed(c) !== undefined);
  if (!claimed.length) {
    out.decisive = [{ kind: 'no-ground' }];
    return out;
  }
  const open = d.outcome === 'undetermined' ? claimed.filter((x) => x.own(c, p) !== 0) : claimed;
  out.decisive = (open.length ? open : claimed).slice(0, 2).flatMap((x) => about(x.id));
  if (d.outcome === 'undetermined' && !out.decisive.some((x) => 'result' in x && x.result === 'unknown')) out.decisive.push(...refusals(U));
  return out;
}
