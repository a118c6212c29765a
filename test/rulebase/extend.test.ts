// One more rule file on a built rule base: placed where its layer and jurisdiction belong, checked like
// the rest, its problems named by where the file really is; the rule base it extends is left as it was.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withFile } from '../../src/rulebase/extend.ts';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { RuleBaseError } from '../../src/rulebase/problems.ts';
import { build, HOGELAND, textOf, variant } from '../fixtures.ts';

const example = readFileSync(new URL('../../examples/local-change/2027-01-01.yaml', import.meta.url), 'utf8');
const ruleBase = loadRuleBase();

describe('withFile', () => {
  it('adds a new version of a municipality, as if it lay in its folder', () => {
    const extended = withFile(ruleBase, { path: 'drafts/hogeland.yaml', text: example });
    const expected = build(variant({ 'gemeente/GM1966-het-hogeland/2027-01-01.yaml': example }));
    expect(extended.regulationOn('GM1966', '2027-02-01', { concept: true }).digest).toBe(expected.regulationOn('GM1966', '2027-02-01', { concept: true }).digest);
    expect(() => ruleBase.regulationOn('GM1966', '2027-02-01', { concept: true })).not.toThrow();
    expect(ruleBase.regulationOn('GM1966', '2027-02-01', { concept: true }).digest).not.toBe(extended.regulationOn('GM1966', '2027-02-01', { concept: true }).digest);
  });

  it('replaces the version with the same validFrom', () => {
    const text = textOf(HOGELAND).replace('changes: []', "changes:\n  - { op: setParameter, parameter: mantelzorg.minimumUrenPerWeek, value: 10, basis: { article: '2.6' } }");
    const extended = withFile(ruleBase, { path: 'draft.yaml', text });
    expect(extended.periodsOf('GM1966').length).toBe(ruleBase.periodsOf('GM1966').length);
    expect(extended.regulationOn('GM1966', '2026-08-01', { concept: true }).digest).toBe(build(variant({ [HOGELAND]: text })).regulationOn('GM1966', '2026-08-01', { concept: true }).digest);
  });

  it('names problems of the added file by its own path', () => {
    const broken = textOf(HOGELAND).replace('changes: []', "changes:\n  - { op: removeCategory, category: medisch, basis: { article: '2.7' } }");
    let error: unknown;
    try {
      withFile(ruleBase, { path: 'drafts/broken.yaml', text: broken });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleBaseError);
    expect((error as RuleBaseError).problems).toEqual([expect.objectContaining({ file: 'drafts/broken.yaml', message: expect.stringMatching(/laat 'medisch' vervallen/) })]);
  });
});
