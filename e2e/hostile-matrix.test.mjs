// Hostile input, systematically (issue 11): every kind of numeric field given
// every kind of bad text; files that are not scenarios; share links altered;
// storage that is full or turned off. Each gets a clear message, the user's
// other data stays, and the app keeps working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible } from './browser.mjs';
import { CalculatorPage } from './pages/calculator.mjs';

const CURRENT = 'workforce-gap:current';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const BAD = ['', 'abc', '1e309', 'NaN', '0x10', '1,2,3', '9'.repeat(10_000) + 'x', '--1'];

/** One input of each unit on the page (the unit is the hint's last bracket). */
async function oneFieldPerUnit(page) {
  return page.evaluate(() => {
    const seen = new Map();
    for (const input of document.querySelectorAll('input.field__input[id^="f-"][inputmode="decimal"]')) {
      // A form field's hint ends with its unit; a table cell says it in data-unit.
      const unit = input.closest('.field')?.querySelector('.field__unit')?.textContent?.trim() ?? input.dataset.unit;
      if (unit && !seen.has(unit)) seen.set(unit, input.id);
    }
    return [...seen.entries()];
  });
}

test('every kind of numeric field refuses every kind of bad text, briefly, and recovers', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  // Open the panels so every input is on the page.
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  const fields = await oneFieldPerUnit(page);
  assert.ok(fields.length >= 9, `one field for each unit: ${fields.map(([u]) => u).join(', ')}`);
  const good = await app.headlineTexts();
  const otherField = page.locator('#f-name');
  const otherValue = await otherField.inputValue();

  for (const [unit, id] of fields) {
    const input = page.locator(`#${id}`);
    const original = await input.inputValue();
    for (const bad of BAD) {
      await input.fill(bad);
      await page.waitForFunction((el) => el.getAttribute('aria-invalid') === 'true', await input.elementHandle());
      const message = await app.inlineError(input);
      assert.ok(message && message.length > 10, `${unit} "${bad.slice(0, 12)}": a message (${message})`);
      assert.ok(message.length < 220, `${unit}: a short message, not the whole text (${message.length} characters)`);
      assert.equal(await input.inputValue(), bad, 'what was typed stays');
    }
    // "-1": refused where a negative makes no sense, with a message; where it
    // is allowed (a fall in demand), taken.
    await input.fill('-1');
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
    if ((await input.getAttribute('aria-invalid')) === 'true') {
      const message = await app.inlineError(input);
      assert.ok(message && message.length > 10 && message.length < 220, `${unit} "-1": ${message}`);
    }
    // Pasted over two lines: a form field refuses it with a message; a
    // table's cell takes it as a spreadsheet's two rows (this cell and the
    // one below), one undo step.
    await input.fill('');
    const paste = () => input.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text', '12\n34');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    if (await input.evaluate((el) => Boolean(el.closest('table')))) {
      await paste();
      await page.waitForFunction((el) => el.value === '12', await input.elementHandle());
      await app.button('Undo').click();
      await page.waitForFunction((el) => el.value === '', await input.elementHandle());
    } else {
      await paste();
      await page.waitForFunction((el) => /more than one line/.test(
        document.getElementById(`${el.id}-error`)?.textContent ?? ''), await input.elementHandle());
    }
    await input.fill(original);
    await page.waitForFunction((el) => el.getAttribute('aria-invalid') === null, await input.elementHandle());
  }
  await app.errorSummary().waitFor({ state: 'detached' });
  assert.deepEqual(await app.headlineTexts(), good, 'every field restored: the same results');
  assert.equal(await otherField.inputValue(), otherValue, 'other data untouched');
  await assertAccessible(page, 'after the hostile matrix');
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('files that are not scenarios: version 99, binary, another program\'s JSON', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const good = await app.headlineTexts();
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 131 + 7) % 256;
  const files = [
    ['future.json', Buffer.from(JSON.stringify({ schema: 'workforce-gap/scenario', version: 99, name: 'From the future' })), /version 99.*reads versions 1 to 3/],
    ['image.png', binary, /not a valid scenario file/],
    ['geo.json', Buffer.from('{"type":"FeatureCollection","features":[]}'), /not a workforce-gap scenario/],
  ];
  for (const [name, buffer, said] of files) {
    await (await app.inMore()).importInput().setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    const notice = page.getByRole('alert').filter({ hasText: `"${name}" was not imported` });
    await notice.waitFor();
    assert.match(await notice.innerText(), said);
    assert.ok((await notice.innerText()).length < 400, 'a short message');
    await notice.getByRole('button', { name: 'Dismiss' }).click();
  }
  assert.deepEqual(await app.headlineTexts(), good);
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('an altered share link opens something valid or says it is damaged, never half a scenario', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const { default: LZString } = await import('lz-string');
  const example = await page.evaluate(() => JSON.stringify(window.workforceGap.exampleScenario()));
  const fragment = `#scenario=${LZString.compressToEncodedURIComponent(example)}`;
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  for (const at of [20, Math.floor(fragment.length / 2), fragment.length - 5]) {
    const c = fragment[at];
    const altered = fragment.slice(0, at) + alphabet[(alphabet.indexOf(c) + 17) % alphabet.length] + fragment.slice(at + 1);
    await page.evaluate((f) => { location.hash = f; }, altered);
    // Either a notice that it is damaged, or a shared scenario that opened whole.
    await page.waitForFunction(() => document.querySelector('[role=alert], [role=status]'));
    const said = await page.locator('[role=alert], [role=status]').first().innerText();
    assert.match(said, /share link|shared scenario/, said);
    assert.ok(await page.locator('#headline, #no-results').count() > 0, 'the app still shows results or why not');
    await page.locator('[role=alert], [role=status]').first().getByRole('button', { name: 'Dismiss' }).click();
  }
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('storage full: autosave says it failed, once, and the work stays on the page', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (sessionStorage.getItem('e2e-full') === '1' && this === localStorage) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  });
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await page.evaluate(() => sessionStorage.setItem('e2e-full', '1'));
  const start = await app.extraWte().innerText();
  await app.type('Adults (18-64)', '350,000');
  const notice = page.getByRole('alert').filter({ hasText: 'Autosave failed' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /storage full or disabled/);
  await app.waitForExtraWteChange(start);
  await app.type('Adults (18-64)', '360,000');
  assert.equal(await page.getByRole('alert').filter({ hasText: 'Autosave failed' }).count(), 1, 'one notice, no loop');
  assert.equal(await app.field('Adults (18-64)').inputValue(), '360,000');
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('storage turned off: the app works and says nothing will be kept', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('Access is denied for this document.', 'SecurityError'); },
    });
  });
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const notice = page.getByRole('alert').filter({ hasText: 'does not let the calculator keep anything' });
  await notice.waitFor();
  const start = await app.extraWte().innerText();
  await app.type('Adults (18-64)', '370,000');
  await app.waitForExtraWteChange(start);
  await app.saveName().fill('Kept nowhere');
  await app.button('Save').click();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'Autosave failed' }).count(), 0);
  await assertAccessible(page, 'storage turned off');
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});
