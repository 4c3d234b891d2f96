// The first journey: the app loads from dist/, a number typed into an input
// changes the result, bad input keeps what was typed and the last good
// result, axe-core finds nothing, and no request leaves the origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage } from './pages/calculator.mjs';
import { firstLoad } from '../scripts/first-load.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('typing a population changes the result; bad input is kept and flagged', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await assert.doesNotReject(app.heading().waitFor());
  assert.match(await app.heading().innerText(), /Mental Health Workforce Gap Calculator/);
  await assertAccessible(page, 'loaded');
  await screenshot(page, 'foundation-loaded', { fullPage: false });

  const before = await app.extraWteValue();
  assert.ok(before > 0, `extra WTE on load is ${before}`);

  await app.type('Adults (18-64)', '600,000');
  await page.waitForFunction((b) => Number(document.querySelector('#headline-extra-wte').innerText.replace(/,/g, '')) > b, before);
  const doubled = await app.extraWteValue();
  assert.ok(doubled > before, `more adults should need more staff: ${before} -> ${doubled}`);

  await app.type('Adults (18-64)', 'lots');
  await app.errorSummary().waitFor();
  assert.equal(await app.field('Adults (18-64)').inputValue(), 'lots', 'what was typed stays');
  assert.equal(await app.extraWteValue(), doubled, 'the last good result stays');
  await app.staleBanner().waitFor();
  const message = page.locator('#f-places-0-population-adults-error');
  assert.match(await message.innerText(), /Enter a number/);
  assert.equal(await app.field('Adults (18-64)').getAttribute('aria-invalid'), 'true');
  await assertAccessible(page, 'bad input');
  await screenshot(page, 'foundation-bad-input');

  await app.type('Adults (18-64)', '300000');
  await page.waitForFunction(() => !document.querySelector('#stale-banner'));
  assert.equal(await app.extraWteValue(), before, 'fixing the input restores the result');

  assert.deepEqual(errors, [], 'no errors in the console');
  assertSameOrigin();
  await context.close();
});

test('the size budget counts every file the first load downloads, and nothing it does not', async () => {
  // scripts/sizes.mjs (the budget in scripts/test.sh) counts what
  // scripts/first-load.mjs says the page downloads first: it must be what
  // the browser fetches. And nothing is preloaded that the page does not
  // run: Trunk preloaded the panels module's snippets with the page, bytes
  // the budget did not count (until 2026-12-07).
  const { page, context, requests, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url, { api: false });
  await app.staffTable().waitFor({ state: 'attached' });
  await page.waitForLoadState('networkidle');
  const fetched = [...new Set(requests
    .filter((u) => !u.startsWith('data:'))
    .map((u) => decodeURIComponent(new URL(u).pathname.replace(/^\//, '')) || 'index.html'))].sort();
  const { first, preloadedUnused } = firstLoad(server.root);
  assert.deepEqual(fetched, first, 'the files the first load fetched');
  assert.deepEqual(preloadedUnused, [], 'snippets the page preloads but its script does not import');
  assertSameOrigin();
  await context.close();
});
