// Keyboard and layout: Tab from the top reaches the skip link, then the
// inputs, every stop with a visible focus indicator; the page fits a 360px
// phone and a 1920px screen without sideways scrolling, and axe passes at both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage } from './pages/calculator.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** What has focus, and whether its focus indicator can be seen. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    const transparent = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && !transparent(s.outlineColor);
    const shadow = s.boxShadow !== 'none' && s.boxShadow !== '';
    const r = el.getBoundingClientRect();
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      text: (el.labels?.[0]?.innerText ?? el.getAttribute('aria-label') ?? el.innerText ?? '').trim().slice(0, 60),
      visibleFocus: outline || shadow,
      style: { outline: `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, boxShadow: s.boxShadow },
      onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
    };
  });
}

async function noHorizontalOverflow(page, label) {
  const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  assert.ok(m.scroll <= m.inner + 1, `${label}: the page scrolls sideways (${m.scroll}px wide in ${m.inner}px)`);
}

test('keyboard only: the skip link first, then the inputs, each with visible focus', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);

  // First Tab: the skip link, shown on screen while focused.
  await page.keyboard.press('Tab');
  let f = await focused(page);
  assert.equal(f?.tag, 'a');
  assert.equal(f.text, 'Skip to results');
  assert.ok(f.onScreen, 'the skip link appears when focused');
  assert.ok(f.visibleFocus, `the skip link shows focus: ${JSON.stringify(f.style)}`);
  await assertAccessible(page, 'skip link focused');
  await screenshot(page, 'layout-skip-link');

  // It jumps to the results.
  await page.keyboard.press('Enter');
  f = await focused(page);
  assert.equal(f?.id, 'results', 'focus moves to the results');

  // From the top again, Tab through to the inputs.
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  await page.reload();
  await app.waitForApp();
  const stops = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const stop = await focused(page);
    assert.ok(stop, `Tab ${i + 1} focuses something`);
    stops.push(stop);
    if (stop.text === 'Adults (18-64)') break;
  }
  const invisible = stops.filter((s) => !s.visibleFocus);
  assert.deepEqual(invisible, [], 'every focus stop is visibly focused');
  assert.equal(stops[0].text, 'Skip to results');
  const labels = stops.map((s) => s.text);
  for (const want of ['Start from', 'Save this scenario as', 'Scenario name', 'Adults (18-64)']) {
    assert.ok(labels.includes(want), `Tab reaches "${want}" (stops: ${labels.join(' | ')})`);
  }
  assert.ok(labels.indexOf('Start from') < labels.indexOf('Scenario name'), 'in reading order');
  const adults = stops.at(-1);
  assert.equal(adults.tag, 'input');
  assert.ok(adults.onScreen, 'the focused input is scrolled into view');
  await assertAccessible(page, 'input focused by keyboard');
  await screenshot(page, 'layout-input-focused');

  // Edit it by keyboard alone.
  const before = await app.extraWteValue();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('450000');
  assert.equal(await app.field('Adults (18-64)').inputValue(), '450000');
  await page.waitForFunction((b) => Number(document.querySelector('#headline-extra-wte').innerText.replace(/,/g, '')) > b, before);
  assertSameOrigin();
  await context.close();
});

for (const viewport of [{ width: 360, height: 740 }, { width: 1920, height: 1080 }]) {
  const size = `${viewport.width}x${viewport.height}`;
  test(`at ${size} the page fits without sideways scrolling`, async () => {
    const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url, { viewport });
    const app = new CalculatorPage(page);
    // Layout problems are collected and reported together at the end, so one
    // overflow does not hide the next.
    const problems = [];
    const check = async (fn) => { try { await fn(); } catch (e) { problems.push(e.message); } };

    await app.goto(server.url);
    await screenshot(page, `layout-${size}`);
    await screenshot(page, `layout-${size}-full`, { fullPage: true });
    await check(() => noHorizontalOverflow(page, `${size} loaded`));
    assert.ok(await app.extraWte().isVisible());
    const box = await app.extraWte().boundingBox();
    await check(() => assert.ok(box.x >= 0 && box.x + box.width <= viewport.width + 1, `the headline figure fits: ${JSON.stringify(box)}`));

    // Each headline figure fits inside its tile (no clipped "£10.2 millio").
    const clipped = await app.headline().locator('.headline__value').evaluateAll((els) => els
      .map((el) => {
        const tile = el.closest('.headline__item').getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(el);
        const text = range.getBoundingClientRect();
        return { id: el.id, text: el.innerText, overflow: Math.round(Math.max(text.right - tile.right, el.scrollWidth - el.clientWidth)) };
      })
      .filter((v) => v.overflow > 1));
    await check(() => assert.deepEqual(clipped, [], `${size}: headline figures overflow their tiles: ${JSON.stringify(clipped)}`));

    const inputs = await page.locator('.layout__inputs').boundingBox();
    const results = await page.locator('#results').boundingBox();
    await check(() => {
      if (viewport.width < 600) {
        assert.ok(results.y >= inputs.y + inputs.height - 1, 'on a phone, results stack under the inputs');
      } else {
        assert.ok(Math.abs(results.y - inputs.y) < 50 && results.x > inputs.x, 'on a wide screen, inputs and results sit side by side');
      }
    });
    await check(() => assertAccessible(page, `${size} loaded`));

    // Wide content (tables, charts' data tables, an error summary) scrolls in its own box.
    const show = page.getByRole('button', { name: 'Show data table' });
    for (let i = 0; i < 10 && (await show.count()) > 0; i++) await show.first().click();
    assert.equal(await show.count(), 0, 'every data table is open');
    await app.type('Adults (18-64)', 'a very long piece of text that is not a number at all, typed into the field');
    await app.errorSummary().waitFor();
    await app.staleBanner().scrollIntoViewIfNeeded();
    await screenshot(page, `layout-${size}-stale`);
    await page.getByRole('figure').first().scrollIntoViewIfNeeded();
    await screenshot(page, `layout-${size}-tables`);
    await check(() => noHorizontalOverflow(page, `${size} with data tables and an error`));
    await check(() => assertAccessible(page, `${size} with data tables and an error`));
    assert.deepEqual(problems, [], `${problems.length} layout problem(s) at ${size}:\n${problems.join('\n')}`);
    assert.deepEqual(errors, [], 'no errors in the console');
    assertSameOrigin();
    await context.close();
  });
}
