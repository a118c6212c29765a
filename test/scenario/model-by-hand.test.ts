// The bench's floor (a hand-written function of the model rules) must decide as the compiled path does,
// or the comparison means nothing.
import { describe, expect, it } from 'vitest';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { compileFast } from '../../src/engine/fast.ts';
import { generatePopulation } from '../../src/scenario/population/generator.ts';
import { CATEGORIES, modelByHand } from '../../bench/model-by-hand.ts';
import { modelParams } from '../../bench/model-params.ts';

describe('hand-written model rules (bench floor)', () => {
  it('agree with the compiled path on 50,000 generated cases', () => {
    const regulation = loadRuleBase().regulationOn('GM1966', '2026-08-01');
    const fast = compileFast(regulation);
    expect(fast.categories).toEqual(CATEGORIES);
    const p = fast.paramsOn('2026-08-01');
    const hand = modelParams(regulation, '2026-08-01');
    let differ = 0;
    for (const row of generatePopulation({ size: 50_000, seed: 3 })) if (fast.code(row.case, p) !== modelByHand(row.case, hand)) differ++;
    expect(differ).toBe(0);
  });
});
