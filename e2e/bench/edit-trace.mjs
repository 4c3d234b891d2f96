// Where a keystroke's time goes: traces edits (the benchmark's edits, common.mjs, or
// presentation-mode lever moves with TRACE_MODE=present) at a CPU throttling
// rate (TRACE_CPU, 4 by default) and sums the renderer main thread's time by
// kind: script (wasm and JS), style, layout, paint and the rest, per edit.
// A tool for finding what to make faster, not part of the suite:
//   node e2e/bench/edit-trace.mjs                 (target/dist-bench)
//   TRACE_MODE=present TRACE_CPU=4 node e2e/bench/edit-trace.mjs
import { resolve } from 'node:path';
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { EDIT_FIELDS as FIELDS, benchEdit, editThenTwoFrames, openBenchPage } from './common.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CPU = Number(process.env.TRACE_CPU) || 4;
const MODE = process.env.TRACE_MODE || 'edits';
const EDITS = Number(process.env.TRACE_EDITS) || 40;
const server = await serveDist(resolve(ROOT, process.env.BENCH_DIST || 'target/dist-bench'));
const browser = await launch();
try {
  const { context, page, cdp } = await openBenchPage(browser, server.url, MODE, { analysis: !!process.env.TRACE_ANALYSIS });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  // [input, value]: what `edit` takes.
  const args = (i) => { const [input, , value] = benchEdit(MODE, i); return [input, value]; };
  // Warm-up edits, then the traced ones: each traced edit changes its input.
  const WARM = 10;
  for (let i = 0; i < WARM; i++) await page.evaluate(editThenTwoFrames, args(i));
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  for (let i = 0; i < EDITS; i++) await page.evaluate(editThenTwoFrames, args(WARM + i));
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const events = trace.traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' &&
    events.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
  const kinds = {
    script: ['FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'v8.run', 'EvaluateScript'],
    style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'],
    layout: ['Layout', 'UpdateLayerTree', 'PrePaint', 'Layerize'],
    paint: ['Paint', 'PaintImage', 'RasterTask', 'CompositeLayers', 'Commit'],
  };
  const totals = { script: 0, style: 0, layout: 0, paint: 0 };
  // Top-level events of each kind only (nested ones are inside their parent).
  const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
  mine.sort((a, b) => a.ts - b.ts);
  const open = [];
  for (const e of mine) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    const kind = Object.keys(kinds).find((k) => kinds[k].includes(e.name));
    if (kind && !open.some((o) => o.kind)) totals[kind] += e.dur / 1000;
    open.push({ ts: e.ts, dur: e.dur, kind });
  }
  if (process.env.TRACE_DETAIL) {
    const by = {};
    for (const e of mine) {
      const k = e.name;
      by[k] = by[k] || { n: 0, ms: 0 };
      by[k].n++; by[k].ms += e.dur / 1000;
    }
    const top = Object.entries(by).sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
    for (const [k, v] of top) console.log(`  ${k}: ${(v.n / EDITS).toFixed(1)} per edit, ${(v.ms / EDITS).toFixed(2)} ms per edit`);
    const layouts = mine.filter((e) => e.name === 'Layout');
    for (const p of mine.filter((e) => e.name === "Paint").slice(0, 12)) console.log("  paint", (p.dur / 1000).toFixed(2), JSON.stringify(p.args).slice(0, 260));
    for (const l of layouts.slice(0, 2)) console.log('  layout', JSON.stringify(l.args).slice(0, 300));
  }
  if (process.env.TRACE_EACH) {
    // Each edit's main-thread time by kind, the slowest first.
    const stamps = events.filter((e) => e.name === 'TimeStamp' && e.pid === main.pid).map((e) => e.ts).sort((a, b) => a - b);
    const each = stamps.map((t, k) => {
      const end = stamps[k + 1] ?? Infinity;
      const row = { edit: k % (MODE === 'present' ? 2 : FIELDS.length), script: 0, style: 0, layout: 0, paint: 0, total: 0 };
      for (const e of mine) {
        if (e.ts < t || e.ts >= end) continue;
        if (e.name === 'RunTask') row.total += e.dur / 1000;
        if (e.name === 'Layout') row.layoutObjects = (row.layoutObjects || 0) + (e.args?.beginData?.dirtyObjects || 0);
        const kind = Object.keys(kinds).find((x) => kinds[x].includes(e.name));
        if (kind) row[kind] += e.dur / 1000;
      }
      return row;
    }).sort((a, b) => b.total - a.total);
    for (const r of each.slice(0, Number(process.env.TRACE_EACH) || 8)) console.log('  slow edit:', Object.entries(r).map(([k, v]) => `${k} ${k === 'edit' || k === 'layoutObjects' ? v : v.toFixed(1)}`).join('  '));
  }
  const tasks = mine.filter((e) => e.name === 'RunTask').reduce((s, e) => s + e.dur / 1000, 0);
  const per = (x) => (x / EDITS).toFixed(1);
  console.log(`${MODE} at ${CPU}x CPU, ${EDITS} edits, ms per edit (main thread):`);
  console.log(`  tasks ${per(tasks)}  script ${per(totals.script)}  style ${per(totals.style)}  layout ${per(totals.layout)}  paint ${per(totals.paint)}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
