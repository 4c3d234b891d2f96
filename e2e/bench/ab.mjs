// Interleaved A/B of keystroke (or presentation lever) to repaint for two or
// more builds: round after round, each build in a fresh page at a CPU
// throttling rate, so a machine that drifts slows every build alike. Not
// part of the suite; docs/performance.md reports what it found.
//   node e2e/bench/ab.mjs <dist A> <dist B>          (MODE=present, CPU=4,
//                                                     ROUNDS=4, EDITS=50,
//                                                     ANALYSIS=1, GAP=ms between edits,
//                                                     WATCH=selector to time instead of the headline)
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { benchEdit, openBenchPage, timeInputToRepaint } from './common.mjs';
const MODE = process.env.MODE || 'edits';
const dirs = process.argv.slice(2);
const servers = await Promise.all(dirs.map((d) => serveDist(d)));
const browser = await launch();
const times = dirs.map(() => []);
const ROUNDS = Number(process.env.ROUNDS || 4), EDITS = Number(process.env.EDITS || 50);
const GAP = Number(process.env.GAP || 0);
for (let r = 0; r < ROUNDS; r++) {
  for (let v = 0; v < dirs.length; v++) {
    const { context, page, cdp } = await openBenchPage(browser, servers[v].url, MODE, { analysis: !!process.env.ANALYSIS });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU || 4) });
    for (let i = 0; i < EDITS + 10; i++) {
      // WATCH=<selector>: time to the repaint of that element instead (the chart by role: #chart-roles).
      const [input, watched, value] = benchEdit(MODE, i);
      const t = await page.evaluate(timeInputToRepaint, [input, process.env.WATCH || watched, value]);
      if (i >= 10 && t !== null) times[v].push(t);
      // GAP=ms: idle between edits, as between a person's keystrokes (0: back to back).
      if (GAP) await page.waitForTimeout(GAP);
    }
    await context.close();
  }
}
for (let v = 0; v < dirs.length; v++) {
  const s = times[v].sort((a, b) => a - b);
  console.log(dirs[v].padEnd(40), 'median', s[Math.floor(s.length / 2)].toFixed(1), 'p95', s[Math.ceil(0.95 * s.length) - 1].toFixed(1), 'n', s.length);
  // DECILES=1: the whole spread (is the tail a few long frames, or every edit a frame late?).
  if (process.env.DECILES) console.log('  deciles', [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99].map((q) => s[Math.ceil(q * s.length) - 1].toFixed(1)).join(' '));
}
await browser.close(); for (const s of servers) await s.close();
