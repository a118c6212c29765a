// What the intake and the workbench share: a run that starts a moment after the last change, where a
// newer run aborts the older one and only the newest answer is shown; `aria-busy` on the result while an
// answer is pending; and the API key a server with keys asks for, kept for this tab only.
import { h } from './dom.ts';
import type { Lang } from './strings.ts';

const KEY_STORE = 'voorrang-api-key';

export const apiKey = (): Record<string, string> => {
  const key = sessionStorage.getItem(KEY_STORE);
  return key ? { Authorization: `Bearer ${key}` } : {};
};
export const forgetKey = (): void => sessionStorage.removeItem(KEY_STORE);

const keyWords = {
  nl: { label: 'API-sleutel', use: 'Sleutel gebruiken', note: 'De sleutel blijft alleen in dit tabblad bewaard.' },
  en: { label: 'API key', use: 'Use key', note: 'The key is kept in this tab only.' },
};

/** A small form asking for the key; `then` runs again once it is given. */
export function keyForm(lang: Lang, then: () => void): HTMLElement {
  const w = keyWords[lang];
  const input = h('input', { type: 'password', id: 'api-key', autocomplete: 'off', 'aria-describedby': 'api-key-note' }) as HTMLInputElement;
  const f = h('form', { class: 'key-form' },
    h('div', { class: 'field' }, h('label', { for: 'api-key' }, w.label), input, h('p', { class: 'hint', id: 'api-key-note' }, w.note)),
    h('button', { type: 'submit' }, w.use));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    sessionStorage.setItem(KEY_STORE, input.value.trim());
    then();
  });
  return f;
}

export interface Live {
  /** Run after the delay, unless another change comes first. */
  soon(): void;
  /** Run now. */
  now(): void;
}

/** `run` gets an abort signal and a check whether it is still the newest run when its answer arrives. */
export function live(busy: HTMLElement, delayMs: number, run: (signal: AbortSignal, newest: () => boolean) => Promise<void>): Live {
  let current: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const start = async () => {
    timer = undefined;
    current?.abort();
    const controller = (current = new AbortController());
    busy.setAttribute('aria-busy', 'true');
    try {
      await run(controller.signal, () => controller === current);
    } catch (e) {
      if ((e as Error).name !== 'AbortError') throw e;
    } finally {
      if (controller === current && timer === undefined) busy.removeAttribute('aria-busy');
    }
  };
  return {
    soon() {
      clearTimeout(timer);
      busy.setAttribute('aria-busy', 'true');
      timer = setTimeout(() => void start(), delayMs);
    },
    now() {
      clearTimeout(timer);
      void start();
    },
  };
}
