// Interleaved loads: navigation start to the frame after the first figure
// (its animation frame callback, and that frame painted),
// for several builds turn about (4x CPU and Lighthouse's slow 4G by default;
// gzip unless RAW=1, brotli with BROTLI=1; NET=none for no network throttling). The last argument
// is the yardstick: ratios are to it. `dir@selector` names the element whose
// text is the first figure (the bare counter's is `p`). Not part of the suite.
//   node e2e/bench/load-ab.mjs <dist A> <dist B> tools/size-baseline/dist@p
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { SLOW_4G, firstFigureTimes, openLoadPage } from './common.mjs';
const targets = process.argv.slice(2).map((a) => { const [dir, sel] = a.split('@'); return { dir, sel: sel || '#headline-extra-wte' }; });
const gzip = process.env.RAW ? false : true;
const brotli = process.env.BROTLI === '1';
const net = process.env.NET === 'none' ? null : SLOW_4G;
const cpu = Number(process.env.CPU || 4);
const servers = await Promise.all(targets.map((t) => serveDist(t.dir, { gzip, brotli })));
const browser = await launch();
const times = targets.map(() => []);
const painted = targets.map(() => []);
for (let r = 0; r < Number(process.env.N || 8); r++) {
  for (let v = 0; v < targets.length; v++) {
    const { context, page } = await openLoadPage(browser, targets[v].sel, { cpu, network: net });
    await page.goto(servers[v].url);
    const first = await firstFigureTimes(page);
    times[v].push(first.paint);
    painted[v].push(first.painted);
    await context.close();
  }
}
const med = (a) => { const s = a.slice().sort((x, y) => x - y); return s[Math.floor(s.length / 2)]; };
const base = med(times.at(-1));
const basePainted = med(painted.at(-1));
for (let v = 0; v < targets.length; v++) {
  console.log(targets[v].dir.padEnd(45), 'median', med(times[v]).toFixed(0), 'ms', (med(times[v]) / base).toFixed(2) + 'x last',
    '| painted', med(painted[v]).toFixed(0), 'ms', (med(painted[v]) / basePainted).toFixed(2) + 'x last');
}
await browser.close(); for (const s of servers) await s.close();
