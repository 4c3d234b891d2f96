// Hostile and careless input found in review (issue 11): each one gets a
// clear message, and the user's other data and the app itself survive.
//  - numbers typed ambiguously ("0,5", "1,2,3", pasted lines, 10,000 digits);
//  - a share link crafted to unpack to gigabytes, and one far too long;
//  - oversized imports (a 20 MB file, 1,000 roles) and the same through the API;
//  - two tabs saving at once; corrupt storage twice; a backup that cannot be written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible } from './browser.mjs';
import { CalculatorPage } from './pages/calculator.mjs';

const CURRENT = 'workforce-gap:current';
const LIBRARY = 'workforce-gap:library';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/**
 * A crafted lz-string link whose every code names an entry one longer than
 * the last: `codes` codes unpack to about codes² / 2 characters (20,000 codes:
 * 200 million characters from a 45,000-character link).
 */
function lzBomb(codes) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
  let out = '';
  let value = 0;
  let position = 0;
  const write = (code, bits) => {
    for (let i = 0; i < bits; i++) {
      value = (value << 1) | ((code >> i) & 1);
      if (++position === 6) { out += alphabet[value]; value = 0; position = 0; }
    }
  };
  write(0, 2);
  write('a'.charCodeAt(0), 8);
  let dictionary = 4;
  let enlargeIn = 4;
  let bits = 3;
  for (let n = 0; n < codes; n++) {
    write(dictionary++, bits);
    if (--enlargeIn === 0) { enlargeIn = 1 << bits; bits++; }
  }
  write(2, bits);
  write(0, 6);
  return out;
}

test('ambiguous numbers are refused with what was expected, never read as something else', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const good = await app.headlineTexts();
  const need = app.field('Need index');
  const adults = app.field('Adults (18-64)');

  await need.fill('0,5');
  await app.errorSummary().waitFor();
  assert.match(await app.inlineError(need), /"0,5": use a full stop for decimals, 0\.5/);
  assert.equal(await need.inputValue(), '0,5', 'what was typed stays');
  assert.deepEqual(await app.headlineTexts(), good, 'the headline does not jump to a need index of 5');
  await app.staleBanner().waitFor();

  await adults.fill('1,2,3');
  assert.match(await app.inlineError(adults), /"1,2,3": commas and spaces may only separate groups of three digits/);

  // 10,000 characters: the message quotes only a short start.
  await adults.fill('9'.repeat(9999) + 'x');
  const long = await app.inlineError(adults);
  assert.ok(long.length < 200, `the message is short: ${long.length} characters`);
  assert.match(long, /…"/);

  // Text pasted over several lines is refused, not read as "1200".
  await adults.fill('');
  await adults.focus();
  await adults.evaluate((el) => {
    const data = new DataTransfer();
    data.setData('text', '1\n200');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => /more than one line/.test(document.body.innerText));
  assert.match(await app.inlineError(adults), /runs over more than one line/);

  // Thousands separators still work; fixing both brings the results back.
  await adults.fill('300,000');
  await need.fill('1');
  await app.errorSummary().waitFor({ state: 'detached' });
  assert.deepEqual(await app.headlineTexts(), good);
  await assertAccessible(page, 'ambiguous numbers fixed');
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('a share link crafted to unpack without bound is refused; the app and the autosave survive', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  await app.type('Adults (18-64)', '310,000');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').places?.[0]?.population?.adults === 310000, CURRENT);
  const saved = (await app.storage())[CURRENT];
  const bomb = lzBomb(20_000);
  assert.ok(bomb.length < 200_000, `${bomb.length}`);

  // Opened fresh: the page renders, says why, and opens the user's own scenario.
  const tab = await context.newPage();
  const other = new CalculatorPage(tab);
  await other.goto(`${server.url}#scenario=${bomb}`);
  const notice = tab.getByRole('alert').filter({ hasText: /share link/ });
  await notice.waitFor();
  assert.match(await notice.innerText(), /unpacks to more than 2,000,000 characters/);
  assert.equal(await other.field('Adults (18-64)').inputValue(), '310,000');
  await tab.close();

  // Pasted into an open tab (hashchange), and a link far too long.
  for (const [fragment, said] of [[`#scenario=${bomb}`, /unpacks to more than/], [`#scenario=${'A'.repeat(200_001)}`, /too long/]]) {
    await page.evaluate((f) => { location.hash = f; }, fragment);
    const n = page.getByRole('alert').filter({ hasText: said });
    await n.waitFor();
    assert.match(await n.innerText(), /Nothing was changed/);
    await n.getByRole('button', { name: 'Dismiss' }).click();
  }
  assert.equal(await app.field('Adults (18-64)').inputValue(), '310,000');
  await app.type('Adults (18-64)', '320,000');
  await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) ?? '{}').places?.[0]?.population?.adults === 320000, CURRENT);
  assert.notEqual((await app.storage())[CURRENT], saved, 'the app still works and autosaves');
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('oversized imports are refused with their size, and the API has the same limits', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const headline = await app.headlineTexts();

  await (await app.inMore()).importInput().setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(20_000_000, 32) });
  const big = page.getByRole('alert').filter({ hasText: '"huge.json" was not imported' });
  await big.waitFor();
  assert.match(await big.innerText(), /20,000,000 bytes.*at most 2,000,000 \(2 MB\)\. Nothing was changed\./);
  await big.getByRole('button', { name: 'Dismiss' }).click();

  const manyRoles = await page.evaluate(() => {
    const s = window.workforceGap.exampleScenario();
    const role = s.roles[0];
    for (let i = 0; i < 1_000; i++) s.roles.push({ ...role, id: `r${i}` });
    return JSON.stringify(s);
  });
  await (await app.inMore()).importInput().setInputFiles({ name: 'roles.json', mimeType: 'application/json', buffer: Buffer.from(manyRoles) });
  const roles = page.getByRole('alert').filter({ hasText: '"roles.json" was not imported' });
  await roles.waitFor();
  assert.match(await roles.innerText(), /too large for the calculator: it has 1,013 roles, and the calculator takes at most 100/);
  assert.deepEqual(await app.headlineTexts(), headline);

  const viaApi = await page.evaluate((text) => window.workforceGap.compute(text), manyRoles);
  assert.equal(viaApi.ok, false);
  assert.match(viaApi.errors[0].message, /at most 100/);

  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('two tabs saving scenarios keep each other\'s saves', async () => {
  const { page, context, assertSameOrigin, errors } = await openPage(browser, server.url);
  const a = new CalculatorPage(page);
  await a.goto(server.url);
  const tab = await context.newPage();
  const b = new CalculatorPage(tab);
  await b.goto(server.url);

  await a.saveAs('From tab A');
  await b.saveAs('From tab B');
  // Each tab's list shows both, without a reload (the storage event).
  await page.waitForFunction(() => document.querySelectorAll('ul.library .library__name').length === 2);
  assert.deepEqual((await a.savedNames()).sort(), ['From tab A', 'From tab B']);
  assert.deepEqual((await b.savedNames()).sort(), ['From tab A', 'From tab B']);
  const stored = JSON.parse((await a.storage())[LIBRARY]);
  assert.deepEqual(stored.scenarios.map((e) => e.name).sort(), ['From tab A', 'From tab B']);

  // A deletion in one tab reaches the other.
  tab.once('dialog', (d) => d.accept());
  await b.button('Delete From tab A').click();
  await page.waitForFunction(() => document.querySelectorAll('ul.library .library__name').length === 1);
  assert.deepEqual(await a.savedNames(), ['From tab B']);
  await tab.close();
  assert.deepEqual(errors, []);
  assertSameOrigin();
  await context.close();
});

test('each corruption is kept under its own key; a backup that cannot be written is not claimed', async () => {
  const { page, context, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const prefix = `workforce-gap:unreadable:${CURRENT}:`;
  for (const garbage of ['first garbage', 'second garbage']) {
    await page.evaluate(([k, g]) => localStorage.setItem(k, g), [CURRENT, garbage]);
    await page.reload();
    await app.waitForApp();
    await page.getByRole('alert').filter({ hasText: 'kept in this browser under' }).waitFor();
  }
  const stored = await app.storage();
  const backups = Object.keys(stored).filter((k) => k.startsWith(prefix)).sort();
  assert.equal(backups.length, 2, 'the second corruption did not overwrite the first');
  assert.deepEqual(backups.map((k) => stored[k]), ['first garbage', 'second garbage']);

  // Storage refuses the backup (full): the notice says it was not kept.
  await page.evaluate((k) => localStorage.setItem(k, 'third garbage'), CURRENT);
  await context.addInitScript(() => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('workforce-gap:unreadable:')) throw new DOMException('full', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  await page.reload();
  await app.waitForApp();
  const notice = page.getByRole('alert').filter({ hasText: 'could not be read' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /could not be kept/);
  assert.doesNotMatch(await notice.innerText(), /was kept/);
  await assertAccessible(page, 'backup refused');
  assertSameOrigin();
  await context.close();
});
