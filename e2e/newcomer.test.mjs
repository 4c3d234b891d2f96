// A newcomer's first visit: the example is open; they change a population
// and a service's target coverage and watch the extra WTE move the right
// way, drag the need index lever, then read the role table and the charts
// (and their data tables).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage, parseFigure } from './pages/calculator.mjs';

const STEP3 = 'NHS Talking Therapies: high intensity (step 3)';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the example opens; population and target coverage move the extra WTE the right way', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  assert.match(await app.heading().innerText(), /Mental Health Workforce Gap Calculator/);
  assert.equal(await app.field('Scenario name').inputValue(), 'Example place', 'the example opens first');
  await assertAccessible(page, 'example loaded');
  await screenshot(page, 'newcomer-loaded');

  const start = await app.extraWte().innerText();
  const startValue = parseFigure(start);
  assert.ok(startValue > 0, `the example has a gap: ${start}`);

  // More adults: more need, more staff.
  await app.type('Adults (18-64)', '450,000');
  const moreAdults = await app.waitForExtraWteChange(start);
  assert.ok(moreAdults > startValue, `more adults -> more extra WTE: ${startValue} -> ${moreAdults}`);
  assert.match(await page.getByText(/^Total population:/).innerText(), /650,000/);

  // A service's target coverage, inside its card.
  const target = app.field('Target coverage', STEP3);
  assert.equal(await target.inputValue(), '25');
  let before = await app.extraWte().innerText();
  await target.fill('50');
  const moreCoverage = await app.waitForExtraWteChange(before);
  assert.ok(moreCoverage > moreAdults, `more coverage -> more extra WTE: ${moreAdults} -> ${moreCoverage}`);

  before = await app.extraWte().innerText();
  await target.fill('10');
  const lessCoverage = await app.waitForExtraWteChange(before);
  assert.ok(lessCoverage < moreCoverage, `less coverage -> less extra WTE: ${moreCoverage} -> ${lessCoverage}`);
  assert.equal(await target.inputValue(), '10', 'the field shows what was typed');
  assert.equal(await app.staleBanner().count(), 0, 'valid input leaves nothing stale');
  await assertAccessible(page, 'population and coverage edited');
  await screenshot(page, 'newcomer-edited');

  assert.deepEqual(errors, [], 'no errors in the console');
  assertSameOrigin();
  await context.close();
});

test('the need index lever changes the headline and the form field with it', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);

  const lever = app.lever('Need index');
  assert.equal(await lever.count(), 1, 'one slider labelled "Need index"');
  assert.equal(await lever.inputValue(), '1');
  const start = await app.extraWte().innerText();
  const cost = await app.extraCost().innerText();

  // By keyboard, as a person in the room would: four steps of 0.05 up.
  await lever.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  const higher = await app.waitForExtraWteChange(start);
  assert.equal(await lever.inputValue(), '1.2');
  assert.ok(higher > parseFigure(start), `more need -> more extra WTE: ${start} -> ${higher}`);
  assert.notEqual(await app.extraCost().innerText(), cost, 'the cost moves too');
  assert.equal(await app.field('Need index').inputValue(), '1.2', 'the lever is the same input as the form');
  assert.match(await lever.getAttribute('aria-valuetext'), /1\.2/);
  await assertAccessible(page, 'lever moved');
  await screenshot(page, 'newcomer-lever');

  // And down again below the start.
  const mid = await app.extraWte().innerText();
  await lever.fill('0.7');
  const lower = await app.waitForExtraWteChange(mid);
  assert.ok(lower < parseFigure(start), `less need -> less extra WTE: ${start} -> ${lower}`);
  assert.equal(await app.field('Need index').inputValue(), '0.7');

  assert.deepEqual(errors, [], 'no errors in the console');
  assertSameOrigin();
  await context.close();
});

test('the role table has a Total row and the charts have text alternatives and data tables', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);

  // The role table (below the charts, with the analysis): one row per role,
  // then the Total that matches the headline.
  await app.showAnalysis();
  const table = app.roleTable();
  await table.waitFor();
  const example = await page.evaluate(() => window.workforceGap.exampleScenario());
  const bodyRows = table.locator('tbody').getByRole('row');
  assert.equal(await bodyRows.count(), example.roles.length, 'a row per role');
  const total = app.totalRow(table);
  assert.equal(await total.count(), 1, 'one Total row');
  const totalText = await total.innerText();
  const headline = await app.extraWte().innerText();
  assert.ok(totalText.includes(`${headline} extra`), `Total row "${totalText}" shows the headline ${headline}`);
  assert.match(totalText, /£[\d,]+/, 'the Total row has the extra cost');
  assert.equal(await app.totalRow((await app.inAnalysis()).servicesTable()).count(), 1, 'the services table has a Total row too');

  // Sorting by a column says so to assistive technology.
  const gapHeader = table.getByRole('columnheader', { name: /Gap WTE/ });
  assert.equal(await gapHeader.getAttribute('aria-sort'), 'none');
  await gapHeader.getByRole('button').click();
  assert.equal(await gapHeader.getAttribute('aria-sort'), 'descending', 'numbers sort biggest first');
  const gaps = await bodyRows.evaluateAll((rows) => rows.map((r) => Number(r.cells[5].innerText.replace(/,/g, ''))));
  assert.deepEqual(gaps, [...gaps].sort((a, b) => b - a), 'rows are sorted by gap, biggest first');
  assert.equal(await app.totalRow(table).count(), 1, 'the Total row stays (in the footer)');
  await assertAccessible(page, 'role table sorted');

  // Charts: figures with a caption, an SVG image with a name and a description
  // (the tornado loads with the lower part of the results).
  await app.showAnalysis();
  await page.locator('#chart-tornado').waitFor();
  const figures = app.figures();
  const count = await figures.count();
  assert.ok(count >= 3, `at least three charts (by role, projection, tornado); found ${count}`);
  for (let i = 0; i < count; i++) {
    const figure = figures.nth(i);
    const caption = (await figure.locator('figcaption').innerText()).trim();
    assert.ok(caption.length > 0, `chart ${i} has a caption`);
    const img = figure.getByRole('img');
    assert.equal(await img.count(), 1, `chart "${caption}" has one role=img`);
    assert.equal(await img.evaluate((el) => el.tagName.toLowerCase()), 'svg');
    const desc = await img.evaluate((el) => el.querySelector('desc')?.textContent ?? '');
    assert.ok(desc.length > 20, `chart "${caption}" describes its data: "${desc}"`);
    // Every label is drawn inside the chart's viewBox (none cut off at an edge).
    const clipped = await img.evaluate((svg) => {
      const vb = svg.viewBox.baseVal;
      const toSvg = svg.getScreenCTM().inverse();
      const bounds = (t) => {
        // The box in the SVG's own units, through any transform (rotated axis titles).
        const box = t.getBBox();
        const m = toSvg.multiply(t.getScreenCTM());
        const pts = [[box.x, box.y], [box.x + box.width, box.y], [box.x, box.y + box.height], [box.x + box.width, box.y + box.height]]
          .map(([x, y]) => new DOMPoint(x, y).matrixTransform(m));
        const xs = pts.map((p) => p.x);
        const ys = pts.map((p) => p.y);
        return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
      };
      return [...svg.querySelectorAll('text')].map((t) => ({ text: t.textContent, b: bounds(t) }))
        .filter(({ b }) => b.width > 0 && (b.x < vb.x - 1 || b.y < vb.y - 1 || b.x + b.width > vb.x + vb.width + 1 || b.y + b.height > vb.y + vb.height + 1))
        .map(({ text, b }) => `"${text}" at x ${Math.round(b.x)}..${Math.round(b.x + b.width)}, y ${Math.round(b.y)}..${Math.round(b.y + b.height)} (viewBox ${vb.width}x${vb.height})`);
    });
    assert.deepEqual(clipped, [], `chart "${caption}" has labels outside its drawing area`);

    // The data table toggle.
    const toggle = figure.getByRole('button', { name: 'Show data table' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    const dataTable = figure.getByRole('table');
    assert.equal(await dataTable.count(), 0, 'the data table starts hidden');
    await toggle.click();
    const hide = figure.getByRole('button', { name: 'Hide data table' });
    assert.equal(await hide.getAttribute('aria-expanded'), 'true');
    await dataTable.waitFor();
    assert.ok(await dataTable.isVisible(), `chart "${caption}" shows its table`);
    assert.ok((await dataTable.getByRole('row').count()) >= 2, 'the table has a header and data');
    if (i === 0) {
      await figure.scrollIntoViewIfNeeded();
      await assertAccessible(page, 'chart data table shown');
      await screenshot(page, 'newcomer-chart-table');
    }
    await hide.click();
    assert.equal(await figure.getByRole('button', { name: 'Show data table' }).getAttribute('aria-expanded'), 'false');
    assert.equal(await dataTable.count(), 0, 'hidden again');
  }

  assert.deepEqual(errors, [], 'no errors in the console');
  assertSameOrigin();
  await context.close();
});
