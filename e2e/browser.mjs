// Launch Debian's Chromium through playwright-core, with the flags that keep
// it off the network, and helpers every journey uses: a request log that
// proves nothing leaves the page's own origin, and axe-core checks.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import assert from 'node:assert/strict';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROMIUM_ARGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
  });
}

/**
 * A new context and page that records every request. `origin` is the
 * server's origin; `assertSameOrigin()` fails on anything else (data: and
 * blob: URLs made by the page itself are allowed).
 */
export async function openPage(browser, baseUrl, { viewport = { width: 1280, height: 900 }, ...options } = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const origin = new URL(baseUrl).origin;
  return {
    context, page, requests, errors,
    assertSameOrigin() {
      const foreign = requests.filter((u) => {
        if (u.startsWith('data:') || u.startsWith('blob:')) return false;
        return new URL(u).origin !== origin;
      });
      assert.deepEqual(foreign, [], `requests left the page's origin: ${foreign.join(', ')}`);
      assert.ok(requests.length > 0, 'the request log recorded nothing');
    },
  };
}

/** Wait until the app has rendered and published its JS API. */
export async function waitForApp(page) {
  // Reading window.workforceGap loads the API (the panels module).
  await page.waitForFunction(() => window.workforceGap && document.querySelector('#headline, #no-results'));
}

/** Run axe-core (WCAG 2.0-2.2 A and AA rules) and fail on any violation. */
export async function assertAccessible(page, label) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated through the DevTools protocol: the page's Content-Security-
    // Policy refuses inline scripts, as it should, so no <script> tag.
    await page.evaluate(AXE_SOURCE);
  }
  // For diagnosis only: E2E_AXE_DISABLE=rule-a,rule-b turns rules off locally
  // (never set in CI, so every rule counts there).
  const disabled = (process.env.E2E_AXE_DISABLE || '').split(',').map((r) => r.trim()).filter(Boolean);
  const result = await page.evaluate(async (off) => {
    return await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules: Object.fromEntries(off.map((id) => [id, { enabled: false }])),
    });
  }, disabled);
  const summary = result.violations.map((v) =>
    `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n    ')}`);
  assert.equal(result.violations.length, 0, `axe-core violations at "${label}":\n  ${summary.join('\n  ')}`);
  return result.passes.length;
}

/** Save a screenshot under e2e/artifacts/ for a person to look at. */
export async function screenshot(page, name, options = {}) {
  const { mkdirSync } = await import('node:fs');
  const dir = new URL('./artifacts/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}${name}.png`, ...options });
}
