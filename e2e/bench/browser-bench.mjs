// Browser benchmark for the benchmark build of the app (target/dist-bench), in Debian's Chromium, all on
// 127.0.0.1. Not part of the test suite. Run:
//
//   bash scripts/bench.sh                      (criterion, the bench build, then this)
//   node e2e/bench/browser-bench.mjs           (BENCH_N=30 by default; serves
//                                               target/dist-bench, or BENCH_DIST)
//   BENCH_N=10 node e2e/bench/browser-bench.mjs (quicker)
//
// Measures:
//  (0) load under six profiles (plain; 4x CPU throttling; 4x CPU and a slow
//      network, Lighthouse's "slow 4G": 150 ms round trip, 1.6 Mbit/s down,
//      from a server that compresses with gzip, one with brotli, and one that
//      does not compress; and slow 4G as one line that the server shares
//      between every response it sends, the service worker's included, which
//      the browser's own emulation does not slow),
//      for the calculator and for the bare Yew counter (tools/size-baseline)
//      measured the same way and turn about (one load of each per round, so
//      a drifting machine slows both alike; BENCH_ONLY=load for these
//      alone): navigation start to the frame after the first
//      figure is in the page; and keystroke-to-repaint over 200 edits of
//      different inputs, plain and at 4x CPU (median and 95th percentile),
//      back to back and at a person's pace (TYPING_PAUSE_MS after each
//      repaint, as between keystrokes: work a page leaves for after its
//      paint is then done before the next key, as it is for a person);
//  (a) load: navigation start to the `workforce-gap-ready` event, to the
//      headline figure being in the DOM, and to the frame after that, over N
//      fresh browser contexts (cold: no cache, no storage);
//  (b) input-to-paint: dispatching an `input` event on the adults population
//      field to the animation frame after the headline text changes, over N
//      edits (the example, and the example with six uncertainty ranges, whose
//      headline band reruns 2,000 draws on every edit);
//  (c) the JS API: compute(exampleScenario()) per call (1,000 calls in a loop),
//      sensitivity(example) per call, and uncertainty(example with ranges,
//      10000, 1) per call;
//  (d) a 13 x 5 block pasted into the staff table to repaint, plain and at
//      4x CPU; importing staff in post from a generated CSV
//      (BENCH_IMPORT_MB, 200 by default): MB/s and the longest task;
// then prints a markdown table and writes e2e/bench/results.json. If
// target/criterion/*/new/estimates.json exist (from `cargo bench --bench
// model`), it also prints the wasm/native ratio for each API function.
import { readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { EDIT_FIELDS, SLOW_4G, SLOW_4G_LINE, benchEdit, firstFigureProbe, firstFigureTimes, openLoadPage, timeInputToRepaint, wholePage } from './common.mjs';

/** A person's pause between keystrokes (ms from one repaint to the next key): 100 ms is a fast typist. */
const TYPING_PAUSE_MS = Number(process.env.TYPING_PAUSE_MS) || 100;

const ROOT = resolve(import.meta.dirname, '..', '..');
const N = Math.max(3, Math.min(200, Number(process.env.BENCH_N) || 30));
const COMPUTE_CALLS = 1000;
const UNCERTAINTY_RUNS = Math.max(3, Math.min(15, Math.round(N / 3)));
const SENSITIVITY_CALLS = 50;

/** The six ranges benches/model.rs uses, so wasm and native do the same work. */
const RANGES = {
  'places.place.need_index': [0.8, 1.3],
  'working_time.non_clinical_share': [0.2, 0.4],
  'services.cmh.caseload_per_wte': [18.0, 35.0],
  'services.talking_li.target_coverage': [0.18, 0.3],
  'services.acute_beds.length_of_stay_days': [30.0, 45.0],
  'roles.mh_nurse.leaver_rate': [0.09, 0.15],
};

function stats(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { n: 0, median: NaN, p90: NaN, min: NaN, max: NaN };
  const q = (p) => {
    const i = (v.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return v[lo] + (v[hi] - v[lo]) * (i - lo);
  };
  return { n: v.length, median: q(0.5), p90: q(0.9), min: v[0], max: v.at(-1) };
}

const ms = (x) => (Number.isFinite(x) ? x.toFixed(x < 1 ? 3 : x < 10 ? 2 : 1) : '–');

/** Records when the JavaScript API is ready (ms since navigation start), from before the app runs. */
function readyProbe() {
  addEventListener('workforce-gap-ready', () => { window.__ready = performance.now(); }, { once: true });
}

async function measureLoads(browser, url) {
  const ready = [];
  const headline = [];
  const paint = [];
  for (let i = 0; i < N; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(firstFigureProbe, '#headline-extra-wte');
    await context.addInitScript(readyProbe);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__first?.paint !== undefined, null, { timeout: 30_000 });
    // The API comes with the panels module when a script first asks for it.
    const asked = await page.evaluate(() => { const at = performance.now(); void window.workforceGap; return at; });
    await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 30_000 });
    const b = await page.evaluate(() => ({ ready: window.__ready, ...window.__first }));
    ready.push(b.ready - asked);
    headline.push(b.dom);
    paint.push(b.paint);
    await context.close();
  }
  return { ready: stats(ready), headline: stats(headline), headlinePaint: stats(paint) };
}

/** One edit: set the adults field, dispatch input, time to the frame after the headline changes. */
function timeEdit(value) {
  // What the user waits for, as Interaction to Next Paint counts it: to a
  // task after the next frame's rendering (style, layout, paint), not just
  // to its requestAnimationFrame callback, which runs before them.
  const afterPaint = (fn) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = fn;
    channel.port2.postMessage(null);
  });
  return new Promise((resolveEdit) => {
    const input = document.getElementById('f-places-0-population-adults');
    const text = () => document.getElementById('headline-extra-wte')?.textContent;
    const before = text();
    let t0 = 0;
    let done = false;
    const finish = (result) => { if (!done) { done = true; observer.disconnect(); resolveEdit(result); } };
    const observer = new MutationObserver(() => {
      if (text() !== before) {
        observer.disconnect();
        afterPaint(() => finish(performance.now() - t0));
      }
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    setTimeout(() => finish(null), 5000);
    input.value = String(value);
    t0 = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: String(value).slice(-1) }));
  });
}

async function measureEdits(browser, url, scenario) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (scenario) {
    await context.addInitScript((json) => localStorage.setItem('workforce-gap:current', json), JSON.stringify(scenario));
  }
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.workforceGap && document.getElementById('headline-extra-wte'));
  // Settle: two frames, then a warm-up edit.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(timeEdit, 299_000);
  const band = await page.evaluate(() => document.getElementById('headline')?.textContent ?? '');
  if (scenario?.ranges && !/percentile/.test(band)) throw new Error('the ranged scenario did not load: no percentile band in the headline');
  const times = [];
  let misses = 0;
  for (let i = 0; i < N; i++) {
    const t = await page.evaluate(timeEdit, 300_000 + (i + 1) * 5_000);
    if (t === null) misses++;
    else times.push(t);
  }
  await context.close();
  return { ...stats(times), misses };
}

async function measureApi(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.workforceGap);
  const result = await page.evaluate(({ calls, runs, sensCalls, ranges }) => {
    const gap = window.workforceGap;
    const example = gap.exampleScenario();
    const ranged = { ...gap.exampleScenario(), ranges };
    const check = gap.uncertainty(ranged, 10, 1);
    if (!check.ok) throw new Error(`the ranged example is not valid: ${JSON.stringify(check.errors)}`);

    // Warm every function up first, so no loop pays for tiering up.
    for (let i = 0; i < 50; i++) {
      gap.exampleScenario();
      gap.compute(example);
      gap.compute(JSON.stringify(example));
    }

    // exampleScenario() itself.
    let t = performance.now();
    for (let i = 0; i < 100; i++) gap.exampleScenario();
    const exampleMs = (performance.now() - t) / 100;

    // compute(): warm up, then 1,000 calls (a fresh object each call would add
    // exampleScenario()'s cost; the same object is converted afresh each call).
    for (let i = 0; i < 50; i++) gap.compute(example);
    t = performance.now();
    let sink = 0;
    for (let i = 0; i < calls; i++) sink += gap.compute(example).results.total.extra_wte;
    const computeMs = (performance.now() - t) / calls;
    // And with a fresh exampleScenario() each call, as the README's snippet does.
    t = performance.now();
    for (let i = 0; i < calls; i++) sink += gap.compute(gap.exampleScenario()).results.total.extra_wte;
    const computeFreshMs = (performance.now() - t) / calls;
    // JSON text in.
    const text = JSON.stringify(example);
    t = performance.now();
    for (let i = 0; i < calls; i++) sink += gap.compute(text).results.total.extra_wte;
    const computeTextMs = (performance.now() - t) / calls;

    for (let i = 0; i < 3; i++) gap.sensitivity(example);
    t = performance.now();
    for (let i = 0; i < sensCalls; i++) sink += gap.sensitivity(example).rows.length;
    const sensitivityMs = (performance.now() - t) / sensCalls;

    gap.uncertainty(ranged, 10000, 1);
    const unc = [];
    for (let i = 0; i < runs; i++) {
      t = performance.now();
      const r = gap.uncertainty(ranged, 10000, 1);
      unc.push(performance.now() - t);
      sink += r.result.extra_wte.p50;
    }
    // The model alone inside wasm (no JS conversion): the same workloads as
    // `cargo bench --bench model`, timed by workforceGap.benchmark().
    gap.benchmark('compute', 1000);
    const inWasm = {
      compute: gap.benchmark('compute', 20000).per_call_ms,
      sensitivity: gap.benchmark('sensitivity', 200).per_call_ms,
      uncertainty: gap.benchmark('uncertainty', runs).per_call_ms,
    };
    return { exampleMs, computeMs, computeFreshMs, computeTextMs, sensitivityMs, uncertaintyRuns: unc, inWasm, sink };
  }, { calls: COMPUTE_CALLS, runs: UNCERTAINTY_RUNS, sensCalls: SENSITIVITY_CALLS, ranges: RANGES });
  const version = await page.evaluate(() => window.workforceGap.version);
  const chromium = browser.version();
  await context.close();
  return { ...result, uncertainty: stats(result.uncertaintyRuns), version, chromium };
}

/**
 * Fresh loads under a CPU rate and optional network profile, `n` rounds of
 * one load of each app (`apps`: the calculator, then the counter, each a
 * url and the selector of its first figure), turn about (each round
 * starting with the other app), so a machine whose speed drifts during the
 * run slows both alike. For each app, ms to the frame after the first
 * figure (its animation frame callback), and, as `painted`, to that frame
 * painted; and the calculator's time over the counter's paired by round
 * (median).
 */
async function measureProfileLoads(browser, apps, { cpu = 1, network = null }, n) {
  const times = apps.map(() => ({ paint: [], painted: [] }));
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < apps.length; k++) {
      const a = (k + i) % apps.length;
      const { context, page } = await openLoadPage(browser, apps[a].selector, { cpu, network });
      await page.goto(apps[a].url);
      const first = await firstFigureTimes(page);
      times[a].paint.push(first.paint);
      times[a].painted.push(first.painted);
      await context.close();
    }
  }
  const paired = (kind) => stats(times[0][kind].map((t, i) => t / times[1][kind][i])).median;
  const [calculator, counter] = times.map((t) => ({ ...stats(t.paint), painted: stats(t.painted) }));
  return { calculator, counter, pairedRatio: paired('paint'), pairedPaintedRatio: paired('painted') };
}

/** `edits` timed edits after 10 to warm up (`edit(i)`: the arguments of timeInputToRepaint): median, p95, misses. */
async function repaintTimes(page, edits, edit, pauseMs = 0) {
  const times = [];
  let misses = 0;
  for (let i = 0; i < edits + 10; i++) {
    if (pauseMs) await page.waitForTimeout(pauseMs);
    const t = await page.evaluate(timeInputToRepaint, edit(i));
    if (i < 10) continue; // warm-up
    if (t === null) misses++;
    else times.push(t);
  }
  const s = stats(times);
  const sorted = times.slice().sort((a, b) => a - b);
  const p95 = sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] : NaN;
  return { ...s, p95, misses };
}

/**
 * In the page: paste `text` (a block, as a spreadsheet copies it) into the
 * staff table's first in-post cell; ms from the paste event to the frame
 * after the headline changes (null if it does not within 5 s).
 */
function timePasteToRepaint(text) {
  const afterPaint = (fn) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = fn;
    channel.port2.postMessage(null);
  });
  return new Promise((resolvePaste) => {
    const input = document.querySelector('#f-roles-0-in_post_wte');
    const watched = document.querySelector('#headline');
    let t0 = 0;
    let done = false;
    const finish = (result) => { if (!done) { done = true; observer.disconnect(); resolvePaste(result); } };
    const observer = new MutationObserver(() => {
      observer.disconnect();
      afterPaint(() => finish(performance.now() - t0));
    });
    observer.observe(watched, { childList: true, subtree: true, characterData: true });
    setTimeout(() => finish(null), 5000);
    const data = new DataTransfer();
    data.setData('text/plain', text);
    t0 = performance.now();
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
}

/** `pastes` pastes of a 13 x 5 block into the staff table (two blocks in turn), at a CPU throttling rate. */
async function measurePastes(browser, url, cpu, pastes) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await wholePage(page);
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const block = (k) => Array.from({ length: 13 }, (_, r) => [100 + r + k, r, 50000 + r, `${10 + r}%`, 3 + k].join('\t')).join('\r\n') + '\r\n';
  const times = [];
  for (let i = 0; i < pastes + 5; i++) {
    const t = await page.evaluate(timePasteToRepaint, block(i % 2));
    if (i >= 5 && t !== null) times.push(t);
  }
  await context.close();
  const sorted = times.slice().sort((a, b) => a - b);
  return { ...stats(times), p95: sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] };
}

/**
 * Import staff in post from a generated CSV of `mb` MB in the layout of NHS
 * Workforce Statistics: from "Read the file" to the mapping (the whole file
 * read in 4 MB chunks by the fourth module), MB/s, and the longest task the
 * page ran meanwhile (PerformanceObserver "longtask", over 50 ms).
 */
async function measureImport(browser, url, mb) {
  const { mkdtempSync, createWriteStream } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const path = join(mkdtempSync(join(tmpdir(), 'bench-import-')), 'staff.csv');
  const header = 'Period,NHSE_Region_Name,ICS name,Org name,Main Staff Group,Staff Group 1,Staff Group 2,Care Setting,Level,AfC Band,FTE\n';
  const groups = ['Nurses & health visitors', '"Support to doctors, nurses & midwives"', 'Scientific, therapeutic & technical staff', 'Central functions'];
  let block = '';
  for (let o = 0; o < 40; o++) {
    for (const g of groups) {
      const q = g.startsWith('"') ? g : `"${g}"`;
      block += `2025-06,North East and Yorkshire,NHS West Yorkshire ICB,Trust ${o},${q},${q},${q},${o % 3 ? 'Mental health' : 'Acute'},All,Band ${5 + (o % 3)},${(o % 17) + 0.5}\n`;
    }
  }
  const chunk = block.repeat(Math.ceil(4e6 / block.length));
  await new Promise((resolveWrite, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.write(header);
    let written = header.length;
    const more = () => {
      while (written < mb * 1e6) {
        written += chunk.length;
        if (!out.write(chunk)) { out.once('drain', more); return; }
      }
      out.end(resolveWrite);
    };
    more();
  });
  const { statSync } = await import('node:fs');
  const bytes = statSync(path).size;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  await wholePage(page);
  await page.locator('#staff').scrollIntoViewIfNeeded();
  const input = page.getByLabel('Import staff in post', { exact: true });
  await input.waitFor();
  await input.setInputFiles(path);
  await page.locator('#staff-import-preview').waitFor();
  await page.evaluate(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  const start = Date.now();
  await page.getByRole('button', { name: 'Read the file', exact: true }).click();
  await page.locator('#staff-import-values').waitFor({ timeout: 600000 });
  const seconds = (Date.now() - start) / 1000;
  const longest = await page.evaluate(() => window.__longest);
  await context.close();
  return { bytes, seconds, mb_per_s: bytes / 1e6 / seconds, longest_task_ms: longest };
}

/** DOM elements and page height on the first render (every section in its default state), at 1366x900. */
async function measureDom(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(url);
  // The whole page: the inputs below the first screen render after its first paint.
  await wholePage(page);
  const dom = await page.evaluate(() => ({
    elements: document.getElementsByTagName('*').length,
    inputs: document.querySelectorAll('input, select, textarea').length,
    height: document.documentElement.scrollHeight,
  }));
  await context.close();
  return dom;
}

/** `edits` edits cycling through EDIT_FIELDS, at a CPU throttling rate. */
async function measureVariedEdits(browser, url, cpu, edits, pauseMs = 0) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await page.waitForFunction(() => window.workforceGap && document.getElementById('headline-extra-wte'));
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const result = await repaintTimes(page, edits, (i) => benchEdit('edits', i), pauseMs);
  await context.close();
  return result;
}

/**
 * Presentation mode at 1920x1080: ms from a lever's input event to the frame
 * after its big figure changes (the page's reducer, the mirror back to the
 * panels module, both repaints).
 */
async function measurePresentation(browser, url, cpu, edits, pauseMs = 0) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await page.goto(url);
  await wholePage(page);
  await page.keyboard.press('p');
  await page.waitForSelector('#present-extra-wte');
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const result = await repaintTimes(page, edits, (i) => benchEdit('present', i), pauseMs);
  await context.close();
  return result;
}

/**
 * "Download Excel (.xlsx)": click to the download, with the example and six
 * ranges (the criterion benchmark's scenario). The first click of a page
 * also fetches and starts the third module; later clicks only write.
 */
async function measureWorkbook(browser, url, scenario, runs) {
  const first = [];
  const later = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.addInitScript((json) => localStorage.setItem('workforce-gap:current', json), JSON.stringify(scenario));
    const page = await context.newPage();
    await page.goto(url);
    await wholePage(page);
    // The part below the calculator loads when it comes near the screen.
    await page.locator('#more').scrollIntoViewIfNeeded();
    const button = page.getByRole('button', { name: 'Download Excel (.xlsx)' });
    await button.waitFor();
    for (const into of [first, later, later]) {
      await button.waitFor();
      const start = performance.now();
      const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
      into.push(performance.now() - start);
      await download.path();
    }
    await context.close();
  }
  // The writer alone, in the page: the third module's workbook(), called
  // directly, without the click, the Blob or the browser's download.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await wholePage(page);
  const writes = await page.evaluate(async ([json, n]) => {
    const src = new URL(document.querySelector('meta[name="wg-workbook"]').content, document.baseURI).href;
    const m = await import(src);
    await m.default({ module_or_path: src.replace(/\.js$/, '_bg.wasm') });
    m.workbook(json, '2026-11-26');
    const times = [];
    for (let i = 0; i < n; i++) {
      const t = performance.now();
      if (!m.workbook(json, '2026-11-26').length) throw new Error('no workbook');
      times.push(performance.now() - t);
    }
    return times;
  }, [JSON.stringify(scenario), 20]);
  await context.close();
  return { first: stats(first), later: stats(later), write: stats(writes) };
}

/** Native medians (ms) from criterion, keyed by benchmark id, if present. */
function readCriterion() {
  const dir = resolve(ROOT, 'target', 'criterion');
  if (!existsSync(dir)) return {};
  const out = {};
  for (const name of readdirSync(dir)) {
    const est = resolve(dir, name, 'new', 'estimates.json');
    const meta = resolve(dir, name, 'new', 'benchmark.json');
    if (!existsSync(est)) continue;
    try {
      const e = JSON.parse(readFileSync(est, 'utf8'));
      const id = existsSync(meta) ? JSON.parse(readFileSync(meta, 'utf8')).full_id : name;
      const ns = (e.median ?? e.slope ?? e.mean).point_estimate;
      out[id] = ns / 1e6;
    } catch { /* unreadable: skip */ }
  }
  return out;
}

// The benchmark build (scripts/bench.sh): the app plus workforceGap.benchmark.
const server = await serveDist(resolve(ROOT, process.env.BENCH_DIST || 'target/dist-bench'));
const browser = await launch();
try {
  const example = await (async () => {
    const c = await browser.newContext();
    const p = await c.newPage();
    await p.goto(server.url);
    await p.waitForFunction(() => window.workforceGap);
    const s = await p.evaluate(() => window.workforceGap.exampleScenario());
    await c.close();
    return s;
  })();

  // Load and keystroke-to-repaint under throttling, against the bare counter.
  // Each app from three servers: one that compresses with gzip (as the size
  // budget counts and an intranet server with compression on sends), one
  // with brotli (a server set up for it: every current browser asks for
  // it), one that does not compress (a server left as installed may send
  // .wasm uncompressed).
  const baselineDir = resolve(ROOT, 'tools', 'size-baseline', 'dist');
  const baseline = await serveDist(baselineDir, { gzip: true });
  const baselineRaw = await serveDist(baselineDir);
  const baselineBrotli = await serveDist(baselineDir, { gzip: true, brotli: true });
  const zipped = await serveDist(resolve(ROOT, process.env.BENCH_DIST || 'target/dist-bench'), { gzip: true });
  const brotlied = await serveDist(resolve(ROOT, process.env.BENCH_DIST || 'target/dist-bench'), { gzip: true, brotli: true });
  // Slow 4G as one line for everything the server sends.
  const lined = await serveDist(resolve(ROOT, process.env.BENCH_DIST || 'target/dist-bench'), { gzip: true, line: SLOW_4G_LINE });
  const baselineLined = await serveDist(baselineDir, { gzip: true, line: SLOW_4G_LINE });
  const PROFILES = [
    ['plain', { cpu: 1 }],
    ['4x CPU', { cpu: 4 }],
    ['4x CPU + slow 4G', { cpu: 4, network: SLOW_4G }],
    ['4x CPU + slow 4G, brotli', { cpu: 4, network: SLOW_4G, brotli: true }],
    ['4x CPU + slow 4G, no compression', { cpu: 4, network: SLOW_4G, raw: true }],
    ['4x CPU + slow 4G as one shared line (service worker included), gzip', { cpu: 4, line: true }],
  ];
  const LOADS = Math.max(10, Math.min(N, 30));
  const profiles = {};
  for (const [name, profile] of process.env.BENCH_ONLY === 'interaction' ? [] : PROFILES) {
    console.error(`loading ${LOADS} times each, turn about, ${name}...`);
    profiles[name] = await measureProfileLoads(browser, [
      { url: (profile.raw ? server : profile.brotli ? brotlied : profile.line ? lined : zipped).url, selector: '#headline-extra-wte' },
      { url: (profile.raw ? baselineRaw : profile.brotli ? baselineBrotli : profile.line ? baselineLined : baseline).url, selector: 'p' },
    ], profile, LOADS);
  }
  // The load profiles' table, in the full run's report and alone
  // (BENCH_ONLY=load) at once.
  const profileTable = [
    `Load to the frame of the first figure (its animation frame; median of ${LOADS} fresh loads each, the two apps turn about), calculator against the bare Yew counter, and to that frame painted; "paired" is the median of the ratios of each round's two loads:`,
    '',
    '| profile | calculator | bare Yew counter | ratio | paired | calculator p90 | painted | painted ratio | paired |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(profiles).map(([name, p]) =>
      `| ${name} | ${ms(p.calculator.median)} ms | ${ms(p.counter.median)} ms | ${(p.calculator.median / p.counter.median).toFixed(2)}x | ${p.pairedRatio.toFixed(2)}x | ${ms(p.calculator.p90)} ms | ${ms(p.calculator.painted.median)} ms | ${(p.calculator.painted.median / p.counter.painted.median).toFixed(2)}x | ${p.pairedPaintedRatio.toFixed(2)}x |`),
  ];
  if (process.env.BENCH_ONLY === 'load') {
    console.log(profileTable.join('\n'));
    process.exit(0);
  }
  await baseline.close();
  await baselineRaw.close();
  await baselineBrotli.close();
  await zipped.close();
  await brotlied.close();
  await lined.close();
  await baselineLined.close();
  const dom = await measureDom(browser, server.url);
  console.error(`first render: ${dom.elements} elements, ${dom.inputs} inputs, ${dom.height} px tall`);
  const EDITS = 200;
  console.error(`${EDITS} edits of different inputs, plain and at 4x CPU...`);
  const varied = {
    plain: await measureVariedEdits(browser, server.url, 1, EDITS),
    cpu4: await measureVariedEdits(browser, server.url, 4, EDITS),
    cpu4Paced: await measureVariedEdits(browser, server.url, 4, EDITS, TYPING_PAUSE_MS),
  };
  console.error(`${EDITS} presentation-mode lever moves, plain and at 4x CPU...`);
  const presenting = {
    plain: await measurePresentation(browser, server.url, 1, EDITS),
    cpu4: await measurePresentation(browser, server.url, 4, EDITS),
    cpu4Paced: await measurePresentation(browser, server.url, 4, EDITS, TYPING_PAUSE_MS),
  };

  if (process.env.BENCH_ONLY === 'interaction') {
    // The interaction measures alone (BENCH_ONLY=interaction), for a
    // quicker look while working on speed; the full run prints them too.
    const row = (name, e) => `| ${name} | ${ms(e.median)} ms | ${ms(e.p95)} ms | ${e.n}${e.misses ? ` (${e.misses} missed)` : ''} |`;
    console.log([
      `first render: ${dom.elements} elements, ${dom.inputs} inputs, ${dom.height} px tall`,
      '', '| profile | median | p95 | edits |', '| --- | ---: | ---: | ---: |',
      row('plain', varied.plain), row('4x CPU', varied.cpu4), row(`4x CPU, ${TYPING_PAUSE_MS} ms between keystrokes`, varied.cpu4Paced),
      row('presentation mode lever, plain', presenting.plain), row('presentation mode lever, 4x CPU', presenting.cpu4),
      row(`presentation mode lever, 4x CPU, ${TYPING_PAUSE_MS} ms between moves`, presenting.cpu4Paced),
    ].join('\n'));
    process.exit(0);
  }
  console.error(`${EDITS / 4} pastes of a 13 x 5 block, plain and at 4x CPU...`);
  const pasting = {
    plain: await measurePastes(browser, server.url, 1, EDITS / 4),
    cpu4: await measurePastes(browser, server.url, 4, EDITS / 4),
  };
  const IMPORT_MB = Number(process.env.BENCH_IMPORT_MB) || 200;
  console.error(`importing staff in post from a ${IMPORT_MB} MB CSV...`);
  const imported = await measureImport(browser, server.url, IMPORT_MB);

  console.error(`loading ${N} times...`);
  const load = await measureLoads(browser, server.url);
  console.error(`editing ${N} times (example)...`);
  const edit = await measureEdits(browser, server.url, null);
  console.error(`editing ${N} times (example with ranges)...`);
  const editRanged = await measureEdits(browser, server.url, { ...example, ranges: RANGES });
  console.error('timing the JS API...');
  const api = await measureApi(browser, server.url);
  console.error('timing the Excel workbook...');
  const workbook = await measureWorkbook(browser, server.url, { ...example, ranges: RANGES }, Math.max(3, Math.min(10, Math.round(N / 3))));
  const native = readCriterion();

  const ratio = (wasm, id) => (native[id] ? wasm / native[id] : null);
  const ratios = {
    compute: ratio(api.computeMs, 'compute/example_place'),
    uncertainty_10000: ratio(api.uncertainty.median, 'uncertainty/10000_draws'),
    sensitivity: ratio(api.sensitivityMs, 'sensitivity/example_place'),
    compute_in_wasm: ratio(api.inWasm.compute, 'compute/example_place'),
    uncertainty_10000_in_wasm: ratio(api.inWasm.uncertainty, 'uncertainty/10000_draws'),
    sensitivity_in_wasm: ratio(api.inWasm.sensitivity, 'sensitivity/example_place'),
    workbook: ratio(workbook.later.median, 'workbook/ranged_example'),
    workbook_in_wasm: ratio(workbook.write.median, 'workbook/ranged_example'),
  };

  const rows = [
    ['API on demand: first read of `window.workforceGap` to `workforce-gap-ready` (panels module fetched and started)', `${ms(load.ready.median)} ms`, `${ms(load.ready.p90)} ms`, `${N} fresh loads`],
    ['Load: navigation start to headline in the DOM', `${ms(load.headline.median)} ms`, `${ms(load.headline.p90)} ms`, `${N} fresh loads`],
    ['Load: navigation start to the frame after the headline', `${ms(load.headlinePaint.median)} ms`, `${ms(load.headlinePaint.p90)} ms`, `${N} fresh loads`],
    ['Input to paint (example)', `${ms(edit.median)} ms`, `${ms(edit.p90)} ms`, `${edit.n} edits${edit.misses ? `, ${edit.misses} missed` : ''}`],
    ['Input to paint (example + 6 ranges, 2,000-draw band)', `${ms(editRanged.median)} ms`, `${ms(editRanged.p90)} ms`, `${editRanged.n} edits${editRanged.misses ? `, ${editRanged.misses} missed` : ''}`],
    ['API `exampleScenario()`', `${ms(api.exampleMs)} ms`, '', 'mean of 100 calls'],
    ['API `compute(example)`', `${ms(api.computeMs)} ms`, '', `mean of ${COMPUTE_CALLS} calls`],
    ['API `compute(exampleScenario())`', `${ms(api.computeFreshMs)} ms`, '', `mean of ${COMPUTE_CALLS} calls`],
    ['API `compute(JSON text)`', `${ms(api.computeTextMs)} ms`, '', `mean of ${COMPUTE_CALLS} calls`],
    ['API `sensitivity(example)`', `${ms(api.sensitivityMs)} ms`, '', `mean of ${SENSITIVITY_CALLS} calls`],
    ['API `uncertainty(example + 6 ranges, 10000, 1)`', `${ms(api.uncertainty.median)} ms`, `${ms(api.uncertainty.p90)} ms`, `${api.uncertainty.n} runs`],
    ['In wasm, no conversion: compute(example)', `${ms(api.inWasm.compute)} ms`, '', 'mean of 20,000 calls'],
    ['In wasm, no conversion: sensitivity(example)', `${ms(api.inWasm.sensitivity)} ms`, '', 'mean of 200 calls'],
    ['In wasm, no conversion: uncertainty, 10,000 draws', `${ms(api.inWasm.uncertainty)} ms`, '', `mean of ${UNCERTAINTY_RUNS} runs`],
    ['Download Excel, first click of a page (third module fetched and started, workbook written)', `${ms(workbook.first.median)} ms`, `${ms(workbook.first.p90)} ms`, `${workbook.first.n} fresh pages`],
    ['Download Excel, later clicks (workbook written)', `${ms(workbook.later.median)} ms`, `${ms(workbook.later.p90)} ms`, `${workbook.later.n} clicks`],
    ['In wasm: the workbook writer alone (`workbook()` of the third module)', `${ms(workbook.write.median)} ms`, `${ms(workbook.write.p90)} ms`, `${workbook.write.n} calls`],
  ];
  const editRows = [['plain', varied.plain], ['4x CPU', varied.cpu4], [`4x CPU, ${TYPING_PAUSE_MS} ms between keystrokes`, varied.cpu4Paced],
    ['presentation mode lever, plain', presenting.plain], ['presentation mode lever, 4x CPU', presenting.cpu4],
    [`presentation mode lever, 4x CPU, ${TYPING_PAUSE_MS} ms between moves`, presenting.cpu4Paced],
    ['a 13 x 5 block pasted into the staff table, plain', pasting.plain], ['a 13 x 5 block pasted, 4x CPU', pasting.cpu4]].map(([name, e]) =>
    `| ${name} | ${ms(e.median)} ms | ${ms(e.p95)} ms | ${e.n}${e.misses ? ` (${e.misses} missed)` : ''} | ${e.p95 <= 16.7 ? 'yes' : 'no'} |`);
  const lines = [
    ...profileTable,
    '',
    `Keystroke to repaint, ${EDITS} edits cycling through ${EDIT_FIELDS.length} different inputs:`,
    '',
    '| profile | median | p95 | edits | p95 within one frame (16.7 ms) |',
    '| --- | ---: | ---: | ---: | --- |',
    ...editRows,
    '',
    `Browser benchmark: workforce-gap ${api.version}, Chromium ${api.chromium}, ${process.env.BENCH_DIST || "target/dist-bench"} on 127.0.0.1, N=${N}`,
    '',
    '| measure | median | p90 | over |',
    '| --- | ---: | ---: | --- |',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
  if (Object.keys(native).length) {
    lines.push('', '| function | wasm (Chromium) | native (criterion median) | wasm / native |', '| --- | ---: | ---: | ---: |');
    for (const [label, wasm, id, key] of [
      ['compute, in wasm (no conversion)', api.inWasm.compute, 'compute/example_place', 'compute_in_wasm'],
      ['uncertainty 10,000 draws, in wasm', api.inWasm.uncertainty, 'uncertainty/10000_draws', 'uncertainty_10000_in_wasm'],
      ['sensitivity, in wasm', api.inWasm.sensitivity, 'sensitivity/example_place', 'sensitivity_in_wasm'],
      ['compute(example) through the JS API', api.computeMs, 'compute/example_place', 'compute'],
      ['uncertainty(…, 10000) through the JS API', api.uncertainty.median, 'uncertainty/10000_draws', 'uncertainty_10000'],
      ['sensitivity(example) through the JS API', api.sensitivityMs, 'sensitivity/example_place', 'sensitivity'],
      ['Excel workbook (example + 6 ranges), the writer in wasm', workbook.write.median, 'workbook/ranged_example', 'workbook_in_wasm'],
      ['Excel workbook: click to download against writing it natively', workbook.later.median, 'workbook/ranged_example', 'workbook'],
    ]) {
      lines.push(`| ${label} | ${ms(wasm)} ms | ${native[id] ? `${ms(native[id])} ms` : '–'} | ${ratios[key] ? `${ratios[key].toFixed(2)}x` : '–'} |`);
    }
    lines.push('', '"In wasm" rows time the model alone inside WebAssembly (workforceGap.benchmark), like native criterion; "through the JS API" rows add converting the scenario from a JS object and the results back.');
  } else {
    lines.push('', 'No target/criterion/*/new/estimates.json: run `cargo bench --bench model` for the wasm/native ratios.');
  }
  lines.push('', `First render at 1366x900: ${dom.elements} DOM elements, ${dom.inputs} inputs, a page ${dom.height} px tall.`);
  lines.push('', `Import staff in post: a ${(imported.bytes / 1e6).toFixed(0)} MB CSV read in ${imported.seconds.toFixed(1)} s = ${imported.mb_per_s.toFixed(1)} MB/s in the browser; the longest task meanwhile ${imported.longest_task_ms ? `${imported.longest_task_ms.toFixed(0)} ms` : 'under 50 ms (none reported)'}.`);
  console.log(lines.join('\n'));

  const results = {
    when: new Date().toISOString(),
    version: api.version,
    chromium: api.chromium,
    n: N,
    load_profiles_ms: profiles,
    first_render_dom: dom,
    keystroke_to_repaint_ms: varied,
    presentation_lever_to_repaint_ms: presenting,
    paste_to_repaint_ms: pasting,
    staff_import: imported,
    load_ms: load,
    input_to_paint_ms: { example: edit, example_with_ranges: editRanged },
    api_ms: {
      example_scenario: api.exampleMs,
      compute_example: api.computeMs,
      compute_fresh_example: api.computeFreshMs,
      compute_json_text: api.computeTextMs,
      sensitivity_example: api.sensitivityMs,
      uncertainty_10000_draws: api.uncertainty,
      in_wasm: api.inWasm,
    },
    native_ms: native,
    wasm_over_native: ratios,
    ranges: RANGES,
  };
  writeFileSync(resolve(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.error(`wrote ${resolve(import.meta.dirname, 'results.json')}`);
} finally {
  await browser.close();
  await server.close();
}
