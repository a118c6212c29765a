// Who runs POST /v1/scenarios: a pool of worker threads in a server (pool.ts), so a long run never holds
// the event loop that answers evaluations and health checks; in this thread where the app is built on a
// rule base in memory (tests), which a worker could not load.
import type { Lang } from '../../rulebase/lang.ts';
import type { RuleBase } from '../../rulebase/rulebase.ts';
import type { ScenarioReport } from '../../scenario/model/report-schema.ts';
import type { ScenarioCost } from '../../scenario/run/cost.ts';
import { runScenarioRequest } from './request.ts';

export interface ScenarioRunner {
  /** The report for a request body; throws an ApiProblem for a bad one or when `admit` refuses its cost. */
  run(body: Uint8Array, lang: Lang, admit: (cost: ScenarioCost) => Promise<void>): Promise<ScenarioReport>;
  close(): Promise<void>;
}

export const inThisThread = (ruleBase: RuleBase): ScenarioRunner => ({
  run: (body, lang, admit) => runScenarioRequest(ruleBase, body, lang, admit),
  close: async () => {},
});
