import { describe, expect, it } from 'vitest';
import { HOGELAND, problemsOf, textOf, variant } from '../fixtures.ts';

const hogeland = textOf(HOGELAND);

describe('a broken rule file names file, line and column', () => {
  it('reports bad YAML with its position', () => {
    const [p] = problemsOf(variant({ [HOGELAND]: hogeland.replace('changes: []', 'changes: [\n  - op: setParameter') }));
    expect(p!.file).toBe(HOGELAND);
    expect(p!.message).toMatch(/^YAML: /);
    expect(p!.line).toBeGreaterThan(10);
    expect(p!.column).toBeGreaterThan(0);
  });

  it('reports an unknown field with its JSON path and the line it is on', () => {
    const text = hogeland.replace('status: concept', 'status: concept\nstatsu: adopted');
    const line = text.split('\n').findIndex((l) => l.startsWith('statsu')) + 1;
    const problems = problemsOf(variant({ [HOGELAND]: text }));
    expect(problems).toEqual([expect.objectContaining({ file: HOGELAND, line, column: 1, path: '$.statsu', message: "onbekend veld 'statsu'" })]);
  });

  it('reports a value outside its enum inside a change, not the whole union', () => {
    const text = hogeland.replace('changes: []', [
      'changes:',
      '  - op: tightenCategory',
      '    category: mantelzorg',
      "    basis: { article: '3' }",
      '    conditions: { fact: grounds.mantelzorg.hoursPerWeek, operator: atLeast, value: 10 }',
    ].join('\n'));
    const problems = problemsOf(variant({ [HOGELAND]: text }));
    expect(problems.map((p) => p.path)).toContain('$.changes[0].conditions.operator');
    const p = problems.find((x) => x.path === '$.changes[0].conditions.operator')!;
    expect(p.message).toMatch(/greaterThanInclusive/);
    expect(p.line).toBe(text.split('\n').findIndex((l) => l.includes('atLeast')) + 1);
  });

  it('rejects a condition on a fact the case does not have', () => {
    const text = hogeland.replace('changes: []', [
      'changes:',
      '  - op: tightenCategory',
      '    category: mantelzorg',
      "    basis: { article: '3' }",
      '    conditions: { fact: grounds.mantelzorg.hours, operator: greaterThanInclusive, value: 10 }',
    ].join('\n'));
    const [p] = problemsOf(variant({ [HOGELAND]: text }));
    expect(p).toMatchObject({ path: '$.changes[0].conditions.fact', message: expect.stringContaining("'grounds.mantelzorg.hours' is geen gegeven") });
  });

  it('requires the file name to be the valid-from date', () => {
    const [p] = problemsOf(variant({ [HOGELAND]: hogeland.replace('validFrom: 2026-07-01', 'validFrom: 2026-08-01') }));
    expect(p).toMatchObject({ path: '$.validFrom', message: 'bestandsnaam moet 2026-08-01.yaml zijn (de datum van validFrom)' });
  });

  it('names a change that refers to a category the parent does not have', () => {
    const text = hogeland.replace('changes: []', "changes:\n  - { op: removeCategory, category: stadsvernieuwing, basis: { article: '3' } }");
    const [p] = problemsOf(variant({ [HOGELAND]: text }));
    expect(p).toMatchObject({ file: HOGELAND, path: '$.changes[0].category', message: "categorie 'stadsvernieuwing' bestaat niet in de bovenliggende regeling" });
  });
});
