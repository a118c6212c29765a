// The API benchmark on 127.0.0.1 against the real server, each server in a child process of its own
// (so server and load generator each get a core of this 2-core machine). For each endpoint: latency at
// a fixed 1,000 requests/s (evenly paced, see paced.ts), and requests/s and latency at saturation
// (autocannon, 10 connections), with the server's CPU and garbage-collection pauses; a no-op Express
// endpoint is the floor.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { PerformanceObserver } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { createKey } from '../src/http/auth.ts';
import type { BenchServer, ServerStats } from './api-server.ts';
import { BENCH_MUNICIPALITY, benchCases } from './calibrate.ts';
import { paced, type PacedRequest } from './paced.ts';

const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
/** The fixed rate of the latency measurement, requests/s. */
const PACED_RATE = 1000;
const CONNECTIONS = 10;
/** The warm-up's connections: a burst of concurrent requests, as a deployed server sees (src/server/pretenuring.ts). */
const WARM_UP_CONNECTIONS = 64;

export interface Row { endpoint: string; load: string; rps: number; p50: number; p99: number; errors: number; cpuPerRequest?: number; gc: GcDelta; generatorGcMaxMs?: number }

/** The server's garbage collection during one run: pause per 1,000 requests, and the longest pause. */
interface GcDelta { msPer1000: number; maxMs: number }
const gcDelta = (before: ServerStats, after: ServerStats, requests: number): GcDelta =>
  ({ msPer1000: ((after.gc.pauseMs - before.gc.pauseMs) * 1000) / requests, maxMs: after.gc.maxMs });

export async function benchApi(): Promise<Row[]> {
  const { key, line } = await createKey('bench');
  const evalRequests: PacedRequest[] = benchCases.map((c) => ({
    method: 'POST', path: `/v1/regulations/${BENCH_MUNICIPALITY}/evaluations`, body: JSON.stringify(c),
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
  }));
  const leanRequests = evalRequests.map((r) => ({ ...r, path: `${r.path}?reasoning=none` }));
  const noop: PacedRequest[] = [{ method: 'GET', path: '/noop' }];
  const targets: { endpoint: string; server: BenchServer; requests: PacedRequest[] }[] = [
    { endpoint: 'no-op Express (floor)', server: 'noop', requests: noop },
    { endpoint: 'no-op Express, served as the API is (expressServer)', server: 'noop-expressServer', requests: noop },
    { endpoint: 'GET /v1/health', server: 'api', requests: [{ method: 'GET', path: '/v1/health' }] },
    { endpoint: `POST …/${BENCH_MUNICIPALITY}/evaluations (${benchCases.length} cases), json-rules-engine`, server: 'api', requests: evalRequests },
    { endpoint: `POST …/${BENCH_MUNICIPALITY}/evaluations (${benchCases.length} cases), --engine direct`, server: 'direct', requests: evalRequests },
    { endpoint: `POST …/${BENCH_MUNICIPALITY}/evaluations (${benchCases.length} cases), json-rules-engine, --workers 2`, server: 'api-workers', requests: evalRequests },
    { endpoint: `POST …/${BENCH_MUNICIPALITY}/evaluations?reasoning=none (${benchCases.length} cases), json-rules-engine`, server: 'api', requests: leanRequests },
  ];
  const rows: Row[] = [];
  const only = process.env.BENCH_ONLY; // e.g. BENCH_ONLY=direct: the endpoints whose name contains it
  for (const t of targets.filter((x) => !only || x.endpoint.includes(only))) {
    const server = await serve(t.server, line);
    try {
      const cannon = { url: server.origin, requests: t.requests };
      await run({ ...cannon, duration: 2, connections: WARM_UP_CONNECTIONS }); // warm-up: JIT, key cache, a burst
      const beforePaced = await server.stats();
      const generatorGc = watchGc();
      const fixed = await paced(server.origin, t.requests, PACED_RATE, DURATION);
      const before = await server.stats();
      rows.push({ endpoint: t.endpoint, load: `${PACED_RATE.toLocaleString('en')} req/s`, ...fixed, gc: gcDelta(beforePaced, before, PACED_RATE * DURATION), generatorGcMaxMs: generatorGc.stop() });
      const r = await run({ ...cannon, duration: DURATION });
      const after = await server.stats();
      const cpuPerRequest = (after.cpu - before.cpu) / r.requests.total;
      rows.push({ endpoint: t.endpoint, load: 'saturation', rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx, cpuPerRequest, gc: gcDelta(before, after, r.requests.total) });
    } finally {
      await server.stop();
    }
  }
  return rows;
}

/** One bench server in a child process, so the server and the load generator each get a core. */
async function serve(which: BenchServer, keyLine: string): Promise<{ origin: string; stats(): Promise<ServerStats>; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('./api-server.ts', import.meta.url).pathname, which], {
    env: { ...process.env, BENCH_KEY_LINE: keyLine }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const [url] = await once(createInterface({ input: child.stdout! }), 'line') as [string];
  return {
    origin: new URL(url).origin,
    stats: async () => {
      child.send('stats');
      const [m] = await once(child, 'message') as [ServerStats];
      return m;
    },
    // Waits for the exit, so that a server's shutdown does not overlap the next one's measurement.
    stop: async () => {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * The load generator's own garbage collection while it paces: a pause here delays the answers it reads,
 * which counts as the server's latency. The heap is collected first (bench:api runs with --expose-gc),
 * so the warm-up's garbage is not collected during the measurement.
 */
function watchGc(): { stop(): number } {
  (globalThis as { gc?: () => void }).gc?.();
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  return { stop: () => (observer.disconnect(), longest) };
}

function run(options: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ connections: CONNECTIONS, ...options });
}

export function table(rows: Row[]): string {
  const head = ['endpoint', 'load', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'server CPU µs/req', 'req/s per core', 'GC pause ms per 1k req', 'longest GC ms', 'generator longest GC ms'];
  const body = rows.map((r) => [
    r.endpoint, r.load, Math.round(r.rps).toString(), r.p50.toFixed(2), r.p99.toFixed(2), String(r.errors),
    r.cpuPerRequest ? Math.round(r.cpuPerRequest).toString() : '', r.cpuPerRequest ? Math.round(1e6 / r.cpuPerRequest).toString() : '',
    r.gc.msPer1000.toFixed(1), r.gc.maxMs.toFixed(1), r.generatorGcMaxMs?.toFixed(1) ?? '',
  ]);
  return markdownTable(head, body);
}

/** The issue's targets: p99 under 5 ms at the paced rate, at least 2,000 req/s at saturation. */
const TARGET_P99_MS = 5;
const TARGET_RPS = 2000;

/** Over several rounds, per endpoint and load: median (min–max) of req/s, p99 and CPU, and how often the target was met. */
export function summary(rounds: Row[][]): string {
  const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2; };
  const spread = (xs: number[], digits: number) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
  const head = ['endpoint', 'load', 'req/s', 'p99 ms', 'server CPU µs/req', 'target met'];
  const body = rounds[0]!.map((first, i) => {
    const rows = rounds.map((r) => r[i]!);
    const paced = first.load !== 'saturation';
    const met = rows.filter((r) => (paced ? r.p99 < TARGET_P99_MS : r.rps >= TARGET_RPS)).length;
    const cpu = rows.flatMap((r) => (r.cpuPerRequest ? [r.cpuPerRequest] : []));
    return [first.endpoint, first.load, paced ? '' : spread(rows.map((r) => r.rps), 0), spread(rows.map((r) => r.p99), 2),
      cpu.length ? spread(cpu, 0) : '', `${met} of ${rows.length} (${paced ? `p99 < ${TARGET_P99_MS} ms` : `≥ ${TARGET_RPS} req/s`})`];
  });
  return markdownTable(head, body);
}

/** A Markdown table with its columns padded to width. */
function markdownTable(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...body.map(fmt)].join('\n');
}
