// Prints the gzip (level 9) and brotli (quality 11) size of every file the page downloads on first
// load, their total, and the ratio to a bare Yew counter app built the same
// way (tools/size-baseline: same toolchain, profile, Trunk and wasm-opt).
// Files the page fetches only on demand (scripts/first-load.mjs says which)
// are listed apart and not counted.
//
//   node scripts/sizes.mjs [dist] [--baseline tools/size-baseline/dist]
//
// SIZE_BUDGET_RATIO=N makes it exit 1 when the ratio is over N;
// SIZE_BUDGET_BYTES=N when the first load's gzip bytes are over N.
import { existsSync, readFileSync } from 'node:fs';
import { firstLoad } from './first-load.mjs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// Measured here with yew 0.23, Rust 1.95, wasm-opt 132 -Oz (docs/performance.md);
// used only when the baseline app has not been built.
const RECORDED_BARE_YEW_GZIP_BYTES = 58_360;

const args = process.argv.slice(2);
const flag = args.indexOf('--baseline');
const baselineDir = flag >= 0 ? args.splice(flag, 2)[1] : null;
const dir = args[0] ?? 'dist';

function measure(folder, { onDemand = false } = {}) {
  const { first, later } = firstLoad(folder);
  const rows = [];
  for (const name of onDemand ? later : first) {
    const raw = readFileSync(join(folder, name));
    const brotli = brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    rows.push({ name, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length, brotli });
  }
  const sum = (k) => rows.reduce((a, r) => a + r[k], 0);
  return { rows, gzip: sum('gzip'), raw: sum('raw'), brotli: sum('brotli') };
}

const kb = (n) => (n / 1000).toFixed(1).padStart(8) + ' KB';
const app = measure(dir);
console.log('file'.padEnd(48) + 'raw'.padStart(11) + 'gzip -9'.padStart(11) + 'brotli 11'.padStart(11));
for (const r of app.rows) console.log(r.name.padEnd(48) + kb(r.raw) + kb(r.gzip) + kb(r.brotli));
console.log('total (first load)'.padEnd(48) + kb(app.raw) + kb(app.gzip) + kb(app.brotli));
const later = measure(dir, { onDemand: true });
for (const r of later.rows) console.log(`${r.name} (on demand)`.padEnd(48) + kb(r.raw) + kb(r.gzip) + kb(r.brotli));
const panels = later.rows.filter((r) => r.name.startsWith('panels'));
if (panels.length) {
  console.log(`panels module (on demand: area picker, analysis, ranges, explanations, compare, share, sources), gzip: ${panels.reduce((a, r) => a + r.gzip, 0)} bytes`);
  const third = later.rows.filter((r) => r.name.startsWith('workbook'));
  if (third.length) console.log(`third module (on demand: the Excel workbook writer), gzip: ${third.reduce((a, r) => a + r.gzip, 0)} bytes`);
  const fourth = later.rows.filter((r) => r.name.startsWith('staff-import'));
  if (fourth.length) console.log(`fourth module (on demand: importing staff in post), gzip: ${fourth.reduce((a, r) => a + r.gzip, 0)} bytes`);
}

let bare = RECORDED_BARE_YEW_GZIP_BYTES;
let bareBrotli = null;
let how = 'recorded; build tools/size-baseline to measure it';
if (baselineDir) {
  if (!existsSync(baselineDir)) {
    console.error(`no baseline build in ${baselineDir}`);
    process.exit(1);
  }
  const b = measure(baselineDir);
  bare = b.gzip;
  bareBrotli = b.brotli;
  how = `measured: ${b.rows.map((r) => `${r.name.replace(/-[0-9a-f]{16}/, '')} ${r.gzip}`).join(', ')}`;
}
const ratio = app.gzip / bare;
console.log(`bare Yew counter app, gzip: ${bare} bytes (${how})`);
if (bareBrotli) {
  console.log(`first load, brotli: ${app.brotli} bytes = ${(app.brotli / bareBrotli).toFixed(2)}x a bare Yew counter app (${bareBrotli} bytes)`);
}
console.log(`first load, gzip: ${app.gzip} bytes = ${ratio.toFixed(2)}x a bare Yew counter app`);
if (process.env.SIZE_BUDGET_BYTES && app.gzip > Number(process.env.SIZE_BUDGET_BYTES)) {
  console.error(`over budget: the first load is more than ${process.env.SIZE_BUDGET_BYTES} bytes gzip`);
  process.exit(1);
}
if (process.env.SIZE_BUDGET_RATIO && ratio > Number(process.env.SIZE_BUDGET_RATIO)) {
  console.error(`over budget: more than ${process.env.SIZE_BUDGET_RATIO}x a bare Yew app`);
  process.exit(1);
}
