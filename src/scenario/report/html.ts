// A standalone HTML report: the same blocks as the Markdown, with the transition matrix and the
// per-municipality figures drawn as inline SVG. No scripts, fonts or other external assets.
import type { Lang } from '../../engine/decision.ts';
import type { ScenarioReport, Scope } from '../model/report-schema.ts';
import { escapeHtml } from '../../views/escape.ts';
import type { Block } from './document.ts';
import { number, percent, words } from './words.ts';

const esc = (s: string | number) => escapeHtml(String(s));

export function renderHtml(r: ScenarioReport, blocks: Block[]): string {
  const lang = r.scenario.language;
  const body = blocks.map((b) => block(b, r, lang)).join('\n');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(words[lang].scenario)}: ${esc(r.scenario.name)}</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem}
table{border-collapse:collapse;margin:.8rem 0;font-size:.92rem}th,td{padding:.25rem .6rem;border-bottom:1px solid #e5e5e5;text-align:left;vertical-align:top}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}li{margin:.2rem 0}
svg{max-width:100%;height:auto;font:12px system-ui,sans-serif}figure{margin:1rem 0}figcaption{color:#555;font-size:.9rem}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function block(b: Block, r: ScenarioReport, lang: Lang): string {
  switch (b.kind) {
    case 'h': return `<h${b.level}>${esc(b.text)}</h${b.level}>`;
    case 'p': return `<p>${esc(b.text)}</p>`;
    case 'list': return `<ul>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
    case 'table': return `<table><thead><tr>${b.head.map((h, i) => `<th${b.numeric[i] ? ' class="n"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>${
      b.rows.map((row) => `<tr>${row.map((c, i) => `<td${b.numeric[i] ? ' class="n"' : ''}>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
    case 'matrix': return `<figure>${matrixSvg(b.scope, r, lang)}<figcaption>${esc(words[lang].matrixNote)}</figcaption></figure>`;
    case 'bars': return `<figure>${barsSvg(b, lang)}<figcaption>${esc(b.title)}</figcaption></figure>`;
  }
}

/** The transition matrix as a heat map: rows baseline, columns variant, shade by log count. */
export function matrixSvg(scope: Scope, r: ScenarioReport, lang: Lang): string {
  const w = words[lang];
  const states = r.states.filter((s) => scope.counts.some((c) => c.state === s.id));
  const cell = 46;
  const left = 250;
  const top = 190;
  const width = left + cell * states.length + 200; // room for the slanted column labels
  const height = top + cell * states.length + 10;
  const count = (f: string, t: string) => scope.transitions.find((x) => x.from === f && x.to === t)?.count ?? 0;
  const max = Math.max(1, ...scope.transitions.map((t) => t.count));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(w.matrix)}">`,
    `<text x="${left - 8}" y="${top - 8}" text-anchor="end" font-weight="bold">${esc(w.baseline)} ↓ / ${esc(w.variant)} →</text>`,
  ];
  states.forEach((s, i) => {
    const short = s.label.length > 38 ? `${s.label.slice(0, 36)}…` : s.label;
    parts.push(`<text x="${left - 8}" y="${top + i * cell + cell / 2 + 4}" text-anchor="end">${esc(short)}</text>`);
    const x = left + i * cell + cell / 2;
    parts.push(`<text transform="translate(${x + 4},${top - 8}) rotate(-45)">${esc(short)}</text>`);
  });
  states.forEach((from, i) => states.forEach((to, j) => {
    const n = count(from.id, to.id);
    const shade = n ? 0.12 + 0.88 * Math.log1p(n) / Math.log1p(max) : 0;
    const hue = i === j ? '37,99,235' : from.outcome === 'urgent' && to.outcome !== 'urgent' ? '220,38,38' : to.outcome === 'urgent' && from.outcome !== 'urgent' ? '22,163,74' : '217,119,6';
    const x = left + j * cell;
    const y = top + i * cell;
    parts.push(`<rect x="${x}" y="${y}" width="${cell - 2}" height="${cell - 2}" fill="rgba(${hue},${shade.toFixed(3)})" stroke="#ddd"><title>${esc(`${from.label} → ${to.label}: ${n}`)}</title></rect>`);
    if (n) parts.push(`<text x="${x + (cell - 2) / 2}" y="${y + cell / 2 + 3}" text-anchor="middle" fill="${shade > 0.6 ? '#fff' : '#111'}" font-size="10">${esc(compact(n, lang))}</text>`);
  }));
  parts.push('</svg>');
  return parts.join('');
}

const compact = (n: number, lang: Lang) => (n >= 10_000 ? `${number(n / 1000, lang)}k` : number(n, lang));

/** Grouped horizontal bars: baseline and variant per municipality, with the target as a dashed line. */
export function barsSvg(b: Extract<Block, { kind: 'bars' }>, lang: Lang): string {
  const w = words[lang];
  const left = 170;
  const plot = 520;
  const row = 34;
  const top = 28;
  const height = top + row * b.rows.length + 24;
  const max = Math.max(b.target ?? 0, ...b.rows.flatMap((x) => [x.baseline, x.variant, x.target ?? 0])) * 1.1 || 1;
  const x = (v: number) => left + (v / max) * plot;
  const fmt = (v: number) => (b.unit === 'share' ? percent(v, lang) : number(v, lang));
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${left + plot + 90} ${height}" role="img" aria-label="${esc(b.title)}">`,
    `<rect x="${left}" y="6" width="12" height="10" fill="#9ca3af"/><text x="${left + 16}" y="15">${esc(w.baseline)}</text>`,
    `<rect x="${left + 90}" y="6" width="12" height="10" fill="#2563eb"/><text x="${left + 106}" y="15">${esc(w.variant)}</text>`,
  ];
  if (b.target !== undefined) parts.push(`<line x1="${left + 190}" x2="${left + 210}" y1="11" y2="11" stroke="#dc2626" stroke-dasharray="4 3"/><text x="${left + 214}" y="15">${esc(w.target)}</text>`);
  b.rows.forEach((r, i) => {
    const y = top + i * row;
    parts.push(`<text x="${left - 8}" y="${y + row / 2 + 4}" text-anchor="end">${esc(r.label)}</text>`);
    parts.push(`<rect x="${left}" y="${y + 4}" width="${(x(r.baseline) - left).toFixed(1)}" height="11" fill="#9ca3af"><title>${esc(`${w.baseline}: ${fmt(r.baseline)}`)}</title></rect>`);
    parts.push(`<rect x="${left}" y="${y + 16}" width="${(x(r.variant) - left).toFixed(1)}" height="11" fill="#2563eb"><title>${esc(`${w.variant}: ${fmt(r.variant)}`)}</title></rect>`);
    parts.push(`<text x="${x(Math.max(r.baseline, r.variant)) + 4}" y="${y + 20}" font-size="11">${esc(fmt(r.variant))}</text>`);
    const t = r.target ?? b.target;
    if (t !== undefined) parts.push(`<line x1="${x(t)}" x2="${x(t)}" y1="${y + 2}" y2="${y + row - 2}" stroke="#dc2626" stroke-dasharray="4 3"/>`);
  });
  parts.push(`<line x1="${left}" x2="${left}" y1="${top}" y2="${height - 20}" stroke="#555"/>`);
  parts.push('</svg>');
  return parts.join('');
}
