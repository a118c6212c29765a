// openapi.yaml is generated, never edited: it must equal what the code and the bundled rule base give,
// and the server must publish the same document.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toYaml } from '../../src/api/openapi-document.ts';
import { client, makeApp, openapi } from './helpers.ts';
import { openapiFile } from './contract.ts';

describe('openapi.yaml', () => {
  it('is up to date (run `npm run openapi` after changing the API, the schemas or the rules)', () => {
    const committed = readFileSync(new URL('../../openapi.yaml', import.meta.url), 'utf8');
    expect(committed === toYaml(openapi), 'openapi.yaml is stale: run `npm run openapi`').toBe(true);
  });

  it('is what GET /v1/openapi.json serves', async () => {
    const res = await client(makeApp().app).get('/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body).toEqual(openapiFile);
  });

  it('describes every route the app has', () => {
    expect(Object.keys(openapiFile.paths).sort()).toEqual([
      '/docs', '/health', '/openapi.json', '/regulations', '/regulations/{municipalityCode}',
      '/regulations/{municipalityCode}/diff', '/regulations/{municipalityCode}/evaluations',
      '/regulations/{municipalityCode}/evaluations/batch', '/scenarios',
    ]);
  });
});

describe('GET /v1/health and /v1/docs', () => {
  const api = client(makeApp().app);

  it('health says ok with the API version', async () => {
    const res = await api.get('/v1/health');
    expect(res.body).toMatchObject({ status: 'ok', apiVersion: '1.0.0', municipalities: 10 });
    expect(Array.isArray(res.body.warnings)).toBe(true);
  });

  it('serves the reference page and its assets locally, no CDN', async () => {
    const page = await api.get('/v1/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).not.toMatch(/https?:\/\//);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    for (const asset of ['docs/swagger-ui-bundle.js', 'docs/swagger-ui.css', 'docs/init.js']) {
      expect(page.text).toContain(asset);
      const res = await api.get(`/v1/${asset}`);
      expect(res.status).toBe(200);
    }
    expect((await api.get('/v1/docs/init.js')).text).toContain("url: 'openapi.json'");
  });
});
