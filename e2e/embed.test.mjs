// In an intranet page (issue 10): the example iframe host sets a scenario by
// postMessage and receives results; a wrong scenario gets errors; another
// origin's messages are ignored and nothing is sent to it; locked inputs
// stay locked; the custom element mounts the calculator in a plain page;
// the embed and results views are axe-clean; "Embed this" writes a snippet
// that shows the same scenario.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage, parseFigure } from './pages/calculator.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const PLAN = JSON.parse(readFileSync(resolve(ROOT, 'www/examples/plan.json'), 'utf8'));

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The calculator's own compute() of a scenario, run in a page of the calculator. */
async function computed(page, scenario) {
  return page.evaluate((s) => new Promise((resolve) => {
    const go = (gap) => resolve(gap.compute(s).results.total.extra_wte);
    if (window.workforceGap) go(window.workforceGap);
    else window.addEventListener('workforce-gap-ready', () => go(window.workforceGap), { once: true });
  }), scenario);
}

test('the iframe host sets a scenario by postMessage and receives results; a wrong one gets errors; locked inputs stay locked', async () => {
  const { page, context, errors, assertSameOrigin } = await openPage(browser, server.url, { viewport: { width: 1280, height: 1000 } });
  await page.goto(`${server.url}examples/iframe-host.html`);
  const frame = page.frameLocator('#calculator');
  const frameHeadline = frame.locator('#headline-extra-wte');
  await frameHeadline.waitFor();
  const hostFigure = page.locator('#host-extra-wte');
  await page.waitForFunction(() => /^\d/.test(document.querySelector('#host-extra-wte').textContent));
  assert.equal(parseFigure(await hostFigure.innerText()), parseFigure(await frameHeadline.innerText()),
    'the host receives the results the calculator shows');
  assert.match(await page.locator('#host-status').innerText(), /^Connected to the calculator/);
  assert.equal(await frame.locator('header.masthead').count(), 0, 'the embed view has no page header');

  // Set a scenario: the calculator opens it, the host gets its results.
  const before = await hostFigure.innerText();
  await page.getByRole('button', { name: 'Open our published plan' }).click();
  await page.waitForFunction((b) => document.querySelector('#host-extra-wte').textContent !== b, before);
  const inner = page.frames().find((f) => f.url().includes('embed'));
  const expected = await computed(inner, PLAN);
  assert.equal(await hostFigure.innerText(), expected.toFixed(1));
  await frame.getByText('"Our published plan"').first().waitFor();
  assert.equal(parseFigure(await frameHeadline.innerText()), Number(expected.toFixed(1)));

  // A wrong scenario: errors back to the host, nothing changes.
  const received = await page.evaluate(() => window.hostReceived.length);
  await page.getByRole('button', { name: 'Send a plan with a mistake' }).click();
  await page.waitForFunction((n) => window.hostReceived.slice(n).some((m) => m.type === 'workforce-gap:errors'), received);
  assert.match(await page.locator('#host-status').innerText(), /refused the plan: places\[0\]\.need_index/);
  assert.equal(parseFigure(await frameHeadline.innerText()), Number(expected.toFixed(1)));

  // lock=all-but-levers: the population is read-only and a forced edit is
  // refused; a lever still moves the answer.
  const adults = frame.getByLabel('Adults (18-64)', { exact: true });
  assert.equal(await adults.evaluate((el) => el.readOnly), true);
  await adults.evaluate((el) => { el.removeAttribute('readonly'); el.value = '999,999'; el.dispatchEvent(new InputEvent('input', { bubbles: true })); });
  await page.waitForTimeout(200);
  assert.equal(parseFigure(await frameHeadline.innerText()), Number(expected.toFixed(1)), 'a locked input does not change');
  const lever = frame.getByRole('slider', { name: /^Need index/ });
  assert.equal(await lever.isEnabled(), true);
  await lever.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((b) => document.querySelector('#host-extra-wte').textContent !== b, expected.toFixed(1));
  // Each key press sends results; the host shows the last to arrive: wait
  // (up to 5 s) for the one that follows the frame's last repaint.
  const sameAsFrame = async () => (await hostFigure.innerText()) === (await frameHeadline.innerText()).replace(/,/g, '');
  for (let waited = 0; waited < 5000 && !(await sameAsFrame()); waited += 100) await page.waitForTimeout(100);
  assert.equal(await hostFigure.innerText(), (await frameHeadline.innerText()).replace(/,/g, ''));
  await screenshot(page, 'embed-iframe-host');
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('a message from another origin is ignored, and nothing is sent to it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'foreign-host-'));
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Another site</title></head>
<body><iframe id="calc" title="calculator" src="${server.url}?embed" width="1000" height="800"></iframe>
<script>
  window.got = [];
  window.addEventListener('message', (e) => window.got.push(e.data));
</script></body></html>`);
  const foreign = await serveDist(dir);
  assert.notEqual(new URL(foreign.url).origin, new URL(server.url).origin);
  const { page, context } = await openPage(browser, foreign.url);
  await page.goto(foreign.url);
  const frame = page.frameLocator('#calc');
  const headline = frame.locator('#headline-extra-wte');
  await headline.waitFor();
  const start = await headline.innerText();
  // Wait until the calculator listens (its module loaded), then try.
  await frame.locator('#embed').waitFor({ state: 'attached' });
  await page.waitForTimeout(500);
  const target = new URL(server.url).origin;
  const bad = structuredClone(PLAN);
  await page.evaluate(({ target, bad }) => {
    const w = document.getElementById('calc').contentWindow;
    for (let i = 0; i < 5; i++) w.postMessage({ type: 'workforce-gap:subscribe' }, target);
    w.postMessage({ type: 'workforce-gap:set-scenario', scenario: bad }, target);
    w.postMessage({ type: 'workforce-gap:get-results' }, target);
  }, { target, bad });
  await page.waitForTimeout(1500);
  assert.deepEqual(await page.evaluate(() => window.got), [], 'nothing was sent to an origin that is not accepted');
  assert.equal(await headline.innerText(), start, 'the scenario did not change');
  await context.close();
  await foreign.close();
});

test('the custom element mounts the calculator in a plain host page, with its scenario-url', async () => {
  const { page, context, errors, assertSameOrigin } = await openPage(browser, server.url);
  await page.goto(`${server.url}examples/element-host.html`);
  const element = page.locator('workforce-gap-calculator');
  const headline = element.locator('#headline-extra-wte');
  await element.getByText('"Our published plan"').first().waitFor();
  assert.equal(await page.getByRole('heading', { level: 1 }).first().innerText(), 'Our mental health workforce plan (an example intranet page)');
  const expected = await computed(page, PLAN);
  assert.equal(parseFigure(await headline.innerText()), Number(expected.toFixed(1)));
  assert.equal(await element.locator('.layout__inputs').isVisible(), false, 'view="results": the results only');
  await assertAccessible(page, 'custom element host page');
  await screenshot(page, 'embed-element-host');
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('embed and results views are axe-clean; scenario-json opens; a scenario-url of another site is refused', async () => {
  const { page, context, requests, errors, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  const json = encodeURIComponent(JSON.stringify({ ...PLAN, name: 'Inline plan' }));
  await app.goto(`${server.url}?embed&view=results&scenario-json=${json}`);
  await app.notice('"Inline plan"').waitFor();
  assert.equal(await page.locator('header.masthead').count(), 0);
  assert.equal(await page.locator('.layout__inputs').isVisible(), false);
  assert.equal(await app.extraWteValue(), Number((await computed(page, PLAN)).toFixed(1)));
  await assertAccessible(page, 'embed view, results only');

  await app.goto(`${server.url}?embed&scenario-url=${encodeURIComponent('http://192.0.2.1/plan.json')}`);
  await app.notice('could not be opened: it is on another site').waitFor();
  assert.ok(!requests.some((u) => new URL(u).host === '192.0.2.1'), 'no request to the other site');
  await assertAccessible(page, 'embed view, calculator');
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('"Embed this" writes an iframe snippet that shows the same scenario, and an element snippet', async () => {
  const { page, context, errors, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await app.type('Adults (18-64)', '420,000');
  const shown = await app.extraWte().innerText();
  await app.showMore();
  await page.getByLabel('What readers see').selectOption('results');
  await page.getByLabel(/Readers can move only the levers/).check();
  const snippet = await page.getByLabel('As an iframe').inputValue();
  const src = snippet.match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&');
  assert.match(src, /\?embed&view=results&lock=all-but-levers#scenario=/);
  assert.match(await page.getByLabel('As an element, without an iframe').inputValue(), /<workforce-gap-calculator embed view="results" lock="all-but-levers" scenario-json="/);
  await assertAccessible(page, 'embed this');
  const other = await context.newPage();
  await other.goto(src);
  await other.locator('#headline-extra-wte').waitFor();
  assert.equal(await other.locator('#headline-extra-wte').innerText(), shown);
  assert.equal(await other.getByLabel('Adults (18-64)', { exact: true }).isVisible(), false);
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});
