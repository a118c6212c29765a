// Stopping the API (SIGTERM in a deployment) must not drop what callers already sent: requests under way
// are finished within the grace period, and only what still runs after it is cut off, and logged as such.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { exampleCases } from '../../src/api/example-cases.ts';
import { createLogger } from '../../src/http/logging.ts';
import { startServer, type Running } from '../../src/server/start.ts';
import { ruleBase } from './helpers.ts';

const aCase = exampleCases.find((e) => e.municipality === 'GM0014')!;
const batch = JSON.stringify({ cases: Array.from({ length: 1000 }, () => aCase.case) });
const bin = new URL('../../bin/voorrang.js', import.meta.url).pathname;

interface Answer { status?: number; connection?: string; results?: number; error?: string }

/**
 * POSTs `body`, but only its first half until `finish()`: until then the request is under way however
 * fast the machine is. The answer resolves with the error when the connection is cut.
 */
function postHeld(url: string, body: string, agent: Agent | false = false): { answer: Promise<Answer>; finish(): void } {
  let finish = () => {};
  const answer = new Promise<Answer>((resolve) => {
    const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
    const req = request(url, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode, connection: res.headers.connection, results: JSON.parse(text).results?.length }));
      res.on('error', (e) => resolve({ error: e.message }));
    });
    req.on('error', (e) => resolve({ error: e.message }));
    req.write(body.slice(0, body.length / 2));
    finish = () => void req.end(body.slice(body.length / 2));
  });
  return { answer, finish };
}

const post = (url: string, body: string, agent: Agent | false = false): Promise<Answer> => {
  const held = postHeld(url, body, agent);
  held.finish();
  return held.answer;
};

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !check();) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

describe('stopping the server', () => {
  let running: Running;
  let logs: string[];
  const start = async () => {
    logs = [];
    running = await startServer({ host: '127.0.0.1', port: 0, keys: [], rate: 1000, burst: 5000, ruleBase, logger: createLogger({ write: (l: string) => void logs.push(l) }) });
    return `${running.url}/regulations/GM0014/evaluations/batch`;
  };
  afterEach(() => running.close());

  it('finishes the batch under way, answering it with Connection: close, and accepts no new connection', async () => {
    const url = await start();
    const agent = new Agent({ keepAlive: true }); // as a corporation's system calls: the header tells it not to reuse
    const held = postHeld(url, batch, agent);
    await until(() => running.inFlight() === 1);
    const stopped = running.close(20_000);
    expect(await post(url, batch)).toMatchObject({ error: expect.stringContaining('ECONNREFUSED') });
    held.finish();
    expect(await held.answer).toEqual({ status: 200, connection: 'close', results: 1000 });
    expect(await stopped).toEqual({ cutOff: 0 });
    expect(running.inFlight()).toBe(0);
    agent.destroy();
  }, 30_000);

  it('closes idle keep-alive connections at once instead of waiting for them', async () => {
    const url = await start();
    const agent = new Agent({ keepAlive: true });
    expect((await post(url, JSON.stringify({ cases: [aCase.case] }), agent)).status).toBe(200);
    expect(Object.values(agent.freeSockets).flat()).toHaveLength(1); // kept open by the client
    const begun = Date.now();
    expect(await running.close(20_000)).toEqual({ cutOff: 0 });
    expect(Date.now() - begun).toBeLessThan(2_000); // not the grace period, nor the 5 s keep-alive timeout
    agent.destroy();
  }, 30_000);

  it('cuts off what still runs after the grace period, counts it, and logs it as aborted without facts', async () => {
    const url = await start();
    const held = postHeld(url, batch);
    await until(() => running.inFlight() === 1);
    expect(await running.close(50)).toEqual({ cutOff: 1 });
    expect((await held.answer).error).toMatch(/socket hang up|ECONNRESET/);
    await until(() => logs.some((l) => l.includes('request aborted')));
    const line = JSON.parse(logs.find((l) => l.includes('request aborted'))!);
    expect(line).toMatchObject({ level: 40, aborted: true, method: 'POST', route: '/v1/regulations/:municipalityCode/evaluations/batch' });
    expect(line.status).toBeUndefined();
    // Only the request log's own fields; the timing fields are left out of the value check (a time can hold "34").
    const allowed = ['level', 'time', 'service', 'msg', 'reqId', 'method', 'route', 'aborted', 'durationMs', 'client', 'municipality', 'outcome', 'digest', 'cases', 'outcomes'];
    expect(Object.keys(line).filter((k) => !allowed.includes(k))).toEqual([]);
    const { time: _time, durationMs: _duration, ...rest } = line;
    expect(JSON.stringify(rest)).not.toContain(String(aCase.case.applicant?.age));
  }, 30_000);

  it('cuts off at once when stopped a second time', async () => {
    const url = await start();
    const held = postHeld(url, batch);
    await until(() => running.inFlight() === 1);
    const first = running.close(20_000);
    const second = running.close(20_000);
    expect(await second).toEqual({ cutOff: 1 });
    expect(await first).toEqual({ cutOff: 1 });
    expect((await held.answer).error).toBeDefined();
  }, 30_000);
});

describe('voorrang serve on SIGTERM', () => {
  /**
   * Starts `voorrang serve` and sends a batch whose body is still arriving when SIGTERM comes: half of it,
   * then the stop, then the rest once the server says it is stopping. So the request is under way at the
   * stop however fast the machine is.
   */
  async function stopDuringBatch(args: string[]) {
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0', ...args], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    await until(() => /luistert op \S+/.test(stderr), 60_000);
    const url = `${/luistert op (\S+)/.exec(stderr)![1]}/regulations/GM0014/evaluations/batch`;
    const held = postHeld(url, batch);
    await new Promise((r) => setTimeout(r, 300)); // the headers and the first half have arrived
    child.kill('SIGTERM');
    await until(() => stderr.includes('voorrang API stopt'));
    held.finish();
    const answer = held.answer;
    const [code] = await once(child, 'exit');
    return { code, stderr, answer: await answer };
  }

  it('answers the batch under way, says so, and exits 0', async () => {
    const { code, stderr, answer } = await stopDuringBatch([]);
    expect(answer).toEqual({ status: 200, connection: 'close', results: 1000 });
    expect(code).toBe(0);
    expect(stderr).toContain('voorrang API stopt: geen nieuwe verbindingen; lopende verzoeken (1) krijgen 10 s om af te komen');
    expect(stderr).toContain('voorrang API gestopt\n');
  }, 60_000);

  it('with workers: the worker answers its batch before it stops', async () => {
    const { code, answer } = await stopDuringBatch(['--workers', '2', '--grace', '30']);
    expect(answer).toEqual({ status: 200, connection: 'close', results: 1000 });
    expect(code).toBe(0);
  }, 60_000);

  it('refuses a grace period that is not 0 to 3600 seconds', async () => {
    const child = spawn(process.execPath, [bin, 'serve', '--grace=-1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d: Buffer) => (stderr += d));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toContain("ongeldige wachttijd bij stoppen '-1'");
  }, 30_000);
});
