// A tiny HTML template tag: every interpolated value is escaped unless it is already Html (made by this
// tag or by raw()); arrays are joined. Server-rendered pages are built from it, so no value from a rule
// file, the case or the URL reaches the page unescaped.
import { escapeHtml } from '../views/escape.ts';

export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

type Value = Html | string | number | boolean | null | undefined | readonly Value[];

function render(v: Value): string {
  if (v === null || v === undefined || v === false) return '';
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

/** Trusted markup, e.g. JSON for a data island (see jsonData). */
export const raw = (text: string): Html => new Html(text);

/** Data for the page's scripts: JSON in a non-executed script element, safe against `</script>`. */
export const jsonData = (id: string, data: unknown): Html =>
  html`<script type="application/json" id="${id}">${raw(JSON.stringify(data).replace(/</g, '\\u003c'))}</script>`;

/** A query string from the given parameters, skipping empty ones. */
export function query(params: Record<string, string | undefined>): string {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1]));
  const s = q.toString();
  return s ? `?${s}` : '';
}
