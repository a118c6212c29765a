// Urgentie toetsen: the case form (generated from the case schema) and the decision beside it. The page
// itself decides nothing: its script posts the case to the evaluations endpoint as the user types and
// shows the engine's decision (client/intake.ts). A concept is evaluated only when the user asks for it
// (the concept switch, off by default: Hvw art. 51 lid 10, a concept is not law).
import type { RuleBase } from '../../rulebase/rulebase.ts';
import { caseForm, claimGroups } from '../form.ts';
import { html, jsonData } from '../html.ts';
import { ui, type Lang } from '../i18n.ts';
import { layout } from '../layout.ts';
import { knownCode, municipalityPicker } from './parts.ts';

const words = {
  nl: {
    title: 'Urgentie toetsen',
    intro: 'Vul in wat u weet. Laat leeg wat u niet weet: een ontbrekend gegeven telt nooit als "nee". De beslissing hiernaast wordt bijgewerkt terwijl u typt.',
    application: 'Aanvraag',
    evaluate: 'Toetsen',
    reset: 'Formulier leegmaken',
    decision: 'Beslissing',
    waiting: 'Kies een gemeente en vul de aanvraagdatum in.',
    noscript: 'Voor het toetsen is JavaScript nodig: de pagina stuurt de gegevens naar de API van deze server.',
    concept: 'Concept simuleren (geen vastgestelde regeling)',
    conceptHint: 'Alleen een vastgestelde regeling is van kracht. Met deze keuze wordt een concept doorgerekend; de uitkomst is een simulatie, geen besluit.',
  },
  en: {
    title: 'Check urgency',
    intro: 'Fill in what you know. Leave empty what you do not know: a missing fact never counts as "no". The decision beside the form updates as you type.',
    application: 'Application',
    evaluate: 'Check',
    reset: 'Clear the form',
    decision: 'Decision',
    waiting: 'Choose a municipality and enter the application date.',
    noscript: 'Checking needs JavaScript: the page sends the facts to this server\'s API.',
    concept: 'Simulate a concept (not an adopted regulation)',
    conceptHint: 'Only an adopted regulation is in force. With this choice a concept is evaluated; the outcome is a simulation, not a decision.',
  },
} as const;

export interface IntakeQuery {
  code?: string;
  date?: string;
}

export function intakePage(ruleBase: RuleBase, lang: Lang, q: IntakeQuery, today: string): string {
  const w = words[lang];
  const code = knownCode(ruleBase, q.code);
  const form = caseForm({
    lang,
    claims: claimGroups(ruleBase),
    municipalities: ruleBase.municipalities,
    values: { applicationDate: q.date ?? today },
  });
  return layout({ lang, page: 'intake', title: w.title, params: { gemeente: code, datum: q.date }, scripts: ['intake.ts'], body: html`
    <p>${w.intro}</p>
    <noscript><p class="notice">${w.noscript}</p></noscript>
    ${jsonData('intake-config', { lang })}
    <div class="intake">
      <form id="intake" class="case-form" novalidate>
        <fieldset class="group depth-0">
          <legend>${w.application}</legend>
          ${municipalityPicker(ruleBase, lang, 'gemeente', code, ui[lang].municipality, 'gemeente')}
          ${form.top}
          <div class="field">
            <div class="check"><input type="checkbox" id="concept-simulation" aria-describedby="concept-simulation-hint"><label for="concept-simulation">${w.concept}</label></div>
            <p class="hint" id="concept-simulation-hint">${w.conceptHint}</p>
          </div>
        </fieldset>
        ${form.groups}
        <div class="actions">
          <button type="submit">${w.evaluate}</button>
          <button type="reset" class="secondary">${w.reset}</button>
        </div>
      </form>
      <section class="decision" id="decision" aria-labelledby="decision-h">
        <h2 id="decision-h">${w.decision}</h2>
        <div id="outcome" class="outcome" role="status" aria-live="polite" aria-atomic="true"><p>${w.waiting}</p></div>
        <div id="decision-body"></div>
      </section>
    </div>` });
}
