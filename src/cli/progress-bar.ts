// A progress bar on stderr for long runs: drawn only on a terminal, at most ten times a second, and only
// once a run has taken more than half a second.
import type { Progress } from '../scenario/run/progress.ts';

export function progressBar(total: number | undefined, stream: NodeJS.WriteStream = process.stderr): Progress {
  const start = performance.now();
  let last = 0;
  let drawn = false;
  return {
    update(done, cases) {
      if (!stream.isTTY) return;
      const now = performance.now();
      if (now - last < 100 || now - start < 500) return;
      last = now;
      drawn = true;
      const width = 30;
      const frac = total ? Math.min(1, done / total) : 0;
      const bar = total ? `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ${(frac * 100).toFixed(0).padStart(3)}% ` : '';
      stream.write(`\r${bar}${cases.toLocaleString('nl-NL')} casussen, ${((now - start) / 1000).toFixed(1)} s   `);
    },
    end() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
