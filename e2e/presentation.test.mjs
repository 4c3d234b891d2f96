// Presentation mode for a facilitator at a projector, driven by the keyboard
// only, at 1920x1080 and 1280x720: it loads on demand (the panels module),
// fills the screen without scrolling, shows the baseline beside the live
// figures, marks and flips between A, B and C, goes back to the baseline,
// and leaves with the page in the state the room reached.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage, parseFigure } from './pages/calculator.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const secondModule = (requests) => requests.filter((u) => /\/panels-[0-9a-f]+(_bg\.wasm|\.js)$/.test(new URL(u).pathname));

class Presentation {
  constructor(page) { this.page = page; }
  region() { return this.page.getByRole('region', { name: 'Presentation mode' }); }
  extraWte() { return this.page.locator('#present-extra-wte'); }
  since() { return this.page.locator('#present-since'); }
  async extraWteValue() { return parseFigure(await this.extraWte().innerText()); }
  async waitForChange(previous) {
    await this.page.waitForFunction((prev) => document.querySelector('#present-extra-wte')?.innerText !== prev, previous);
    return this.extraWte().innerText();
  }
  /** The figure once it has stopped changing (several key presses' edits still arriving), for 300 ms. */
  async settled() {
    await this.page.waitForFunction(() => new Promise((resolve) => {
      const el = document.querySelector('#present-extra-wte');
      const before = el?.innerText;
      setTimeout(() => resolve(el?.innerText === before), 300);
    }));
    return this.extraWte().innerText();
  }
  focusedId() { return this.page.evaluate(() => document.activeElement?.id ?? ''); }
}

for (const [width, height] of [[1920, 1080], [1280, 720]]) {
  test(`at ${width}x${height}, by keyboard only: levers, baseline, A/B/C, reset, key list, leave`, async () => {
    const { page, context, requests, errors, assertSameOrigin } = await openPage(browser, server.url, { viewport: { width, height } });
    const app = new CalculatorPage(page);
    await app.goto(server.url, { api: false });
    assert.deepEqual(secondModule(requests), [], 'presentation mode is not part of the first load');
    const start = await app.extraWte().innerText();

    await page.keyboard.press('p');
    const show = new Presentation(page);
    await show.region().waitFor();
    assert.equal(secondModule(requests).length, 2, 'its module (script and wasm) came when asked for');
    assert.equal(await show.extraWte().innerText(), start, 'the live figure starts at the page\'s');
    assert.match(await show.focusedId(), /^present-lever-/, 'the first lever has the focus');

    // Nothing scrolls, and everything is on the screen.
    const fits = await page.evaluate(() => {
      const present = document.querySelector('.present');
      const outside = [...present.querySelectorAll('input, button, .present__number, figure svg')]
        .filter((el) => { const r = el.getBoundingClientRect(); return r.bottom > innerHeight + 1 || r.right > innerWidth + 1 || r.top < -1; })
        .map((el) => el.id || el.className.baseVal || el.className || el.tagName);
      // Nothing overlaps: the figures and the chart end above the levers.
      const leversTop = present.querySelector('.present__levers').getBoundingClientRect().top;
      const over = [...present.querySelectorAll('.present__figure, .present__chart svg')]
        .filter((el) => el.getBoundingClientRect().bottom > leversTop + 1).map((el) => el.className.baseVal ?? el.className);
      // And none is cut short by the figures' column (the last one was, at 1280x720 with the staff warning).
      const figuresBottom = present.querySelector('.present__figures').getBoundingClientRect().bottom;
      const cut = [...present.querySelectorAll('.present__figure')]
        .filter((el) => el.getBoundingClientRect().bottom > figuresBottom + 1).map((el) => `cut: ${el.textContent.slice(0, 30)}`);
      return { overflow: present.scrollHeight - present.clientHeight, outside: [...outside, ...over, ...cut] };
    });
    assert.equal(fits.overflow <= 1, true, `the presentation does not scroll (${fits.overflow}px over)`);
    assert.deepEqual(fits.outside, [], 'every lever, button and figure is on the screen, none over another');
    // Type large enough for the back of a room.
    const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('.present label, .present p, .present button, .present output')]
      .filter((el) => el.offsetParent && el.textContent.trim()).map((el) => parseFloat(getComputedStyle(el).fontSize))));
    assert.ok(smallest >= 18, `smallest type ${smallest}px`);
    const levers = await show.region().getByRole('slider').count();
    assert.ok(levers >= 7 && levers <= 10, `four levers by sensitivity plus coverage, retention, need, years to reach target, extra training places and international recruits: ${levers}`);

    // Arrow keys move the focused lever: the figure moves, the baseline stays.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await show.waitForChange(start);
    const moved = await show.settled();
    assert.notEqual(moved, start);
    assert.match(await show.since().innerText(), new RegExp(`^When we started: ${start.replace('.', '\\.')} WTE\\. Now: .+ \\([+-]`));
    // The place is no longer the example's, so its staff are said not to be
    // hers: in a row of its own, over nothing, and the figures still fit.
    const warned = await page.evaluate(() => {
      const present = document.querySelector('.present');
      const warning = present.querySelector('.staff-warning');
      const leversTop = present.querySelector('.present__levers').getBoundingClientRect().top;
      return warning && {
        clear: warning.getBoundingClientRect().bottom <= present.querySelector('.present__body').getBoundingClientRect().top + 1,
        over: [...present.querySelectorAll('.present__figure, .present__chart svg')].filter((el) => el.getBoundingClientRect().bottom > leversTop + 1).length
          + [...present.querySelectorAll('.present__figure')].filter((el) => el.getBoundingClientRect().bottom > present.querySelector('.present__figures').getBoundingClientRect().bottom + 1).length,
      };
    });
    assert.deepEqual(warned, { clear: true, over: 0 }, 'the staff warning shows, above the figures and the chart, and they still fit');
    await assertAccessible(page, `presentation ${width}x${height}`);
    await screenshot(page, `presentation-${width}x${height}`);

    // A marks this state; more change; B marks that; A shows A again.
    await page.keyboard.press('a');
    await show.region().getByRole('button', { name: 'Show A' }).waitFor();
    await page.keyboard.press('Tab');
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowLeft');
    await show.waitForChange(moved);
    const atB = await show.settled();
    await page.keyboard.press('b');
    await page.keyboard.press('a');
    assert.equal(await show.waitForChange(atB), moved, 'A brings back the marked state');
    assert.equal(await show.region().getByRole('button', { name: 'Show A' }).getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('b');
    assert.equal(await show.waitForChange(moved), atB, 'B too');

    // R: back to the baseline.
    await page.keyboard.press('r');
    assert.equal(await show.waitForChange(atB), start);
    assert.match(await show.since().innerText(), /\(no change\)$/);

    // ?: the key list, and again to hide it.
    await page.keyboard.press('?');
    const keys = page.getByRole('dialog', { name: 'Keys' });
    await keys.waitFor();
    assert.match(await keys.innerText(), /Arrow keys/);
    await page.keyboard.press('?');
    await keys.waitFor({ state: 'detached' });

    // B again, then P leaves: the page shows the state the room reached.
    await page.keyboard.press('b');
    await show.waitForChange(start);
    await page.keyboard.press('p');
    await show.region().waitFor({ state: 'hidden' });
    assert.equal(await app.extraWte().innerText(), atB, 'the page follows the presentation');
    await assertAccessible(page, 'after presentation mode');
    // P again: the same presentation, its baseline kept.
    await page.locator('body').press('p');
    await show.region().waitFor();
    assert.match(await show.since().innerText(), new RegExp(`^When we started: ${start.replace('.', '\\.')} WTE`));
    await page.keyboard.press('Escape');
    await show.region().waitFor({ state: 'hidden' });
    assert.deepEqual(errors, []);
    assertSameOrigin();
    await context.close();
  });
}

test('marked states are saved as named scenarios after the session; F goes full screen', async () => {
  const { page, context, errors, assertSameOrigin } = await openPage(browser, server.url, { viewport: { width: 1280, height: 720 } });
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await app.button('Presentation mode (P)').click();
  const show = new Presentation(page);
  await show.region().waitFor();
  await show.region().getByRole('button', { name: 'Mark A' }).click();
  const retention = show.region().getByRole('slider', { name: /Retention improvement/ });
  await retention.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await show.region().getByRole('button', { name: 'Mark B' }).click();
  await show.region().getByRole('button', { name: 'Save marked states' }).click();
  await app.notice('Saved the marked states as scenarios in this browser.').waitFor();
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement !== null);
  await page.keyboard.press('f');
  await page.waitForFunction(() => document.fullscreenElement === null);
  await page.keyboard.press('p');
  await show.region().waitFor({ state: 'hidden' });
  const names = await app.savedNames();
  assert.deepEqual(names.filter((n) => /\((A|B)\)$/.test(n)).sort(), ['Example place (A)', 'Example place (B)']);
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});
