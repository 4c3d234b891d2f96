// Prints the gzip size (level 9) of every file the page downloads, their
// total, and the ratio to a bare Yew counter app built the same way
// (58.4 KB: 51.6 KB wasm + 5.9 KB JS + 0.8 KB HTML, measured here with
// yew 0.23, Rust 1.95, wasm-opt 132 -Oz; see docs/performance.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BARE_YEW_GZIP_BYTES = 58_359;
const dir = process.argv[2] ?? 'dist';
const rows = [];
for (const name of readdirSync(dir).sort()) {
  const path = join(dir, name);
  if (!statSync(path).isFile()) continue;
  const raw = readFileSync(path);
  rows.push({ name, raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length });
}
const kb = (n) => (n / 1000).toFixed(1).padStart(8) + ' KB';
console.log('file'.padEnd(48) + 'raw'.padStart(11) + 'gzip -9'.padStart(11));
for (const r of rows) console.log(r.name.padEnd(48) + kb(r.raw) + kb(r.gzip));
const total = rows.reduce((a, r) => a + r.gzip, 0);
console.log('total'.padEnd(48) + kb(rows.reduce((a, r) => a + r.raw, 0)) + kb(total));
console.log(`first load, gzip: ${total} bytes = ${(total / BARE_YEW_GZIP_BYTES).toFixed(2)}x a bare Yew counter app (${BARE_YEW_GZIP_BYTES} bytes)`);
if (process.env.SIZE_BUDGET_RATIO && total / BARE_YEW_GZIP_BYTES > Number(process.env.SIZE_BUDGET_RATIO)) {
  console.error(`over budget: more than ${process.env.SIZE_BUDGET_RATIO}x a bare Yew app`);
  process.exit(1);
}
