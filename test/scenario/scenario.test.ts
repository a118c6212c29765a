// Scenario runs whose transitions are computed by hand, refusals with the rule file's own message, and
// the report in every format.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync, readdirSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { applyVariant } from '../../src/rulebase/variant.ts';
import { Tally } from '../../src/scenario/run/tally.ts';
import { buildReport } from '../../src/scenario/report/build.ts';
import { prepareScenario } from '../../src/scenario/run/prepare.ts';
import { Scenario, type PopulationRow } from '../../src/scenario/model/schema.ts';
import { ScenarioError } from '../../src/scenario/run/sides.ts';
import { render } from '../../src/scenario/report/render.ts';
import { ScenarioReport } from '../../src/scenario/model/report-schema.ts';
import { runScenario, PopulationErrors } from '../../src/scenario/run-scenario.ts';
import { parseScenario } from '../../src/scenario/model/files.ts';
import { bundledFiles } from '../fixtures.ts';
import { mantelzorg, eligible } from '../engine/cases.ts';
import type { Case } from '../../src/case/schema.ts';

const ruleBase = loadRuleBase();
const basis = { article: '2.6' };
const tenHours = [{ op: 'setParameter' as const, parameter: 'mantelzorg.minimumUrenPerWeek', value: 10, basis }];

function runOf(scenario: unknown, rows: PopulationRow[], ctx = {}) {
  const prepared = prepareScenario(Scenario.parse(scenario), { ruleBase, ...ctx });
  const tally = new Tally(prepared);
  for (const row of rows) tally.add(row);
  return { errors: tally.errors, report: (source: string) => buildReport(prepared, tally, source) };
}
const rowsOf = (cases: Case[], municipality = 'GM1966') => cases.map((c, i) => ({ line: i + 2, id: `c${i + 1}`, municipality, case: c }));

// 37 cases between 8 and 10 hours (8 ≤ h < 10), 20 at exactly 10, 15 at 12, 10 at 7 — all otherwise eligible.
const hours = [...Array.from({ length: 37 }, (_, i) => [8, 8.5, 9, 9.5, 9.99][i % 5]!), ...Array(20).fill(10), ...Array(15).fill(12), ...Array(10).fill(7)];
const population = rowsOf(hours.map((h) => mantelzorg({ hoursPerWeek: h })));

describe('a scenario with hand-computed transitions', () => {
  const run = runOf({ name: '10 uur', date: '2026-08-03', baseline: { regulation: 'concept' }, variant: { regulation: 'concept', changes: tenHours } }, population);
  const report = run.report('test');
  const total = report.scopes.find((s) => s.kind === 'total')!;

  it('moves exactly the 37 cases between 8 and 10 hours from mantelzorg to not urgent', () => {
    expect(total.transitions).toEqual([
      { from: 'not-urgent', to: 'not-urgent', count: 10 },
      { from: 'urgent:mantelzorg', to: 'not-urgent', count: 37 },
      { from: 'urgent:mantelzorg', to: 'urgent:mantelzorg', count: 35 },
    ]);
    expect(total.counts).toEqual([
      { state: 'not-urgent', baseline: 10, variant: 47 },
      { state: 'urgent:mantelzorg', baseline: 72, variant: 35 },
    ]);
    expect(total.urgent).toEqual({ baseline: 72, variant: 35 });
  });

  it('counts per municipality and per region', () => {
    expect(report.scopes.find((s) => s.id === 'GM1966')!.urgent).toEqual({ baseline: 72, variant: 35 });
    expect(report.scopes.find((s) => s.id === 'groningen-assen')!.cases).toBe(82);
    expect(report.scopes.find((s) => s.id === 'GM0014')!.cases).toBe(0);
  });

  it('shows up to N examples per changed cell with the condition that decided', () => {
    expect(report.examples).toHaveLength(1);
    const cell = report.examples[0]!;
    expect(cell).toMatchObject({ from: 'urgent:mantelzorg', to: 'not-urgent', count: 37 });
    expect(cell.cases.map((c) => c.id)).toEqual(['c1', 'c2', 'c3']);
    expect(cell.cases[0]!.baseline.decisive).toEqual([{ kind: 'met', category: 'mantelzorg', label: 'Mantelzorg' }]);
    expect(cell.cases[0]!.variant.decisive).toEqual([{
      kind: 'category', id: 'mantelzorg', label: 'Mantelzorg', result: 'false',
      leaves: [{ fact: 'grounds.mantelzorg.hoursPerWeek', label: 'Uren mantelzorg per week', operator: 'greaterThanInclusive', factValue: 8, value: 10, parameter: 'mantelzorg.minimumUrenPerWeek', result: 'false' }],
    }]);
  });

  it('renders Markdown, JSON, CSV and standalone HTML', () => {
    expect(ScenarioReport.safeParse(JSON.parse(render(report, 'json'))).success).toBe(true);
    const md = render(report, 'md');
    expect(md).toContain('| urgent: Mantelzorg | niet urgent | 37 |');
    expect(md).toContain('Mantelzorg niet vervuld: Uren mantelzorg per week 8 ≥ 10 [mantelzorg.minimumUrenPerWeek] ✗');
    const csv = render(report, 'csv').trim().split('\n');
    expect(csv[0]).toBe('scope,scope_id,scope_name,from,to,from_label,to_label,count');
    expect(csv).toContain('total,total,Alle gemeenten,urgent:mantelzorg,not-urgent,urgent: Mantelzorg,niet urgent,37');
    expect(csv).toContain('municipality,GM1966,Het Hogeland,urgent:mantelzorg,not-urgent,urgent: Mantelzorg,niet urgent,37');
    const html = render(report, 'html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html.match(/<svg /g)).toHaveLength(2); // matrix and bars
    expect(html).not.toMatch(/<(script|link|img)\b|src=|url\(/); // no external assets
  });

  it('speaks English when asked', () => {
    const en = runOf({ name: '10 hours', date: '2026-08-03', language: 'en', baseline: { regulation: 'concept' }, variant: { regulation: 'concept', changes: tenHours } }, population).report('test');
    expect(render(en, 'md')).toContain('Mantelzorg (informal care) not met: Hours of mantelzorg a week 8 ≥ 10 [mantelzorg.minimumUrenPerWeek] ✗');
  });
});

describe('other variants', () => {
  it('drops a refusal ground: exactly the cases refused on that ground alone become urgent', () => {
    const solvable = { ...eligible.conduct!, canSolveWithinThreeMonths: true };
    const cases = [
      ...Array(5).fill({ ...mantelzorg(), conduct: solvable }),                          // refused on zelf-oplosbaar only
      ...Array(3).fill({ ...mantelzorg(), conduct: { ...solvable, rentArrears: true } }), // also on huurachterstand
      ...Array(4).fill(mantelzorg()),                                                     // urgent either way
    ];
    const report = runOf({ name: 'x', date: '2026-08-03', baseline: { regulation: 'concept' }, variant: { regulation: 'concept', changes: [{ op: 'removeRefusalGround', refusalGround: 'zelf-oplosbaar', basis }] } }, rowsOf(cases)).report('t');
    expect(report.scopes[0]!.transitions).toEqual([
      { from: 'not-urgent', to: 'not-urgent', count: 3 },
      { from: 'not-urgent', to: 'urgent:mantelzorg', count: 5 },
      { from: 'urgent:mantelzorg', to: 'urgent:mantelzorg', count: 4 },
    ]);
    expect(report.examples[0]!.cases[0]!.baseline.decisive).toEqual([expect.objectContaining({ kind: 'refusal-ground', id: 'zelf-oplosbaar', result: 'true' })]);
  });

  it('compares two dates: the nine without an adopted scheme have none on either side (Hvw art. 51 lid 10, 2026-07-01)', () => {
    const cases = ['GM0014', 'GM1966', 'GM0765'].map((m, i) => ({ line: i + 1, municipality: m, case: { ...mantelzorg(), applicationDate: undefined } as Case }));
    const report = runOf({ name: 'wvrv', date: '2026-07-01', baseline: { date: '2026-06-30' }, variant: {} }, cases).report('t');
    expect([report.baseline.noScheme.length, report.variant.noScheme.length]).toEqual([9, 9]);
    expect(report.scopes[0]!.transitions.find((t) => t.from === 'no-scheme')).toEqual({ from: 'no-scheme', to: 'no-scheme', count: 2 });
    // Simulating the concepts shows what their councils could adopt.
    const simulated = runOf({ name: 'wvrv', date: '2026-07-01', baseline: { date: '2026-06-30', regulation: 'concept' }, variant: { regulation: 'concept' } }, cases).report('t');
    expect(simulated.variant.noScheme).toEqual([]);
    expect(simulated.scopes[0]!.transitions.find((t) => t.from === 'no-scheme')).toEqual({ from: 'no-scheme', to: 'urgent:mantelzorg', count: 2 });
  });

  it('evaluates everyone under one named regulation', () => {
    const report = runOf({ name: 'x', date: '2026-08-03', baseline: { regulation: 'GM0014' }, variant: { regulation: 'model/vng' } }, population).report('t');
    expect(report.baseline.regulations.map((r) => r.set)).toEqual(['gemeente/GM0014-groningen']);
    expect(report.variant.regulations.map((r) => r.set)).toEqual(['model/vng']);
  });

  it('refuses a variant that breaks the law with the same conformance message as a rule file', () => {
    const changes = [{ op: 'removeCategory' as const, category: 'medisch', basis }];
    const direct = applyVariant(ruleBase.regulationOn('GM1966', '2026-08-03', { concept: true }), changes, 'zonder medisch');
    let error: unknown;
    try {
      runOf({ name: 'x', date: '2026-08-03', variant: { regulation: 'concept', title: 'zonder medisch', changes } }, []);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const problems = (error as ScenarioError).problems;
    expect(problems).toHaveLength(1); // one message naming all ten municipalities
    expect(problems[0]!.path).toBe('variant.changes');
    expect(problems[0]!.message).toContain(direct.problems[0]!.message);
    expect(problems[0]!.message).toMatch(/^Groningen \(GM0014\), Het Hogeland \(GM1966\)/);
  });

  it('adds a rule file for a side, checked like any rule file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scenario-'));
    const hogeland = bundledFiles.find((f) => f.path === 'gemeente/GM1966-het-hogeland/2026-07-01.yaml')!.text;
    writeFileSync(join(dir, 'hogeland-10.yaml'), hogeland.replace('changes: []', `changes:
  - op: setParameter
    parameter: mantelzorg.minimumUrenPerWeek
    value: 10
    basis: { article: '2.6' }`));
    writeFileSync(join(dir, 'broken.yaml'), hogeland.replace('changes: []', `changes:
  - op: removeCategory
    category: medisch
    basis: { article: '2.7' }`));
    const ctx = { readFile: (p: string) => readFileSync(join(dir, p), 'utf8') };
    const report = runOf({ name: 'x', date: '2026-08-03', baseline: { regulation: 'concept' }, variant: { regulation: 'concept', ruleFile: 'hogeland-10.yaml' } }, population, ctx).report('t');
    expect(report.scopes[0]!.urgent).toEqual({ baseline: 72, variant: 35 });
    expect(() => runOf({ name: 'x', date: '2026-08-03', variant: { regulation: 'concept', ruleFile: 'broken.yaml' } }, [], ctx))
      .toThrow(/broken\.yaml: .*laat 'medisch' vervallen, verplicht onder Huisvestingswet 2014 art\. 12 lid 3 onder b/);
  });

  it('derives an age from a date of birth on the scenario date when a case has no application date (Hvw art. 12 lid 3 onder g)', () => {
    // Leaving a Jeugdwet accommodatie, born 2003-08-04: 22 on 2026-08-03, 23 on 2026-08-04.
    const leaver = { ...eligible, applicationDate: undefined, applicant: { dateOfBirth: '2003-08-04', lawfulResidence: true },
      grounds: { outflow: { from: 'jeugdhulp', institution: 'jeugdwet-accommodatie', leaving: true, readyForIndependentLiving: true, guidanceArranged: true } } } as Case;
    const on = (date: string) => runOf({ name: 'g', date, baseline: { regulation: 'concept' }, variant: { regulation: 'concept' } }, rowsOf([leaver])).report('t').scopes[0]!.transitions;
    expect(on('2026-08-03')).toEqual([{ from: 'urgent:uitstroom-jeugdhulp', to: 'urgent:uitstroom-jeugdhulp', count: 1 }]);
    expect(on('2026-08-04')).toEqual([{ from: 'not-urgent', to: 'not-urgent', count: 1 }]);
  });

  it('names an unknown municipality in the population by line', () => {
    const run = runOf({ name: 'x', date: '2026-08-03', variant: {} }, [{ line: 7, municipality: 'GM9999', case: {} }]);
    expect(run.errors).toEqual([{ line: 7, column: 'municipality', message: "onbekende gemeente 'GM9999' (niet in rules/gemeenten.yaml)" }]);
  });
});

describe('runScenario (the one front door)', () => {
  it('runs inline cases, a generator spec and a file, and names each as its source', async () => {
    const scenario = Scenario.parse({ name: 'x', date: '2026-08-03', baseline: { regulation: 'concept' }, variant: { regulation: 'concept', changes: tenHours } });
    const inline = await runScenario(scenario, { cases: population.map((r) => ({ municipality: r.municipality, case: r.case })) }, { ruleBase });
    expect([inline.scopes[0]!.urgent, inline.population.source]).toEqual([{ baseline: 72, variant: 35 }, '82 inline']);
    const generated = await runScenario(scenario, { generate: { size: 2000, seed: 1 } }, { ruleBase });
    expect(generated.population).toEqual({ source: 'generator (size 2000, seed 1)', cases: 2000 });
    const path = join(mkdtempSync(join(tmpdir(), 'scenario-')), 'pop.ndjson');
    writeFileSync(path, population.map((r) => JSON.stringify({ municipality: r.municipality, case: r.case })).join('\n'));
    const file = await runScenario(scenario, { file: path, format: 'ndjson' }, { ruleBase });
    expect(file).toEqual({ ...inline, population: { source: path, cases: 82 } });
  });

  it('refuses a population with an unknown municipality, naming its line', async () => {
    const scenario = Scenario.parse({ name: 'x', date: '2026-08-03', variant: {} });
    const run = runScenario(scenario, { cases: [{ case: {} }, { municipality: 'GM9999', case: {} }] }, { ruleBase });
    await expect(run).rejects.toThrow(PopulationErrors);
    await expect(run).rejects.toMatchObject({ count: 2, errors: [{ line: 1, column: 'municipality' }, { line: 2, column: 'municipality' }] });
  });

  it('refuses a rule file or a vacancies file where no file can be read', async () => {
    const withRuleFile = Scenario.parse({ name: 'x', date: '2026-08-03', variant: { ruleFile: 'draft.yaml' } });
    await expect(runScenario(withRuleFile, { generate: { size: 10, seed: 1 } }, { ruleBase })).rejects.toMatchObject({ problems: [{ path: 'variant.ruleFile' }] });
    const withVacancies = Scenario.parse({ name: 'x', date: '2026-08-03', variant: {}, vacancies: 'v.yaml' });
    await expect(runScenario(withVacancies, { generate: { size: 10, seed: 1 } }, { ruleBase })).rejects.toThrow(ScenarioError);
  });
});

describe('example scenario files', () => {
  const dir = new URL('../../examples/scenarios/', import.meta.url);
  const validate = new Ajv2020({ strict: false, validateFormats: false }).compile(JSON.parse(readFileSync(new URL('../../schemas/scenario.schema.json', import.meta.url), 'utf8')));
  for (const name of readdirSync(dir)) {
    it(`${name} is valid (zod and the JSON Schema editors use)`, () => {
      const text = readFileSync(new URL(name, dir), 'utf8');
      expect(parseScenario(text).ok).toBe(true);
      expect(validate(parseYaml(text)), JSON.stringify(validate.errors)).toBe(true);
    });
  }
});
