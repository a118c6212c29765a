// Browser tests' set-up: the real server (the bundled rule base, no API keys, on 127.0.0.1 and a free
// port, exactly as `npm start` runs it) and Debian's Chromium driven by playwright-core. Chromium is
// never downloaded: .ci/run installs the Debian package; without it the suite is skipped, loudly.
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createLogger } from '../../src/http/logging.ts';
import { startServer, type Running } from '../../src/server/start.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  process.stderr.write(`\n[web tests] SKIPPED: no Chromium at ${CHROMIUM}. Install it with `
    + '`apt-get install -y chromium` (.ci/run does) or set CHROMIUM_PATH.\n\n');
}

export const SCREENSHOTS = join(dirname(fileURLToPath(import.meta.url)), 'screenshots');

// The flags a closed network needs: no background connections, no component updates (see docs/web.md).
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface Session {
  browser: Browser;
  server: Running;
  /** The server's origin, e.g. http://127.0.0.1:40123 */
  origin: string;
  /** A new page that fails the test on a script error or a console error (CSP violations included). */
  open(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  errors: string[];
  close(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  const server = await startServer({ host: '127.0.0.1', port: 0, keys: [], rate: 1000, burst: 5000, logger: createLogger({ write: () => true }) });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
  const origin = server.url.replace(/\/v1$/, '');
  const errors: string[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    server,
    origin,
    errors,
    async open(path, viewport = { width: 1280, height: 900 }) {
      const page = await browser.newPage({ viewport });
      page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && errors.push(`${path}: ${m.text()}`));
      await page.goto(origin + path);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

const axeSource = (() => {
  const require = createRequire(import.meta.url);
  return (require('axe-core') as { source: string }).source;
})();

export interface AxeViolation { id: string; impact: string; help: string; nodes: { target: string[] }[] }

/** axe-core in the page (WCAG 2.0/2.1 A and AA rules): the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
  });
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

export const describeViolations = (v: AxeViolation[]): string =>
  v.map((x) => `${x.impact} ${x.id}: ${x.help} — ${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`).join('\n');
