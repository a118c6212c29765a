// Renders a decision as the engine gave it: a simulation banner first when it is one, outcome, category,
// priority and validity (with art. 16's shield and the corporation's allocation rules), whether the law's
// conditions are still provisional, the missing facts (in the decision's order, linked to their fields),
// apart from them what the regulation itself lacks on the date, and the reasoning with links to the articles.
import type { ConditionTrace, Decision, TestTrace } from '../../engine/decision.ts';
import { h } from './dom.ts';
import { fieldIdOf } from './fields.ts';
import { basisHref } from './links.ts';
import { strings, type Lang } from './strings.ts';

export interface RenderContext {
  lang: Lang;
  /** The regulation page for this municipality and date, without a fragment. */
  regulationPage: string;
  /** Whether the form has a field for the fact (a missing fact that is not a case field has none). */
  hasField(fact: string): boolean;
}

const icon = { true: '✓', false: '✗', unknown: '?', 'not-evaluated': '·' } as const;

export function outcomeView(d: Decision, lang: Lang): HTMLElement {
  const s = strings[lang];
  return h('div', { class: `verdict ${d.outcome}` },
    d.simulation ? h('p', { class: 'banner simulation', role: 'note' }, h('strong', {}, s.simulation)) : null,
    h('p', { class: 'verdict-title' }, s.outcome[d.outcome]),
    h('p', { class: 'summary' }, d.summary));
}

export function decisionView(d: Decision, ctx: RenderContext): HTMLElement {
  const s = strings[ctx.lang];
  const lawTitle = d.regulation.chain.find((c) => c.layer === 'wet')?.title;
  const ownTitles = d.regulation.chain.filter((c) => c.layer !== 'wet').map((c) => c.title);
  // A condition shows its own basis only where it differs from the enclosing node's: inherit it.
  const basisOf = new Map<ConditionTrace, NonNullable<ConditionTrace['basis']>>();
  const inherit = (t: ConditionTrace, from: NonNullable<ConditionTrace['basis']>) => {
    const own = t.basis ?? from;
    basisOf.set(t, own);
    for (const c of t.children ?? []) inherit(c, own);
  };
  for (const t of [...d.reasoning.requirements, ...d.reasoning.categories, ...d.reasoning.refusalGrounds]) inherit(t.conditions, t.basis);
  const cite = (t: { basis?: ConditionTrace['basis']; citation: string }) =>
    h('a', { href: basisHref((t.basis ?? basisOf.get(t as ConditionTrace))!, ctx.regulationPage, lawTitle, ownTitles), class: 'cite' }, t.citation);

  /** A sentence ends with "(citation)": that part becomes the link to the article. */
  const sentence = (t: ConditionTrace) => {
    const text = t.sentence ?? t.label ?? '';
    const tail = ` (${t.citation})`;
    return text.endsWith(tail) ? [text.slice(0, -tail.length), ' (', cite(t), ')'] : [text, ' (', cite(t), ')'];
  };
  const mark = (r: keyof typeof icon, words: Record<string, string>) =>
    h('span', { class: `mark r-${r}` }, h('span', { 'aria-hidden': 'true' }, icon[r]), h('span', { class: 'visually-hidden' }, words[r]!));

  const conditions = (t: ConditionTrace, words: Record<string, string>): HTMLElement => {
    if (t.kind === 'leaf') return h('li', {}, mark(t.result, words), ' ', ...sentence(t));
    const kids = (t.children ?? []).map((c) => conditions(c, words));
    return t.label ? h('li', {}, mark(t.result, words), ' ', t.label, ' (', cite(t), ')', h('ul', {}, kids)) : h('li', { class: 'plain' }, h('ul', {}, kids));
  };
  const test = (t: TestTrace, words: Record<string, string>) => h('li', { class: 'test' },
    h('p', { class: 'test-head' }, mark(t.result, words), ' ', h('strong', {}, t.label), ' (', cite(t), ')'),
    t.note ? h('p', { class: 'note' }, t.note) : null,
    h('ul', { class: 'conditions' }, t.conditions.kind === 'leaf' ? conditions(t.conditions, words) : (t.conditions.children ?? []).map((c) => conditions(c, words))));

  const claimed = d.reasoning.categories.filter((c) => c.result !== 'not-evaluated');
  const unclaimed = d.reasoning.categories.filter((c) => c.result === 'not-evaluated');
  const labelOf = (id: string) => [...d.reasoning.categories, ...d.reasoning.requirements, ...d.reasoning.refusalGrounds].find((t) => t.id === id)?.label ?? id;

  return h('div', {},
    d.category && d.priority ? h('dl', { class: 'priority' },
      h('dt', {}, s.category), h('dd', {}, d.category.label, ' (', h('a', { href: `${ctx.regulationPage}#category-${d.category.id}` }, d.category.citation), ')'),
      h('dt', {}, s.rank), h('dd', {}, String(d.priority.rank), ' — ', s.aboveDaeb),
      h('dt', {}, s.valid), h('dd', {}, s.validText(d.priority.validFrom, d.priority.validUntil, d.priority.validityMonths)),
      h('dt', {}, s.profile), h('dd', {}, d.priority.searchProfile.label),
      d.tieBreak ? [h('dt', {}, s.tieBreak), h('dd', {}, d.tieBreak)] : null,
      d.priority.bindingShield ? [h('dt', {}, s.bindingShield), h('dd', {}, d.priority.bindingShield.text, ' (', d.priority.bindingShield.citation, ')')] : null,
      h('dt', {}, s.allocation), h('dd', {}, d.priority.allocationNote)) : null,
    d.provisional ? h('section', { class: 'provisional banner', 'aria-labelledby': 'provisional-h' },
      h('h3', { id: 'provisional-h' }, s.provisional),
      h('p', {}, d.provisional.text, ' (', d.provisional.citation, ')')) : null,
    d.missingFacts.length ? h('section', { class: 'missing', 'aria-labelledby': 'missing-h' },
      h('h3', { id: 'missing-h' }, s.missing),
      h('ol', {}, d.missingFacts.map((m) => h('li', {},
        ctx.hasField(m.fact) ? h('a', { href: `#${fieldIdOf(m.fact)}`, 'data-focus-field': m.fact }, m.label)
          : h('span', {}, m.label, ' ', h('span', { class: 'tag' }, s.notAField)),
        ' — ', s.neededFor, ' ', m.neededFor.map(labelOf).join(', '))))) : null,
    d.regulationGaps.length ? h('section', { class: 'missing gaps', 'aria-labelledby': 'gaps-h' },
      h('h3', { id: 'gaps-h' }, s.gaps),
      h('p', { class: 'note' }, s.gapsNote),
      h('ul', {}, d.regulationGaps.map((g) => h('li', {}, g.sentence, ' ', h('code', {}, g.parameter))))) : null,
    d.refusalGrounds.length ? h('section', { 'aria-labelledby': 'refusal-h' },
      h('h3', { id: 'refusal-h' }, s.refusal),
      h('ul', {}, d.refusalGrounds.map((g) => h('li', {}, g.label, ' (', cite({ basis: d.reasoning.refusalGrounds.find((t) => t.id === g.id)!.basis, citation: g.citation }), ')')))) : null,
    h('section', { class: 'reasoning', 'aria-labelledby': 'categories-h' },
      h('h3', { id: 'categories-h' }, s.categories),
      h('ul', { class: 'tests' }, claimed.map((t) => test(t, s.result))),
      unclaimed.length ? h('p', { class: 'unclaimed' }, `${s.notClaimed}: `, unclaimed.map((t) => t.label).join(', ')) : null),
    h('section', { class: 'reasoning', 'aria-labelledby': 'requirements-h' },
      h('h3', { id: 'requirements-h' }, s.requirements),
      h('ul', { class: 'tests' }, d.reasoning.requirements.map((t) => test(t, s.result)))),
    h('section', { class: 'reasoning', 'aria-labelledby': 'refusals-h' },
      h('h3', { id: 'refusals-h' }, s.refusalGrounds),
      h('ul', { class: 'tests' }, d.reasoning.refusalGrounds.map((t) => test(t, s.refusalResult)))),
    h('section', { class: 'receipt', 'aria-labelledby': 'receipt-h' },
      h('h3', { id: 'receipt-h' }, s.receipt),
      h('p', {}, d.regulation.selection),
      h('ul', {}, d.regulation.chain.map((c) => h('li', {}, `${s.layers[c.layer]}: ${c.title} (${c.validFrom}, ${c.status})`))),
      h('p', { class: 'digest' }, `${s.digest}: `, h('code', {}, d.regulation.digest))));
}
