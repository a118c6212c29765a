// The I/O edge of the rule base: read rules/**/*.yaml (not the *.test.yaml beside them) and build.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRuleBase, type RuleBase, type SourceFile } from './rulebase.ts';

export const BUNDLED_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

export function ruleFilePaths(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((p) => p.endsWith('.yaml') && !p.endsWith('.test.yaml') && p.includes(sep))
    .map((p) => join(dir, p))
    .sort();
}

export function readRuleFiles(dir: string): SourceFile[] {
  return ruleFilePaths(dir).map((p) => ({ path: relative(dir, p).split(sep).join('/'), text: readFileSync(p, 'utf8') }));
}

export function loadRuleBase(dir: string = BUNDLED_RULES_DIR): RuleBase {
  return buildRuleBase(readRuleFiles(dir), readFileSync(join(dir, 'gemeenten.yaml'), 'utf8'));
}
