// One load's requests under 4x CPU and slow 4G (gzip): start, end, bytes. Not part of the suite.
//   node e2e/bench/waterfall.mjs <dist>[@selector]
import { serveDist } from '../server.mjs';
import { launch } from '../browser.mjs';
import { SLOW_4G, firstFigureTimes, openLoadPage } from './common.mjs';
const [dir, sel] = process.argv[2].split('@');
const server = await serveDist(dir, { gzip: !process.env.RAW });
const browser = await launch();
const { page, cdp } = await openLoadPage(browser, sel || '#headline-extra-wte', { cpu: Number(process.env.CPU || 4), network: process.env.NONET ? null : SLOW_4G });
await cdp.send('Network.enable');
const reqs = new Map();
let t0 = null;
cdp.on('Network.requestWillBeSent', (e) => { if (t0 === null) t0 = e.timestamp; reqs.set(e.requestId, { url: e.request.url.replace(server.url, ''), start: (e.timestamp - t0) * 1000, type: e.type }); });
cdp.on('Network.responseReceived', (e) => { const r = reqs.get(e.requestId); if (r) r.resp = (e.timestamp - t0) * 1000; });
cdp.on('Network.loadingFinished', (e) => { const r = reqs.get(e.requestId); if (r) { r.end = (e.timestamp - t0) * 1000; r.bytes = e.encodedDataLength; } });
await page.goto(server.url);
const first = await firstFigureTimes(page);
await page.waitForTimeout(1500);
for (const r of [...reqs.values()].sort((a, b) => a.start - b.start)) console.log(String(r.url).slice(0, 60).padEnd(62), r.type?.padEnd(10), r.start.toFixed(0).padStart(6), (r.resp ?? 0).toFixed(0).padStart(6), (r.end ?? 0).toFixed(0).padStart(6), String(r.bytes ?? '').padStart(8));
console.log('first figure dom', first.dom.toFixed(0), 'paint', first.paint.toFixed(0));
await browser.close(); await server.close();
