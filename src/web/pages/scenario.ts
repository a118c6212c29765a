// Scenario's: the workbench. The page shows a municipality's regulation as editable parameters and
// kept/dropped categories and refusal grounds; its script sends them as a scenario (the scenario issue's
// change language) with a population — generated, or an uploaded CSV — to POST /scenarios/run, which runs
// runScenario() and answers with the report laid out here: outcome counts, the transition matrix, per
// region and municipality, the fair share chart, examples. No rule is evaluated in the browser.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { citeBasis } from '../../rulebase/cite.ts';
import { parameterValue } from '../../rulebase/parameters.ts';
import { NotInForceError, type RuleBase } from '../../rulebase/rulebase.ts';
import { reportDocument, type Block } from '../../scenario/document.ts';
import { parseVacancies } from '../../scenario/files.ts';
import { barsSvg, matrixSvg } from '../../scenario/html.ts';
import { readPopulation } from '../../scenario/population.ts';
import type { ScenarioReport } from '../../scenario/report-schema.ts';
import { MAX_GENERATED_CASES, MAX_INLINE_CASES, PopulationErrors, runScenario } from '../../scenario/run-scenario.ts';
import { Scenario, type PopulationRecord, type Vacancies } from '../../scenario/schema.ts';
import { ScenarioError } from '../../scenario/sides.ts';
import { html, jsonData, raw, type Html } from '../html.ts';
import type { Lang } from '../i18n.ts';
import { layout } from '../layout.ts';
import { datePicker, knownCode, municipalityPicker, pickerForm } from './parts.ts';
import { notInForceNotice } from './regulation.ts';

const words = {
  nl: {
    title: "Scenario's",
    intro: 'Begin bij de regeling van een gemeente, wijzig parameters, categorieën en weigeringsgronden, kies een populatie en zie wat de wijziging doet: de overgangen tussen uitkomsten, per regio en gemeente, en het aandeel van de vrijkomende woningen dat naar urgenten gaat.',
    start: 'Uitgangspunt',
    load: 'Regeling laden',
    apply: 'Regeling voor elke casus',
    applyInForce: 'de regeling van kracht in de eigen gemeente, met de wijzigingen',
    applyOne: (name: string) => `de regeling van ${name} voor iedereen, met de wijzigingen`,
    parameters: 'Parameters',
    categories: 'Categorieën (aangevinkt: blijft)',
    refusalGrounds: 'Weigeringsgronden (aangevinkt: blijft)',
    mandatory: 'wettelijk verplicht',
    population: 'Populatie',
    generated: 'Gegenereerd (synthetisch, tien Groningse gemeenten)',
    size: 'Aantal aanvragen',
    seed: 'Startgetal (seed)',
    csv: 'CSV-bestand (kop = veldpaden van de casus, zie README)',
    csvFile: 'Bestand',
    run: 'Doorrekenen',
    result: 'Uitkomst',
    idle: 'Nog niet doorgerekend.',
    noscript: 'De werkbank heeft JavaScript nodig.',
    refused: 'De variant is geweigerd',
    badPopulation: 'De populatie bevat fouten',
    tooMany: (n: number) => `Een geüpload bestand mag hoogstens ${n} aanvragen bevatten; gebruik voor meer de opdrachtregel (voorrang scenario).`,
  },
  en: {
    title: 'Scenarios',
    intro: "Start from a municipality's regulation, change parameters, categories and refusal grounds, choose a population and see what the change does: the transitions between outcomes, per region and municipality, and the share of vacancies going to urgent applicants.",
    start: 'Starting point',
    load: 'Load regulation',
    apply: 'Regulation for every case',
    applyInForce: "the regulation in force in the case's own municipality, with the changes",
    applyOne: (name: string) => `the regulation of ${name} for everyone, with the changes`,
    parameters: 'Parameters',
    categories: 'Categories (ticked: kept)',
    refusalGrounds: 'Refusal grounds (ticked: kept)',
    mandatory: 'mandatory by law',
    population: 'Population',
    generated: 'Generated (synthetic, ten Groningen municipalities)',
    size: 'Number of applications',
    seed: 'Seed',
    csv: 'CSV file (header = the case field paths, see the README)',
    csvFile: 'File',
    run: 'Run',
    result: 'Result',
    idle: 'Not run yet.',
    noscript: 'The workbench needs JavaScript.',
    refused: 'The variant was refused',
    badPopulation: 'The population has errors',
    tooMany: (n: number) => `An uploaded file may hold at most ${n} applications; for more use the command line (voorrang scenario).`,
  },
} as const;

export interface ScenarioQuery {
  code?: string;
  date?: string;
}

export function scenarioPage(ruleBase: RuleBase, lang: Lang, q: ScenarioQuery, today: string): string {
  const w = words[lang];
  const code = knownCode(ruleBase, q.code);
  const date = q.date ?? today;
  const name = ruleBase.municipality(code).name;
  const picker = pickerForm(lang, '/scenarios', html`
      ${municipalityPicker(ruleBase, lang, 'gemeente', code)}
      ${datePicker(lang, 'datum', date)}`, w.load);
  let bench: Html;
  try {
    const p = ruleBase.regulationOn(code, date);
    const r = p.regulation;
    const mandatory = new Set(p.statute.categories.map((c) => c.id));
    const rankOf = (id: string) => (p.categoryFacts.get(id)?.rank ?? 0) - 1;
    const numeric = Object.entries(r.parameters).filter(([, d]) => typeof (d.value ?? d.values) === 'number' || d.values);
    const valueOn = (d: (typeof r.parameters)[string]) => parameterValue(d, date);
    const check = (kind: string, id: string, label: string, basis: object, note?: string) => html`
          <div class="check"><input type="checkbox" id="keep-${kind}-${id}" data-${kind}="${id}" data-basis="${JSON.stringify(basis)}" checked><label for="keep-${kind}-${id}">${label}${note ? html` <span class="tag">${note}</span>` : ''}</label></div>`;
    bench = html`
    <noscript><p class="notice">${w.noscript}</p></noscript>
    ${jsonData('scenario-config', { lang, code, date, name: `${w.title}: ${name}` })}
    <div class="workbench">
      <form id="scenario-form" class="case-form" novalidate>
        <div class="field">
          <label for="apply">${w.apply}</label>
          <select id="apply" name="apply">
            <option value="in-force">${w.applyInForce}</option>
            <option value="${code}">${w.applyOne(name)}</option>
          </select>
        </div>
        <fieldset class="group depth-0">
          <legend>${w.parameters}</legend>
          ${numeric.map(([pname, d]) => html`
          <div class="field">
            <label for="param-${pname.replaceAll('.', '-')}">${d.label[lang]} (${d.unit})</label>
            <p class="hint" id="param-${pname.replaceAll('.', '-')}-hint">${citeBasis(d.basis, lang)} · <code>${pname}</code></p>
            <input type="number" step="any" id="param-${pname.replaceAll('.', '-')}" aria-describedby="param-${pname.replaceAll('.', '-')}-hint"
              data-parameter="${pname}" data-original="${String(valueOn(d) ?? '')}" data-basis="${JSON.stringify(d.basis)}" value="${String(valueOn(d) ?? '')}">
          </div>`)}
        </fieldset>
        <fieldset class="group depth-0">
          <legend>${w.categories}</legend>
          ${[...r.categories].sort((a, b) => rankOf(a.id) - rankOf(b.id)).map((c) => check('category', c.id, c.label[lang], c.basis, c.statutory && mandatory.has(c.statutory) ? w.mandatory : undefined))}
        </fieldset>
        <fieldset class="group depth-0">
          <legend>${w.refusalGrounds}</legend>
          ${r.refusalGrounds.map((g) => check('refusal', g.id, g.label[lang], g.basis))}
        </fieldset>
        <fieldset class="group depth-0">
          <legend>${w.population}</legend>
          <div class="choice"><input type="radio" name="population" id="pop-generate" value="generate" checked><label for="pop-generate">${w.generated}</label></div>
          <div class="indent">
            <div class="field"><label for="pop-size">${w.size}</label><input type="number" id="pop-size" min="1" max="${MAX_GENERATED_CASES}" step="1" value="100000"></div>
            <div class="field"><label for="pop-seed">${w.seed}</label><input type="number" id="pop-seed" step="1" value="1"></div>
          </div>
          <div class="choice"><input type="radio" name="population" id="pop-csv" value="csv"><label for="pop-csv">${w.csv}</label></div>
          <div class="indent">
            <div class="field"><label for="pop-file">${w.csvFile}</label><input type="file" id="pop-file" accept=".csv,text/csv"></div>
          </div>
        </fieldset>
        <div class="actions"><button type="submit">${w.run}</button></div>
      </form>
      <section class="scenario-result" id="scenario-result" aria-labelledby="scenario-result-h">
        <h2 id="scenario-result-h">${w.result}</h2>
        <p id="scenario-status" role="status" aria-live="polite">${w.idle}</p>
        <div id="scenario-report"></div>
      </section>
    </div>`;
  } catch (e) {
    if (!(e instanceof NotInForceError)) throw e;
    bench = notInForceNotice(e, lang, code, 'scenario');
  }
  return layout({ lang, page: 'scenario', title: w.title, params: { gemeente: code, datum: date }, scripts: ['scenario.ts'], body: html`
    <p>${w.intro}</p>
    ${picker}
    ${bench}` });
}

/** The workbench's request: a scenario in the scenario issue's schema and a population. */
export const WorkbenchRequest = z.strictObject({
  scenario: Scenario,
  population: z.union([
    z.strictObject({ generate: z.strictObject({ size: z.int().min(1).max(MAX_GENERATED_CASES), seed: z.int() }) }),
    z.strictObject({ csv: z.string().min(1) }),
  ]),
});
export type WorkbenchRequest = z.infer<typeof WorkbenchRequest>;

export interface WorkbenchAnswer {
  status: number;
  html: string;
}

/** The example vacancies the project ships (data/vacancies), for the fair share; none if unreadable. */
export function exampleVacancies(): Vacancies | undefined {
  try {
    const loaded = parseVacancies(readFileSync(new URL('../../../data/vacancies/groningen-voorbeeld.yaml', import.meta.url), 'utf8'));
    return loaded.ok ? loaded.value : undefined;
  } catch {
    return undefined;
  }
}

export async function runWorkbench(ruleBase: RuleBase, req: WorkbenchRequest, vacancies: Vacancies | undefined): Promise<WorkbenchAnswer> {
  const lang = req.scenario.language ?? 'nl';
  const w = words[lang];
  const problem = (status: number, title: string, lines: string[]): WorkbenchAnswer =>
    ({ status, html: html`<div class="notice" role="alert"><h3>${title}</h3><ul>${lines.map((l) => html`<li>${l}</li>`)}</ul></div>`.text });
  let population: { cases: PopulationRecord[] } | { generate: { size: number; seed: number } };
  if ('csv' in req.population) {
    const cases: PopulationRecord[] = [];
    const errors: string[] = [];
    for await (const batch of readPopulation(Readable.from([req.population.csv]), 'csv')) {
      for (const row of batch.rows) cases.push({ ...(row.id !== undefined && { id: row.id }), municipality: row.municipality, case: row.case });
      for (const e of batch.errors) errors.push(`${lang === 'nl' ? 'regel' : 'line'} ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.message}`);
    }
    if (errors.length) return problem(400, w.badPopulation, errors.slice(0, 50));
    if (cases.length > MAX_INLINE_CASES) return problem(413, w.badPopulation, [w.tooMany(MAX_INLINE_CASES)]);
    if (!cases.length) return problem(400, w.badPopulation, [lang === 'nl' ? 'het bestand bevat geen aanvragen' : 'the file holds no applications']);
    population = { cases };
  } else {
    population = req.population;
  }
  try {
    const report = runScenario({ scenario: req.scenario, population, ...(vacancies && { vacancies }) }, ruleBase);
    return { status: 200, html: reportView(report).text };
  } catch (e) {
    if (e instanceof ScenarioError) return problem(422, w.refused, e.problems.map((p) => `${p.path}: ${p.message}`));
    if (e instanceof PopulationErrors) return problem(400, w.badPopulation, e.errors.slice(0, 50).map((x) => `${x.line}${x.column ? ` ${x.column}` : ''}: ${x.message}`));
    throw e;
  }
}

/** The report's blocks (the same document as the Markdown and HTML reports) in the site's markup. */
function reportView(r: ScenarioReport): Html {
  const lang = r.scenario.language;
  let tableNo = 0;
  const block = (b: Block): Html => {
    switch (b.kind) {
      case 'h': return b.level === 1 ? html`<h3 class="visually-hidden">${b.text}</h3>` : b.level === 2 ? html`<h3>${b.text}</h3>` : html`<h4>${b.text}</h4>`;
      case 'p': return html`<p>${b.text}</p>`;
      case 'list': return html`<ul>${b.items.map((i) => html`<li>${i}</li>`)}</ul>`;
      case 'table': return html`<div class="table-wrap" id="scenario-table-${++tableNo}"><table class="numbers">
        <thead><tr>${b.head.map((h, i) => html`<th scope="col"${b.numeric[i] ? html` class="n"` : ''}>${h}</th>`)}</tr></thead>
        <tbody>${b.rows.map((row) => html`<tr>${row.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td${b.numeric[i] ? html` class="n"` : ''}>${c}</td>`))}</tr>`)}</tbody>
      </table></div>`;
      case 'matrix': return html`<figure class="chart matrix">${raw(matrixSvg(b.scope, r, lang))}</figure>`;
      case 'bars': return html`<figure class="chart bars">${raw(barsSvg(b, lang))}<figcaption>${b.title}</figcaption></figure>`;
    }
  };
  return html`<div class="scenario-report">${reportDocument(r).map(block)}</div>`;
}

