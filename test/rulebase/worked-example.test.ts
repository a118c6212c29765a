// The README's worked example of a local change really does what the README says. Het Hogeland has no
// adopted scheme (Hvw art. 51 lid 10): both its 2026 concept and the example are simulated (concept: true).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/engine/evaluator.ts';
import { NotInForceError } from '../../src/rulebase/rulebase.ts';
import { build, problemsOf, variant } from '../fixtures.ts';
import { mantelzorg } from '../engine/cases.ts';

const example = readFileSync(new URL('../../examples/local-change/2027-01-01.yaml', import.meta.url), 'utf8');
const path = 'gemeente/GM1966-het-hogeland/2027-01-01.yaml';

describe('worked example: Het Hogeland asks 10 hours of mantelzorg from 2027', () => {
  const evaluator = new Evaluator(build(variant({ [path]: example })));
  const base = mantelzorg({ hoursPerWeek: 9 });
  // Mantelzorg is letter a: binding may be asked only to the woningmarktregio (Hvw art. 14 lid 6).
  const nineHours = { ...base, applicationDate: '2027-01-04', income: { annualHousehold: 30000 }, residence: { ...base.residence, boundToRegion: true } };
  const simulate = { concept: true };

  it('decides nothing without asking for the concept (Hvw art. 51 lid 10)', async () => {
    await expect(evaluator.evaluate(nineHours, 'GM1966')).rejects.toThrow(NotInForceError);
  });

  it('still gives 9 hours urgency on the last day of the 2026 concept', async () => {
    expect((await evaluator.evaluate({ ...nineHours, applicationDate: '2026-12-31' }, 'GM1966', simulate)).outcome).toBe('urgent');
  });

  it('refuses 9 hours from 2027-01-01, with the sentence, the new chain and a new digest', async () => {
    const d = await evaluator.evaluate(nineHours, 'GM1966', simulate);
    expect(d.outcome).toBe('not-urgent');
    // The category's conditions are the law's own (letter a) AND the municipality's; the hours are the latter's first.
    const hours = d.reasoning.categories.find((t) => t.id === 'mantelzorg')!.conditions.children![1]!.children![0]!;
    expect(hours.sentence).toBe('U verleent of ontvangt 9 uur mantelzorg per week; vereist is minimaal 10 uur (art. 2.6 lid 1 onder a)');
    expect(d.regulation.chain.at(-1)).toMatchObject({ file: path, validFrom: '2027-01-01' });
  });

  it('is rejected if it drops mantelzorg, naming the article', () => {
    const dropping = example.replace('changes:', "changes:\n  - { op: removeCategory, category: mantelzorg, basis: { article: '2.6' } }");
    expect(problemsOf(variant({ [path]: dropping }))[0]!.message).toBe("GM1966 2027-01-01 laat 'mantelzorg' vervallen, verplicht onder Huisvestingswet 2014 art. 12 lid 3 onder a");
  });
});
