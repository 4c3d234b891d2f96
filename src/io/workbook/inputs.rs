//! The Inputs sheet: every input of `Field::all` (the assumptions
//! register's rows) in yellow cells, and where each lives, for the formulas
//! of the other sheets.

use std::collections::HashMap;

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::sheet::{at, Book, Format, Sheet};
use super::INPUTS;
use crate::io::register::register;
use crate::model::field::{Field, ProjectionField, RoleField, ServiceField, WorkingTimeField};
use crate::model::scenario::Scenario;

const VALUE_COL: u16 = 1;

/// Where each input of the scenario lives on the Inputs sheet.
pub(super) struct Inputs<'a> {
    scenario: &'a Scenario,
    /// Input key -> absolute reference to its value on the Inputs sheet.
    refs: HashMap<String, String>,
}

impl Inputs<'_> {
    /// The Inputs reference of a field of the scenario. Every field of a
    /// valid scenario is on the Inputs sheet; a missing one would show as
    /// #REF!, never as a wrong number.
    pub(super) fn cell(&self, field: &Field) -> String {
        field
            .key(self.scenario)
            .and_then(|key| self.refs.get(&key).cloned())
            .unwrap_or_else(|| "#REF!".to_string())
    }

    pub(super) fn working_time(&self, field: WorkingTimeField) -> String {
        self.cell(&Field::WorkingTime(field))
    }

    pub(super) fn service(&self, service: usize, field: ServiceField) -> String {
        self.cell(&Field::Service(service, field))
    }

    pub(super) fn role(&self, role: usize, field: RoleField) -> String {
        self.cell(&Field::Role(role, field))
    }

    pub(super) fn projection(&self, field: ProjectionField) -> String {
        self.cell(&Field::Projection(field))
    }

    /// Whether an input key has a cell (the tests ask).
    #[cfg(test)]
    pub(super) fn has(&self, key: &str) -> bool {
        self.refs.contains_key(key)
    }
}

pub(super) fn sheet<'a>(
    book: &mut Book,
    scenario: &'a Scenario,
) -> Result<(Worksheet, Inputs<'a>), XlsxError> {
    let mut sh = Sheet::new(book, INPUTS)?;
    sh.title(
        "Inputs",
        "Yellow cells are the scenario's inputs: change one and every formula in the workbook moves. Percentages are shares (17% is 0.17).",
    )?;
    sh.headers(
        3,
        &[
            "Input",
            "Value",
            "Unit",
            "Default or changed",
            "Source",
            "Your note",
            "Key",
        ],
    )?;
    let fields: HashMap<String, Field> = Field::all(scenario)
        .into_iter()
        .filter_map(|f| Some((f.key(scenario)?, f)))
        .collect();
    let mut refs = HashMap::new();
    let mut row = 4;
    for entry in register(scenario) {
        let Some(field) = fields.get(&entry.key) else {
            continue;
        };
        let Some(value) = field.get(scenario) else {
            continue;
        };
        sh.text(row, 0, &entry.label, Format::Wrap)?;
        sh.number(row, VALUE_COL, value, Format::Input(field.unit()))?;
        sh.text(row, 2, entry.unit, Format::Text)?;
        sh.text(row, 3, entry.status.text(), Format::Text)?;
        let source = if entry.illustrative && !entry.source.starts_with("Illustrative") {
            format!("Illustrative: {}", entry.source)
        } else {
            entry.source.clone()
        };
        sh.text(row, 4, &source, Format::Wrap)?;
        if !entry.note.is_empty() {
            sh.text(row, 5, &entry.note, Format::Wrap)?;
        }
        sh.text(row, 6, &entry.key, Format::Text)?;
        refs.insert(entry.key.clone(), at(INPUTS, row, VALUE_COL));
        row += 1;
    }
    for (col, width) in [
        (0, 44),
        (1, 14),
        (2, 30),
        (3, 14),
        (4, 70),
        (5, 40),
        (6, 44),
    ] {
        sh.widths([col], width)?;
    }
    sh.ws().set_freeze_panes(4, 1)?;
    sh.ws().autofilter(3, 0, row.saturating_sub(1).max(4), 6)?;
    Ok((sh.finish(), Inputs { scenario, refs }))
}
