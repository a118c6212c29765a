// The direct runner (engine/direct.ts) must give exactly the decisions json-rules-engine gives: every
// field, reasoning and missing facts included, for adversarial cases under every regulation.
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/engine/evaluator.ts';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { random } from '../../src/scenario/population/prng.ts';
import { adversarialCase, nearEligibleCase, thresholds } from '../scenario/adversarial.ts';

const ruleBase = loadRuleBase();
const reference = new Evaluator(ruleBase, 'json-rules-engine');
const direct = new Evaluator(ruleBase, 'direct');
const limits = thresholds(ruleBase);

describe('direct runner', () => {
  for (const [code, periods] of ruleBase.periods) {
    for (const regulation of periods) {
      it(`equals json-rules-engine on 150 cases: ${code} from ${regulation.from}`, async () => {
        const rnd = random(11);
        for (let i = 0; i < 150; i++) {
          const c = i % 2 ? adversarialCase(rnd, limits) : nearEligibleCase(rnd, limits);
          const lang = i % 3 ? 'nl' : 'en';
          const options = { lang, date: regulation.from } as const;
          expect(await direct.evaluateUnder(regulation, c, options), `case ${i}: ${JSON.stringify(c)}`)
            .toEqual(await reference.evaluateUnder(regulation, c, options));
        }
      });
    }
  }

  it('refuses an unknown engine at start-up of the server', async () => {
    const { serve } = await import('../../src/cli/serve.ts');
    expect(await serve(['--engine', 'fast'], {})).toBe(2);
  });
});
