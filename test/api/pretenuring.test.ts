// The API process turns V8's allocation-site pretenuring off (src/api/pretenuring.ts). What is ours is
// that the setting is made and takes effect, not when V8's heuristic would pretenure: so the probe looks
// at whether V8 collects pretenuring feedback at all (it traces it), which it does for every surviving
// object from a tracked site unless the setting is off. The plain run shows the trace works.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const probe = new URL('./fixtures/pretenuring-probe.mjs', import.meta.url).pathname;
const collectsFeedback = async (mode: 'server' | 'plain'): Promise<boolean> => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--trace-pretenuring-statistics', '--expose-gc', '--import', 'tsx', probe, mode], { encoding: 'utf8' });
  return /pretenuring: /.test(stdout.slice(stdout.indexOf('\nprobe:\n')));
};

describe('pretenuring in the API process', () => {
  it('V8 collects pretenuring feedback for surviving objects in a process that does not serve the API', async () => {
    expect(await collectsFeedback('plain')).toBe(true);
  }, 60_000);

  it('startServer turns pretenuring off: no feedback is collected', async () => {
    expect(await collectsFeedback('server')).toBe(false);
  }, 60_000);
});
