// Which files of a build the page downloads on its first load, and which
// only on demand: what the size budget counts (scripts/sizes.mjs), and what
// the first-load journey checks against the requests a browser really makes
// (e2e/foundation.test.mjs).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Not part of the page's first load: the area tables (fetched when the area
// picker is first used), the citations of the defaults (sources.json, fetched
// when a reader first opens one) and what the browser fetches in the background for
// working offline (the service worker and the manifest; the icons are a
// folder and not counted).
// The panels module (panels-<hash>.js, its wasm and its styles: the panels
// off the first screen, imported when first needed) is on demand too.
// element.js is for host pages (the custom element), not this page.
const ON_DEMAND = new Set(['areas.tsv', 'sources.json', 'sw.js', 'manifest.webmanifest', 'element.js']);
const onDemandFile = (name) => ON_DEMAND.has(name) || /^(panels|workbook|staff-import)(-[0-9a-f]+)?(\.js|_bg\.wasm|\.css)$/.test(name);

/** Every file under `folder` (wasm-bindgen's snippets/ are one level down). */
function files(folder, prefix = '') {
  return readdirSync(join(folder, prefix)).sort().flatMap((name) => {
    const rel = prefix ? `${prefix}/${name}` : name;
    // Icons, and the example host pages for embedding, are not the page's.
    if (statSync(join(folder, rel)).isDirectory()) return ['icons', 'examples'].includes(rel) ? [] : files(folder, rel);
    return [rel];
  });
}

/** wasm-bindgen's snippets (snippets/<crate>/inlineN.js) that a file imports. */
const snippetsOf = (folder, file) =>
  [...readFileSync(join(folder, file), 'utf8').matchAll(/snippets\/[\w.-]+\/[\w.-]+\.js/g)].map((m) => m[0]);

/**
 * `{ first, later, preloadedUnused }`: the build's files (paths relative to `folder`) the
 * page downloads on first load, and those it fetches only on demand. A
 * snippet is in the first load when the app's own script imports it or
 * index.html preloads it; the modules on demand import theirs.
 */
export function firstLoad(folder) {
  const all = files(folder);
  const main = all.find((name) => /^workforce-gap-[0-9a-f]+\.js$/.test(name) || name === 'workforce-gap.js');
  const preloaded = existsSync(join(folder, 'index.html'))
    ? [...readFileSync(join(folder, 'index.html'), 'utf8').matchAll(/<link\b[^>]*modulepreload[^>]*>/g)]
      .map((m) => m[0].match(/snippets\/[\w.-]+\/[\w.-]+\.js/)?.[0]).filter(Boolean)
    : [];
  const imported = main ? snippetsOf(folder, main) : [];
  const firstSnippets = new Set([...imported, ...preloaded]);
  const later = (name) => name.startsWith('snippets/') ? !firstSnippets.has(name) : onDemandFile(name.split('/').pop());
  return {
    first: all.filter((name) => !later(name)),
    later: all.filter(later),
    // Preloaded but not the app's: downloaded for nothing (build-offline.mjs drops their preloads).
    preloadedUnused: preloaded.filter((name) => !imported.includes(name)),
  };
}
