// Public law is readable from any web page; evaluations and scenarios, which carry personal data and a
// key, are not offered to browsers at all.
import { describe, expect, it } from 'vitest';
import { exampleCases } from '../../src/api/example-cases.ts';
import { client, makeApp } from './helpers.ts';

const origin = { Origin: 'https://www.gemeente.example' };

describe('cross-origin reads (CORS)', () => {
  const api = client(makeApp().app);

  it('lets any page read the regulations, a diff, health and the OpenAPI document, with the API\'s headers', async () => {
    for (const url of ['/v1/regulations', '/v1/regulations/GM0014?date=2026-09-01', '/v1/regulations/GM0014/diff', '/v1/health', '/v1/openapi.json']) {
      const res = await api.get(url, origin);
      expect(res.status, url).toBe(200);
      expect(res.headers['access-control-allow-origin'], url).toBe('*');
      expect(res.headers['access-control-expose-headers'], url).toContain('API-Version');
    }
  });

  it('also for a problem, so that a page can show why (404)', async () => {
    const res = await api.get('/v1/regulations/GM9999', origin);
    expect(res.status).toBe(404);
    expect(res.headers['access-control-allow-origin']).toBe('*');
  });

  it('allows GET with Accept-Language in a preflight, and nothing else', async () => {
    const res = await api.send('options', '/v1/regulations/GM0014', (t) => t.set({ ...origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'accept-language' }));
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-methods']).toBe('GET');
    expect(res.headers['access-control-allow-headers']).toContain('Accept-Language');
  });

  it('offers evaluations and scenarios to no page: a preflight for POST is not allowed, and answers carry no CORS header', async () => {
    const preflight = await api.send('options', '/v1/regulations/GM0014/evaluations', (t) => t.set({ ...origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, content-type' }));
    expect(preflight.headers['access-control-allow-methods']).not.toContain('POST');
    expect(preflight.headers['access-control-allow-headers']).not.toMatch(/authorization/i);
    const evaluation = await api.post('/v1/regulations/GM0014/evaluations', exampleCases[0]!.case, { ...origin, Authorization: 'Bearer wrong' });
    expect(evaluation.status).toBe(401);
    expect(evaluation.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('leaves answers to callers without an Origin (servers) as they were', async () => {
    const res = await api.get('/v1/regulations');
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
