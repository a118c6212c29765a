// A prepared run as plain data, and back: a worker thread rebuilds the run from it by compiling the
// resolved regulations, without loading (or even importing) the rule base.
import { compileFast, type FastRegulation } from '../../engine/fast.ts';
import type { RegulationInForce } from '../../rulebase/rulebase.ts';
import type { ReportState } from '../model/report-schema.ts';
import type { RunSetup, SideRun } from './tally.ts';
import type { ScenarioSpec } from '../model/schema.ts';

/** A side as plain data: the distinct regulations, and per municipality the index of its own (or null). */
export interface SidePlan {
  date: string;
  regulations: RegulationInForce[];
  byMunicipality: Record<string, number | null>;
}
export interface RunPlan {
  scenario: ScenarioSpec;
  states: ReportState[];
  municipalities: string[];
  baseline: SidePlan;
  variant: SidePlan;
}

export function planOf(p: RunSetup): RunPlan {
  const side = (s: SideRun): SidePlan => {
    const regulations: RegulationInForce[] = [];
    const byMunicipality: Record<string, number | null> = {};
    for (const [code, f] of s.byMunicipality) {
      if (!f) {
        byMunicipality[code] = null;
        continue;
      }
      let i = regulations.indexOf(f.regulation);
      if (i < 0) i = regulations.push(f.regulation) - 1;
      byMunicipality[code] = i;
    }
    return { date: s.date, regulations, byMunicipality };
  };
  return { scenario: p.scenario, states: p.states, municipalities: p.municipalities, baseline: side(p.baseline), variant: side(p.variant) };
}

export function setupOf(plan: RunPlan): RunSetup {
  const side = (s: SidePlan): SideRun => {
    const compiled: FastRegulation[] = s.regulations.map(compileFast);
    return { date: s.date, byMunicipality: new Map(Object.entries(s.byMunicipality).map(([code, i]) => [code, i === null ? null : compiled[i]!])) };
  };
  return { scenario: plan.scenario, states: plan.states, municipalities: plan.municipalities, baseline: side(plan.baseline), variant: side(plan.variant) };
}
