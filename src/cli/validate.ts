// voorrang validate [dir]: load every rule file; print each problem as file:line:column, or a summary.
import { resolve } from 'node:path';
import { BUNDLED_RULES_DIR, loadRuleBase } from '../rulebase/load.ts';
import { RuleBaseError, formatProblem } from '../rulebase/problems.ts';
import { HORIZON_DAYS, horizonWarnings } from '../rulebase/horizon.ts';
import { today } from '../rulebase/dates.ts';
import type { Command } from './command.ts';

export const validate: Command = {
  usage: 'voorrang validate [map]',
  options: {},
  async run(_values, [dir]) {
    const root = dir ? resolve(dir) : BUNDLED_RULES_DIR;
    try {
      const rb = loadRuleBase(root);
      for (const { municipality, periods } of rb.byMunicipality) {
        const versions = periods.map((p) => `${p.from}${p.until ? `..${p.until}` : '..'} (${p.status})`).join(', ');
        console.log(`✓ ${municipality.code} ${municipality.name.padEnd(17)} ${versions || 'geen urgentieregeling'}`);
      }
      console.log(`${rb.fileSets.size} bestandsreeksen, ${[...rb.fileSets.values()].reduce((n, s) => n + s.versions.length, 0)} versies: geldig`);
      // Warnings, not errors: the rule base is valid today, but runs out of a value or version soon.
      const warnings = horizonWarnings(rb, today());
      if (warnings.length) console.log(`\nLoopt af binnen ${HORIZON_DAYS} dagen (${warnings.length}):`);
      for (const w of warnings) console.log(`⚠ ${w.message.nl}`);
      return 0;
    } catch (e) {
      if (!(e instanceof RuleBaseError)) throw e;
      for (const p of e.problems) console.error(`✗ ${formatProblem(p)}`);
      console.error(`${e.problems.length} fout(en) in ${root}`);
      return 1;
    }
  },
};
