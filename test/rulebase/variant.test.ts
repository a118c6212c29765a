import { describe, expect, it } from 'vitest';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { applyVariant } from '../../src/rulebase/variant.ts';
import { Evaluator } from '../../src/engine/evaluator.ts';
import { mantelzorg } from '../engine/cases.ts';

const ruleBase = loadRuleBase();
const evaluator = new Evaluator(ruleBase);
const base = ruleBase.regulationOn('GM1966', '2026-08-01', { concept: true });
const basis = { article: '1' };

describe('a variant over a resolved regulation', () => {
  it('applies changes in the change language and is evaluated like any regulation', async () => {
    const { regulation, problems } = applyVariant(base, [{ op: 'setParameter', parameter: 'mantelzorg.minimumUrenPerWeek', value: 10, basis }], '10 uur');
    expect(problems).toEqual([]);
    const nine = mantelzorg({ hoursPerWeek: 9 });
    expect((await evaluator.evaluateUnder(base, nine)).outcome).toBe('urgent');
    expect((await evaluator.evaluateUnder(regulation!, nine)).outcome).toBe('not-urgent');
    expect(regulation!.digest).not.toBe(base.digest);
    expect(regulation!.status).toBe('concept');
  });

  it('is refused with the same conformance message as a rule file when it breaks the law', () => {
    const { regulation, problems } = applyVariant(base, [{ op: 'removeCategory', category: 'medisch', basis }], 'zonder medisch');
    expect(regulation).toBeUndefined();
    expect(problems).toEqual([{ path: '$', message: "zonder medisch laat 'medisch' vervallen, verplicht onder Huisvestingswet 2014 art. 12 lid 3 onder b" }]);
  });

  it('names the change that does not fit', () => {
    const { problems } = applyVariant(base, [{ op: 'removeRefusalGround', refusalGround: 'schulden', basis }], 'x');
    expect(problems).toEqual([{ path: '$[0].refusalGround', message: "weigeringsgrond 'schulden' bestaat niet in de bovenliggende regeling" }]);
  });

  it('leaves the baseline untouched', () => {
    applyVariant(base, [{ op: 'setParameter', parameter: 'geldigheidsduur', value: 1, basis }], 'x');
    expect(base.regulation.parameters.geldigheidsduur!.value).toBe(6);
  });
});
