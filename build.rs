//! Writes the page's table of sources (`$OUT_DIR/source_flags.tsv`): for
//! every input key of `data/builtins/sources.csv`, whether its default is
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
    let mut table = String::new();
    for record in csv_record::records(&text) {
        if let [key, illustrative, ..] = record.as_slice() {
            table.push_str(key);
            table.push('\t');
            table.push_str(if illustrative == "yes" { "y" } else { "n" });
            table.push('\n');
        }
    }
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(format!("{out}/source_flags.tsv"), table).expect("OUT_DIR is writable");
}
