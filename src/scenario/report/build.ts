// The report of a finished tally: the matrices summed per scope (total, region, municipality), the
// examples explained, the regulations each side used and, given vacancies, the fair share.
import type { Lang } from '../../engine/decision.ts';
import type { ExampleCell, ScenarioReport, Scope } from '../model/report-schema.ts';
import type { PopulationRow, Vacancies } from '../model/schema.ts';
import type { PreparedScenario } from '../run/prepare.ts';
import type { ResolvedSide } from '../run/sides.ts';
import type { MunicipalityCount, Tally } from '../run/tally.ts';
import { explain } from './why.ts';
import { fairShare } from './fair-share.ts';

export function buildReport(prepared: PreparedScenario, tally: Tally, source: string, vacancies?: Vacancies): ScenarioReport {
  const { scenario, states, ruleBase, baseline, variant } = prepared;
  const S = tally.size;
  const scope = (kind: Scope['kind'], id: string, name: string, members: MunicipalityCount[]): Scope => {
    const matrix = new Float64Array(S * S);
    for (const m of members) m.matrix.forEach((n, i) => (matrix[i]! += n));
    const rows = new Array<number>(S).fill(0);
    const cols = new Array<number>(S).fill(0);
    const transitions: Scope['transitions'] = [];
    for (let f = 0; f < S; f++) {
      for (let t = 0; t < S; t++) {
        const n = matrix[f * S + t]!;
        rows[f]! += n;
        cols[t]! += n;
        if (n) transitions.push({ from: states[f]!.id, to: states[t]!.id, count: n });
      }
    }
    const sum = (arr: number[], outcome: string) => states.reduce((s, st, i) => s + (st.outcome === outcome ? arr[i]! : 0), 0);
    return {
      kind, id, name, cases: members.reduce((s, m) => s + m.cases, 0),
      counts: states.map((st, i) => ({ state: st.id, baseline: rows[i]!, variant: cols[i]! })).filter((c) => c.baseline || c.variant),
      transitions,
      urgent: { baseline: sum(rows, 'urgent'), variant: sum(cols, 'urgent') },
      undetermined: { baseline: sum(rows, 'undetermined'), variant: sum(cols, 'undetermined') },
    };
  };
  const all = [...tally.byMunicipality.values()];
  const municipalities = ruleBase.municipalities.map((m) => scope('municipality', m.code, m.name, [tally.byMunicipality.get(m.code)!]));
  const scopes = [
    scope('total', 'total', scenario.language === 'nl' ? 'Alle gemeenten' : 'All municipalities', all),
    ...ruleBase.regions.map((r) => scope('region', r.id, r.name, all.filter((m) => ruleBase.municipality(m.code).region === r.id))),
    ...municipalities,
  ];

  const example = exampleOf(prepared, tally);
  const examples: ExampleCell[] = [...tally.examples.entries()].sort(([a], [b]) => a - b).map(([cell, list]) => {
    const from = Math.floor(cell / S);
    const to = cell % S;
    return {
      from: states[from]!.id, to: states[to]!.id,
      count: all.reduce((s, m) => s + m.matrix[cell]!, 0),
      cases: list.map(({ row }) => example(row, states[from]!.category, states[to]!.category)),
    };
  });

  const summary = (side: ResolvedSide) => ({
    title: side.title, date: side.date, regulations: side.regulations,
    noScheme: [...side.byMunicipality].filter(([, f]) => !f).map(([code]) => code),
  });
  const regionOf = (code: string) => {
    const m = ruleBase.municipalities.find((x) => x.code === code);
    return m && ruleBase.regions.find((r) => r.id === m.region);
  };
  return {
    scenario: { name: scenario.name, ...(scenario.description && { description: scenario.description }), date: scenario.date, language: scenario.language },
    baseline: summary(baseline),
    variant: summary(variant),
    population: { source, cases: tally.cases },
    states: states.filter((_, i) => scopes[0]!.counts.some((c) => c.state === states[i]!.id)),
    scopes,
    examples,
    ...(vacancies && { fairShare: fairShare(vacancies, municipalities, regionOf) }),
  };
}

/** Each side explained with the other side's category in focus: why it did (not) choose that one. */
function exampleOf({ scenario, baseline, variant }: PreparedScenario, tally: Tally) {
  const lang: Lang = scenario.language;
  return (row: PopulationRow, fromCategory: string | undefined, toCategory: string | undefined) => {
    const m = tally.byMunicipality.get(row.municipality)!;
    return {
      id: row.id ?? String(row.line), line: row.line, municipality: row.municipality,
      baseline: explain(m.b, row.case, baseline.date, toCategory ?? fromCategory, lang),
      variant: explain(m.v, row.case, variant.date, fromCategory ?? toCategory, lang),
    };
  };
}
