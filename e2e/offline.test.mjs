// Offline and locked-down networks (issue 10): after one visit the app loads
// and works with the network off; a new build replaces the old cache once
// the page has said so; the Content-Security-Policy is in force and the app
// runs under it without a violation; and the build works under a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage } from './pages/calculator.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, 'dist');

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Wait until the service worker controls the page; the paths it cached. */
async function installed(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('workforce-gap-'));
    const paths = [];
    for (const name of names) {
      for (const r of await (await caches.open(name)).keys()) paths.push(new URL(r.url).pathname);
    }
    return { names, paths };
  });
}

test('the service worker is registered only once the whole page has painted, not during the first load', async () => {
  // Its first install downloads every file of the build (about 1.5 MB gzip,
  // six times the first load): at the page's load event, which comes before
  // the page's WebAssembly has arrived, the two downloads shared a slow line.
  const { page, context } = await openPage(browser, server.url);
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.__registeredWhen = {
        at: performance.now(),
        rendered: document.documentElement.hasAttribute('data-calculator-rendered'),
        staffTable: document.getElementById('staff-table') !== null,
      };
      return register.apply(this, args);
    };
  });
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await page.evaluate(() => navigator.serviceWorker.ready);
  const when = await page.evaluate(() => window.__registeredWhen);
  assert.ok(when, 'the service worker was registered');
  assert.equal(when.rendered, true, 'registered before the page said it had rendered');
  assert.equal(when.staffTable, true, 'registered before the whole page was in place');
  const loadEvent = await page.evaluate(() => performance.getEntriesByType('navigation')[0].loadEventEnd);
  assert.ok(when.at > loadEvent, 'registered after the load event');
  await context.close();
});

test('after one visit the app loads and works with the network off', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const cache = await installed(page);
  assert.equal(cache.names.length, 1);
  for (const want of [/\/index\.html$/, /_bg\.wasm$/, /\.js$/, /\.css$/, /\/areas\.tsv$/, /\/manifest\.webmanifest$/,
    /\/panels-[0-9a-f]+_bg\.wasm$/, /\/panels-[0-9a-f]+\.js$/, /\/snippets\/.+\.js$/,
    /\/workbook-[0-9a-f]+_bg\.wasm$/, /\/workbook-[0-9a-f]+\.js$/]) {
    assert.ok(cache.paths.some((p) => want.test(p)), `${want} is precached: ${cache.paths.join(', ')}`);
  }
  const manifest = await page.evaluate(() => document.querySelector('link[rel=manifest]')?.getAttribute('href'));
  assert.equal(manifest, 'manifest.webmanifest');

  await context.setOffline(true);
  await page.reload();
  await app.waitForApp();
  const start = await app.extraWte().innerText();
  await app.type('Adults (18-64)', '350,000');
  await app.waitForExtraWteChange(start);
  // The panels module and the area tables come from the cache too.
  await (await app.openAreaPicker()).fill('Leeds');
  await app.areaOptions().first().waitFor();
  // So does the workbook writer.
  const xlsx = await app.downloadFile('Download Excel (.xlsx)');
  assert.match(xlsx.name, /\.xlsx$/);
  await assertAccessible(page, 'offline');
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('a new build replaces the old cache once the page has said so', async () => {
  const root = mkdtempSync(join(tmpdir(), 'dist-next-'));
  cpSync(DIST, root, { recursive: true });
  const index = join(root, 'index.html');
  writeFileSync(index, readFileSync(index, 'utf8').replace('<title>Mental Health Workforce Gap Calculator</title>',
    '<title>Mental Health Workforce Gap Calculator (next build)</title>'));
  execFileSync('node', [join(ROOT, 'scripts', 'build-offline.mjs'), root], { stdio: 'pipe' });

  const local = await serveDist(DIST);
  const { page, context, assertSameOrigin, errors } = await openPage(browser, local.url);
  const app = new CalculatorPage(page);
  await app.goto(local.url);
  const first = await installed(page);
  await app.type('Adults (18-64)', '340,000');

  local.setRoot(root);
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  const banner = page.getByRole('status').filter({ hasText: 'A new version of the calculator is ready' });
  await banner.waitFor({ timeout: 30_000 });
  assert.equal(await page.title(), 'Mental Health Workforce Gap Calculator', 'nothing changes until the user reloads');
  await assertAccessible(page, 'new version banner');
  await screenshot(page, 'offline-new-version');
  await banner.getByRole('button', { name: 'Reload' }).click();
  await page.waitForFunction(() => document.title.includes('next build'), null, { timeout: 30_000 });
  await app.waitForApp();
  const second = await installed(page);
  assert.equal(second.names.length, 1, 'one cache: the old one is gone');
  assert.notEqual(second.names[0], first.names[0]);
  assert.equal(await app.field('Adults (18-64)').inputValue(), '340,000', 'the scenario came through the reload');
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
  await local.close();
});

test('the Content-Security-Policy is in force and the app runs under it without a violation', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, server.url);
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const policy = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '');
  for (const part of ["default-src 'self'", "connect-src 'self'", "object-src 'none'", "'wasm-unsafe-eval'"]) {
    assert.ok(policy.includes(part), `${part} in ${policy}`);
  }
  // A journey through what the app does: typing, the area picker (a fetch),
  // an export (a blob download), the sources panel.
  const start = await app.extraWte().innerText();
  await app.type('Adults (18-64)', '330,000');
  await app.waitForExtraWteChange(start);
  await (await app.openAreaPicker()).fill('Leeds');
  await app.areaOptions().first().waitFor();
  await app.download('Export results (CSV)');
  await app.downloadFile('Download Excel (.xlsx)');
  await installed(page);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no violation in normal use');

  // What the policy is for: an injected inline script and a connection
  // elsewhere are both refused.
  const injected = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true';
    document.head.append(s);
    const elsewhere = await fetch('http://192.0.2.1/').then(() => 'connected', () => 'refused');
    return { ran: window.__injected === true, elsewhere };
  });
  assert.deepEqual(injected, { ran: false, elsewhere: 'refused' });
  const violations = await page.evaluate(() => window.__violations);
  assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join('; '));
  assert.ok(violations.some((v) => v.startsWith('connect-src')), violations.join('; '));
  await context.close();
});

test('hosted under a sub-path, /tools/workforce-gap/, everything stays under it', async () => {
  const sub = await serveDist(DIST, { prefix: '/tools/workforce-gap/' });
  const { page, context, requests, errors } = await openPage(browser, sub.url);
  const app = new CalculatorPage(page);
  await app.goto(sub.url);
  const start = await app.extraWte().innerText();
  await app.type('Adults (18-64)', '360,000');
  await app.waitForExtraWteChange(start);
  await (await app.openAreaPicker()).fill('Leeds');
  await app.areaOptions().first().waitFor();
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, sub.url);
  const outside = requests.filter((u) => !u.startsWith(sub.url) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(outside, [], 'every request stays under the sub-path');
  assert.ok(sub.requests.includes('/tools/workforce-gap/areas.tsv'));
  assert.deepEqual(errors, []);
  await context.close();
  await sub.close();
});
