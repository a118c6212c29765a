// evaluate(case, municipality, date): the regulation in force, its compiled rules run by
// json-rules-engine (or direct.ts, on the same conditions), read three-valued, decided by kernel.ts,
// and written out as a decision with reasoning and a receipt.
// Everything is compiled at construction; an evaluation does no I/O and is safe to run concurrently.
import type { Case } from '../case/schema.ts';
import type { RegulationInForce, RuleBase } from '../rulebase/rulebase.ts';
import type { z } from 'zod';
import type { Basis, Category, Condition, StatutoryCategory } from '../rulebase/schema.ts';
import { addMonths, today } from '../rulebase/dates.ts';
import { citeArticle, citeBasis } from '../rulebase/cite.ts';
import { compile, EnginePool, ruleName, type CompiledRegulation, type ParameterValues, type TestResults, type TestRunner } from './compile.ts';
import { DirectRunner } from './direct.ts';
import type { ConditionTrace, Decision, Lang, TestTrace, TruthValue } from './decision.ts';
import { gapSentence, lowerFirst, phrases } from './explain.ts';
import { decisiveUnknowns, notEvaluated, trace } from './trace.ts';
import { applies, kernelOf, verdict, type Kernel, type OpenTest } from './kernel.ts';
import { missingFacts as missingFactsOf, missingKey, splitMissing } from './missing.ts';
import { T, triOf, truthValue } from './truth.ts';
import { applicationDateOf, deriveFacts } from './derive.ts';

export interface EvaluateOptions {
  /** Date whose regulation applies; default the case's applicationDate, else today. */
  date?: string;
  lang?: Lang;
  /** Simulate the municipality's concept on the date where there is one (rulebase.ts regulationOn). */
  concept?: boolean;
}

interface Prepared {
  compiled: CompiledRegulation;
  kernel: Kernel;
  runner: TestRunner;
}

/**
 * Which runs the compiled tests: json-rules-engine itself (the default), or direct.ts, which evaluates
 * the same conditions with json-rules-engine's operators but without its promise scheduler.
 */
export type EngineKind = 'json-rules-engine' | 'direct';
export const ENGINE_KINDS: readonly EngineKind[] = ['json-rules-engine', 'direct'];
export const DEFAULT_ENGINE: EngineKind = 'json-rules-engine';

export class Evaluator {
  private readonly prepared = new WeakMap<RegulationInForce, Prepared>();

  constructor(readonly ruleBase: RuleBase, readonly engine: EngineKind = DEFAULT_ENGINE) {
    for (const periods of ruleBase.periods.values()) for (const p of periods) this.prepare(p);
  }

  private prepare(regulation: RegulationInForce): Prepared {
    let prepared = this.prepared.get(regulation);
    if (!prepared) {
      const compiled = compile(regulation);
      const runner = this.engine === 'direct' ? new DirectRunner(compiled) : new EnginePool(compiled);
      this.prepared.set(regulation, (prepared = { compiled, kernel: kernelOf(regulation), runner }));
    }
    return prepared;
  }

  /** Throws UnknownMunicipalityError or NotInForceError (rulebase.ts) when there is nothing to apply. */
  async evaluate(c: Case, municipality: string, options: EvaluateOptions = {}): Promise<Decision> {
    const date = options.date ?? c.applicationDate ?? today();
    return this.evaluateUnder(this.ruleBase.regulationOn(municipality, date, { concept: options.concept }), c, { ...options, date });
  }

  /** Evaluates under a given regulation, e.g. a variant (rulebase/variant.ts); compiled on first use. */
  async evaluateUnder(regulation: RegulationInForce, given: Case, options: EvaluateOptions = {}): Promise<Decision> {
    const date = options.date ?? given.applicationDate ?? today();
    const applicationDate = applicationDateOf(given, date);
    const { compiled, kernel, runner } = this.prepare(regulation);
    const parameters = compiled.parametersOn(applicationDate);
    const c = deriveFacts(given, (name) => parameters[name], applicationDate);
    const results = await runner.run(c, parameters);
    return decide({ c, date, applicationDate, regulation, kernel, parameters, results, lang: options.lang ?? 'nl' });
  }
}

interface DecideInput {
  c: Case;
  date: string;
  applicationDate: string;
  regulation: RegulationInForce;
  kernel: Kernel;
  parameters: ParameterValues;
  results: TestResults;
  lang: Lang;
}

/** Pure: from the engine's results, through the kernel's verdict, to the decision. */
function decide({ c, date, applicationDate, regulation, kernel, parameters, results, lang }: DecideInput): Decision {
  const r = regulation.regulation;
  const say = phrases[lang];
  const ctx = { lang, unitOf: (p: string) => r.parameters[p]?.unit };
  const testTrace = (t: { id: string; label: { nl: string; en: string }; basis: Category['basis']; conditions: Condition }): TestTrace => {
    const conditions = trace(t.conditions, results, ctx, t.basis);
    return { id: t.id, label: t.label[lang], result: conditions.result, citation: citeArticle(t.basis, lang), basis: t.basis, conditions };
  };

  const requirements = r.requirements.map((t) => ({ test: t, trace: testTrace(t) }));
  const refusals = r.refusalGrounds.map((t) => testTrace(t));
  const ownTraces = r.categories.map((cat): TestTrace => (!cat.ground || results.ran(ruleName('category', cat.id))) ? testTrace(cat)
    : { id: cat.id, label: cat.label[lang], result: 'not-evaluated', citation: citeArticle(cat.basis, lang), basis: cat.basis, conditions: notEvaluated(cat.conditions, lang, cat.basis, say.notClaimed) });
  const v = verdict(kernel, {
    requirements: requirements.map((q) => () => triOf(q.trace.result)),
    refusalGrounds: refusals.map((t) => () => triOf(t.result)),
    categories: ownTraces.map((t) => () => triOf(t.result)),
    grounds: ownTraces.map((t) => (t.result === 'not-evaluated' ? () => undefined : undefined)),
  }, undefined, undefined);

  // Per category, in ranking order: the requirements that apply to it, and why it fails or is exempt.
  const categories = v.categories.map((x) => {
    const cat = x.facts.category;
    const mine = ownTraces[x.facts.index]!;
    const applicable = requirements.filter((_, i) => applies(i, x.facts));
    const result: TruthValue = x.result === undefined ? 'not-evaluated' : truthValue(x.result);
    const unmet = applicable.filter((q) => q.trace.result === 'false').map((q) => q.trace.label);
    const notes = [
      ...(x.claimed && mine.result === 'true' && unmet.length ? [say.unmetRequirements(unmet.join(', '))] : []),
      ...(x.claimed ? x.facts.exempt.map((e) => say.exempt(labelOf(r, e.requirement, lang), citeBasis(e.basis, lang))) : []),
    ];
    return { cat, facts: x.facts, own: mine, claimed: x.claimed, result, rank: x.facts.rank, unmet, notes };
  });
  const byId = new Map(categories.map((x) => [x.cat.id, x]));
  const outcome = v.outcome;
  const refused = v.refusal === T;
  const matched = v.matched.map((x) => byId.get(x.facts.category.id)!);
  const chosen = v.chosen && byId.get(v.chosen.facts.category.id);

  // Missing facts that could change the outcome, or the category chosen: the applicant's, and apart from
  // them the parameters the regulation has no value for on the date (said once each).
  const traceOf = (t: OpenTest): ConditionTrace =>
    t.kind === 'category' ? ownTraces[t.index]!.conditions : t.kind === 'requirement' ? requirements[t.index]!.trace.conditions : refusals[t.index]!.conditions;
  const missing = splitMissing(missingFactsOf(v.open, (t) => decisiveUnknowns(traceOf(t)).map((leaf) => ({ leaf, key: missingKey(leaf.fact!, leaf.parameter, leaf.value === undefined) }))));
  const missingFacts = missing.facts.map(({ fact, leaf, neededFor }) => ({
    fact,
    label: leaf.label ?? fact,
    neededFor,
    sentence: say.missing(leaf.label ?? fact, neededFor.map((id) => labelOf(r, id, lang)).join(', ')),
  }));
  const regulationGaps = missing.gaps.map(({ parameter }) => {
    const p = r.parameters[parameter];
    const gapLabel = p?.label[lang] ?? parameter;
    return { parameter, label: gapLabel, sentence: gapSentence(parameter, gapLabel, p, applicationDate, lang) };
  });

  const label = (x: { cat: Category }) => x.cat.label[lang];
  const applying = refusals.filter((t) => t.result === 'true');
  const own = regulation.chain.at(-1)!;
  const simulation = regulation.status === 'concept';
  const outcomeSentence = outcome === 'urgent' ? say.urgent(label(chosen!))
    : outcome === 'undetermined' ? undeterminedSentence(say, distinct(missingFacts.map((m) => m.label)), distinct(regulationGaps.map((g) => g.label)), applicationDate)
      : refused ? say.refused(applying.map((t) => lowerFirst(t.label)).join(', '))
        : categories.some((x) => x.claimed && x.own.result === 'true' && x.unmet.length)
          ? say.requirementsUnmet(categories.find((x) => x.own.result === 'true' && x.unmet.length)!.unmet.map(lowerFirst).join(', '))
          : categories.some((x) => x.claimed) ? say.noCategory : say.noGround;
  const summary = simulation ? `${say.simulation(own.title)} ${outcomeSentence}` : outcomeSentence;

  // Claimed categories that implement a statutory one, while the ministeriële regeling that sets their
  // conditions and refusal grounds is not there (Hvw art. 12 lid 3, art. 13 lid 4): provisional.
  const provisionalBasis = regulation.statute.provisional?.basis;
  const statutoryClaimed = distinct(categories.filter((x) => x.claimed && x.facts.statutory).map((x) => x.facts.statutory!));
  const provisional = provisionalBasis && statutoryClaimed.length
    ? { text: say.provisional(statutoryClaimed.map((s) => statutoryName(s, lang)).join(', ')), citation: citeLaw(regulation, provisionalBasis, lang) }
    : undefined;
  const shield = chosen?.facts.bindingShield;

  const validityMonths = Number(parameters[r.validity.param]);
  const children = c.household?.minorChildren;
  const row = children === undefined ? undefined : [...r.searchProfile.rows].reverse().find((x) => x.minorChildren <= children);

  return {
    outcome,
    summary,
    simulation,
    language: lang,
    applicationDate,
    ...(chosen && { category: { id: chosen.cat.id, label: label(chosen), ...(chosen.cat.statutory && { statutory: chosen.cat.statutory }), citation: citeArticle(chosen.cat.basis, lang) } }),
    matchedCategories: matched.map((x) => ({ id: x.cat.id, label: label(x), rank: x.rank })),
    ...(chosen && matched.length > 1 && { tieBreak: say.tieBreak(label(chosen), matched.slice(1).map(label).join(', ')) }),
    refusalGrounds: applying.map((t) => ({ id: t.id, label: t.label, citation: t.citation })),
    ...(chosen && {
      priority: {
        rank: chosen.rank,
        aboveRegularDaeb: true as const,
        validFrom: applicationDate,
        validUntil: addMonths(applicationDate, validityMonths),
        validityMonths,
        searchProfile: row ? { ...(row.maxRooms !== undefined && { maxRooms: row.maxRooms }), label: row.label[lang] } : { label: say.profileUnknown },
        ...(shield && { bindingShield: { text: say.bindingShield, citation: citeLaw(regulation, shield, lang) } }),
        allocationNote: say.allocationNote,
      },
    }),
    ...(provisional && { provisional }),
    missingFacts,
    regulationGaps,
    reasoning: {
      requirements: requirements.map((q) => q.trace),
      categories: categories.map((x) => x.claimed
        ? { ...x.own, result: x.result, ownResult: x.own.result, ...(x.notes.length && { note: x.notes.join(' ') }) }
        : x.own),
      refusalGrounds: refusals,
    },
    regulation: {
      ...(regulation.municipality && { municipality: regulation.municipality }),
      set: regulation.set,
      status: regulation.status,
      from: regulation.from,
      ...(regulation.until && { until: regulation.until }),
      selection: say.selection(own.title, own.validFrom, date, regulation.from, regulation.until),
      chain: regulation.chain,
      digest: regulation.digest,
    },
  };
}

const distinct = <T>(xs: readonly T[]): T[] => [...new Set(xs)];

/** Undetermined: the applicant's missing facts, the regulation's gaps on the date, or both, each said once. */
function undeterminedSentence(say: (typeof phrases)[Lang], facts: string[], gaps: string[], date: string): string {
  if (!gaps.length) return say.undetermined(facts.join(', '));
  if (!facts.length) return say.undeterminedGaps(date, gaps.join(', '));
  return say.undeterminedBoth(facts.join(', '), date, gaps.join(', '));
}

/** A basis of the statute; one that names no regulation cites the law file's title. */
const citeLaw = (regulation: RegulationInForce, b: z.infer<typeof Basis>, lang: Lang): string =>
  citeBasis(b.regulation ? b : { ...b, regulation: regulation.chain[0]!.title }, lang);

/** "Mantelzorg verlenen of ontvangen (art. 12 lid 3 onder a)". */
const statutoryName = (s: StatutoryCategory, lang: Lang): string => `${s.label[lang]} (${citeArticle(s.basis, lang)})`;

function labelOf(r: RegulationInForce['regulation'], id: string, lang: Lang): string {
  const t = [...r.categories, ...r.requirements, ...r.refusalGrounds].find((x) => x.id === id);
  return t ? t.label[lang] : id;
}
