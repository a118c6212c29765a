// The benchmark's summary over rounds: medians, ranges, and how often each target was met, at its
// boundary (p99 under 5 ms is strict; 2,000 req/s is enough).
import { describe, expect, it } from 'vitest';
import { summary, type Row } from '../../bench/api.ts';

const gc = { msPer1000: 0, maxMs: 0 };
const round = (p99: number, rps: number): Row[] => [
  { endpoint: 'evaluations', load: '1,000 req/s', rps: 1000, p50: 1, p99, errors: 0, gc },
  { endpoint: 'evaluations', load: 'saturation', rps, p50: 3, p99: 9, errors: 0, cpuPerRequest: 1e6 / rps, gc },
];
const cells = (text: string, load: string) => text.split('\n').find((l) => l.includes(load))!.split('|').map((c) => c.trim());

describe('bench summary', () => {
  const text = summary([round(4.99, 1999), round(5, 2000), round(12, 2600)]);

  it('counts a p99 of exactly 5 ms as missing the target, and 4.99 ms as meeting it', () => {
    expect(cells(text, '1,000 req/s')).toContain('1 of 3 (p99 < 5 ms)');
  });

  it('counts exactly 2,000 req/s as meeting the target, and 1,999 as missing it', () => {
    expect(cells(text, 'saturation')).toContain('2 of 3 (≥ 2000 req/s)');
  });

  it('gives the median with the range', () => {
    expect(cells(text, 'saturation')).toContain('2000 (1999–2600)');
    expect(cells(text, '1,000 req/s')).toContain('5.00 (4.99–12.00)');
  });
});
