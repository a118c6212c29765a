// A decision as readable terminal text, in the decision's own language.
import type { ConditionTrace, Decision, TestTrace, TruthValue } from '../engine/decision.ts';

const mark: Record<TruthValue, string> = { true: '✓', false: '✗', unknown: '?', 'not-evaluated': '·' };

const words = {
  nl: {
    outcome: { urgent: 'URGENT', 'not-urgent': 'NIET URGENT', undetermined: 'NOG NIET TE BEPALEN' },
    priority: (p: NonNullable<Decision['priority']>) =>
      `Voorrang: rang ${p.rank}, vóór reguliere woningzoekenden (DAEB); geldig van ${p.validFrom} tot ${p.validUntil} (${p.validityMonths} maanden); zoekprofiel: ${p.searchProfile.label}`,
    requirements: 'Algemene voorwaarden', categories: 'Urgentiecategorieën', refusals: 'Weigeringsgronden', missing: 'Ontbrekende gegevens',
    gaps: 'Nog niet in de regeling opgenomen', provisional: 'Voorlopig',
    regulation: 'Regeling', notClaimed: 'Niet aangevraagd', concept: 'CONCEPT — geen vastgestelde regelgeving', unconfirmed: 'niet bevestigd',
  },
  en: {
    outcome: { urgent: 'URGENT', 'not-urgent': 'NOT URGENT', undetermined: 'UNDETERMINED' },
    priority: (p: NonNullable<Decision['priority']>) =>
      `Priority: rank ${p.rank}, above regular applicants (DAEB); valid from ${p.validFrom} until ${p.validUntil} (${p.validityMonths} months); search profile: ${p.searchProfile.label}`,
    requirements: 'General requirements', categories: 'Urgency categories', refusals: 'Grounds for refusal', missing: 'Missing facts',
    gaps: 'Not yet in the regulation', provisional: 'Provisional',
    regulation: 'Regulation', notClaimed: 'Not applied for', concept: 'CONCEPT — not adopted law', unconfirmed: 'not confirmed',
  },
};

const groupWord = { nl: { all: 'alle', any: 'een van', not: 'niet' }, en: { all: 'all of', any: 'one of', not: 'not' } };

/** Nested lines; a group gets a header line unless it is the plain `all` at the top of a test. */
function conditionLines(t: ConditionTrace, indent: string, lang: Decision['language'], top = false): string[] {
  if (t.kind === 'leaf') return [`${indent}${mark[t.result]} ${t.sentence}`];
  const word = groupWord[lang][t.kind];
  const head = top && t.kind === 'all' && !t.label ? [] : [`${indent}${mark[t.result]} ${t.label ? `${t.label} (${word})` : `${word}:`}`];
  return [...head, ...(t.children ?? []).flatMap((c) => conditionLines(c, head.length ? indent + '    ' : indent, lang))];
}

function testLines(t: TestTrace, lang: Decision['language']): string[] {
  if (t.conditions.kind === 'leaf') return [`  ${mark[t.result]} ${t.label}: ${t.conditions.sentence}`];
  return [`  ${mark[t.result]} ${t.label} (${t.citation})`, ...(t.note ? [`      ! ${t.note}`] : []), ...conditionLines(t.conditions, '      ', lang, true)];
}

export function renderDecision(d: Decision): string {
  const w = words[d.language];
  const reg = d.regulation;
  const own = reg.chain.at(-1)!;
  const claimed = d.reasoning.categories.filter((t) => t.result !== 'not-evaluated');
  const unclaimed = d.reasoning.categories.filter((t) => t.result === 'not-evaluated');
  const where = reg.municipality ? `${reg.municipality.name} (${reg.municipality.code})` : reg.set;
  const lines = [
    `${where} · ${d.applicationDate} · ${own.title}${reg.status === 'concept' ? ` · ${w.concept}` : ''}`,
    '',
    `${w.outcome[d.outcome]}${d.category ? ` — ${d.category.label}` : ''}`,
    `  ${d.summary}`,
    ...(d.tieBreak ? [`  ${d.tieBreak}`] : []),
    ...(d.priority ? [`  ${w.priority(d.priority)}`] : []),
    ...(d.priority?.bindingShield ? [`  ${d.priority.bindingShield.text} (${d.priority.bindingShield.citation})`] : []),
    ...(d.priority ? [`  ${d.priority.allocationNote}`] : []),
    ...(d.provisional ? ['', w.provisional, `  ${d.provisional.text} (${d.provisional.citation})`] : []),
    '',
    w.requirements,
    ...d.reasoning.requirements.flatMap((t) => testLines(t, d.language)),
    '',
    w.categories,
    ...claimed.flatMap((t) => testLines(t, d.language)),
    ...(unclaimed.length ? [`  ${mark['not-evaluated']} ${w.notClaimed}: ${unclaimed.map((t) => t.label).join(', ')}`] : []),
    '',
    w.refusals,
    ...d.reasoning.refusalGrounds.flatMap((t) => testLines(t, d.language)),
  ];
  if (d.missingFacts.length) lines.push('', w.missing, ...d.missingFacts.map((m) => `  ? ${m.sentence}  [${m.fact}]`));
  if (d.regulationGaps.length) lines.push('', w.gaps, ...d.regulationGaps.map((g) => `  ? ${g.sentence}  [${g.parameter}]`));
  lines.push('', `${w.regulation}: ${reg.selection}`);
  for (const l of reg.chain) {
    lines.push(`  ${l.layer.padEnd(8)} ${l.title} (${l.validFrom}${l.validUntil ? ` – ${l.validUntil}` : ''}, ${l.status}${l.confirmed ? '' : `, ${w.unconfirmed}`})`);
  }
  lines.push(`  digest ${reg.digest}`);
  return lines.join('\n');
}
