// How the engine applies what a law says, on a small rule base in memory (law-mechanics.fixture.ts): the
// law's own conditions of a statutory category, exemptions by subject (Hvw art. 14 lid 6, 15 lid 3 and
// 5), regional binding, adopted and concept tracks (art. 51 lid 10) and the four-year term (art. 4).
import { describe, expect, it } from 'vitest';
import { Evaluator } from '../../src/engine/evaluator.ts';
import { NotInForceError } from '../../src/rulebase/rulebase.ts';
import { RuleBaseError } from '../../src/rulebase/problems.ts';
import type { Case } from '../../src/case/schema.ts';
import { buildMini, veendam, verordening } from './law-mechanics.fixture.ts';

const base: Case = {
  applicationDate: '2026-09-01',
  applicant: { age: 30, lawfulResidence: true },
  income: { annualHousehold: 30000 },
  residence: { yearsRegistered: 5, yearsIndependent: 3, boundToRegion: true },
};
const violence: Case = { ...base, grounds: { opvang: { granted: true, reason: 'huiselijk-geweld', leaving: true } } };
const local: Case = { ...base, grounds: { acuteEmergency: { confirmed: true } } };

const decide = (c: Case, files = [veendam()], options: { concept?: boolean } = {}) =>
  new Evaluator(buildMini(...files)).evaluate(c, 'GM0047', options);

function rejected(files: Parameters<typeof buildMini>) {
  try {
    buildMini(...files);
  } catch (e) {
    if (e instanceof RuleBaseError) return e.problems;
    throw e;
  }
  throw new Error('expected the rule base to be rejected');
}

describe('the law\'s own conditions of a statutory category (lower layers may add, not widen)', () => {
  it('applies them although the verordening does not repeat them: 23 is outside letter g', async () => {
    const c = (age: number): Case => ({ ...base, applicant: { age, lawfulResidence: true }, grounds: { outflow: { from: 'jeugdhulp' } } });
    expect((await decide(c(22))).outcome).toBe('urgent');
    expect((await decide(c(23))).outcome).toBe('not-urgent');
  });
  it('asks for the law\'s fact when it is missing: leaving the opvang (letter d)', async () => {
    const d = await decide({ ...base, grounds: { opvang: { granted: true, reason: 'huiselijk-geweld' } } });
    expect(d.outcome).toBe('undetermined');
    expect(d.missingFacts.map((m) => m.fact)).toEqual(['grounds.opvang.leaving']);
  });
});

describe('exemptions by subject', () => {
  it('does not refuse letter d on income (art. 15 lid 5), but does a local category', async () => {
    const rich = { annualHousehold: 60000 };
    expect((await decide({ ...violence, income: rich })).outcome).toBe('urgent');
    expect((await decide({ ...local, income: rich })).outcome).toBe('not-urgent');
  });
  it('says in the reasoning which requirement does not apply and why', async () => {
    const d = await decide({ ...violence, income: { annualHousehold: 60000 } });
    expect(d.reasoning.categories.find((x) => x.id === 'geweld')!.note).toContain("De eis 'Inkomen' geldt niet voor deze categorie (Testwet art. 15 lid 5)");
  });
  it('does not apply a housing-history requirement to statutory categories (art. 15 lid 3), but to local ones', async () => {
    const fresh = { ...base.residence, yearsIndependent: 0 };
    expect((await decide({ ...violence, residence: fresh })).outcome).toBe('urgent');
    expect((await decide({ ...local, residence: fresh })).outcome).toBe('not-urgent');
  });
});

describe('conformance: what the law forbids may not be written into a statutory category', () => {
  it('rejects an income condition inside letter d, naming the article', () => {
    const text = verordening().replace('conditions: { fact: grounds.opvang.granted, operator: equal, value: true }',
      'conditions: { all: [{ fact: grounds.opvang.granted, operator: equal, value: true }, { fact: income.annualHousehold, operator: lessThan, value: 40000, subject: income }] }');
    expect(rejected([veendam('2026-07-01', text)]).map((p) => p.message))
      .toEqual(["GM0047 2026-07-01 stelt aan 'geweld' een eis over het inkomen, verboden onder Testwet art. 15 lid 5"]);
  });
});

describe('binding (art. 14 lid 6): the woningmarktregio for statutory categories, the municipality for local ones', () => {
  const newcomer = (c: Case, boundToRegion?: boolean): Case => ({ ...c, residence: { yearsRegistered: 0, yearsIndependent: 3, ...(boundToRegion !== undefined && { boundToRegion }) } });
  it('decides a statutory category on regional binding, not on years registered', async () => {
    expect((await decide(newcomer(violence, true))).outcome).toBe('urgent');
    expect((await decide(newcomer(violence, false))).outcome).toBe('not-urgent');
    const open = await decide(newcomer(violence));
    expect([open.outcome, open.missingFacts.map((m) => m.fact)]).toEqual(['undetermined', ['residence.boundToRegion']]);
  });
  it('keeps municipal binding for a local category', async () => {
    expect((await decide(newcomer(local, true))).outcome).toBe('not-urgent');
  });
  it('reads art. 14 lid 6 the other way when the regulation says so: municipal binding stays', async () => {
    const files = [veendam('2026-07-01', verordening({ regional: false }))];
    expect((await decide(newcomer(violence, true), files)).outcome).toBe('not-urgent');
    expect((await decide(newcomer(violence, false), [veendam('2026-07-01', verordening({ regional: false }))])).reasoning.requirements.map((r) => r.id))
      .not.toContain('binding-woningmarktregio');
  });
  it('shows art. 16 in the facts of the category', () => {
    const p = buildMini(veendam()).regulationOn('GM0047', '2026-09-01');
    expect(p.categoryFacts.get('geweld')!.bindingShield).toEqual(expect.objectContaining({ article: '16' }));
    expect(p.categoryFacts.get('lokaal')!.bindingShield).toBeUndefined();
  });
});

describe('adopted and concept (art. 51 lid 10)', () => {
  const concept = veendam('2026-07-01', verordening({ status: 'concept', validUntil: null }));
  it('has no scheme in force without an adopted version, names the article and the concept', () => {
    const rb = buildMini(concept);
    let error: unknown;
    try {
      rb.regulationOn('GM0047', '2026-09-01');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotInForceError);
    const e = error as NotInForceError;
    expect([e.reason, e.concept?.status]).toEqual(['no-scheme', 'concept']);
    expect(e.message).toContain('Testwet art. 51 lid 10');
    expect(e.message).toContain("het concept 'Testverordening 2026-07-01' kan worden gesimuleerd");
  });
  it('simulates the concept only on request', async () => {
    await expect(decide(violence, [concept])).rejects.toBeInstanceOf(NotInForceError);
    expect((await decide(violence, [concept], { concept: true })).regulation.status).toBe('concept');
  });
  it('decides under the adopted version while a concept runs beside it', async () => {
    const files = [veendam('2026-07-01'), veendam('2026-10-01', verordening({ validFrom: '2026-10-01', status: 'concept', validUntil: null }))];
    expect((await decide(violence, files)).regulation.status).toBe('adopted');
    expect((await decide({ ...violence, applicationDate: '2026-11-01' }, files)).regulation.status).toBe('adopted');
    expect((await decide({ ...violence, applicationDate: '2026-11-01' }, files, { concept: true })).regulation.status).toBe('concept');
  });
  it('says that no verordening is encoded for a date between two adopted versions', () => {
    const rb = buildMini(veendam('2026-07-01', verordening({ validUntil: '2026-12-31' })), veendam('2027-03-01', verordening({ validFrom: '2027-03-01', validUntil: '2031-02-28' })));
    expect(() => rb.regulationOn('GM0047', '2027-02-01')).toThrow(/Voor 2027-02-01 is in Veendam \(GM0047\) geen verordening in de regelbase opgenomen; de vorige versie gold tot en met 2026-12-31/);
    expect(rb.regulationOn('GM0047', '2027-03-01').from).toBe('2027-03-01');
  });
});

describe('a verordening runs at most four years (Hvw art. 4)', () => {
  it('accepts validUntil on the last day of the fourth year', () => {
    expect(() => buildMini(veendam('2026-07-01', verordening({ validUntil: '2030-06-30' })))).not.toThrow();
  });
  it('rejects one day more, naming file, line and the last day allowed', () => {
    const problems = rejected([veendam('2026-07-01', verordening({ validUntil: '2030-07-01' }))]);
    expect(problems).toEqual([expect.objectContaining({
      file: 'gemeente/GM0047-veendam/2026-07-01.yaml', line: 5, path: '$.validUntil',
      message: expect.stringContaining('uiterlijk tot en met 2030-06-30'),
    })]);
  });
  it('rejects an adopted verordening without an end', () => {
    expect(rejected([veendam('2026-07-01', verordening({ validUntil: null }))])[0]!.message).toMatch(/ten hoogste vier jaar .*art\. 4.*uiterlijk 2030-06-30/);
  });
});

describe('facts derived from dates (derive.ts)', () => {
  it('measures an age from the date of birth on the application date (22 the day before the 23rd birthday)', async () => {
    const c = (applicationDate: string): Case => ({ ...base, applicationDate, applicant: { dateOfBirth: '2004-09-02', lawfulResidence: true }, grounds: { outflow: { from: 'jeugdhulp' } } });
    expect((await decide(c('2027-09-01'))).outcome).toBe('urgent');
    expect((await decide(c('2027-09-02'))).outcome).toBe('not-urgent');
  });
  it('counts someone as leaving when the leaving date is not before the application date', async () => {
    const c = (leavingDate: string): Case => ({ ...violence, grounds: { opvang: { granted: true, reason: 'huiselijk-geweld', leavingDate } } });
    expect((await decide(c('2026-09-01'))).outcome).toBe('urgent');
    expect((await decide(c('2026-08-31'))).outcome).toBe('not-urgent');
  });
});
