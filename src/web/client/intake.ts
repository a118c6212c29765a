// The intake page's script: reads the generated form into a case, posts it to the evaluations endpoint
// of this server as the user types (debounced, the newest answer wins), and shows the decision. It
// holds no rule: every outcome, sentence and missing fact comes from the engine.
import type { Decision } from '../../engine/decision.ts';
import { decisionView, outcomeView } from './decision.ts';
import { h, pageData } from './dom.ts';
import { fieldIdOf } from './fields.ts';
import { apiKey, forgetKey, keyForm, live } from './live.ts';
import { strings, type Lang } from './strings.ts';

const DEBOUNCE_MS = 300;

const { lang } = pageData<{ lang: Lang }>('intake-config');
const s = strings[lang];
const form = document.getElementById('intake') as HTMLFormElement;
const outcome = document.getElementById('outcome')!;
const body = document.getElementById('decision-body')!;
const municipality = document.getElementById('gemeente') as HTMLSelectElement;
const panel = document.getElementById('decision')!;
/** Off by default: only an adopted regulation is in force; a concept is simulated only on request. */
const conceptSwitch = document.getElementById('concept-simulation') as HTMLInputElement;

type Json = Record<string, unknown>;

function setPath(target: Json, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = target;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Json;
  o[keys.at(-1)!] = value;
}

/** The case as the form stands; empty controls and hidden (unclaimed) groups are left out. */
function readCase(): { c: Json; badNumbers: string[] } {
  const c: Json = {};
  const badNumbers: string[] = [];
  for (const toggle of form.querySelectorAll<HTMLInputElement>('[data-claim-toggle]')) {
    if (toggle.checked) setPath(c, toggle.dataset.claimToggle!, {});
  }
  for (const el of form.querySelectorAll<HTMLElement>('[data-path]')) {
    if (el.closest('[hidden]')) continue;
    const path = el.dataset.path!;
    if (el.dataset.kind === 'boolean') {
      const v = el.querySelector<HTMLInputElement>('input:checked')?.value;
      if (v) setPath(c, path, v === 'true');
      continue;
    }
    const input = el as HTMLInputElement | HTMLSelectElement;
    if (input instanceof HTMLInputElement && input.type === 'number') {
      if (input.validity.badInput) badNumbers.push(path);
      else if (input.value !== '') setPath(c, path, Number(input.value));
    } else if (input.value !== '') {
      setPath(c, path, input.value);
    }
  }
  return { c, badNumbers };
}

function clearMarks(): void {
  for (const el of form.querySelectorAll('.need, .error')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.is-needed')) el.classList.remove('is-needed');
}

function markError(path: string, message: string): void {
  const id = fieldIdOf(path);
  const control = document.getElementById(id);
  if (!control) return;
  control.setAttribute('aria-invalid', 'true');
  document.getElementById(`${id}-error`)!.textContent = message;
}

function regulationPage(code: string, date: string): string {
  const q = new URLSearchParams({ gemeente: code, datum: date, ...(lang === 'en' && { lang: 'en' }) });
  return `/regeling?${q}`;
}

function show(d: Decision, code: string): void {
  const hasField = (fact: string) => document.getElementById(fieldIdOf(fact)) !== null;
  outcome.replaceChildren(outcomeView(d, lang));
  body.replaceChildren(decisionView(d, { lang, regulationPage: regulationPage(code, d.applicationDate), hasField }));
  d.missingFacts.forEach((m, i) => {
    const id = fieldIdOf(m.fact);
    const need = document.getElementById(`${id}-need`);
    if (!need) return;
    need.textContent = s.needMark(i + 1);
    document.getElementById(id)?.closest('.field')?.classList.add('is-needed');
  });
}

function showProblem(title: string, detail: string, extra?: HTMLElement): void {
  outcome.replaceChildren(h('div', { class: 'verdict problem' }, h('p', { class: 'verdict-title' }, title), h('p', {}, detail)));
  body.replaceChildren(...(extra ? [extra] : []));
}

async function evaluate(signal: AbortSignal, newest: () => boolean): Promise<void> {
  const { c, badNumbers } = readCase();
  clearMarks();
  if (badNumbers.length) {
    for (const p of badNumbers) markError(p, s.notANumber);
    showProblem(s.error, s.invalid);
    return;
  }
  const code = municipality.value;
  const query = conceptSwitch.checked ? '?concept=true' : '';
  try {
    const res = await fetch(`/v1/regulations/${encodeURIComponent(code)}/evaluations${query}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept-Language': lang, ...apiKey() },
      body: JSON.stringify(c),
      signal,
    });
    const answer = await res.json() as Json;
    if (!newest()) return;
    if (res.ok) {
      show(answer as unknown as Decision, code);
      return;
    }
    const problem = answer as { title?: string; detail?: string; invalidParams?: { name: string; reason: string }[] };
    for (const p of problem.invalidParams ?? []) markError(p.name.replace(/^\$\./, ''), p.reason);
    if (res.status === 401) {
      forgetKey();
      showProblem(problem.title ?? s.error, s.keyNeeded, keyForm(lang, runner.now));
    } else if (res.status === 422 && !conceptSwitch.checked) {
      showProblem(problem.title ?? s.error, problem.detail ?? String(res.status), h('p', { class: 'hint' }, s.intakeConceptHint));
    } else {
      showProblem(problem.title ?? s.error, problem.detail ?? String(res.status));
    }
  } catch (e) {
    if ((e as Error).name !== 'AbortError') showProblem(s.error, (e as Error).message);
  }
}

const runner = live(panel, DEBOUNCE_MS, evaluate);

for (const toggle of form.querySelectorAll<HTMLInputElement>('[data-claim-toggle]')) {
  toggle.addEventListener('change', () => {
    const group = document.getElementById(toggle.getAttribute('aria-controls')!)!;
    group.hidden = !toggle.checked;
  });
}
form.addEventListener('input', runner.soon);
form.addEventListener('change', runner.soon);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  runner.now();
});
form.addEventListener('reset', () => {
  setTimeout(() => {
    for (const g of form.querySelectorAll<HTMLElement>('[data-group]')) {
      const toggle = form.querySelector<HTMLInputElement>(`[aria-controls="${g.id}"]`);
      if (toggle) g.hidden = !toggle.checked;
    }
    runner.soon();
  });
});
// A link to a missing fact moves the focus into its field.
body.addEventListener('click', (e) => {
  const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-focus-field]');
  if (!link) return;
  const target = document.getElementById(fieldIdOf(link.dataset.focusField!));
  const focusable = target?.matches('input, select') ? target : target?.querySelector<HTMLElement>('input:checked, input');
  if (focusable) {
    e.preventDefault();
    focusable.focus();
    focusable.scrollIntoView({ block: 'center' });
  }
});
runner.now();
