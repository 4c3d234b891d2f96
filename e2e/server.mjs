// A static file server for dist/ on 127.0.0.1 (random free port), for the
// end-to-end tests and the browser benchmark. Serves .wasm as application/wasm.
// `prefix` hosts the files under a sub-path ("/tools/workforce-gap/"), as an
// intranet might; `setRoot(dir)` swaps the files served (a new build).
import { createServer } from 'node:http';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
};

/**
 * Start serving `root` (default dist/, or $E2E_DIST if set); resolves to
 * { url, close, requests, setRoot }. With `gzip`, responses are compressed
 * for a browser that accepts it (level 9, as the size budget counts), as an
 * intranet's web server with compression on serves them: the benchmark's
 * loads over a slow network. With `brotli`, brotli at its highest quality
 * instead, for a browser that accepts it (a server set up for it, or one
 * serving files compressed ahead). With `isolated`, the page is cross-origin
 * isolated (precise timers). With `line` ({ latency, bytesPerSecond }), every
 * response waits `latency` ms and then shares one line of that speed with
 * every other response in flight, the service worker's included (the
 * browser's own network emulation slows only the page's requests).
 */
export async function serveDist(
  root = resolve(process.env.E2E_DIST || resolve(import.meta.dirname, '..', 'dist')),
  { prefix = '/', gzip = false, brotli = false, isolated = false, line = null } = {},
) {
  const compressed = new Map();
  // The shared line: when it is next free (ms, performance.now()).
  let lineFreeAt = 0;
  const wait = (ms) => new Promise((ok) => setTimeout(ok, Math.max(0, ms)));
  async function send(res, headers, body) {
    if (!line) { res.writeHead(200, headers); res.end(body); return; }
    await wait(line.latency);
    res.writeHead(200, headers);
    // A kilobyte at a time, each taking its turn on the line.
    for (let at = 0; at < body.length; at += 1024) {
      // A page closed mid-download frees the line.
      if (res.destroyed) return;
      const chunk = body.subarray(at, at + 1024);
      const now = performance.now();
      lineFreeAt = Math.max(now, lineFreeAt) + (chunk.length / line.bytesPerSecond) * 1000;
      await wait(lineFreeAt - now);
      res.write(chunk);
    }
    res.end();
  }
  let base = resolve(root);
  await stat(join(base, 'index.html')).catch(() => {
    throw new Error(`${base}/index.html is missing: run "bash scripts/build.sh" first.`);
  });
  const requests = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(url.pathname);
    if (!url.pathname.startsWith(prefix)) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
    let path = normalize(decodeURIComponent(url.pathname.slice(prefix.length - 1))).replace(/^(\.\.[/\\])+/, '');
    if (path.endsWith('/')) path += 'index.html';
    const file = join(base, path);
    if (!file.startsWith(base)) { res.writeHead(403).end(); return; }
    try {
      let body = await readFile(file);
      const headers = {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      };
      // Cross-origin isolated (`isolated`): the page's timers are precise
      // to microseconds, for benchmarks that time a few milliseconds.
      if (isolated) {
        headers['cross-origin-opener-policy'] = 'same-origin';
        headers['cross-origin-embedder-policy'] = 'require-corp';
      }
      const accepts = req.headers['accept-encoding'] ?? '';
      const encoding = brotli && /\bbr\b/.test(accepts) ? 'br' : gzip && /\bgzip\b/.test(accepts) ? 'gzip' : null;
      if (encoding && !/\.(png|ico)$/.test(file)) {
        const key = `${file}:${body.length}:${encoding}`;
        if (!compressed.has(key)) {
          compressed.set(key, encoding === 'br'
            ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
            : gzipSync(body, { level: 9 }));
        }
        body = compressed.get(key);
        headers['content-encoding'] = encoding;
        headers.vary = 'accept-encoding';
      }
      await send(res, headers, body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    /** The folder served (what `setRoot` last set). */
    get root() { return base; },
    requests,
    setRoot(dir) { base = resolve(dir); },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }),
  };
}
