//! The one CSV reader of the Rust code (RFC 4180): the data files in
//! `data/builtins/` (the app's sources and benchmarks), the build script
//! (`build.rs` includes this file) that writes the page's table of which
//! defaults are illustrative, and the tests that read CSV (the area tables,
//! the results CSV, LibreOffice's recalculated sheets). No imports, so
//! `build.rs` can include it.

/// The fields of one CSV record, and the rest of the text after it
/// (RFC 4180: quoted fields may hold commas, quotes and line breaks).
pub fn csv_record(text: &str) -> (Vec<String>, &str) {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek().map(|(_, c)| *c) == Some('"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => fields.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                fields.push(field);
                return (fields, &text[i + 1..]);
            }
            (false, c) => field.push(c),
        }
    }
    fields.push(field);
    (fields, "")
}

/// Every record after the header row, as (first field, rest of the
/// fields).
pub fn records(text: &str) -> Vec<Vec<String>> {
    let (_, mut rest) = csv_record(text);
    let mut out = Vec::new();
    while !rest.is_empty() {
        let (record, next) = csv_record(rest);
        rest = next;
        if record.iter().any(|f| !f.is_empty()) {
            out.push(record);
        }
    }
    out
}

/// Every record of `text`, the header and empty lines included (an empty
/// line is one empty field), as the tests read whole files.
pub fn rows(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let (record, next) = csv_record(rest);
        out.push(record);
        rest = next;
    }
    out
}
