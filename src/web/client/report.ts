// A scenario report in the site's markup: the report's blocks (the same document as the Markdown and
// HTML reports) as headings, paragraphs, tables and the charts. Pure (no DOM, no Node), so the workbench
// bundles it and lays out the ScenarioReport JSON of POST /v1/scenarios; every value is escaped by the
// html tag.
import { reportDocument, type Block } from '../../scenario/report/document.ts';
import { barsSvg, matrixSvg } from '../../scenario/report/html.ts';
import type { ScenarioReport } from '../../scenario/model/report-schema.ts';
import { html, raw, type Html } from '../html.ts';

export function reportView(r: ScenarioReport): Html {
  const lang = r.scenario.language;
  let tableNo = 0;
  const block = (b: Block): Html => {
    switch (b.kind) {
      case 'h': return b.level === 1 ? html`<h3 class="visually-hidden">${b.text}</h3>` : b.level === 2 ? html`<h3>${b.text}</h3>` : html`<h4>${b.text}</h4>`;
      case 'p': return html`<p>${b.text}</p>`;
      case 'list': return html`<ul>${b.items.map((i) => html`<li>${i}</li>`)}</ul>`;
      case 'table': return html`<div class="table-wrap" id="scenario-table-${++tableNo}"><table class="numbers">
        <thead><tr>${b.head.map((h, i) => html`<th scope="col"${b.numeric[i] ? html` class="n"` : ''}>${h}</th>`)}</tr></thead>
        <tbody>${b.rows.map((row) => html`<tr>${row.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td${b.numeric[i] ? html` class="n"` : ''}>${c}</td>`))}</tr>`)}</tbody>
      </table></div>`;
      case 'matrix': return html`<figure class="chart matrix">${raw(matrixSvg(b.scope, r, lang))}</figure>`;
      case 'bars': return html`<figure class="chart bars">${raw(barsSvg(b, lang))}<figcaption>${b.title}</figcaption></figure>`;
    }
  };
  return html`<div class="scenario-report">${reportDocument(r).map(block)}</div>`;
}
