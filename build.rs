//! Writes two files into `$OUT_DIR` from `data/builtins/`:
//!
//! - `source_flags.txt`, the page's table of sources: for every row of
//!   `sources.csv`, whether its default is illustrative. The page shows
//!   "Default 5%: sourced" beside an input from this table alone; the
//!   citations themselves (most of the file) are fetched when the reader
//!   first opens one (`sources.csv`, copied beside the page by Trunk), so
//!   they are not part of the first load.
//! - `new_items.rs`, one Rust constant per row of `new-items.csv` (the
//!   numbers a new role, service or workload starts from), included by
//!   `src/model/defaults.rs`: constants, so the app parses nothing at run
//!   time. A row without a finite number or a citation, an unknown key or
//!   a missing one fails the build, naming the file, line and reason.

#[path = "src/model/csv_record.rs"]
#[allow(dead_code)]
mod csv_record;

#[path = "src/model/new_items.rs"]
#[allow(dead_code)]
mod new_items;

fn main() {
    println!("cargo:rerun-if-changed=src/model/csv_record.rs");
    println!("cargo:rerun-if-changed=src/model/new_items.rs");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    source_flags(&out);
    new_item_constants(&out);
}

fn source_flags(out: &str) {
    let source = "data/builtins/sources.csv";
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).expect("data/builtins/sources.csv reads");
    // One letter a row, in the file's order (which is form order, the
    // order of `Field::all` for Example place: a test checks it): `y` for an
    // illustrative default, `n` for a sourced one.
    let flags: String = csv_record::records(&text)
        .iter()
        .map(|record| match record.get(1).map(String::as_str) {
            Some("yes") => 'y',
            _ => 'n',
        })
        .collect();
    std::fs::write(format!("{out}/source_flags.txt"), flags).expect("OUT_DIR is writable");
}

fn new_item_constants(out: &str) {
    // The built-in scenarios without the pretty printer's white space: the
    // page carries them, and every byte of its first load counts.
    for name in [
        "builtins.json",
        "example-place.json",
        "small-place.json",
        "large-system.json",
    ] {
        let path = format!("data/builtins/{name}");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        std::fs::write(format!("{out}/{name}"), compact_json(&text)).expect("OUT_DIR is writable");
    }

    let source = new_items::FILE;
    println!("cargo:rerun-if-changed={source}");
    let text = std::fs::read_to_string(source).unwrap_or_else(|e| panic!("{source}: {e}"));
    let rows = new_items::read(&text).unwrap_or_else(|reason| panic!("{reason}"));
    std::fs::write(format!("{out}/new_items.rs"), new_items::constants(&rows))
        .expect("OUT_DIR is writable");
}

/// JSON text without white space outside strings (the same document).
fn compact_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
