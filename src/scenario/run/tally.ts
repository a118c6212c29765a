// The bulk evaluator: every case through baseline and variant with the compiled fast path, counted into
// one transition matrix per municipality (baseline state × variant state). Nothing per case is kept but
// the first few examples of each changed cell, so memory stays flat however large the population.
import type { Lang } from '../../engine/decision.ts';
import { URGENT_BASE, type FastRegulation } from '../../engine/fast.ts';
import type { ExampleCell, ReportState, ScenarioReport, Scope } from '../model/report-schema.ts';
import type { PopulationError, PopulationRow, ScenarioSpec, Vacancies } from '../model/schema.ts';
import type { PreparedScenario } from './prepare.ts';
import type { ResolvedSide } from './sides.ts';
import { explain } from '../why.ts';
import { fairShare } from '../report/fair-share.ts';

export const NO_SCHEME = 0;

/** What a run needs: the compiled regulation per municipality on each side, and the states. */
export interface SideRun {
  date: string;
  /** Municipality code → its compiled regulation; null where no urgentieregeling is in force. */
  byMunicipality: Map<string, FastRegulation | null>;
}
export interface RunSetup {
  scenario: ScenarioSpec;
  /** Global states: no scheme, not urgent, undetermined, then every category of either side. */
  states: ReportState[];
  municipalities: string[];
  baseline: SideRun;
  variant: SideRun;
}

interface MunicipalityAcc {
  code: string;
  b: FastRegulation | null;
  v: FastRegulation | null;
  /** Local state code of the fast path → global state index. */
  bMap: Int32Array;
  vMap: Int32Array;
  /** matrix[from * S + to] */
  matrix: Float64Array;
  cases: number;
}

export class ScenarioRun {
  readonly errors: PopulationError[] = [];
  /** Errors beyond those kept (a file full of errors still ends with a count). */
  errorCount = 0;
  private readonly acc = new Map<string, MunicipalityAcc>();
  private readonly examples = new Map<number, { row: PopulationRow; from: number; to: number }[]>();
  private readonly size: number;
  private readonly bDate: string;
  private readonly vDate: string;
  cases = 0;

  constructor(readonly setup: RunSetup | PreparedScenario, readonly maxErrors = 100) {
    const { states, baseline, variant } = setup;
    this.size = states.length;
    this.bDate = baseline.date;
    this.vDate = variant.date;
    const stateIndex = new Map(states.map((s, i) => [s.id, i]));
    const codeMap = (f: FastRegulation | null) => {
      const map = new Int32Array(URGENT_BASE + (f?.categories.length ?? 0));
      map[0] = stateIndex.get('not-urgent')!;
      map[1] = stateIndex.get('undetermined')!;
      f?.categories.forEach((id, k) => (map[URGENT_BASE + k] = stateIndex.get(`urgent:${id}`)!));
      return map;
    };
    for (const code of setup.municipalities) {
      const b = baseline.byMunicipality.get(code) ?? null;
      const v = variant.byMunicipality.get(code) ?? null;
      this.acc.set(code, { code, b, v, bMap: codeMap(b), vMap: codeMap(v), matrix: new Float64Array(this.size * this.size), cases: 0 });
    }
  }

  error(e: PopulationError): void {
    this.errorCount++;
    if (this.errors.length < this.maxErrors) this.errors.push(e);
  }

  /** The hot loop: two compiled evaluations and one increment per case. */
  add(row: PopulationRow): void {
    const m = this.acc.get(row.municipality);
    if (!m) {
      this.error({ line: row.line, column: 'municipality', message: `onbekende gemeente '${row.municipality}' (niet in rules/gemeenten.yaml)` });
      return;
    }
    const c = row.case;
    const from = m.b ? m.bMap[m.b.code(c, m.b.paramsOn(c.applicationDate ?? this.bDate))]! : NO_SCHEME;
    const to = m.v ? m.vMap[m.v.code(c, m.v.paramsOn(c.applicationDate ?? this.vDate))]! : NO_SCHEME;
    m.matrix[from * this.size + to]!++;
    m.cases++;
    this.cases++;
    if (from !== to) {
      const cell = from * this.size + to;
      let list = this.examples.get(cell);
      if (!list) this.examples.set(cell, (list = []));
      if (list.length < this.setup.scenario.examples) list.push({ row, from, to });
    }
  }

  /** Merges another run's counts (a worker's share of the population). */
  merge(counts: Record<string, { cases: number; matrix: number[] }>, examples: { row: PopulationRow; from: number; to: number }[], errors: PopulationError[], errorCount: number): void {
    for (const [code, c] of Object.entries(counts)) {
      const m = this.acc.get(code)!;
      m.cases += c.cases;
      this.cases += c.cases;
      c.matrix.forEach((n, i) => (m.matrix[i]! += n));
    }
    for (const e of examples) {
      const cell = e.from * this.size + e.to;
      const list = this.examples.get(cell) ?? [];
      if (list.length < this.setup.scenario.examples) list.push(e);
      this.examples.set(cell, list);
    }
    for (const e of errors) this.error(e);
    this.errorCount += errorCount - errors.length;
  }

  /** Counts in a form a worker can post back. */
  counts(): { counts: Record<string, { cases: number; matrix: number[] }>; examples: { row: PopulationRow; from: number; to: number }[] } {
    const counts: Record<string, { cases: number; matrix: number[] }> = {};
    for (const m of this.acc.values()) if (m.cases) counts[m.code] = { cases: m.cases, matrix: [...m.matrix] };
    return { counts, examples: [...this.examples.values()].flat() };
  }

  report(source: string, vacancies?: Vacancies): ScenarioReport {
    if (!('ruleBase' in this.setup)) throw new Error('report() needs the prepared scenario (a worker only counts)');
    const { scenario, states, ruleBase, baseline, variant } = this.setup;
    const S = this.size;
    const scope = (kind: Scope['kind'], id: string, name: string, members: MunicipalityAcc[]): Scope => {
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
    const all = [...this.acc.values()];
    const municipalities = ruleBase.municipalities.map((m) => scope('municipality', m.code, m.name, [this.acc.get(m.code)!]));
    const scopes = [
      scope('total', 'total', scenario.language === 'nl' ? 'Alle gemeenten' : 'All municipalities', all),
      ...ruleBase.regions.map((r) => scope('region', r.id, r.name, all.filter((m) => ruleBase.municipality(m.code).region === r.id))),
      ...municipalities,
    ];

    const examples: ExampleCell[] = [...this.examples.entries()].sort(([a], [b]) => a - b).map(([cell, list]) => {
      const from = Math.floor(cell / S);
      const to = cell % S;
      return {
        from: states[from]!.id, to: states[to]!.id,
        count: all.reduce((s, m) => s + m.matrix[cell]!, 0),
        cases: list.map(({ row }) => this.example(row, states[from]!.category, states[to]!.category)),
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
      population: { source, cases: this.cases },
      states: states.filter((_, i) => scopes[0]!.counts.some((c) => c.state === states[i]!.id)),
      scopes,
      examples,
      ...(vacancies && { fairShare: fairShare(vacancies, municipalities, regionOf) }),
    };
  }

  /** Each side explained with the other side's category in focus: why it did (not) choose that one. */
  private example(row: PopulationRow, fromCategory: string | undefined, toCategory: string | undefined) {
    const m = this.acc.get(row.municipality)!;
    const lang: Lang = this.setup.scenario.language;
    return {
      id: row.id ?? String(row.line), line: row.line, municipality: row.municipality,
      baseline: explain(m.b, row.case, this.bDate, toCategory ?? fromCategory, lang),
      variant: explain(m.v, row.case, this.vDate, fromCategory ?? toCategory, lang),
    };
  }
}
