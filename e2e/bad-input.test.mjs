// Things going wrong: fields typed badly (each listed in the error summary,
// with a link that focuses the field, an inline message and the typed text
// kept, while the headline holds its last good value), then fixed; and
// broken data from outside: a corrupt autosave, a broken share link and a
// wrong file to import. Each says clearly what happened and loses nothing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage } from './pages/calculator.mjs';

const STEP2 = 'NHS Talking Therapies: low intensity (step 2)';
const STEP3 = 'NHS Talking Therapies: high intensity (step 3)';
const CURRENT = 'workforce-gap:current';
const LIBRARY = 'workforce-gap:library';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('broken fields are listed, linked, flagged inline and kept; fixing them recovers', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const good = await app.headlineTexts();

  const adults = app.field('Adults (18-64)');
  const target = app.field('Target coverage', STEP3);
  await app.openService(STEP2);
  const mix = app.service(STEP2).getByRole('group', { name: 'Role mix: who delivers this service' });
  const pwp = mix.getByLabel('Psychological wellbeing practitioner', { exact: true });

  // 1. Text in a number field.
  await adults.fill('lots of people');
  await app.errorSummary().waitFor();
  assert.match(await app.errorSummary().getByRole('heading').innerText(), /^There is a problem$/);
  // 2. 150 in a percentage.
  await target.fill('150');
  await app.errorSummary().getByRole('heading', { name: 'There are 2 problems' }).waitFor();
  // 3. A role mix that does not add up (85% + 15% -> 70% + 15%).
  await pwp.fill('70');
  await app.errorSummary().getByRole('heading', { name: 'There are 3 problems' }).waitFor();

  // The summary lists each problem, with a link to its field.
  const links = app.errorLinks();
  assert.equal(await links.count(), 3);
  const texts = await links.allInnerTexts();
  assert.ok(texts.some((t) => /Adults \(18-64\): Enter a number/.test(t) && t.includes('lots of people')), texts.join(' | '));
  // The summary names whose input it is, not just which kind.
  assert.ok(texts.some((t) => /NHS Talking Therapies: high intensity \(step 3\): target coverage must be between 0% and 100%/.test(t)), texts.join(' | '));
  assert.ok(texts.some((t) => /role mix of "NHS Talking Therapies: low intensity \(step 2\)" adds up to 85%/.test(t)), texts.join(' | '));

  // What was typed stays; each field says what is wrong beside it.
  assert.equal(await adults.inputValue(), 'lots of people');
  assert.equal(await target.inputValue(), '150');
  assert.equal(await pwp.inputValue(), '70');
  assert.equal(await adults.getAttribute('aria-invalid'), 'true');
  assert.equal(await target.getAttribute('aria-invalid'), 'true');
  assert.match(await app.inlineError(adults), /Enter a number, like 1,200 \(you typed "lots of people"\)/);
  assert.match(await app.inlineError(target), /target coverage must be between 0% and 100%/i);
  assert.match(await mix.locator('.field__error').innerText(), /adds up to 85%; it must add up to 100%/);
  assert.match(await mix.getByText(/^Running total:/).innerText(), /85%/);
  assert.ok(await mix.getByRole('button', { name: 'Make it add up to 100%' }).isVisible());

  // The headline holds the last good value, marked out of date.
  assert.deepEqual(await app.headlineTexts(), good, 'the last good results stay');
  await app.staleBanner().waitFor();
  assert.match(await app.staleBanner().innerText(), /out of date/);
  assert.ok(await app.headline().evaluate((el) => el.classList.contains('stale')), 'the headline is marked stale');
  assert.match(await page.locator('#results-announcement').innerText(), /out of date/);
  // The table by role (with the analysis below the charts) says so too.
  await app.showAnalysis();
  assert.match(await app.roleTable().locator('caption').innerText(), /out of date/);

  // Each link moves focus to its field.
  for (let i = 0; i < 3; i++) {
    const link = links.nth(i);
    const href = await link.getAttribute('href');
    assert.match(href, /^#f-/);
    await link.click();
    const focused = await page.evaluate(() => document.activeElement?.id);
    assert.equal(`#${focused}`, href, `"${await link.innerText()}" focuses ${href}`);
    assert.ok(await page.locator(href).isVisible(), `${href} is scrolled into view`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await assertAccessible(page, 'three problems');
  await screenshot(page, 'bad-input-three-problems');
  await page.locator(await links.nth(0).getAttribute('href')).scrollIntoViewIfNeeded();
  await screenshot(page, 'bad-input-field-message');

  // Fix them one by one: the count goes down, then the results come back.
  await adults.fill('300,000');
  await app.errorSummary().getByRole('heading', { name: 'There are 2 problems' }).waitFor();
  assert.equal(await adults.getAttribute('aria-invalid'), null);
  assert.equal(await app.inlineError(adults), null);
  await target.fill('25');
  await app.errorSummary().getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.deepEqual(await app.headlineTexts(), good, 'still the last good results');
  await app.staleBanner().waitFor();
  await pwp.fill('85');
  await app.errorSummary().waitFor({ state: 'detached' });
  await app.staleBanner().waitFor({ state: 'detached' });
  assert.ok(!(await app.headline().evaluate((el) => el.classList.contains('stale'))));
  assert.deepEqual(await app.headlineTexts(), good, 'the same inputs give the same results');
  assert.match(await page.locator('#results-announcement').innerText(), /^Extra staff needed:/);
  await assertAccessible(page, 'recovered');

  assert.deepEqual(errors, [], 'no errors in the console');
  assertSameOrigin();
  await context.close();
});

test('while inputs are broken, the autosave keeps the last valid scenario', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await app.type('Adults (18-64)', '320,000');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').places?.[0]?.population?.adults === 320000, CURRENT);
  await app.type('Need index', 'high');
  await app.errorSummary().waitFor();
  const saved = JSON.parse((await app.storage())[CURRENT]);
  assert.equal(saved.places[0].population.adults, 320000);
  assert.equal(saved.places[0].need_index, 1, 'the unparseable need index was not saved');
  await assertAccessible(page, 'need index broken');

  await page.reload();
  await app.waitForApp();
  assert.equal(await app.field('Adults (18-64)').inputValue(), '320,000', 'the last valid state comes back');
  assert.equal(await app.field('Need index').inputValue(), '1');
  assert.equal(await app.errorSummary().count(), 0);
  await assertAccessible(page, 'reloaded after a broken edit');
  assertSameOrigin();
  await context.close();
});

test('a corrupt autosave is reported, kept aside, and the example opens', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, server.url);
  await context.addInitScript(([key]) => {
    if (!sessionStorage.getItem('e2e-seeded')) {
      sessionStorage.setItem('e2e-seeded', '1');
      localStorage.setItem(key, '{"schema": "workforce-gap/scenario", "name": "half a scen');
    }
  }, [CURRENT]);
  const app = new CalculatorPage(page);
  await app.goto(server.url);

  const notice = page.getByRole('alert').filter({ hasText: 'autosaved scenario could not be read' });
  await notice.waitFor();
  const text = await notice.innerText();
  assert.match(text, /Your last autosaved scenario could not be read/);
  assert.match(text, /built-in example is open instead/);
  assert.match(text, /workforce-gap:unreadable:workforce-gap:current/, 'it says where the text was kept');
  assert.equal(await app.field('Scenario name').inputValue(), 'Example place');
  const example = await page.evaluate(() => window.workforceGap.compute(window.workforceGap.exampleScenario()));
  assert.equal(await app.extraWte().innerText(), example.results.total.extra_wte.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }));
  const stored = await app.storage();
  const backups = Object.keys(stored).filter((k) => k.startsWith('workforce-gap:unreadable:workforce-gap:current:'));
  assert.equal(backups.length, 1, Object.keys(stored).join(', '));
  assert.ok(text.includes(backups[0]), 'the notice names the exact key it was kept under');
  assert.equal(stored[backups[0]], '{"schema": "workforce-gap/scenario", "name": "half a scen', 'nothing is lost');
  await assertAccessible(page, 'corrupt autosave');
  await screenshot(page, 'bad-input-corrupt-autosave');

  // The notice can be dismissed; editing works as usual.
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await notice.waitFor({ state: 'detached' });
  assertSameOrigin();
  await context.close();
});

test('a corrupt saved-scenarios list is reported and kept aside', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, server.url);
  await context.addInitScript(([key]) => {
    if (!sessionStorage.getItem('e2e-seeded')) {
      sessionStorage.setItem('e2e-seeded', '1');
      localStorage.setItem(key, 'not json at all');
    }
  }, [LIBRARY]);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const notice = page.getByRole('alert').filter({ hasText: 'saved scenarios could not be read' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /workforce-gap:unreadable:workforce-gap:library/);
  const stored = await app.storage();
  const backups = Object.keys(stored).filter((k) => k.startsWith('workforce-gap:unreadable:workforce-gap:library:'));
  assert.equal(backups.length, 1, Object.keys(stored).join(', '));
  assert.equal(stored[backups[0]], 'not json at all');
  assert.equal(await app.field('Scenario name').inputValue(), 'Example place');
  await assertAccessible(page, 'corrupt library');
  assertSameOrigin();
  await context.close();
});

test('a broken share link says so and loses nothing', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  // Some work of one's own, autosaved and saved.
  await app.field('Scenario name').fill('My plan');
  await app.type('Adults (18-64)', '400,000');
  await app.saveAs('My plan');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').places?.[0]?.population?.adults === 400000, CURRENT);
  const before = await app.storage();
  const headline = await app.headlineTexts();

  // Opened fresh in a new tab.
  const tab = await context.newPage();
  const other = new CalculatorPage(tab);
  await other.goto(`${server.url}#scenario=garbage`);
  const notice = tab.getByRole('alert').filter({ hasText: /share link/ });
  await notice.waitFor();
  assert.match(await notice.innerText(), /Your own scenario has been opened instead/);
  assert.equal(await other.field('Scenario name').inputValue(), 'My plan');
  assert.equal(await other.field('Adults (18-64)').inputValue(), '400,000');
  assert.deepEqual(await other.headlineTexts(), headline);
  assert.deepEqual(await other.savedNames(), ['My plan']);
  await assertAccessible(tab, 'broken share link on load');
  await screenshot(tab, 'bad-input-broken-link');
  await tab.close();

  // Pasted into the address bar of an open tab (a hashchange); and a link cut short.
  for (const fragment of ['#scenario=garbage', '#scenario=', '#scenario=N4IgzgxgTgpg']) {
    await page.goto(`${server.url}${fragment}`);
    const n = page.getByRole('alert').filter({ hasText: /share link/ });
    await n.waitFor();
    assert.match(await n.innerText(), /Nothing was changed/, `${fragment}: ${await n.innerText()}`);
    assert.equal(await app.field('Scenario name').inputValue(), 'My plan');
    if (fragment === '#scenario=') await assertAccessible(page, 'broken share link pasted');
    await n.getByRole('button', { name: 'Dismiss' }).click();
  }
  assert.deepEqual(await app.headlineTexts(), headline);
  const after = await app.storage();
  assert.equal(after[CURRENT], before[CURRENT], 'the autosave is untouched');
  assert.equal(after[LIBRARY], before[LIBRARY], 'the saved scenarios are untouched');
  assertSameOrigin();
  await context.close();
});

test('importing a wrong file says so and changes nothing', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await app.type('Adults (18-64)', '350,000');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').places?.[0]?.population?.adults === 350000, CURRENT);
  const before = await app.storage();
  const headline = await app.headlineTexts();

  const files = [
    { name: 'not-a-scenario.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') },
    { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schema": "workforce-gap/scen') },
    { name: 'results.csv', mimeType: 'text/csv', buffer: Buffer.from('Summary\r\nmeasure,value\r\n') },
  ];
  for (const file of files) {
    await (await app.inMore()).importInput().setInputFiles(file);
    const notice = page.getByRole('alert').filter({ hasText: `"${file.name}" was not imported` });
    await notice.waitFor();
    assert.match(await notice.locator(".notice__text").innerText(), /Nothing was changed\.$/);
    assert.equal(await app.field('Adults (18-64)').inputValue(), '350,000');
    assert.equal(await app.field('Scenario name').inputValue(), 'Example place');
    assert.deepEqual(await app.headlineTexts(), headline);
    if (file === files[0]) {
      await assertAccessible(page, 'wrong file imported');
      await notice.scrollIntoViewIfNeeded();
      await screenshot(page, 'bad-input-wrong-import');
    }
  }
  assert.equal((await app.storage())[CURRENT], before[CURRENT], 'the autosave is untouched');
  assertSameOrigin();
  await context.close();
});
