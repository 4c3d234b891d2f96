// Your place, your system: a director finds her area by typing, gets its
// population and need index with their sources, and the results move; an
// integrated care board's places go side by side; the area tables are
// fetched from the page's own origin only when the picker is first used;
// saved scenarios keep places and sources; version 1 links still open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible } from './browser.mjs';
import { CalculatorPage, parseFigure } from './pages/calculator.mjs';
import { csvObjects } from '../scripts/csv.mjs';

const ROOT = resolve(import.meta.dirname, '..');

/** Rows of a CSV file in data/areas/, keyed by its header (scripts/csv.mjs, the one reader). */
function csvRows(name) {
  return csvObjects(readFileSync(resolve(ROOT, 'data/areas', name), 'utf8'));
}

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A screenshot of one part of the page, under e2e/artifacts/, for a person to look at. */
async function shot(locator, name) {
  const { mkdirSync } = await import('node:fs');
  const dir = new URL('./artifacts/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  await locator.screenshot({ path: `${dir}${name}.png` });
}

const areaRequests = (requests) => requests.filter((u) => new URL(u).pathname.endsWith('/areas.tsv'));

test('a newcomer types "Leeds", picks it and gets its population and need index with their sources', async () => {
  const { page, context, requests, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url, { api: false });
  await page.waitForTimeout(300);
  assert.deepEqual(areaRequests(requests), [], 'the area tables are not part of the first load');
  assert.deepEqual(requests.filter((u) => /\/panels-[0-9a-f]+/.test(new URL(u).pathname)), [],
    'nor is the panels module (the picker\'s code)');

  const start = await app.extraWte().innerText();
  // The picker comes with the panels module, when asked for, focused; the
  // tables follow.
  const tables = page.waitForResponse((r) => r.url().endsWith('/areas.tsv'));
  const search = await app.openAreaPicker();
  await tables;
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'area-search', 'the picker has the focus');
  await search.fill('Leeds');
  const option = app.areaOptions().filter({ hasText: 'E08000035' }).first();
  await option.waitFor();
  assert.equal(await search.getAttribute('aria-expanded'), 'true');
  await assertAccessible(page, 'area list open');
  await shot(page.locator('details.panel').filter({ has: app.areaSearch() }), 'areas-leeds-list');

  // Keyboard: down to Leeds (E08000035) and Enter.
  const names = await app.areaOptions().allInnerTexts();
  const index = names.findIndex((t) => t.includes('E08000035'));
  assert.ok(index >= 0, names.join(' | '));
  for (let i = 0; i <= index; i++) await search.press('ArrowDown');
  assert.equal(await app.areaOptions().nth(index).getAttribute('aria-selected'), 'true');
  await search.press('Enter');
  assert.equal(await search.getAttribute('aria-expanded'), 'false');

  const leeds = csvRows('la_population_census2021.csv').find((r) => r.code === 'E08000035');
  const ratios = Object.fromEntries(csvRows('england_band_totals.csv').map((r) => [r.band, Number(r.ratio_mid2023_to_census2021)]));
  const expectedAdults = Math.round(Number(leeds.adults) * ratios.adults);
  await page.waitForFunction(() => document.querySelector('#headline-extra-wte')?.innerText !== undefined);
  assert.equal(await app.field('Place name').inputValue(), 'Leeds');
  assert.equal(parseFigure(await app.field('Adults (18-64)').inputValue()), expectedAdults,
    'adults are the Census count scaled to mid-2023');
  const need = Number(csvRows('la_cmd_need_index_apms_imd.csv').find((r) => r.code === 'E08000035').cmd_need_index_apms_imd);
  assert.equal(Number(await app.field('Need index').inputValue()), need);
  const sources = await page.locator('.field__source--place').allInnerTexts();
  assert.ok(sources.some((t) => /Census 2021/.test(t) && /mid-2023/.test(t)), sources.join(' | '));
  assert.ok(sources.some((t) => /deprivation/i.test(t)), sources.join(' | '));
  assert.ok(await page.getByText(/16-17s/).first().isVisible(), 'the page says 16-17s are estimated');
  assert.ok(await page.getByText('Area code: E08000035').isVisible());
  const after = await app.waitForExtraWteChange(start);
  assert.notEqual(after, parseFigure(start), 'the results change');
  // Services, roles and staff are untouched.
  assert.equal((await app.cardNames('Services')).length, 10);
  await assertAccessible(page, 'Leeds filled');
  await shot(page.locator('details.panel').filter({ has: app.areaSearch() }), 'areas-leeds-filled');

  // Typing over a prefilled value: the source says so.
  await app.type('Older people (65+)', '120,000');
  await page.getByText('Source: Entered by you').first().waitFor();
  assert.equal(areaRequests(requests).length, 1, 'the tables are fetched once');
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('an ICB with its places added shows the by-place results, and a saved scenario keeps them', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const search = await app.openAreaPicker();
  await search.fill('QWO');
  const icb = app.areaOptions().filter({ hasText: 'West Yorkshire' }).first();
  await icb.waitFor();
  await icb.click();
  assert.equal(await app.field('Place name').inputValue(), 'NHS West Yorkshire Integrated Care Board');
  const members = csvRows('sicbl24_icb26_lookup.csv').filter((r) => r.icb26_code_nhs === 'QWO');
  const add = page.getByRole('button', { name: /^Use its \d+ sub-ICB locations as the places$/ });
  assert.equal(await add.innerText(), `Use its ${members.length} sub-ICB locations as the places`);
  await add.click();
  await app.showAnalysis();
  const table = page.getByRole('table', { name: /Need and required WTE, by place/ });
  await table.waitFor();
  const rows = table.locator('tbody tr');
  assert.equal(await rows.count(), members.length);
  assert.ok(await page.getByRole('figure').filter({ hasText: 'Required WTE per 100,000 residents, by place' }).isVisible());
  assert.ok(await page.getByRole('table', { name: /Required WTE by role and place/ }).count());
  // The places' populations add up to the ICB's (Census 2021 scaled to mid-2023).
  const placeNames = await page.locator('article.place h4').allInnerTexts();
  assert.equal(placeNames.length, members.length);
  await assertAccessible(page, 'ICB places side by side');
  await shot(page.locator('section.place-results'), 'areas-icb-places');

  // An ICB's local authorities instead: a district split across ICBs comes in part.
  const las = csvRows('lad_icb26_lookup.csv').filter((r) => r.icb26_code_nhs === 'QWO');
  await page.getByRole('button', { name: /local authorities as the places$/ }).click();
  await page.waitForFunction((n) => document.querySelectorAll('#places-table tbody tr').length === n, las.length);

  // Save, change, reopen: places and their sources come back.
  await app.saveAs('West Yorkshire');
  const before = await page.locator('article.place h4').allInnerTexts();
  const beforeSources = await page.locator('.field__source--place').allInnerTexts();
  await app.button('Add a place').click();
  await page.waitForFunction((n) => document.querySelectorAll('article.place').length === n, las.length + 1);
  await page.reload();
  await app.waitForApp();
  page.once('dialog', (d) => d.accept());
  await app.button('Open West Yorkshire').click();
  await app.notice('Opened "West Yorkshire".').waitFor();
  assert.deepEqual(await page.locator('article.place h4').allInnerTexts(), before);
  assert.deepEqual(await page.locator('.field__source--place').allInnerTexts(), beforeSources);
  assert.ok(beforeSources.length >= 2 * las.length);
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('a version 1 share link still opens, as one place', async () => {
  const fixture = JSON.parse(readFileSync(resolve(ROOT, 'tests/fixtures/reference-cases.json'), 'utf8'));
  const v1 = fixture.cases.find((c) => c.scenario.version === 1 && c.scenario.services.length > 1).scenario;
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  // The app's own encoder writes version 2; build a version 1 link the way
  // an old release did: lz-string of the version 1 JSON.
  const { default: LZString } = await import('lz-string');
  const { compressToEncodedURIComponent } = LZString;
  await page.goto(`${server.url}#scenario=${compressToEncodedURIComponent(JSON.stringify(v1))}`);
  await app.waitForApp();
  assert.equal(await app.field('Scenario name').inputValue(), v1.name);
  assert.equal(await app.field('Place name').inputValue(), v1.name);
  assert.equal(parseFigure(await app.field('Adults (18-64)').inputValue()), v1.population.adults);
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});
