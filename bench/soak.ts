// npm run soak [-- --seconds 60] [--only name,name] [--turns]: the floods of issue 16 (bench/soak-floods.ts)
// against the real server, started as a child process with two API keys (one for the floods, one for
// the legitimate callers), while /v1/health is sampled every 50 ms and a legitimate evaluation every
// 200 ms. The floods run together for the whole time, or with --turns one after another (each an equal
// share of the time, with /v1/health's latency per flood). Each flood and each sampler sends from a
// loopback address of its own (127.0.0.x), as different clients would, so that the per-address
// connection cap holds the flood and not the others. Prints a markdown table for docs/api.md and exits
// 1 when a target is missed: the server never exits, no 5xx and no error answer that is not
// problem+json, /v1/health p99 under 100 ms, peak RSS under 1 GB. A 503 with Retry-After (load shed on
// purpose) is counted apart, not as a 5xx.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { once, setMaxListeners } from 'node:events';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { createKey } from '../src/http/auth.ts';
import { floods, type Flood } from './soak-floods.ts';
import { agentFor, quantile, send, Tally, type Target } from './soak-client.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const HEALTH_EVERY_MS = 50;
const EVALUATION_EVERY_MS = 200;
const RSS_EVERY_MS = 250;
/** Samples in flight at most: a stalled server is measured by the samples' waiting, not by a pile of them. */
const MAX_OUTSTANDING = 40;
const TARGET_HEALTH_P99_MS = 100;
const TARGET_RSS_BYTES = 1024 ** 3;

const { values } = parseArgs({ options: { seconds: { type: 'string' }, only: { type: 'string' }, turns: { type: 'boolean' } } });
const seconds = Number(values.seconds ?? 60);
if (!(seconds > 0)) throw new Error(`--seconds: a positive number, not ${values.seconds}`);
const chosen = values.only ? values.only.split(',').map((n) => n.trim()) : floods.map((f) => f.name);
const unknown = chosen.filter((n) => !floods.some((f) => f.name === n));
if (unknown.length) throw new Error(`unknown flood(s) ${unknown.join(', ')}; there are ${floods.map((f) => f.name).join(', ')}`);
const running = floods.filter((f) => chosen.includes(f.name));

/** Whether this system routes all of 127/8 to loopback (Linux does), so each client can have its own address. */
async function ownAddresses(): Promise<boolean> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const socket = connect({ port: (probe.address() as AddressInfo).port, host: '127.0.0.1', localAddress: '127.0.0.2' });
  const ok = await Promise.race([once(socket, 'connect').then(() => true), once(socket, 'error').then(() => false)]);
  socket.destroy();
  probe.close();
  return ok;
}

interface Child { process: ChildProcess; port: number; exited?: string; errorLines: number; stderr: string[] }

async function startChild(keyLines: string[], perAddress: boolean): Promise<Child> {
  const proc = spawn(process.execPath, ['bin/voorrang.js', 'serve', '--port', '0', '--host', '127.0.0.1', '--grace', '1', ...(perAddress ? [] : ['--max-per-address', '0'])], {
    cwd: root, env: { ...process.env, VOORRANG_API_KEYS: keyLines.join(','), VOORRANG_API_KEYS_FILE: '' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  process.on('exit', () => proc.kill('SIGKILL'));
  const child: Child = { process: proc, port: 0, errorLines: 0, stderr: [] };
  let rest = '';
  // The request log: only error-level lines (pino level 50, 60) are counted; nothing is kept.
  proc.stdout!.on('data', (c: Buffer) => {
    const lines = (rest + c.toString('utf8')).split('\n');
    rest = lines.pop()!;
    for (const l of lines) if (/"level":[56]0/.test(l)) child.errorLines++;
  });
  proc.once('exit', (code, signal) => { child.exited = signal ?? `code ${code}`; });
  return new Promise((resolve, reject) => {
    proc.stderr!.on('data', (c: Buffer) => {
      for (const line of c.toString('utf8').split('\n').filter(Boolean)) {
        child.stderr = [...child.stderr.slice(-19), line];
        const m = /luistert op http:\/\/127\.0\.0\.1:(\d+)\/v1/.exec(line);
        if (m) resolve(Object.assign(child, { port: Number(m[1]) }));
      }
    });
    proc.once('exit', () => reject(new Error(`the server did not start:\n${child.stderr.join('\n')}`)));
  });
}

/** VmRSS or VmHWM of `pid` in bytes, or undefined where /proc is not there. */
function memory(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Sends `make()` every `everyMs` (at most MAX_OUTSTANDING at once) into the tally `into()` names. */
function sampler(target: Target, everyMs: number, make: () => Parameters<typeof send>[2], into: () => Tally) {
  const agent = agentFor(MAX_OUTSTANDING);
  const controller = new AbortController();
  setMaxListeners(0, controller.signal);
  const outstanding = new Set<{ start: number; tally: Tally }>();
  const timer = setInterval(() => {
    if (outstanding.size >= MAX_OUTSTANDING) return;
    const s = { start: performance.now(), tally: into() };
    outstanding.add(s);
    void send(target, agent, make(), s.tally, controller.signal).then(() => outstanding.delete(s));
  }, everyMs);
  return {
    /** Stops; what is still unanswered counts with the time it has waited so far, so that a stall is not hidden. */
    stop() {
      clearInterval(timer);
      const now = performance.now();
      for (const s of outstanding) s.tally.latencies.push(now - s.start);
      controller.abort();
      agent.destroy();
    },
  };
}

const ms = (x: number) => (Number.isNaN(x) ? '–' : x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`);
const mb = (x: number | undefined) => (x === undefined ? 'n/a' : `${Math.round(x / 1024 / 1024)} MB`);
const statuses = (t: Tally) => [...t.statuses].sort().map(([s, n]) => `${s} × ${n}`).join(', ') || '–';
const allOk = (t: Tally) => [...t.statuses.keys()].every((s) => s === '200' || s === 'in flight at the end');

async function main(): Promise<number> {
  const separate = await ownAddresses();
  const flooder = await createKey('soak-flood');
  const legit = await createKey('soak-legit');
  const child = await startChild([flooder.line, legit.line], separate);
  const pid = child.process.pid!;
  const address = (n: number): Target => ({ host: '127.0.0.1', port: child.port, ...(separate && { localAddress: `127.0.0.${n}` }) });
  const evaluation = JSON.stringify(parseYaml(readFileSync(`${root}/examples/mantelzorg.yaml`, 'utf8')));
  const evaluate = () => ({ method: 'POST' as const, path: '/v1/regulations/GM0014/evaluations', headers: { authorization: `Bearer ${legit.key}` }, body: evaluation });

  // Warm-up, not counted: the first key check, the JIT.
  const warm = agentFor(1);
  for (let i = 0; i < 20; i++) await send(address(200), warm, evaluate(), new Tally(), new AbortController().signal);
  warm.destroy();

  let phase = 'all floods';
  const health = new Map<string, Tally>();
  const healthIn = () => health.get(phase) ?? health.set(phase, new Tally()).get(phase)!;
  const evaluations = new Tally();
  let peakRss = 0;
  const rss = setInterval(() => { peakRss = Math.max(peakRss, memory(pid, 'VmRSS') ?? 0); }, RSS_EVERY_MS);
  const healthSampler = sampler(address(201), HEALTH_EVERY_MS, () => ({ method: 'GET', path: '/v1/health' }), healthIn);
  const evaluationSampler = sampler(address(202), EVALUATION_EVERY_MS, evaluate, () => evaluations);

  const tallies = new Map<Flood, Tally>(running.map((f) => [f, new Tally()]));
  const phases = values.turns ? running.map((f) => ({ name: f.name, floods: [f], ms: (seconds * 1000) / running.length }))
    : [{ name: 'all floods', floods: running, ms: seconds * 1000 }];
  for (const p of phases) {
    phase = p.name;
    process.stderr.write(`soak: ${p.floods.map((f) => f.name).join(', ')} for ${ms(p.ms)}\n`);
    const controller = new AbortController();
    setMaxListeners(0, controller.signal); // one listener per request or socket in flight
    const exited = once(child.process, 'exit');
    const runs = p.floods.map((f) => f.run({ target: address(10 + floods.indexOf(f)), key: flooder.key, tally: tallies.get(f)!, signal: controller.signal }));
    await Promise.race([delay(p.ms), exited]);
    controller.abort();
    await Promise.all(runs);
    if (child.exited) break;
    // What the server still works on counts for this flood: the next begins once /v1/health answers.
    if (values.turns) await send(address(203), agentFor(1), { method: 'GET', path: '/v1/health' }, new Tally(), AbortSignal.timeout(120_000));
  }
  healthSampler.stop();
  evaluationSampler.stop();
  clearInterval(rss);
  const hwm = memory(pid, 'VmHWM');
  const peak = Math.max(peakRss, hwm ?? 0) || undefined;
  const exitedDuringSoak = child.exited;
  if (!child.exited) {
    child.process.kill('SIGTERM');
    await Promise.race([once(child.process, 'exit'), delay(15_000).then(() => child.process.kill('SIGKILL'))]);
  }

  // The report.
  const healthAll = [...health.values()].flatMap((t) => t.latencies);
  const healthBad = [...health.values()].filter((t) => !allOk(t));
  const serverErrors = [...tallies.values()].reduce((n, t) => n + t.serverErrors, 0);
  const notProblem = [...tallies.values()].reduce((n, t) => n + t.notProblem, 0);
  const shed = [...tallies.values()].reduce((n, t) => n + t.shed, 0);
  const p99 = quantile(healthAll, 0.99);
  const targets: [string, string, boolean][] = [
    ['server exited', exitedDuringSoak ? `yes (${exitedDuringSoak})` : 'no', !exitedDuringSoak],
    ['5xx answers to floods (503 + Retry-After apart)', `${serverErrors}${shed ? ` (+ ${shed} shed)` : ''}`, serverErrors === 0],
    ['error answers not problem+json (or HTML)', String(notProblem), notProblem === 0],
    [`/v1/health p99 < ${TARGET_HEALTH_P99_MS} ms`, ms(p99), p99 < TARGET_HEALTH_P99_MS],
    ['/v1/health always 200', healthBad.length ? healthBad.map((t) => statuses(t)).join('; ') : 'yes', healthBad.length === 0],
    ['peak RSS < 1 GB (VmHWM)', mb(peak), peak !== undefined && peak < TARGET_RSS_BYTES],
  ];
  const out: string[] = [];
  out.push(`Soak: ${values.turns ? 'floods in turn' : 'floods together'}, ${seconds} s, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}`
    + `${separate ? '' : ' — all clients from 127.0.0.1, per-address cap off'}`, '');
  out.push('| flood | requests | answers | 5xx | not problem+json | longest open |', '|---|---|---|---|---|---|');
  for (const [f, t] of tallies) {
    out.push(`| \`${f.name}\`: ${f.what} | ${t.sent} | ${statuses(t)} | ${t.serverErrors}${t.shed ? ` (+${t.shed} shed)` : ''} | ${t.notProblem} | ${t.longestOpenMs ? ms(t.longestOpenMs) : '–'} |`);
  }
  out.push('', '| sampled while flooding | n | p50 | p99 | max | answers |', '|---|---|---|---|---|---|');
  for (const [name, t] of health) {
    out.push(`| GET /v1/health every ${HEALTH_EVERY_MS} ms${values.turns ? ` (during \`${name}\`)` : ''} | ${t.latencies.length} | ${ms(quantile(t.latencies, 0.5))} | ${ms(quantile(t.latencies, 0.99))} | ${ms(quantile(t.latencies, 1))} | ${statuses(t)} |`);
  }
  const e = evaluations.latencies;
  out.push(`| legitimate evaluation every ${EVALUATION_EVERY_MS} ms | ${e.length} | ${ms(quantile(e, 0.5))} | ${ms(quantile(e, 0.99))} | ${ms(quantile(e, 1))} | ${statuses(evaluations)} |`);
  out.push('', '| target | measured | met |', '|---|---|---|');
  for (const [what, got, met] of targets) out.push(`| ${what} | ${got} | ${met ? 'yes' : '**no**'} |`);
  out.push('', `Peak RSS sampled every ${RSS_EVERY_MS} ms: ${mb(peakRss || undefined)}; VmHWM: ${mb(hwm)}. Error-level lines in the server's log: ${child.errorLines}.`);
  if (exitedDuringSoak) out.push('', 'The server\'s last words:', '', '```', ...child.stderr.slice(-8), '```');
  process.stdout.write(`${out.join('\n')}\n`);
  return targets.every(([, , met]) => met) ? 0 : 1;
}

process.exitCode = await main();
// Sockets of aborted floods may still close; nothing else is waited for.
process.exit();
