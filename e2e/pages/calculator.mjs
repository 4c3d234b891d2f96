// Page object for the calculator: role and label locators only, as a person
// (or a screen reader) would find things. Ids and classes are used only where
// the UI offers no accessible name of its own: the headline figures, the
// stale banner, notices and the saved-scenarios list.

/** "1,234.5" / "£10.2 million" / "76%" -> a number (NaN if there is none). */
export function parseFigure(text) {
  const t = text.replace(/[£,%\s]/g, '');
  const million = /million$/.test(t);
  const n = Number(t.replace(/million$/, ''));
  return million ? n * 1e6 : n;
}

/** A role input's label -> its staff table column, where the two differ. */
export const STAFF_COLUMNS = {
  'In post': 'In post WTE',
  'Vacant posts': 'Funded vacancies WTE',
  'Annual cost per WTE': 'Annual cost',
};

export class CalculatorPage {
  constructor(page) {
    this.page = page;
  }

  /**
   * Open the app and wait for its first figures and (unless `api: false`)
   * for `window.workforceGap`, which reading loads (the panels module):
   * journeys that check what the first load fetches pass `api: false`.
   */
  async goto(url, { api = true } = {}) {
    await this.page.goto(url);
    await this.waitForApp({ api });
  }

  async waitForApp({ api = true } = {}) {
    await this.page.waitForFunction((withApi) => (!withApi || window.workforceGap) && document.querySelector('#headline, #no-results'), api);
  }

  heading() { return this.page.getByRole('heading', { level: 1 }); }

  /** An <article> card (a service or a role) headed by `name`. */
  card(name) {
    return this.page.getByRole('article').filter({
      has: this.page.getByRole('heading', { name, exact: true }),
    });
  }
  /**
   * A service's row group in the services table, found by its name cell's
   * accessible name ("Perinatal mental health: Service name"): its cells,
   * and its full card when open.
   */
  service(name) {
    return this.page.locator('#services-editor tbody').filter({
      has: this.page.getByRole('textbox', { name: `${name}: Service name`, exact: true }),
    });
  }

  /** Open a service's full card (who it serves, workload kind, role mix); resolves to the card. */
  async openService(name) {
    const button = this.page.getByRole('button', { name: `Full card of ${name}`, exact: true });
    if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
    const card = this.card(name);
    await card.waitFor();
    return card;
  }

  /** The staff table (roles and their staff in post). */
  staffTable() { return this.page.locator('#staff-table'); }

  /**
   * A role's row group in the staff table, found by its name cell's
   * accessible name ("Mental health nurse: Role name"): its cells, and its
   * details when open.
   */
  role(name) {
    return this.staffTable().locator('tbody').filter({
      has: this.page.getByRole('textbox', { name: `${name}: Role name`, exact: true }),
    });
  }

  /**
   * Every item's name, in order, in the panel titled like `panelTitle`:
   * the rows of the services table ("Services"), else the card headings.
   */
  async cardNames(panelTitle) {
    if (panelTitle === 'Services') {
      const labels = await this.page.locator('#services-editor').getByRole('textbox', { name: /: Service name$/ })
        .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')));
      return labels.map((l) => l.replace(/: Service name$/, ''));
    }
    const panel = this.page.locator('details.panel').filter({
      has: this.page.getByRole('heading', { name: new RegExp(`^${panelTitle} \\(\\d+\\)$`) }),
    });
    return panel.getByRole('article').getByRole('heading', { level: 4 }).allInnerTexts();
  }

  /**
   * The input labelled `label`, optionally inside the card whose heading is
   * `within` (a service), or the staff table's cell of the role `within`
   * in the column for `label` ("Mental health nurse: In post WTE").
   */
  field(label, within) {
    if (!within) return this.page.getByLabel(label, { exact: true });
    const column = STAFF_COLUMNS[label] ?? label;
    return this.card(within).getByLabel(label, { exact: true })
      .or(this.page.getByLabel(`${within}: ${column}`, { exact: true }));
  }

  async type(label, text, within) {
    const input = this.field(label, within);
    await input.fill(text);
  }

  /** The inline error message of an input, found through its aria-describedby. */
  async inlineError(input) {
    return input.evaluate((el) => {
      const ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
      const node = ids.map((id) => document.getElementById(id)).find((n) => n?.classList.contains('field__error'));
      return node ? node.textContent.trim() : null;
    });
  }

  /** A lever: a range input whose label starts with `name` (the label also holds its value). */
  lever(name) {
    return this.page.getByRole('slider', { name: new RegExp(`^${name}`) });
  }

  // The headline figures carry no accessible name of their own: ids.
  headline() { return this.page.locator('#headline'); }
  extraWte() { return this.page.locator('#headline-extra-wte'); }
  extraCost() { return this.page.locator('#headline-extra-cost'); }
  untreated() { return this.page.locator('#headline-untreated'); }
  shareInPost() { return this.page.locator('#headline-share'); }

  /** The headline extra WTE as a number. */
  async extraWteValue() {
    return parseFigure(await this.extraWte().innerText());
  }

  /** All four headline figures as text, to compare two pages. */
  async headlineTexts() {
    return {
      extraWte: await this.extraWte().innerText(),
      extraCost: await this.extraCost().innerText(),
      untreated: await this.untreated().innerText(),
      share: await this.shareInPost().innerText(),
    };
  }

  /** Wait until the headline extra WTE is no longer `previous` (text); returns the new number. */
  async waitForExtraWteChange(previousText) {
    await this.page.waitForFunction(
      (prev) => document.querySelector('#headline-extra-wte')?.innerText !== prev,
      previousText,
    );
    return this.extraWteValue();
  }

  errorSummary() { return this.page.getByRole('alert').filter({ hasText: /There (is a|are \d+) problem/ }); }
  errorLinks() { return this.errorSummary().getByRole('link'); }
  staleBanner() { return this.page.locator('#stale-banner'); }
  button(name) { return this.page.getByRole('button', { name, exact: true }); }

  /** A notice (role status for news, alert for problems) holding `text`. */
  notice(text) {
    return this.page.locator('.notice').filter({ hasText: text });
  }

  // Parts of the page that load on demand (the panels module): as a person
  // gets them, by pressing their button or scrolling to them.
  /** "Start from your area": press the button; the picker comes focused. */
  async openAreaPicker() {
    const start = this.page.getByRole('button', { name: 'Start from your area: find it by name or code' });
    if (await start.count()) await start.click();
    await this.areaSearch().waitFor();
    return this.areaSearch();
  }
  /** Scroll to the part below the calculator (compare, share and export, sources, about). */
  async showMore() {
    await this.page.locator('#more').scrollIntoViewIfNeeded();
    await this.page.getByRole('heading', { name: 'Share, import and export' }).waitFor();
  }
  /** Scroll to the lower part of the results (what it takes, by service and place, sensitivity, explanations). */
  async showAnalysis() {
    await this.page.locator('#analysis').scrollIntoViewIfNeeded();
    await this.page.locator('#what-it-takes').waitFor();
  }
  /** This page object, once the part below the calculator is loaded. */
  async inMore() { await this.showMore(); return this; }
  /** This page object, once the lower part of the results is loaded. */
  async inAnalysis() { await this.showAnalysis(); return this; }
  /** Open the projection panel; its uncertainty ranges editor loads. */
  async showRanges() {
    const panel = this.page.locator('details.panel').filter({ has: this.page.getByRole('heading', { name: 'Ten-year projection and uncertainty' }) });
    if (!(await panel.evaluate((d) => d.open))) await panel.locator('summary').click();
    await this.page.locator('#range-choice').waitFor();
  }

  // Area picker (a WAI-ARIA combobox) and places
  areaSearch() { return this.page.getByRole('combobox', { name: 'Find your area' }); }
  areaOptions() { return this.page.getByRole('listbox', { name: 'Areas' }).getByRole('option'); }

  // Results
  results() { return this.page.getByRole('region', { name: 'Results' }); }
  roleTable() { return this.page.getByRole('table', { name: /Extra roles required, by role/ }); }
  servicesTable() { return this.page.getByRole('table', { name: /Need and workload, by service/ }); }
  totalRow(table) { return table.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name: 'Total', exact: true }) }); }
  figures() { return this.results().getByRole('figure'); }

  // Scenarios
  saveName() { return this.page.getByLabel('Save this scenario as', { exact: true }); }
  async saveAs(name) {
    await this.saveName().fill(name);
    await this.button('Save').click();
    await this.notice(`Saved "${name}" in this browser.`).waitFor();
  }
  savedList() { return this.page.locator('ul.library'); }
  async savedNames() {
    return this.page.locator('ul.library .library__name').allInnerTexts();
  }
  compareGroup() { return this.page.getByRole('region', { name: 'Compare two saved scenarios' }); }
  compareTable() { return this.page.getByRole('table', { name: /compared with/ }); }

  // Share, import and export
  shareLink() { return this.page.getByLabel('Share link', { exact: true }); }
  importInput() { return this.page.getByLabel('Import a scenario (JSON)', { exact: true }); }

  /** Click a button that downloads a file; resolves to { name, text }. */
  async download(buttonName) {
    if (!(await this.button(buttonName).count())) await this.showMore();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.button(buttonName).click(),
    ]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    return { name: download.suggestedFilename(), text: await readFile(path, 'utf8') };
  }

  /** Click a button that downloads a binary file; resolves to { name, path }. */
  async downloadFile(buttonName) {
    if (!(await this.button(buttonName).count())) await this.showMore();
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.button(buttonName).click(),
    ]);
    return { name: download.suggestedFilename(), path: await download.path() };
  }

  /** localStorage as an object of strings. */
  async storage() {
    return this.page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  }
}
