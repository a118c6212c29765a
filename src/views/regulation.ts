// The regulation read model: what a regulation in force looks like to a reader — its version summary,
// the list of municipalities and one regulation in detail — as zod schemas (the API's OpenAPI components
// are generated from them) and the functions that build them from the rule base. Presentation only: the
// API's regulation endpoints and the web's regulation page both show it; no rule logic.
import { z } from 'zod';
import { IsoDate } from '../case/schema.ts';
import { ChainLink } from '../engine/decision.ts';
import { within } from '../rulebase/dates.ts';
import { parameterValue } from '../rulebase/parameters.ts';
import type { Municipality, NotInForceError, RegulationInForce, RuleBase } from '../rulebase/rulebase.ts';
import { Regulation, Statute } from '../rulebase/schema.ts';

export const VersionSummary = z.object({
  validFrom: IsoDate.describe('First day on which this version of the layer chain is in force'),
  validUntil: IsoDate.optional().describe('Last day; absent = open-ended'),
  status: z.enum(['adopted', 'concept']).describe('concept: the municipality\'s version is a draft, not adopted law'),
  title: z.string().describe('Title of the municipality\'s own regulation in this version'),
  digest: z.string().describe('sha256 of the resolved rule base of this version'),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

/** A version next to a date on which no regulation is in force. */
export const NearestVersion = VersionSummary.extend({ relation: z.enum(['previous', 'next']) });
export type NearestVersion = z.infer<typeof NearestVersion>;

const MunicipalityRef = z.object({ code: z.string().regex(/^GM\d{4}$/), name: z.string() });

export const RegulationList = z.object({
  date: IsoDate.describe('The date on which inForce is judged (the query parameter, default today)'),
  municipalities: z.array(MunicipalityRef.extend({
    region: z.object({ id: z.string(), name: z.string() }),
    versions: z.array(VersionSummary.extend({ inForce: z.boolean().describe('In force on date') })),
  })),
});
export type RegulationList = z.infer<typeof RegulationList>;

const ParameterValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const RegulationDetail = z.object({
  municipality: MunicipalityRef.extend({ region: z.string() }),
  date: IsoDate.describe('The date asked for'),
  ...VersionSummary.shape,
  chain: z.array(ChainLink).describe('Layer chain, law first, the municipality\'s version last'),
  parameterValues: z.record(z.string(), ParameterValue)
    .describe('Value of every parameter on date (null: no dated value applies); definitions and sources in regulation.parameters'),
  provenance: z.record(z.string(), z.string()).describe('Node (e.g. category/mantelzorg) → rule file that last set it'),
  statute: Statute.describe('What the law in force demands of the regulation'),
  regulation: Regulation.describe('The resolved regulation: parameters, requirements, refusal grounds, categories with legal basis and labels, ranking, validity, search profile, articles'),
});
export type RegulationDetail = z.infer<typeof RegulationDetail>;

export function versionSummary(p: RegulationInForce): VersionSummary {
  return {
    validFrom: p.from,
    ...(p.until && { validUntil: p.until }),
    status: p.status,
    title: p.chain.at(-1)!.title,
    digest: p.digest,
  };
}

export function regulationList(rb: RuleBase, date: string): RegulationList {
  const regions = new Map(rb.regions.map((r) => [r.id, r]));
  return {
    date,
    municipalities: rb.byMunicipality.map(({ municipality: m, periods }) => ({
      code: m.code,
      name: m.name,
      region: regions.get(m.region) ?? { id: m.region, name: m.region },
      // Only an adopted version is in force; a concept beside it is listed, never in force.
      versions: periods.map((p) => ({ ...versionSummary(p), inForce: p.status === 'adopted' && within(date, p.from, p.until) })),
    })),
  };
}

export function regulationDetail(m: Municipality, p: RegulationInForce, date: string): RegulationDetail {
  return {
    municipality: { code: m.code, name: m.name, region: m.region },
    date,
    ...versionSummary(p),
    chain: p.chain,
    parameterValues: Object.fromEntries(Object.entries(p.regulation.parameters).map(([k, def]) => [k, parameterValue(def, date) ?? null])),
    provenance: p.provenance,
    statute: p.statute,
    regulation: p.regulation,
  };
}

export function nearestVersions(e: NotInForceError): NearestVersion[] {
  return [
    ...(e.previous ? [{ relation: 'previous' as const, ...versionSummary(e.previous) }] : []),
    ...(e.next ? [{ relation: 'next' as const, ...versionSummary(e.next) }] : []),
  ];
}
