// Numbers a board can trust (issue 9): a user notes why a value is what it
// is and finds the note in the assumptions register, the results CSV, the
// JSON export and the printed report; the register says which inputs are
// defaults; one role's projection shows the supply under the retention it
// needs; the costs say they are the system cost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage } from './pages/calculator.mjs';
import { parts, sharedStrings, recalculated, cellNumber } from './xlsx.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const NOTE = 'Our 2025 ESR extract, "5.2%", service lines listed only';

test('a note on an input shows in the register, the CSV, the JSON export and the printed report', async () => {
  const { page, context, errors, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await page.locator('details.panel > summary').filter({ has: page.getByRole('heading', { name: 'Working time', exact: true }) }).click();
  await app.type('Sickness absence', '5.2');
  await app.showMore();
  const details = page.locator('#sources-details');
  await details.locator('summary').click();
  const register = page.getByRole('table', { name: /Assumptions register/ });
  await register.waitFor();
  const row = register.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Sickness absence', exact: true }) });
  assert.match(await row.innerText(), /5\.2\s+%[\s\S]*Changed[\s\S]*Entered by you \(default 5%/);
  const defaultRow = register.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Non-clinical time', exact: true }) });
  assert.match(await defaultRow.innerText(), /Default/);

  const note = page.getByLabel('Note on Sickness absence', { exact: true });
  await note.fill(NOTE);
  await note.press('Tab');
  await page.locator('summary').filter({ hasText: '(1 notes)' }).waitFor();
  assert.equal(await note.inputValue(), NOTE);
  await assertAccessible(page, 'assumptions register with a note');
  await screenshot(page, 'board-register', { fullPage: false });

  // Undo takes the note back; redo restores it.
  await page.keyboard.press('Control+z');
  await page.locator('summary').filter({ hasText: '(0 notes)' }).waitFor();
  await page.keyboard.press('Control+Shift+z');
  await page.locator('summary').filter({ hasText: '(1 notes)' }).waitFor();

  const csv = await app.download('Export results (CSV)');
  assert.ok(csv.text.includes(`Notes\r\ninput,note\r\nworking_time.sickness_rate,"${NOTE.replace(/"/g, '""')}"\r\n`), csv.text.slice(-400));
  const json = await app.download('Export scenario (JSON)');
  assert.equal(JSON.parse(json.text).notes['working_time.sickness_rate'], NOTE);
  const xlsx = await app.downloadFile('Download Excel (.xlsx)');
  assert.ok(sharedStrings(xlsx.path).includes(NOTE), 'the note is in the workbook');

  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('.print-meta').innerText();
  assert.ok(printed.includes(`working_time.sickness_rate: ${NOTE}`), printed);
  await screenshot(page, 'board-print-report', { fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Kept across a reload (autosave).
  await page.reload();
  await app.waitForApp();
  await app.showMore();
  await page.locator('#sources-details summary').filter({ hasText: '(1 notes)' }).waitFor();
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('one role over the years: supply under the retention it needs meets the requirement; costs say system cost', async () => {
  const { page, context, errors, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await app.showAnalysis();
  const section = page.getByRole('region', { name: 'One role over the years' });
  await section.waitFor();
  const figure = section.getByRole('figure', { name: /supply with the retention needed/ });
  // A role retention can fix: the green line ends on the requirement.
  const roles = await section.getByLabel('Role').locator('option').allInnerTexts();
  let reachable = null;
  for (const name of roles) {
    await section.getByLabel('Role').selectOption({ label: name });
    const note = await section.locator('#role-projection-note').innerText();
    if (/fewer leavers than today/.test(note)) { reachable = name; break; }
  }
  assert.ok(reachable, 'some role can close its gap by retention');
  const table = await figure.evaluate((f) => {
    const rows = [...f.querySelectorAll('tbody tr')].map((r) => [...r.cells].map((c) => c.textContent));
    return rows[rows.length - 1];
  });
  // Year, required, supply, gap, with retention needed.
  assert.equal(table.length, 5, 'the data table has the retention-needed column');
  assert.equal(table[4], table[1], 'in the last year, supply with the retention needed meets the requirement');
  await section.scrollIntoViewIfNeeded();
  await section.screenshot({ path: new URL('./artifacts/board-role-projection.png', import.meta.url).pathname });
  // A role it cannot: said so, and no third column.
  await section.getByLabel('Role').selectOption({ label: 'Peer support worker' });
  assert.match(await section.locator('#role-projection-note').innerText(), /Retention alone cannot close/);
  await assertAccessible(page, 'role over the years');

  // The cost input says it is the system cost, and what a trust pays.
  const hint = await page.locator('[id$="annual_cost-hint"]').first().innerText();
  assert.match(hint, /system cost/);
  assert.match(hint, /14\.38%/);
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

const workbookModule = (requests) => requests.filter((u) => /\/workbook-[0-9a-f]+(_bg\.wasm|\.js)$/.test(new URL(u).pathname));

test('the Excel workbook: loaded on demand, every figure a formula LibreOffice recalculates to the page\'s own', async () => {
  const { page, context, errors, requests, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await app.showMore();
  assert.deepEqual(workbookModule(requests), [], 'the workbook writer is not loaded before it is asked for');
  const csv = await app.download('Export results (CSV)');
  const summary = Object.fromEntries(csv.text.split('\r\n').map((line) => line.split(',')).filter((r) => r.length === 2));

  const button = app.button('Download Excel (.xlsx)');
  await assertAccessible(page, 'share and export with the workbook button');
  const xlsx = await app.downloadFile('Download Excel (.xlsx)');
  assert.equal(xlsx.name, 'example-place-workbook.xlsx');
  assert.equal(workbookModule(requests).length, 2, 'the third module (script and wasm) is fetched once asked');
  await page.getByText('Downloaded example-place-workbook.xlsx').waitFor();
  assert.equal(await button.isEnabled(), true);

  const book = parts(xlsx.path);
  const sheetNames = [...book['xl/workbook.xml'].matchAll(/<sheet name="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(sheetNames, ['Method', 'Summary', 'Inputs', 'Working time', 'Services by place', 'Services', 'Places',
    'Roles', 'Projection', 'Uncertainty', 'Sensitivity']);
  const formulas = Object.entries(book).filter(([n]) => n.startsWith('xl/worksheets/'))
    .reduce((count, [, xml]) => count + (xml.match(/<f>/g) ?? []).length, 0);
  assert.ok(formulas > 900, `${formulas} formula cells`);
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  const strings = sharedStrings(xlsx.path);
  assert.ok(strings.includes(today), `exported on ${today}`);
  assert.ok(strings.some((s) => /^Mental Health Workforce Gap Calculator \d+\.\d+\.\d+$/.test(s)), 'the app version');
  assert.ok(strings.some((s) => s.startsWith('workforce-gap/scenario version 3')), 'the model version');

  // LibreOffice recalculates every formula: the Summary matches the CSV
  // the page wrote from the same results.
  const sheets = recalculated(xlsx.path);
  const value = (label) => cellNumber(sheets.Summary.find((row) => row[0] === label)[1]);
  // The CSV writes three decimals.
  const close = (a, b) => Math.abs(a - b) <= 0.0005 + 1e-12 * Math.abs(b);
  for (const [label, key] of [['Extra WTE needed today', 'extra_wte'], ['Required WTE', 'required_wte'],
    ['Extra cost a year', 'extra_cost'], ['  of which: new posts', 'unfunded_wte'], ['People in need a year', 'people_in_need']]) {
    assert.ok(key in summary, `${key} in the CSV summary: ${Object.keys(summary).join(', ')}`);
    assert.ok(close(value(label), Number(summary[key])), `${label}: workbook ${value(label)}, CSV ${summary[key]}`);
  }
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('benchmarks side by side: the scenario per 100,000 beside England and WHO, each with its source', async () => {
  const { page, context, errors, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await app.showAnalysis();
  const table = page.getByRole('table', { name: /WTE per 100,000 residents: this scenario and published references/ });
  await table.waitFor();
  const rows = table.locator('tbody tr');
  assert.equal(await rows.count(), 7);
  assert.match(await rows.nth(0).innerText(), /^Example place: required[\s\S]*152\.6$/);
  assert.match(await rows.nth(1).innerText(), /^Example place: staff in post[\s\S]*112$/);
  assert.match(await rows.nth(2).innerText(), /England: NHS mental health and learning disability workforce[\s\S]*183,476 FTE[\s\S]*327\.8/);
  assert.match(await rows.nth(4).innerText(), /more than 70/);
  assert.match(await rows.nth(6).innerText(), /Bruckner[\s\S]*Not shown/);
  assert.match(await page.locator('#benchmarks').innerText(), /What this comparison can and cannot say/);
  await page.locator('#benchmarks').scrollIntoViewIfNeeded();
  await assertAccessible(page, 'benchmarks');
  await screenshot(page, 'board-benchmarks', { fullPage: false });
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});
