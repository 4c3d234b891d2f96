// Reading an Excel workbook the app downloaded: its parts (an .xlsx file is a
// zip of XML), and its sheets as LibreOffice recalculates them (every formula
// computed afresh, not the values stored in the file).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

/** The workbook's XML parts, by name ("xl/workbook.xml", ...). */
export function parts(path) {
  const script = 'import json, sys, zipfile\n'
    + 'z = zipfile.ZipFile(sys.argv[1])\n'
    + 'print(json.dumps({n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")}))';
  return JSON.parse(execFileSync('python3', ['-c', script, path], { maxBuffer: 64 * 1024 * 1024 }).toString());
}

/** Every shared string of the workbook, XML entities decoded. */
export function sharedStrings(path) {
  const xml = parts(path)['xl/sharedStrings.xml'] ?? '';
  return [...xml.matchAll(/<t(?: [^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]
    .replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

/** RFC 4180 rows (scripts/csv.mjs, the one reader). */
import { csvRows } from '../scripts/csv.mjs';
export const parseCsv = csvRows;

/** Each sheet's rows after LibreOffice (headless) recalculates every formula. */
export function recalculated(path) {
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-recalc-'));
  const user = join(dir, 'profile', 'user');
  mkdirSync(user, { recursive: true });
  // Recalculate on load: by default LibreOffice trusts the stored results.
  writeFileSync(join(user, 'registrymodifications.xcu'), `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`);
  const out = join(dir, 'csv');
  execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore',
    '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,false,-1',
    '--outdir', out, path], { stdio: 'pipe' });
  const stem = basename(path).replace(/\.xlsx$/, '');
  const sheets = {};
  for (const file of readdirSync(out)) {
    sheets[file.slice(stem.length + 1, -'.csv'.length)] = parseCsv(readFileSync(join(out, file), 'utf8'));
  }
  return sheets;
}

/** A number as LibreOffice writes it ("8.25%" is 0.0825). */
export function cellNumber(text) {
  return text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text);
}
