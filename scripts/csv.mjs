// The one CSV reader of the JavaScript (RFC 4180: quoted fields may hold
// commas, quotes and line breaks; CRLF or LF line ends): the area tables and
// the sources at build time (build-areas.mjs, build-sources.mjs) and the
// tests' reading of them and of LibreOffice's recalculated sheets
// (e2e/xlsx.mjs, e2e/areas.test.mjs). The export journey keeps a strict
// reader of its own on purpose: it checks the app's CSV *is* RFC 4180.

/** Every record of `text` as an array of fields (a blank line is one empty field). */
export function csvRows(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The records after the header as objects keyed by the header's names (blank lines skipped). */
export function csvObjects(text) {
  const [header, ...body] = csvRows(text).filter((r) => r.length > 1 || r[0] !== '');
  return body.map((r) => Object.fromEntries(header.map((k, i) => [k, r[i] ?? ''])));
}
