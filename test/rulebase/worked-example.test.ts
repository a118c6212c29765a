// The README's worked example of a local change really does what the README says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/engine/evaluator.ts';
import { build, problemsOf, variant } from '../fixtures.ts';
import { mantelzorg } from '../engine/cases.ts';

const example = readFileSync(new URL('../../examples/local-change/2027-01-01.yaml', import.meta.url), 'utf8');
const path = 'gemeente/GM1966-het-hogeland/2027-01-01.yaml';

describe('worked example: Het Hogeland asks 10 hours of mantelzorg from 2027', () => {
  const evaluator = new Evaluator(build(variant({ [path]: example })));
  const nineHours = { ...mantelzorg({ hoursPerWeek: 9 }), applicationDate: '2027-01-04', income: { annualHousehold: 30000 } };

  it('still gives 9 hours urgency on the last day of the 2026 concept', async () => {
    expect((await evaluator.evaluate({ ...nineHours, applicationDate: '2026-12-31' }, 'GM1966')).outcome).toBe('urgent');
  });

  it('refuses 9 hours from 2027-01-01, with the sentence, the new chain and a new digest', async () => {
    const d = await evaluator.evaluate(nineHours, 'GM1966');
    expect(d.outcome).toBe('not-urgent');
    const hours = d.reasoning.categories.find((t) => t.id === 'mantelzorg')!.conditions.children![0]!;
    expect(hours.sentence).toBe('U verleent of ontvangt 9 uur mantelzorg per week; vereist is minimaal 10 uur (art. 2.6 lid 1 onder a)');
    expect(d.regulation.chain.at(-1)).toMatchObject({ file: path, validFrom: '2027-01-01' });
  });

  it('is rejected if it drops mantelzorg, naming the article', () => {
    const dropping = example.replace('changes:', "changes:\n  - { op: removeCategory, category: mantelzorg, basis: { article: '2.6' } }");
    expect(problemsOf(variant({ [path]: dropping }))[0]!.message).toBe("GM1966 2027-01-01 laat 'mantelzorg' vervallen, verplicht onder Huisvestingswet 2014 (Wvrv) art. 12 lid 3");
  });
});
