// Where a keystroke's script time goes, by function: a CPU profile of the
// benchmark's edits at 4x CPU, self time summed by name (wasm names need a
// build that keeps them: wasm-bindgen --keep-debug, wasm-opt -g). Not part of the suite.
//   BENCH_DIST=<dist> node e2e/bench/edit-profile.mjs
import { resolve } from 'node:path';
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { benchEdit, openBenchPage, timeInputToRepaint } from './common.mjs';
const ROOT = resolve(import.meta.dirname, '..', '..');
const MODE = process.env.TRACE_MODE || 'edits';
const server = await serveDist(resolve(ROOT, process.env.BENCH_DIST || 'target/dist-bench'));
const browser = await launch();
const { page, cdp } = await openBenchPage(browser, server.url, MODE);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU || 4) });
const args = (i) => benchEdit(MODE, i);
for (let i = 0; i < 10; i++) await page.evaluate(timeInputToRepaint, args(i));
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
const EDITS = Number(process.env.EDITS || 60);
for (let i = 0; i < EDITS; i++) await page.evaluate(timeInputToRepaint, args(10 + i));
const { profile } = await cdp.send('Profiler.stop');
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let total = 0;
profile.samples.forEach((id, k) => { const n = byId.get(id); const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`; const t = (dt[k] || 0) / 1000; total += t; self.set(name, (self.get(name) || 0) + t); });
const idle = (self.get('(idle)') || 0) + (self.get('(program)') || 0);
console.log(`per edit: sampled ${(total / EDITS).toFixed(1)} ms, idle+program ${(idle / EDITS).toFixed(1)} ms`);
const rows = [...self.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 40));
for (const [k, v] of rows) console.log((v / EDITS).toFixed(2).padStart(7), 'ms ', k.slice(0, 140));
if (process.env.INCLUSIVE) {
  // Inclusive time: each sample counts once for every distinct function on its stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const incl = new Map();
  profile.samples.forEach((id, k) => {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) { const f = byId.get(n).callFrame; seen.add(f.functionName || `(${f.url.split('/').pop()})`); }
    for (const name of seen) incl.set(name, (incl.get(name) || 0) + (dt[k] || 0) / 1000);
  });
  const re = new RegExp(process.env.INCLUSIVE);
  console.log('inclusive:');
  for (const [k, v] of [...incl.entries()].filter(([k]) => re.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((v / EDITS).toFixed(2).padStart(7), 'ms ', k.slice(0, 150));
}
await browser.close(); await server.close();
