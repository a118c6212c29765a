// The workbench's script: reads the edited regulation as changes in the change language (only what
// differs from the regulation loaded), sends them with the population to /scenarios/run, and shows the
// report the server laid out. A newer run aborts an older one.
import { h, pageData } from './dom.ts';
import { apiKey, forgetKey, keyForm, live } from './live.ts';
import type { Lang } from './strings.ts';

const DEBOUNCE_MS = 400;

const config = pageData<{ lang: Lang; code: string; date: string; name: string }>('scenario-config');
const { lang } = config;
const say = {
  nl: { running: 'Bezig met doorrekenen…', done: (s: string) => `Klaar, doorgerekend in ${s} s.`, failed: 'Doorrekenen mislukt.', chooseFile: 'Kies eerst een CSV-bestand.', key: 'Deze server vraagt een API-sleutel voor een geüploade populatie (persoonsgegevens).' },
  en: { running: 'Running…', done: (s: string) => `Done, run in ${s} s.`, failed: 'The run failed.', chooseFile: 'Choose a CSV file first.', key: 'This server asks for an API key for an uploaded population (personal data).' },
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

async function population(): Promise<object | undefined> {
  if (input<HTMLInputElement>('pop-csv').checked) {
    const file = input<HTMLInputElement>('pop-file').files?.[0];
    return file ? { csv: await file.text() } : undefined;
  }
  return { generate: { size: Number(input<HTMLInputElement>('pop-size').value), seed: Number(input<HTMLInputElement>('pop-seed').value) } };
}

async function run(signal: AbortSignal, newest: () => boolean): Promise<void> {
  const pop = await population();
  if (!pop) {
    status.textContent = say.chooseFile;
    return;
  }
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
    const res = await fetch('/scenarios/run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...apiKey() },
      body: JSON.stringify({ scenario, population: pop }),
      signal,
    });
    const text = await res.text();
    if (!newest()) return;
    if (res.status === 401) {
      forgetKey();
      status.textContent = say.key;
      report.replaceChildren(keyForm(lang, runner.now));
    } else if (res.headers.get('content-type')?.startsWith('text/html')) {
      // Markup made by the server's escaping template (src/web/pages/scenario.ts).
      const fragment = document.createElement('template');
      fragment.innerHTML = text;
      report.replaceChildren(fragment.content);
      status.textContent = res.ok ? say.done(((performance.now() - started) / 1000).toFixed(1)) : say.failed;
    } else {
      status.textContent = say.failed;
      report.replaceChildren(h('pre', {}, text));
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
