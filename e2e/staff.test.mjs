// Your staff, your answer (issue 16): after picking an area the headline
// says its staff in post are the example's, marks each such role, and the
// mark goes as her own figures arrive; the staff table takes a block
// pasted from a spreadsheet (every value lands, bad cells flagged and kept,
// one undo step puts it all back), moves between cells by keyboard like a
// spreadsheet, and copies itself for a spreadsheet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage, parseFigure } from './pages/calculator.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const NURSE = 'Mental health nurse';
const WARNING = "Staff in post are Example place's illustrative figures, not Leeds's: enter or import yours.";

/** Pick Leeds (E08000035) in the area picker, by keyboard. */
async function pickLeeds(app) {
  const search = await app.openAreaPicker();
  await search.fill('Leeds');
  const option = app.areaOptions().filter({ hasText: 'E08000035' }).first();
  await option.waitFor();
  const names = await app.areaOptions().allInnerTexts();
  const index = names.findIndex((t) => t.includes('E08000035'));
  for (let i = 0; i <= index; i++) await search.press('ArrowDown');
  await search.press('Enter');
  await app.page.waitForFunction(() => document.querySelector('#f-places-0-name')?.value === 'Leeds');
}

/** Paste `text` into `input` as a spreadsheet's copy arrives: a paste event with text on its clipboard data. */
async function paste(input, text) {
  await input.focus();
  await input.evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('an area picked on the example\'s staff says so beside the headline, in the role table and in presentation mode; her own figures take the mark away', async () => {
  const { page, errors, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  assert.equal(await page.locator('#staff-warning').count(), 0, 'the example as it came is its own answer');

  await pickLeeds(app);
  const warning = page.locator('#staff-warning');
  await warning.waitFor();
  assert.match(await warning.innerText(), new RegExp(WARNING.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // It sits next to the figures, above them.
  const [w, h] = [await warning.boundingBox(), await app.headline().boundingBox()];
  assert.ok(w.y < h.y && h.y - (w.y + w.height) < 40, `warning just above the headline: ${JSON.stringify([w, h])}`);
  // Its link goes to the staff table.
  await warning.getByRole('link', { name: 'Go to staff in post' }).click();
  await page.waitForFunction(() => location.hash === '#staff');
  // Each role of the example's staff is marked in the role table.
  await app.showAnalysis();
  const marks = app.roleTable().getByText("example's figure");
  assert.equal(await marks.count(), 13);
  await assertAccessible(page, 'staff warning');
  await screenshot(page, 'staff-warning', { fullPage: false });

  // Presentation mode says the same words.
  await app.button('Presentation mode (P)').click();
  const present = page.locator('#present-staff-warning');
  await present.waitFor();
  assert.match(await present.innerText(), /not Leeds's: enter or import yours/);
  await app.button('Leave (P)').click();

  // Her nurses typed: their mark goes, the warning counts the rest.
  await app.field('In post', NURSE).fill('310');
  await page.waitForFunction(() => /of 12 roles/.test(document.querySelector('#staff-warning')?.innerText ?? ''));
  await page.waitForFunction(() => document.querySelectorAll('#role-table .example-staff').length === 12);
  // The example's staff as a whole block pasted: no mark, no warning.
  const block = Array.from({ length: 13 }, (_, r) => String(100 + r)).join('\n');
  await paste(app.field('In post', NURSE), block);
  await page.locator('#staff-warning').waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelectorAll('#role-table .example-staff').length === 0);
  assert.deepEqual(errors, []);
  assertSameOrigin();
});

test('a 13 x 5 block pasted from a spreadsheet lands in every cell, bad cells are flagged and kept, and one undo puts it all back', async () => {
  const { page, errors, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const example = await page.evaluate(() => window.workforceGap.exampleScenario());
  const names = example.roles.map((r) => r.name);
  assert.equal(names.length, 13);
  const before = await app.headlineTexts();
  const beforeValues = await Promise.all(names.map((n) => app.field('In post', n).inputValue()));

  // As Excel copies it: tabs between cells, CRLF after each row, rates as
  // fractions; one cell is not a number.
  const rows = names.map((_, r) => [100 + r, r + 1, `${(50000 + r * 1000).toLocaleString('en-GB')}`, (0.1 + r / 100).toFixed(2), r + 2]);
  rows[4][1] = 'n/a';
  const text = rows.map((cells) => cells.join('\t')).join('\r\n') + '\r\n';
  await paste(app.field('In post', names[0]), text);
  await app.notice('Pasted 65 cells.').waitFor();

  for (const [r, name] of names.entries()) {
    assert.equal(await app.field('In post', name).inputValue(), String(100 + r), `${name}: in post`);
    assert.equal(await app.field('Annual cost per WTE', name).inputValue(), (50000 + r * 1000).toLocaleString('en-GB'), `${name}: cost`);
    assert.equal(Number(await app.field('Leaver rate', name).inputValue()), Math.round((10 + r) * 100) / 100, `${name}: 0.${10 + r} is ${10 + r}%`);
    assert.equal(await app.field('Joiners a year', name).inputValue(), String(r + 2), `${name}: joiners`);
  }
  const bad = app.field('Vacant posts', names[4]);
  assert.equal(await bad.inputValue(), 'n/a', 'the bad cell is kept as pasted');
  assert.equal(await bad.getAttribute('aria-invalid'), 'true');
  assert.match(await app.inlineError(bad), /Enter a number/);
  await app.errorSummary().waitFor();
  await app.staleBanner().waitFor();
  await assertAccessible(page, 'pasted with a bad cell');
  await screenshot(page, 'staff-table-pasted', { fullPage: false });

  // One undo: every cell back.
  await app.button('Undo').click();
  await app.errorSummary().waitFor({ state: 'detached' });
  for (const [r, name] of names.entries()) {
    assert.equal(await app.field('In post', name).inputValue(), beforeValues[r], `${name} back`);
  }
  assert.deepEqual(await app.headlineTexts(), before);

  // Cells beyond the table are reported, not lost silently.
  await paste(app.field('Joiners a year', names[12]), '1\t2\n3\t4\n');
  await app.notice('3 cells fell outside the table and were not pasted').waitFor();
  assert.equal(await app.field('Joiners a year', names[12]).inputValue(), '1');
  assert.deepEqual(errors, []);
  assertSameOrigin();
});

test('the staff table moves like a spreadsheet by keyboard and copies itself for a spreadsheet', async () => {
  const { page, context, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const example = await page.evaluate(() => window.workforceGap.exampleScenario());
  const [first, second, third] = example.roles.map((r) => r.name);
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label'));

  await app.field('In post', first).focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(), `${second}: In post WTE`);
  await page.keyboard.press('Enter');
  assert.equal(await focused(), `${third}: In post WTE`);
  await page.keyboard.press('Shift+Enter');
  assert.equal(await focused(), `${second}: In post WTE`);
  // Tab goes along the row, as in any form.
  await page.keyboard.press('Tab');
  assert.equal(await focused(), `${second}: Funded vacancies WTE`);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(), `${first}: In post WTE`);
  // Typing into a cell reached by keyboard replaces it.
  await page.keyboard.type('222');
  assert.equal(await app.field('In post', first).inputValue(), '222');

  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await app.button('Copy table').click();
  await app.notice('Copied the table (13 roles)').waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const lines = copied.trim().split('\n').map((l) => l.split('\t'));
  assert.deepEqual(lines[0], ['Role name', 'In post WTE', 'Funded vacancies WTE', 'Annual cost', 'Leaver rate', 'Joiners a year']);
  assert.equal(lines.length, 14);
  assert.deepEqual(lines[1].slice(0, 2), [first, '222']);
  assert.match(lines[1][4], /^\d+(\.\d+)?%$/);

  // What only a few need opens from the row: each input's meaning, its
  // default's source, a note, and the calculation.
  await app.button(`Details of ${first}`).click();
  const details = app.role(first);
  await details.locator('details.field__source').filter({ hasText: /^Default/ }).first().waitFor();
  const note = page.getByLabel(`${first}: in post: your note`, { exact: true });
  await note.fill('From our ESR extract, March');
  await note.press('Tab');
  await page.waitForFunction((key) => JSON.parse(localStorage.getItem('workforce-gap:current') ?? '{}').notes?.[key] === 'From our ESR extract, March',
    'roles.mh_nurse.in_post_wte');
  await assertAccessible(page, 'a role\'s details');
  assert.deepEqual(errors, []);
});

test('on a phone the headline figures are on the first screen and stay in view while she edits, one tap from the results and back', async () => {
  const { page, errors } = await openPage(browser, server.url, { viewport: { width: 390, height: 844 } });
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const bar = page.locator('#headline-bar');
  const inView = async () => {
    const box = await bar.boundingBox();
    return box && box.y >= 0 && box.y + box.height <= 844;
  };
  assert.ok(await inView(), 'the figures are on the first screen');
  const extra = await app.extraWte().innerText();
  assert.match(await bar.innerText(), new RegExp(`^${extra.replace('.', '\\.')} extra WTE`));

  // Editing far down the page: the bar stays in view and follows.
  const cell = app.field('In post', NURSE);
  await cell.scrollIntoViewIfNeeded();
  await cell.fill('260');
  await page.waitForFunction((before) => !document.querySelector('#headline-bar')?.innerText.startsWith(before), extra);
  assert.ok(await inView(), 'still in view while editing');
  const cellBox = await cell.boundingBox();
  const barBox = await bar.boundingBox();
  assert.ok(cellBox.y >= barBox.y + barBox.height - 1, 'the bar does not cover the cell being edited');
  await assertAccessible(page, 'phone, editing');
  await screenshot(page, 'phone-editing');

  // One tap to the results, one back to the inputs.
  await bar.click();
  await page.waitForFunction(() => location.hash === '#results');
  const headline = await app.headline().boundingBox();
  assert.ok(headline.y < 844 && headline.y + 100 > 0, `the results are on screen: ${JSON.stringify(headline)}`);
  await page.getByRole('link', { name: 'Back to the inputs' }).click();
  await page.waitForFunction(() => location.hash === '#inputs-heading');
  assert.deepEqual(errors, []);
});
