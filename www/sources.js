// The citation of a default, shown when its "Default 5%: sourced" under an
// input is opened. The citations of every default (data/builtins/sources.csv,
// written beside the page as sources.json at build time) are fetched the
// first time one is opened, from the calculator's own origin, so they are
// not part of the first load; the service worker precaches them for offline
// use. Loaded by index.html, and by element.js in a host page.
(() => {
  let citations = null;
  const base = () => globalThis.workforceGapAssets?.base ?? document.baseURI;
  const load = () => (citations ??= fetch(new URL('sources.json', base()))
    .then((response) => {
      if (!response.ok) throw new Error(`the server said ${response.status}`);
      return response.json();
    })
    .catch((error) => {
      citations = null;
      throw error;
    }));
  document.addEventListener('toggle', (event) => {
    const details = event.target;
    if (!(details instanceof HTMLDetailsElement) || !details.open || !details.dataset.sourceKey) return;
    const text = details.querySelector('.field__source-text');
    if (!text || text.dataset.filled === details.dataset.sourceKey) return;
    text.textContent = 'Opening the source...';
    load().then(
      (all) => {
        text.textContent = all[details.dataset.sourceKey] ?? 'No source is recorded for this input.';
        text.dataset.filled = details.dataset.sourceKey;
      },
      (error) => {
        text.textContent = `The sources could not be loaded (${error.message}). Every source is also listed under "Sources and assumptions" below.`;
      },
    );
  }, true);
})();
