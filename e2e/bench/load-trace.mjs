// Where a load's time goes after the page's wasm arrives: traces loads at
// 4x CPU on slow 4G (as load-ab.mjs) and sums the renderer main thread's
// events from the wasm response's end to the first figure's paint, by name
// (top-level events, then every event including nested ones), and how many
// of the wasm's functions V8 compiled on their first call (it compiles
// lazily) and how many bytes of code they hold. A tool for finding what to
// make faster, not part of the suite:
//   node e2e/bench/load-trace.mjs <dist> [selector]   (N=3 loads)
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { SLOW_4G, firstFigureTimes, openLoadPage } from './common.mjs';

const [dir, sel = '#headline-extra-wte'] = process.argv.slice(2);
const server = await serveDist(dir, { gzip: true });
const browser = await launch();
const N = Number(process.env.N || 3);
const top = {}; const all = {};
let gaps = [];
const lazy = { functions: 0, bytes: 0 };
for (let r = 0; r < N; r++) {
  const { context, page, cdp } = await openLoadPage(browser, sel, { cpu: Number(process.env.CPU || 4), network: SLOW_4G });
  let wasmEnd = null;
  const wasmIds = new Set();
  cdp.on('Network.loadingFinished', (e) => { if (wasmIds.has(e.requestId)) wasmEnd = e.timestamp; });
  cdp.on('Network.responseReceived', (e) => { if (/_bg\.wasm$/.test(e.response.url) && !/panels|workbook|import/.test(e.response.url)) wasmIds.add(e.requestId); });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'v8', 'blink.user_timing'] });
  await page.goto(server.url);
  const first = { paint: (await firstFigureTimes(page)).painted };
  const trace = JSON.parse((await browser.stopTracing()).toString());
  const ev = trace.traceEvents;
  const main = ev.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && ev.some((x) => x.pid === e.pid && x.name === 'FunctionCall'));
  // trace ts are microseconds on the same monotonic clock as CDP timestamps (seconds).
  const navStart = ev.find((e) => e.name === 'navigationStart' && e.pid === main.pid)?.ts;
  const startTs = wasmEnd * 1e6; const endTs = navStart + first.paint * 1000;
  gaps.push([(startTs - navStart) / 1000, first.paint]);
  const mine = ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur && e.ts >= startTs - 5000 && e.ts <= endTs).sort((a, b) => a.ts - b.ts);
  const open = [];
  for (const e of mine) {
    while (open.length && open.at(-1).ts + open.at(-1).dur <= e.ts) open.pop();
    if (!open.length) { top[e.name] = (top[e.name] || 0) + e.dur / 1000 / N; }
    all[e.name] = (all[e.name] || 0) + e.dur / 1000 / N;
    open.push(e);
  }
  // Functions compiled on their first call, before the first figure's frame
  // is painted (a function body's size is on its baseline compile event).
  const sizes = new Map(ev.filter((e) => e.name === 'wasm.CompileBaseline').map((e) => [e.args?.funcIndex, e.args?.bodySize ?? 0]));
  for (const e of mine.filter((e) => e.name === 'wasm.CompileLazy')) {
    lazy.functions += 1 / N;
    lazy.bytes += (sizes.get(e.args?.func_index) ?? 0) / N;
  }
  // Other threads' wasm compile time in the window.
  for (const e of ev.filter((e) => e.ph === 'X' && e.dur && e.ts >= startTs - 1500000 && e.ts <= endTs && !(e.pid === main.pid && e.tid === main.tid) && /wasm/i.test(e.name))) {
    all['(other thread) ' + e.name] = (all['(other thread) ' + e.name] || 0) + e.dur / 1000 / N;
  }
  if (process.env.SEQ && r === 0) for (const e of ev.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur > (process.env.SEQ_MIN || 1500) && e.ts >= startTs - (process.env.SEQ_BEFORE || 400000) && e.ts <= endTs + 50000).sort((a, b) => a.ts - b.ts)) console.log('   ', ((e.ts - navStart) / 1000).toFixed(1).padStart(8), (e.dur / 1000).toFixed(1).padStart(7), e.name, JSON.stringify(e.args?.data?.url ?? e.args?.data?.functionName ?? e.args?.beginData ?? e.args?.endData ?? '').slice(0, 160));
  await context.close();
}
console.log('wasm end -> first paint (ms):', gaps.map(([a, b]) => `${a.toFixed(0)} -> ${b.toFixed(0)}`).join(', '));
const show = (o, n) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, v]) => console.log('  ', k.padEnd(50), v.toFixed(1)));
console.log(`compiled on first call, per load: ${lazy.functions.toFixed(0)} functions, ${(lazy.bytes / 1000).toFixed(1)} KB of code`);
console.log('top-level, main thread, per load:'); show(top, 15);
console.log('every event (nested too):'); show(all, 40);
await browser.close(); await server.close();
