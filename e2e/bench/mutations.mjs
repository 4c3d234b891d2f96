// What an edit changes in the page: every DOM mutation (text, attribute,
// child list) during the benchmark's edits (TRACE_MODE=present: lever
// moves), counted per edit by element path, the most frequent first. Finds
// work a keystroke does for nothing (an attribute written again with the
// same value, a hidden table kept up to date). Not part of the suite:
//   BENCH_DIST=dist node e2e/bench/mutations.mjs     (CPU=4: at 4x CPU throttling; WARM=10: edits not counted first)
import { resolve } from 'node:path';
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { benchEdit, editThenTwoFrames, openBenchPage } from './common.mjs';
const ROOT = resolve(import.meta.dirname, '..', '..');
const MODE = process.env.TRACE_MODE || 'edits';
const server = await serveDist(resolve(ROOT, process.env.BENCH_DIST || 'dist'));
const browser = await launch();
const { context, page, cdp } = await openBenchPage(browser, server.url, MODE);
if (process.env.CPU) await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU) });
await page.evaluate(() => {
  window.__m = {};
  const path = (n) => { const p = []; let e = n.nodeType === 1 ? n : n.parentElement; while (e && p.length < 4) { p.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.classList.length ? '.' + e.classList[0] : '')); e = e.parentElement; } return p.reverse().join('>'); };
  new MutationObserver((ms) => { for (const m of ms) { const k = m.type + ' ' + path(m.target) + (m.attributeName ? ' @' + m.attributeName : ''); window.__m[k] = (window.__m[k] || 0) + 1; } })
    .observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
});
const N = 20;
const WARM = Number(process.env.WARM || 0);
for (let i = -WARM; i < N; i++) {
  if (i === 0) await page.evaluate(() => { window.__m = {}; });
  const [sel, , value] = benchEdit(MODE, i + WARM);
  await page.evaluate(editThenTwoFrames, [sel, value]);
}
const m = await page.evaluate(() => window.__m);
for (const [k, v] of Object.entries(m).sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((v / N).toFixed(2), k);
console.log('elements', await page.evaluate(() => document.querySelectorAll('*').length));
await context.close(); await browser.close(); await server.close();
