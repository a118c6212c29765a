// The fair share: expected urgent applicants a year against corporation vacancies, per municipality and
// region, under both sides; and the region's urgent demand split in proportion to vacancies beside the
// demand each municipality actually has. Pure arithmetic on counts; hand-checked in the tests.
import type { FairShare, FairShareRow, Scope } from '../model/report-schema.ts';
import type { Vacancies } from '../model/schema.ts';

export function fairShare(vacancies: Vacancies, municipalities: Scope[], regionOf: (code: string) => { id: string; name: string } | undefined): FairShare {
  const rows: FairShareRow[] = [];
  for (const [code, v] of Object.entries(vacancies.municipalities)) {
    const scope = municipalities.find((s) => s.id === code);
    const cases = scope?.cases ?? 0;
    // A year's applications per case in the population; without figures the population is one year.
    const scale = v.applicationsPerYear === undefined ? 1 : cases > 0 ? v.applicationsPerYear / cases : null;
    const side = (which: 'baseline' | 'variant') => {
      const urgent = scale === null || !scope ? 0 : scope.urgent[which] * scale;
      const undetermined = scale === null || !scope ? 0 : scope.undetermined[which] * scale;
      const target = v.targetShare ?? vacancies.targetShare;
      const share = v.vacancies > 0 ? urgent / v.vacancies : null;
      return { urgent, undetermined, share, overTarget: share !== null && share > target, proportional: 0, difference: 0 };
    };
    rows.push({
      id: code, name: scope?.name ?? code, ...(regionOf(code) && { region: regionOf(code)!.id }),
      vacancies: v.vacancies, target: v.targetShare ?? vacancies.targetShare, cases, scale,
      baseline: side('baseline'), variant: side('variant'),
    });
  }
  // Proportional split within each region (and a region row with the totals).
  const regions: FairShareRow[] = [];
  for (const id of [...new Set(rows.map((r) => r.region).filter((x): x is string => !!x))]) {
    const members = rows.filter((r) => r.region === id);
    const vac = members.reduce((s, r) => s + r.vacancies, 0);
    const total = (which: 'baseline' | 'variant', key: 'urgent' | 'undetermined') => members.reduce((s, r) => s + r[which][key], 0);
    for (const which of ['baseline', 'variant'] as const) {
      const demand = total(which, 'urgent');
      for (const r of members) {
        r[which].proportional = vac > 0 ? demand * r.vacancies / vac : 0;
        r[which].difference = r[which].urgent - r[which].proportional;
      }
    }
    const regionSide = (which: 'baseline' | 'variant') => {
      const urgent = total(which, 'urgent');
      const share = vac > 0 ? urgent / vac : null;
      return { urgent, undetermined: total(which, 'undetermined'), share, overTarget: share !== null && share > vacancies.targetShare, proportional: urgent, difference: 0 };
    };
    const name = members.map((m) => regionOf(m.id)?.name).find(Boolean) ?? id;
    regions.push({
      id, name, vacancies: vac, target: vacancies.targetShare, cases: members.reduce((s, r) => s + r.cases, 0), scale: null,
      baseline: regionSide('baseline'), variant: regionSide('variant'),
    });
  }
  const missing = municipalities.filter((s) => s.cases > 0 && !(s.id in vacancies.municipalities)).map((s) => s.id);
  return { year: vacancies.year, source: vacancies.source, targetShare: vacancies.targetShare, municipalities: rows, regions, missing };
}
