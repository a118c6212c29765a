// voorrang test [dir]: run every <validFrom>.test.yaml beside the rule files; report per file.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { BUNDLED_RULES_DIR, loadRuleBase } from '../rulebase/load.ts';
import { RuleBaseError, formatProblem } from '../rulebase/problems.ts';
import { Evaluator } from '../engine/evaluator.ts';
import { runTestFile } from '../testing/yaml-tests.ts';
import type { Command } from './command.ts';

export const test: Command = {
  usage: 'voorrang test [map]',
  options: {},
  async run(_values, [dir]) {
    const root = dir ? resolve(dir) : BUNDLED_RULES_DIR;
    let evaluator: Evaluator;
    try {
      evaluator = new Evaluator(loadRuleBase(root));
    } catch (e) {
      if (!(e instanceof RuleBaseError)) throw e;
      for (const p of e.problems) console.error(`✗ ${formatProblem(p)}`);
      return 1;
    }
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.test.yaml')).sort();
    let passed = 0;
    let failed = 0;
    for (const path of files) {
      const file = relative(root, join(root, path)).split(sep).join('/');
      const set = file.slice(0, file.lastIndexOf('/'));
      // The tests of a concept simulate it; those of an adopted version run what is in force.
      const ruleFile = file.replace(/\.test\.yaml$/, '.yaml');
      const status = evaluator.ruleBase.fileSets.get(set)?.versions.find((v) => v.file.file === ruleFile)?.status;
      const outcome = await runTestFile(file, readFileSync(join(root, path), 'utf8'), set, evaluator, { concept: status === 'concept' });
      if (outcome.error) {
        console.log(`✗ ${file}: geen geldig testbestand\n${outcome.error.replace(/^/gm, '    ')}`);
        failed++;
        continue;
      }
      const bad = outcome.tests.filter((t) => !t.passed);
      console.log(`${bad.length ? '✗' : '✓'} ${file}  ${outcome.tests.length - bad.length}/${outcome.tests.length}`);
      for (const t of bad) console.log(`    ✗ ${t.name}\n${t.failures.map((f) => `        ${f}`).join('\n')}`);
      passed += outcome.tests.length - bad.length;
      failed += bad.length;
    }
    console.log(`\nYAML-tests: ${files.length} bestanden`);
    console.log(`${passed} passed, ${failed} failed`);
    return failed > 0 || passed === 0 ? 1 : 0;
  },
};
