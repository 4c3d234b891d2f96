//! Writes the page's table of sources (`$OUT_DIR/source_flags.txt`): for
//! every row of `data/builtins/sources.csv`, whether its default is
//! illustrative. The page shows "Default 5%: sourced" beside an input from
//! this table alone; the citations themselves (most of the file) are
//! fetched when the reader first opens one (`sources.csv`, copied beside
//! the page by Trunk), so they are not part of the first load.

#[path = "src/model/csv_record.rs"]
#[allow(dead_code)]
mod csv_record;

fn main() {
    let source = "data/builtins/sources.csv";
    println!("cargo:rerun-if-changed={source}");
    println!("cargo:rerun-if-changed=src/model/csv_record.rs");
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
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{out}/source_flags.txt"), flags).expect("OUT_DIR is writable");
}
