// The diff report as Markdown (the CLI's default): for a council proposal or a README. Redline as
// ~~deleted~~ and **inserted** words.
import { directionWord, kindWord } from './words.ts';
import type { ConditionChange, DiffReport, Segment, TestChange, ValueChange } from '../model/report.ts';
import { headings, period, witnessWords } from './render-words.ts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Splits a changed segment into its whitespace and its words, so that markers wrap words only. */
export function segmentParts(s: Segment): { lead: string; body: string; trail: string } {
  const [, lead = '', body = '', trail = ''] = s.text.match(/^(\s*)([\s\S]*?)(\s*)$/)!;
  return { lead, body, trail };
}

export const markdownRedline = (segments: Segment[]): string => segments.map((s) => {
  if (s.op === 'equal') return s.text;
  const { lead, body, trail } = segmentParts(s);
  return body ? `${lead}${s.op === 'delete' ? `~~${body}~~` : `**${body}**`}${trail}` : s.text;
}).join('');

export function renderMarkdown(r: DiffReport): string {
  const lang = r.language;
  const h = headings[lang];
  const dir = (d: ConditionChange['direction']) => `*${directionWord[lang][d]}*`;
  const out: string[] = [];
  const line = (s = '') => out.push(s);
  const witness = (x: { witness?: ConditionChange['witness']; noWitness?: string }, indent: string) => {
    if (x.witness) line(`${indent}- ${h.witness}: ${witnessWords(x.witness, r, lang)}`);
    else if (x.noWitness) line(`${indent}- ${h.witness}: ${x.noWitness}`);
  };

  line(`# ${h.title}: ${r.subject.name} ${h.versus} ${r.base.name}`);
  line();
  line(`| | ${h.base} | ${h.subject} |`);
  line('|---|---|---|');
  const row = (label: string, f: (s: DiffReport['base']) => string) => line(`| ${label} | ${cell(f(r.base))} | ${cell(f(r.subject))} |`);
  row(h.regulation, (s) => s.title);
  row(h.set, (s) => `${s.set}${s.municipality ? ` (${s.municipality.code})` : ''}`);
  row(h.takenOn, (s) => s.date);
  row(h.period, period);
  row(h.status, (s) => (s.status === 'concept' ? h.concept : h.adopted));
  row(h.law, (s) => s.law);
  row(h.digest, (s) => `\`${s.digest.slice(0, 19)}…\``);
  line();
  line(h.dateNote(r.date));
  line();
  line(`**${h.summary}.** ${r.identical ? h.identical : r.summary.sentence}`);

  if (r.law) {
    line();
    line(`## ${h.lawFrame}`);
    line();
    for (const s of r.law.sentences) line(`- ${s}`);
  }

  line();
  line(`## ${h.conformance}`);
  line();
  if (!r.findings.some((f) => f.level === 'error')) line(`- ${h.conformant}`);
  for (const f of r.findings) line(`- **${f.level === 'error' ? h.error : h.attention}** (${f.citation}): ${f.message}`);

  const tests = (title: string, list: TestChange[]) => {
    if (!list.length) return;
    line();
    line(`## ${title}`);
    for (const t of list) {
      line();
      line(`### ${kindWord[lang][t.kind]}: ${t.label} (${t.citation}) — ${dir(t.direction)}`);
      line();
      for (const d of t.details) line(`- ${d}`);
      witness(t, '');
      for (const c of t.conditions) {
        const where = [...c.path, ''].join(' › ');
        line(`- ${dir(c.direction)} — ${where}${c.description}${c.citation ? ` (${c.citation})` : ''}${c.parameter ? `; ${h.viaParameter(`\`${c.parameter}\``)}` : ''}`);
        witness(c, '  ');
      }
    }
  };
  tests(h.categories, r.categories);
  tests(h.requirements, r.requirements);
  tests(h.refusalGrounds, r.refusalGrounds);

  if (r.parameters.length) {
    line();
    line(`## ${h.parameters}`);
    line();
    line(`| ${h.parameter} | ${h.old} | ${h.new} | ${h.direction} | ${h.source} |`);
    line('|---|---|---|---|---|');
    for (const p of r.parameters) {
      const source = p.old && p.new && p.old.source !== p.new.source ? `${p.old.source} → ${p.new.source}` : (p.new ?? p.old)!.source;
      line(`| ${cell(p.label)} (\`${p.name}\`) | ${p.old?.value ?? h.none} | ${p.new?.value ?? h.none} | ${p.direction ? directionWord[lang][p.direction] : kindWord[lang][p.kind].toLowerCase()} | ${cell(source)}${p.note ? `; ${cell(p.note)}` : ''} |`);
    }
    for (const p of r.parameters.filter((x) => x.usedBy.length)) {
      line();
      line(`\`${p.name}\` — ${h.usedIn}:`);
      for (const u of p.usedBy) line(`- ${u.test}: ${u.condition} (${u.citation}) — ${dir(u.direction)}`);
    }
  }

  const values = (title: string, list: ValueChange[]) => {
    if (!list.length) return;
    line();
    line(`## ${title}`);
    line();
    for (const v of list) {
      line(`- ${dir(v.direction)} — ${v.description} (${v.citation})`);
      witness(v, '  ');
    }
  };
  values(h.validity, r.validity ? [r.validity] : []);
  if (r.ranking) {
    line();
    line(`## ${h.ranking} (${r.ranking.citation})`);
    line();
    line(`- ${h.oldOrder}: ${r.ranking.old.join(', ')}`);
    line(`- ${h.newOrder}: ${r.ranking.new.join(', ')}`);
    for (const m of r.ranking.moved) line(`- ${m}`);
    witness(r.ranking, '');
  }
  values(h.searchProfile, r.searchProfile);
  values(h.binding, r.binding);

  if (r.articles.length) {
    line();
    line(`## ${h.articles}`);
    for (const a of r.articles) {
      line();
      const notes = [kindWord[lang][a.kind].toLowerCase(), ...(a.oldId ? [h.renumbered(a.oldId)] : []), ...(a.summary ? [h.summaryText] : [])];
      line(`### ${h.article} ${a.id} ${a.title} (${notes.join('; ')})`);
      line();
      line(markdownRedline(a.redline));
    }
  }
  return out.join('\n') + '\n';
}
