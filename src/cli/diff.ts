// voorrang diff GM0014 [--against model|GM1966|2019-08-01] [--date D] [--concept] [--format md|json|html] [--lang en] [--out file]
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { Lang } from '../engine/decision.ts';
import { loadRuleBase } from '../rulebase/load.ts';
import { NotInForceError, UnknownMunicipalityError } from '../rulebase/rulebase.ts';
import { today } from '../rulebase/dates.ts';
import { diffRegulations } from '../diff/compare-regulations.ts';
import { AgainstError, resolveComparison } from '../diff/sides.ts';
import { renderMarkdown } from '../diff/render/render-markdown.ts';
import { renderHtml } from '../diff/render/render-html.ts';
import { renderJson } from '../diff/render/render-json.ts';
import type { Command } from './command.ts';

const Format = z.enum(['md', 'json', 'html']);
const render = { md: renderMarkdown, json: renderJson, html: renderHtml };

export const diff: Command = {
  usage: 'voorrang diff GM0014 [--against model|GM1966|JJJJ-MM-DD] [--date JJJJ-MM-DD] [--concept] [--format md|json|html] [--lang en] [--out bestand]',
  options: {
    against: { type: 'string', default: 'model' },
    concept: { type: 'boolean' },
    date: { type: 'string' },
    format: { type: 'string', default: 'md' },
    lang: { type: 'string', default: 'nl' },
    out: { type: 'string', short: 'o' },
    rules: { type: 'string' },
  },
  async run(values, [code, ...extra]) {
    const lang = Lang.safeParse(values.lang);
    const format = Format.safeParse(values.format);
    if (!code || extra.length || !lang.success || !format.success) {
      console.error(`gebruik: ${this.usage}`);
      return 2;
    }
    if (values.date !== undefined && !z.iso.date().safeParse(values.date).success) {
      console.error(`--date: '${String(values.date)}' is geen datum JJJJ-MM-DD`);
      return 2;
    }
    const date = (values.date as string | undefined) ?? today();
    const ruleBase = loadRuleBase(values.rules as string | undefined);
    try {
      const { base, subject, baseDate } = resolveComparison(ruleBase, code, values.against as string, date, values.concept === true);
      const report = await diffRegulations(base, subject, { date, baseDate, lang: lang.data });
      const text = render[format.data](report);
      if (values.out) writeFileSync(values.out as string, text);
      else process.stdout.write(text);
      return 0;
    } catch (e) {
      if (e instanceof NotInForceError || e instanceof UnknownMunicipalityError || e instanceof AgainstError) {
        console.error(e.message);
        return 1;
      }
      throw e;
    }
  },
};
