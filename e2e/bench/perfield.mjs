// A keystroke's script and forced style and layout for each input the
// benchmark edits (common.mjs EDIT_FIELDS), medians at 4x CPU (CPU=1 for
// none), as micro.mjs measures them: which inputs cost the most, and
// whether a style rule's experiment moved one or all. Not part of the suite:
//   node e2e/bench/perfield.mjs <dist>
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { benchEdit, openBenchPage, timeScriptAndLayout, EDIT_FIELDS } from './common.mjs';
const dir = process.argv[2];
const server = await serveDist(dir, { isolated: true });
const browser = await launch();
const rows = EDIT_FIELDS.map(() => ({ script: [], layout: [] }));
for (let r = 0; r < 2; r++) {
  const { context, page, cdp } = await openBenchPage(browser, server.url, 'edits');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.CPU || 4) });
  for (let i = 0; i < 10 + 80; i++) {
    const t = await page.evaluate(timeScriptAndLayout, benchEdit('edits', i));
    if (i >= 10 && t) { rows[i % EDIT_FIELDS.length].script.push(t[0]); rows[i % EDIT_FIELDS.length].layout.push(t[1]); }
  }
  await context.close();
}
const med = (a) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];
EDIT_FIELDS.forEach(([id], k) => console.log(id.padEnd(40), 'script', med(rows[k].script).toFixed(2), 'layout', med(rows[k].layout).toFixed(2)));
await browser.close(); await server.close();
