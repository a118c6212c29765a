// voorrang evaluate --municipality GM0014 [--date D] [--concept] case.yaml|json [--json] [--lang en]
// Without --concept only an adopted urgentieregeling decides; a municipality without one exits 1.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { Case } from '../case/schema.ts';
import { loadRuleBase } from '../rulebase/load.ts';
import { NotInForceError, UnknownMunicipalityError } from '../rulebase/rulebase.ts';
import { Evaluator } from '../engine/evaluator.ts';
import { Lang } from '../engine/decision.ts';
import { renderDecision } from './render.ts';
import type { Command } from './command.ts';

export const evaluate: Command = {
  usage: 'voorrang evaluate --municipality GM0014 [--date YYYY-MM-DD] [--concept] casus.yaml|json [--json] [--lang en]',
  options: {
    municipality: { type: 'string', short: 'm' },
    date: { type: 'string' },
    json: { type: 'boolean' },
    concept: { type: 'boolean' },
    lang: { type: 'string', default: 'nl' },
    rules: { type: 'string' },
  },
  async run(values, [file]) {
    const lang = Lang.safeParse(values.lang);
    if (!values.municipality || !file || !lang.success) {
      console.error(`gebruik: ${this.usage}`);
      return 2;
    }
    if (values.date !== undefined && !z.iso.date().safeParse(values.date).success) {
      console.error(`--date: '${String(values.date)}' is geen datum YYYY-MM-DD`);
      return 2;
    }
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(file, 'utf8')); // YAML is a superset of JSON: one parser for both
    } catch (e) {
      console.error(`${file}: ${(e as Error).message.split('\n')[0]}`);
      return 2;
    }
    const parsed = Case.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) console.error(`${file}: $.${issue.path.join('.')}: ${issue.message}`);
      return 2;
    }
    const evaluator = new Evaluator(loadRuleBase(values.rules as string | undefined));
    try {
      const decision = await evaluator.evaluate(parsed.data, String(values.municipality), { date: values.date as string | undefined, lang: lang.data, concept: values.concept === true });
      console.log(values.json ? JSON.stringify(decision, null, 2) : renderDecision(decision));
      return 0;
    } catch (e) {
      if (e instanceof NotInForceError || e instanceof UnknownMunicipalityError) {
        console.error(e.message);
        return 1;
      }
      throw e;
    }
  },
};
