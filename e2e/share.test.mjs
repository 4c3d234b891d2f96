// Sharing: a link that carries the whole scenario opens it in another
// browser (a fresh context) with the same numbers and a notice, without
// touching that browser's saved scenarios or autosave until the person
// there clicks "Keep this scenario".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage } from './pages/calculator.mjs';

const CURRENT = 'workforce-gap:current';
const LIBRARY = 'workforce-gap:library';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('a share link opens the same scenario in a fresh browser without overwriting its work', async () => {
  // Browser A: some work of its own first, kept to seed browser B's storage.
  const a = await openPage(browser, server.url);
  await a.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const appA = new CalculatorPage(a.page);
  await appA.goto(server.url);
  await appA.field('Scenario name').fill('My own plan');
  await appA.saveAs('My own plan');
  await a.page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').name === 'My own plan', CURRENT);
  const seeds = await appA.storage();

  // Then the scenario to share.
  await appA.field('Scenario name').fill('Shared plan');
  await appA.type('Adults (18-64)', '360,000');
  await appA.lever('Need index').fill('1.3');
  await a.page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').places?.[0]?.need_index === 1.3, CURRENT);
  const headline = await appA.headlineTexts();

  await appA.showMore();
  await appA.button('Create a share link').click();
  const link = await (await appA.inMore()).shareLink().inputValue();
  assert.ok(link.startsWith(`${server.url}#scenario=`), link);
  assert.ok(await (await appA.inMore()).shareLink().evaluate((el) => el.readOnly), 'the link box is read-only');
  assert.equal(await a.page.evaluate(() => navigator.clipboard.readText()), link, 'the link is on the clipboard');
  await assertAccessible(a.page, 'share link created');
  await (await appA.inMore()).shareLink().scrollIntoViewIfNeeded();
  await screenshot(a.page, 'share-link-created');
  assert.deepEqual(a.errors, [], 'no errors in the console');
  a.assertSameOrigin();

  // Browser B: a fresh context that already has an autosave and a saved scenario.
  const b = await openPage(browser, server.url);
  await b.context.addInitScript(([current, library, keys]) => {
    if (!sessionStorage.getItem('e2e-seeded')) {
      sessionStorage.setItem('e2e-seeded', '1');
      localStorage.setItem(keys[0], current);
      localStorage.setItem(keys[1], library);
    }
  }, [seeds[CURRENT], seeds[LIBRARY], [CURRENT, LIBRARY]]);
  const appB = new CalculatorPage(b.page);
  await appB.goto(link);

  // The shared scenario, with the same numbers, and a notice saying so.
  const notice = b.page.getByRole('status').filter({ hasText: 'You opened a shared scenario' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /"Shared plan"/);
  assert.match(await notice.innerText(), /Your saved scenarios are untouched/);
  assert.equal(await appB.field('Scenario name').inputValue(), 'Shared plan');
  assert.equal(await appB.field('Adults (18-64)').inputValue(), '360,000');
  assert.equal(await appB.field('Need index').inputValue(), '1.3');
  assert.deepEqual(await appB.headlineTexts(), headline, 'the same headline numbers');
  assert.deepEqual(await appB.savedNames(), ['My own plan'], 'B\'s saved scenarios are listed as before');
  let stored = await appB.storage();
  assert.equal(stored[CURRENT], seeds[CURRENT], 'B\'s autosave is untouched');
  assert.equal(stored[LIBRARY], seeds[LIBRARY], 'B\'s saved scenarios are untouched');
  await assertAccessible(b.page, 'shared link opened');
  await screenshot(b.page, 'share-opened');

  // Editing the shared scenario does not autosave over B's own work.
  const before = await appB.extraWte().innerText();
  await appB.type('Adults (18-64)', '370,000');
  await appB.waitForExtraWteChange(before);
  // Give any autosave time to run (it writes half a second after the last change: hooks::AUTOSAVE_AFTER_MS).
  await b.page.waitForTimeout(900);
  stored = await appB.storage();
  assert.equal(stored[CURRENT], seeds[CURRENT], 'edits to a shared scenario are not autosaved');
  assert.equal(stored[LIBRARY], seeds[LIBRARY]);
  assert.ok(await appB.button('Keep this scenario').isVisible(), 'the keep button stays after editing');

  // Keep it: saved under its name, autosave resumes, the link leaves the address bar.
  await appB.button('Keep this scenario').click();
  await appB.notice('Kept "Shared plan" in your saved scenarios.').waitFor();
  assert.equal(new URL(b.page.url()).hash, '', 'the share fragment is cleared');
  assert.deepEqual(await appB.savedNames(), ['My own plan', 'Shared plan']);
  await b.page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).name === 'Shared plan', CURRENT);
  stored = await appB.storage();
  const current = JSON.parse(stored[CURRENT]);
  assert.equal(current.places[0].population.adults, 370000, 'the kept scenario, with the edit, is autosaved');
  assert.deepEqual(JSON.parse(stored[LIBRARY]).scenarios.map((s) => s.name), ['My own plan', 'Shared plan']);
  assert.equal(await appB.button('Keep this scenario').count(), 0);
  await assertAccessible(b.page, 'shared scenario kept');

  await appB.type('Adults (18-64)', '380,000');
  await b.page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).places[0].population.adults === 380000, CURRENT);

  // A reload now opens the kept scenario from the autosave, not the link.
  await b.page.reload();
  await appB.waitForApp();
  assert.equal(await appB.field('Adults (18-64)').inputValue(), '380,000');
  assert.equal(await b.page.getByRole('status').filter({ hasText: 'You opened a shared scenario' }).count(), 0);

  assert.deepEqual(b.errors, [], 'no errors in the console');
  b.assertSameOrigin();
  await a.context.close();
  await b.context.close();
});

test('a share link pasted into an open tab opens the shared scenario', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await app.field('Scenario name').fill('Tab plan');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').name === 'Tab plan', CURRENT);
  const mine = (await app.storage())[CURRENT];

  // Someone else makes a link (in their own browser)...
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(server.url);
  const otherApp = new CalculatorPage(otherPage);
  await otherApp.waitForApp();
  await otherApp.field('Scenario name').fill('Pasted plan');
  await otherApp.type('Older people (65+)', '120,000');
  await otherApp.showMore();
  await otherApp.button('Create a share link').click();
  const link = await (await otherApp.inMore()).shareLink().inputValue();
  await other.close();

  // ...and it is pasted into this tab's address bar: a hashchange, no reload.
  await page.goto(link);
  await page.getByRole('status').filter({ hasText: 'You opened a shared scenario, "Pasted plan"' }).waitFor();
  assert.equal(await app.field('Older people (65+)').inputValue(), '120,000');
  assert.equal((await app.storage())[CURRENT], mine, 'the autosave is untouched');
  await assertAccessible(page, 'share link pasted');
  assertSameOrigin();
  await context.close();
});
