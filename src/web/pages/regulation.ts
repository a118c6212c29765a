// Regeling: a municipality's regulation in force on a date — layers, categories with their conditions
// in words, parameters with their sources, the article texts. Server-rendered from the resolved rule
// base (the same view the API serves); works without JavaScript.
import { citeArticle, citeBasis } from '../../rulebase/cite.ts';
import { NotInForceError, type RegulationInForce, type RuleBase } from '../../rulebase/rulebase.ts';
import type { Condition } from '../../rulebase/schema.ts';
import { childrenOf, isGroup, isLeaf, kindOf } from '../../rulebase/condition-tree.ts';
import { formatValue, requirementWords, withUnit } from '../../engine/explain.ts';
import { regulationDetail } from '../../views/regulation.ts';
import { articleId, basisHref } from '../client/links.ts';
import { html, type Html } from '../html.ts';
import { optionLabels } from '../labels.ts';
import { ui, type Lang, type PageId } from '../i18n.ts';
import { layout, pageHref } from '../layout.ts';
import { datePicker, knownCode, municipalityPicker, pickerForm, statusBadge } from './parts.ts';

const words = {
  nl: {
    title: 'Regeling',
    intro: 'De urgentieregeling die op de peildatum van kracht is: alle lagen samengevoegd, zoals de beslissing ze toepast.',
    chain: 'Lagen', layer: 'Laag', version: 'Versie', status: 'Status', period: 'Geldt',
    layers: { wet: 'wet', model: 'model', regio: 'regio', gemeente: 'gemeente' },
    from: (f: string, u?: string) => (u ? `${f} tot en met ${u}` : `vanaf ${f}`),
    versions: 'Versies van deze gemeente',
    requirements: 'Algemene voorwaarden',
    requirementsIntro: 'Gelden voor elke categorie. Een bindingseis geldt niet voor de categorieën waarvoor de wet die verbiedt.',
    refusalGrounds: 'Weigeringsgronden',
    refusalIntro: 'Eén die van toepassing is, leidt tot weigering.',
    categories: 'Urgentiecategorieën',
    categoriesIntro: 'In de rangorde: wie aan meer categorieën voldoet, krijgt de eerste.',
    rank: 'Rang',
    mandatory: (by: string) => `Wettelijk verplicht (${by})`,
    exempt: (requirement: string, article: string) => `Geldt niet: ${requirement} (${article})`,
    shield: (article: string) => `Geen bindingsvoorrang tegen deze groep (${article})`,
    binding: 'bindingseis',
    setBy: 'Vastgelegd in',
    conditions: 'Voorwaarden',
    all: 'Alle volgende:', any: 'Ten minste één van:', not: 'Niet:',
    parameters: 'Parameters',
    parameter: 'Parameter', value: 'Waarde op peildatum', source: 'Grondslag', unknown: 'onbekend op deze datum',
    dated: 'Waarden per periode',
    validity: 'Geldigheid en zoekprofiel',
    validityText: (m: string) => `Een urgentieverklaring geldt ${m} maanden.`,
    searchProfile: 'Zoekprofiel',
    children: 'Minderjarige kinderen', rooms: 'Kamers',
    articles: 'Artikelen',
    lawArticles: 'Wettelijk kader',
    summaryNote: 'Eigen samenvatting, niet de officiële tekst.',
    officialText: 'Officiële tekst',
    digest: 'Digest van de samengevoegde regels',
    choose: 'Kies een gemeente en een peildatum.',
    toIntake: 'Toets een aanvraag aan deze regeling',
  },
  en: {
    title: 'Regulation',
    intro: 'The urgency scheme in force on the date: every layer merged, as the decision applies it.',
    chain: 'Layers', layer: 'Layer', version: 'Version', status: 'Status', period: 'Applies',
    layers: { wet: 'law', model: 'model', regio: 'region', gemeente: 'municipality' },
    from: (f: string, u?: string) => (u ? `${f} through ${u}` : `from ${f}`),
    versions: "This municipality's versions",
    requirements: 'General requirements',
    requirementsIntro: 'Apply to every category. A binding requirement does not apply to the categories for which the law forbids one.',
    refusalGrounds: 'Grounds for refusal',
    refusalIntro: 'Any one that applies refuses.',
    categories: 'Urgency categories',
    categoriesIntro: 'In ranking order: who meets several categories gets the first.',
    rank: 'Rank',
    mandatory: (by: string) => `Mandatory by law (${by})`,
    exempt: (requirement: string, article: string) => `Does not apply: ${requirement} (${article})`,
    shield: (article: string) => `No binding priority against this group (${article})`,
    binding: 'binding requirement',
    setBy: 'Set in',
    conditions: 'Conditions',
    all: 'All of:', any: 'At least one of:', not: 'Not:',
    parameters: 'Parameters',
    parameter: 'Parameter', value: 'Value on the date', source: 'Legal basis', unknown: 'unknown on this date',
    dated: 'Values by period',
    validity: 'Validity and search profile',
    validityText: (m: string) => `An urgency declaration is valid for ${m} months.`,
    searchProfile: 'Search profile',
    children: 'Minor children', rooms: 'Rooms',
    articles: 'Articles',
    lawArticles: 'Legal framework',
    summaryNote: 'Our own summary, not the official text.',
    officialText: 'Official text',
    digest: 'Digest of the merged rules',
    choose: 'Choose a municipality and a date.',
    toIntake: 'Check an application against this regulation',
  },
} as const;


export interface RegulationQuery {
  code?: string;
  date?: string;
}

export function regulationPage(ruleBase: RuleBase, lang: Lang, q: RegulationQuery, today: string): string {
  const w = words[lang];
  const code = knownCode(ruleBase, q.code);
  const date = q.date ?? today;
  const form = pickerForm(lang, '/regeling', html`
      ${municipalityPicker(ruleBase, lang, 'gemeente', code)}
      ${datePicker(lang, 'datum', date)}`, ui[lang].show);
  let body: Html;
  try {
    body = regulationBody(ruleBase, ruleBase.regulationOrConceptOn(code, date), lang, code, date);
  } catch (e) {
    if (!(e instanceof NotInForceError)) throw e;
    body = notInForceNotice(e, lang, code);
  }
  return layout({ lang, page: 'regulation', title: w.title, params: { gemeente: code, datum: date }, body: html`
    <p>${w.intro}</p>
    ${form}
    ${body}` });
}

export function notInForceNotice(e: NotInForceError, lang: Lang, code: string, page: PageId = 'regulation'): Html {
  const link = (p: RegulationInForce) => html`<a href="${pageHref(page, lang, { gemeente: code, datum: p.from })}">${p.chain.at(-1)!.title} (${words[lang].from(p.from, p.until)})</a>`;
  return html`
    <div class="notice" role="status">
      <h2>${ui[lang].notInForce}</h2>
      <p>${lang === 'nl' ? `Op ${e.date} is in ${e.where} geen urgentieregeling van kracht.` : `On ${e.date} no urgency scheme is in force in ${e.where}.`}</p>
      ${e.previous || e.next ? html`<ul>${e.previous ? html`<li>${link(e.previous)}</li>` : ''}${e.next ? html`<li>${link(e.next)}</li>` : ''}</ul>` : ''}
    </div>`;
}

function regulationBody(ruleBase: RuleBase, p: RegulationInForce, lang: Lang, code: string, date: string): Html {
  const w = words[lang];
  const detail = regulationDetail(ruleBase.municipality(code), p, date);
  const r = p.regulation;
  const values = detail.parameterValues;
  const lawTitle = p.chain.find((c) => c.layer === 'wet')?.title;
  const ownTitles = p.chain.filter((c) => c.layer !== 'wet').map((c) => c.title);
  const here = pageHref('regulation', lang, { gemeente: code, datum: date });
  const cite = (b: Parameters<typeof citeArticle>[0], short = false) =>
    html`<a href="${basisHref(b, here, lawTitle, ownTitles)}">${short ? citeArticle(b, lang) : citeBasis(b, lang)}</a>`;
  const setBy = (key: string) => {
    const file = p.provenance[key];
    const link = file && p.chain.find((c) => c.file === file);
    return link ? html`<p class="provenance">${w.setBy}: ${w.layers[link.layer]} — ${link.title}</p>` : '';
  };
  const unitOf = (name: string) => r.parameters[name]?.unit;
  const valueText = (v: unknown, unit?: string) => (v === undefined || v === null ? w.unknown : withUnit(v, lang, unit));

  const conditionList = (c: Condition): Html => {
    if (isGroup(c)) {
      return html`${c.label ? html`<span class="group-label">${c.label[lang]}</span> — ` : ''}${kindOf(c) === 'all' ? w.all : w.any}
        <ul>${childrenOf(c).map((k) => html`<li>${conditionList(k)}</li>`)}</ul>`;
    }
    if (!isLeaf(c)) return html`${c.label?.[lang] ?? ''} ${w.not}<ul><li>${conditionList(childrenOf(c)[0]!)}</li></ul>`;
    const param = typeof c.value === 'object' && !Array.isArray(c.value) ? c.value.param : undefined;
    const v = param ? values[param] : c.value;
    const options = optionLabels[c.fact];
    const named = (x: unknown) => (typeof x === 'string' && options?.[x] ? options[x][lang] : x);
    const shown = Array.isArray(v) ? v.map(named) : named(v);
    const phrase = requirementWords(c.operator, valueText(shown, param ? unitOf(param) : undefined), lang);
    return html`<span class="leaf">${c.label?.[lang] ?? c.fact}: <strong>${phrase}</strong></span>${c.subject === 'binding' ? html` <span class="tag">${w.binding}</span>` : ''}
      ${c.basis ? html` <span class="cite">(${cite(c.basis, true)})</span>` : ''}${param ? html` <code class="param">${param}</code>` : ''}`;
  };

  const statutory = new Map(p.statute.categories.map((s) => [s.id, s]));
  const requirementLabel = (id: string) => r.requirements.find((q) => q.id === id)?.label[lang] ?? id;
  const rankOf = (id: string) => p.categoryFacts.get(id)?.rank ?? 0;
  const categories = [...r.categories].sort((a, b) => rankOf(a.id) - rankOf(b.id));

  const test = (kind: string, t: { id: string; label: Record<Lang, string>; description?: Record<Lang, string>; basis: Parameters<typeof citeArticle>[0]; conditions: Condition }, extra: Html | string = '') => html`
      <section class="rule" id="${kind}-${t.id}" aria-labelledby="${kind}-${t.id}-h">
        <h3 id="${kind}-${t.id}-h">${t.label[lang]}</h3>
        ${extra}
        ${t.description ? html`<p>${t.description[lang]}</p>` : ''}
        <p class="cite">${cite(t.basis)}</p>
        <div class="conditions"><span class="visually-hidden">${w.conditions}: </span>${conditionList(t.conditions)}</div>
        ${setBy(`${kind}/${t.id}`)}
      </section>`;

  const versions = ruleBase.periodsOf(code);
  const paramRows = Object.entries(r.parameters).map(([name, def]) => html`
        <tr>
          <th scope="row">${def.label[lang]}<br><code>${name}</code></th>
          <td>${valueText(values[name], def.unit)}${def.values ? html`<details><summary>${w.dated}</summary><ul>${def.values.map((dv) => html`<li>${w.from(dv.from, dv.until)}: ${withUnit(dv.value, lang, def.unit)}</li>`)}</ul></details>` : ''}</td>
          <td>${cite(def.basis)}${def.note ? html`<br><span class="note">${def.note}</span>` : ''}${def.confirmed === false ? html` <span class="tag">${ui[lang].unconfirmed}</span>` : ''}</td>
          <td>${setBy(`parameter/${name}`)}</td>
        </tr>`);

  const article = (law: boolean) => (a: { id: string; title: Record<Lang, string>; text: string; summary: boolean; url?: string }) => html`
      <section class="article" id="${articleId(a.id, law)}" aria-labelledby="${articleId(a.id, law)}-h" tabindex="-1">
        <h3 id="${articleId(a.id, law)}-h">${lang === 'nl' ? 'Artikel' : 'Article'} ${a.id} — ${a.title[lang]}</h3>
        ${a.summary ? html`<p class="note">${w.summaryNote}</p>` : ''}
        <p class="article-text" lang="nl">${a.text}</p>
        ${a.url ? html`<p><a href="${a.url}">${w.officialText}</a></p>` : ''}
      </section>`;

  return html`
    <section aria-labelledby="reg-title">
      <h2 id="reg-title">${detail.title} ${statusBadge(p.status, lang)}</h2>
      <p>${p.municipality?.name} (${code}) · ${w.period}: ${w.from(p.from, p.until)} · <a href="${pageHref('intake', lang, { gemeente: code, datum: date })}">${w.toIntake}</a></p>
      <table class="chain">
        <caption>${w.chain}</caption>
        <thead><tr><th scope="col">${w.layer}</th><th scope="col">${w.version}</th><th scope="col">${w.status}</th></tr></thead>
        <tbody>${p.chain.map((c) => html`
          <tr><th scope="row">${w.layers[c.layer]}</th><td>${c.title} (${w.from(c.validFrom, c.validUntil)})</td>
          <td>${c.status === 'adopted' ? ui[lang].adopted : 'concept'}${c.confirmed ? '' : html`, ${ui[lang].unconfirmed}`}</td></tr>`)}
        </tbody>
      </table>
      <h3 class="h-small">${w.versions}</h3>
      <ul class="versions">${versions.map((v) => html`<li><a href="${pageHref('regulation', lang, { gemeente: code, datum: v.from })}"${v === p ? html` aria-current="true"` : ''}>${w.from(v.from, v.until)}</a> — ${v.chain.at(-1)!.title} (${v.status === 'adopted' ? ui[lang].adopted.toLowerCase() : 'concept'})</li>`)}</ul>
      <p class="digest">${w.digest}: <code>${p.digest}</code></p>
    </section>

    <nav class="toc" aria-label="${lang === 'nl' ? 'Op deze pagina' : 'On this page'}"><ul>
      <li><a href="#categorieen">${w.categories}</a></li><li><a href="#voorwaarden">${w.requirements}</a></li>
      <li><a href="#weigeringsgronden">${w.refusalGrounds}</a></li><li><a href="#parameters">${w.parameters}</a></li>
      <li><a href="#geldigheid">${w.validity}</a></li><li><a href="#artikelen">${w.articles}</a></li><li><a href="#wet">${w.lawArticles}</a></li>
    </ul></nav>

    <section id="categorieen" aria-labelledby="categorieen-h">
      <h2 id="categorieen-h">${w.categories}</h2>
      <p>${w.categoriesIntro} ${cite(r.ranking.basis)}</p>
      ${categories.map((c) => test('category', c, html`<p class="meta">${w.rank} ${rankOf(c.id)}${c.statutory && statutory.has(c.statutory) ? html` · <span class="tag">${w.mandatory(citeBasis(statutory.get(c.statutory)!.basis, lang))}</span>` : ''}${(p.categoryFacts.get(c.id)?.exempt ?? []).map((e) => html` · <span class="tag">${w.exempt(requirementLabel(e.requirement), citeBasis(e.basis, lang))}</span>`)}${p.categoryFacts.get(c.id)?.bindingShield ? html` · <span class="tag">${w.shield(citeBasis(p.categoryFacts.get(c.id)!.bindingShield!, lang))}</span>` : ''}</p>`))}
    </section>
    <section id="voorwaarden" aria-labelledby="voorwaarden-h">
      <h2 id="voorwaarden-h">${w.requirements}</h2>
      <p>${w.requirementsIntro}</p>
      ${r.requirements.map((t) => test('requirement', t, t.subject === 'binding' ? html`<p class="meta"><span class="tag">${w.binding}</span></p>` : ''))}
    </section>
    <section id="weigeringsgronden" aria-labelledby="weigeringsgronden-h">
      <h2 id="weigeringsgronden-h">${w.refusalGrounds}</h2>
      <p>${w.refusalIntro}</p>
      ${r.refusalGrounds.map((t) => test('refusalGround', t))}
    </section>
    <section id="parameters" aria-labelledby="parameters-h">
      <h2 id="parameters-h">${w.parameters}</h2>
      <div class="table-wrap"><table>
        <thead><tr><th scope="col">${w.parameter}</th><th scope="col">${w.value}</th><th scope="col">${w.source}</th><th scope="col">${w.setBy}</th></tr></thead>
        <tbody>${paramRows}</tbody>
      </table></div>
    </section>
    <section id="geldigheid" aria-labelledby="geldigheid-h">
      <h2 id="geldigheid-h">${w.validity}</h2>
      <p>${w.validityText(formatValue(values[r.validity.param], lang))} ${cite(r.validity.basis)}</p>
      <table>
        <caption>${w.searchProfile} (${citeBasis(r.searchProfile.basis, lang)})</caption>
        <thead><tr><th scope="col">${w.children}</th><th scope="col">${w.rooms}</th></tr></thead>
        <tbody>${r.searchProfile.rows.map((row) => html`<tr><td>${row.minorChildren}+</td><td>${row.label[lang]}</td></tr>`)}</tbody>
      </table>
    </section>
    <section id="artikelen" aria-labelledby="artikelen-h">
      <h2 id="artikelen-h">${w.articles}</h2>
      ${r.articles.map(article(false))}
    </section>
    <section id="wet" aria-labelledby="wet-h">
      <h2 id="wet-h">${w.lawArticles}: ${lawTitle ?? ''}</h2>
      ${p.statute.articles.map(article(true))}
    </section>`;
}
