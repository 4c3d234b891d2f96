// Writes sources.json beside index.html (Trunk's post-build hook): the
// citation of every default, by input key, from data/builtins/sources.csv,
// for www/sources.js to show when a reader opens one. The page's WebAssembly
// carries only which defaults are illustrative (build.rs), not the citations.
//
//   node scripts/build-sources.mjs OUT_FILE
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvObjects } from './csv.mjs';

const SOURCES = resolve(import.meta.dirname, '..', 'data', 'builtins', 'sources.csv');

export function build() {
  const rows = csvObjects(readFileSync(SOURCES, 'utf8'));
  return JSON.stringify(Object.fromEntries(rows.map((r) => [r.key, r.citation])));
}

const [out] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/build-sources.mjs OUT_FILE');
  process.exit(2);
}
const json = build();
writeFileSync(out, json);
console.log(`sources: wrote ${out} (${Object.keys(JSON.parse(json)).length} citations, ${json.length} bytes)`);
