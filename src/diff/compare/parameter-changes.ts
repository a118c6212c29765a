// Parameters: added, removed, or changed (value on the date, unit, or dated values), each with its legal
// source on both sides. A changed parameter changes every condition that refers to it: those conditions
// are named here with their direction, and the parameter takes their common direction.
import type { Regulation } from '../../rulebase/schema.ts';
import { citeBasis } from '../../rulebase/cite.ts';
import { combine } from './condition-direction.ts';
import type { RawConditionChange } from './condition-diff.ts';
import { parameterValue } from '../../rulebase/parameters.ts';
import type { Direction, ParameterChange } from '../model/report.ts';
import { phrases, withUnit, type Lang } from '../render/words.ts';

export interface ParameterUseInput {
  test: string;
  change: RawConditionChange;
}

export function diffParameters(
  base: Regulation, subject: Regulation, uses: ParameterUseInput[],
  validity: { description: string; direction: Direction; citation: string } | undefined, date: string, lang: Lang,
): ParameterChange[] {
  const say = phrases[lang];
  const names = [...new Set([...Object.keys(subject.parameters), ...Object.keys(base.parameters)])];
  const out: ParameterChange[] = [];
  for (const name of names) {
    const a = base.parameters[name], b = subject.parameters[name];
    const value = (p: NonNullable<typeof a>) => {
      const v = parameterValue(p, date);
      return { value: withUnit(v, lang, p.unit), ...(v !== undefined && { raw: v }), unit: p.unit, source: citeBasis(p.basis, lang) };
    };
    if (!a || !b) {
      const p = (a ?? b)!;
      out.push({ name, label: p.label[lang], kind: a ? 'removed' : 'added', ...(a ? { old: value(a) } : { new: value(b!) }), usedBy: [] });
      continue;
    }
    const series = (p: typeof a) => JSON.stringify(p.values ?? p.value);
    const valueChanged = parameterValue(a, date) !== parameterValue(b, date);
    if (!valueChanged && a.unit === b.unit && series(a) === series(b)) continue;
    const usedBy = uses.filter((u) => u.change.parameter === name).map((u) => ({
      test: u.test, condition: u.change.path.concat(u.change.description).join(' › '), direction: u.change.direction, citation: u.change.citation,
    }));
    if (validity && base.validity.param === name && subject.validity.param === name && valueChanged) {
      usedBy.push({ test: say.validityName, condition: validity.description, direction: validity.direction, citation: validity.citation });
    }
    const notes = [
      ...(a.unit !== b.unit ? [say.parameterUnitChanged(a.unit, b.unit)] : []),
      ...(!valueChanged && series(a) !== series(b) ? [say.parameterValuesChanged] : []),
    ];
    out.push({
      name, label: b.label[lang], kind: 'changed', direction: usedBy.length ? combine(usedBy.map((u) => u.direction)) : 'changed',
      old: value(a), new: value(b), ...(notes.length && { note: notes.join('; ') }), usedBy,
    });
  }
  return out;
}
