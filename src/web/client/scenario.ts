// The workbench's script: reads the edited regulation as changes in the change language (only what
// differs from the regulation loaded), sends them with the population — generated, or an uploaded CSV
// read here into inline cases — to the API's POST /v1/scenarios, and lays out the report it answers, or
// the problem with its invalid parameters (an invalid case by the line of the file). A newer run aborts
// an older one.
import type { ScenarioReport } from '../../scenario/model/report-schema.ts';
import { lineOf, readCsv, type ColumnKind, type InlineCase, type LineError } from './csv.ts';
import { h, pageData } from './dom.ts';
import { apiKey, forgetKey, keyForm, live } from './live.ts';
import { reportView } from './report.ts';
import type { Lang } from './strings.ts';

const DEBOUNCE_MS = 400;
/** Errors listed at most; the rest are counted. */
const SHOWN_ERRORS = 50;

const config = pageData<{
  lang: Lang; code: string; date: string; name: string; maxCases: number; columns: Record<string, ColumnKind>; vacancies: object | null;
}>('scenario-config');
const { lang } = config;
const say = {
  nl: {
    running: 'Bezig met doorrekenen…', done: (s: string) => `Klaar, doorgerekend in ${s} s.`, failed: 'Doorrekenen mislukt.', chooseFile: 'Kies eerst een CSV-bestand.',
    key: 'Deze server vraagt een API-sleutel voor scenario\'s (een geüploade populatie bevat persoonsgegevens).',
    badPopulation: 'De populatie bevat fouten', noCases: 'het bestand bevat geen aanvragen',
    tooMany: (n: number) => `Een geüpload bestand mag hoogstens ${n} aanvragen bevatten; gebruik voor meer de opdrachtregel (voorrang scenario).`,
    line: (e: LineError) => `regel ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.message}`,
    more: (n: number) => `en nog ${n}`,
  },
  en: {
    running: 'Running…', done: (s: string) => `Done, run in ${s} s.`, failed: 'The run failed.', chooseFile: 'Choose a CSV file first.',
    key: 'This server asks for an API key for scenarios (an uploaded population holds personal data).',
    badPopulation: 'The population has errors', noCases: 'the file holds no applications',
    tooMany: (n: number) => `An uploaded file may hold at most ${n} applications; for more use the command line (voorrang scenario).`,
    line: (e: LineError) => `line ${e.line}${e.column ? `, ${e.column}` : ''}: ${e.message}`,
    more: (n: number) => `and ${n} more`,
  },
}[lang];

const form = document.getElementById('scenario-form') as HTMLFormElement;
const status = document.getElementById('scenario-status')!;
const report = document.getElementById('scenario-report')!;
const result = document.getElementById('scenario-result')!;
const input = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

type Change = Record<string, unknown>;

function changes(): Change[] {
  const out: Change[] = [];
  for (const el of form.querySelectorAll<HTMLInputElement>('[data-parameter]')) {
    if (el.value === '' || el.value === el.dataset.original) continue;
    out.push({ op: 'setParameter', parameter: el.dataset.parameter, value: Number(el.value), basis: JSON.parse(el.dataset.basis!) });
  }
  for (const el of form.querySelectorAll<HTMLInputElement>('[data-category]')) {
    if (!el.checked) out.push({ op: 'removeCategory', category: el.dataset.category, basis: JSON.parse(el.dataset.basis!) });
  }
  for (const el of form.querySelectorAll<HTMLInputElement>('[data-refusal]')) {
    if (!el.checked) out.push({ op: 'removeRefusalGround', refusalGround: el.dataset.refusal, basis: JSON.parse(el.dataset.basis!) });
  }
  return out;
}

/** A problem as the page shows it: a title and a list of lines. */
function showProblem(title: string, lines: string[]): void {
  status.textContent = say.failed;
  const shown = lines.slice(0, SHOWN_ERRORS);
  if (lines.length > shown.length) shown.push(say.more(lines.length - shown.length));
  report.replaceChildren(h('div', { class: 'notice', role: 'alert' }, h('h3', {}, title), h('ul', {}, shown.map((l) => h('li', {}, l)))));
}

type Population = { cases: InlineCase[] } | { generate: { size: number; seed: number } };

/** The population to send and the file line of each inline case; undefined when there is none to send. */
async function population(): Promise<{ population: Population; lines: number[] } | undefined> {
  if (!input<HTMLInputElement>('pop-csv').checked) {
    const generate = { size: Number(input<HTMLInputElement>('pop-size').value), seed: Number(input<HTMLInputElement>('pop-seed').value) };
    return { population: { generate }, lines: [] };
  }
  const file = input<HTMLInputElement>('pop-file').files?.[0];
  if (!file) {
    status.textContent = say.chooseFile;
    return undefined;
  }
  const read = readCsv(await file.text(), config.columns, lang);
  if (!read.ok) return void showProblem(say.badPopulation, read.errors.map(say.line));
  if (!read.cases.length) return void showProblem(say.badPopulation, [say.noCases]);
  if (read.cases.length > config.maxCases) return void showProblem(say.badPopulation, [say.tooMany(config.maxCases)]);
  return { population: { cases: read.cases }, lines: read.lines };
}

interface Problem {
  title?: string;
  detail?: string;
  invalidParams?: { name: string; reason: string }[];
}

/** An invalid inline case by its line in the file; anything else by its JSON path. */
const problemLines = (p: Problem, lines: number[]): string[] => (p.invalidParams?.length
  ? p.invalidParams.map((x) => {
    const at = lineOf(x.name, lines);
    return at ? say.line({ ...at, message: x.reason }) : `${x.name}: ${x.reason}`;
  })
  : [p.detail ?? '']);

async function run(signal: AbortSignal, newest: () => boolean): Promise<void> {
  const pop = await population();
  if (!pop || !newest()) return;
  const apply = input<HTMLSelectElement>('apply').value;
  const scenario = {
    name: config.name,
    date: config.date,
    language: lang,
    baseline: { regulation: apply },
    variant: { regulation: apply, changes: changes() },
  };
  status.textContent = say.running;
  const started = performance.now();
  try {
    const res = await fetch('/v1/scenarios', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang, ...apiKey() },
      body: JSON.stringify({ scenario, population: pop.population, ...(config.vacancies && { vacancies: config.vacancies }) }),
      signal,
    });
    const answer = await res.json() as unknown;
    if (!newest()) return;
    if (res.ok) {
      // Markup made by the escaping html tag (client/report.ts).
      const fragment = document.createElement('template');
      fragment.innerHTML = reportView(answer as ScenarioReport).text;
      report.replaceChildren(fragment.content);
      status.textContent = say.done(((performance.now() - started) / 1000).toFixed(1));
    } else if (res.status === 401) {
      forgetKey();
      status.textContent = say.key;
      report.replaceChildren(keyForm(lang, runner.now));
    } else {
      const problem = answer as Problem;
      showProblem(problem.title ?? say.failed, problemLines(problem, pop.lines));
    }
  } catch (e) {
    if ((e as Error).name !== 'AbortError') status.textContent = `${say.failed} ${(e as Error).message}`;
  }
}

const runner = live(result, DEBOUNCE_MS, run);
form.addEventListener('change', runner.soon);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  runner.now();
});
