// The API process turns V8's allocation-site pretenuring off (src/api/pretenuring.ts): an allocation site
// whose objects mostly survive keeps allocating them young. The plain run is the control: it shows the
// probe does make V8 pretenure, so that the server's run proves something.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const probe = new URL('./fixtures/pretenuring-probe.mjs', import.meta.url).pathname;
const allocatesYoung = (mode: 'server' | 'plain'): string | undefined =>
  /^young=(true|false)$/m.exec(execFileSync(process.execPath, ['--allow-natives-syntax', '--expose-gc', '--import', 'tsx', probe, mode], { encoding: 'utf8' }))?.[1];

describe('pretenuring in the API process', () => {
  it('V8 pretenures a site whose objects survive, in a process that does not serve the API', () => {
    expect(allocatesYoung('plain')).toBe('false');
  });

  it('startServer turns it off: the same site still allocates young', () => {
    expect(allocatesYoung('server')).toBe('true');
  }, 30_000);
});
