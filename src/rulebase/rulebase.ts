// The validated rule base: every municipality's regulation resolved for every period in which its layer
// chain is constant, conformance-checked and digested once, at load. Pure: files come in as text.
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import { addDays, within } from './dates.ts';
import { parseRuleFile, type ParsedFile } from './parse.ts';
import { RuleBaseError, type Problem } from './problems.ts';
import { resolveChain, type Resolved } from './resolve.ts';
import { groupFileSets, versionOn, type FileSet, type Version } from './versions.ts';
import { checkConformance } from './conformance.ts';
import { digest } from './digest.ts';
import type { Layer, Statute } from './schema.ts';
import { citeBasis } from './cite.ts';

export const Registry = z.strictObject({
  regions: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  municipalities: z.array(z.strictObject({ code: z.string().regex(/^GM\d{4}$/), name: z.string(), region: z.string() })),
});
export type Municipality = z.infer<typeof Registry>['municipalities'][number];

/** One link of a layer chain: which version of which file set. */
export interface ChainLink {
  layer: Layer;
  set: string;
  file: string;
  title: string;
  validFrom: string;
  validUntil?: string;
  status: 'adopted' | 'concept';
  confirmed: boolean;
}

/** A regulation during a period in which no file of its chain changes. */
export interface RegulationInForce extends Resolved {
  /** The file set resolved, e.g. `gemeente/GM0014-groningen` or `model/vng`. */
  set: string;
  /** Absent for a model or regional layer evaluated on its own. */
  municipality?: Municipality;
  from: string;
  until?: string;
  /** Law first, the municipality's own version last. */
  chain: ChainLink[];
  /** concept when the municipality's own version is a draft. */
  status: 'adopted' | 'concept';
  digest: string;
}

export class UnknownMunicipalityError extends Error {
  constructor(readonly code: string) {
    super(`Onbekende gemeente '${code}'`);
  }
}

/**
 * Nothing to apply on a date. `no-scheme`: the municipality has no adopted urgentieregeling then (under a
 * law that makes one mandatory, `transition` is the article that gives the council time); `not-encoded`:
 * an adopted version exists before the date, but none is encoded for it. `concept` is the draft on that
 * date that can be simulated on request.
 */
export class NotInForceError extends Error {
  constructor(
    readonly where: string,
    readonly date: string,
    readonly previous?: RegulationInForce,
    readonly next?: RegulationInForce,
    readonly reason: 'no-scheme' | 'not-encoded' = previous ? 'not-encoded' : 'no-scheme',
    readonly concept?: RegulationInForce,
    readonly transition?: Statute['transition'],
  ) {
    super(notInForceSentence(where, date, reason, previous, next, concept, transition));
  }
}

function notInForceSentence(where: string, date: string, reason: NotInForceError['reason'], previous?: RegulationInForce,
  next?: RegulationInForce, concept?: RegulationInForce, transition?: Statute['transition']): string {
  const parts = [reason === 'not-encoded'
    ? `Voor ${date} is in ${where} geen verordening in de regelbase opgenomen`
    : `Op ${date} is in ${where} geen urgentieregeling van kracht: de gemeenteraad heeft er geen vastgesteld`];
  if (reason === 'no-scheme' && transition) {
    parts.push(`${citeBasis(transition.basis, 'nl')} geeft de raad daarvoor de tijd tot ${transition.deadline ?? 'een bij koninklijk besluit te bepalen tijdstip (nog niet bepaald)'}`);
  }
  if (previous) parts.push(`de vorige versie gold tot en met ${previous.until}`);
  if (next) parts.push(`de eerste volgende versie geldt vanaf ${next.from} (${next.status})`);
  if (concept) parts.push(`het concept '${concept.chain.at(-1)!.title}' kan worden gesimuleerd (--concept, ?concept=true)`);
  return parts.join('; ');
}

export class RuleBase {
  constructor(
    readonly municipalities: Municipality[],
    readonly regions: { id: string; name: string }[],
    /** Per file set (model, regio, gemeente): its periods in date order. */
    readonly periods: ReadonlyMap<string, RegulationInForce[]>,
    /** Municipality code → its file set. */
    readonly municipalitySets: ReadonlyMap<string, string>,
    readonly fileSets: ReadonlyMap<string, FileSet>,
    /** The rule files it was built from, so that one more can be added (extend.ts). */
    readonly sources: readonly SourceFile[] = [],
  ) {}

  /** A municipality's periods, for every municipality in the registry (empty: no scheme ever). */
  get byMunicipality(): { municipality: Municipality; periods: RegulationInForce[] }[] {
    return this.municipalities.map((municipality) => ({ municipality, periods: this.periodsOf(municipality.code) }));
  }

  municipality(code: string): Municipality {
    const m = this.municipalities.find((x) => x.code === code);
    if (!m) throw new UnknownMunicipalityError(code);
    return m;
  }

  /** Periods of a municipality (GM code) or of a file set (e.g. `model/vng`). */
  periodsOf(codeOrSet: string): RegulationInForce[] {
    const set = /^GM\d{4}$/.test(codeOrSet) ? this.municipalitySets.get(this.municipality(codeOrSet).code) : codeOrSet;
    const periods = set ? this.periods.get(set) : undefined;
    if (!periods && !/^GM\d{4}$/.test(codeOrSet)) throw new UnknownMunicipalityError(codeOrSet);
    return periods ?? [];
  }

  /**
   * The regulation in force on `date`: the municipality's adopted version. With `concept`, its concept on
   * that date instead where there is one (a simulation, never a decision). A model or regional set is a
   * concept by nature and is returned as such. Never falls back to another period.
   */
  regulationOn(codeOrSet: string, date: string, options: { concept?: boolean } = {}): RegulationInForce {
    const periods = this.periodsOf(codeOrSet);
    const on = (status: 'adopted' | 'concept') => periods.find((p) => p.status === status && within(date, p.from, p.until));
    const adopted = on('adopted');
    const concept = on('concept');
    if (options.concept && concept) return concept;
    if (adopted) return adopted;
    if (concept && concept.chain.at(-1)!.layer !== 'gemeente') return concept;
    const m = this.municipalities.find((x) => x.code === codeOrSet);
    const track = periods.filter((p) => p.status === 'adopted');
    const previous = track.filter((p) => p.until && p.until < date).at(-1);
    const law = this.fileSets.get(LAW_SET) && versionOn(this.fileSets.get(LAW_SET)!, date)?.file.content;
    const transition = law?.statute?.schemeMandatory && law.statute.transition
      ? { ...law.statute.transition, basis: { regulation: law.title, ...law.statute.transition.basis } } : undefined;
    throw new NotInForceError(m ? `${m.name} (${m.code})` : codeOrSet, date, previous,
      track.find((p) => p.from > date) ?? periods.find((p) => p.from > date), previous ? 'not-encoded' : 'no-scheme', concept, transition);
  }

  /** What a comparison reads (diff, scenarios): the adopted version on `date`, else the concept. */
  regulationOrConceptOn(codeOrSet: string, date: string): RegulationInForce {
    try {
      return this.regulationOn(codeOrSet, date);
    } catch (e) {
      if (e instanceof NotInForceError && e.concept) return e.concept;
      throw e;
    }
  }
}

/** Adopted before the law version it now stands under (Hvw art. 51 lid 10 gives it time to conform). */
export const inTransition = (r: Pick<RegulationInForce, 'status' | 'chain'>): boolean =>
  r.status === 'adopted' && r.chain.at(-1)!.validFrom < r.chain[0]!.validFrom;

/** The file set of the law. */
export const LAW_SET = 'wet/huisvestingswet';

export interface SourceFile {
  /** Path relative to the rules directory. */
  path: string;
  text: string;
}

export function buildRuleBase(files: SourceFile[], registryText: string): RuleBase {
  const problems: Problem[] = [];
  let registryData: unknown;
  try {
    registryData = parseYaml(registryText, { maxAliasCount: 100 });
  } catch (e) {
    // A YAML error names its line and column; an alias bomb is refused by the yaml library.
    const pos = (e as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    throw new RuleBaseError([{ file: 'gemeenten.yaml', ...(pos && { line: pos.line, column: pos.col }), message: `YAML: ${(e as Error).message.split('\n')[0]}` }]);
  }
  const registry = Registry.safeParse(registryData);
  if (!registry.success) throw new RuleBaseError([{ file: 'gemeenten.yaml', message: z.prettifyError(registry.error) }]);

  const parsed: ParsedFile[] = [];
  for (const f of files) {
    const result = parseRuleFile(f.path, f.text);
    if (result.ok) parsed.push(result.parsed);
    else problems.push(...result.problems);
  }
  const { sets, problems: versionProblems } = groupFileSets(parsed);
  problems.push(...versionProblems);
  if (problems.length) throw new RuleBaseError(problems);

  const { municipalities, regions } = registry.data;
  const periods = new Map<string, RegulationInForce[]>();
  const municipalitySets = new Map<string, string>();
  for (const set of sets.values()) {
    const first = set.versions[0]!.file;
    if (first.content.layer === 'wet') continue;
    let m: Municipality | undefined;
    if (first.content.layer === 'gemeente') {
      m = municipalities.find((x) => set.id.startsWith(`gemeente/${x.code}-`) || set.id === `gemeente/${x.code}`);
      if (!m) {
        problems.push({ file: first.file, message: `map ${set.id} hoort bij geen gemeente uit gemeenten.yaml (verwacht gemeente/GMxxxx-naam)` });
        continue;
      }
      for (const v of set.versions) {
        if (v.file.content.jurisdiction !== m.code) {
          problems.push({ file: v.file.file, path: '$.jurisdiction', message: `moet ${m.code} zijn (de map van dit bestand)` });
        }
      }
      municipalitySets.set(m.code, set.id);
    }
    periods.set(set.id, resolvePeriods(set, m, sets, problems));
  }
  if (problems.length) throw new RuleBaseError(problems);
  return new RuleBase(municipalities, regions, periods, municipalitySets, sets, files);
}

/**
 * Splits the municipality's time line at every date on which any file in its chain starts or ends, and
 * resolves each piece once. Adjacent pieces with the same chain are merged.
 */
function resolvePeriods(own: FileSet, m: Municipality | undefined, sets: Map<string, FileSet>, problems: Problem[]): RegulationInForce[] {
  const cuts = new Set<string>();
  for (const set of sets.values()) {
    for (const v of set.versions) {
      cuts.add(v.validFrom);
      if (v.validUntil) cuts.add(addDays(v.validUntil, 1));
    }
  }
  const starts = [...cuts].sort();
  const out: RegulationInForce[] = [];
  for (const status of ['adopted', 'concept'] as const) {
    let prev: RegulationInForce | undefined;
    starts.forEach((from, i) => {
      const mine = versionOn(own, from, status);
      if (!mine) return;
      const next = starts[i + 1];
      const until = next ? addDays(next, -1) : undefined;
      const chain = chainOn(mine, from, sets, problems);
      if (!chain) return;
      if (prev && prev.until && addDays(prev.until, 1) === from && prev.chain.every((l, j) => l.file === chain[j]?.file.file) && prev.chain.length === chain.length) {
        prev.until = until;
        return;
      }
      const { resolved, problems: resolveProblems } = resolveChain(chain.map((v) => v.file));
      problems.push(...resolveProblems);
      if (!resolved) return;
      const file = mine.file;
      // A verordening adopted before the law version in force keeps applying as adopted until the council
      // brings it in line (Hvw art. 51 lid 10): its gaps are findings of the conformance report, not errors.
      const links = chain.map(link);
      const transition = inTransition({ status, chain: links });
      for (const v of checkConformance(resolved.statute, resolved.regulation, `${m?.code ?? own.id} ${file.content.validFrom}`)) {
        if (transition && v.kind === 'mandatory-category-missing') continue;
        problems.push({ file: file.file, message: v.message.nl });
      }
      prev = {
        ...resolved,
        set: own.id,
        municipality: m,
        from,
        until,
        chain: links,
        status,
        digest: digest({ chain: links.map((l) => l.file), statute: resolved.statute, regulation: resolved.regulation }),
      };
      out.push(prev);
    });
  }
  return out.sort((a, b) => a.from.localeCompare(b.from) || a.status.localeCompare(b.status));
}

/** The chain in force on `date` from the municipality's own version up, law first; undefined (with a problem) when a parent has no version then. */
function chainOn(own: Version, date: string, sets: Map<string, FileSet>, problems: Problem[]): Version[] | undefined {
  const chain: Version[] = [];
  for (let v: Version | undefined = own; v;) {
    if (chain.length > 8) {
      problems.push({ file: own.file.file, path: '$.extends', message: 'extends vormt een kring' });
      return undefined;
    }
    chain.unshift(v);
    const parent = v.file.content.extends;
    if (parent === undefined) break;
    const set = sets.get(parent);
    if (!set) {
      problems.push({ file: v.file.file, path: '$.extends', message: `'${parent}' bestaat niet (verwacht een map onder rules/, bijv. model/vng)` });
      return undefined;
    }
    v = versionOn(set, date);
    if (!v) {
      problems.push({ file: chain[0]!.file.file, path: '$.extends', message: `${set.id} heeft op ${date} geen versie van kracht (gat in de keten)` });
      return undefined;
    }
  }
  return chain;
}

function link(v: Version): ChainLink {
  const c = v.file.content;
  return {
    layer: c.layer, set: v.file.file.slice(0, v.file.file.lastIndexOf('/')), file: v.file.file, title: c.title,
    validFrom: v.validFrom, validUntil: v.validUntil, status: c.status, confirmed: c.confirmed ?? true,
  };
}
