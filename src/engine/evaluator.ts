// evaluate(case, municipality, date): the regulation in force, its compiled rules run by
// json-rules-engine (or direct.ts, on the same conditions), read three-valued, and turned into a
// decision with reasoning and a receipt.
// Everything is compiled at construction; an evaluation does no I/O and is safe to run concurrently.
import type { Case } from '../case/schema.ts';
import type { RegulationInForce, RuleBase } from '../rulebase/rulebase.ts';
import type { Category, Condition } from '../rulebase/schema.ts';
import { addMonths, today } from '../rulebase/dates.ts';
import { citeArticle } from '../rulebase/cite.ts';
import { compile, EnginePool, ruleName, type CompiledRegulation, type ParameterValues, type TestResults, type TestRunner } from './compile.ts';
import { DirectRunner } from './direct.ts';
import type { ConditionTrace, Decision, Lang, TestTrace, TruthValue } from './decision.ts';
import { lowerFirst, phrases } from './explain.ts';
import { and, decisiveUnknowns, notEvaluated, or, trace } from './trace.ts';

export interface EvaluateOptions {
  /** Date whose regulation applies; default the case's applicationDate, else today. */
  date?: string;
  lang?: Lang;
}

interface Prepared {
  compiled: CompiledRegulation;
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
      this.prepared.set(regulation, (prepared = { compiled, runner }));
    }
    return prepared;
  }

  /** Throws UnknownMunicipalityError or NotInForceError (rulebase.ts) when there is nothing to apply. */
  async evaluate(c: Case, municipality: string, options: EvaluateOptions = {}): Promise<Decision> {
    const date = options.date ?? c.applicationDate ?? today();
    return this.evaluateUnder(this.ruleBase.regulationOn(municipality, date), c, { ...options, date });
  }

  /** Evaluates under a given regulation, e.g. a variant (rulebase/variant.ts); compiled on first use. */
  async evaluateUnder(regulation: RegulationInForce, c: Case, options: EvaluateOptions = {}): Promise<Decision> {
    const date = options.date ?? c.applicationDate ?? today();
    const applicationDate = c.applicationDate ?? date;
    const { compiled, runner } = this.prepare(regulation);
    const parameters = compiled.parametersOn(applicationDate);
    const results = await runner.run(c, parameters);
    return decide({ c, date, applicationDate, regulation, parameters, results, lang: options.lang ?? 'nl' });
  }
}

interface DecideInput {
  c: Case;
  date: string;
  applicationDate: string;
  regulation: RegulationInForce;
  parameters: ParameterValues;
  results: TestResults;
  lang: Lang;
}

/** Pure: from the engine's results to the decision. */
function decide({ c, date, applicationDate, regulation, parameters, results, lang }: DecideInput): Decision {
  const r = regulation.regulation;
  const say = phrases[lang];
  const ctx = { lang, unitOf: (p: string) => r.parameters[p]?.unit };
  const testTrace = (t: { id: string; label: { nl: string; en: string }; basis: Category['basis']; conditions: Condition }): TestTrace => {
    const conditions = trace(t.conditions, results, ctx, t.basis);
    return { id: t.id, label: t.label[lang], result: conditions.result, citation: citeArticle(t.basis, lang), basis: t.basis, conditions };
  };

  const requirements = r.requirements.map((t) => ({ test: t, trace: testTrace(t) }));
  const refusals = r.refusalGrounds.map((t) => testTrace(t));
  const exempt = new Set(regulation.statute.bindingExempt.map((e) => e.category));

  // Per category: claimed?, own conditions, and the requirements that apply to it.
  const categories = r.categories.map((cat) => {
    const claimed = !cat.ground || results.ran(ruleName('category', cat.id));
    const own: TestTrace = claimed ? testTrace(cat)
      : { id: cat.id, label: cat.label[lang], result: 'not-evaluated', citation: citeArticle(cat.basis, lang), basis: cat.basis, conditions: notEvaluated(cat.conditions, lang, cat.basis, say.notClaimed) };
    const bindingExempt = !!cat.statutory && exempt.has(cat.statutory);
    const applicable = requirements.filter((q) => !(q.test.binding && bindingExempt));
    const result: TruthValue = claimed ? and([...applicable.map((q) => q.trace.result), own.result]) : 'not-evaluated';
    const rank = r.ranking.order.indexOf(cat.id) + 1;
    const unmet = applicable.filter((q) => q.trace.result === 'false').map((q) => q.trace.label);
    // Say why a category whose own conditions hold still fails, and where the binding requirement is lifted.
    const notes = [
      ...(claimed && own.result === 'true' && unmet.length ? [say.unmetRequirements(unmet.join(', '))] : []),
      ...(claimed && bindingExempt && requirements.some((q) => q.test.binding) ? [say.bindingExempt] : []),
    ];
    return { cat, own, claimed, applicable, result, rank, unmet, notes };
  }).sort((a, b) => a.rank - b.rank);

  const refusal = or(refusals.map((t) => t.result));
  const matched = categories.filter((x) => x.result === 'true');
  const open = categories.filter((x) => x.result === 'unknown');
  const outcome: Decision['outcome'] = refusal === 'true' ? 'not-urgent'
    : matched.length > 0 ? (refusal === 'false' ? 'urgent' : 'undetermined')
      : open.length > 0 ? 'undetermined' : 'not-urgent';
  const chosen = outcome === 'urgent' ? matched[0] : undefined;

  // Missing facts that could change the outcome, or the category chosen.
  const missing = new Map<string, { leaf: ConditionTrace; neededFor: Set<string> }>();
  const need = (t: ConditionTrace, id: string) => {
    for (const leaf of decisiveUnknowns(t)) {
      const key = leaf.parameter && leaf.value === undefined ? `parameter:${leaf.parameter}` : leaf.fact!;
      const entry = missing.get(key) ?? { leaf, neededFor: new Set<string>() };
      entry.neededFor.add(id);
      missing.set(key, entry);
    }
  };
  if (refusal !== 'true') {
    const better = chosen ? open.filter((x) => x.rank < chosen.rank) : outcome === 'undetermined' ? open : [];
    for (const x of better) {
      if (x.own.result === 'false') continue;
      need(x.own.conditions, x.cat.id);
      for (const q of x.applicable) need(q.trace.conditions, q.test.id);
    }
    if (refusal === 'unknown' && (matched.length > 0 || open.length > 0)) for (const t of refusals) need(t.conditions, t.id);
  }
  const missingFacts = [...missing].map(([fact, { leaf, neededFor }]) => ({
    fact,
    label: leaf.label ?? fact,
    neededFor: [...neededFor],
    sentence: say.missing(leaf.label ?? fact, [...neededFor].map((id) => labelOf(r, id, lang)).join(', ')),
  }));

  const label = (x: { cat: Category }) => x.cat.label[lang];
  const applying = refusals.filter((t) => t.result === 'true');
  const summary = outcome === 'urgent' ? say.urgent(label(chosen!))
    : outcome === 'undetermined' ? say.undetermined(missingFacts.map((m) => m.label).join(', '))
      : refusal === 'true' ? say.refused(applying.map((t) => lowerFirst(t.label)).join(', '))
        : categories.some((x) => x.claimed && x.own.result === 'true' && x.unmet.length)
          ? say.requirementsUnmet(categories.find((x) => x.own.result === 'true' && x.unmet.length)!.unmet.map(lowerFirst).join(', '))
          : categories.some((x) => x.claimed) ? say.noCategory : say.noGround;

  const validityMonths = Number(parameters[r.validity.param]);
  const children = c.household?.minorChildren;
  const row = children === undefined ? undefined : [...r.searchProfile.rows].reverse().find((x) => x.minorChildren <= children);
  const own = regulation.chain.at(-1)!;

  return {
    outcome,
    summary,
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
      },
    }),
    missingFacts,
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

function labelOf(r: RegulationInForce['regulation'], id: string, lang: Lang): string {
  const t = [...r.categories, ...r.requirements, ...r.refusalGrounds].find((x) => x.id === id);
  return t ? t.label[lang] : id;
}
