// What the scenario pool and its worker threads say to each other. An ApiProblem crosses as its fields
// (structured clone keeps no class), and an unexpected error as its name and stack, never its message.
import { ApiProblem } from '../../http/problem.ts';
import type { Lang } from '../../rulebase/lang.ts';
import type { ScenarioReport } from '../../scenario/model/report-schema.ts';
import type { ScenarioCost } from '../../scenario/run/cost.ts';

export type WireProblem = Pick<ApiProblem, 'status' | 'slug' | 'title' | 'detail' | 'extra' | 'headers'>;

export const toWire = (p: ApiProblem): WireProblem =>
  ({ status: p.status, slug: p.slug, title: p.title, detail: p.detail, extra: p.extra, headers: p.headers });
export const fromWire = (p: WireProblem): ApiProblem => new ApiProblem(p.status, p.slug, p.title, p.detail, p.extra, p.headers);

export type ToWorker =
  | { kind: 'run'; id: number; lang: Lang; body: ArrayBuffer }
  | { kind: 'admitted'; id: number }
  | { kind: 'refused'; id: number; problem: WireProblem };

export type FromWorker =
  | { kind: 'cost'; id: number; cost: ScenarioCost }
  | { kind: 'report'; id: number; report: ScenarioReport }
  | { kind: 'problem'; id: number; problem: WireProblem }
  | { kind: 'failed'; id: number; name: string; stack?: string };
