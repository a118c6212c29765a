// Shared helpers: the bundled rule files as text, and variants of them built in memory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_RULES_DIR, readRuleFiles } from '../src/rulebase/load.ts';
import { buildRuleBase, type SourceFile } from '../src/rulebase/rulebase.ts';
import { RuleBaseError } from '../src/rulebase/problems.ts';

export const bundledFiles = readRuleFiles(BUNDLED_RULES_DIR);
export const registryText = readFileSync(join(BUNDLED_RULES_DIR, 'gemeenten.yaml'), 'utf8');

export const textOf = (path: string): string => bundledFiles.find((f) => f.path === path)!.text;

/** The bundled files with some replaced or added (by path); `null` removes a file. */
export function variant(changes: Record<string, string | null>): SourceFile[] {
  const kept = bundledFiles.filter((f) => !(f.path in changes));
  const added = Object.entries(changes).filter(([, t]) => t !== null).map(([path, text]) => ({ path, text: text! }));
  return [...kept, ...added];
}

export const build = (files: SourceFile[]) => buildRuleBase(files, registryText);

/** The problems a variant is rejected with (fails the test when it loads). */
export function problemsOf(files: SourceFile[]) {
  try {
    build(files);
  } catch (e) {
    if (e instanceof RuleBaseError) return e.problems;
    throw e;
  }
  throw new Error('expected the rule base to be rejected');
}

export const HOGELAND = 'gemeente/GM1966-het-hogeland/2026-07-01.yaml';
