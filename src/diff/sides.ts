// Which two regulations a diff compares: the subject (a municipality or file set on the date) and the
// baseline named by --against / ?against= : `model` (the model the subject builds on), a municipality
// code or file set, or a date (the subject itself on that date). Shared by the CLI and the API.
import type { RegulationInForce, RuleBase } from '../rulebase/rulebase.ts';
import { isIsoDate } from '../rulebase/dates.ts';
import type { Side } from './model/report.ts';
import { phrases, type Lang } from './render/words.ts';

export interface Comparison {
  base: RegulationInForce;
  subject: RegulationInForce;
  /** The date on which the baseline was taken (another date when comparing with the past). */
  baseDate: string;
}

export class AgainstError extends Error {}

/** The model a regulation builds on, else the first model file set there is. */
function modelSet(rb: RuleBase, r: RegulationInForce): string {
  const own = r.chain.find((l) => l.layer === 'model')?.set;
  const any = [...rb.fileSets.keys()].find((id) => id.startsWith('model/'));
  if (!own && !any) throw new AgainstError('er is geen model in de regelbase');
  return (own ?? any)!;
}

/** Throws UnknownMunicipalityError / NotInForceError (rulebase.ts) when a side has no regulation. */
export function resolveComparison(rb: RuleBase, subjectCode: string, against: string | undefined, date: string, concept = false): Comparison {
  // A diff compares texts, never decides: where no version is adopted, the concept is compared; with
  // `concept` the subject's concept is compared where it has one (the baseline stays as it is).
  const on = (d: string) => (concept ? rb.regulationOn(subjectCode, d, { concept: true }) : rb.regulationOrConceptOn(subjectCode, d));
  const subject = on(date);
  const target = against ?? 'model';
  if (isIsoDate(target)) return { base: rb.regulationOrConceptOn(subjectCode, target), subject, baseDate: target };
  return { base: rb.regulationOrConceptOn(target === 'model' ? modelSet(rb, subject) : target, date), subject, baseDate: date };
}

/** How the report names a side in sentences: the municipality, "het model", or the title; with its period when both sides are one set. */
export function sideName(r: RegulationInForce, other: RegulationInForce, lang: Lang): string {
  const name = r.municipality?.name ?? (r.chain.at(-1)!.layer === 'model' ? phrases[lang].model : r.chain.at(-1)!.title);
  if (r.set !== other.set) return name;
  return `${name} (${r.until ? `${r.from} – ${r.until}` : `${lang === 'nl' ? 'vanaf' : 'from'} ${r.from}`})`;
}

export function side(r: RegulationInForce, date: string, name: string): Side {
  const own = r.chain.at(-1)!;
  return {
    set: r.set,
    ...(r.municipality && { municipality: { code: r.municipality.code, name: r.municipality.name } }),
    name,
    title: own.title,
    date,
    from: r.from,
    ...(r.until && { until: r.until }),
    status: r.status,
    law: r.chain[0]!.title,
    digest: r.digest,
  };
}
