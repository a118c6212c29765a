// Form controls and badges shared by the pages.
import type { RuleBase } from '../../rulebase/rulebase.ts';
import { html, type Html } from '../html.ts';
import { ui, type Lang } from '../i18n.ts';

/** A labelled select of the municipalities, grouped by region. */
export function municipalityPicker(ruleBase: RuleBase, lang: Lang, name: string, selected: string, label: string = ui[lang].municipality, id = name): Html {
  return html`<div class="field">
        <label for="${id}">${label}</label>
        <select id="${id}" name="${name}">${ruleBase.regions.map((r) => html`
          <optgroup label="${r.name}">${ruleBase.municipalities.filter((m) => m.region === r.id).map((m) => html`
            <option value="${m.code}"${m.code === selected ? html` selected` : ''}>${m.name} (${m.code})</option>`)}
          </optgroup>`)}
        </select>
      </div>`;
}

export function datePicker(lang: Lang, name: string, value: string, label: string = ui[lang].date, id = name): Html {
  return html`<div class="field">
        <label for="${id}">${label}</label>
        <input type="date" id="${id}" name="${name}" value="${value}" required>
      </div>`;
}

export function statusBadge(status: 'adopted' | 'concept', lang: Lang): Html {
  return status === 'concept' ? html`<span class="badge concept">${ui[lang].concept}</span>` : html`<span class="badge adopted">${ui[lang].adopted}</span>`;
}

/** The municipality asked for when the rule base knows it, else the first one. */
export const knownCode = (ruleBase: RuleBase, code: string | undefined): string =>
  code && ruleBase.municipalities.some((m) => m.code === code) ? code : ruleBase.municipalities[0]!.code;

/** A GET form that reloads the page for other choices, keeping the language. */
export function pickerForm(lang: Lang, action: string, fields: Html, button: string): Html {
  return html`
    <form class="picker" method="get" action="${action}">
      ${lang === 'en' ? html`<input type="hidden" name="lang" value="en">` : ''}
      ${fields}
      <button type="submit">${button}</button>
    </form>`;
}
