// Stopping the API (SIGTERM in a deployment) must not drop what callers already sent: requests under way
// are finished within the grace period, and only what still runs after it is cut off, and logged as such.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import type { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleCases } from '../../src/api/example-cases.ts';
import { createLogger } from '../../src/http/logging.ts';
import { startServer, type Running } from '../../src/server/start.ts';
import { ruleBase } from './helpers.ts';
import { factsLogged } from './log-facts.ts';

const aCase = exampleCases.find((e) => e.municipality === 'GM0014')!;
const batch = JSON.stringify({ cases: Array.from({ length: 1000 }, () => aCase.case) });
const bin = new URL('../../bin/voorrang.js', import.meta.url).pathname;
const HOUR = 3_600_000;

interface Answer { status?: number; connection?: string; results?: number; error?: string }

interface Held {
  answer: Promise<Answer>;
  /** Resolves once the server has the request and is answering it (its `100 Continue` has come). */
  received: Promise<void>;
  finish(): void;
}

/**
 * POSTs `body`, but only its first half until `finish()`: until then the request is under way however
 * fast the machine is. The answer resolves with the error when the connection is cut. The request asks
 * `Expect: 100-continue`, which Node's server answers as it hands the request to the app: that is the
 * event `received` waits for, instead of a sleep.
 */
function postHeld(url: string, body: string, agent: Agent | false = false, extra: Record<string, string> = {}): Held {
  let finish = () => {};
  let received!: Promise<void>;
  const answer = new Promise<Answer>((resolve) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue', ...extra };
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, results: JSON.parse(text).results?.length }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    received = new Promise((resolve) => req.once('continue', resolve));
    req.on('error', (e) => resolve({ error: e.message }));
    req.write(body.slice(0, body.length / 2));
    finish = () => void req.end(body.slice(body.length / 2));
  });
  return { answer, received, finish };
}

const post = (url: string, body: string, agent: Agent | false = false): Promise<Answer> => {
  const held = postHeld(url, body, agent);
  held.finish();
  return held.answer;
};

describe('stopping the server', () => {
  let running: Running;
  let aborted: Promise<string>;
  const start = async () => {
    let logAborted!: (line: string) => void;
    aborted = new Promise((resolve) => (logAborted = resolve));
    const write = (line: string) => void (JSON.parse(line).msg === 'request aborted' && logAborted(line));
    running = await startServer({ host: '127.0.0.1', port: 0, keys: [], rate: 1000, burst: 5000, ruleBase, logger: createLogger({ write }) });
    return `${running.url}/regulations/GM0014/evaluations/batch`;
  };
  afterEach(() => running.close());

  it('finishes the batch under way, answering it with Connection: close, and accepts no new connection', async () => {
    const url = await start();
    const agent = new Agent({ keepAlive: true }); // as a corporation's system calls: the header tells it not to reuse
    const held = postHeld(url, batch, agent);
    await held.received;
    expect(running.inFlight()).toBe(1);
    const stopped = running.close(20_000);
    expect(await post(url, batch)).toMatchObject({ error: expect.stringContaining('ECONNREFUSED') });
    held.finish();
    expect(await held.answer).toEqual({ status: 200, connection: 'close', results: 1000 });
    expect(await stopped).toEqual({ cutOff: 0 });
    expect(running.inFlight()).toBe(0);
    agent.destroy();
  }, 120_000);

  it('closes idle keep-alive connections at once instead of waiting for them', async () => {
    const url = await start();
    // Neither the keep-alive timeout nor the grace period can end within the test's timeout: only
    // closing the idle connection at once lets the stop resolve in time.
    running.server.keepAliveTimeout = HOUR;
    const agent = new Agent({ keepAlive: true });
    expect((await post(url, JSON.stringify({ cases: [aCase.case] }), agent)).status).toBe(200);
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(1); // kept open by the client
    expect(await running.close(HOUR)).toEqual({ cutOff: 0 });
    agent.destroy();
  }, 120_000);

  it('cuts off what still runs after the grace period, counts it, and logs it as aborted without facts', async () => {
    const url = await start();
    // Facts no other field of the line can hold; the request id is ours, not a random one.
    const distanceKm = 13.625;
    const facts = [aCase.case.applicant!.age!, distanceKm];
    const sensitive = { ...aCase.case, grounds: { mantelzorg: { ...aCase.case.grounds!.mantelzorg!, distanceKm } } };
    const held = postHeld(url, JSON.stringify({ cases: Array.from({ length: 1000 }, () => sensitive) }), false, { 'x-request-id': 'drain-cut-off' });
    await held.received;
    expect(await running.close(50)).toEqual({ cutOff: 1 });
    expect((await held.answer).error).toMatch(/socket hang up|ECONNRESET/);
    const line = await aborted;
    expect(JSON.parse(line)).toMatchObject({ level: 40, reqId: 'drain-cut-off', aborted: true, method: 'POST', route: '/v1/regulations/:municipalityCode/evaluations/batch' });
    expect(JSON.parse(line).status).toBeUndefined();
    // Only the request log's own fields, and none holds a fact.
    const allowed = ['level', 'time', 'service', 'msg', 'reqId', 'method', 'route', 'aborted', 'durationMs', 'client', 'municipality', 'outcome', 'digest', 'cases', 'outcomes'];
    expect(Object.keys(JSON.parse(line)).filter((k) => !allowed.includes(k))).toEqual([]);
    expect(factsLogged(line, facts)).toEqual([]);
  }, 120_000);

  it('cuts off at once when stopped a second time', async () => {
    const url = await start();
    const held = postHeld(url, batch);
    await held.received;
    const first = running.close(20_000);
    const second = running.close(20_000);
    expect(await second).toEqual({ cutOff: 1 });
    expect(await first).toEqual({ cutOff: 1 });
    expect((await held.answer).error).toBeDefined();
  }, 120_000);
});

/** What `stream` writes; `match` resolves once that matches `pattern`, and rejects if it ends first. */
function output(stream: Readable) {
  let text = '';
  let ended = false;
  const waiting = new Set<() => void>();
  const recheck = () => waiting.forEach((check) => check());
  stream.setEncoding('utf8');
  stream.on('data', (d: string) => ((text += d), recheck()));
  stream.on('end', () => ((ended = true), recheck()));
  const match = (pattern: RegExp) => new Promise<RegExpExecArray>((resolve, reject) => {
    const check = () => {
      const found = pattern.exec(text);
      if (found || ended) waiting.delete(check);
      if (found) resolve(found);
      else if (ended) reject(new Error(`ended without ${pattern}: ${text}`));
    };
    waiting.add(check);
    check();
  });
  return { text: () => text, match };
}

describe('voorrang serve on SIGTERM', () => {
  /**
   * Starts `voorrang serve` and sends a batch whose body is still arriving when SIGTERM comes: half of it,
   * then the stop once the server has the request, then the rest once the server says it is stopping.
   * So the request is under way at the stop however fast the machine is.
   */
  async function stopDuringBatch(args: string[]) {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
    const stderr = output(child.stderr!);
    const [, origin] = await stderr.match(/luistert op (\S+)/);
    const held = postHeld(`${origin}/regulations/GM0014/evaluations/batch`, batch);
    await held.received;
    child.kill('SIGTERM');
    await stderr.match(/voorrang API stopt/);
    held.finish();
    const [code] = await once(child, 'close'); // 'close', not 'exit': then stderr has been read to its end
    return { code, stderr: stderr.text(), answer: await held.answer };
  }

  // The longest grace period there is: a loaded machine may take more than the default 10 s for a batch.
  it('answers the batch under way, says so, and exits 0', async () => {
    const { code, stderr, answer } = await stopDuringBatch(['--grace', '3600']);
    expect(answer).toEqual({ status: 200, connection: 'close', results: 1000 });
    expect(code).toBe(0);
    expect(stderr).toContain('voorrang API stopt: geen nieuwe verbindingen; lopende verzoeken (1) krijgen 3600 s om af te komen');
    expect(stderr).toContain('voorrang API gestopt\n');
  }, 180_000);

  it('with workers: the worker answers its batch before it stops', async () => {
    const { code, answer } = await stopDuringBatch(['--workers', '2', '--grace', '3600']);
    expect(answer).toEqual({ status: 200, connection: 'close', results: 1000 });
    expect(code).toBe(0);
  }, 180_000);

  it('refuses a grace period that is not 0 to 3600 seconds', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--grace=-1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    const [code] = await once(child, 'close');
    expect(code).toBe(2);
    expect(stderr).toContain("ongeldige wachttijd bij stoppen '-1'");
  }, 120_000);
});
