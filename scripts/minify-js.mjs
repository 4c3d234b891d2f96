// Minifies what a release build's JavaScript and WebAssembly say about each
// other: the first step of build-offline.mjs (Trunk runs post_build hooks
// side by side, so it cannot be a hook of its own there), and the bare
// counter's one hook. Trunk minifies the HTML and CSS but leaves
// wasm-bindgen's glue (the page's is 45 KB as written) and the copied
// scripts as they are; every byte of the first load counts (issue 17: at
// most 266,000 bytes gzip). So:
//  1. each module's imports get short names, in the module and its glue
//     (scripts/wasm-imports.mjs);
//  2. every script is minified with terser.
// The file names stay; the `integrity` of every tag that names a changed
// file is recomputed, or the browser would refuse it. The bare Yew counter
// (tools/size-baseline) is built with the same hook, so the size ratio
// compares like with like.
//
//   node scripts/minify-js.mjs <staging dir>
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import { minify } from 'terser';
import { shortenImports } from './wasm-imports.mjs';


/** Every .js file under `d`, but the service worker (build-offline.mjs writes it afterwards). */
function scripts(d) {
  return readdirSync(d).flatMap((name) => {
    const path = join(d, name);
    if (statSync(path).isDirectory()) return scripts(path);
    return name.endsWith('.js') && name !== 'sw.js' ? [path] : [];
  });
}

/** `page` (index.html) with the integrity of every tag that names `name` made that of `bytes`. */
function rehash(page, name, bytes) {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const integrity = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
  return page.replace(new RegExp(`<[^>]*(?:href|src)="?\\.?/?${escaped}"?[^>]*>`, 'g'),
    (tag) => tag.replace(/integrity="?sha384-[A-Za-z0-9+/=]+"?/, `integrity=${integrity}`));
}

/** Shorten every module's import names, minify every script of the build in `dir`, and fix index.html's hashes. */
export async function minifyScripts(dir) {
const indexPath = join(dir, 'index.html');
let page = readFileSync(indexPath, 'utf8');
let renamed = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('_bg.wasm'))) {
  const gluePath = join(dir, name.replace(/_bg\.wasm$/, '.js'));
  const short = shortenImports(readFileSync(join(dir, name)), readFileSync(gluePath, 'utf8'));
  writeFileSync(join(dir, name), short.wasm);
  writeFileSync(gluePath, short.js);
  page = rehash(page, name, short.wasm);
  renamed += short.renamed.length;
}
let before = 0;
let after = 0;
for (const path of scripts(dir)) {
  const text = readFileSync(path, 'utf8');
  // A module (wasm-bindgen's glue and snippets) keeps its exports; a
  // classic script (offline.js, sources.js) runs at the top level of the
  // page, where its names are global: they stay too.
  const module = /^\s*(import|export)\b/m.test(text);
  const result = await minify(text, {
    module,
    ecma: 2020,
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (typeof result.code !== 'string') throw new Error(`terser gave nothing for ${path}`);
  writeFileSync(path, result.code);
  before += text.length;
  after += result.code.length;
  // The tags that name this file carry its hash: recompute it.
  page = rehash(page, relative(dir, path).split('\\').join('/'), result.code);
}
writeFileSync(indexPath, page);
console.error(`minify: ${renamed} WebAssembly imports renamed; JavaScript ${(before / 1000).toFixed(1)} KB -> ${(after / 1000).toFixed(1)} KB (before gzip)`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  if (process.env.TRUNK_PROFILE === 'debug') {
    console.error('minify: debug build, scripts left as written');
  } else {
    await minifyScripts(resolve(process.argv[2] ?? 'dist'));
  }
}
