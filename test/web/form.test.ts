// The intake form and its labels follow the case schema: every field has a control and words in both
// languages, no label names a field that does not exist, and the ranking of missing facts uses only
// the decision.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { caseFields } from '../../src/case/schema.ts';
import { Evaluator } from '../../src/engine/evaluator.ts';
import { loadRuleBase } from '../../src/rulebase/load.ts';
import { rankMissingFacts } from '../../src/web/client/missing.ts';
import { caseForm, claimGroups } from '../../src/web/form.ts';
import { fieldLabels, groupLabels, optionLabels } from '../../src/web/labels.ts';

const ruleBase = loadRuleBase();

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
    const form = caseForm({ lang: 'nl', claims: claimGroups(ruleBase), municipalities: ruleBase.municipalities });
    const markup = form.top.text + form.groups.text;
    for (const path of caseFields.keys()) expect(markup, path).toContain(`data-path="${path}"`);
    for (const m of markup.matchAll(/<label for="([^"]+)"/g)) expect(markup, m[1]).toContain(`id="${m[1]}"`);
    expect([...claimGroups(ruleBase)].sort()).toEqual(expect.arrayContaining(['grounds.mantelzorg', 'grounds.medical']));
    expect(markup).toContain('data-claim-toggle="grounds.mantelzorg"');
  });
});

describe('missing facts, most decisive first', () => {
  const evaluator = new Evaluator(ruleBase);
  it('puts a fact that alone decides a test before facts that must be known together', async () => {
    const d = await evaluator.evaluate({
      applicationDate: '2026-09-01',
      applicant: { age: 40, lawfulResidence: true },
      household: { adults: 1, minorChildren: 0 },
      income: { annualHousehold: 20000 },
      residence: { yearsRegistered: 5 },
      grounds: { mantelzorg: { expectedDurationMonths: 24, distanceKm: 12, assessedBySocialTeam: true }, medical: {} },
      conduct: { ownFault: false, canSolveWithinThreeMonths: false, rentArrears: false, nuisance: false },
    }, 'GM1966');
    // Medical urgency ranks above mantelzorg, so the engine lists its two open facts first; but the
    // mantelzorg hours alone decide mantelzorg, while the medical facts decide only together.
    expect(d.outcome).toBe('undetermined');
    expect(d.missingFacts[0]!.fact).toMatch(/^grounds\.medical\./);
    const ranked = rankMissingFacts(d);
    expect(ranked.map((m) => m.fact).sort()).toEqual(d.missingFacts.map((m) => m.fact).sort());
    expect(ranked[0]).toMatchObject({ fact: 'grounds.mantelzorg.hoursPerWeek', openInTest: 1 });
  });
});
