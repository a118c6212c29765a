// `voorrang serve --workers 2` as deployed: a primary and two worker processes on one port. What matters
// is that a client's limit holds over both workers together and survives a worker being replaced.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleCases } from '../../src/api/example-cases.ts';

const bin = new URL('../../bin/voorrang.js', import.meta.url).pathname;
const aCase = exampleCases[0]!;

function serve(args: string[]): { child: ChildProcess; stderr: () => string; url: Promise<string> } {
  const child = spawn(process.execPath, [bin, 'serve', ...args], { env: { PATH: process.env.PATH }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d;
      const m = /luistert op (\S+)/.exec(stderr);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exit ${code}: ${stderr}`)));
  });
  url.catch(() => {}); // a test that expects the exit does not wait for the URL
  return { child, stderr: () => stderr, url };
}

/** Each request on a connection of its own, so that the primary hands it to the next worker. */
function post(url: string, body: unknown): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** The worker processes of primary `pid` (Linux /proc; tsx may run an esbuild process beside them). */
function children(pid: number): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      return parent === pid && readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('serve') ? [Number(d)] : [];
    } catch {
      return [];
    }
  });
}

async function until(check: () => boolean | Promise<boolean>, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; !(await check());) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('serve --workers 2', () => {
  // A rate so low that nothing refills during the test: the burst is all a client has.
  let server: ReturnType<typeof serve>;
  let url: string;
  beforeAll(async () => {
    server = serve(['--workers', '2', '--port', '0', '--rate', '0.001', '--burst', '1000']);
    url = await server.url;
  }, 60_000);
  afterAll(() => {
    if (server.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('runs two workers, and holds one client\'s limit over both', async () => {
    expect(server.stderr()).toContain('2 werkers');
    expect(children(server.child.pid!)).toHaveLength(2);
    const evaluations = `${url}/regulations/${aCase.municipality}/evaluations`;
    // One batch spends the whole burst in one worker; the next requests alternate between the workers.
    expect(await post(`${evaluations}/batch`, { cases: Array.from({ length: 1000 }, () => aCase.case) })).toBe(200);
    const after = await Promise.all(Array.from({ length: 6 }, () => post(evaluations, aCase.case)));
    expect(after).toEqual(Array(6).fill(429));
  }, 60_000);

  it('replaces a worker that stops, and the limit outlives it', async () => {
    const [victim] = children(server.child.pid!);
    process.kill(victim!, 'SIGKILL');
    await until(() => server.stderr().includes(`werker ${victim} gestopt (SIGKILL)`));
    await until(() => children(server.child.pid!).length === 2 && !children(server.child.pid!).includes(victim!));
    await until(async () => (await post(`${url}/regulations/${aCase.municipality}/evaluations`, aCase.case).catch(() => 0)) === 429);
    const after = await Promise.all(Array.from({ length: 4 }, () => post(`${url}/regulations/${aCase.municipality}/evaluations`, aCase.case)));
    expect(after).toEqual(Array(4).fill(429));
  }, 60_000);

  it('stops its workers and exits 0 on SIGTERM', async () => {
    const workers = children(server.child.pid!);
    server.child.kill('SIGTERM');
    const [code] = await once(server.child, 'exit');
    expect(code).toBe(0);
    await until(() => workers.every((pid) => !readdirSync('/proc').includes(String(pid))), 10_000);
  }, 30_000);
});

describe('serve --workers 2 that cannot start', () => {
  it('exits 1 and says so when the port is taken', async () => {
    const taken = createServer().listen(0, '127.0.0.1');
    await once(taken, 'listening');
    const port = (taken.address() as { port: number }).port;
    const { child, stderr } = serve(['--workers', '2', '--port', String(port)]);
    const [code] = await once(child, 'close'); // after stderr has been read to its end
    taken.close();
    expect(code).toBe(1);
    expect(stderr()).toContain('kan niet luisteren');
    expect(stderr()).toContain('stopte bij het starten');
  }, 60_000);

  it('refuses a number of workers that is not one or more', async () => {
    const { child, stderr } = serve(['--workers', '0']);
    const [code] = await once(child, 'close'); // after stderr has been read to its end
    expect(code).toBe(2);
    expect(stderr()).toContain("ongeldig aantal werkers '0'");
  }, 30_000);
});
