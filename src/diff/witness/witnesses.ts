// Witnesses: for a change, a concrete applicant case that the two regulations decide differently. The
// case is built from the conditions themselves (witness-solver.ts): the changed test holds under one
// regulation and fails under the other, turning on the changed node, while everything else a decision
// needs holds under both (general requirements met, no refusal ground, no other category claimed). A
// requirement or refusal ground is witnessed through a category both regulations share. Each candidate is
// then evaluated under both regulations; only a case whose decisions really differ is a witness.
import type { Decision } from '../../engine/decision.ts';
import type { Evaluator } from '../../engine/evaluator.ts';
import type { RegulationInForce } from '../../rulebase/rulebase.ts';
import type { Category, Condition, Leaf } from '../../rulebase/schema.ts';
import { leavesOf } from '../../rulebase/condition-tree.ts';
import type { Test, TestKind } from '../compare/compare-tests.ts';
import { leafLabel } from '../render/describe.ts';
import { leafValue } from '../compare/leaf-value.ts';
import type { DecisionSummary, Direction, Witness } from '../model/report.ts';
import { solve, substitute, toCase, type Goal, type Node } from './witness-solver.ts';
import { withUnit, type Lang } from '../render/words.ts';

export type EvaluatesUnder = Pick<Evaluator, 'evaluateUnder'>;

export interface WitnessContext {
  base: RegulationInForce;
  subject: RegulationInForce;
  date: string;
  lang: Lang;
  evaluator: EvaluatesUnder;
}

/** What a witness must turn on: a test on each side (absent when added or removed) and the node in it. */
export interface Focus {
  testKind: TestKind;
  base?: Test;
  subject?: Test;
  baseNode?: Condition;
  subjectNode?: Condition;
  /** A witness must show this direction: strenger → the subject decides worse for the applicant. */
  direction: Direction;
}

type SideName = 'base' | 'subject';
const SIDES: SideName[] = ['base', 'subject'];
const other = (s: SideName): SideName => (s === 'base' ? 'subject' : 'base');

/** An absent category or refusal ground never holds; an absent requirement always does. */
const absentHolds: Record<TestKind, boolean> = { category: false, requirement: true, refusalGround: false };

/** Candidates tried per way of telling the two apart, and categories tried for a requirement or refusal ground. */
const CANDIDATES = 3;
const CATEGORIES = 8;

export async function findWitness(ctx: WitnessContext, focus: Focus): Promise<Witness | undefined> {
  const leaves = keyLeaves(focus);
  for (const pass of passing(focus)) {
    // The side that grants urgency: where a category or requirement holds, where a refusal ground does not.
    const urgent = focus.testKind === 'refusalGround' ? other(pass) : pass;
    const focusing = focusGoals(ctx, focus, pass);
    if (focus.testKind === 'category') {
      const cat = (s: SideName) => focus[s] as Category | undefined;
      const skip = skipping(focus, [cat('base'), cat('subject')]);
      const grounds = [cat('base')?.ground, cat('subject')?.ground];
      // A sibling that also holds on the urgent side does no harm: the evaluation shows what is chosen.
      const urgentSide = grant(ctx, urgent, cat(urgent), skip, grounds, { holds: false, exclusive: false });
      // First: everything else the same on both sides; then: the other side merely grants nothing.
      const others = [grant(ctx, other(urgent), cat(other(urgent)), skip, grounds, { holds: false, exclusive: true }), grantsNothing(ctx, other(urgent), grounds)];
      for (const rest of others) {
        const found = await firstDiffering(ctx, [...focusing, ...urgentSide, ...rest], [cat(urgent)!], leaves);
        if (found) return found;
      }
      continue;
    }
    for (const via of sharedCategories(ctx, focus)) {
      const skip = skipping(focus, [via]);
      const goals = [...focusing, ...SIDES.flatMap((s) => grant(ctx, s, same(ctx, s, via), skip, [via.ground], { holds: true, exclusive: true }))];
      const found = await firstDiffering(ctx, goals, [via], leaves);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * A case urgent under both, for changes to what urgency gives or which category is chosen: through one
 * shared category (validity; with `facts`, e.g. a number of children, the search profile), or through two
 * at once (ranking). Tried for each shared category in turn.
 */
export async function findUrgentWitness(ctx: WitnessContext, { pair, facts = [] }: { pair?: [string, string]; facts?: Leaf[] } = {}): Promise<Witness | undefined> {
  const shared = sharedCategories(ctx);
  const routes = pair ? [pair.map((id) => shared.find((c) => c.id === id)).filter((c): c is Category => !!c)] : shared.map((c) => [c]);
  for (const via of routes.filter((r) => r.length === (pair ? 2 : 1))) {
    const skip = skipping(undefined, via);
    const grounds = via.map((c) => c.ground);
    const goals = [
      ...SIDES.flatMap((s) => via.flatMap((c) => grant(ctx, s, same(ctx, s, c), skip, grounds, { holds: true, exclusive: !pair }))),
      ...facts.map((leaf): Goal => ({ node: leaf, want: true, regulation: ctx.subject.regulation })),
    ];
    const found = await firstDiffering(ctx, goals, via, facts.map((leaf) => ({ leaf, side: 'subject' as const })));
    if (found) return found;
  }
  return undefined;
}

/**
 * The side on which the focused test holds. Strenger: a category or requirement holds only under the
 * baseline, a refusal ground only under the subject; ruimer the reverse; gewijzigd: either.
 */
function passing(f: Focus): SideName[] {
  if (f.direction === 'changed') return SIDES;
  const favourable = f.testKind !== 'refusalGround';
  return [(f.direction === 'stricter') === favourable ? 'base' : 'subject'];
}

function focusGoals(ctx: WitnessContext, f: Focus, pass: SideName): Goal[] {
  const fail = other(pass);
  const tree = (s: SideName): Node => f[s]?.conditions ?? { const: absentHolds[f.testKind] };
  const node = (s: SideName) => (s === 'base' ? f.baseNode : f.subjectNode);
  const goal = (n: Node, want: boolean, s: SideName): Goal => ({ node: n, want, regulation: ctx[s].regulation });
  const goals = [goal(tree(pass), true, pass), goal(tree(fail), false, fail)];
  const passNode = node(pass), failNode = node(fail), failTree = f[fail]?.conditions;
  if (passNode) goals.push(goal(passNode, true, pass));
  // The failing side fails on the changed node: with that node true its test would hold.
  if (failNode && failTree) goals.push(goal(failNode, false, fail), goal(substitute(failTree, failNode, true), true, fail));
  return goals;
}

type Skip = Record<TestKind, Set<string>>;

/** Tests the focus goals already decide, left out of the goals around them. */
function skipping(f: Focus | undefined, categories: (Category | undefined)[]): Skip {
  const focused = (kind: TestKind) => new Set(f?.testKind === kind ? [f.base?.id, f.subject?.id].filter((x): x is string => !!x) : []);
  return { category: new Set(categories.flatMap((c) => (c ? [c.id] : []))), requirement: focused('requirement'), refusalGround: focused('refusalGround') };
}

/** The same category in the regulation of side s. */
const same = (ctx: WitnessContext, s: SideName, c: Category) => ctx[s].regulation.categories.find((x) => x.id === c.id);

/** The general requirements that apply to a category: not those the law forbids for it. */
function applicable(r: RegulationInForce, c: Category | undefined) {
  const facts = c && r.categoryFacts.get(c.id);
  return r.regulation.requirements.filter((_, i) => !facts || facts.requirements.includes(i));
}

/** Categories claimed along with the given grounds: those with one of them, and those without a ground. */
const claimed = (r: RegulationInForce, grounds: (string | undefined)[]) =>
  r.regulation.categories.filter((c) => c.ground === undefined || grounds.includes(c.ground));

/**
 * Side s grants urgency through `via`: via holds (`holds`; else the focus goals decide it), the requirements
 * that apply to it are met and no refusal ground applies; `exclusive`: no other claimed category holds.
 */
function grant(ctx: WitnessContext, s: SideName, via: Category | undefined, skip: Skip, grounds: (string | undefined)[], { holds, exclusive }: { holds: boolean; exclusive: boolean }): Goal[] {
  const r = ctx[s];
  const goal = (node: Node, want: boolean): Goal => ({ node, want, regulation: r.regulation });
  return [
    ...(via && holds ? [goal(via.conditions, true)] : []),
    ...applicable(r, via).filter((q) => !skip.requirement.has(q.id)).map((q) => goal(q.conditions, true)),
    ...r.regulation.refusalGrounds.filter((g) => !skip.refusalGround.has(g.id)).map((g) => goal(g.conditions, false)),
    ...(exclusive ? claimed(r, grounds).filter((c) => !skip.category.has(c.id)).map((c) => goal(c.conditions, false)) : []),
  ];
}

/** Side s grants nothing: no refusal ground applies, and every claimed category fails on itself or on a requirement. */
function grantsNothing(ctx: WitnessContext, s: SideName, grounds: (string | undefined)[]): Goal[] {
  const r = ctx[s];
  return [
    ...r.regulation.refusalGrounds.map((g): Goal => ({ node: g.conditions, want: false, regulation: r.regulation })),
    ...claimed(r, grounds).map((c): Goal => ({
      node: { any: [{ not: c.conditions }, ...applicable(r, c).map((q) => ({ not: q.conditions }))] }, want: true, regulation: r.regulation,
    })),
  ];
}

/** Categories with the same id in both regulations, in the compared regulation's ranking. */
function sharedCategories(ctx: WitnessContext, focus?: Focus): Category[] {
  const r = ctx.subject.regulation;
  // A requirement the law exempts a category from cannot make a witness there (category-facts.ts).
  const focused = focus?.testKind === 'requirement' ? [focus.base?.id, focus.subject?.id] : [];

  return r.ranking.order
    .map((id) => r.categories.find((c) => c.id === id)!)
    .filter((c) => ctx.base.regulation.categories.some((x) => x.id === c.id))
    .filter((c) => !ctx.subject.categoryFacts.get(c.id)?.exempt.some((e) => focused.includes(e.requirement)))
    .slice(0, CATEGORIES);
}

async function firstDiffering(ctx: WitnessContext, goals: Goal[], categories: Category[], leaves: { leaf: Leaf; side: SideName }[]): Promise<Witness | undefined> {
  const grounds = categories.flatMap((c) => (c.ground ? [c.ground] : []));
  let tried = 0;
  for (const store of solve(goals, ctx.date)) {
    if (tried++ >= CANDIDATES) break;
    const c = toCase(store, ctx.date, grounds);
    const options = { date: ctx.date, lang: ctx.lang };
    const [base, subject] = await Promise.all([ctx.evaluator.evaluateUnder(ctx.base, c, options), ctx.evaluator.evaluateUnder(ctx.subject, c, options)]);
    // A witness is decided both ways: an undetermined outcome only shows a missing fact.
    if (!differ(base, subject) || base.outcome === 'undetermined' || subject.outcome === 'undetermined') continue;
    return { keyFacts: keyFacts(ctx, c, leaves, categories), case: c, base: summarize(base), subject: summarize(subject) };
  }
  return undefined;
}

/** Decided differently: another outcome, category, validity or search profile. */
export const differ = (a: Decision, b: Decision): boolean =>
  a.outcome !== b.outcome || a.category?.id !== b.category?.id || a.priority?.validityMonths !== b.priority?.validityMonths
  || a.priority?.searchProfile.maxRooms !== b.priority?.searchProfile.maxRooms;

const summarize = (d: Decision): DecisionSummary => ({
  outcome: d.outcome,
  summary: d.summary,
  ...(d.category && { category: { id: d.category.id, label: d.category.label } }),
  ...(d.priority && { validityMonths: d.priority.validityMonths, searchProfile: d.priority.searchProfile.label }),
});

/** The leaves a witness turns on: the changed nodes, or the whole test when it was added or removed. */
function keyLeaves(f: Focus): { leaf: Leaf; side: SideName }[] {
  const of = (n: Condition | undefined, side: SideName) => (n ? leavesOf(n) : []).map((leaf) => ({ leaf, side }));
  if (f.baseNode || f.subjectNode) return [...of(f.subjectNode, 'subject'), ...of(f.baseNode, 'base')];
  return [...of(f.subject?.conditions, 'subject'), ...of(f.base?.conditions, 'base')];
}

function keyFacts(ctx: WitnessContext, c: object, leaves: { leaf: Leaf; side: SideName }[], categories: Category[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { leaf, side } of leaves) {
    const value = leaf.fact.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], c);
    if (value === undefined || seen.has(leaf.fact)) continue;
    seen.add(leaf.fact);
    out.push(`${leafLabel(leaf, ctx.lang)}: ${withUnit(value, ctx.lang, leafValue(ctx[side].regulation, leaf, ctx.date).unit)}`);
  }
  return out.length ? out : categories.map((x) => x.label[ctx.lang]);
}
