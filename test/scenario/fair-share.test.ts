// Fair-share arithmetic on a small example checked by hand.
import { describe, expect, it } from 'vitest';
import { fairShare } from '../../src/scenario/report/fair-share.ts';
import type { Scope } from '../../src/scenario/model/report-schema.ts';

const scope = (id: string, cases: number, urgent: [number, number], undetermined: [number, number]): Scope => ({
  kind: 'municipality', id, name: id, cases, counts: [], transitions: [],
  urgent: { baseline: urgent[0], variant: urgent[1] }, undetermined: { baseline: undetermined[0], variant: undetermined[1] },
});
const region = { id: 'r', name: 'Regio R' };

describe('fair share', () => {
  // A: 200 cases in the population, 1,000 applications a year → each case stands for 5 applications.
  //    Baseline 40 urgent → 200 a year on 500 vacancies = 40% (over the 30% target).
  //    Variant 30 urgent → 150 a year = 30% (not over: the target is not passed).
  // B: no applicationsPerYear → the population is one year: 50 urgent on 250 vacancies = 20%; variant 60 → 24%.
  // Region: vacancies 750. Baseline demand 200 + 50 = 250 → proportional A 250·500/750 = 166.67, B 83.33;
  //    difference A +33.33, B −33.33. Variant demand 150 + 60 = 210 → A 140, B 70; difference A +10, B −10.
  const result = fairShare(
    { year: 2025, source: 'test', targetShare: 0.3, municipalities: { GM0001: { vacancies: 500, applicationsPerYear: 1000 }, GM0002: { vacancies: 250 } } },
    [scope('GM0001', 200, [40, 30], [10, 12]), scope('GM0002', 300, [50, 60], [5, 5]), scope('GM0003', 10, [1, 1], [0, 0])],
    (code) => (code === 'GM0003' ? undefined : region),
  );
  const [a, b] = result.municipalities;

  it('scales the population to a year and divides by vacancies', () => {
    expect(a!.scale).toBe(5);
    expect(a!.baseline).toMatchObject({ urgent: 200, undetermined: 50, share: 0.4, overTarget: true });
    expect(a!.variant).toMatchObject({ urgent: 150, undetermined: 60, share: 0.3, overTarget: false });
    expect(b!.scale).toBe(1);
    expect(b!.baseline).toMatchObject({ urgent: 50, share: 0.2, overTarget: false });
    expect(b!.variant).toMatchObject({ urgent: 60, share: 0.24 });
  });

  it('splits the region\'s urgent demand in proportion to vacancies', () => {
    expect(a!.baseline.proportional).toBeCloseTo(166.667, 3);
    expect(b!.baseline.proportional).toBeCloseTo(83.333, 3);
    expect(a!.baseline.difference).toBeCloseTo(33.333, 3);
    expect(b!.baseline.difference).toBeCloseTo(-33.333, 3);
    expect(a!.variant.proportional).toBeCloseTo(140, 9);
    expect(b!.variant.difference).toBeCloseTo(-10, 9);
    expect(result.regions).toEqual([expect.objectContaining({ id: 'r', vacancies: 750, cases: 500 })]);
    expect(result.regions[0]!.baseline).toMatchObject({ urgent: 250, share: 250 / 750, overTarget: true });
    expect(result.regions[0]!.variant).toMatchObject({ urgent: 210, share: 0.28, overTarget: false });
  });

  it('names municipalities in the population without vacancy figures', () => {
    expect(result.missing).toEqual(['GM0003']);
  });
});
