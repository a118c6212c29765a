// A rule base with one more rule file, e.g. a draft new version of a verordening: built again from the
// rule base's own sources, so the file is parsed, resolved and conformance-checked like every other.
import { parse as parseYaml } from 'yaml';
import { RuleBaseError } from './problems.ts';
import { buildRuleBase, type RuleBase, type SourceFile } from './rulebase.ts';

/**
 * The file takes the place a file of its layer, jurisdiction and validFrom has in the rules directory
 * (replacing one with the same validFrom). `file.path` is where the file really is: problems name it.
 * Throws RuleBaseError.
 */
export function withFile(ruleBase: RuleBase, file: SourceFile): RuleBase {
  const placed = placeOf(ruleBase, file.text);
  // gemeenten.yaml holds nothing but the municipalities and regions, and JSON is YAML.
  const registryText = JSON.stringify({ regions: ruleBase.regions, municipalities: ruleBase.municipalities });
  try {
    return buildRuleBase([...ruleBase.sources.filter((f) => f.path !== placed), { path: placed, text: file.text }], registryText);
  } catch (e) {
    if (!(e instanceof RuleBaseError)) throw e;
    throw new RuleBaseError(e.problems.map((p) => (p.file === placed ? { ...p, file: file.path } : p)));
  }
}

/** Where a file of this layer and jurisdiction lives below rules/; an unreadable head is left to the parser. */
function placeOf(ruleBase: RuleBase, text: string): string {
  let head: { layer?: unknown; jurisdiction?: unknown; validFrom?: unknown } = {};
  try {
    head = (parseYaml(text) ?? {}) as typeof head;
  } catch { /* the parser reports the YAML error with its line */ }
  const layer = typeof head.layer === 'string' ? head.layer : 'gemeente';
  const jurisdiction = typeof head.jurisdiction === 'string' ? head.jurisdiction : 'onbekend';
  const validFrom = typeof head.validFrom === 'string' ? head.validFrom : String(head.validFrom ?? 'onbekend');
  const dir = layer === 'gemeente' ? ruleBase.municipalitySets.get(jurisdiction) ?? `gemeente/${jurisdiction}` : `${layer}/${jurisdiction}`;
  return `${dir}/${validFrom}.yaml`;
}
