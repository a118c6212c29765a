// diffRegulations(base, subject): the semantic diff of two resolved regulations, in regulation terms,
// with a checked witness for every change of a condition. No I/O; asynchronous only because witnesses are
// evaluated by the engine. `base` is the baseline (the model, a neighbour, the past); `subject` the
// regulation compared to it: "strenger" means the subject lets fewer applicants in, or gives them less.
import { Evaluator } from '../engine/evaluator.ts';
import { today, within } from '../rulebase/dates.ts';
import { RuleBase, type RegulationInForce } from '../rulebase/rulebase.ts';
import type { Leaf } from '../rulebase/schema.ts';
import { diffArticles } from './compare/articles.ts';
import { diffBinding, diffLaw } from './compare/binding.ts';
import { diffTests, type RawTestChange } from './compare/compare-tests.ts';
import { conformanceFindings } from './compare/conformance-findings.ts';
import { diffParameters } from './compare/parameter-changes.ts';
import type { ConditionChange, DiffReport, TestChange, ValueChange } from './model/report.ts';
import { diffRanking, diffSearchProfile, diffValidity } from './compare/settings.ts';
import { side, sideName } from './sides.ts';
import { findUrgentWitness, findWitness, type EvaluatesUnder, type WitnessContext } from './witness/witnesses.ts';
import { phrases, type Lang } from './render/words.ts';

export interface DiffOptions {
  lang?: Lang;
  /** Application date of the witnesses, and the date parameter values are read on; default today (within the subject's period). */
  date?: string;
  /** The date the baseline was taken on, for the report (default: date). */
  baseDate?: string;
  /** Shares compiled engines with the caller (the API's evaluator); default a fresh one. */
  evaluator?: EvaluatesUnder;
}

/** An evaluator that compiles a regulation on its first use only (an empty rule base: nothing up front). */
export const lazyEvaluator = (): EvaluatesUnder => new Evaluator(new RuleBase([], [], new Map(), new Map(), new Map()));

export async function diffRegulations(base: RegulationInForce, subject: RegulationInForce, options: DiffOptions = {}): Promise<DiffReport> {
  const lang = options.lang ?? 'nl';
  const now = today();
  const date = options.date ?? (within(now, subject.from, subject.until) ? now : subject.from);
  const say = phrases[lang];
  const ctx = { base: base.regulation, subject: subject.regulation, date, lang };
  const baseName = sideName(base, subject, lang), subjectName = sideName(subject, base, lang);

  const tests = {
    categories: diffTests('category', base.regulation.categories, subject.regulation.categories, ctx),
    requirements: diffTests('requirement', base.regulation.requirements, subject.regulation.requirements, ctx),
    refusalGrounds: diffTests('refusalGround', base.regulation.refusalGrounds, subject.regulation.refusalGrounds, ctx),
  };
  const all = [...tests.categories, ...tests.requirements, ...tests.refusalGrounds];
  const validity = diffValidity(base.regulation, subject.regulation, date, lang);
  const parameters = diffParameters(base.regulation, subject.regulation,
    all.flatMap((t) => t.conditions.map((change) => ({ test: t.label, change }))), validity, date, lang);

  const w: WitnessContext = { base, subject, date, lang, evaluator: options.evaluator ?? lazyEvaluator() };
  const witnessed = async <T extends object>(item: T, find: () => Promise<ConditionChange['witness']>): Promise<T & Pick<ValueChange, 'witness' | 'noWitness'>> => {
    const witness = await find();
    return { ...item, ...(witness ? { witness } : { noWitness: say.noWitness }) };
  };
  const project = (t: RawTestChange): Promise<TestChange> => (async () => {
    const conditions = await Promise.all(t.conditions.map(({ base: baseNode, subject: subjectNode, ...c }) =>
      witnessed(c, () => findWitness(w, { testKind: t.testKind, base: t.base, subject: t.subject, baseNode, subjectNode, direction: c.direction }))));
    const { testKind: _k, base: _b, subject: _s, conditions: _c, ...rest } = t;
    const report: TestChange = { ...rest, conditions };
    return t.kind === 'changed' ? report : witnessed(report, () => findWitness(w, { testKind: t.testKind, base: t.base, subject: t.subject, direction: t.direction }));
  })();

  const rankingDiff = diffRanking(base.regulation, subject.regulation, lang);
  const children = (n: number): Leaf => ({ fact: 'household.minorChildren', operator: 'equal', value: n, label: { nl: 'Aantal minderjarige kinderen', en: 'Number of minor children' } });
  const [categories, requirements, refusalGrounds, validityChange, ranking, searchProfile] = await Promise.all([
    Promise.all(tests.categories.map(project)),
    Promise.all(tests.requirements.map(project)),
    Promise.all(tests.refusalGrounds.map(project)),
    validity ? witnessed(validity, () => findUrgentWitness(w)) : undefined,
    rankingDiff ? witnessed(rankingDiff.change, () => findUrgentWitness(w, { pair: rankingDiff.swapped })) : undefined,
    Promise.all(diffSearchProfile(base.regulation, subject.regulation, lang).map(({ minorChildren, ...row }) =>
      witnessed(row, () => findUrgentWitness(w, { facts: [children(minorChildren)] })))),
  ]);
  const binding = diffBinding(base, subject, lang);
  const law = diffLaw(base, subject, lang);
  const articles = diffArticles(base.regulation.articles, subject.regulation.articles, lang);
  const findings = conformanceFindings(subject, subjectName, baseName, all, lang);

  // Counted once each: a condition change, a test added or removed, validity, ranking, a search-profile row, a binding change.
  const directions = [
    ...[...categories, ...requirements, ...refusalGrounds].flatMap((t) => (t.kind === 'changed' ? t.conditions.map((c) => c.direction) : [t.direction])),
    ...(validityChange ? [validityChange.direction] : []),
    ...(ranking ? ['changed' as const] : []),
    ...searchProfile.map((s) => s.direction),
    ...binding.map((b) => b.direction),
  ];
  const witnessable: { witness?: unknown }[] = [
    ...[...categories, ...requirements, ...refusalGrounds].flatMap((t): { witness?: unknown }[] => (t.kind === 'changed' ? t.conditions : [t])),
    ...(validityChange ? [validityChange] : []), ...(ranking ? [ranking] : []), ...searchProfile,
  ];
  const count = (d: string) => directions.filter((x) => x === d).length;
  const errors = findings.filter((f) => f.level === 'error').length;
  const attention = findings.length - errors;
  const summary = {
    stricter: count('stricter'), looser: count('looser'), changed: count('changed'), errors, attention,
    witnesses: witnessable.filter((x) => x.witness).length, withoutWitness: witnessable.filter((x) => !x.witness).length,
    sentence: say.summary(count('stricter'), count('looser'), count('changed'), errors, attention),
  };
  return {
    language: lang,
    date,
    base: side(base, options.baseDate ?? date, baseName),
    subject: side(subject, date, subjectName),
    identical: directions.length === 0 && parameters.length === 0 && articles.length === 0 && !law,
    summary,
    ...(law && { law }),
    findings,
    categories,
    requirements,
    refusalGrounds,
    parameters,
    ...(validityChange && { validity: validityChange }),
    ...(ranking && { ranking }),
    searchProfile,
    binding,
    articles,
  };
}
