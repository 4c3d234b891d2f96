// The decade plan (issue 18, MODEL.md section 8): a planner sets a training
// pipeline for a role and a coverage ramp in the page and reads the plan;
// every new input refuses bad values at its own field; a cross-field error
// marks each field it involves and quotes numbers shortly; the new levers
// are on the projector; exports carry the new fields.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage } from './pages/calculator.mjs';

const NURSE = 'Mental health nurse';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Open a collapsed panel by the heading in its summary. */
async function openPanel(page, title) {
  const panel = page.locator('details.panel').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
  if (!(await panel.evaluate((d) => d.open))) await panel.locator('> summary').click();
  return panel;
}

/**
 * The nurse's pipeline cells, shown (the staff table's pipeline columns),
 * with its details row open (each default's source): `getByLabel` finds
 * the nurse's cell of a column.
 */
async function nursePipeline(app) {
  const toggle = app.button('Show training pipeline columns');
  if ((await toggle.getAttribute('aria-pressed')) !== 'true') await toggle.click();
  const details = app.button(`Details of ${NURSE}`);
  if ((await details.getAttribute('aria-expanded')) !== 'true') await details.click();
  const rows = app.role(NURSE);
  return {
    getByLabel: (label, options) => app.field(label, NURSE),
    locator: (selector) => rows.locator(selector),
  };
}

test('a pipeline and a ramp set in the page give a plan with places, first qualifiers and the year the gap closes', async () => {
  const { page, errors, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const before = await app.headlineTexts();

  const card = await nursePipeline(app);
  assert.equal(await card.getByLabel('Training years', { exact: true }).inputValue(), '3', 'the built-in course length');
  // Each default's citation is fetched when it is first opened.
  const source = card.locator('details.field__source').filter({ hasText: 'Default 65%: sourced' });
  await source.locator('summary').click();
  await source.getByText(/RePAIR \(Health Education England, 2018\)/).waitFor();
  assert.equal(await card.getByLabel('Course completion', { exact: true }).inputValue(), '65');
  await card.getByLabel('Extra training places a year', { exact: true }).fill('14');
  await card.getByLabel('International recruits a year', { exact: true }).fill('2');
  await openPanel(page, 'Ten-year projection and uncertainty');
  const ramp = page.getByLabel('Years to reach target coverage', { exact: true });
  await ramp.fill('5');
  // Places and recruits change the supply over the years, not today's gap.
  await page.waitForFunction(() => !document.querySelector('#stale-banner'));
  assert.deepEqual(await app.headlineTexts(), before, 'today\'s extra WTE and cost are the need at target coverage');

  await app.showAnalysis();
  const takes = page.locator('#what-it-takes');
  const nurseRow = takes.getByRole('row').filter({ has: page.getByRole('rowheader', { name: NURSE, exact: true }) });
  const rowText = await nurseRow.innerText();
  assert.match(rowText, /year 3/i, `first qualifiers in year 3: ${rowText}`);
  const plan = page.getByRole('list', { name: /decade plan/i });
  const sentence = await plan.getByRole('listitem').filter({ hasText: NURSE }).first().innerText();
  assert.match(sentence, /training places/i, sentence);
  assert.match(sentence, /year 3/, sentence);
  // The psychiatrist's six-year course still arrives within ten years.
  assert.ok((await plan.getByRole('listitem').count()) >= 13, 'one sentence per role');

  // The role table shows today's coverage beside staff in post.
  const table = page.getByRole('table').filter({ has: page.getByRole('columnheader', { name: /Required for today's coverage/ }) });
  assert.equal(await table.count(), 1, 'the role table has the column');

  // JSON export is version 3 with the pipeline and the ramp.
  await app.showMore();
  const json = JSON.parse((await app.download('Export scenario (JSON)')).text);
  assert.equal(json.version, 3);
  assert.equal(json.projection.ramp_years, 5);
  const nurse = json.roles.find((r) => r.id === 'mh_nurse');
  assert.equal(nurse.pipeline.extra_places_per_year, 14);
  assert.equal(nurse.pipeline.international_per_year, 2);
  const csv = (await app.download('Export results (CSV)')).text;
  assert.match(csv, /places_needed/, 'the CSV has the new results');

  // Undo takes the ramp back.
  await ramp.focus();
  await page.keyboard.press('Control+z');
  await page.waitForFunction((id) => document.getElementById(id)?.value === '0', await ramp.getAttribute('id'));
  await assertAccessible(page, 'decade plan');
  await screenshot(page, 'decade-plan', { fullPage: false });
  assert.deepEqual(errors, []);
  assertSameOrigin();
});

test('every new input refuses bad values at its own field and keeps what was typed', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const good = await app.headlineTexts();
  const card = await nursePipeline(app);
  const cases = [
    ['Training years', '2.5', /whole number of years/],
    ['Training years', '16', /whole number of years from 0 to 15/],
    ['Course completion', '120', /between 0% and 100%/],
    ['Qualifiers who join', '-5', /between 0% and 100%/],
    ['Extra training places a year', '-1', /0 or more/],
    ['International recruits a year', 'lots', /Enter a number/],
    ['Extra training places a year', '1' + '0'.repeat(400), /./],
  ];
  for (const [label, text, message] of cases) {
    const input = card.getByLabel(label, { exact: true });
    const kept = await input.inputValue();
    await input.fill(text);
    await app.errorSummary().waitFor();
    assert.equal(await input.getAttribute('aria-invalid'), 'true', `${label} = ${text.slice(0, 20)}`);
    assert.match(await app.inlineError(input) ?? '', message, `${label} = ${text.slice(0, 20)}`);
    assert.equal(await input.inputValue(), text, 'what was typed stays');
    assert.deepEqual(await app.headlineTexts(), good, 'the last good results stay');
    await input.fill(kept);
    await page.waitForFunction(() => !document.querySelector('.error-summary'));
  }

  // Years to reach target coverage: a whole number, no more than the years
  // to project; the second marks both fields.
  await openPanel(page, 'Ten-year projection and uncertainty');
  const ramp = page.getByLabel('Years to reach target coverage', { exact: true });
  const years = page.getByLabel('Years to project', { exact: true });
  await ramp.fill('2.5');
  await app.errorSummary().waitFor();
  assert.match(await app.inlineError(ramp), /whole number of years/);
  await ramp.fill('12');
  await app.errorSummary().getByRole('link', { name: /cannot be more than the years to project/ }).waitFor();
  assert.equal(await ramp.getAttribute('aria-invalid'), 'true');
  assert.equal(await years.getAttribute('aria-invalid'), 'true', 'the years to project are marked too');
  await ramp.fill('0');
  await page.waitForFunction(() => !document.querySelector('.error-summary'));
  assert.deepEqual(errors, []);
});

test('holidays of 1 followed by 308 zeros: every field involved is marked, the message is short, the link goes to the field', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await openPanel(page, 'Working time');
  const holidays = page.getByLabel('Public holidays', { exact: true });
  await holidays.fill('1' + '0'.repeat(308));
  const link = app.errorSummary().getByRole('link', { name: /leave no working days/ });
  await link.waitFor();
  const text = await link.innerText();
  assert.ok(text.length < 140, `short: ${text}`);
  assert.ok(!/0{20}/.test(text), `no run of zeros: ${text}`);
  for (const label of ['Public holidays', 'Annual leave', 'Training days']) {
    const input = page.getByLabel(label, { exact: true });
    assert.equal(await input.getAttribute('aria-invalid'), 'true', label);
    assert.match(await app.inlineError(input) ?? '', /leave no working days/, label);
  }
  await link.click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), await holidays.getAttribute('id'), 'the link focuses public holidays');
  await assertAccessible(page, 'cross-field error');
  await holidays.fill('8');
  await page.waitForFunction(() => !document.querySelector('.error-summary'));
  assert.deepEqual(errors, []);
});

test('presentation mode has levers for extra training places, international recruits and years to reach target', async () => {
  const { page, errors } = await openPage(browser, server.url, { viewport: { width: 1920, height: 1080 } });
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await page.keyboard.press('p');
  const region = page.getByRole('region', { name: /Presentation/ });
  await region.getByRole('slider').first().waitFor();
  for (const name of [/^Extra training places a year/, /^International recruits a year/, /^Years to reach target coverage/]) {
    assert.equal(await region.getByRole('slider', { name }).count(), 1, String(name));
  }
  const places = region.getByRole('slider', { name: /^Extra training places a year/ });
  await places.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await places.inputValue(), '5', 'whole places, one a step');
  await assertAccessible(page, 'presentation with decade levers');
  await page.keyboard.press('Escape');
  assert.deepEqual(errors, []);
});
