// Soak (issue 11): thousands of random edits with undo and redo in one page.
// Afterwards: no console error, the results on the page equal the model
// called directly on the scenario the page holds, and the JavaScript heap
// (after garbage collection) has grown by less than 10% since the warm-up.
//
// The test command runs a shortened soak (SOAK_EDITS, default 400); the
// bench (scripts/bench.sh) runs the full 5,000.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage } from './browser.mjs';
import { CalculatorPage } from './pages/calculator.mjs';

const EDITS = Math.max(100, Number(process.env.SOAK_EDITS) || 400);
const CURRENT = 'workforce-gap:current';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Inputs that move the results, with a valid range each (as typed). */
const FIELDS = [
  ['f-places-0-population-children', 50_000, 200_000, 0],
  ['f-places-0-population-adults', 200_000, 500_000, 0],
  ['f-places-0-population-older', 50_000, 150_000, 0],
  ['f-places-0-need_index', 0.6, 1.6, 2],
  ['f-working_time-sickness_rate', 2, 9, 1],
  ['f-working_time-non_clinical_share', 15, 40, 1],
  ['f-services-0-target_coverage', 20, 60, 0],
  ['f-services-2-target_coverage', 60, 95, 0],
  ['f-roles-0-in_post_wte', 100, 300, 1],
  ['f-roles-1-in_post_wte', 20, 60, 1],
  ['f-projection-demand_growth', 0, 6, 1],
];

/** `count` random edits (a fixed seed), with undo and redo by key among them. */
function randomEdits({ fields, count, seed }) {
  let state = seed;
  const random = () => {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
    return ((state >>> 0) % 1_000_000) / 1_000_000;
  };
  const key = (k, shift) => document.dispatchEvent(new KeyboardEvent('keydown', {
    key: k, ctrlKey: true, shiftKey: shift, bubbles: true, cancelable: true,
  }));
  for (let i = 0; i < count; i++) {
    const r = random();
    if (r < 0.1) { key('z', false); continue; }
    if (r < 0.15) { key('Z', true); continue; }
    const [id, lo, hi, decimals] = fields[Math.floor(random() * fields.length)];
    const input = document.getElementById(id);
    if (!input) throw new Error(`no input #${id}`);
    input.value = (lo + random() * (hi - lo)).toFixed(decimals);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
  }
}

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  return (await cdp.send('Runtime.getHeapUsage')).usedSize;
}

test(`soak: ${EDITS} random edits with undo and redo; results still right, heap flat`, async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');

  // Warm up, then the baseline heap.
  await page.evaluate(randomEdits, { fields: FIELDS, count: 100, seed: 7 });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
  const heapBefore = await heapAfterGc(cdp);

  const batch = 10; // then a frame, so the page renders as it goes
  for (let done = 0; done < EDITS; done += batch) {
    await page.evaluate(randomEdits, { fields: FIELDS, count: Math.min(batch, EDITS - done), seed: 1000 + done });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  // The autosave is written half a second after the last change (hooks::AUTOSAVE_AFTER_MS).
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1000)));
  const heapAfter = await heapAfterGc(cdp);

  // Every value typed was valid: no problems, fresh results.
  assert.equal(await app.errorSummary().count(), 0);
  assert.equal(await app.staleBanner().count(), 0);
  // The page's results are the model's for the scenario the page holds (its autosave).
  await page.waitForFunction(() => true);
  const check = await page.evaluate((key) => {
    const scenario = JSON.parse(localStorage.getItem(key));
    const r = window.workforceGap.compute(scenario);
    const fmt = (v) => v.toLocaleString('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return {
      ok: r.ok,
      expected: r.ok ? fmt(r.results.total.extra_wte) : JSON.stringify(r.errors),
      shown: document.getElementById('headline-extra-wte').textContent.trim(),
      adultsInput: document.getElementById('f-places-0-population-adults').value.replace(/,/g, ''),
      adultsSaved: scenario.places[0].population.adults,
    };
  }, CURRENT);
  assert.ok(check.ok, check.expected);
  assert.equal(check.shown, check.expected, 'the headline is the model\'s answer for the saved scenario');
  assert.equal(Number(check.adultsInput), check.adultsSaved, 'what the page shows is what it saved');

  const growth = (heapAfter - heapBefore) / heapBefore;
  console.log(`soak: ${EDITS} edits; JS heap after GC ${(heapBefore / 1e6).toFixed(2)} MB -> ${(heapAfter / 1e6).toFixed(2)} MB (${(growth * 100).toFixed(1)}%)`);
  assert.ok(growth < 0.10, `JS heap grew ${(growth * 100).toFixed(1)}% (${heapBefore} -> ${heapAfter} bytes)`);
  assert.deepEqual(errors, [], 'no console error');
  assertSameOrigin();
  await context.close();
});
