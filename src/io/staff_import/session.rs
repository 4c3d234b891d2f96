//! One import of staff in post, step by step, as the import module
//! (`src/bin/staff_import.rs`) offers it to the page: open a file from its
//! first bytes (a CSV) or all of it (an XLSX), preview it, read it for the
//! chosen columns (a CSV a chunk at a time), then list its role values with
//! suggested mappings and preview what a mapping would do. Everything goes
//! in and out as JSON text, so the page's module carries none of this.
//! Pure and tested natively (`tests/staff_import.rs`).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Value};

use super::aggregate::{csv_preview, Aggregate, Columns, CsvImport, Preview, RoleValue};
use super::mapping::{self, decode_remembered, encode_remembered, remember, Target};
use super::xlsx::{self, Workbook};
use super::{file_kind, FileKind, ImportError};
use crate::model::scenario::parse_scenario;

enum Source {
    /// A CSV: its first bytes (for the preview), read again in chunks.
    Csv {
        first: Vec<u8>,
        complete: bool,
    },
    Xlsx {
        book: Box<Workbook>,
        sheet: String,
    },
}

/// One file being imported.
pub struct Session {
    source: Source,
    reading: Option<CsvImport>,
    aggregate: Option<Aggregate>,
}

impl Session {
    /// A file from its first bytes (`complete`: they are the whole file) and
    /// its size in bytes. An XLSX must come whole (calamine reads whole
    /// files), and is refused over [`xlsx::XLSX_LIMIT_BYTES`] before any of
    /// it is read: `first` may then be just its start.
    pub fn open(first: Vec<u8>, size: u64, complete: bool) -> Result<Session, ImportError> {
        let source = match file_kind(&first)? {
            FileKind::Xlsx => {
                xlsx::check_size(size)?;
                let mut book = Workbook::open(first)?;
                // The first sheet with a table (a notes sheet often comes
                // first); else the first.
                let names = book.sheet_names().to_vec();
                let sheet = names
                    .iter()
                    .find(|name| book.preview(name).is_ok())
                    .unwrap_or(&names[0])
                    .clone();
                Source::Xlsx {
                    book: Box::new(book),
                    sheet,
                }
            }
            FileKind::Csv => Source::Csv { first, complete },
        };
        Ok(Session {
            source,
            reading: None,
            aggregate: None,
        })
    }

    /// `{"kind": "csv"}` or `{"kind": "xlsx", "sheets": [...], "sheet": "..."}`.
    pub fn describe(&self) -> Value {
        match &self.source {
            Source::Csv { .. } => json!({ "kind": "csv" }),
            Source::Xlsx { book, sheet } => {
                json!({ "kind": "xlsx", "sheets": book.sheet_names(), "sheet": sheet })
            }
        }
    }

    /// Choose the XLSX sheet to read (a CSV has one).
    pub fn choose_sheet(&mut self, name: &str) -> Result<(), ImportError> {
        if let Source::Xlsx { book, sheet } = &mut self.source {
            if !book.sheet_names().iter().any(|n| n == name) {
                return Err(ImportError::NoSheet(name.to_string()));
            }
            *sheet = name.to_string();
            self.aggregate = None;
        }
        Ok(())
    }

    /// The header and first rows: `{"header": [...], "rows": [[...]]}`,
    /// with the columns an NHS workforce file's header suggests
    /// (`"suggested": {"role": i, "fte": i, ...}`).
    pub fn preview(&mut self) -> Result<Value, ImportError> {
        let preview = match &mut self.source {
            Source::Csv { first, complete } => csv_preview(first, *complete)?,
            Source::Xlsx { book, sheet } => book.preview(&sheet.clone())?,
        };
        Ok(json!({
            "header": preview.header,
            "rows": preview.rows,
            "suggested": suggested_columns(&preview),
        }))
    }

    /// Start reading the file for these columns. An XLSX is read at once;
    /// a CSV is then fed its chunks from the start ([`Session::feed`]).
    pub fn start(&mut self, columns: Columns) -> Result<(), ImportError> {
        self.aggregate = None;
        match &mut self.source {
            Source::Csv { .. } => self.reading = Some(CsvImport::new(columns)),
            Source::Xlsx { book, sheet } => {
                self.aggregate = Some(book.aggregate(&sheet.clone(), columns)?);
            }
        }
        Ok(())
    }

    /// The next chunk of a CSV being read.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), ImportError> {
        match &mut self.reading {
            Some(reading) => reading.feed(chunk),
            None => Ok(()),
        }
    }

    /// The end of the file: the filter column's values with their FTE, the
    /// rows read and skipped: `{"rows": n, "fte_skipped": n,
    /// "vacancies_skipped": n, "filter_values": [[value, fte], ...]}`.
    pub fn finish(&mut self) -> Result<Value, ImportError> {
        if let Some(reading) = self.reading.take() {
            self.aggregate = Some(reading.finish()?);
        }
        let aggregate = self.aggregate.as_ref().ok_or(ImportError::NoRows)?;
        let filter_values: Vec<Value> = aggregate
            .filter_values()
            .into_iter()
            .map(|(value, totals)| json!([value, totals.fte]))
            .collect();
        Ok(json!({
            "rows": aggregate.rows,
            "fte_skipped": aggregate.fte_skipped.rows,
            "fte_skipped_first": aggregate.fte_skipped.first_row,
            "vacancies_skipped": aggregate.vacancies_skipped.rows,
            "filter_values": filter_values,
        }))
    }

    /// The role values the filter keeps (`keep`: the filter values kept, all
    /// when `None`), each with its FTE and the suggested mapping for the
    /// scenario (`scenario_json`), the remembered mappings (as stored)
    /// winning: `[{"value", "fte", "vacancies", "target": role id | null}]`.
    pub fn role_values(
        &self,
        keep: Option<&BTreeSet<String>>,
        scenario_json: &str,
        remembered: &str,
    ) -> Result<Value, ImportError> {
        let values = self.values(keep)?;
        let scenario = parse_scenario(scenario_json)
            .map_err(|e| ImportError::Xlsx(format!("the scenario could not be read: {e}")))?;
        let remembered = decode_remembered(remembered);
        let suggested = mapping::suggestions(&values, &scenario, &remembered);
        Ok(Value::Array(
            values
                .iter()
                .map(|v| {
                    json!({
                        "value": v.value,
                        "fte": v.totals.fte,
                        "vacancies": v.totals.vacancies,
                        "target": target_json(suggested.get(&v.value)),
                    })
                })
                .collect(),
        ))
    }

    /// What `mapping` (value -> role id, or null for Not counted) would do to
    /// the scenario: every role before and after, the FTE counted and not
    /// counted, and the edit (`"edit": [{"role_id", "in_post_wte",
    /// "vacant_wte"}]`).
    pub fn plan(
        &self,
        keep: Option<&BTreeSet<String>>,
        scenario_json: &str,
        mapping: &BTreeMap<String, Target>,
    ) -> Result<Value, ImportError> {
        let values = self.values(keep)?;
        let scenario = parse_scenario(scenario_json)
            .map_err(|e| ImportError::Xlsx(format!("the scenario could not be read: {e}")))?;
        let with_vacancies = self
            .aggregate
            .as_ref()
            .is_some_and(|a| a.columns.vacancies.is_some());
        let plan = mapping::plan(&scenario, &values, mapping, with_vacancies);
        let roles: Vec<Value> = plan
            .roles
            .iter()
            .map(|r| {
                json!({
                    "role_id": r.role_id,
                    "name": r.name,
                    "in_post_before": r.in_post_before,
                    "in_post_after": r.in_post_after,
                    "vacant_before": r.vacant_before,
                    "vacant_after": r.vacant_after,
                    "set": r.set,
                    "values": r.values,
                })
            })
            .collect();
        let edit: Vec<Value> = plan
            .edit()
            .roles
            .iter()
            .map(|r| json!({ "role_id": r.role_id, "in_post_wte": r.in_post_wte, "vacant_wte": r.vacant_wte }))
            .collect();
        Ok(json!({
            "roles": roles,
            "counted_fte": plan.counted_fte,
            "not_counted_fte": plan.not_counted_fte,
            "with_vacancies": with_vacancies,
            "edit": edit,
        }))
    }

    fn values(&self, keep: Option<&BTreeSet<String>>) -> Result<Vec<RoleValue>, ImportError> {
        self.aggregate
            .as_ref()
            .ok_or(ImportError::NoRows)?
            .role_values(keep)
    }
}

fn target_json(target: Option<&Target>) -> Value {
    match target {
        Some(Target::Role(id)) => Value::String(id.clone()),
        _ => Value::Null,
    }
}

/// A mapping as the page sends it: `{"value": "role id" | null}`.
pub fn mapping_from_json(text: &str) -> BTreeMap<String, Target> {
    let Ok(Value::Object(map)) = serde_json::from_str::<Value>(text) else {
        return BTreeMap::new();
    };
    map.into_iter()
        .map(|(value, target)| {
            let target = match target {
                Value::String(id) if !id.is_empty() => Target::Role(id),
                _ => Target::NotCounted,
            };
            (value, target)
        })
        .collect()
}

/// The filter values kept, as the page sends them: a JSON list, or null
/// for every row.
pub fn keep_from_json(text: &str) -> Option<BTreeSet<String>> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(values)) => Some(
            values
                .into_iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
        ),
        _ => None,
    }
}

/// The remembered mappings (as stored) with this mapping added.
pub fn remember_json(remembered: &str, mapping: &BTreeMap<String, Target>) -> String {
    encode_remembered(&remember(decode_remembered(remembered), mapping))
}

/// The columns an NHS Workforce Statistics or ESR file's header suggests.
fn suggested_columns(preview: &Preview) -> Value {
    let find = |names: &[&str]| names.iter().find_map(|n| preview.column(n));
    json!({
        "role": find(&["Staff Group 2", "Staff Group 1", "Main Staff Group", "Job Role", "Occupation Code Description", "Staff Group", "Role"]),
        "fte": find(&["FTE", "Contracted FTE", "Full Time Equivalent", "WTE"]),
        "vacancies": find(&["Vacancies FTE", "Vacancy FTE", "Vacancies", "Funded vacancies"]),
        "filter": find(&["Care Setting", "Org name", "Organisation Name", "Organisation"]),
    })
}
