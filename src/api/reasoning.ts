// ?reasoning= on the evaluation endpoints. `full` (the default) answers with the reasoning per test and
// condition, for staff who show an applicant why. `none` leaves it out: an allocation system that needs
// the outcome, the category, the priority and the articles that decide them gets about a tenth of the
// bytes (a batch of 1,000 decisions is about 18 MB in full), and the server serialises that much less.
import { z } from 'zod';
import type { Decision } from '../engine/decision.ts';
import type { EvaluationDecision } from './schemas.ts';

export const REASONING = ['full', 'none'] as const;
export type Reasoning = (typeof REASONING)[number];

export const EvaluationQuery = z.object({
  reasoning: z.enum(REASONING).default('full'),
  concept: z.enum(['true', 'false']).default('false').transform((v) => v === 'true')
    .describe('true: simulate the municipality\'s concept on the date where there is one (never a decision)'),
});

/** The decision as answered: without its reasoning when none was asked for. */
export function answer(decision: Decision, reasoning: Reasoning): EvaluationDecision {
  if (reasoning === 'full') return decision;
  const { reasoning: _left, ...rest } = decision;
  return rest;
}
