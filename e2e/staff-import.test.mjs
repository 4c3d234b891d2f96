// Import staff in post from a workforce file (issue 16): a CSV in the
// layout of NHS Workforce Statistics and an XLSX (its data on a second
// sheet) go through preview, columns, filter and role mapping to a per-role
// before/after, and Apply sets staff in post as one undo step; a large file
// is cancelled mid-read and changes nothing; bad files get a clear message
// and change nothing. The import module is not part of the first load.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveDist } from './server.mjs';
import { launch, openPage, assertAccessible, screenshot } from './browser.mjs';
import { CalculatorPage, parseFigure } from './pages/calculator.mjs';

let server, browser;
before(async () => { server = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const NURSE = 'Mental health nurse';
const HEADER = ['Period', 'NHSE_Region_Name', 'ICS name', 'Org name', 'Main Staff Group', 'Staff Group 1', 'Staff Group 2', 'Care Setting', 'Level', 'AfC Band', 'FTE'];

/** Rows in the layout of NHS Workforce Statistics' 'staff excluding medical' CSV. */
function nhsRows() {
  const rows = [];
  const groups = [
    ['Nurses & health visitors', 'Mental health', 'Band 5', 120.5],
    ['Nurses & health visitors', 'Mental health', 'Band 6', 80.25],
    ['Nurses & health visitors', 'Acute', 'Band 5', 900],
    ['Support to doctors, nurses & midwives', 'Mental health', 'Band 3', 60],
    ['Central functions', 'Mental health', 'Band 4', 15],
  ];
  for (const org of ['Leeds and York Partnership NHS Foundation Trust', 'Leeds Teaching Hospitals NHS Trust']) {
    for (const [group, setting, band, fte] of groups) {
      rows.push(['2025-06', 'North East and Yorkshire', 'NHS West Yorkshire ICB', org, group, group, group, setting, 'All', band, String(fte)]);
    }
  }
  return rows;
}
const field = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const nhsCsv = () => [HEADER, ...nhsRows()].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
/** Mental health nurses in the file's mental health rows: two organisations' band 5 and 6. */
const NURSES_MH = 2 * (120.5 + 80.25);

/** An XLSX (made with Python's zipfile: inline strings) with a notes sheet, then the data. */
function nhsXlsx(dir) {
  const path = join(dir, 'staff.xlsx');
  const rows = [HEADER, ...nhsRows()];
  const script = `
import json, sys, zipfile
from xml.sax.saxutils import escape
rows = json.loads(sys.argv[2])
def col(i):
    s = ''
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s
def sheet(rows):
    out = []
    for r, row in enumerate(rows):
        cells = []
        for c, v in enumerate(row):
            ref = col(c) + str(r + 1)
            if r > 0 and c == len(row) - 1:
                cells.append('<c r="%s"><v>%s</v></c>' % (ref, v))
            else:
                cells.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v)))
        out.append('<row r="%d">%s</row>' % (r + 1, ''.join(cells)))
    return '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>%s</sheetData></worksheet>' % ''.join(out)
z = zipfile.ZipFile(sys.argv[1], 'w')
z.writestr('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')
z.writestr('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
z.writestr('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Notes" sheetId="1" r:id="rId1"/><sheet name="Data" sheetId="2" r:id="rId2"/></sheets></workbook>')
z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>')
z.writestr('xl/worksheets/sheet1.xml', sheet([['Provisional statistics', 'see Data']]))
z.writestr('xl/worksheets/sheet2.xml', sheet(rows))
z.close()
`;
  execFileSync('python3', ['-c', script, path, JSON.stringify(rows)]);
  return path;
}

/** The import form, loaded as a person gets it: by scrolling to the staff table. */
async function importForm(page) {
  await page.locator('#staff').scrollIntoViewIfNeeded();
  const input = page.getByLabel('Import staff in post', { exact: true });
  await input.waitFor();
  return input;
}

/** The selects named by a file's role values, and the plan's row for a role. */
const mapped = (page, value) => page.getByRole('combobox', { name: value, exact: true });
const planRow = (page, role) => page.locator('#staff-import-plan').getByRole('row')
  .filter({ has: page.getByRole('rowheader', { name: role, exact: true }) });

test('a CSV in the NHS Workforce Statistics layout, filtered to mental health and mapped, sets staff in post as one undo step', async () => {
  const { page, requests, errors, assertSameOrigin } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  assert.deepEqual(requests.filter((u) => /staff-import/.test(new URL(u).pathname)), [], 'the import module is not part of the first load');
  const nurseBefore = await app.field('In post', NURSE).inputValue();
  const headlineBefore = await app.headlineTexts();

  const input = await importForm(page);
  await input.setInputFiles({ name: 'staff-excluding-medical.csv', mimeType: 'text/csv', buffer: Buffer.from(nhsCsv()) });
  const preview = page.locator('#staff-import-preview');
  await preview.waitFor();
  assert.ok(requests.some((u) => /staff-import-[0-9a-f]+_bg\.wasm$/.test(new URL(u).pathname)), 'the import module came when a file was chosen');
  assert.match(await preview.innerText(), /Leeds and York Partnership/);
  // The columns NHS Workforce Statistics' header suggests, changed by keyboard.
  assert.equal(await page.getByLabel('FTE column').inputValue(), String(HEADER.indexOf('FTE')));
  assert.equal(await page.getByLabel('Filter column').inputValue(), String(HEADER.indexOf('Care Setting')));
  const roleColumn = page.getByLabel('Role column');
  assert.equal(await roleColumn.inputValue(), String(HEADER.indexOf('Staff Group 2')));
  await roleColumn.focus();
  await page.keyboard.press('ArrowUp');
  assert.equal(await roleColumn.inputValue(), String(HEADER.indexOf('Staff Group 1')));
  await assertAccessible(page, 'import: columns');
  await app.button('Read the file').press('Enter');

  // Keep the mental health rows only.
  const acute = page.getByRole('checkbox', { name: /^Acute/ });
  await acute.waitFor();
  await acute.press('Space');
  await page.waitForFunction(() => /401\.5/.test(document.querySelector('#staff-import-values')?.innerText ?? ''));
  // Suggested by name: nurses to the nurse role; central functions not counted.
  assert.equal(await mapped(page, 'Nurses & health visitors').inputValue(), 'mh_nurse');
  assert.equal(await mapped(page, 'Central functions').inputValue(), '');
  assert.equal(await mapped(page, 'Support to doctors, nurses & midwives').inputValue(), 'support_worker');
  // A mapping changed by keyboard: central functions counted, then not.
  const central = mapped(page, 'Central functions');
  await central.focus();
  await page.keyboard.press('ArrowDown');
  await page.waitForFunction(() => /551\.5 FTE counted/.test(document.querySelector('#staff-import-counted')?.innerText ?? ''));
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => /521\.5 FTE counted/.test(document.querySelector('#staff-import-counted')?.innerText ?? ''));
  assert.match(await page.locator('#staff-import-plan').innerText(), /120\.0/);
  assert.match(await planRow(page, NURSE).innerText(), new RegExp(`${nurseBefore.replace(',', ',')}[\\s\\S]*${NURSES_MH.toFixed(1)}`));
  assert.match(await page.locator('#staff-import-counted').innerText(), /521\.5 FTE counted, 30\.0 FTE not counted/);
  await assertAccessible(page, 'import: mapping');
  await screenshot(page, 'staff-import-mapping', { fullPage: false });

  await app.button('Apply').press('Enter');
  await app.notice('Imported staff in post for 2 roles from staff-excluding-medical.csv').waitFor();
  assert.equal(parseFigure(await app.field('In post', NURSE).inputValue()), NURSES_MH);
  assert.equal(parseFigure(await app.field('In post', 'Mental health support worker / healthcare assistant').inputValue()), 120);
  assert.equal(await page.locator('#staff-import-preview').count(), 0, 'the form is back at the start');
  // One undo step puts both back.
  await app.button('Undo').click();
  await page.waitForFunction((v) => document.querySelector('#f-roles-0-in_post_wte')?.value === v, nurseBefore);
  assert.deepEqual(await app.headlineTexts(), headlineBefore);
  assert.deepEqual(errors, []);
  assertSameOrigin();
});

test('an XLSX with its data on a second sheet goes through the same steps; the mapping is remembered for the next file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'staff-import-'));
  const { page, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const input = await importForm(page);
  await input.setInputFiles(nhsXlsx(dir));
  // The first sheet with a table is chosen; a sheet without one says so.
  const sheet = page.getByLabel('Sheet', { exact: true });
  await sheet.waitFor();
  assert.equal(await sheet.inputValue(), 'Data');
  await sheet.selectOption('Notes');
  await page.locator('#staff-import-error').getByText(/column|rows/).waitFor();
  assert.ok(await app.button('Read the file').isDisabled());
  await sheet.selectOption('Data');
  await page.locator('#staff-import-error').waitFor({ state: 'detached' });
  await page.locator('#staff-import-preview').getByText('Leeds and York Partnership NHS Foundation Trust').first().waitFor();
  await page.getByLabel('Role column').selectOption({ label: 'Staff Group 1' });
  await page.getByLabel('Filter column').selectOption({ label: 'None' });
  await app.button('Read the file').click();
  await mapped(page, 'Central functions').waitFor();
  // Central functions counted as peer support this time: remembered below.
  await mapped(page, 'Central functions').selectOption({ label: 'Peer support worker' });
  await page.waitForFunction(() => /30\.0/.test(document.querySelector('#staff-import-plan')?.innerText ?? ''));
  assert.match(await planRow(page, NURSE).innerText(), /2,201\.5/);
  await app.button('Apply').click();
  await app.notice('Imported staff in post for 3 roles from staff.xlsx').waitFor();
  assert.equal(parseFigure(await app.field('In post', NURSE).inputValue()), 2201.5);

  // The next file: the choice made for Central functions comes back.
  await input.setInputFiles({ name: 'again.csv', mimeType: 'text/csv', buffer: Buffer.from(nhsCsv()) });
  await page.locator('#staff-import-preview').waitFor();
  await page.getByLabel('Role column').selectOption({ label: 'Staff Group 1' });
  await app.button('Read the file').click();
  await mapped(page, 'Central functions').waitFor();
  assert.equal(await mapped(page, 'Central functions').inputValue(), 'peer_support');
  await app.button('Cancel').click();
  await page.locator('#staff-import-values').waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
});

test('a large CSV is read in chunks with a progress bar, and Cancel mid-read changes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'staff-import-'));
  const path = join(dir, 'large.csv');
  // About 120 MB in the NHS layout.
  await new Promise((resolve, reject) => {
    const out = createWriteStream(path);
    out.on('error', reject);
    out.write(HEADER.join(',') + '\n');
    const block = nhsRows().map((r) => r.map(field).join(',')).join('\n') + '\n';
    const chunk = block.repeat(Math.ceil(4e6 / block.length));
    let written = 0;
    const more = () => {
      while (written < 120e6) {
        written += chunk.length;
        if (!out.write(chunk)) { out.once('drain', more); return; }
      }
      out.end(resolve);
    };
    more();
  });
  const { page, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const headline = await app.headlineTexts();
  const input = await importForm(page);
  await input.setInputFiles(path);
  await page.locator('#staff-import-preview').waitFor();
  await app.button('Read the file').click();
  const progress = page.getByRole('progressbar', { name: 'Reading the file' });
  await progress.waitFor();
  await page.waitForFunction(() => Number(document.querySelector('#staff-import-progress')?.value) > 0);
  const max = Number(await progress.getAttribute('max'));
  assert.ok(max > 100e6, `the whole file's size: ${max}`);
  // The page answers while the file is read.
  await page.getByRole('status').filter({ hasText: /MB of .* MB read/ }).waitFor();
  await app.button('Cancel').click();
  await progress.waitFor({ state: 'detached' });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('#staff-import-values').count(), 0, 'no mapping: the read stopped');
  assert.deepEqual(await app.headlineTexts(), headline, 'nothing changed');
  assert.deepEqual(errors, []);
});

test('an empty, binary or filtered-to-nothing file gets a clear message and changes nothing', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const app = new CalculatorPage(page);
  await app.goto(server.url);
  const headline = await app.headlineTexts();
  const input = await importForm(page);
  const error = page.locator('#staff-import-error');

  await input.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
  await error.getByText('The file is empty.').waitFor();
  await input.setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0, 1, 2, 3, 255, 0, 7, 8, 0, 0]) });
  await error.getByText(/binary data/).waitFor();
  // Every FTE text: the rows are counted as skipped and nothing is left.
  const textFte = 'Staff Group,FTE\nNurses,lots\nDoctors,some\n';
  await input.setInputFiles({ name: 'text.csv', mimeType: 'text/csv', buffer: Buffer.from(textFte) });
  await page.locator('#staff-import-preview').waitFor();
  await app.button('Read the file').click();
  await error.getByText(/FTE/).waitFor();
  assert.match(await error.innerText(), /2/);
  await assertAccessible(page, 'import: an error');
  assert.deepEqual(await app.headlineTexts(), headline, 'nothing changed');
  assert.deepEqual(errors, []);
});
