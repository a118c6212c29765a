// The diff report as a standalone, printable HTML page: one file with inline CSS and no external assets,
// for a policy officer to attach to a council proposal. Redline as <del>/<ins>; witnesses with the full
// case folded away in <details> (left out of print: the key facts stand in the line above it).
import type { ConditionChange, DiffReport, Segment, TestChange, ValueChange, Witness } from '../model/report.ts';
import { decisionWords, headings, period } from './render-words.ts';
import { segmentParts } from './render-markdown.ts';
import { directionWord, kindWord } from './words.ts';
import { escapeHtml as esc } from '../../views/escape.ts';


const CSS = `
:root { --ink: #1b1b1b; --muted: #5a5a5a; --line: #d0d0d0; --strict: #a4262c; --loose: #0b6a0b; --changed: #8a5a00; }
* { box-sizing: border-box; }
body { font: 11pt/1.45 "Segoe UI", "Helvetica Neue", Arial, sans-serif; color: var(--ink); max-width: 60rem; margin: 2rem auto; padding: 0 1.5rem; }
h1 { font-size: 1.6em; margin: 0 0 .8rem; }
h2 { font-size: 1.25em; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 2px solid var(--ink); }
h3 { font-size: 1.05em; margin: 1.2rem 0 .4rem; }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; font-size: .95em; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: #f3f3f3; }
ul { margin: .3rem 0 .6rem; padding-left: 1.3rem; }
li { margin: .2rem 0; }
.note { color: var(--muted); }
.summary { font-size: 1.05em; padding: .6rem .8rem; border-left: 4px solid var(--ink); background: #f7f7f7; }
.badge { display: inline-block; font-size: .8em; font-weight: 600; padding: 0 .45em; border-radius: .6em; border: 1px solid currentColor; white-space: nowrap; }
.stricter { color: var(--strict); } .looser { color: var(--loose); } .changed { color: var(--changed); }
.finding { padding: .4rem .6rem; margin: .4rem 0; border-left: 4px solid; }
.finding.error { border-color: var(--strict); background: #fdf0f0; }
.finding.attention { border-color: var(--changed); background: #fdf8ec; }
.witness { color: var(--muted); font-size: .95em; }
.witness b { color: var(--ink); font-weight: 600; }
details pre { font-size: .85em; background: #f6f6f6; padding: .5rem; overflow-x: auto; }
.redline { text-align: justify; border: 1px solid var(--line); padding: .6rem .8rem; }
del { color: var(--strict); text-decoration: line-through; background: #fbe9e9; }
ins { color: var(--loose); text-decoration: underline; background: #e9f6e9; }
code { font-size: .9em; }
footer { margin-top: 2.5rem; color: var(--muted); font-size: .85em; border-top: 1px solid var(--line); padding-top: .5rem; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  li, .finding, tr { break-inside: avoid; }
  details { display: none; }
  del, ins { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

export function htmlRedline(segments: Segment[]): string {
  return segments.map((s) => {
    if (s.op === 'equal') return esc(s.text);
    const { lead, body, trail } = segmentParts(s);
    const tag = s.op === 'delete' ? 'del' : 'ins';
    return body ? `${esc(lead)}<${tag}>${esc(body)}</${tag}>${esc(trail)}` : esc(s.text);
  }).join('');
}

export function renderHtml(r: DiffReport): string {
  const lang = r.language;
  const h = headings[lang];
  const badge = (d: ConditionChange['direction']) => `<span class="badge ${d}">${directionWord[lang][d]}</span>`;
  const witness = (x: { witness?: Witness; noWitness?: string }) => {
    if (!x.witness) return x.noWitness ? `<div class="witness">${h.witness}: ${esc(x.noWitness)}</div>` : '';
    const w = x.witness;
    const rooms = !!w.base.searchProfile && !!w.subject.searchProfile && w.base.searchProfile !== w.subject.searchProfile;
    return `<div class="witness">${h.witness}: ${esc(w.keyFacts.join('; '))} → <b>${esc(r.base.name)}</b>: ${esc(decisionWords(w.base, lang, rooms))}; `
      + `<b>${esc(r.subject.name)}</b>: ${esc(decisionWords(w.subject, lang, rooms))}`
      + `<details><summary>${h.caseLabel}</summary><pre>${esc(JSON.stringify(w.case, null, 2))}</pre></details></div>`;
  };
  const parts: string[] = [];
  const push = (s: string) => parts.push(s);

  push(`<h1>${esc(h.title)}: ${esc(r.subject.name)} ${h.versus} ${esc(r.base.name)}</h1>`);
  const row = (label: string, f: (s: DiffReport['base']) => string) => `<tr><th>${label}</th><td>${esc(f(r.base))}</td><td>${esc(f(r.subject))}</td></tr>`;
  push(`<table><thead><tr><th></th><th>${h.base}</th><th>${h.subject}</th></tr></thead><tbody>${[
    row(h.regulation, (s) => s.title),
    row(h.set, (s) => `${s.set}${s.municipality ? ` (${s.municipality.code})` : ''}`),
    row(h.takenOn, (s) => s.date),
    row(h.period, period),
    row(h.status, (s) => (s.status === 'concept' ? h.concept : h.adopted)),
    row(h.law, (s) => s.law),
    row(h.digest, (s) => s.digest),
  ].join('')}</tbody></table>`);
  push(`<p class="note">${esc(h.dateNote(r.date))}</p>`);
  push(`<p class="summary"><strong>${h.summary}.</strong> ${esc(r.identical ? h.identical : r.summary.sentence)}</p>`);

  if (r.law) push(`<h2>${h.lawFrame}</h2><ul>${r.law.sentences.map((s) => `<li>${esc(s)}</li>`).join('')}</ul>`);

  push(`<h2>${h.conformance}</h2>`);
  if (!r.findings.some((f) => f.level === 'error')) push(`<p>${esc(h.conformant)}</p>`);
  for (const f of r.findings) {
    push(`<div class="finding ${f.level}"><strong>${f.level === 'error' ? h.error : h.attention}</strong> (${esc(f.citation)}): ${esc(f.message)}</div>`);
  }

  const tests = (title: string, list: TestChange[]) => {
    if (!list.length) return;
    push(`<h2>${title}</h2>`);
    for (const t of list) {
      push(`<h3>${kindWord[lang][t.kind]}: ${esc(t.label)} <span class="note">(${esc(t.citation)})</span> ${badge(t.direction)}</h3>`);
      const items = [
        ...t.details.map((d) => `<li>${esc(d)}</li>`),
        ...t.conditions.map((c) => `<li>${badge(c.direction)} ${esc([...c.path, ''].join(' › '))}${esc(c.description)}`
          + `${c.citation ? ` <span class="note">(${esc(c.citation)})</span>` : ''}`
          + `${c.parameter ? ` <span class="note">${esc(h.viaParameter(c.parameter))}</span>` : ''}${witness(c)}</li>`),
      ];
      if (items.length) push(`<ul>${items.join('')}</ul>`);
      push(witness(t));
    }
  };
  tests(h.categories, r.categories);
  tests(h.requirements, r.requirements);
  tests(h.refusalGrounds, r.refusalGrounds);

  if (r.parameters.length) {
    push(`<h2>${h.parameters}</h2><table><thead><tr><th>${h.parameter}</th><th>${h.old}</th><th>${h.new}</th><th>${h.direction}</th><th>${h.source}</th></tr></thead><tbody>`);
    for (const p of r.parameters) {
      const source = p.old && p.new && p.old.source !== p.new.source ? `${p.old.source} → ${p.new.source}` : (p.new ?? p.old)!.source;
      const uses = p.usedBy.length ? `<ul>${p.usedBy.map((u) => `<li>${esc(u.test)}: ${esc(u.condition)} ${badge(u.direction)}</li>`).join('')}</ul>` : '';
      push(`<tr><td>${esc(p.label)}<br><code>${esc(p.name)}</code>${uses}</td><td>${esc(p.old?.value ?? h.none)}</td><td>${esc(p.new?.value ?? h.none)}</td>`
        + `<td>${p.direction ? badge(p.direction) : esc(kindWord[lang][p.kind].toLowerCase())}</td><td>${esc(source)}${p.note ? `<br><span class="note">${esc(p.note)}</span>` : ''}</td></tr>`);
    }
    push('</tbody></table>');
  }

  const values = (title: string, list: ValueChange[]) => {
    if (!list.length) return;
    push(`<h2>${title}</h2><ul>${list.map((v) => `<li>${badge(v.direction)} ${esc(v.description)} <span class="note">(${esc(v.citation)})</span>${witness(v)}</li>`).join('')}</ul>`);
  };
  values(h.validity, r.validity ? [r.validity] : []);
  if (r.ranking) {
    push(`<h2>${h.ranking} <span class="note">(${esc(r.ranking.citation)})</span></h2><ul><li>${h.oldOrder}: ${esc(r.ranking.old.join(', '))}</li>`
      + `<li>${h.newOrder}: ${esc(r.ranking.new.join(', '))}</li>${r.ranking.moved.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>${witness(r.ranking)}`);
  }
  values(h.searchProfile, r.searchProfile);
  values(h.binding, r.binding);

  if (r.articles.length) {
    push(`<h2>${h.articles}</h2>`);
    for (const a of r.articles) {
      const notes = [kindWord[lang][a.kind].toLowerCase(), ...(a.oldId ? [h.renumbered(a.oldId)] : []), ...(a.summary ? [h.summaryText] : [])];
      push(`<h3>${h.article} ${esc(a.id)} ${esc(a.title)} <span class="note">(${esc(notes.join('; '))})</span></h3><div class="redline">${htmlRedline(a.redline)}</div>`);
    }
  }
  push(`<footer>voorrang diff · ${esc(r.subject.digest)} · ${esc(r.base.digest)}</footer>`);

  const title = `${h.title}: ${r.subject.name} ${h.versus} ${r.base.name}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
