// <workforce-gap-calculator>: the calculator in a host page, without an
// iframe. Load this file (from where the calculator is hosted) and put the
// element where the calculator should appear:
//
//   <script type="module" src="/tools/workforce-gap/element.js"></script>
//   <workforce-gap-calculator embed view="results"
//       scenario-url="/tools/workforce-gap/our-plan.json"
//       lock="all-but-levers"></workforce-gap-calculator>
//
// Attributes are the host options of the embed view (README: "Embedding"):
// embed, view, scenario-url, scenario-json, lock. One calculator per page.
// The build writes the names of this build's files into ASSETS below.
const ASSETS = /* ASSETS */ { js: 'workforce-gap.js', wasm: 'workforce-gap_bg.wasm', css: [], panels: 'panels.js', workbook: 'workbook.js', staffImport: 'staff-import.js' } /* END ASSETS */;

let started = null;

function start() {
  if (started) return started;
  const base = new URL('./', import.meta.url);
  for (const css of ASSETS.css) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL(css, base).href;
    document.head.append(link);
  }
  // A default's citation when it is opened (www/sources.js).
  const sources = document.createElement('script');
  sources.src = new URL('sources.js', base).href;
  document.head.append(sources);
  // Where the app finds its own files (the panels module, the area tables).
  globalThis.workforceGapAssets = { base: base.href, panels: ASSETS.panels, workbook: ASSETS.workbook, staffImport: ASSETS.staffImport };
  started = import(new URL(ASSETS.js, base).href)
    .then((app) => app.default({ module_or_path: new URL(ASSETS.wasm, base).href }));
  return started;
}

class WorkforceGapCalculator extends HTMLElement {
  connectedCallback() {
    start().catch((e) => {
      this.textContent = `The calculator could not be loaded: ${e.message}`;
    });
  }
}

if (!customElements.get('workforce-gap-calculator')) {
  customElements.define('workforce-gap-calculator', WorkforceGapCalculator);
}
