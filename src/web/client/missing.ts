// Which missing fact to ask for first, from the decision alone. A fact that is the only unknown of a
// test settles that test whichever way it is answered, so it comes first; a fact that must be known
// together with others settles nothing by itself. Ties: the fact that decides more tests, then the one
// that decides the higher-ranked category (the decision lists categories in ranking order), then the
// engine's order.
import type { ConditionTrace, Decision } from '../../engine/decision.ts';

type MissingFact = Decision['missingFacts'][number];

/** The facts that keep a trace unknown (a known leaf or a settled group needs nothing). */
function unknownFacts(t: ConditionTrace, into = new Set<string>()): Set<string> {
  if (t.result !== 'unknown') return into;
  if (t.kind === 'leaf') into.add(t.parameter && t.value === undefined ? `parameter:${t.parameter}` : t.fact!);
  for (const c of t.children ?? []) unknownFacts(c, into);
  return into;
}

export interface RankedFact extends MissingFact {
  /** How many facts of its least-open test are still missing, itself included (1: it alone decides). */
  openInTest: number;
}

export function rankMissingFacts(d: Decision): RankedFact[] {
  const tests = [...d.reasoning.requirements, ...d.reasoning.categories, ...d.reasoning.refusalGrounds];
  const open = new Map(tests.map((t) => [t.id, unknownFacts(t.conditions).size]));
  const categoryRank = new Map(d.reasoning.categories.map((c, i) => [c.id, i]));
  const best = (m: MissingFact) => Math.min(...m.neededFor.map((id) => categoryRank.get(id) ?? Infinity));
  return d.missingFacts
    .map((m, index) => ({ ...m, openInTest: Math.min(...m.neededFor.map((id) => open.get(id) || Infinity)), index }))
    .sort((a, b) => a.openInTest - b.openInTest || b.neededFor.length - a.neededFor.length || best(a) - best(b) || a.index - b.index)
    .map(({ index: _, ...m }) => m);
}
