// Read models of the rule base for the public regulation endpoints. Presentation only: no rule logic.
import { within } from '../rulebase/dates.ts';
import { parameterValue } from '../rulebase/parameters.ts';
import type { Municipality, NotInForceError, RegulationInForce, RuleBase } from '../rulebase/rulebase.ts';
import type { Problem, RegulationDetail, RegulationList, VersionSummary } from './schemas.ts';

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
      versions: periods.map((p) => ({ ...versionSummary(p), inForce: within(date, p.from, p.until) })),
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

export function nearestVersions(e: NotInForceError): NonNullable<Problem['nearestVersions']> {
  return [
    ...(e.previous ? [{ relation: 'previous' as const, ...versionSummary(e.previous) }] : []),
    ...(e.next ? [{ relation: 'next' as const, ...versionSummary(e.next) }] : []),
  ];
}
