// Open-loop load at a fixed rate, evenly paced: request i is due at start + i/rate, and its latency
// runs from that due time to the last byte of the answer, so a stall in the server (or here) shows up
// in the figures instead of silently lowering the rate (no coordinated omission).
// Why not autocannon's -R: it lets each connection send its whole quota for a second back to back and
// then pause until the next one-second tick, which is a burst of saturation every second rather than
// a rate, and it corrects for coordinated omission with an expected interval of ceil(1/rate) = 1 ms.
import { Agent, request } from 'node:http';

export interface PacedRequest { method: 'GET' | 'POST'; path: string; headers?: Record<string, string>; body?: string }
export interface PacedResult { rps: number; p50: number; p99: number; errors: number }

export async function paced(origin: string, requests: PacedRequest[], rate: number, seconds: number): Promise<PacedResult> {
  const { hostname, port } = new URL(origin);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = rate * seconds;
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const start = performance.now() + 50;
  const done: Promise<void>[] = [];

  const fire = (i: number) => new Promise<void>((resolve) => {
    const due = start + (i * 1000) / rate;
    const r = requests[i % requests.length]!;
    const req = request({ host: hostname, port, method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
      res.on('data', () => undefined);
      res.on('end', () => {
        if (res.statusCode !== 200) errors++;
        latencies.push(performance.now() - due);
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
    req.end(r.body);
  });

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) done.push(fire(sent++));
      if (sent < total) setImmediate(tick);
      else resolve();
    };
    tick();
  });
  await Promise.all(done);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { rps: latencies.length / elapsed, p50: at(0.5), p99: at(0.99), errors };
}
