import { describe, expect, it } from 'vitest';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { NotInForceError } from '../../src/rulebase/rulebase.ts';
import { build, bundledFiles, HOGELAND, problemsOf, textOf, variant } from '../fixtures.ts';

const ruleBase = loadRuleBase();
const hogeland = textOf(HOGELAND);
const HOGELAND_2027 = 'gemeente/GM1966-het-hogeland/2027-01-01.yaml';
const hogeland2027 = hogeland.replaceAll('2026-07-01', '2027-01-01');

describe('the bundled rule base', () => {
  it('gives every one of the ten municipalities a regulation from 2026-07-01', () => {
    expect(ruleBase.municipalities).toHaveLength(10);
    for (const m of ruleBase.municipalities) {
      expect(ruleBase.regulationOn(m.code, '2026-07-01').municipality?.code).toBe(m.code);
    }
  });

  it('marks the nine municipalities without an adopted text as concept', () => {
    const concepts = ruleBase.municipalities.filter((m) => ruleBase.regulationOn(m.code, '2026-07-01').status === 'concept');
    expect(concepts).toHaveLength(10); // Groningen's 2026 version is a concept too
    expect(ruleBase.regulationOn('GM0014', '2026-06-30').status).toBe('adopted');
  });
});

describe('choosing the version in force', () => {
  it('answers that no urgentieregeling is in force before the first version, naming it', () => {
    expect(() => ruleBase.regulationOn('GM1966', '2026-06-30')).toThrow(NotInForceError);
    try {
      ruleBase.regulationOn('GM1966', '2026-06-30');
    } catch (e) {
      expect((e as NotInForceError).next?.from).toBe('2026-07-01');
      expect((e as Error).message).toBe('Op 2026-06-30 is in Het Hogeland (GM1966) geen urgentieregeling van kracht; de eerste volgende versie geldt vanaf 2026-07-01 (concept)');
    }
  });

  it('switches Groningen from its 2019 text to the 2026 concept on 2026-07-01, and the law with it', () => {
    const before = ruleBase.regulationOn('GM0014', '2026-06-30');
    const after = ruleBase.regulationOn('GM0014', '2026-07-01');
    expect(before.chain.map((l) => l.layer)).toEqual(['wet', 'gemeente']);
    expect(before.chain[0]!.validFrom).toBe('2017-07-01');
    expect(after.chain.map((l) => l.layer)).toEqual(['wet', 'model', 'regio', 'gemeente']);
    expect(after.chain[0]).toMatchObject({ validFrom: '2026-07-01', confirmed: false });
    expect(after.status).toBe('concept');
  });

  it('picks a later version of a file set from its own valid-from date', () => {
    const rb = build(variant({ [HOGELAND_2027]: hogeland2027.replace('changes: []', "changes:\n  - { op: setParameter, parameter: geldigheidsduur, value: 4, basis: { article: '5' } }") }));
    expect(rb.regulationOn('GM1966', '2026-12-31').regulation.parameters.geldigheidsduur!.value).toBe(6);
    expect(rb.regulationOn('GM1966', '2027-01-01').regulation.parameters.geldigheidsduur!.value).toBe(4);
    expect(rb.regulationOn('GM1966', '2026-12-31').chain.at(-1)!.validUntil).toBe('2026-12-31');
  });
});

describe('versions of one file set', () => {
  it('may not overlap', () => {
    const problems = problemsOf(variant({
      [HOGELAND]: hogeland.replace('validFrom: 2026-07-01', 'validFrom: 2026-07-01\nvalidUntil: 2027-03-01'),
      [HOGELAND_2027]: hogeland2027,
    }));
    expect(problems).toEqual([expect.objectContaining({ file: HOGELAND, path: '$.validUntil', message: expect.stringMatching(/^overlapt met de versie vanaf 2027-01-01/) })]);
  });

  it('may not leave a gap', () => {
    const problems = problemsOf(variant({
      [HOGELAND]: hogeland.replace('validFrom: 2026-07-01', 'validFrom: 2026-07-01\nvalidUntil: 2026-11-30'),
      [HOGELAND_2027]: hogeland2027,
    }));
    expect(problems).toEqual([expect.objectContaining({ message: 'gat tussen 2026-11-30 en 2027-01-01: op 2026-12-01 is geen versie van gemeente/GM1966-het-hogeland van kracht' })]);
  });

  it('must find their parent in force on every day they are', () => {
    const earlier = 'gemeente/GM1966-het-hogeland/2026-01-01.yaml';
    const problems = problemsOf(variant({ [HOGELAND]: null, [earlier]: hogeland.replaceAll('2026-07-01', '2026-01-01') }));
    expect(problems[0]!.message).toBe('regio/groningen-assen heeft op 2026-01-01 geen versie van kracht (gat in de keten)');
  });
});

describe('conformance with the law in force', () => {
  it('rejects a municipality that drops a mandatory category, naming the article', () => {
    const text = hogeland.replace('changes: []', "changes:\n  - { op: removeCategory, category: mantelzorg, basis: { article: '4' } }");
    const problems = problemsOf(variant({ [HOGELAND]: text }));
    expect(problems.map((p) => p.message)).toEqual([
      "GM1966 2026-07-01 laat 'mantelzorg' vervallen, verplicht onder Huisvestingswet 2014 (Wvrv) art. 12 lid 3",
    ]);
  });

  it('allows dropping a category that the law does not require (no violation under 2017 law for uitstroom)', () => {
    const groningen2019 = bundledFiles.find((f) => f.path.startsWith('gemeente/GM0014-groningen/2019'))!;
    expect(() => build(variant({ [groningen2019.path]: groningen2019.text }))).not.toThrow();
  });

  it('rejects a binding requirement on a category the law exempts from binding', () => {
    const text = hogeland.replace('changes: []', [
      'changes:',
      '  - op: tightenCategory',
      '    category: huiselijk-geweld',
      "    basis: { article: '4' }",
      '    conditions: { fact: residence.yearsRegistered, operator: greaterThanInclusive, value: 1, binding: true }',
    ].join('\n'));
    expect(problemsOf(variant({ [HOGELAND]: text })).map((p) => p.message)).toEqual([
      "GM1966 2026-07-01 stelt een bindingseis aan 'huiselijk-geweld', verboden onder Huisvestingswet 2014 (Wvrv) art. 12 lid 5",
    ]);
  });
});

describe('the digest (receipt)', () => {
  const digestOf = (text: string) => build(variant({ [HOGELAND]: text })).regulationOn('GM1966', '2026-07-01').digest;
  const original = ruleBase.regulationOn('GM1966', '2026-07-01').digest;

  it('is a sha256 of the resolved rule base', () => {
    expect(original).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('does not change with comments, key order or formatting', () => {
    const reformatted = hogeland.replace('# Het Hogeland', '# Een ander commentaar. Het Hogeland').replace('status: concept\nconfirmed: false', 'confirmed: false\nstatus:   concept');
    expect(reformatted).not.toBe(hogeland);
    expect(digestOf(reformatted)).toBe(original);
  });

  it('changes when a rule changes', () => {
    const changed = hogeland.replace('changes: []', "changes:\n  - { op: setParameter, parameter: mantelzorg.minimumUrenPerWeek, value: 10, basis: { article: '4' } }");
    expect(digestOf(changed)).not.toBe(original);
  });

  it('differs between municipalities that adopt the same model (the chain is part of the receipt)', () => {
    expect(ruleBase.regulationOn('GM1952', '2026-07-01').digest).not.toBe(original);
  });
});
