// Issue 16, findings 6 and 9: a body or rule file nested deeper than any real one is refused with the
// path (400, or file:line:column), not a stack overflow; the registry and YAML aliases get file errors.
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, tooDeepAt } from '../../src/rulebase/depth.ts';
import { buildRuleBase } from '../../src/rulebase/rulebase.ts';
import { parseRuleFile } from '../../src/rulebase/parse.ts';
import { RuleBaseError } from '../../src/rulebase/problems.ts';
import { bundledFiles, registryText, textOf, HOGELAND } from '../fixtures.ts';
import { client, makeApp } from '../api/helpers.ts';

const api = client(makeApp().app);
const nestedNot = (n: number): unknown => {
  let c: unknown = { fact: 'applicant.age', operator: 'greaterThan', value: 1 };
  for (let i = 0; i < n; i++) c = { not: c };
  return c;
};

describe('nesting depth (finding 6)', () => {
  it('finds the first value deeper than the limit, with its path, and nothing at the limit', () => {
    expect(tooDeepAt({ a: [{ b: 1 }] }, 3)).toBeUndefined();
    expect(tooDeepAt({ a: [{ b: { c: 1 } }] }, 3)).toEqual(['a', 0, 'b']);
  });

  it('refuses a scenario with 1,500 nested `not` as 400 with the path, not 500', async () => {
    const body = {
      scenario: { name: 'x', date: '2026-08-03', variant: { regulation: 'concept', changes: [{ op: 'addCategory', basis: { article: '1' }, category: { id: 'diep', label: { nl: 'd', en: 'd' }, basis: { article: '1' }, conditions: nestedNot(1500) } }] } },
      population: { generate: { size: 10, seed: 1 } },
    };
    const res = await api.post('/v1/scenarios', body);
    expect([res.status, res.type]).toEqual([400, 'application/problem+json']);
    expect(res.body.invalidParams[0]).toMatchObject({ code: 'too_deep', reason: `dieper genest dan ${MAX_DEPTH} niveaus` });
    expect(res.body.invalidParams[0].name).toMatch(/^\$\.scenario\.variant\.changes\[0\]\.category\.conditions(\.not)+$/);
  });

  it('refuses a rule file nested too deep with file, line and column', () => {
    const deep = textOf(HOGELAND).replace('changes: []', `changes:\n  - op: addCategory\n    basis: { article: '1' }\n    category: { id: diep, label: { nl: d, en: d }, basis: { article: '1' }, conditions: ${JSON.stringify(nestedNot(200))} }`);
    const result = parseRuleFile(HOGELAND, deep);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = deep.split('\n').findIndex((l) => l.includes('id: diep')) + 1;
    expect(result.problems).toEqual([expect.objectContaining({ file: HOGELAND, line, column: expect.any(Number), message: `dieper genest dan ${MAX_DEPTH} niveaus` })]);
    expect(result.problems[0]!.path).toMatch(/^\$\.changes\[0\]\.category\.conditions(\.not)+$/);
  });
});

describe('files the loader reads (finding 9)', () => {
  const problemsOf = (registry: string, files = bundledFiles) => {
    try {
      buildRuleBase(files, registry);
    } catch (e) {
      if (e instanceof RuleBaseError) return e.problems;
      throw e;
    }
    throw new Error('expected the rule base to be rejected');
  };

  it('names gemeenten.yaml with line and column for a syntax error', () => {
    const broken = registryText.replace('municipalities:', 'municipalities: [');
    expect(problemsOf(broken)).toEqual([expect.objectContaining({ file: 'gemeenten.yaml', line: expect.any(Number), column: expect.any(Number), message: expect.stringMatching(/^YAML: /) })]);
  });

  it('refuses a YAML alias bomb in a rule file and in the registry, naming the file', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const rule = parseRuleFile(HOGELAND, bomb);
    expect(rule.ok).toBe(false);
    if (!rule.ok) expect(rule.problems[0]).toMatchObject({ file: HOGELAND, message: expect.stringMatching(/^YAML: .*alias/i) });
    expect(problemsOf(`${bomb}\n${registryText}`)[0]).toMatchObject({ file: 'gemeenten.yaml', message: expect.stringMatching(/^YAML: .*alias/i) });
  });
});
