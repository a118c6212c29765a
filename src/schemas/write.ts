// npm run schemas: regenerate schemas/*.json from the zod definitions.
import { writeFileSync } from 'node:fs';
import { jsonSchemas } from './published.ts';

for (const [name, schema] of Object.entries(jsonSchemas)) {
  writeFileSync(new URL(`../../schemas/${name}`, import.meta.url), JSON.stringify(schema, null, 2) + '\n');
  console.log(`schemas/${name}`);
}
