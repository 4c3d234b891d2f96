// Interleaved A/B of keystroke (or presentation lever) to repaint for two or
// more builds: round after round, each build in a fresh page at a CPU
// throttling rate, so a machine that drifts slows every build alike. Not
// part of the suite; docs/performance.md reports what it found.
//   node e2e/bench/ab.mjs <dist A> <dist B>          (MODE=present, CPU=4,
//                                                     ROUNDS=4, EDITS=50,
//                                                     ANALYSIS=1)
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
const FIELDS = [
  ['f-places-0-population-children', ['90000', '110000']], ['f-places-0-population-adults', ['280000', '320000']],
  ['f-places-0-population-older', ['85000', '100000']], ['f-places-0-need_index', ['0.9', '1.2']],
  ['f-working_time-sickness_rate', ['4', '6']], ['f-working_time-non_clinical_share', ['25', '32']],
  ['f-services-0-target_coverage', ['30', '40']], ['f-services-2-target_coverage', ['80', '90']],
  ['f-roles-0-in_post_wte', ['180', '220']], ['f-roles-1-in_post_wte', ['30', '38']],
];
function timeInputToRepaint([inputSelector, watchedSelector, value]) {
  const afterPaint = (fn) => requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = fn; c.port2.postMessage(null); });
  return new Promise((resolveEdit) => {
    const input = document.querySelector(inputSelector);
    const watched = document.querySelector(watchedSelector);
    let t0 = 0; let done = false;
    const finish = (r) => { if (!done) { done = true; observer.disconnect(); resolveEdit(r); } };
    const observer = new MutationObserver(() => { observer.disconnect(); afterPaint(() => finish(performance.now() - t0)); });
    observer.observe(watched, { childList: true, subtree: true, characterData: true });
    setTimeout(() => finish(null), 5000);
    input.value = value; t0 = performance.now();
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value.slice(-1) }));
  });
}
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
    await page.waitForFunction(() => document.getElementById('headline-extra-wte') && document.getElementById('staff-table'));
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
        : [`#${FIELDS[i % 10][0]}`, '#headline', FIELDS[i % 10][1][Math.floor(i / 10) % 2]];
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
