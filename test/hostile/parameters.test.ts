// Issue 16, finding 10: a parameter's value fits its unit (type and range) in a rule file, in a layer's
// setParameter and in a scenario alike — a threshold of "abc" or 1e308 made a statutory category silently
// never match —, scenario changes get the checks a rule file's changes get, and a `__proto__` key in the
// vacancies is refused with its path instead of dropped.
import { describe, expect, it } from 'vitest';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { withFile } from '../../src/rulebase/extend.ts';
import { RuleBaseError, type Problem } from '../../src/rulebase/problems.ts';
import type { SourceFile } from '../../src/rulebase/rulebase.ts';
import { UNITS, REFERENCE_DATES, parameterProblems } from '../../src/rulebase/units.ts';
import { deriveFacts } from '../../src/engine/derive.ts';
import { Scenario, Vacancies } from '../../src/scenario/model/schema.ts';
import { parseScenario, parseVacancies } from '../../src/scenario/model/files.ts';
import { runScenario } from '../../src/scenario/run-scenario.ts';
import { ScenarioError } from '../../src/scenario/run/sides.ts';
import { buildMini, verordening, veendam } from '../rulebase/law-mechanics.fixture.ts';
import { HOGELAND, textOf } from '../fixtures.ts';
import { auth, client, makeApp } from '../api/helpers.ts';

const label = "{ nl: 'x', en: 'x' }";
const HOURS = 'mantelzorg.minimumUrenPerWeek';

/** Veendam's full text (law-mechanics fixture) with one more parameter, written as the YAML lines given. */
const withParameter = (lines: string): SourceFile =>
  veendam('2026-07-01', verordening().replace('\n  requirements:', `\n    extra:\n${lines.replace(/^/gm, '      ')}\n  requirements:`));
const param = (unit: string, rest: string) => withParameter(`label: ${label}\nunit: ${unit}\nbasis: { article: '1' }\n${rest}`);

function refused(file: SourceFile): Problem[] {
  try {
    buildMini(file);
  } catch (e) {
    if (e instanceof RuleBaseError) return e.problems;
    throw e;
  }
  throw new Error('expected the rule base to be rejected');
}
const loads = (file: SourceFile) => expect(() => buildMini(file)).not.toThrow();
const lineOf = (file: SourceFile, text: string) => file.text.split('\n').findIndex((l) => l.includes(text)) + 1;

describe('a parameter in a rule file fits its unit (voorrang validate)', () => {
  it('refuses "tien" uur/week with file, line, column, and a message naming parameter, unit and range', () => {
    const file = param('uur/week', 'value: tien');
    expect(refused(file)).toEqual([{
      file: 'gemeente/GM0047-veendam/2026-07-01.yaml', line: lineOf(file, 'value: tien'), column: 14,
      path: '$.regulation.parameters.extra.value',
      message: `parameter 'extra' (uur/week): "tien" is niet toegestaan; de waarde moet een getal van 0 tot en met 168 zijn`,
    }]);
  });

  it('uur/week: 168 (a whole week) loads, 168.5 is refused', () => {
    loads(param('uur/week', 'value: 168'));
    expect(refused(param('uur/week', 'value: 168.5'))[0]!.message).toContain('168.5 is niet toegestaan');
  });

  it('maanden: 0 loads, -1 and -4 are refused, and so is 1.5 (a whole number of months)', () => {
    loads(param('maanden', 'value: 0'));
    for (const v of ['-1', '-4', '1.5']) {
      expect(refused(param('maanden', `value: ${v}`))[0]!.message).toBe(`parameter 'extra' (maanden): ${v} is niet toegestaan; de waarde moet een geheel getal van 0 tot en met 120 zijn`);
    }
  });

  it('refuses 1e308 for every numeric unit, and YAML\'s .inf and .nan', () => {
    for (const [unit, s] of Object.entries(UNITS)) {
      if (s.type === 'number' || s.type === 'integer') expect(refused(param(unit, 'value: 1e308'))).toHaveLength(1);
    }
    expect(refused(param('km', 'value: .inf'))[0]!.message).toContain('oneindig (.inf) is niet toegestaan');
    expect(refused(param('km', 'value: -.inf'))[0]!.message).toContain('-oneindig (-.inf) is niet toegestaan');
    expect(refused(param('km', 'value: .nan'))[0]!.message).toContain('geen getal (.nan) is niet toegestaan');
  });

  it('checks every dated value, naming the one out of range', () => {
    const file = param('euro/jaar', 'values:\n  - { from: 2026-01-01, until: 2026-12-31, value: 51537 }\n  - { from: 2027-01-01, value: -1 }');
    expect(refused(file)).toMatchObject([{ path: '$.regulation.parameters.extra.values[1].value', line: lineOf(file, 'value: -1') }]);
  });

  it('ja/nee takes a boolean only, peildatum one of the dates the engine measures age on', () => {
    loads(param('ja/nee', 'value: false'));
    expect(refused(param('ja/nee', 'value: 1'))[0]!.message).toContain('ja of nee (true of false)');
    for (const d of REFERENCE_DATES) loads(param('peildatum', `value: ${d}`));
    expect(refused(param('peildatum', 'value: geboortedatum'))[0]!.message).toContain("een van 'aanvraagdatum', 'vertrekdatum'");
  });

  it('the reference dates are the ones derive.ts distinguishes: age on the leaving date, else on the application date', () => {
    const c = { applicationDate: '2026-09-01', applicant: { dateOfBirth: '2003-08-15' }, grounds: { outflow: { leavingDate: '2026-08-01' } } };
    const age = (peildatum: string) => deriveFacts(c, (n) => (n === 'peildatum.leeftijd' ? peildatum : undefined)).applicant!.age;
    expect([age('aanvraagdatum'), age('vertrekdatum')]).toEqual([23, 22]);
  });

  it('refuses an unknown unit with file, line and column, listing the units', () => {
    const file = param('uren', 'value: 8');
    const [p] = refused(file);
    expect(p).toMatchObject({ path: '$.regulation.parameters.extra.unit', line: lineOf(file, 'unit: uren'), column: 13 });
    expect(p!.message).toContain('"uur/week", "maanden"');
  });

  it('min/max narrow the range: 100 uur/week is refused where the parameter allows at most 40', () => {
    loads(param('uur/week', 'max: 40\nvalue: 40'));
    expect(refused(param('uur/week', 'max: 40\nvalue: 100'))[0]!.message)
      .toBe(`parameter 'extra' (uur/week): 100 is niet toegestaan; de waarde moet een getal van 0 tot en met 40 zijn`);
    expect(refused(param('uur/week', 'min: 10\nmax: 5\nvalue: 7'))[0]!.message).toContain('min 10 ligt boven max 5');
    expect(refused(param('uur/week', 'max: 200\nvalue: 7'))[0]).toMatchObject({ path: '$.regulation.parameters.extra.max' });
    expect(refused(param('ja/nee', 'max: 1\nvalue: true'))[0]!.message).toContain("'max' kan alleen bij een eenheid met getallen");
  });

  it('refuses constructor, prototype and __proto__ as parameter names, so no lookup finds Object.prototype', () => {
    for (const name of ['constructor', 'prototype', '__proto__']) {
      const file = veendam('2026-07-01', verordening().replace('\n  requirements:', `\n    ${name}: { label: ${label}, unit: jaar, value: 1, basis: { article: '1' } }\n  requirements:`));
      expect(refused(file).length, name).toBeGreaterThan(0);
    }
  });
});

describe('setParameter and addParameter in a rule-file layer get the same check (extend.ts, resolve.ts)', () => {
  const ruleBase = loadRuleBase();
  const draft = (changes: string): SourceFile => ({ path: 'concept.yaml', text: textOf(HOGELAND).replace('changes: []', `changes:\n${changes}`) });
  const problemsOf = (file: SourceFile) => {
    try {
      withFile(ruleBase, file);
    } catch (e) {
      if (e instanceof RuleBaseError) return e.problems;
      throw e;
    }
    throw new Error('expected the file to be refused');
  };

  it('refuses setting the statutory mantelzorg threshold (Hvw art. 12 lid 3 onder a) to "abc", at its line', () => {
    const file = draft(`  - op: setParameter\n    parameter: ${HOURS}\n    value: abc\n    basis: { article: '2.6' }`);
    expect(problemsOf(file)).toEqual([{
      file: 'concept.yaml', line: lineOf(file, 'value: abc'), column: 12, path: '$.changes[0].value',
      message: `parameter '${HOURS}' (uur/week): "abc" is niet toegestaan; de waarde moet een getal van 0 tot en met 40 zijn`,
    }]);
  });

  it('refuses a unit change to another kind of value, and an addParameter out of range', () => {
    const unit = problemsOf(draft(`  - op: setParameter\n    parameter: ${HOURS}\n    unit: ja/nee\n    value: true\n    basis: { article: '2.6' }`));
    expect(unit).toMatchObject([{ path: '$.changes[0].unit' }]);
    expect(unit[0]!.message).toContain("de eenheid kan niet worden gewijzigd in 'ja/nee'");
    const added = problemsOf(draft(`  - op: addParameter\n    parameter: nieuw\n    basis: { article: '1' }\n    definition: { label: ${label}, unit: kinderen, value: 21, basis: { article: '1' } }`));
    expect(added).toMatchObject([{ path: '$.changes[0].definition.value' }]);
  });

  it('accepts a value within range, and refuses 100 uur/week: the model bounds the art. 12 lid 3 onder a threshold at 40 (reading R14)', () => {
    expect(() => withFile(ruleBase, draft(`  - op: setParameter\n    parameter: ${HOURS}\n    value: 40\n    basis: { article: '2.6' }`))).not.toThrow();
    expect(problemsOf(draft(`  - op: setParameter\n    parameter: ${HOURS}\n    value: 100\n    basis: { article: '2.6' }`))[0]!.message).toContain('van 0 tot en met 40');
  });
});

describe('a scenario\'s setParameter is checked as a rule file\'s (the API and runScenario)', () => {
  const api = client(makeApp().app);
  const body = (changes: unknown[]) => ({
    scenario: { name: 'p', date: '2026-08-03', baseline: { regulation: 'concept' }, variant: { regulation: 'concept', changes } },
    population: { generate: { size: 10, seed: 1 } },
  });
  const setHours = (value: unknown) => ({ op: 'setParameter', parameter: HOURS, value, basis: { article: '2.6' } });

  it('"abc" and 1e308 for the statutory mantelzorg threshold: 422 naming the change\'s value, not 200', async () => {
    for (const value of ['abc', 1e308]) {
      const res = await api.post('/v1/scenarios', body([setHours(value)]));
      expect([res.status, res.body.type]).toEqual([422, 'https://voorrang.nl/problemen/scenario-geweigerd']);
      expect(res.body.invalidParams).toHaveLength(1);
      expect(res.body.invalidParams[0]).toMatchObject({ name: '$.scenario.variant.changes[0].value', code: 'scenario_refused' });
      expect(res.body.invalidParams[0].reason).toContain(`parameter '${HOURS}' (uur/week): ${JSON.stringify(value)} is niet toegestaan; de waarde moet een getal van 0 tot en met 40 zijn`);
    }
  });

  it('40 uur/week runs, 40.5 and 100 are refused (reading R14: the model bounds the art. 12 lid 3 onder a threshold at a working week); 0 months of mantelzorg runs, -1 is refused', async () => {
    expect((await api.post('/v1/scenarios', body([setHours(40)]))).status).toBe(200);
    expect((await api.post('/v1/scenarios', body([setHours(40.5)]))).status).toBe(422);
    expect((await api.post('/v1/scenarios', body([setHours(100)]))).status).toBe(422);
    const months = (value: number) => ({ op: 'setParameter', parameter: 'mantelzorg.minimumDuurMaanden', value, basis: { article: '2.6' } });
    expect((await api.post('/v1/scenarios', body([months(0)]))).status).toBe(200);
    const res = await api.post('/v1/scenarios', body([months(-1)]));
    expect([res.status, res.body.invalidParams[0].name]).toEqual([422, '$.scenario.variant.changes[0].value']);
  });

  it('a dated value out of range and an addParameter out of range are named by their path', async () => {
    const dated = { op: 'setParameter', parameter: 'inkomensgrens.eenpersoons', values: [{ from: '2026-01-01', value: 51537 }, { from: '2027-01-01', value: 1e308 }], basis: { article: '1' } };
    const added = { op: 'addParameter', parameter: 'nieuw', basis: { article: '1' }, definition: { label: { nl: 'n', en: 'n' }, unit: 'km', value: -3, basis: { article: '1' } } };
    const res = await api.post('/v1/scenarios', body([dated, added]));
    expect(res.status).toBe(422);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toEqual(['$.scenario.variant.changes[0].values[1].value', '$.scenario.variant.changes[1].definition.value']);
  });

  it('an unknown unit or a parameter named constructor is refused by the schema (400), not looked up', async () => {
    const res = await api.post('/v1/scenarios', body([{ ...setHours(8), unit: 'uren' }, { ...setHours(8), parameter: 'constructor' }]));
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual(['$.scenario.variant.changes[0].unit', '$.scenario.variant.changes[1].parameter']);
  });

  it('a condition on a fact the case does not have is refused as in a rule file', async () => {
    const tighten = { op: 'tightenCategory', category: 'mantelzorg', basis: { article: '2.6' }, conditions: { fact: 'grounds.mantelzorg.typo', operator: 'equal', value: true } };
    const res = await api.post('/v1/scenarios', body([tighten]));
    expect(res.status).toBe(422);
    expect(res.body.invalidParams[0]).toMatchObject({ name: '$.scenario.variant.changes[0].conditions.fact' });
    expect(res.body.invalidParams[0].reason).toContain("'grounds.mantelzorg.typo' is geen gegeven van de casus");
  });

  it('runScenario (the CLI\'s front door) refuses the same change with the same path', async () => {
    const scenario = Scenario.parse(body([setHours('abc')]).scenario);
    const run = runScenario(scenario, { generate: { size: 10, seed: 1 } }, { ruleBase: loadRuleBase() });
    await expect(run).rejects.toBeInstanceOf(ScenarioError);
    await expect(run).rejects.toMatchObject({ problems: [{ path: 'variant.changes[0].value' }] });
  });

  it('a scenario file\'s "tien" passes the file\'s schema (the unit is the parent\'s) and is refused when run, as the API does', async () => {
    const parsed = parseScenario(`name: p\ndate: 2026-08-03\nvariant:\n  regulation: concept\n  changes:\n    - { op: setParameter, parameter: ${HOURS}, value: tien, basis: { article: '2.6' } }\n`);
    if (!parsed.ok) throw new Error('expected the file to parse');
    await expect(runScenario(parsed.value, { generate: { size: 10, seed: 1 } }, { ruleBase: loadRuleBase() }))
      .rejects.toMatchObject({ problems: [{ path: 'variant.changes[0].value', message: expect.stringContaining('"tien" is niet toegestaan') }] });
  });
});

describe('a __proto__ key in the vacancies is refused with its path, not dropped', () => {
  const json = (key: string) => `{"year":2025,"source":"t","targetShare":0.3,"municipalities":{"${key}":{"vacancies":3},"GM0014":{"vacancies":5}}}`;

  it('JSON.parse makes it an own key, which a zod record would skip', () => {
    expect(Object.keys(JSON.parse(json('__proto__')).municipalities)).toEqual(['__proto__', 'GM0014']);
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const r = Vacancies.safeParse(JSON.parse(json(key)));
      expect(r.success, key).toBe(false);
      expect(r.error!.issues.map((i) => i.path)).toEqual([['municipalities', key]]);
    }
    expect(Vacancies.safeParse(JSON.parse(json('GM0037'))).success).toBe(true);
  });

  it('in a vacancies file (the CLI), with its line', () => {
    const loaded = parseVacancies('year: 2025\nsource: t\ntargetShare: 0.3\nmunicipalities:\n  GM0014: { vacancies: 5 }\n  __proto__: { vacancies: 3 }\n');
    expect(loaded).toMatchObject({ ok: false, problems: [{ path: '$.municipalities.__proto__', line: 6 }] });
  });

  it('inline in the API request: 400 naming $.vacancies.municipalities.__proto__, in the language asked for', async () => {
    const api = client(makeApp().app);
    const request = `{"scenario":{"name":"v","date":"2026-08-03","variant":{}},"population":{"generate":{"size":10,"seed":1}},"vacancies":${json('__proto__')}}`;
    for (const [lang, reason] of [['nl', 'Ongeldige key in record'], ['en', 'Invalid key in record']]) {
      const res = await api.send('post', '/v1/scenarios', (t) => t.set({ Authorization: auth.Authorization, 'Content-Type': 'application/json', 'Accept-Language': lang! }).send(request));
      expect([res.status, res.body.type]).toEqual([400, 'https://voorrang.nl/problemen/ongeldige-invoer']);
      expect(res.body.invalidParams).toEqual([{ name: '$.vacancies.municipalities.__proto__', code: 'invalid_key', reason }]);
    }
  });

  it('a __proto__ key in a case or a scenario is an unknown field (strict objects), not dropped', () => {
    const parsed = parseScenario('name: p\ndate: 2026-08-03\nvariant:\n  __proto__: { regulation: concept }\n');
    expect(parsed).toMatchObject({ ok: false, problems: [{ path: '$.variant' }] });
  });
});

describe('the unit table', () => {
  it('words each refusal in Dutch and English', () => {
    expect(parameterProblems('p', { unit: 'kinderen', value: 20 })).toEqual([]);
    expect(parameterProblems('p', { unit: 'kinderen', value: 21 })[0]!.message).toEqual({
      nl: "parameter 'p' (kinderen): 21 is niet toegestaan; de waarde moet een geheel getal van 0 tot en met 20 zijn",
      en: "parameter 'p' (kinderen): 21 is not allowed; the value must be a whole number from 0 to 20 inclusive",
    });
  });
});
