// What the browser benchmarks share (browser-bench.mjs, ab.mjs, micro.mjs,
// load-ab.mjs, load-trace.mjs, load-profile.mjs, edit-trace.mjs,
// edit-profile.mjs, waterfall.mjs): the inputs edited, the in-page timers and
// probes, a fresh page for a load, the slow network, waiting for the
// whole page, and a page ready for its edits.

/** Lighthouse's mobile "slow 4G" (DevTools network throttling). */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };

/** The same as one line the test server shares between every response it sends (e2e/server.mjs `line`). */
export const SLOW_4G_LINE = { latency: SLOW_4G.latency, bytesPerSecond: SLOW_4G.downloadThroughput };

/**
 * Marks when `selector` first has text (`dom`), the frame after (`paint`: its
 * animation frame callback, before style and layout) and that frame painted
 * (`painted`), from before any script runs.
 */
export function firstFigureProbe(selector) {
  window.__first = {};
  const check = () => {
    const el = document.querySelector(selector);
    if (el && el.textContent.trim() && window.__first.dom === undefined) {
      window.__first.dom = performance.now();
      requestAnimationFrame(() => {
        window.__first.paint = performance.now();
        // A task queued in the frame runs after its style, layout and paint.
        const channel = new MessageChannel();
        channel.port1.onmessage = () => { window.__first.painted = performance.now(); };
        channel.port2.postMessage(0);
      });
      return true;
    }
    return false;
  };
  const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
}

/**
 * A fresh page (its own context, 1280x900) that records when `selector`'s
 * first figure shows (`firstFigureProbe`), at a CPU throttling rate and, if
 * given, a network profile; `{ context, page, cdp }`. For the load benches.
 */
export async function openLoadPage(browser, selector, { cpu = 1, network = null } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(firstFigureProbe, selector);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  return { context, page, cdp };
}

/** After `page.goto`: the probe's times once the first figure's frame has painted. */
export async function firstFigureTimes(page) {
  await page.waitForFunction(() => window.__first?.painted !== undefined, null, { timeout: 60_000 });
  return page.evaluate(() => window.__first);
}

/** Inputs that move the headline, and two values each to alternate between. */
export const EDIT_FIELDS = [
  ['f-places-0-population-children', ['90000', '110000']],
  ['f-places-0-population-adults', ['280000', '320000']],
  ['f-places-0-population-older', ['85000', '100000']],
  ['f-places-0-need_index', ['0.9', '1.2']],
  ['f-working_time-sickness_rate', ['4', '6']],
  ['f-working_time-non_clinical_share', ['25', '32']],
  ['f-services-0-target_coverage', ['30', '40']],
  ['f-services-2-target_coverage', ['80', '90']],
  ['f-roles-0-in_post_wte', ['180', '220']],
  ['f-roles-1-in_post_wte', ['30', '38']],
];

/**
 * In the page: set the input `inputSelector` to `value` and fire `input`;
 * ms from the event to the frame after `watchedSelector` changes (null if it
 * does not within 5 s).
 */
export function timeInputToRepaint([inputSelector, watchedSelector, value]) {
  // To a task after the next frame's rendering (as Interaction to Next Paint counts).
  const afterPaint = (fn) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = fn;
    channel.port2.postMessage(null);
  });
  return new Promise((resolveEdit) => {
    const input = document.querySelector(inputSelector);
    const watched = document.querySelector(watchedSelector);
    let t0 = 0;
    let done = false;
    const finish = (result) => { if (!done) { done = true; observer.disconnect(); resolveEdit(result); } };
    const observer = new MutationObserver(() => {
      observer.disconnect();
      afterPaint(() => finish(performance.now() - t0));
    });
    observer.observe(watched, { childList: true, subtree: true, characterData: true });
    setTimeout(() => finish(null), 5000);
    input.value = value;
    t0 = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
  });
}

/** Until the headline is in the page and the inputs below the first screen, which render just after its first paint. */
export function wholePage(page) {
  return page.waitForFunction(() => document.getElementById('headline-extra-wte') && document.getElementById('staff-table'));
}

/**
 * The `i`th edit of a run: [input, element whose text shows the change,
 * value]. `mode` 'present' moves the presentation's first lever; otherwise
 * the edits cycle through EDIT_FIELDS, each alternating its two values.
 */
export function benchEdit(mode, i) {
  if (mode === 'present') return ['.present__slider', '#present-extra-wte', i % 2 ? '1.1' : '0.9'];
  const [id, values] = EDIT_FIELDS[i % EDIT_FIELDS.length];
  return [`#${id}`, '#headline', values[Math.floor(i / EDIT_FIELDS.length) % 2]];
}

/**
 * A fresh page at `url` ready for `mode`'s edits: the whole page rendered,
 * then presentation mode on (1920x1080) or every section open (1280x900),
 * and with `analysis` the analysis loaded below the results. Returns
 * { context, page, cdp } (CPU throttling is the caller's, after this).
 */
export async function openBenchPage(browser, url, mode, { analysis = false } = {}) {
  const context = await browser.newContext({ viewport: mode === 'present' ? { width: 1920, height: 1080 } : { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await wholePage(page);
  if (mode === 'present') {
    await page.keyboard.press('p');
    await page.waitForSelector('#present-extra-wte');
  } else {
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  }
  if (analysis) {
    // The results column scrolled down to the analysis: it loads.
    await page.getByRole('button', { name: /^Show the ten-year projection/ }).click().catch(() => {});
    await page.waitForSelector('#analysis table', { state: 'attached', timeout: 30_000 });
  }
  return { context, page, cdp };
}

/**
 * In the page: set `inputSelector` to `value`, fire `input`, and return
 * [ms of script until `watchedSelector` changed (microtasks included), ms of
 * the forced style and layout after it], then idle so nothing deferred
 * overlaps the next edit; null if it did not change (micro.mjs, perfield.mjs).
 */
export const timeScriptAndLayout = async ([sel, watched, value]) => {
  const input = document.querySelector(sel);
  const before = document.querySelector(watched).textContent;
  input.value = value;
  const t0 = performance.now();
  input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
  for (let k = 0; k < 8 && document.querySelector(watched).textContent === before; k++) await new Promise((r) => queueMicrotask(r));
  for (let k = 0; k < 4; k++) await new Promise((r) => queueMicrotask(r));
  const t1 = performance.now();
  void document.body.offsetHeight;
  const t2 = performance.now();
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  await new Promise((r) => setTimeout(r, 60));
  return document.querySelector(watched).textContent === before ? null : [t1 - t0, t2 - t1];
};

/**
 * In the page: set `selector` to `value`, fire `input` (marked in a trace
 * with `console.timeStamp('edit')`), and resolve two frames later, when
 * what the edit deferred has run (edit-trace.mjs, inval.mjs, mutations.mjs).
 */
export function editThenTwoFrames([selector, value]) {
  return new Promise((done) => {
    const input = document.querySelector(selector);
    console.timeStamp('edit');
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
    requestAnimationFrame(() => setTimeout(() => requestAnimationFrame(() => setTimeout(done, 0)), 0));
  });
}
