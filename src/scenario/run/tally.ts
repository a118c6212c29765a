// The bulk count: every case through baseline and variant with the compiled fast path, counted into one
// transition matrix per municipality (baseline state × variant state). Nothing per case is kept but the
// first few examples of each changed cell, so memory stays flat however large the population.
import { URGENT_BASE, type FastRegulation } from '../../engine/fast.ts';
import type { ReportState } from '../model/report-schema.ts';
import type { PopulationError, PopulationRow, ScenarioSpec } from '../model/schema.ts';

/** The first state prepare.ts lays out: no urgentieregeling in force. */
const NO_SCHEME = 0;

/** What a tally needs of a side: the compiled regulation per municipality, and the date. */
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

export interface MunicipalityCount {
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

/** A case kept as an example of its cell (from and to are global state indices). */
export interface Example {
  row: PopulationRow;
  from: number;
  to: number;
}

/** Counts as plain data, the form a worker posts back. */
export interface Counts {
  counts: Record<string, { cases: number; matrix: number[] }>;
  examples: Example[];
}

export class Tally {
  readonly errors: PopulationError[] = [];
  /** Errors beyond those kept (a file full of errors still ends with a count). */
  errorCount = 0;
  readonly byMunicipality = new Map<string, MunicipalityCount>();
  /** Matrix cell → its first examples. */
  readonly examples = new Map<number, Example[]>();
  /** Number of states: the matrix is size × size. */
  readonly size: number;
  private readonly bDate: string;
  private readonly vDate: string;
  cases = 0;

  constructor(readonly setup: RunSetup, readonly maxErrors = 100) {
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
      this.byMunicipality.set(code, { code, b, v, bMap: codeMap(b), vMap: codeMap(v), matrix: new Float64Array(this.size * this.size), cases: 0 });
    }
  }

  error(e: PopulationError): void {
    this.errorCount++;
    if (this.errors.length < this.maxErrors) this.errors.push(e);
  }

  /** The hot loop: two compiled evaluations and one increment per case. */
  add(row: PopulationRow): void {
    const m = this.byMunicipality.get(row.municipality);
    if (!m) {
      this.error({ line: row.line, column: 'municipality', message: `onbekende gemeente '${row.municipality}' (niet in rules/gemeenten.yaml)` });
      return;
    }
    const c = row.case;
    const bOn = c.applicationDate ?? this.bDate, vOn = c.applicationDate ?? this.vDate;
    const from = m.b ? m.bMap[m.b.code(c, m.b.paramsOn(bOn), bOn)]! : NO_SCHEME;
    const to = m.v ? m.vMap[m.v.code(c, m.v.paramsOn(vOn), vOn)]! : NO_SCHEME;
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

  /** Merges another tally's counts (a worker's share of the population). */
  merge({ counts, examples }: Counts, errors: PopulationError[], errorCount: number): void {
    for (const [code, c] of Object.entries(counts)) {
      const m = this.byMunicipality.get(code)!;
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

  counts(): Counts {
    const counts: Counts['counts'] = {};
    for (const m of this.byMunicipality.values()) if (m.cases) counts[m.code] = { cases: m.cases, matrix: [...m.matrix] };
    return { counts, examples: [...this.examples.values()].flat() };
  }
}
