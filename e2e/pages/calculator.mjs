// Page object for the calculator: role and label locators only, as a person
// (or a screen reader) would find things.
export class CalculatorPage {
  constructor(page) {
    this.page = page;
  }

  async goto(url) {
    await this.page.goto(url);
    await this.page.waitForFunction(() => window.workforceGap && document.querySelector('#headline, #no-results'));
  }

  heading() { return this.page.getByRole('heading', { level: 1 }); }

  /** The input labelled `label`, optionally inside the card whose heading is `within`. */
  field(label, within) {
    const scope = within
      ? this.page.getByRole('article').filter({ has: this.page.getByRole('heading', { name: within, exact: true }) })
      : this.page;
    return scope.getByLabel(label, { exact: true });
  }

  async type(label, text, within) {
    const input = this.field(label, within);
    await input.fill(text);
  }

  extraWte() { return this.page.locator('#headline-extra-wte'); }
  extraCost() { return this.page.locator('#headline-extra-cost'); }
  untreated() { return this.page.locator('#headline-untreated'); }

  /** The headline extra WTE as a number. */
  async extraWteValue() {
    return Number((await this.extraWte().innerText()).replace(/,/g, ''));
  }

  errorSummary() { return this.page.getByRole('alert').filter({ hasText: /There (is a|are \d+) problem/ }); }
  staleBanner() { return this.page.locator('#stale-banner'); }
  button(name) { return this.page.getByRole('button', { name, exact: true }); }
  roleTable() { return this.page.getByRole('table', { name: /Extra roles required, by role/ }); }
}
