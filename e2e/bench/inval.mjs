// Why the browser lays out and restyles after an edit: the trace's
// invalidation records (which node, for what reason: "Text changed",
// "Attribute", ...) per edit, at 4x CPU, after 20 edits of warm-up. Found
// the chart by role's value labels ("SVG resource invalidated") as the
// costliest of a keystroke's layout. Not part of the suite:
//   BENCH_DIST=dist node e2e/bench/inval.mjs
import { resolve } from 'node:path';
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { benchEdit, editThenTwoFrames, openBenchPage } from './common.mjs';
const server = await serveDist(resolve(process.env.BENCH_DIST || 'dist'));
const browser = await launch();
const { context, page, cdp } = await openBenchPage(browser, server.url, 'edits');
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const args = (i) => { const [input, , value] = benchEdit('edits', i); return [input, value]; };
for (let i = 0; i < 20; i++) await page.evaluate(editThenTwoFrames, args(i));
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.invalidationTracking'] });
const N = 10;
for (let i = 0; i < N; i++) await page.evaluate(editThenTwoFrames, args(20 + i));
const trace = JSON.parse((await browser.stopTracing()).toString());
const by = {};
for (const e of trace.traceEvents) {
  if (e.name !== 'LayoutInvalidationTracking' && e.name !== 'StyleRecalcInvalidationTracking') continue;
  const d = e.args?.data || {};
  const k = `${e.name.replace('InvalidationTracking', '')} | ${d.nodeName || ''} | ${d.reason || ''}`;
  by[k] = (by[k] || 0) + 1;
}
for (const [k, v] of Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((v / N).toFixed(1), k);
await context.close(); await browser.close(); await server.close();
