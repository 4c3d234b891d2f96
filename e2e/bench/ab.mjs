// Interleaved A/B of keystroke (or presentation lever) to repaint for two or
// more builds: round after round, each build in a fresh page at a CPU
// throttling rate, so a machine that drifts slows every build alike. Not
// part of the suite; docs/performance.md reports what it found.
//   node e2e/bench/ab.mjs <dist A> <dist B>          (MODE=present, CPU=4,
//                                                     ROUNDS=4, EDITS=50,
//                                                     ANALYSIS=1)
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { EDIT_FIELDS, timeInputToRepaint, wholePage } from './common.mjs';
const MODE = process.env.MODE || 'edits';
const dirs = process.argv.slice(2);
const servers = await Promise.all(dirs.map((d) => serveDist(d)));
const browser = await launch();
const times = dirs.map(() => []);
const ROUNDS = Number(process.env.ROUNDS || 4), EDITS = Number(process.env.EDITS || 50);
for (let r = 0; r < ROUNDS; r++) {
  for (let v = 0; v < dirs.length; v++) {
    const context = await browser.newContext({ viewport: MODE === 'present' ? { width: 1920, height: 1080 } : { width: 1280, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(servers[v].url);
    await wholePage(page);
    if (MODE === 'present') { await page.keyboard.press('p'); await page.waitForSelector('#present-extra-wte'); }
    else await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    if (process.env.ANALYSIS) {
      // With the analysis loaded below the results (ANALYSIS=1).
      await page.getByRole('button', { name: /^Show the ten-year projection/ }).click().catch(() => {});
      await page.waitForSelector('#analysis table', { state: 'attached', timeout: 30_000 });
    }
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU || 4) });
    for (let i = 0; i < EDITS + 10; i++) {
      const a = MODE === 'present' ? ['.present__slider', '#present-extra-wte', i % 2 ? '1.1' : '0.9']
        : [`#${EDIT_FIELDS[i % EDIT_FIELDS.length][0]}`, '#headline', EDIT_FIELDS[i % EDIT_FIELDS.length][1][Math.floor(i / EDIT_FIELDS.length) % 2]];
      const t = await page.evaluate(timeInputToRepaint, a);
      if (i >= 10 && t !== null) times[v].push(t);
    }
    await context.close();
  }
}
for (let v = 0; v < dirs.length; v++) {
  const s = times[v].sort((a, b) => a - b);
  console.log(dirs[v].padEnd(40), 'median', s[Math.floor(s.length / 2)].toFixed(1), 'p95', s[Math.ceil(0.95 * s.length) - 1].toFixed(1), 'n', s.length);
}
await browser.close(); for (const s of servers) await s.close();
