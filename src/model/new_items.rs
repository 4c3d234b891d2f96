//! The reader of `data/builtins/new-items.csv` (`key,value,illustrative,citation`):
//! the numbers a role, a service or a workload the user adds starts from,
//! one row per number, each with its citation or the reason it is
//! illustrative. `build.rs` includes this file and turns the rows into
//! constants (`$OUT_DIR/new_items.rs`, read by [`super::defaults`]), so the
//! app parses nothing at run time; a row this reader refuses fails the
//! build, naming the file, the line and the reason. The tests call it too,
//! to check that it refuses what it must. No imports beyond
//! `super::csv_record`, so `build.rs` can include it.

/// The file, as named in every message.
pub const FILE: &str = "data/builtins/new-items.csv";

/// The file's header row.
pub const HEADER: [&str; 4] = ["key", "value", "illustrative", "citation"];

/// Every key the file must have, once each. A key becomes a constant named
/// by [`const_name`] (`new_role.annual_cost` -> `NEW_ROLE_ANNUAL_COST`).
pub const KEYS: [&str; 15] = [
    "new_role.in_post_wte",
    "new_role.vacant_wte",
    "new_role.annual_cost",
    "new_role.leaver_rate",
    "new_role.joiners_per_year",
    "new_service.prevalence",
    "new_service.current_coverage",
    "new_service.target_coverage",
    "workload.contacts.contacts_per_person",
    "workload.contacts.minutes_per_contact",
    "workload.caseload.months_on_caseload",
    "workload.caseload.caseload_per_wte",
    "workload.beds.length_of_stay_days",
    "workload.beds.target_occupancy",
    "workload.beds.wte_per_bed",
];

/// One row of the file.
#[derive(Clone, Debug, PartialEq)]
pub struct NewItem {
    pub key: String,
    pub value: f64,
    pub illustrative: bool,
    pub citation: String,
    /// The 1-based line the row starts on.
    pub line: usize,
}

/// The Rust constant a key becomes: upper case, dots to underscores.
pub fn const_name(key: &str) -> String {
    key.to_ascii_uppercase().replace('.', "_")
}

/// Every row of `text` (the file's contents), in the file's order, or why
/// the file is wrong: `"data/builtins/new-items.csv line 4: ..."`. Wrong is
/// a header other than [`HEADER`], a row of another width, a key not in
/// [`KEYS`] or there twice, a value that is not a finite number, an
/// `illustrative` other than `yes` or `no`, an empty citation, or a key of
/// [`KEYS`] with no row.
pub fn read(text: &str) -> Result<Vec<NewItem>, String> {
    let at = |line: usize, reason: String| format!("{FILE} line {line}: {reason}");
    let (header, mut rest) = super::csv_record::csv_record(text);
    if header != HEADER {
        return Err(at(
            1,
            format!("the header is {header:?}, not {}", HEADER.join(",")),
        ));
    }
    let mut rows: Vec<NewItem> = Vec::new();
    while !rest.is_empty() {
        let line = text[..text.len() - rest.len()].matches('\n').count() + 1;
        let (record, next) = super::csv_record::csv_record(rest);
        rest = next;
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let [key, value, illustrative, citation] = record.as_slice() else {
            return Err(at(
                line,
                format!("{} fields, not 4 ({})", record.len(), HEADER.join(",")),
            ));
        };
        let key = key.trim();
        if !KEYS.contains(&key) {
            return Err(at(line, format!("unknown key \"{key}\"")));
        }
        if let Some(first) = rows.iter().find(|r| r.key == key) {
            return Err(at(
                line,
                format!("\"{key}\" again (first on line {})", first.line),
            ));
        }
        let value = match value.trim() {
            "" => return Err(at(line, format!("\"{key}\" has no number"))),
            v => match v.parse::<f64>() {
                Ok(n) if n.is_finite() => n,
                Ok(_) => return Err(at(line, format!("\"{key}\": {v} is not a finite number"))),
                Err(_) => return Err(at(line, format!("\"{key}\": \"{v}\" is not a number"))),
            },
        };
        let illustrative = match illustrative.trim() {
            "yes" => true,
            "no" => false,
            other => {
                return Err(at(
                    line,
                    format!("\"{key}\": illustrative is \"{other}\", not yes or no"),
                ))
            }
        };
        if citation.trim().is_empty() {
            return Err(at(
                line,
                format!("\"{key}\" has no citation (or reason it is illustrative)"),
            ));
        }
        rows.push(NewItem {
            key: key.to_string(),
            value,
            illustrative,
            citation: citation.clone(),
            line,
        });
    }
    if let Some(missing) = KEYS.iter().find(|k| !rows.iter().any(|r| r.key == **k)) {
        let line = text.matches('\n').count() + 1;
        return Err(at(line, format!("no row for \"{missing}\"")));
    }
    Ok(rows)
}

/// The Rust source of the constants: one `pub const` a row, then
/// `NEW_ITEMS`, every key with its value, in [`KEYS`] order (for the tests;
/// the app uses the constants by name).
pub fn constants(rows: &[NewItem]) -> String {
    let mut out = format!("// Written by build.rs from {FILE}: do not edit.\n");
    for key in KEYS {
        if let Some(row) = rows.iter().find(|r| r.key == key) {
            out.push_str(&format!(
                "/// `{key}` ({FILE} line {}).\npub const {}: f64 = {:?};\n",
                row.line,
                const_name(key),
                row.value
            ));
        }
    }
    out.push_str(&format!(
        "/// Every key of {FILE} with its value.\npub const NEW_ITEMS: [(&str, f64); {}] = [\n",
        KEYS.len()
    ));
    for key in KEYS {
        out.push_str(&format!("    (\"{key}\", {}),\n", const_name(key)));
    }
    out.push_str("];\n");
    out
}
