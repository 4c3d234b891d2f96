// Getting results out and scenarios back in: the results CSV (RFC 4180,
// its numbers matching the headline), scenario JSON exported and imported
// back after changes, and the printed report.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage, parseFigure } from './pages/calculator.mjs';

const STEP3 = 'NHS Talking Therapies: high intensity (step 3)';
const CURRENT = 'workforce-gap:current';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/**
 * A strict RFC 4180 reader: CRLF record ends, fields quoted with "" escapes.
 * Throws on a bare CR or LF outside quotes or a stray quote.
 */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 2; continue; }
      if (c === '"') { quoted = false; i++; continue; }
      field += c; i++; continue;
    }
    if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true; i++; continue;
    }
    if (c === ',') { row.push(field); field = ''; i++; continue; }
    if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 2; continue; }
    if (c === '\r' || c === '\n') throw new Error(`a bare ${c === '\r' ? 'CR' : 'LF'} at ${i}`);
    field += c; i++;
  }
  if (quoted) throw new Error('an unterminated quoted field');
  if (field !== '' || row.length) rows.push([...row, field]);
  return rows;
}

/** Sections: a title row, a header row, data rows, then an empty row. */
function sections(rows) {
  const out = {};
  let current = null;
  for (const r of rows) {
    if (r.length === 1 && r[0] === '') { current = null; continue; }
    if (!current) {
      assert.equal(r.length, 1, `a section starts with a one-field title row, got ${JSON.stringify(r)}`);
      current = { header: null, rows: [] };
      out[r[0]] = current;
    } else if (!current.header) {
      current.header = r;
    } else {
      assert.equal(r.length, current.header.length, `a row as wide as its header: ${JSON.stringify(r)}`);
      current.rows.push(Object.fromEntries(current.header.map((h, k) => [h, r[k]])));
    }
  }
  return out;
}

test('the results CSV is RFC 4180 and its numbers match the headline', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const example = await page.evaluate(() => window.workforceGap.exampleScenario());
  const headline = await app.headlineTexts();

  const { name, text } = await app.download('Export results (CSV)');
  assert.equal(name, 'example-place-results.csv');
  await app.notice('Downloaded example-place-results.csv.').waitFor();
  mkdirSync(new URL('./artifacts/', import.meta.url), { recursive: true });
  writeFileSync(new URL('./artifacts/export-results.csv', import.meta.url), text);

  // CRLF only, ending with one.
  assert.ok(text.endsWith('\r\n'), 'the last record ends with CRLF');
  assert.doesNotMatch(text.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
  const csv = sections(parseCsv(text));
  for (const s of ['Summary', 'Roles', 'Groups', 'Sectors', 'Services', 'Places', 'Projection']) {
    assert.ok(csv[s], `a "${s}" section (has ${Object.keys(csv).join(', ')})`);
  }
  assert.deepEqual(csv.Summary.header, ['measure', 'value']);
  assert.deepEqual(csv.Projection.header, ['year', 'required_wte', 'supply_wte', 'gap_wte', 'arrivals_wte']);
  for (const h of ['id', 'name', 'group', 'sector', 'required_wte', 'in_post_wte', 'extra_wte', 'extra_cost']) {
    assert.ok(csv.Roles.header.includes(h), `the Roles header has ${h}`);
  }
  assert.equal(csv.Roles.rows.length, example.roles.length, 'a row per role');
  assert.deepEqual(csv.Roles.rows.map((r) => r.name), example.roles.map((r) => r.name));
  assert.equal(csv.Services.rows.length, example.services.length, 'a row per service');
  assert.equal(csv.Places.rows.length, example.places.length, 'a row per place');
  assert.ok(csv.Places.header.includes('need_index_source') && csv.Roles.header.includes('retention_needed'));
  const years = csv.Projection.rows.map((r) => Number(r.year));
  assert.ok(years.length >= example.projection.years, `${years.length} projection rows`);
  assert.deepEqual(years, years.map((_, k) => years[0] + k), 'consecutive years');

  // The numbers are the headline's.
  const summary = Object.fromEntries(csv.Summary.rows.map((r) => [r.measure, r.value]));
  assert.equal(summary.scenario, 'Example place');
  assert.equal(Number(summary.population), 500000);
  const extra = Number(summary.extra_wte);
  assert.equal(extra.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }), headline.extraWte);
  assert.equal(`£${(Number(summary.extra_cost) / 1e6).toFixed(1)} million`, headline.extraCost);
  assert.equal(Math.round(Number(summary.untreated_today)).toLocaleString('en-GB'), headline.untreated);
  const sumRoles = csv.Roles.rows.reduce((t, r) => t + Number(r.extra_wte), 0);
  assert.ok(Math.abs(sumRoles - extra) < 0.01, `role extra WTE add up to the total: ${sumRoles} vs ${extra}`);
  const sumCost = csv.Roles.rows.reduce((t, r) => t + Number(r.extra_cost), 0);
  assert.ok(Math.abs(sumCost - Number(summary.extra_cost)) < 1, 'role costs add up');
  // And the API's (to the CSV's three decimals).
  const api = await page.evaluate(() => window.workforceGap.compute(window.workforceGap.exampleScenario()));
  assert.ok(Math.abs(extra - api.results.total.extra_wte) < 5e-4);
  assert.ok(Math.abs(Number(summary.required_wte) - api.results.total.required_wte) < 5e-4);
  await assertAccessible(page, 'CSV exported');

  // Names with commas and quotes are quoted, "" escaped; the file name is tidy.
  await app.field('Scenario name').fill('Place, "north"');
  const second = await app.download('Export results (CSV)');
  assert.equal(second.name, 'place-north-results.csv');
  assert.ok(second.text.includes('scenario,"Place, ""north"""\r\n'), 'the scenario name is quoted');
  const again = sections(parseCsv(second.text));
  assert.equal(again.Summary.rows.find((r) => r.measure === 'scenario').value, 'Place, "north"');

  assert.deepEqual(errors, [], 'no errors in the console');
  assertSameOrigin();
  await context.close();
});

test('scenario JSON exports, and importing it after changes brings the values back', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await app.field('Scenario name').fill('Northshire 2030');
  await app.type('Older people (65+)', '101,000');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').places?.[0]?.population?.older === 101000, CURRENT);
  const headline = await app.headlineTexts();

  const { name, text } = await app.download('Export scenario (JSON)');
  assert.equal(name, 'northshire-2030.json');
  await app.notice('Downloaded northshire-2030.json.').waitFor();
  const exported = JSON.parse(text);
  assert.equal(exported.schema, 'workforce-gap/scenario');
  assert.equal(exported.name, 'Northshire 2030');
  assert.equal(exported.places[0].population.older, 101000);
  assert.deepEqual(exported, JSON.parse((await app.storage())[CURRENT]), 'the export is the scenario being edited');
  const check = await page.evaluate((s) => window.workforceGap.validate(s), text);
  assert.deepEqual(check, { ok: true, errors: [] }, 'the API accepts the exported text');

  // Change things, including the structure.
  await app.field('Scenario name').fill('Scratch');
  await app.type('Older people (65+)', '5,000');
  await app.field('Target coverage', STEP3).fill('70');
  page.once('dialog', (d) => d.accept());
  await app.button('Remove Perinatal mental health').click();
  await app.service('Perinatal mental health').waitFor({ state: 'detached' });
  await page.waitForFunction((h) => document.querySelector('#headline-extra-wte').innerText !== h, headline.extraWte);

  // Import the file: everything comes back.
  await (await app.inMore()).importInput().setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await app.notice(`Imported "${name}".`).waitFor();
  assert.equal(await app.field('Scenario name').inputValue(), 'Northshire 2030');
  assert.equal(await app.field('Older people (65+)').inputValue(), '101,000');
  assert.equal(await app.field('Target coverage', STEP3).inputValue(), '25');
  assert.equal(await app.service('Perinatal mental health').count(), 1, 'the removed service is back');
  assert.deepEqual(await app.headlineTexts(), headline, 'the same results');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).name === 'Northshire 2030', CURRENT);
  assert.deepEqual(JSON.parse((await app.storage())[CURRENT]), exported, 'and the autosave has it');
  // With the pointer on a warning button: hover colours must keep AA contrast too.
  await app.button('Remove Perinatal mental health').hover();
  await assertAccessible(page, 'scenario imported');
  await screenshot(page, 'export-imported');

  assert.deepEqual(errors, [], 'no errors in the console');
  assertSameOrigin();
  await context.close();
});

test('the printed report shows the results without the inputs', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const headline = await app.headlineTexts();
  // A reader who has scrolled through the page: its lower parts are loaded.
  await app.showAnalysis();
  await app.showMore();

  await page.emulateMedia({ media: 'print' });
  await screenshot(page, 'print-report', { fullPage: true });
  const inputs = page.getByRole('region', { name: 'Inputs' }).or(page.locator('.layout__inputs'));
  assert.ok(!(await inputs.first().isVisible()), 'the inputs column is hidden');
  assert.ok(!(await app.button('Create a share link').isVisible()), 'the share and export buttons are hidden');
  assert.ok(!(await app.lever('Need index').isVisible()), 'the levers are hidden');
  assert.ok(await app.heading().isVisible(), 'the title is printed');
  assert.ok(await app.headline().isVisible(), 'the headline is printed');
  assert.deepEqual(await app.headlineTexts(), headline);
  assert.ok(await app.roleTable().isVisible(), 'the role table is printed');
  assert.ok(await app.totalRow(app.roleTable()).isVisible());
  assert.ok(await app.figures().first().isVisible(), 'the charts are printed');
  const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(width <= 1, `nothing runs off the page sideways (${width}px)`);
  await assertAccessible(page, 'print');

  // Chromium headless can print to PDF: check it makes a real document.
  try {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.ok(pdf.length > 20_000, `the PDF has content (${pdf.length} bytes)`);
    writeFileSync(new URL('./artifacts/print-report.pdf', import.meta.url), pdf);
  } catch (e) {
    if (!/not supported|only supported/i.test(String(e))) throw e;
  }
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await page.locator('.layout__inputs').isVisible(), 'the inputs come back on screen');
  assertSameOrigin();
  await context.close();
});
