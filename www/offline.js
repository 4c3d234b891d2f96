// Makes the calculator work offline after one visit: registers the service
// worker (sw.js, written at build time with the exact files of the build),
// and when a new build has been installed in the background, says so with a
// button that reloads into it. Plain script, outside the WebAssembly.
//
// It registers once the calculator has painted its whole page (the app then
// sets data-calculator-rendered on <html>), not at the page's load event:
// the worker's first install downloads every file of the build (about 1.5 MB
// gzip), and load comes long before the page's WebAssembly has arrived, so
// on a slow network the two shared the line (docs/performance.md, fifth
// session).
(() => {
  if (!('serviceWorker' in navigator)) return;
  let reloading = false;

  function offer(worker) {
    if (document.getElementById('new-version')) return;
    const box = document.createElement('div');
    box.id = 'new-version';
    box.className = 'notice notice--info notice--floating';
    box.setAttribute('role', 'status');
    const text = document.createElement('p');
    text.className = 'notice__text';
    text.textContent = 'A new version of the calculator is ready. Reload to use it: your scenario is saved.';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button--small';
    button.textContent = 'Reload';
    button.addEventListener('click', () => {
      reloading = true;
      worker.postMessage('workforce-gap:activate');
    });
    box.append(text, button);
    (document.getElementById('main') ?? document.body).prepend(box);
  }

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading) location.reload();
  });

  async function start() {
    try {
      const registration = await navigator.serviceWorker.register('./sw.js');
      if (registration.waiting && navigator.serviceWorker.controller) offer(registration.waiting);
      registration.addEventListener('updatefound', () => {
        const worker = registration.installing;
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(worker);
        });
      });
    } catch {
      // Working offline is a bonus: the calculator works without it.
    }
  }
  const html = document.documentElement;
  const rendered = () => html.hasAttribute('data-calculator-rendered');
  if (rendered()) start();
  else {
    new MutationObserver((_, observer) => {
      if (rendered()) { observer.disconnect(); start(); }
    }).observe(html, { attributes: true, attributeFilter: ['data-calculator-rendered'] });
  }
})();
