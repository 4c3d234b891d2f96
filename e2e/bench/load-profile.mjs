// Where a load's script time goes, by function: a CPU profile of loads at 4x
// CPU (no network throttling: the download is not script), self time and
// time including callees summed by name from the page's first wasm call to
// the first figure painted (wasm names need a build that keeps them, as
// edit-profile.mjs). Not part of the suite:
//   node e2e/bench/load-profile.mjs <dist>   (N=5 loads; TOP=40; INCLUSIVE=<regex>;
//   UNTIL=dom: only until the first figure is in the page)
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { firstFigureTimes, openLoadPage } from './common.mjs';

const [dir, sel = '#headline-extra-wte'] = process.argv.slice(2);
const server = await serveDist(dir, { gzip: true });
const browser = await launch();
const N = Number(process.env.N || 5);
const self = new Map(); const incl = new Map();
const UNTIL_DOM = process.env.UNTIL === 'dom';
const inclRe = process.env.INCLUSIVE ? new RegExp(process.env.INCLUSIVE) : null;
let total = 0;
for (let r = 0; r < N; r++) {
  const { context, page, cdp } = await openLoadPage(browser, sel, { cpu: Number(process.env.CPU || 4) });
  // UNTIL=dom: only up to the first figure in the page (an init script for
  // the navigation to come) (before its frame's
  // style and layout, and before what the page does after its first paint).
  if (UNTIL_DOM) {
    await context.addInitScript((s) => {
      console.profile('load');
      const o = new MutationObserver(() => { const e = document.querySelector(s); if (e && e.textContent.trim()) { o.disconnect(); console.profileEnd('load'); } });
      o.observe(document, { childList: true, subtree: true, characterData: true });
    }, sel);
  }
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const finished = new Promise((done) => cdp.on('Profiler.consoleProfileFinished', (e) => done(e.profile)));
  if (!UNTIL_DOM) await cdp.send('Profiler.start');
  await page.goto(server.url);
  await firstFigureTimes(page);
  const profile = UNTIL_DOM ? await finished : (await cdp.send('Profiler.stop')).profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName || `(${n.callFrame.url.split('/').pop() || 'anonymous'})`;
  profile.samples.forEach((id, k) => {
    const t = (profile.timeDeltas[k + 1] || 0) / 1000;
    const n = byId.get(id);
    const nm = name(n);
    if (nm === '(idle)') return;
    total += t;
    self.set(nm, (self.get(nm) || 0) + t);
    const seen = new Set();
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const pn = name(byId.get(p));
      if (seen.has(pn)) continue; seen.add(pn);
      if (!inclRe || inclRe.test(pn)) incl.set(pn, (incl.get(pn) || 0) + t);
    }
  });
  await context.close();
}
console.log(`per load: sampled (not idle) ${(total / N).toFixed(1)} ms`);
const TOP = Number(process.env.TOP || 40);
console.log('self:');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log((v / N).toFixed(2).padStart(8), 'ms ', k.slice(0, 130));
console.log('including callees:');
for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log((v / N).toFixed(2).padStart(8), 'ms ', k.slice(0, 130));
await browser.close(); await server.close();
