// Preparing a scenario: both sides resolved against the rule base (throws ScenarioError) and the states of
// the transition matrix laid out.
import type { RuleBase } from '../../rulebase/rulebase.ts';
import type { ReportState } from '../model/report-schema.ts';
import type { RunSetup } from './tally.ts';
import { withDefaults, type Scenario } from '../model/schema.ts';
import { resolveSide, type ResolvedSide, type SideContext } from './sides.ts';

const outcomeWords = {
  nl: { 'no-scheme': 'geen regeling', 'not-urgent': 'niet urgent', undetermined: 'nog niet te bepalen', urgent: 'urgent' },
  en: { 'no-scheme': 'no scheme', 'not-urgent': 'not urgent', undetermined: 'undetermined', urgent: 'urgent' },
};

export interface PreparedScenario extends RunSetup {
  ruleBase: RuleBase;
  baseline: ResolvedSide;
  variant: ResolvedSide;
}

/** Resolves both sides (throws ScenarioError) and lays out the states of the matrix. */
export function prepareScenario(input: Scenario, ctx: Omit<SideContext, 'scenarioDate' | 'lang'>): PreparedScenario {
  const scenario = withDefaults(input);
  const full = { ...ctx, scenarioDate: scenario.date, lang: scenario.language };
  const baseline = resolveSide('baseline', scenario.baseline, full);
  const variant = resolveSide('variant', scenario.variant, full);
  const w = outcomeWords[scenario.language];
  const states: ReportState[] = [
    { id: 'no-scheme', outcome: 'no-scheme', label: w['no-scheme'] },
    { id: 'not-urgent', outcome: 'not-urgent', label: w['not-urgent'] },
    { id: 'undetermined', outcome: 'undetermined', label: w.undetermined },
  ];
  for (const side of [baseline, variant]) {
    for (const f of new Set(side.byMunicipality.values())) {
      if (!f) continue;
      for (const { category: cat } of f.regulation.categoryFacts.values()) {
        const id = `urgent:${cat.id}`;
        if (!states.some((s) => s.id === id)) states.push({ id, outcome: 'urgent', category: cat.id, label: `${w.urgent}: ${cat.label[scenario.language]}` });
      }
    }
  }
  return { scenario, ruleBase: ctx.ruleBase, municipalities: ctx.ruleBase.municipalities.map((m) => m.code), baseline, variant, states };
}
