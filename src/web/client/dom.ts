// A small element builder for the browser modules: text is always set as text, never parsed as HTML.

type Child = Node | string | number | null | undefined | false | Child[];

export function h(tag: string, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) el.setAttribute(k, '');
    else if (typeof v === 'string') el.setAttribute(k, v);
  }
  append(el, children);
  return el;
}

function append(el: HTMLElement, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(typeof c === 'number' ? String(c) : c);
  }
}

/** Reads the JSON data island the server put in the page. */
export function pageData<T>(id: string): T {
  return JSON.parse(document.getElementById(id)!.textContent!) as T;
}
