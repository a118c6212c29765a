// npm run decision-hash: one sha256 over 6,000 seeded decisions — every resolved regulation (model,
// regions, municipalities, every period), in Dutch and English, by json-rules-engine, `direct` and the
// bulk path. A refactoring that must not change what is decided prints the same hash before and after.
import { createHash } from 'node:crypto';
import type { Case } from '../src/case/schema.ts';
import { Evaluator } from '../src/engine/evaluator.ts';
import { compileFast } from '../src/engine/fast.ts';
import { loadRuleBase } from '../src/rulebase/load.ts';
import { addDays } from '../src/rulebase/dates.ts';
import { generatePopulation } from '../src/scenario/population/generator.ts';

const TOTAL = 6000;
const ruleBase = loadRuleBase();
const regulations = [...ruleBase.periods.values()].flat();
const perRegulation = Math.ceil(TOTAL / regulations.length / 2);
const engines = { 'json-rules-engine': new Evaluator(ruleBase, 'json-rules-engine'), direct: new Evaluator(ruleBase, 'direct') };

const hash = createHash('sha256');
let decisions = 0;
let n = 0;
for (const regulation of regulations) {
  const fast = compileFast(regulation);
  const cases = [...generatePopulation({ size: perRegulation, seed: 14 + n++ })].map((row, i): Case => ({
    ...row.case,
    // Spread over the period's first year, and over its last day where it has one.
    applicationDate: regulation.until && i % 5 === 0 ? regulation.until : addDays(regulation.from, (i * 37) % 365),
  }));
  for (const c of cases) {
    for (const lang of ['nl', 'en'] as const) {
      const byEngine = await engines['json-rules-engine'].evaluateUnder(regulation, c, { lang });
      const byDirect = await engines.direct.evaluateUnder(regulation, c, { lang });
      const a = JSON.stringify(byEngine);
      if (a !== JSON.stringify(byDirect)) throw new Error(`direct differs from json-rules-engine in ${regulation.set} for ${JSON.stringify(c)}`);
      hash.update(a);
      decisions++;
    }
    hash.update(JSON.stringify(fast.decide(c, c.applicationDate!)));
  }
}
console.log(`${decisions} decisions over ${regulations.length} regulations: sha256:${hash.digest('hex')}`);
