import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonSchemas } from '../src/schemas/published.ts';

describe('schemas/ is generated from the zod definitions', () => {
  for (const [name, schema] of Object.entries(jsonSchemas)) {
    it(`schemas/${name} is up to date (run npm run schemas)`, () => {
      expect(JSON.parse(readFileSync(new URL(`../schemas/${name}`, import.meta.url), 'utf8'))).toEqual(schema);
    });
  }
});
