// Saving and comparing: save the example as "Baseline", change it and save
// "Ambition", reload (the autosave brings back the last valid state),
// compare the two (differences highlighted), then rename, duplicate, delete
// and open saved scenarios.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage, parseFigure } from './pages/calculator.mjs';

const STEP3 = 'NHS Talking Therapies: high intensity (step 3)';
const LIBRARY = 'workforce-gap:library';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Save Baseline (the example) and Ambition (more adults, more step 3 coverage). */
async function saveTwo(app, page) {
  const baseline = await app.extraWteValue();
  await app.saveAs('Baseline');
  assert.deepEqual(await app.savedNames(), ['Baseline']);
  const start = await app.extraWte().innerText();
  await app.type('Adults (18-64)', '330,000');
  await app.field('Target coverage', STEP3).fill('50');
  await page.waitForFunction((s) => document.querySelector('#headline-extra-wte').innerText !== s, start);
  await page.waitForFunction(() => document.querySelector('#headline-extra-wte').innerText.length > 0);
  const ambition = await app.extraWteValue();
  await app.saveAs('Ambition');
  assert.deepEqual(await app.savedNames(), ['Baseline', 'Ambition']);
  return { baseline, ambition };
}

/** The selected option's text of the compare selects. */
async function compareChoice(app) {
  const group = (await app.inMore()).compareGroup();
  const text = (label) => group.getByLabel(label, { exact: true }).evaluate((s) => s.selectedOptions[0]?.text ?? '');
  return [await text('Baseline'), await text('Ambition')];
}

test('save two scenarios, reload, and compare them', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  assert.ok(await page.getByText('No saved scenarios yet.').isVisible());
  const { baseline, ambition } = await saveTwo(app, page);
  assert.ok(ambition > baseline, `the ambition needs more staff: ${baseline} -> ${ambition}`);
  await assertAccessible(page, 'two saved');

  // Reload: the autosave restores the changed inputs, the list is kept.
  await page.reload();
  await app.waitForApp();
  assert.equal(await app.field('Adults (18-64)').inputValue(), '330,000', 'a changed value survives reload');
  assert.equal(await app.field('Target coverage', STEP3).inputValue(), '50');
  assert.equal(await app.extraWteValue(), ambition);
  assert.deepEqual(await app.savedNames(), ['Baseline', 'Ambition']);

  // Compare: choose Baseline and Ambition.
  const group = (await app.inMore()).compareGroup();
  await group.getByLabel('Baseline', { exact: true }).selectOption({ label: 'Baseline' });
  assert.equal(await (await app.inMore()).compareTable().count(), 0, 'no table until both are chosen');
  await group.getByLabel('Ambition', { exact: true }).selectOption({ label: 'Ambition' });
  const table = (await app.inMore()).compareTable();
  await table.waitFor();
  assert.match(await table.locator('caption').innerText(), /^Ambition compared with Baseline$/);
  const headers = await table.getByRole('columnheader').allInnerTexts();
  assert.deepEqual(headers.map((h) => h.trim()), ['Measure', 'Baseline', 'Ambition', 'Difference']);

  const row = (name) => table.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  const cells = async (name) => (await row(name).getByRole('cell').allInnerTexts()).map((t) => t.trim());
  const isChanged = (name) => row(name).evaluate((tr) => tr.classList.contains('changed'));

  assert.deepEqual(await cells('Population'), ['500,000', '530,000', '+30,000']);
  assert.ok(await isChanged('Population'), 'the population row is highlighted');
  const extra = await cells('Extra WTE needed');
  assert.equal(parseFigure(extra[0]), baseline);
  assert.equal(parseFigure(extra[1]), ambition);
  assert.match(extra[2], /^\+/);
  assert.ok(Math.abs(parseFigure(extra[2]) - (ambition - baseline)) <= 0.11, `difference ${extra[2]}`);
  assert.ok(await isChanged('Extra WTE needed'));
  assert.equal(await row('Extra WTE needed').locator('strong').count(), 1, 'the difference is in bold');

  // Unchanged measures say "same" and are not highlighted.
  assert.deepEqual(await cells('In post WTE'), ['560.0', '560.0', 'same']);
  assert.ok(!(await isChanged('In post WTE')));
  const changedRows = table.locator('tbody tr.changed');
  const allRows = table.locator('tbody tr');
  assert.ok((await changedRows.count()) >= 5, 'several measures differ');
  assert.ok((await changedRows.count()) < (await allRows.count()), 'and some do not');
  for (const tr of await changedRows.all()) {
    assert.doesNotMatch(await tr.innerText(), /\bsame$/);
  }
  const bg = await changedRows.first().evaluate((tr) => getComputedStyle(tr).backgroundColor);
  const plainBg = await table.locator('tbody tr:not(.changed)').first().evaluate((tr) => getComputedStyle(tr).backgroundColor);
  assert.notEqual(bg, plainBg, 'changed rows look different, not only bold');
  await table.scrollIntoViewIfNeeded();
  await assertAccessible(page, 'comparison');
  await screenshot(page, 'save-compare-table');

  assert.deepEqual(errors, [], 'no errors in the console');
  assertSameOrigin();
  await context.close();
});

test('rename, duplicate, delete and open saved scenarios', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await saveTwo(app, page);

  // Rename through the browser's prompt, which offers the old name.
  let offered = '';
  page.once('dialog', (d) => { offered = d.defaultValue(); d.accept('Ambition 2030'); });
  await app.button('Rename Ambition').click();
  await app.savedList().getByText('Ambition 2030', { exact: true }).waitFor();
  assert.equal(offered, 'Ambition');
  assert.deepEqual(await app.savedNames(), ['Baseline', 'Ambition 2030']);
  // Cancelling the prompt, or an empty name, changes nothing.
  page.once('dialog', (d) => d.dismiss());
  await app.button('Rename Baseline').click();
  page.once('dialog', (d) => d.accept('   '));
  await app.button('Rename Baseline').click();
  assert.deepEqual(await app.savedNames(), ['Baseline', 'Ambition 2030']);

  // Duplicate: a copy right after the original.
  await app.button('Duplicate Baseline').click();
  await app.savedList().getByText('Baseline (copy)', { exact: true }).waitFor();
  assert.deepEqual(await app.savedNames(), ['Baseline', 'Baseline (copy)', 'Ambition 2030']);
  await assertAccessible(page, 'renamed and duplicated');
  await app.savedList().scrollIntoViewIfNeeded();
  await screenshot(page, 'save-compare-library');

  // Delete: cancelling keeps it; accepting removes it.
  let question = '';
  page.once('dialog', (d) => { question = d.message(); d.dismiss(); });
  await app.button('Delete Baseline (copy)').click();
  assert.match(question, /Delete the saved scenario "Baseline \(copy\)"\? This cannot be undone\./);
  assert.equal((await app.savedNames()).length, 3);
  page.once('dialog', (d) => d.accept());
  await app.button('Delete Baseline (copy)').click();
  await app.savedList().getByText('Baseline (copy)', { exact: true }).waitFor({ state: 'detached' });
  assert.deepEqual(await app.savedNames(), ['Baseline', 'Ambition 2030']);

  // The list in storage matches, and survives a reload.
  const stored = JSON.parse((await app.storage())[LIBRARY]);
  assert.deepEqual(stored.scenarios.map((s) => s.name), ['Baseline', 'Ambition 2030']);
  assert.equal(stored.scenarios[1].scenario.name, 'Ambition 2030', 'the renamed scenario carries its new name');
  await page.reload();
  await app.waitForApp();
  assert.deepEqual(await app.savedNames(), ['Baseline', 'Ambition 2030']);

  // Open Baseline: the inputs go back to the example's.
  page.once('dialog', (d) => d.accept());
  await app.button('Open Baseline').click();
  await app.notice('Opened "Baseline".').waitFor();
  assert.equal(await app.field('Adults (18-64)').inputValue(), '300,000');
  assert.equal(await app.field('Target coverage', STEP3).inputValue(), '25');
  assert.equal(await app.field('Scenario name').inputValue(), 'Baseline');
  await assertAccessible(page, 'opened a saved scenario');

  assert.deepEqual(errors, [], 'no errors in the console');
  assertSameOrigin();
  await context.close();
});

test('the comparison keeps its two scenarios when the saved list changes', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await saveTwo(app, page);
  const group = (await app.inMore()).compareGroup();
  await group.getByLabel('Baseline', { exact: true }).selectOption({ label: 'Baseline' });
  await group.getByLabel('Ambition', { exact: true }).selectOption({ label: 'Ambition' });
  await (await app.inMore()).compareTable().waitFor();

  // A copy of Baseline goes in between the two: the comparison must not
  // silently switch to the copy.
  await app.button('Duplicate Baseline').click();
  await app.savedList().getByText('Baseline (copy)', { exact: true }).waitFor();
  assert.deepEqual(await compareChoice(app), ['Baseline', 'Ambition'],
    'after duplicating, the compare boxes still show the chosen scenarios');
  assert.match(await (await app.inMore()).compareTable().locator('caption').innerText(), /^Ambition compared with Baseline$/);
  await assertAccessible(page, 'compared, then duplicated');
  assertSameOrigin();
  await context.close();
});
