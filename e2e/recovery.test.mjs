// Never lose work (issue 11): undo and redo over every edit, by button and
// by key; and if the WebAssembly ever panics, a recovery message with a
// reload, and the autosaved scenario comes back. The panic is triggered
// through a hook that exists only in the test build (target/dist-test,
// `--features test-hooks`); the published dist/ is checked not to have it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage } from './pages/calculator.mjs';

const CURRENT = 'workforce-gap:current';
const TEST_DIST = resolve(import.meta.dirname, '..', 'target', 'dist-test');

let server, testServer, browser;
before(async () => {
  server = await serveDist();
  testServer = await serveDist(TEST_DIST);
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); await testServer?.close(); });

test('undo and redo take back typing, a removal and an import, by button and by key', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const undo = app.button('Undo');
  const redo = app.button('Redo');
  assert.ok(await undo.isDisabled(), 'nothing to undo at the start');
  const start = await app.headlineTexts();

  // Typing into one field is one step.
  const adults = app.field('Adults (18-64)');
  await adults.fill('');
  await adults.pressSequentially('420000');
  await app.waitForExtraWteChange(start.extraWte);
  const typed = await app.headlineTexts();
  assert.notDeepEqual(typed, start);

  // A removal.
  const services = await app.cardNames('Services');
  const rowsBefore = await page.locator('#services-editor > tbody').count();
  page.once('dialog', (d) => d.accept());
  await app.button(`Remove ${services[0]}`).click();
  await page.waitForFunction((n) => document.querySelectorAll('#services-editor > tbody').length < n, rowsBefore);
  assert.equal((await app.cardNames('Services')).length, services.length - 1);

  // An import.
  const imported = await page.evaluate(() => {
    const s = window.workforceGap.exampleScenario();
    s.name = 'Imported plan';
    return JSON.stringify(s);
  });
  await (await app.inMore()).importInput().setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(imported) });
  await page.getByRole('status').filter({ hasText: 'Imported "plan.json"' }).waitFor();
  assert.equal(await app.field('Scenario name').inputValue(), 'Imported plan');

  // Undo the import with the button, the removal and the typing with Ctrl+Z.
  await undo.click();
  assert.equal(await app.field('Scenario name').inputValue(), 'Example place');
  assert.equal((await app.cardNames('Services')).length, services.length - 1);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const rowsNow = await page.locator('#services-editor > tbody').count();
  await page.keyboard.press('Control+z');
  await page.waitForFunction((n) => document.querySelectorAll('#services-editor > tbody').length > n, rowsNow);
  assert.deepEqual(await app.cardNames('Services'), services, 'the removed service is back, in its place');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('#f-places-0-population-adults')?.value === '300,000');
  assert.deepEqual(await app.headlineTexts(), start);
  assert.ok(await undo.isDisabled());

  // Redo with Ctrl+Shift+Z and the button.
  await page.keyboard.press('Control+Shift+Z');
  await page.waitForFunction(() => document.querySelector('#f-places-0-population-adults')?.value === '420000', null, { timeout: 5000 });
  assert.deepEqual(await app.headlineTexts(), typed);
  await redo.click();
  assert.equal((await app.cardNames('Services')).length, services.length - 1);
  // The autosave follows the undo history (half a second after the last change: hooks::AUTOSAVE_AFTER_MS).
  await page.waitForFunction(([k, n]) => JSON.parse(localStorage.getItem(k) ?? '{}').services?.length === n, [CURRENT, services.length - 1]);
  const saved = JSON.parse((await app.storage())[CURRENT]);
  assert.equal(saved.services.length, services.length - 1);
  await assertAccessible(page, 'after undo and redo');
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('the published build has no way to make it panic', async () => {
  const { page, context } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  assert.equal(await page.evaluate(() => typeof window.workforceGap.panicForTest), 'undefined');
  assert.equal(await page.evaluate(() => typeof window.workforceGapTest), 'undefined');
  await context.close();
});

test('a panic shows a recovery message with a reload, and the autosaved work comes back', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, testServer.url);
  const app = new CalculatorPage(page);
  await app.goto(testServer.url);
  await app.type('Adults (18-64)', '333,000');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').places?.[0]?.population?.adults === 333000, CURRENT);

  const thrown = await page.evaluate(() => {
    try { window.workforceGapTest.panic(); return 'no error'; } catch (e) { return String(e); }
  });
  assert.match(thrown, /unreachable|RuntimeError/i, 'the module stopped');
  const dialog = page.getByRole('alertdialog', { name: 'The calculator stopped' });
  await dialog.waitFor();
  assert.match(await dialog.innerText(), /saved in this browser at your last valid change/);
  const reload = dialog.getByRole('link', { name: 'Reload the calculator' });
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'recovery-reload', 'focus moves to the reload');
  assert.equal(JSON.parse((await app.storage())[CURRENT]).places[0].population.adults, 333000, 'the autosave survives');
  await assertAccessible(page, 'recovery message');
  await screenshot(page, 'recovery-after-panic');

  await reload.click();
  await app.waitForApp();
  assert.equal(await app.field('Adults (18-64)').inputValue(), '333,000', 'the work is back after the reload');
  assert.equal(await page.getByRole('alertdialog').count(), 0);
  assertSameOrigin();
  await context.close();
});
