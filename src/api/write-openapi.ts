// npm run openapi: regenerate openapi.yaml from the code and the bundled rule base.
import { writeFileSync } from 'node:fs';
import { Evaluator } from '../engine/evaluator.ts';
import { loadRuleBase } from '../rulebase/load.ts';
import { generateOpenApi, toYaml } from './openapi-document.ts';

const ruleBase = loadRuleBase();
const doc = await generateOpenApi(ruleBase, new Evaluator(ruleBase));
writeFileSync(new URL('../../openapi.yaml', import.meta.url), toYaml(doc));
console.log('openapi.yaml');
