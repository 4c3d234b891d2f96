// Interleaved loads: navigation start to the frame after the first figure
// (its animation frame callback, and that frame painted),
// for several builds turn about (4x CPU and Lighthouse's slow 4G by default;
// gzip unless RAW=1, brotli with BROTLI=1; NET=none for no network throttling;
// LINE=1 for slow 4G as one line that the page shares with its service worker). The last argument
// is the yardstick: ratios are to it. `dir@selector` names the element whose
// text is the first figure (the bare counter's is `p`). Not part of the suite.
//   node e2e/bench/load-ab.mjs <dist A> <dist B> tools/size-baseline/dist@p
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { SLOW_4G, SLOW_4G_LINE, firstFigureTimes, openLoadPage } from './common.mjs';
const targets = process.argv.slice(2).map((a) => { const [dir, sel] = a.split('@'); return { dir, sel: sel || '#headline-extra-wte' }; });
const gzip = process.env.RAW ? false : true;
const brotli = process.env.BROTLI === '1';
// LINE=1: slow 4G as one line shared by every response the server sends, the
// service worker's included (the browser's emulation slows the page's only).
const line = process.env.LINE === '1' ? SLOW_4G_LINE : null;
const net = process.env.NET === 'none' || line ? null : SLOW_4G;
const cpu = Number(process.env.CPU || 4);
const servers = await Promise.all(targets.map((t) => serveDist(t.dir, { gzip, brotli, line })));
const browser = await launch();
const times = targets.map(() => []);
const painted = targets.map(() => []);
for (let r = 0; r < Number(process.env.N || 8); r++) {
  // Turn about, each round starting one build further on, so no build always loads first.
  for (let k = 0; k < targets.length; k++) {
    const v = (k + r) % targets.length;
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
// Paired by round (the loads of one round are seconds apart, so a machine's
// drift cancels): each build's ratio to the last within the round, and its
// difference from the first build, as medians with a 90% bootstrap interval.
const rng = (() => { let x = 12345; return () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648); })();
const interval = (values) => {
  const boots = [];
  for (let b = 0; b < 2000; b++) boots.push(med(values.map(() => values[Math.floor(rng() * values.length)])));
  boots.sort((x, y) => x - y);
  return [med(values), boots[100], boots[1899]];
};
const show = ([m, lo, hi], digits) => `${m.toFixed(digits)} [${lo.toFixed(digits)}, ${hi.toFixed(digits)}]`;
for (let v = 0; v < targets.length - 1; v++) {
  const ratios = times[v].map((t, r) => t / times.at(-1)[r]);
  const ratiosPainted = painted[v].map((t, r) => t / painted.at(-1)[r]);
  const diff = times[v].map((t, r) => t - times[0][r]);
  const diffPainted = painted[v].map((t, r) => t - painted[0][r]);
  console.log(targets[v].dir.padEnd(45), 'paired: ratio to last', show(interval(ratios), 3), '| painted', show(interval(ratiosPainted), 3),
    v === 0 ? '' : `| minus first ${show(interval(diff), 0)} ms, painted ${show(interval(diffPainted), 0)} ms`);
}
await browser.close(); for (const s of servers) await s.close();
