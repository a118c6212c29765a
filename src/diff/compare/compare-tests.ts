// Categories, general requirements and refusal grounds: matched by id (a category also by the statutory
// category it implements), then added, removed or changed. What an addition means depends on the kind:
// a new category lets more applicants in (ruimer), a new requirement or refusal ground fewer (strenger).
import type { Category, Regulation, RefusalGround, Requirement } from '../../rulebase/schema.ts';
import { citeArticle } from '../../rulebase/cite.ts';
import { combine } from './condition-direction.ts';
import { diffConditions, type RawConditionChange } from './condition-diff.ts';
import type { ChangeKind, Direction } from '../model/report.ts';
import { phrases, type Lang } from '../render/words.ts';

export type TestKind = 'category' | 'requirement' | 'refusalGround';
export type Test = Category | Requirement | RefusalGround;

export interface RawTestChange {
  testKind: TestKind;
  id: string;
  label: string;
  kind: ChangeKind;
  direction: Direction;
  citation: string;
  statutory?: string;
  details: string[];
  conditions: RawConditionChange[];
  base?: Test;
  subject?: Test;
}

export interface TestContext {
  base: Regulation;
  subject: Regulation;
  date: string;
  lang: Lang;
}

/** Direction of adding a test of this kind; removing it is the opposite. */
const addedDirection: Record<TestKind, Direction> = { category: 'looser', requirement: 'stricter', refusalGround: 'stricter' };
const opposite = (d: Direction): Direction => (d === 'stricter' ? 'looser' : d === 'looser' ? 'stricter' : d);

const statutoryOf = (t: Test | undefined) => (t && 'statutory' in t ? t.statutory : undefined);

/** Pairs of (baseline, compared) tests; one side absent for a removed or added test. */
export function matchTests<T extends Test>(as: T[], bs: T[]): [T | undefined, T | undefined][] {
  const rest = [...as];
  const take = (match: (a: T) => boolean) => {
    const i = rest.findIndex(match);
    return i >= 0 ? rest.splice(i, 1)[0] : undefined;
  };
  const pairs: [T | undefined, T | undefined][] = bs.map((b) => [take((a) => a.id === b.id), b]);
  for (const p of pairs) {
    const s = statutoryOf(p[1]);
    if (!p[0] && s) p[0] = take((a) => statutoryOf(a) === s);
  }
  return [...pairs, ...rest.map((a): [T, undefined] => [a, undefined])];
}

export function diffTests(testKind: TestKind, as: Test[], bs: Test[], ctx: TestContext): RawTestChange[] {
  const lang = ctx.lang;
  const say = phrases[lang];
  const out: RawTestChange[] = [];
  for (const [a, b] of matchTests(as, bs)) {
    const t = (b ?? a)!;
    const common = {
      testKind, id: t.id, label: t.label[lang], citation: citeArticle(t.basis, lang),
      ...(statutoryOf(t) && { statutory: statutoryOf(t) }), base: a, subject: b,
    };
    if (!a || !b) {
      const direction = a ? opposite(addedDirection[testKind]) : addedDirection[testKind];
      out.push({ ...common, kind: a ? 'removed' : 'added', direction, details: [], conditions: [] });
      continue;
    }
    const conditions = diffConditions(a.conditions, b.conditions, { ...ctx, polarity: testKind === 'refusalGround' ? -1 : 1, path: [] });
    const details: string[] = [];
    const directions: Direction[] = conditions.map((c) => c.direction);
    if ('ground' in a && 'ground' in b && a.ground !== b.ground) {
      details.push(say.groundChanged(a.ground ?? say.none, b.ground ?? say.none));
      directions.push('changed');
    }
    if (statutoryOf(a) !== statutoryOf(b)) {
      details.push(say.statutoryChanged(statutoryOf(a) ?? say.none, statutoryOf(b) ?? say.none));
      directions.push('changed');
    }
    const binding = (x: Test) => 'binding' in x && x.binding === true;
    if (binding(a) !== binding(b)) {
      details.push(say.bindingFlag(binding(b)));
      directions.push(binding(b) ? 'stricter' : 'looser');
    }
    if (!directions.length) continue; // wording only: the article redline shows it
    if (a.label[lang] !== b.label[lang]) details.unshift(say.labelChanged(a.label[lang], b.label[lang]));
    out.push({ ...common, kind: 'changed', direction: combine(directions), details, conditions });
  }
  return out;
}
