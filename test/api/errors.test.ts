// Every problem the API answers, and a sweep of hostile input that must never give a 500.
import { once } from 'node:events';
import { connect, type AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { exampleCases } from '../../src/api/example-cases.ts';
import { auth, client, makeApp } from './helpers.ts';

const { app, logs } = makeApp();
const api = client(app);
const url = '/v1/regulations/GM0014/evaluations';
const aCase = exampleCases[0]!.case;
const problemType = (slug: string) => `https://voorrang.nl/problemen/${slug}`;

describe('problem+json errors', () => {
  it('400 malformed JSON', async () => {
    const res = await api.send('post', url, (t) => t.set(auth).set('Content-Type', 'application/json').send('{"applicant": {'));
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: problemType('ongeldige-json'), status: 400, title: 'Ongeldige JSON' });
    expect(res.body.detail).toBeTruthy();
  });

  it('400 schema violation lists every offending path', async () => {
    const res = await api.post(url, {
      applicationDate: '2026-02-30',
      applicant: { age: -3, lawfulResidence: 'yes', shoeSize: 44 },
      grounds: { mantelzorg: { hoursPerWeek: '8' }, medical: { independentAdvice: 'maybe' } },
      residence: { housing: 'castle' },
      colour: 'blue',
    });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name).sort()).toEqual([
      '$.applicant.age', '$.applicant.lawfulResidence', '$.applicant.shoeSize', '$.applicationDate', '$.colour',
      '$.grounds.medical.independentAdvice', '$.grounds.mantelzorg.hoursPerWeek', '$.residence.housing',
    ].sort());
  });

  it('400 for a body that is not an object, with path $', async () => {
    const res = await api.post(url, [1, 2]);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].name).toBe('$');
  });

  it('400 for an invalid ?date=', async () => {
    const res = await api.get('/v1/regulations/GM0014?date=2026-13-01');
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].name).toBe('date');
  });

  it('404 unknown municipality, on every route that names one', async () => {
    for (const res of [await api.get('/v1/regulations/GM9999'), await api.post('/v1/regulations/GM9999/evaluations', aCase), await api.post('/v1/regulations/nonsense/evaluations/batch', { cases: [aCase] })]) {
      expect(res.status).toBe(404);
      expect(res.body.type).toBe(problemType('onbekende-gemeente'));
    }
  });

  it('422 no regulation in force, naming the nearest versions', async () => {
    const res = await api.post('/v1/regulations/GM1966/evaluations', { ...aCase, applicationDate: '2025-03-01' });
    expect(res.status).toBe(422);
    expect(res.body.nearestVersions).toEqual([expect.objectContaining({ relation: 'next', validFrom: '2026-07-01', status: 'concept' })]);
    expect(res.body.detail).toMatch(/2026-07-01/);
    const get = await api.get('/v1/regulations/GM1966?date=2025-03-01');
    expect(get.status).toBe(422);
  });

  it('413 body over 1 MiB', async () => {
    const big = JSON.stringify({ cases: [aCase], padding: 'x'.repeat(1024 * 1024) });
    const res = await api.send('post', `${url}/batch`, (t) => t.set(auth).set('Content-Type', 'application/json').send(big));
    expect(res.status).toBe(413);
    expect(res.body.type).toBe(problemType('body-te-groot'));
  });

  it.each([
    ['text/plain', '{}'],
    ['application/x-www-form-urlencoded', 'a=1'],
    ['application/json; charset=latin1', '{}'],
  ])('415 content type %s', async (type, body) => {
    const res = await api.send('post', url, (t) => t.set(auth).set('Content-Type', type).send(body));
    expect(res.status).toBe(415);
    expect(res.body.type).toBe(problemType('mediatype-niet-ondersteund'));
  });

  it('415 when no content type is sent', async () => {
    const res = await api.send('post', url, (t) => t.set(auth));
    expect(res.status).toBe(415);
  });

  it('413 at once, and the connection closed, when Content-Length announces too much', async () => {
    const res = await api.send('post', url, (t) => t.set(auth).set('Content-Type', 'application/json').set('Content-Length', String(2 * 1024 * 1024)).send('{}'));
    expect(res.status).toBe(413);
    expect(res.headers.connection).toBe('close');
  });

  it('400 for an empty body: a case is an object, not nothing', async () => {
    const res = await api.send('post', url, (t) => t.set(auth).set('Content-Type', 'application/json').send(''));
    expect(res.status).toBe(400);
    expect(res.body.type).toBe(problemType('ongeldige-json'));
  });

  it('accepts a gzip-compressed body (batches are large), refuses an unknown content coding with 415', async () => {
    const body = gzipSync(JSON.stringify({ cases: [aCase, aCase] }));
    const zipped = await api.send('post', `${url}/batch`, (t) => t.set(auth).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').serialize((b: Buffer) => b as unknown as string).send(body));
    expect(zipped.status).toBe(200);
    expect(zipped.body.results).toHaveLength(2);
    const broken = await api.send('post', url, (t) => t.set(auth).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').serialize((b: string) => b).send('{"not": "gzip"}'));
    expect(broken.status).toBe(400);
    const unknown = await api.send('post', url, (t) => t.set(auth).set('Content-Type', 'application/json').set('Content-Encoding', 'compress').send('{}'));
    expect(unknown.status).toBe(415);
  });

  it('accepts a UTF-8 charset and a byte-order mark', async () => {
    const res = await api.send('post', url, (t) => t.set(auth).set('Content-Type', 'application/json; charset=UTF-8').send(`\ufeff${JSON.stringify(aCase)}`));
    expect(res.status).toBe(200);
  });

  it('404 for an unknown URL and 405 for a wrong method, as problems', async () => {
    const missing = await api.get('/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.type).toBe(problemType('niet-gevonden'));
    const wrong = await api.send('delete', '/v1/regulations');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('GET');
    const getEval = await api.get(url);
    expect(getEval.status).toBe(405);
    expect(getEval.headers.allow).toBe('POST');
  });
});

describe('no input gives a 500 or a crash', () => {
  const bodies: [string, string][] = [
    ['null', 'null'], ['a string', '"x"'], ['a number', '42'], ['true', 'true'], ['an empty body', ''],
    ['__proto__', '{"__proto__": {"polluted": true}, "applicant": {"__proto__": {"age": 20}}}'],
    ['constructor', '{"constructor": {"prototype": {"x": 1}}}'],
    ['deep nesting', '['.repeat(5000) + ']'.repeat(5000)],
    ['huge numbers', '{"applicant": {"age": 1e400}, "income": {"annualHousehold": -0}}'],
    ['a lone surrogate', '{"applicationDate": "\\ud800"}'],
    ['NaN-like', '{"applicant": {"age": NaN}}'],
    ['duplicate keys', '{"applicationDate": "2026-09-01", "applicationDate": "x"}'],
    ['a batch of nulls', '{"cases": [null, 1, "x", [], {"__proto__": 1}]}'],
  ];

  it.each(bodies)('%s', async (_what, body) => {
    for (const path of [url, `${url}/batch`, '/v1/scenarios']) {
      const res = await api.send('post', path, (t) => t.set(auth).set('Content-Type', 'application/json').send(body));
      expect(res.status).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(500);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    '/v1/regulations/%E0%A4%A', '/v1/regulations/GM0014?date[]=x', '/v1/regulations?date=2026-09-01&date=2026-09-02',
    '/v1/regulations/GM0014/../../etc/passwd', '/v1/docs/../../package.json', '/v1/regulations/' + 'G'.repeat(5000),
    '/v1/regulations/GM0014/diff?against[]=model', '/v1/regulations/GM0014/diff?against=model&against=GM1966',
    '/v1/regulations/GM0014/diff?against=GM0014', '/v1/regulations/GM0014/diff?against=9999-12-31&date=0001-01-01',
  ])('GET path %#', async (path) => {
    const res = await api.get(path);
    expect(res.status).toBeLessThan(500);
  });

  it('400 for a URL whose percent-encoding is broken', async () => {
    const res = await api.get('/v1/regulations/%E0%A4%A');
    expect(res.status).toBe(400);
    expect(res.body.type).toBe(problemType('ongeldige-url'));
  });

  it('a client that hangs up halfway through its body leaves the server answering', async () => {
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    const received = once(server, 'request');
    socket.write(`POST ${url} HTTP/1.1\r\nHost: x\r\nAuthorization: ${auth.Authorization}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"applicant":`);
    const [, res] = await received; // the server has the request and part of its body
    socket.destroy();
    await once(res, 'close'); // and has seen the client go
    const after = await fetch(`http://127.0.0.1:${port}/v1/health`);
    expect(after.status).toBe(200);
    server.close();
  });

  it('logged no unexpected error along the way', () => {
    expect(logs.filter((l) => JSON.parse(l).level >= 50)).toEqual([]);
  });
});

describe('an unexpected failure', () => {
  it('is a 500 problem, logged without its message', async () => {
    const secret = 'hoursPerWeek=13 in a message';
    const failing = makeApp({ evaluator: { evaluate: () => Promise.reject(new Error(secret)) } });
    const res = await client(failing.app).send('post', url, (t) => t.set(auth).send(aCase));
    expect(res.status).toBe(500);
    expect(res.body).toMatchObject({ type: problemType('interne-fout'), status: 500 });
    expect(failing.logs.join('\n')).not.toContain(secret);
    expect(failing.logs.some((l) => JSON.parse(l).msg === 'unexpected error')).toBe(true);
  });
});
