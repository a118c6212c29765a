// The intake form and its labels follow the case schema: every field has a control and words in both
// languages, and no label names a field that does not exist.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseFields } from '../../src/case/schema.ts';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { caseForm, claimGroups } from '../../src/web/form.ts';
import { fieldLabels, groupLabels, optionLabels } from '../../src/web/labels.ts';
import { intakePage } from '../../src/web/pages/intake.ts';

describe('intake form', () => {
  it('has a label in Dutch and English for every case field and option, and none for anything else', () => {
    expect(Object.keys(fieldLabels).sort()).toEqual([...caseFields.keys()].sort());
    for (const [path, schema] of caseFields) {
      expect(fieldLabels[path]!.nl && fieldLabels[path]!.en, path).toBeTruthy();
      if (schema instanceof z.ZodEnum) expect(Object.keys(optionLabels[path] ?? {}).sort(), path).toEqual([...schema.options].sort());
    }
    const groups = new Set([...caseFields.keys()].flatMap((p) => p.split('.').slice(0, -1).map((_, i, a) => a.slice(0, i + 1).join('.'))));
    expect(Object.keys(groupLabels).sort()).toEqual([...groups].sort());
  });

  it('renders one labelled control per field; the grounds claimed by categories get a claim box', () => {
    const ruleBase = loadRuleBase();
    const form = caseForm({ lang: 'nl', claims: claimGroups(ruleBase), municipalities: ruleBase.municipalities });
    const markup = form.top.text + form.groups.text;
    for (const path of caseFields.keys()) expect(markup, path).toContain(`data-path="${path}"`);
    for (const m of markup.matchAll(/<label for="([^"]+)"/g)) expect(markup, m[1]).toContain(`id="${m[1]}"`);
    expect([...claimGroups(ruleBase)].sort()).toEqual(expect.arrayContaining(['grounds.mantelzorg', 'grounds.medical']));
    expect(markup).toContain('data-claim-toggle="grounds.mantelzorg"');
  });

  it('has a concept switch, off by default, in both languages: a concept is evaluated only on request (Hvw art. 51 lid 10)', () => {
    const ruleBase = loadRuleBase();
    for (const [lang, label] of [['nl', 'Concept simuleren (geen vastgestelde regeling)'], ['en', 'Simulate a concept (not an adopted regulation)']] as const) {
      const page = intakePage(ruleBase, lang, {}, '2026-09-01');
      const box = /<input type="checkbox" id="concept-simulation"[^>]*>/.exec(page)?.[0];
      expect(box, lang).toBeDefined();
      expect(box).not.toContain('checked');
      expect(page).toContain(`<label for="concept-simulation">${label}</label>`);
    }
  });
});
