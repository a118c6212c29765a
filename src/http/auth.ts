// API keys per client organisation. Only salted scrypt hashes are configured (never the keys), as lines
// `client:id:salt:hash` (base64url) in a file or an environment variable; `npm run api-key` makes one.
// A key `vr_<id>_<secret>` names its public id, so a presented key costs one scrypt (of the entry with
// that id), not one per configured key; lines without an id (`client:salt:hash`) are still read.
import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { RequestHandler } from 'express';
import { problems } from './problem.ts';

const scrypt = promisify(scryptCb) as (key: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;
const LINE = /^([A-Za-z0-9._-]+):(?:([0-9a-f]{12}):)?([A-Za-z0-9_-]{16,}):([A-Za-z0-9_-]{43})$/;
const KEY_ID = /^vr_([0-9a-f]{12})_/;

export interface KeyEntry { client: string; id?: string; salt: Buffer; hash: Buffer }

export class KeyConfigError extends Error {}

/** Parses key lines; blank lines and `#` comments are skipped; commas also separate (for env vars). */
export function parseKeyEntries(text: string, source: string): KeyEntry[] {
  return text.split(/[\n,]/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((line, i) => {
    const m = LINE.exec(line);
    if (!m) throw new KeyConfigError(`${source}: entry ${i + 1} is not 'client:id:salt:hash' (base64url; make one with npm run api-key)`);
    return { client: m[1]!, ...(m[2] && { id: m[2] }), salt: Buffer.from(m[3]!, 'base64url'), hash: Buffer.from(m[4]!, 'base64url') };
  });
}

/** Keys from VOORRANG_API_KEYS_FILE (or `file`) and VOORRANG_API_KEYS; none configured → []. */
export function loadKeyEntries(env: NodeJS.ProcessEnv, file = env.VOORRANG_API_KEYS_FILE): KeyEntry[] {
  const entries: KeyEntry[] = [];
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new KeyConfigError(`cannot read key file ${file}: ${(e as Error).message}`);
    }
    entries.push(...parseKeyEntries(text, file));
  }
  if (env.VOORRANG_API_KEYS) entries.push(...parseKeyEntries(env.VOORRANG_API_KEYS, 'VOORRANG_API_KEYS'));
  return entries;
}

/** A new random key and the line that configures its hash. */
export async function createKey(client: string): Promise<{ key: string; line: string }> {
  if (!/^[A-Za-z0-9._-]+$/.test(client)) throw new KeyConfigError('client name: letters, digits, . _ - only');
  const id = randomBytes(6).toString('hex');
  const key = `vr_${id}_${randomBytes(32).toString('base64url')}`;
  const salt = randomBytes(16);
  const hash = await scrypt(key, salt, KEY_LENGTH);
  return { key, line: `${client}:${id}:${salt.toString('base64url')}:${hash.toString('base64url')}` };
}

/**
 * Verifies bearer keys. scrypt is deliberately slow, so a verified key is remembered by its sha256 (in
 * memory only) and later requests cost one hash; wrong keys are not remembered, so they stay expensive.
 */
export class KeyVerifier {
  /** sha256 of a presented key → its verification (shared by concurrent requests with the same key). */
  private readonly known = new Map<string, Promise<string | undefined>>();

  constructor(private readonly entries: readonly KeyEntry[], readonly failures = new FailedAuthentications()) {}

  get configured(): boolean {
    return this.entries.length > 0;
  }

  /** The entries a key is checked against: the one with its public id, and those without an id. */
  entriesFor(key: string): readonly KeyEntry[] {
    const id = KEY_ID.exec(key)?.[1];
    return this.entries.filter((x) => !x.id || x.id === id);
  }

  /** Whether this key was verified before (costs no scrypt). */
  isKnown(key: string): boolean {
    return this.known.has(createHash('sha256').update(key).digest('base64url'));
  }

  /** The client organisation the key belongs to, or undefined. */
  verify(key: string): Promise<string | undefined> {
    const fingerprint = createHash('sha256').update(key).digest('base64url');
    let verification = this.known.get(fingerprint);
    if (!verification) {
      verification = this.check(key);
      this.known.set(fingerprint, verification);
      void verification.then((client) => client ?? this.known.delete(fingerprint));
    }
    return verification;
  }

  private async check(key: string): Promise<string | undefined> {
    let found: string | undefined;
    // Only the entry with the key's public id, and the entries that have no id; every one of those is
    // checked, so the time taken does not tell which client's key was close.
    for (const e of this.entriesFor(key)) {
      const hash = await scrypt(key, e.salt, e.hash.length);
      if (timingSafeEqual(hash, e.hash)) found ??= e.client;
    }
    return found;
  }
}

export const authFailures = {
  localOnly: { nl: 'Zonder geconfigureerde API-sleutels zijn evaluaties alleen lokaal open.', en: 'With no API keys configured, evaluations are open to local callers only.' },
  missing: { nl: 'Stuur een API-sleutel als Authorization: Bearer <sleutel>.', en: 'Send an API key as Authorization: Bearer <key>.' },
  unknown: { nl: 'Deze API-sleutel is onbekend of ingetrokken.', en: 'This API key is unknown or revoked.' },
};

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Evaluations carry personal data: a valid key is required. With no keys configured the server only
 * listens on loopback (see serve), and as a second line of defence only loopback callers are let in.
 */
export function requireKey(verifier: KeyVerifier): RequestHandler {
  const { failures } = verifier;
  return async (req, res, next) => {
    if (!verifier.configured) {
      if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
        throw problems.unauthorized(authFailures.localOnly);
      }
      res.locals.client = 'local';
      return next();
    }
    const m = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (!m) {
      throw problems.unauthorized(authFailures.missing);
    }
    // An address that keeps sending wrong keys waits, before it costs a hash; a key verified before passes.
    const address = req.socket.remoteAddress ?? '';
    const wait = failures.waitFor(address);
    if (wait > 0 && !verifier.isKnown(m[1]!)) throw problems.tooManyRequests(wait);
    const client = await verifier.verify(m[1]!);
    if (!client) {
      failures.add(address);
      throw problems.unauthorized(authFailures.unknown);
    }
    res.locals.client = client;
    next();
  };
}

/**
 * Failed authentications per client address: after `max` within `windowMs`, that address waits until the
 * window ends (429 with Retry-After) instead of costing a scrypt per attempt. In memory, per process.
 */
export class FailedAuthentications {
  private readonly byAddress = new Map<string, { count: number; since: number }>();

  constructor(private readonly max = 20, private readonly windowMs = 60_000, private readonly now: () => number = Date.now) {}

  add(address: string): void {
    const t = this.now();
    const entry = this.byAddress.get(address);
    if (!entry || t - entry.since >= this.windowMs) this.byAddress.set(address, { count: 1, since: t });
    else entry.count++;
    if (this.byAddress.size > 10_000) this.prune(t);
  }

  /** Seconds this address must wait, 0 when it may try. */
  waitFor(address: string): number {
    const entry = this.byAddress.get(address);
    if (!entry || entry.count < this.max) return 0;
    const left = entry.since + this.windowMs - this.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  private prune(t: number): void {
    for (const [a, e] of this.byAddress) if (t - e.since >= this.windowMs) this.byAddress.delete(a);
  }
}
