// Scenario's: the workbench. The page shows a municipality's regulation as editable parameters and
// kept/dropped categories and refusal grounds; its script sends them as a scenario (the scenario issue's
// change language) with a population — generated, or an uploaded CSV read in the browser — to the API's
// POST /v1/scenarios and lays out the report it answers (client/report.ts): outcome counts, the transition
// matrix, per region and municipality, the fair share chart, examples. No rule is evaluated in the browser.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { caseFields } from '../../case/schema.ts';
import { citeBasis } from '../../rulebase/cite.ts';
import { parameterValue } from '../../rulebase/parameters.ts';
import { NotInForceError, type RuleBase } from '../../rulebase/rulebase.ts';
import { GROUND_COLUMNS } from '../../scenario/population/csv.ts';
import { parseVacancies } from '../../scenario/model/files.ts';
import { MAX_GENERATED_CASES, MAX_INLINE_CASES } from '../../scenario/model/request.ts';
import type { Vacancies } from '../../scenario/model/schema.ts';
import type { ColumnKind } from '../client/csv.ts';
import { html, jsonData, type Html } from '../html.ts';
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
    applyConcept: 'het concept van de eigen gemeente (anders de regeling van kracht), met de wijzigingen — een simulatie',
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
  },
  en: {
    title: 'Scenarios',
    intro: "Start from a municipality's regulation, change parameters, categories and refusal grounds, choose a population and see what the change does: the transitions between outcomes, per region and municipality, and the share of vacancies going to urgent applicants.",
    start: 'Starting point',
    load: 'Load regulation',
    apply: 'Regulation for every case',
    applyConcept: "the concept of the case's own municipality (else the regulation in force), with the changes — a simulation",
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
    const p = ruleBase.regulationOrConceptOn(code, date);
    const r = p.regulation;
    const mandatory = new Set(p.statute.categories.map((c) => c.id));
    const rankOf = (id: string) => (p.categoryFacts.get(id)?.rank ?? 0) - 1;
    const numeric = Object.entries(r.parameters).filter(([, d]) => typeof (d.value ?? d.values) === 'number' || d.values);
    const valueOn = (d: (typeof r.parameters)[string]) => parameterValue(d, date);
    const check = (kind: string, id: string, label: string, basis: object, note?: string) => html`
          <div class="check"><input type="checkbox" id="keep-${kind}-${id}" data-${kind}="${id}" data-basis="${JSON.stringify(basis)}" checked><label for="keep-${kind}-${id}">${label}${note ? html` <span class="tag">${note}</span>` : ''}</label></div>`;
    bench = html`
    <noscript><p class="notice">${w.noscript}</p></noscript>
    ${jsonData('scenario-config', { lang, code, date, name: `${w.title}: ${name}`, maxCases: MAX_INLINE_CASES, columns: csvColumns(), vacancies: exampleVacancies() })}
    <div class="workbench">
      <form id="scenario-form" class="case-form" novalidate>
        <div class="field">
          <label for="apply">${w.apply}</label>
          <select id="apply" name="apply">
            <option value="concept">${w.applyConcept}</option>
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

/** How the browser reads each CSV column of a case field (the scenario format, src/scenario/csv.ts). */
function csvColumns(): Record<string, ColumnKind> {
  const kindOf = (schema: z.ZodType): ColumnKind =>
    schema instanceof z.ZodBoolean ? 'boolean' : schema instanceof z.ZodNumber ? 'number' : 'string';
  return Object.fromEntries([
    ...GROUND_COLUMNS.map((g) => [g, 'claim'] as const),
    ...[...caseFields].map(([path, schema]) => [path, kindOf(schema)] as const),
  ]);
}

let vacancies: Vacancies | null | undefined;

/** The example vacancies the project ships (data/vacancies), for the fair share; null if unreadable. */
function exampleVacancies(): Vacancies | null {
  if (vacancies !== undefined) return vacancies;
  try {
    const loaded = parseVacancies(readFileSync(new URL('../../../data/vacancies/groningen-voorbeeld.yaml', import.meta.url), 'utf8'));
    return (vacancies = loaded.ok ? loaded.value : null);
  } catch {
    return (vacancies = null);
  }
}
