// The intake form, generated from the case schema (src/case/schema.ts via z.toJSONSchema): one control
// per case field, typed by the schema (number, yes/no/unknown, choice, date), labelled from labels.ts.
// Nothing here knows a rule; which case objects are claims (grounds) comes from the categories'
// `ground` in the rule base. Every control starts empty — "unknown" — because a missing fact is never
// read as false.
import { z } from 'zod';
import { Case } from '../case/schema.ts';
import type { RuleBase } from '../rulebase/rulebase.ts';
import { fieldIdOf } from './client/fields.ts';
import { html, type Html } from './html.ts';
import type { Lang } from './i18n.ts';
import { fieldLabels, groupLabels, optionLabels } from './labels.ts';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  enum?: string[];
  format?: string;
  pattern?: string;
  minimum?: number;
  description?: string;
}

export const caseJsonSchema = z.toJSONSchema(Case, { target: 'draft-2020-12' }) as JsonSchema;

const words = {
  nl: { yes: 'Ja', no: 'Nee', unknown: 'Onbekend', claim: (g: string) => `Aanvraag op grond van ${g.toLowerCase()}`, claimHint: 'Vink aan om deze grond te laten beoordelen.' },
  en: { yes: 'Yes', no: 'No', unknown: 'Unknown', claim: (g: string) => `Apply on the ground of ${g.toLowerCase()}`, claimHint: 'Tick to have this ground assessed.' },
};

/** Every case object that some category claims by (`grounds.mantelzorg`, …), across the rule base. */
export function claimGroups(ruleBase: RuleBase): Set<string> {
  const groups = new Set<string>();
  for (const periods of ruleBase.periods.values()) {
    for (const p of periods) for (const c of p.regulation.categories) if (c.ground) groups.add(c.ground);
  }
  return groups;
}

export interface FormOptions {
  lang: Lang;
  claims: Set<string>;
  municipalities: { code: string; name: string }[];
  values?: Record<string, string>;
}

const describedBy = (id: string, hint: boolean) => [hint && `${id}-hint`, `${id}-need`, `${id}-error`].filter(Boolean).join(' ');

function notes(id: string): Html {
  return html`<p class="need" id="${id}-need"></p><p class="error" id="${id}-error"></p>`;
}

function field(path: string, s: JsonSchema, o: FormOptions): Html {
  const id = fieldIdOf(path);
  const label = fieldLabels[path];
  const text = label?.[o.lang] ?? path;
  const hint = label?.hint?.[o.lang];
  const hintHtml = hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : '';
  const w = words[o.lang];
  const value = o.values?.[path] ?? '';
  if (s.type === 'boolean') {
    const radio = (v: string, t: string) => html`
          <span class="choice"><input type="radio" id="${id}-${v || 'unknown'}" name="${path}" value="${v}"${v === '' ? html` checked` : ''}><label for="${id}-${v || 'unknown'}">${t}</label></span>`;
    return html`
      <fieldset class="field yesno" id="${id}" data-path="${path}" data-kind="boolean" tabindex="-1" aria-describedby="${describedBy(id, !!hint)}">
        <legend>${text}</legend>${hintHtml}
        <div class="choices">${radio('true', w.yes)}${radio('false', w.no)}${radio('', w.unknown)}</div>
        ${notes(id)}
      </fieldset>`;
  }
  let control: Html;
  if (s.enum) {
    control = html`<select id="${id}" data-path="${path}" data-kind="enum" aria-describedby="${describedBy(id, !!hint)}">
          <option value="">${w.unknown}</option>${s.enum.map((v) => html`
          <option value="${v}"${v === value ? html` selected` : ''}>${optionLabels[path]?.[v]?.[o.lang] ?? v}</option>`)}
        </select>`;
  } else if (s.type === 'integer' || s.type === 'number') {
    control = html`<input type="number" id="${id}" data-path="${path}" data-kind="${s.type}" inputmode="${s.type === 'integer' ? 'numeric' : 'decimal'}"
          ${s.minimum !== undefined ? html`min="${s.minimum}"` : ''} step="${s.type === 'integer' ? '1' : 'any'}" value="${value}" aria-describedby="${describedBy(id, !!hint)}">`;
  } else if (s.format === 'date') {
    control = html`<input type="date" id="${id}" data-path="${path}" data-kind="string" value="${value}" aria-describedby="${describedBy(id, !!hint)}">`;
  } else {
    control = html`<input type="text" id="${id}" data-path="${path}" data-kind="string" autocomplete="off" spellcheck="false"
          ${s.pattern ? html`pattern="${s.pattern}"` : ''} list="${id}-list" value="${value}" aria-describedby="${describedBy(id, !!hint)}">
        <datalist id="${id}-list">${o.municipalities.map((m) => html`<option value="${m.code}">${m.name}</option>`)}</datalist>`;
  }
  return html`
      <div class="field" data-field="${path}">
        <label for="${id}">${text}</label>${hintHtml}
        ${control}
        ${notes(id)}
      </div>`;
}

function group(path: string, s: JsonSchema, o: FormOptions, depth: number): Html {
  const id = fieldIdOf(path);
  const legend = groupLabels[path]?.[o.lang] ?? path;
  const children = Object.entries(s.properties ?? {}).map(([k, child]) => node(`${path}.${k}`, child, o, depth + 1));
  if (o.claims.has(path)) {
    const w = words[o.lang];
    return html`
      <div class="claim" data-claim="${path}">
        <div class="check"><input type="checkbox" id="${id}-claim" data-claim-toggle="${path}" aria-controls="${id}" aria-describedby="${id}-claim-hint"><label for="${id}-claim">${w.claim(legend)}</label></div>
        <p class="hint visually-hidden" id="${id}-claim-hint">${w.claimHint}</p>
        <fieldset class="group" id="${id}" data-group="${path}" hidden>
          <legend>${legend}</legend>${children}
        </fieldset>
      </div>`;
  }
  return html`
    <fieldset class="group depth-${depth}" id="${id}" data-group="${path}">
      <legend>${legend}</legend>${children}
    </fieldset>`;
}

function node(path: string, s: JsonSchema, o: FormOptions, depth: number): Html {
  return s.type === 'object' ? group(path, s, o, depth) : field(path, s, o);
}

/** The case's fields as form controls, in the schema's order: the top-level fields (the application
 * date) apart, to stand beside the municipality, and the groups. */
export function caseForm(o: FormOptions): { top: Html; groups: Html } {
  const entries = Object.entries(caseJsonSchema.properties ?? {});
  return {
    top: html`${entries.filter(([, s]) => s.type !== 'object').map(([k, s]) => field(k, s, o))}`,
    groups: html`${entries.filter(([, s]) => s.type === 'object').map(([k, s]) => group(k, s, o, 0))}`,
  };
}
