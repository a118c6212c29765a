// Vergelijken: two regulations side by side in regulation terms — the semantic changes with their
// direction and a witness case decided under both, the conformance findings, and the redline of the
// article texts. The report is the diff issue's diffRegulations(); this page only lays it out, in the
// site's shell, printable.
import { diffRegulations } from '../../diff/compare-regulations.ts';
import { htmlRedline } from '../../diff/render/render-html.ts';
import { decisionWords, headings, period } from '../../diff/render/render-words.ts';
import type { DiffReport, TestChange, ValueChange, Witness } from '../../diff/model/report.ts';
import { AgainstError, resolveComparison } from '../../diff/sides.ts';
import type { EvaluatesUnder } from '../../diff/witness/witnesses.ts';
import { directionWord, kindWord } from '../../diff/render/words.ts';
import { NotInForceError, type RuleBase } from '../../rulebase/rulebase.ts';
import { html, raw, type Html } from '../html.ts';
import type { Lang } from '../i18n.ts';
import { layout } from '../layout.ts';
import { notInForceNotice } from './regulation.ts';
import { datePicker, knownCode, municipalityPicker, pickerForm } from './parts.ts';

const words = {
  nl: {
    title: 'Vergelijken',
    intro: 'Vergelijk de regeling van een gemeente met het model, met een andere gemeente of met zichzelf op een andere datum. Elke gewijzigde voorwaarde heeft een getuige: een casus die onder beide regelingen is beoordeeld en het verschil laat zien.',
    subject: 'Gemeente',
    against: 'Vergelijken met',
    model: 'het model waarop de gemeente bouwt',
    otherDate: 'dezelfde gemeente op een andere datum',
    otherDateLabel: 'Andere datum (bij vergelijken met dezelfde gemeente)',
    compare: 'Vergelijken',
    print: 'Afdrukken',
    municipalities: 'Andere gemeente',
    witnessCase: 'Volledige casus',
  },
  en: {
    title: 'Compare',
    intro: 'Compare a municipality\'s regulation with the model, with another municipality, or with itself on another date. Every changed condition has a witness: a case decided under both regulations that shows the difference.',
    subject: 'Municipality',
    against: 'Compare with',
    model: 'the model the municipality builds on',
    otherDate: 'the same municipality on another date',
    otherDateLabel: 'Other date (when comparing with the same municipality)',
    compare: 'Compare',
    print: 'Print',
    municipalities: 'Another municipality',
    witnessCase: 'Full case',
  },
} as const;

export interface DiffQuery {
  code?: string;
  against?: string;
  date?: string;
  otherDate?: string;
}

/** `evaluator` is the app's own, so the witnesses are decided by the engine that decides every case. */
export async function diffPage(ruleBase: RuleBase, evaluator: EvaluatesUnder, lang: Lang, q: DiffQuery, today: string): Promise<string> {
  const w = words[lang];
  const code = knownCode(ruleBase, q.code);
  const date = q.date ?? today;
  const against = q.against === 'date' || (q.against && ruleBase.municipalities.some((m) => m.code === q.against)) ? q.against : 'model';
  const form = pickerForm(lang, '/vergelijken', html`
      ${municipalityPicker(ruleBase, lang, 'gemeente', code, w.subject)}
      <div class="field">
        <label for="tegen">${w.against}</label>
        <select id="tegen" name="tegen">
          <option value="model"${against === 'model' ? html` selected` : ''}>${w.model}</option>
          <option value="date"${against === 'date' ? html` selected` : ''}>${w.otherDate}</option>
          <optgroup label="${w.municipalities}">${ruleBase.municipalities.map((m) => html`
            <option value="${m.code}"${m.code === against ? html` selected` : ''}>${m.name} (${m.code})</option>`)}
          </optgroup>
        </select>
      </div>
      ${datePicker(lang, 'datum', date)}
      <div class="field">
        <label for="tegendatum">${w.otherDateLabel}</label>
        <input type="date" id="tegendatum" name="tegendatum" value="${q.otherDate ?? ''}">
      </div>`, w.compare);
  let body: Html;
  try {
    const target = against === 'date' ? q.otherDate ?? date : against;
    const { base, subject, baseDate } = resolveComparison(ruleBase, code, target, date);
    body = reportView(await diffRegulations(base, subject, { date, baseDate, lang, evaluator }), lang);
  } catch (e) {
    if (e instanceof NotInForceError) body = notInForceNotice(e, lang, code, 'diff');
    else if (e instanceof AgainstError) body = html`<div class="notice" role="status"><p>${e.message}</p></div>`;
    else throw e;
  }
  return layout({ lang, page: 'diff', title: w.title, scripts: ['print.ts'],
    params: { gemeente: code, tegen: against, datum: date, tegendatum: q.otherDate }, body: html`
    <p class="no-print">${w.intro}</p>
    ${form}
    ${body}` });
}

function reportView(r: DiffReport, lang: Lang): Html {
  const h = headings[lang];
  const badge = (d: TestChange['direction']) => html`<span class="badge dir-${d}">${directionWord[lang][d]}</span>`;
  const witness = (x: { witness?: Witness; noWitness?: string }): Html | string => {
    if (!x.witness) return x.noWitness ? html`<p class="witness">${h.witness}: ${x.noWitness}</p>` : '';
    const wi = x.witness;
    const rooms = !!wi.base.searchProfile && !!wi.subject.searchProfile && wi.base.searchProfile !== wi.subject.searchProfile;
    return html`<div class="witness"><p>${h.witness}: ${wi.keyFacts.join('; ')} →
      <strong>${r.base.name}</strong>: ${decisionWords(wi.base, lang, rooms)};
      <strong>${r.subject.name}</strong>: ${decisionWords(wi.subject, lang, rooms)}</p>
      <details><summary>${words[lang].witnessCase}</summary><pre>${JSON.stringify(wi.case, null, 2)}</pre></details></div>`;
  };
  const tests = (id: string, title: string, list: TestChange[]) => (list.length ? html`
    <section id="${id}" aria-labelledby="${id}-h">
      <h3 id="${id}-h">${title}</h3>
      ${list.map((t) => html`
      <div class="change">
        <h4>${kindWord[lang][t.kind]}: ${t.label} <span class="note">(${t.citation})</span> ${badge(t.direction)}</h4>
        ${t.details.length || t.conditions.length ? html`<ul>
          ${t.details.map((d) => html`<li>${d}</li>`)}
          ${t.conditions.map((c) => html`<li>${badge(c.direction)} ${[...c.path, ''].join(' › ')}${c.description}
            ${c.citation ? html` <span class="note">(${c.citation})</span>` : ''}${c.parameter ? html` <span class="note">${h.viaParameter(c.parameter)}</span>` : ''}
            ${witness(c)}</li>`)}
        </ul>` : ''}
        ${witness(t)}
      </div>`)}
    </section>` : '');
  const values = (id: string, title: string, list: ValueChange[]) => (list.length ? html`
    <section id="${id}" aria-labelledby="${id}-h">
      <h3 id="${id}-h">${title}</h3>
      <ul>${list.map((v) => html`<li>${badge(v.direction)} ${v.description} <span class="note">(${v.citation})</span>${witness(v)}</li>`)}</ul>
    </section>` : '');
  const row = (label: string, f: (s: DiffReport['base']) => string) => html`<tr><th scope="row">${label}</th><td>${f(r.base)}</td><td>${f(r.subject)}</td></tr>`;

  return html`
    <article class="diff-report" aria-labelledby="diff-title">
      <h2 id="diff-title">${r.subject.name} ${h.versus} ${r.base.name}</h2>
      <p class="no-print"><button type="button" data-print>${words[lang].print}</button></p>
      <div class="table-wrap"><table>
        <caption class="visually-hidden">${h.base} / ${h.subject}</caption>
        <thead><tr><td></td><th scope="col">${h.base}</th><th scope="col">${h.subject}</th></tr></thead>
        <tbody>
          ${row(h.regulation, (s) => s.title)}
          ${row(h.set, (s) => `${s.set}${s.municipality ? ` (${s.municipality.code})` : ''}`)}
          ${row(h.takenOn, (s) => s.date)}
          ${row(h.period, period)}
          ${row(h.status, (s) => (s.status === 'concept' ? h.concept : h.adopted))}
          ${row(h.law, (s) => s.law)}
          ${row(h.digest, (s) => s.digest)}
        </tbody>
      </table></div>
      <p class="note">${h.dateNote(r.date)}</p>
      <p class="diff-summary"><strong>${h.summary}.</strong> ${r.identical ? h.identical : r.summary.sentence}</p>

      ${r.law ? html`<section aria-labelledby="law-h"><h3 id="law-h">${h.lawFrame}</h3><ul>${r.law.sentences.map((s) => html`<li>${s}</li>`)}</ul></section>` : ''}
      <section aria-labelledby="conformance-h">
        <h3 id="conformance-h">${h.conformance}</h3>
        ${r.findings.some((f) => f.level === 'error') ? '' : html`<p>${h.conformant}</p>`}
        ${r.findings.map((f) => html`<p class="finding ${f.level}"><strong>${f.level === 'error' ? h.error : h.attention}</strong> (${f.citation}): ${f.message}</p>`)}
      </section>
      ${tests('diff-categories', h.categories, r.categories)}
      ${tests('diff-requirements', h.requirements, r.requirements)}
      ${tests('diff-refusal', h.refusalGrounds, r.refusalGrounds)}
      ${r.parameters.length ? html`
      <section id="diff-parameters" aria-labelledby="diff-parameters-h">
        <h3 id="diff-parameters-h">${h.parameters}</h3>
        <div class="table-wrap"><table>
          <thead><tr><th scope="col">${h.parameter}</th><th scope="col">${h.old}</th><th scope="col">${h.new}</th><th scope="col">${h.direction}</th><th scope="col">${h.source}</th></tr></thead>
          <tbody>${r.parameters.map((p) => html`
            <tr><th scope="row">${p.label}<br><code>${p.name}</code>${p.usedBy.length ? html`<ul>${p.usedBy.map((u) => html`<li>${u.test}: ${u.condition} ${badge(u.direction)}</li>`)}</ul>` : ''}</th>
              <td>${p.old?.value ?? h.none}</td><td>${p.new?.value ?? h.none}</td>
              <td>${p.direction ? badge(p.direction) : kindWord[lang][p.kind].toLowerCase()}</td>
              <td>${p.old && p.new && p.old.source !== p.new.source ? `${p.old.source} → ${p.new.source}` : (p.new ?? p.old)!.source}${p.note ? html`<br><span class="note">${p.note}</span>` : ''}</td></tr>`)}
          </tbody>
        </table></div>
      </section>` : ''}
      ${values('diff-validity', h.validity, r.validity ? [r.validity] : [])}
      ${r.ranking ? html`
      <section id="diff-ranking" aria-labelledby="diff-ranking-h">
        <h3 id="diff-ranking-h">${h.ranking} <span class="note">(${r.ranking.citation})</span></h3>
        <ul><li>${h.oldOrder}: ${r.ranking.old.join(', ')}</li><li>${h.newOrder}: ${r.ranking.new.join(', ')}</li>${r.ranking.moved.map((m) => html`<li>${m}</li>`)}</ul>
        ${witness(r.ranking)}
      </section>` : ''}
      ${values('diff-search', h.searchProfile, r.searchProfile)}
      ${values('diff-binding', h.binding, r.binding)}
      ${r.articles.length ? html`
      <section id="diff-articles" aria-labelledby="diff-articles-h">
        <h3 id="diff-articles-h">${h.articles}</h3>
        <p class="note legend">${lang === 'nl' ? 'Doorgehaald: vervalt. Onderstreept: nieuw.' : 'Struck through: removed. Underlined: added.'}</p>
        ${r.articles.map((a) => html`
        <section class="article-diff" aria-labelledby="diff-art-${a.id}">
          <h4 id="diff-art-${a.id}">${h.article} ${a.id} ${a.title} <span class="note">(${[kindWord[lang][a.kind].toLowerCase(), ...(a.oldId ? [h.renumbered(a.oldId)] : []), ...(a.summary ? [h.summaryText] : [])].join('; ')})</span></h4>
          <p class="redline" lang="nl">${raw(htmlRedline(a.redline))}</p>
        </section>`)}
      </section>` : ''}
      <p class="digest">${r.subject.digest} · ${r.base.digest}</p>
    </article>`;
}
