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
