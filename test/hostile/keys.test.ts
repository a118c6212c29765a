// Issue 16, finding 4: a wrong key costs one scrypt, not one per configured key, and an address that
// keeps sending wrong keys waits (429) before it costs any.
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createKey, FailedAuthentications, KeyVerifier, parseKeyEntries, requireKey } from '../../src/http/auth.ts';
import { errorHandler } from '../../src/http/error-handler.ts';
import { createLogger } from '../../src/http/logging.ts';

const issued = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((c) => createKey(c)));
const entries = issued.flatMap((k) => parseKeyEntries(k.line, 'test'));

describe('keys with a public id', () => {
  it('are made as vr_<id>_<secret> with the line client:id:salt:hash', () => {
    expect(issued[0]!.key).toMatch(/^vr_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(issued[0]!.line).toMatch(/^a:[0-9a-f]{12}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]{43}$/);
    expect(entries[0]!.id).toBe(issued[0]!.key.slice(3, 15));
  });

  it('check a key only against the entry with its id; a random token against none', async () => {
    const verifier = new KeyVerifier(entries);
    expect(verifier.entriesFor(issued[2]!.key).map((e) => e.client)).toEqual(['c']);
    expect(verifier.entriesFor('vr_guess')).toEqual([]);
    expect(await verifier.verify(issued[2]!.key)).toBe('c');
    expect(await verifier.verify(`vr_${entries[2]!.id}_wrong`)).toBeUndefined();
  });

  it('still read lines without an id, which every key is checked against', async () => {
    const legacy = `old:${issued[0]!.line.split(':').slice(2).join(':')}`;
    const verifier = new KeyVerifier([...entries, ...parseKeyEntries(legacy, 'test')]);
    expect(verifier.entriesFor('vr_guess').map((e) => e.client)).toEqual(['old']);
    expect(await verifier.verify(issued[0]!.key)).toBe('a'); // its own entry first; the legacy hash matches too
  });
});

describe('an address that keeps sending wrong keys', () => {
  const app = (verifier: KeyVerifier) => {
    const a = express();
    a.get('/x', requireKey(verifier), (_req, res) => void res.json({ client: res.locals.client }));
    a.use(errorHandler(createLogger({ write: () => undefined })));
    return a;
  };

  it('waits after three failures within the window; a key verified before still passes; then may try again', async () => {
    let now = 0;
    const verifier = new KeyVerifier(entries, new FailedAuthentications(3, 60_000, () => now));
    const server = app(verifier);
    const get = (key: string) => request(server).get('/x').set('Authorization', `Bearer ${key}`);
    expect((await get(issued[1]!.key)).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await get(`vr_guess${i}`)).status).toBe(401);
    const refused = await get('vr_guess4');
    expect([refused.status, refused.headers['retry-after'], refused.type]).toEqual([429, '60', 'application/problem+json']);
    expect((await get(issued[3]!.key)).status).toBe(429); // not verified before: it would cost a hash
    expect((await get(issued[1]!.key)).body).toEqual({ client: 'b' });
    now = 60_000;
    expect((await get(issued[3]!.key)).body).toEqual({ client: 'd' });
  });
});
