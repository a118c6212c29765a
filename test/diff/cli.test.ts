// voorrang diff: the three formats, the baseline choices, and the errors.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { DiffReport } from '../../src/diff/model/report.ts';

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '', err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(console, 'error').mockImplementation((s) => { err += `${String(s)}\n`; });
  const code = await main(['diff', ...args]);
  return { code, out, err };
}

afterEach(() => vi.restoreAllMocks());

// Each run loads the rule base from disk, as the command does.
describe('voorrang diff', { timeout: 30_000 }, () => {
  it('Markdown against the model by default; --concept compares the concept instead of the adopted verordening', async () => {
    const adopted = await run('GM0014', '--date', '2026-08-01');
    expect(adopted.out).toContain('Huisvestingsverordening 2025 Gemeente Groningen');
    const { code, out } = await run('GM0014', '--date', '2026-08-01', '--concept');
    expect(code).toBe(0);
    expect(out).toMatch(/^# Verschillen in de urgentieregeling: Groningen ten opzichte van het model\n/);
    expect(out).toContain('### Toegevoegd: Acute noodsituatie (art. 2.10a lid 1) — *ruimer*');
    expect(out).toContain('~~zes~~ **drie** maanden');
  });

  it('JSON that parses as a DiffReport, against a neighbour, in English', async () => {
    const { code, out } = await run('GM0014', '--against', 'GM1966', '--date', '2026-08-01', '--format', 'json', '--lang', 'en');
    expect(code).toBe(0);
    const report = DiffReport.parse(JSON.parse(out));
    expect([report.base.name, report.subject.name, report.language]).toEqual(['Het Hogeland', 'Groningen', 'en']);
  });

  it('a standalone HTML page: inline CSS, no external assets, redline as del/ins', async () => {
    const { code, out } = await run('GM0014', '--against', '2019-08-01', '--date', '2026-08-01', '--format', 'html', '--concept');
    expect(code).toBe(0);
    expect(out).toMatch(/^<!doctype html>/);
    expect(out).toContain('<style>');
    expect(out).not.toMatch(/<link|<script|src=|href=/);
    expect(out).toContain('<del>huurschuld</del>');
    expect(out).toContain('<ins>rechtmatig in Nederland verblijft</ins>');
  });

  it('exit 1 when a side has no regulation on the date, 2 on bad usage', async () => {
    const early = await run('GM0014', '--date', '2026-01-01');
    expect(early.code).toBe(1);
    expect(early.err).toContain('model/vng');
    expect((await run('GM9999', '--date', '2026-08-01')).code).toBe(1);
    expect((await run('GM0014', '--format', 'pdf')).code).toBe(2);
    expect((await run()).code).toBe(2);
  });
});
