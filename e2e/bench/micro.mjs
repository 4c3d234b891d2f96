// Noise-resistant per-edit costs, builds turn about: for each edit, the
// script from the input event to the page's render (microtasks included),
// then the forced style and layout, each edit followed by idle time so
// nothing deferred overlaps the next. Lower quartiles and medians, which a
// busy machine disturbs less than a p95. Not part of the suite.
//   node e2e/bench/micro.mjs <dist A> <dist B>    (CPU=4, ROUNDS=4, EDITS=40; MODE=present)
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { benchEdit, openBenchPage, timeScriptAndLayout } from './common.mjs';
const MODE = process.env.MODE || 'edits';
const dirs = process.argv.slice(2);
const servers = await Promise.all(dirs.map((d) => serveDist(d, { isolated: true })));
const browser = await launch();
const data = dirs.map(() => ({ script: [], layout: [] }));
const ROUNDS = Number(process.env.ROUNDS || 4), EDITS = Number(process.env.EDITS || 40);
for (let r = 0; r < ROUNDS; r++) {
  for (let v = 0; v < dirs.length; v++) {
    const { context, page, cdp } = await openBenchPage(browser, servers[v].url, MODE);
    if (!await page.evaluate(() => crossOriginIsolated)) throw new Error('not cross-origin isolated');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU || 4) });
    for (let i = 0; i < EDITS + 10; i++) {
      const t = await page.evaluate(timeScriptAndLayout, benchEdit(MODE, i));
      if (i >= 10 && t) { data[v].script.push(t[0]); data[v].layout.push(t[1]); }
    }
    await context.close();
  }
}
const q = (a, p) => { const s = a.slice().sort((x, y) => x - y); return s[Math.floor(p * (s.length - 1))]; };
for (let v = 0; v < dirs.length; v++) {
  const { script, layout } = data[v];
  console.log(dirs[v].padEnd(40), `script p10 ${q(script, 0.1).toFixed(3)} p25 ${q(script, 0.25).toFixed(3)} median ${q(script, 0.5).toFixed(2)}  layout p25 ${q(layout, 0.25).toFixed(2)} median ${q(layout, 0.5).toFixed(2)}  n ${script.length}`);
}
await browser.close(); for (const s of servers) await s.close();
