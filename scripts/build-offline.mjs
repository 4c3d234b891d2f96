// Trunk post_build hook (after build-areas.mjs): makes a build installable
// and safe to host on a locked-down intranet.
//  1. The Content-Security-Policy meta tag in index.html: only this site's
//     own files, what WebAssembly needs ('wasm-unsafe-eval'), Trunk's one
//     inline start-up script by its hash, and no connection anywhere else.
//  2. sw.js, the service worker, with the precache list of every file of
//     this build (Workbox's injectManifest; revisions are content hashes).
//  0. First, in every build: the modules loaded on demand (panels.js: the
//     panels off the first screen; workbook.js: the Excel writer;
//     staff-import.js: reading a workforce file; Trunk
//     names them without a hash) get a content hash in their names, like
//     the app's own files, and index.html a <meta name=wg-panels> and
//     <meta name=wg-workbook> naming them, so a browser never mixes an old
//     module with a new app.
//
//  Before all of them, in release builds: the JavaScript minified
//  (scripts/minify-js.mjs), so every hash is of the files as served.
//
//   node scripts/build-offline.mjs <staging dir>
import { existsSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { injectManifest } from 'workbox-build';
import { minifyScripts } from './minify-js.mjs';
import { firstLoad } from './first-load.mjs';

const dir = resolve(process.argv[2] ?? 'dist');
const ROOT = resolve(import.meta.dirname, '..');

/** The policy, given the hashes of the page's inline scripts. */
export function contentSecurityPolicy(scriptHashes) {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${scriptHashes.map((h) => `'sha256-${h}'`).join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Comments and runs of white space out of a style sheet (release builds). */
function minifyCss(text) {
  if (process.env.TRUNK_PROFILE === 'debug') return text;
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/ ?([{};,>]) ?/g, '$1').trim();
}

const indexPath = join(dir, 'index.html');
if (process.env.TRUNK_PROFILE !== 'debug') await minifyScripts(dir);
// The modules loaded on demand: panels (the panels module: what is off the first screen) and
// workbook (the Excel writer, loaded when a workbook is asked for).
// A module's own styles, when it has them (panels.css), load with it
// under the same name (panel_host.rs, importPanels): comments and spaces
// taken out in release builds, as Trunk does for the first load's CSS.
for (const name of ['panels', 'workbook', 'staff-import']) {
  if (!existsSync(join(dir, `${name}.js`))) continue;
  const js = readFileSync(join(dir, `${name}.js`));
  const wasm = readFileSync(join(dir, `${name}_bg.wasm`));
  const cssPath = join(dir, `${name}.css`);
  const css = existsSync(cssPath) ? minifyCss(readFileSync(cssPath, 'utf8')) : null;
  const hash = createHash('sha256').update(js).update(wasm).update(css ?? '').digest('hex').slice(0, 16);
  renameSync(join(dir, `${name}.js`), join(dir, `${name}-${hash}.js`));
  renameSync(join(dir, `${name}_bg.wasm`), join(dir, `${name}-${hash}_bg.wasm`));
  if (css !== null) {
    writeFileSync(join(dir, `${name}-${hash}.css`), css);
    unlinkSync(cssPath);
  }
  const page = readFileSync(indexPath, 'utf8').replace(new RegExp(`<meta name="?wg-${name}"?[^>]*>`), '');
  const charsetTag = page.match(/<meta charset="?utf-8"?>/i);
  if (!charsetTag) throw new Error('index.html has no <meta charset>');
  writeFileSync(indexPath, page.replace(charsetTag[0], `${charsetTag[0]}<meta name=wg-${name} content=${name}-${hash}.js>`));
  console.error(`offline: module on demand named ${name}-${hash}.js`);
}

// The custom element's script (www/element.js) with this build's file
// names, and the origins that may post messages to the calculator (issue 10;
// WG_ALLOWED_ORIGINS="https://intranet.example https://b.example", none by
// default: only the calculator's own origin).
{
  let page = readFileSync(indexPath, 'utf8');
  const js = page.match(/from '\.\/(workforce-gap-[0-9a-f]+\.js)'/)?.[1];
  const wasm = page.match(/module_or_path: '\.\/(workforce-gap-[0-9a-f]+_bg\.wasm)'/)?.[1];
  if (!js || !wasm) throw new Error('index.html does not name the app\'s script and wasm: has Trunk changed?');
  const css = [...page.matchAll(/<link\b[^>]*>/g)].map((m) => m[0])
    .filter((tag) => /rel="?stylesheet/.test(tag))
    .map((tag) => tag.match(/href="?\.?\/?([\w-]+\.css)/)?.[1]).filter(Boolean);
  const panels = page.match(/<meta name="?wg-panels"? content="?([\w.-]+)"?>/)?.[1] ?? 'panels.js';
  const workbook = page.match(/<meta name="?wg-workbook"? content="?([\w.-]+)"?>/)?.[1] ?? 'workbook.js';
  const staffImport = page.match(/<meta name="?wg-staff-import"? content="?([\w.-]+)"?>/)?.[1] ?? 'staff-import.js';
  const assets = JSON.stringify({ js, wasm, css, panels, workbook, staffImport });
  const element = readFileSync(join(ROOT, 'www', 'element.js'), 'utf8')
    .replace(/\/\* ASSETS \*\/[\s\S]*?\/\* END ASSETS \*\//, assets);
  writeFileSync(join(dir, 'element.js'), element);
  // Trunk preloads every wasm-bindgen snippet of the crate, and the modules
  // on demand share the page's crate: a snippet the app's own script does
  // not import (the panels module's loader) would be downloaded with the
  // first load for nothing. It is fetched when its module is.
  const { preloadedUnused } = firstLoad(dir);
  page = page.replace(/<link\b[^>]*modulepreload[^>]*>/g, (tag) => (preloadedUnused.some((s) => tag.includes(s)) ? '' : tag));
  const origins = (process.env.WG_ALLOWED_ORIGINS ?? '').split(/[\s,]+/).filter((o) => /^https?:\/\/[^/\s]+$/.test(o));
  page = page.replace(/<meta name="?wg-allowed-origins"?[^>]*>/, '');
  if (origins.length) {
    page = page.replace(/<meta charset="?utf-8"?>/i, (m) => `${m}<meta name=wg-allowed-origins content="${origins.join(' ')}">`);
  }
  writeFileSync(indexPath, page);
  console.error(`offline: element.js for ${js}; messages accepted from this origin${origins.length ? ` and ${origins.join(', ')}` : ' only'}`);
}

if (process.env.TRUNK_PROFILE === 'debug') {
  // `trunk serve`: no policy (Trunk fills its live-reload script in as it
  // serves, after this hook) and no service worker (it would keep the page
  // on old files); offline.js becomes a no-op. Release builds have both.
  writeFileSync(join(dir, 'offline.js'), '// A debug build (trunk serve): no service worker.\n');
  console.error('offline: debug build, no Content-Security-Policy and no service worker');
  process.exit(0);
}

let html = readFileSync(indexPath, 'utf8');
const inline = [...html.matchAll(/<script(?:\s+type=("?)module\1)?>([\s\S]*?)<\/script>/g)].map((m) => m[2]);
if (inline.length === 0) throw new Error('index.html has no inline start-up script: has Trunk changed?');
const hashes = inline.map((text) => createHash('sha256').update(text, 'utf8').digest('base64'));
const policy = contentSecurityPolicy(hashes);
html = html.replace(/<meta http-equiv=("?)Content-Security-Policy\1 content="[^"]*">/i, '');
const meta = `<meta http-equiv=Content-Security-Policy content="${policy}">`;
const charset = html.match(/<meta charset="?utf-8"?>/i);
if (!charset) throw new Error('index.html has no <meta charset>');
html = html.replace(charset[0], `${charset[0]}${meta}`);
writeFileSync(indexPath, html);

const { count, size, warnings } = await injectManifest({
  swSrc: join(ROOT, 'www', 'sw.js'),
  swDest: join(dir, 'sw.js'),
  globDirectory: dir,
  globPatterns: ['**/*.{html,js,css,wasm,tsv,json,webmanifest,png}'],
  globIgnores: ['sw.js'],
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
});
for (const w of warnings) console.error(`workbox: ${w}`);
console.error(`offline: CSP with ${hashes.length} inline script hash(es); sw.js precaches ${count} files (${(size / 1000).toFixed(1)} KB)`);
