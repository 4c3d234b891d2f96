// Makes the calculator work offline after one visit: registers the service
// worker (sw.js, written at build time with the exact files of the build),
// and when a new build has been installed in the background, says so with a
// button that reloads into it. Plain script, outside the WebAssembly: it runs
// after the page has loaded and never delays the first figure.
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
  if (document.readyState === 'complete') start();
  else addEventListener('load', start, { once: true });
})();
