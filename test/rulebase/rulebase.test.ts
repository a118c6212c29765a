import { describe, expect, it } from 'vitest';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { NotInForceError } from '../../src/rulebase/rulebase.ts';
import { build, bundledFiles, HOGELAND, problemsOf, textOf, variant } from '../fixtures.ts';

const ruleBase = loadRuleBase();
const hogeland = textOf(HOGELAND);
const HOGELAND_2027 = 'gemeente/GM1966-het-hogeland/2027-01-01.yaml';
const hogeland2027 = hogeland.replaceAll('2026-07-01', '2027-01-01');

describe('the bundled rule base', () => {
  it('has a concept from 2026-07-01 for every one of the ten municipalities', () => {
    expect(ruleBase.municipalities).toHaveLength(10);
    for (const m of ruleBase.municipalities) {
      expect(ruleBase.regulationOn(m.code, '2026-07-01', { concept: true })).toMatchObject({ municipality: { code: m.code }, status: 'concept' });
    }
  });

  it('has an adopted urgentieregeling only in Groningen (Hvw art. 51 lid 10: the others have none in force)', () => {
    const adopted = ruleBase.municipalities.filter((m) => {
      try {
        return ruleBase.regulationOn(m.code, '2026-09-01').status === 'adopted';
      } catch (e) {
        if (e instanceof NotInForceError) return false;
        throw e;
      }
    });
    expect(adopted.map((m) => m.code)).toEqual(['GM0014']);
  });
});

describe('choosing the version in force', () => {
  it('answers that no urgentieregeling is in force before the first version, naming it', () => {
    expect(() => ruleBase.regulationOn('GM1966', '2026-06-30', { concept: true })).toThrow(NotInForceError);
    try {
      ruleBase.regulationOn('GM1966', '2026-06-30', { concept: true });
    } catch (e) {
      expect((e as NotInForceError).next?.from).toBe('2026-07-01');
      // Under the 2017 text a scheme was optional: no article gives a term, so none is cited.
      expect((e as Error).message).toBe('Op 2026-06-30 is in Het Hogeland (GM1966) geen urgentieregeling van kracht: de gemeenteraad heeft er geen vastgesteld; de eerste volgende versie geldt vanaf 2026-07-01 (concept)');
    }
  });

  it('keeps Groningen under its 2025 verordening on 2026-07-01, and changes the law under it (Hvw art. 51 lid 10)', () => {
    const before = ruleBase.regulationOn('GM0014', '2026-06-30');
    const after = ruleBase.regulationOn('GM0014', '2026-07-01');
    expect([before.chain.at(-1)!.file, after.chain.at(-1)!.file]).toEqual(['gemeente/GM0014-groningen/2025-05-20.yaml', 'gemeente/GM0014-groningen/2025-05-20.yaml']);
    expect([before.chain[0]!.validFrom, after.chain[0]!.validFrom]).toEqual(['2017-07-01', '2026-07-01']);
    expect(after.chain[0]).toMatchObject({ confirmed: true, status: 'adopted' });
    expect(ruleBase.regulationOn('GM0014', '2026-07-01', { concept: true }).chain.map((l) => l.layer)).toEqual(['wet', 'model', 'regio', 'gemeente']);
  });

  it('ends the 2019 verordening after four years (Hvw art. 4) and encodes nothing until 2025-05-20', () => {
    expect(ruleBase.regulationOn('GM0014', '2023-07-31').chain.at(-1)!.title).toContain('2019');
    for (const date of ['2023-08-01', '2025-05-19']) {
      expect(() => ruleBase.regulationOn('GM0014', date)).toThrow(/geen verordening in de regelbase opgenomen; de vorige versie gold tot en met 2023-07-31/);
    }
    expect(ruleBase.regulationOn('GM0014', '2025-05-20').chain.at(-1)!.title).toContain('2025');
  });

  it('picks a later version of a file set from its own valid-from date', () => {
    const rb = build(variant({ [HOGELAND_2027]: hogeland2027.replace('changes: []', "changes:\n  - { op: setParameter, parameter: geldigheidsduur, value: 4, basis: { article: '5' } }") }));
    expect(rb.regulationOn('GM1966', '2026-12-31', { concept: true }).regulation.parameters.geldigheidsduur!.value).toBe(6);
    expect(rb.regulationOn('GM1966', '2027-01-01', { concept: true }).regulation.parameters.geldigheidsduur!.value).toBe(4);
    expect(rb.regulationOn('GM1966', '2026-12-31', { concept: true }).chain.at(-1)!.validUntil).toBe('2026-12-31');
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

  it('may leave a gap: for those dates no version is encoded', () => {
    const rb = build(variant({
      [HOGELAND]: hogeland.replace('validFrom: 2026-07-01', 'validFrom: 2026-07-01\nvalidUntil: 2026-11-30'),
      [HOGELAND_2027]: hogeland2027,
    }));
    expect(() => rb.regulationOn('GM1966', '2026-12-01', { concept: true })).toThrow(NotInForceError);
    expect(rb.regulationOn('GM1966', '2027-01-01', { concept: true }).from).toBe('2027-01-01');
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
      "GM1966 2026-07-01 laat 'mantelzorg' vervallen, verplicht onder Huisvestingswet 2014 art. 12 lid 3 onder a",
    ]);
  });

  it('allows dropping a category that the law does not require (no violation under 2017 law for uitstroom)', () => {
    const groningen2019 = bundledFiles.find((f) => f.path.startsWith('gemeente/GM0014-groningen/2019'))!;
    expect(() => build(variant({ [groningen2019.path]: groningen2019.text }))).not.toThrow();
  });

  it('rejects a binding condition written into a statutory category (Hvw art. 14 lid 6)', () => {
    const text = hogeland.replace('changes: []', [
      'changes:',
      '  - op: tightenCategory',
      '    category: huiselijk-geweld',
      "    basis: { article: '4' }",
      '    conditions: { fact: residence.yearsRegistered, operator: greaterThanInclusive, value: 1, subject: binding }',
    ].join('\n'));
    expect(problemsOf(variant({ [HOGELAND]: text })).map((p) => p.message)).toEqual([
      "GM1966 2026-07-01 stelt aan 'huiselijk-geweld' een eis over binding, verboden onder Huisvestingswet 2014 art. 14 lid 6",
    ]);
  });
});

describe('the digest (receipt)', () => {
  const digestOf = (text: string) => build(variant({ [HOGELAND]: text })).regulationOn('GM1966', '2026-07-01', { concept: true }).digest;
  const original = ruleBase.regulationOn('GM1966', '2026-07-01', { concept: true }).digest;

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
    expect(ruleBase.regulationOn('GM1952', '2026-07-01', { concept: true }).digest).not.toBe(original);
  });
});
