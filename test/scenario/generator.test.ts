// The generator: deterministic for a seed, any range equal to the same slice of a full run (so workers
// can share the work), valid cases, municipalities in proportion to their populations.
import { describe, expect, it } from 'vitest';
import { Case } from '../../src/case/schema.ts';
import { BLOCK, generatePopulation, MUNICIPALITY_POPULATION } from '../../src/scenario/population/generator.ts';
import { random } from '../../src/scenario/population/prng.ts';

describe('generator', () => {
  it('gives the same population for the same seed, another for another seed', () => {
    const a = [...generatePopulation({ size: 2000, seed: 42 })];
    expect([...generatePopulation({ size: 2000, seed: 42 })]).toEqual(a);
    expect([...generatePopulation({ size: 2000, seed: 43 })]).not.toEqual(a);
  });

  it('gives a range exactly as the same slice of a full run (across block edges)', () => {
    const full = [...generatePopulation({ size: 3 * BLOCK, seed: 9 })];
    const from = BLOCK - 5;
    const to = 2 * BLOCK + 17;
    expect([...generatePopulation({ size: 3 * BLOCK, seed: 9 }, from, to)]).toEqual(full.slice(from, to));
  });

  it('pins the first rows of seed 1 (a change to a distribution must be deliberate)', () => {
    const [first] = generatePopulation({ size: 1, seed: 1 });
    expect(first!.municipality).toMatch(/^GM\d{4}$/);
    expect(JSON.stringify(first)).toMatchSnapshot();
  });

  it('draws valid cases, in proportion to the municipalities\' populations', () => {
    const n = 20_000;
    const counts = new Map<string, number>();
    for (const row of generatePopulation({ size: n, seed: 1 })) {
      expect(Case.safeParse(row.case).success).toBe(true);
      counts.set(row.municipality, (counts.get(row.municipality) ?? 0) + 1);
    }
    const total = Object.values(MUNICIPALITY_POPULATION).reduce((s, x) => s + x, 0);
    for (const [code, inhabitants] of Object.entries(MUNICIPALITY_POPULATION)) {
      const expected = n * inhabitants / total;
      expect(Math.abs(counts.get(code)! - expected)).toBeLessThan(4 * Math.sqrt(expected)); // within 4 sd
    }
  });

  it('restricts to given municipalities', () => {
    const rows = [...generatePopulation({ size: 500, seed: 2, municipalities: ['GM0765', 'GM0047'] })];
    expect(new Set(rows.map((r) => r.municipality))).toEqual(new Set(['GM0765', 'GM0047']));
  });
});

describe('prng', () => {
  it('is deterministic and roughly uniform', () => {
    const a = random(7);
    const b = random(7);
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
});
