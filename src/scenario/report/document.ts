// The report as a document of blocks (headings, paragraphs, tables, charts): Markdown and HTML render the
// same blocks, so the two formats cannot drift apart. Charts are drawn in HTML only.
import type { Lang } from '../../engine/decision.ts';
import type { ScenarioReport, Scope } from '../model/report-schema.ts';
import { decisiveText, number, percent, signed, words } from './words.ts';

export type Cell = string | number;
export type Block =
  | { kind: 'h'; level: 1 | 2 | 3; text: string }
  | { kind: 'p'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; head: string[]; rows: Cell[][]; numeric: boolean[] }
  | { kind: 'matrix'; scope: Scope }
  | { kind: 'bars'; title: string; unit: 'share' | 'count'; target?: number; rows: { label: string; baseline: number; variant: number; target?: number }[] };

export function reportDocument(r: ScenarioReport): Block[] {
  const lang: Lang = r.scenario.language;
  const w = words[lang];
  const label = (id: string) => r.states.find((s) => s.id === id)?.label ?? id;
  const n = (x: number) => number(x, lang);
  const out: Block[] = [];
  const total = r.scopes.find((s) => s.kind === 'total')!;

  out.push({ kind: 'h', level: 1, text: `${w.scenario}: ${r.scenario.name}` });
  if (r.scenario.description) out.push({ kind: 'p', text: r.scenario.description });
  const side = (name: string, s: ScenarioReport['baseline']) => `${name}: ${s.title}` + (s.noScheme.length ? ` (${w.noScheme} ${s.noScheme.join(', ')})` : '');
  out.push({ kind: 'list', items: [
    `${w.date}: ${r.scenario.date}`,
    `${w.population}: ${r.population.source}, ${n(r.population.cases)} ${w.cases}`,
    side(w.baseline, r.baseline),
    side(w.variant, r.variant),
  ] });

  out.push({ kind: 'h', level: 2, text: `${w.outcomes} — ${total.name}` });
  out.push({ kind: 'table', head: [w.state, w.baseline, w.variant, w.difference], numeric: [false, true, true, true],
    rows: total.counts.map((c) => [label(c.state), n(c.baseline), n(c.variant), signed(c.variant - c.baseline, lang)]) });

  out.push({ kind: 'h', level: 2, text: `${w.transitions} — ${total.name}` });
  out.push({ kind: 'matrix', scope: total });
  const moved = (s: Scope) => s.transitions.filter((t) => t.from !== t.to).sort((a, b) => b.count - a.count);
  const unchanged = total.transitions.filter((t) => t.from === t.to).reduce((s, t) => s + t.count, 0);
  out.push({ kind: 'table', head: [w.from, w.to, w.count], numeric: [false, false, true],
    rows: [...moved(total).map((t) => [label(t.from), label(t.to), n(t.count)]), [w.unchanged, '', n(unchanged)]] });

  const perScope = (scopes: Scope[], what: string) => ({
    kind: 'table' as const, numeric: [false, true, true, true, true, true, true],
    head: [what, w.casesHead, `${w.urgent} ${w.baseline.toLowerCase()}`, `${w.urgent} ${w.variant.toLowerCase()}`, w.difference,
      `${w.undetermined} ${w.baseline.toLowerCase()}`, `${w.undetermined} ${w.variant.toLowerCase()}`],
    rows: scopes.map((s) => [s.name, n(s.cases), n(s.urgent.baseline), n(s.urgent.variant), signed(s.urgent.variant - s.urgent.baseline, lang), n(s.undetermined.baseline), n(s.undetermined.variant)]),
  });
  const regions = r.scopes.filter((s) => s.kind === 'region' && s.cases > 0);
  const municipalities = r.scopes.filter((s) => s.kind === 'municipality' && s.cases > 0);
  out.push({ kind: 'h', level: 2, text: w.perRegion }, perScope(regions, w.region));
  out.push({ kind: 'h', level: 2, text: w.perMunicipality }, perScope(municipalities, w.municipality));
  const shifts = [...regions, ...municipalities].flatMap((s) => moved(s).map((t) => [s.name, label(t.from), label(t.to), n(t.count)]));
  if (shifts.length) {
    out.push({ kind: 'h', level: 3, text: `${w.transitions} — ${w.perRegion.toLowerCase()} / ${w.perMunicipality.toLowerCase()}` });
    out.push({ kind: 'table', head: [`${w.region} / ${w.municipality}`, w.from, w.to, w.count], numeric: [false, false, false, true], rows: shifts });
  }

  if (r.fairShare) {
    const f = r.fairShare;
    out.push({ kind: 'h', level: 2, text: w.fairShare });
    out.push({ kind: 'p', text: `${w.fairShareNote(f.year, f.source)} ${w.scaleNote}` });
    const flag = (over: boolean) => (over ? ` ⚠ ${w.overTarget}` : '');
    out.push({ kind: 'table', numeric: [false, true, true, true, true, true, true, true, true],
      head: [w.municipality, w.vacancies, `${w.urgentPerYear} ${w.baseline.toLowerCase()}`, `${w.share} ${w.baseline.toLowerCase()}`,
        `${w.urgentPerYear} ${w.variant.toLowerCase()}`, `${w.share} ${w.variant.toLowerCase()}`, w.target,
        `${w.proportional} (${w.variant.toLowerCase()})`, w.difference],
      rows: [...f.municipalities, ...f.regions.map((x) => ({ ...x, name: `${w.region} ${x.name}` }))].map((x) => [x.name, n(x.vacancies),
        number(x.baseline.urgent, lang, 1), percent(x.baseline.share, lang) + flag(x.baseline.overTarget),
        number(x.variant.urgent, lang, 1), percent(x.variant.share, lang) + flag(x.variant.overTarget), percent(x.target, lang),
        number(x.variant.proportional, lang, 1), signed(x.variant.difference, lang, 1)]) });
    if (f.missing.length) out.push({ kind: 'p', text: `${w.noVacancies}: ${f.missing.join(', ')}` });
    out.push({ kind: 'bars', title: w.shareChart, unit: 'share', target: f.targetShare,
      rows: f.municipalities.map((x) => ({ label: x.name, baseline: x.baseline.share ?? 0, variant: x.variant.share ?? 0, target: x.target })) });
  } else {
    out.push({ kind: 'bars', title: w.urgentChart, unit: 'count', rows: municipalities.map((s) => ({ label: s.name, ...s.urgent })) });
  }

  if (r.examples.length) {
    out.push({ kind: 'h', level: 2, text: w.examples });
    const name = (code: string) => r.scopes.find((s) => s.id === code)?.name ?? code;
    for (const cell of r.examples) {
      out.push({ kind: 'h', level: 3, text: `${label(cell.from)} → ${label(cell.to)} (${n(cell.count)})` });
      out.push({ kind: 'list', items: cell.cases.map((e) =>
        `#${e.id} (${name(e.municipality)}, ${w.line} ${e.line}) — ${w.baseline.toLowerCase()}: ${e.baseline.decisive.map((d) => decisiveText(d, lang)).join(' · ')} — ${w.variant.toLowerCase()}: ${e.variant.decisive.map((d) => decisiveText(d, lang)).join(' · ')}`) });
    }
  }

  out.push({ kind: 'h', level: 2, text: w.regulations });
  const regs = (name: string, s: ScenarioReport['baseline']) => s.regulations.map((x) =>
    `${name}: ${x.title} (${x.set}, ${x.from}${x.until ? ` – ${x.until}` : ''}${x.status === 'concept' ? `, ${w.concept}` : ''}) — ${x.municipalities.join(', ')} — ${w.digest} ${x.digest.slice(0, 19)}`);
  out.push({ kind: 'list', items: [...regs(w.baseline, r.baseline), ...regs(w.variant, r.variant)] });
  return out;
}
