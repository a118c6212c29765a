// A side of a scenario (baseline or variant) resolved, before any case is read, into the compiled
// regulation that applies in each municipality: the regulation in force (or the one named), with a rule
// file added to the rule base and changes applied. A rule file or change that breaks the law is refused
// with the same message a rule file gets.
import { compileFast, type FastRegulation } from '../../engine/fast.ts';
import { withFile } from '../../rulebase/extend.ts';
import { NotInForceError, UnknownMunicipalityError, type RegulationInForce, type RuleBase } from '../../rulebase/rulebase.ts';
import { RuleBaseError, formatProblem } from '../../rulebase/problems.ts';
import { applyVariant } from '../../rulebase/variant.ts';
import type { Lang } from '../../engine/decision.ts';
import type { Side } from '../model/schema.ts';

/** A problem with the scenario itself (not with a population line). */
export interface ScenarioProblem {
  /** Where in the scenario, e.g. `variant.changes[0].parameter` or `variant.ruleFile`. */
  path: string;
  message: string;
}

export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** What the report says about a regulation a side used. */
export interface RegulationUsed {
  municipalities: string[];
  set: string;
  title: string;
  from: string;
  until?: string;
  status: 'adopted' | 'concept';
  digest: string;
}

export interface ResolvedSide {
  title: string;
  date: string;
  /** Municipality code → its compiled regulation; null where no urgentieregeling is in force. */
  byMunicipality: Map<string, FastRegulation | null>;
  regulations: RegulationUsed[];
}

export interface SideContext {
  ruleBase: RuleBase;
  scenarioDate: string;
  lang: Lang;
  /** Reads a rule file named by the scenario (CLI: relative to the scenario file); absent in the API. */
  readFile?: (path: string) => string;
}

const compiled = new WeakMap<RegulationInForce, FastRegulation>();
const compileOnce = (r: RegulationInForce): FastRegulation => {
  let f = compiled.get(r);
  if (!f) compiled.set(r, (f = compileFast(r)));
  return f;
};

export function resolveSide(which: 'baseline' | 'variant', side: Side, ctx: SideContext): ResolvedSide {
  const date = side.date ?? ctx.scenarioDate;
  const named = side.regulation ?? 'in-force';
  const ruleBase = side.ruleFile ? withRuleFile(which, side.ruleFile, ctx) : ctx.ruleBase;
  const problems: ScenarioProblem[] = [];

  // The regulation in force per municipality (or the one named, for every municipality).
  const base = new Map<string, RegulationInForce | null>();
  for (const m of ruleBase.municipalities) {
    try {
      base.set(m.code, named === 'in-force' ? ruleBase.regulationOn(m.code, date)
        : named === 'concept' ? ruleBase.regulationOn(m.code, date, { concept: true })
          : ruleBase.regulationOrConceptOn(named, date));
    } catch (e) {
      if (e instanceof NotInForceError && (named === 'in-force' || named === 'concept')) base.set(m.code, null);
      else if (e instanceof NotInForceError || e instanceof UnknownMunicipalityError) {
        throw new ScenarioError([{ path: `${which}.regulation`, message: e.message }]);
      } else throw e;
    }
  }

  // Changes apply over each distinct regulation; one problem list per regulation that refuses them.
  const variants = new Map<RegulationInForce, RegulationInForce>();
  const title = side.title ?? defaultTitle(side, date, ruleBase, ctx.lang);
  const byMunicipality = new Map<string, FastRegulation | null>();
  for (const [code, regulation] of base) {
    if (!regulation) {
      byMunicipality.set(code, null);
      continue;
    }
    let applied = regulation;
    if (side.changes?.length) {
      let v = variants.get(regulation);
      if (!v) {
        const result = applyVariant(regulation, side.changes, title);
        const where = regulation.municipality ? `${regulation.municipality.name} (${regulation.municipality.code})` : regulation.set;
        for (const p of result.problems) {
          problems.push({ path: `${which}.changes${p.path.slice(1)}`, message: `${where}: ${p.message}` });
        }
        v = result.regulation ?? regulation;
        variants.set(regulation, v);
      }
      applied = v;
    }
    byMunicipality.set(code, compileOnce(applied));
  }
  if (problems.length) throw new ScenarioError(dedupe(problems));

  const used = new Map<FastRegulation, RegulationUsed>();
  for (const [code, f] of byMunicipality) {
    if (!f) continue;
    const r = f.regulation;
    const own = r.chain.at(-1)!;
    const entry = used.get(f) ?? {
      municipalities: [], set: r.set, title: own.title, from: r.from, ...(r.until && { until: r.until }), status: r.status, digest: r.digest,
    };
    entry.municipalities.push(code);
    used.set(f, entry);
  }
  return { title, date, byMunicipality, regulations: [...used.values()] };
}

/** The same message for every municipality that shares a model is said once, naming them all. */
function dedupe(problems: ScenarioProblem[]): ScenarioProblem[] {
  const seen = new Map<string, ScenarioProblem>();
  for (const p of problems) {
    const [where, ...rest] = p.message.split(': ');
    const key = `${p.path}\u0000${rest.join(': ')}`;
    const prior = seen.get(key);
    if (prior) prior.message = `${prior.message.split(': ')[0]}, ${where}: ${rest.join(': ')}`;
    else seen.set(key, { ...p });
  }
  return [...seen.values()];
}

function defaultTitle(side: Side, date: string, ruleBase: RuleBase, lang: Lang): string {
  const named = side.regulation ?? 'in-force';
  const what = named === 'in-force'
    ? (lang === 'nl' ? `regeling van kracht op ${date}` : `regulations in force on ${date}`)
    : named === 'concept' ? (lang === 'nl' ? `concepten (anders de regeling van kracht) op ${date}` : `concepts (else the regulations in force) on ${date}`)
    : /^GM\d{4}$/.test(named) ? `${ruleBase.municipality(named).name} (${named}) ${lang === 'nl' ? 'op' : 'on'} ${date}`
      : `${named} ${lang === 'nl' ? 'op' : 'on'} ${date}`;
  const file = side.ruleFile ? (lang === 'nl' ? ` met ${side.ruleFile}` : ` with ${side.ruleFile}`) : '';
  const n = side.changes?.length ?? 0;
  const changes = n ? (lang === 'nl' ? ` en ${n} wijziging${n === 1 ? '' : 'en'}` : ` and ${n} change${n === 1 ? '' : 's'}`) : '';
  return what + file + changes;
}

/** The rule base with the side's rule file added, or the scenario refused with the rule file's own problems. */
function withRuleFile(which: string, path: string, ctx: SideContext): RuleBase {
  const fail = (message: string): never => { throw new ScenarioError([{ path: `${which}.ruleFile`, message }]); };
  if (!ctx.readFile) return fail('een regelbestand kan hier niet worden gelezen (geef de wijzigingen inline)');
  let text = '';
  try {
    text = ctx.readFile(path);
  } catch (e) {
    fail(`${path}: ${(e as Error).message}`);
  }
  try {
    return withFile(ctx.ruleBase, { path, text });
  } catch (e) {
    if (!(e instanceof RuleBaseError)) throw e;
    return fail(e.problems.map(formatProblem).join('\n'));
  }
}
