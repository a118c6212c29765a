import { describe, expect, it } from 'vitest';
import type { Leaf } from '../../src/rulebase/schema.ts';
import { leafRelation, toDirection } from '../../src/diff/compare/condition-direction.ts';

const leaf = (fact: string, operator: Leaf['operator'], value: Leaf['value']): Leaf => ({ fact, operator, value });
const rel = (a: Leaf, b: Leaf) => leafRelation(a, a.value as never, b, b.value as never);
const hours = 'grounds.mantelzorg.hoursPerWeek';
const kids = 'household.minorChildren';

describe('the direction of a changed condition, from operator and value', () => {
  it('a lower bound raised is narrower, lowered wider; an upper bound the reverse', () => {
    expect(rel(leaf(hours, 'greaterThanInclusive', 8), leaf(hours, 'greaterThanInclusive', 10))).toBe('narrower');
    expect(rel(leaf(hours, 'greaterThanInclusive', 10), leaf(hours, 'greaterThanInclusive', 8))).toBe('wider');
    expect(rel(leaf('income.annualHousehold', 'lessThanInclusive', 50000), leaf('income.annualHousehold', 'lessThanInclusive', 30000))).toBe('narrower');
  });

  it('strict and inclusive bounds: > 8 is narrower than ≥ 8 on a real, the same as ≥ 9 on whole numbers', () => {
    expect(rel(leaf(hours, 'greaterThanInclusive', 8), leaf(hours, 'greaterThan', 8))).toBe('narrower');
    expect(rel(leaf(kids, 'greaterThan', 1), leaf(kids, 'greaterThanInclusive', 2))).toBe('same');
  });

  it('value sets: subsets, complements over a finite domain (booleans, enums)', () => {
    const kind = 'grounds.violence.kind';
    expect(rel(leaf(kind, 'equal', 'huiselijk-geweld'), leaf(kind, 'in', ['huiselijk-geweld', 'mensenhandel']))).toBe('wider');
    expect(rel(leaf(kind, 'equal', 'huiselijk-geweld'), leaf(kind, 'notEqual', 'mensenhandel'))).toBe('same');
    expect(rel(leaf('conduct.ownFault', 'equal', true), leaf('conduct.ownFault', 'notEqual', false))).toBe('same');
    expect(rel(leaf(kind, 'equal', 'huiselijk-geweld'), leaf(kind, 'equal', 'mensenhandel'))).toBe('changed');
  });

  it('a range against a value: = 3 lies inside ≥ 2', () => {
    expect(rel(leaf(kids, 'greaterThanInclusive', 2), leaf(kids, 'equal', 3))).toBe('narrower');
  });

  it('undecidable: another fact, or an unknown value', () => {
    expect(rel(leaf(hours, 'greaterThanInclusive', 8), leaf('grounds.mantelzorg.distanceKm', 'greaterThanInclusive', 8))).toBe('changed');
    expect(leafRelation(leaf(hours, 'greaterThanInclusive', 8), 8, leaf(hours, 'greaterThanInclusive', 8), undefined)).toBe('changed');
  });

  it('narrower is strenger in a category or requirement, ruimer in a refusal ground or under a not', () => {
    expect([toDirection('narrower', 1), toDirection('narrower', -1), toDirection('wider', 1), toDirection('changed', -1)]).toEqual(['stricter', 'looser', 'looser', 'changed']);
  });
});
