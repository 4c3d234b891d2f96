// The calculator's service worker: after one visit, the app loads and works
// with the network off. It precaches the exact files of this build (their
// names carry content hashes; the list below is written at build time by
// Workbox's injectManifest, scripts/build-sw.mjs), serves them cache-first,
// and a new build replaces the old cache whole: the new worker waits until
// the page says "reload", then takes over and deletes the old cache.
//
// Nothing here talks to any other origin: requests elsewhere are not touched.

const PRECACHE = self.__WB_MANIFEST;

// One cache per build: its name is a hash of the manifest's revisions.
function buildId(entries) {
  let h = 2166136261;
  for (const e of entries) {
    for (const c of `${e.url}@${e.revision ?? ''};`) {
      h ^= c.charCodeAt(0);
      h = Math.imul(h, 16777619) >>> 0;
    }
  }
  return h.toString(16);
}
const CACHE = `workforce-gap-${buildId(PRECACHE)}`;
const SCOPE = new URL(self.registration.scope);
const urlOf = (entry) => new URL(entry.url, SCOPE).href;
const INDEX = new URL('index.html', SCOPE).href;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Fresh from the server, never from the HTTP cache, so a new build's
    // index.html is not mixed with an old one's files.
    await cache.addAll(PRECACHE.map((e) => new Request(urlOf(e), { cache: 'reload' })));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('workforce-gap-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

// The page asks the waiting worker to take over when the user chooses to reload.
self.addEventListener('message', (event) => {
  if (event.data === 'workforce-gap:activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== SCOPE.origin || !url.href.startsWith(SCOPE.href)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    if (request.mode === 'navigate') {
      // The app is one page: any navigation in scope gets this build's page.
      return (await cache.match(INDEX)) ?? fetch(request);
    }
    url.hash = '';
    const hit = await cache.match(url.href, { ignoreSearch: true });
    return hit ?? fetch(request);
  })());
});
