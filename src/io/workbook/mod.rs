//! The Excel workbook (issue 9): the scenario's inputs, and every computed
//! number as a formula that refers to them, so that a finance analyst can
//! audit the calculation and change an input in Excel and watch the
//! requirement move. Uncertainty and sensitivity are values, labelled so.
//!
//! Sheets, one file each: Method (`method.rs`: what this is, versions,
//! date, how to read it), Summary, Inputs (yellow cells: value, unit,
//! default or changed, source, note), Working time, Services by place,
//! Services, Places, Roles, Projection, Uncertainty, Sensitivity.
//!
//! Each sheet is written through a `sheet::Sheet`, bound to one worksheet
//! and carrying the workbook's formats: its `formula(row, col, text, value,
//! Format::Wte)` records the cell and the model's own value for it
//! ([`Check`]): the test in
//! `tests/workbook_recalc.rs` recalculates the workbook in LibreOffice and
//! compares every formula cell with that value. Pure Rust (rust_xlsxwriter),
//! tested natively; in the browser it runs in the third module
//! (`src/bin/workbook.rs`), loaded only when a workbook is asked for.

use rust_xlsxwriter::{DocProperties, Workbook, XlsxError};

use crate::model::compute::compute;
use crate::model::scenario::{Scenario, CURRENT_VERSION, SCHEMA};
use crate::model::{validate, Results};

mod by_place;
mod formulas;
mod inputs;
mod layout;
mod method;
mod places;
mod projection;
mod roles;
mod sensitivity;
mod services;
mod sheet;
mod summary;
mod uncertainty;
mod working_time;

#[cfg(test)]
mod tests;

pub use method::method_lines;
pub use roles::NOT_BY_TRAINING;

use inputs::Inputs;
use layout::Layout;
use sheet::Book;

pub const METHOD: &str = "Method";
pub const SUMMARY: &str = "Summary";
pub const INPUTS: &str = "Inputs";
pub const WORKING_TIME: &str = "Working time";
pub const BY_PLACE: &str = "Services by place";
pub const SERVICES: &str = "Services";
pub const PLACES: &str = "Places";
pub const ROLES: &str = "Roles";
pub const PROJECTION: &str = "Projection";
pub const UNCERTAINTY: &str = "Uncertainty";
pub const SENSITIVITY: &str = "Sensitivity";

/// What the export says about itself.
#[derive(Clone, Debug, PartialEq)]
pub struct Meta {
    /// The app's version (`CARGO_PKG_VERSION`).
    pub app_version: String,
    /// The day it was exported, as the user's clock has it: `2026-11-26`.
    pub exported_on: String,
}

/// How to write it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Store the model's value beside each formula, for viewers that show
    /// stored values without recalculating. The recalculation test turns it
    /// off, so that only a real recalculation can pass.
    pub cached_results: bool,
    /// Monte Carlo draws and seed for the Uncertainty sheet (the page's
    /// headline band uses 2,000 and 2024).
    pub draws: u32,
    pub seed: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            cached_results: true,
            draws: 2_000,
            seed: 2024,
        }
    }
}

/// The value the model gives for a formula cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Expected {
    Number(f64),
    Text(String),
}

/// One formula cell and the model's value for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Check {
    pub sheet: &'static str,
    /// Zero-based, as rust_xlsxwriter counts.
    pub row: u32,
    pub col: u16,
    pub formula: String,
    pub expected: Expected,
}

/// A written workbook.
#[derive(Clone, Debug)]
pub struct Written {
    pub bytes: Vec<u8>,
    pub checks: Vec<Check>,
}

/// Write the workbook of a valid scenario. A scenario with errors is
/// refused (its numbers mean nothing), with how many errors it has.
pub fn workbook(scenario: &Scenario, meta: &Meta, options: Options) -> Result<Written, String> {
    let errors = validate(scenario);
    if !errors.is_empty() {
        return Err(format!(
            "The scenario has {} error{}: correct {} first, then download the workbook.",
            errors.len(),
            if errors.len() == 1 { "" } else { "s" },
            if errors.len() == 1 { "it" } else { "them" },
        ));
    }
    write(scenario, meta, options).map_err(|e| format!("The workbook could not be written: {e}"))
}

/// What every sheet after Inputs writes from: the scenario, its results,
/// where rows land, and where each input lives.
struct Context<'a> {
    scenario: &'a Scenario,
    results: &'a Results,
    layout: Layout,
    inputs: Inputs<'a>,
}

fn write(scenario: &Scenario, meta: &Meta, options: Options) -> Result<Written, XlsxError> {
    let results = compute(scenario);
    let mut book = Book::new(options.cached_results);
    let (inputs_ws, inputs) = inputs::sheet(&mut book, scenario)?;
    let cx = Context {
        scenario,
        results: &results,
        layout: Layout::new(scenario),
        inputs,
    };
    let working_time = working_time::sheet(&mut book, &cx)?;
    let by_place = by_place::sheet(&mut book, &cx)?;
    let services = services::sheet(&mut book, &cx)?;
    let places = places::sheet(&mut book, &cx)?;
    let roles = roles::sheet(&mut book, &cx)?;
    let projection = projection::sheet(&mut book, &cx)?;
    let summary = summary::sheet(&mut book, &cx)?;
    let uncertainty = uncertainty::sheet(&mut book, &cx, options)?;
    let sensitivity = sensitivity::sheet(&mut book, scenario)?;
    let method = method::sheet(&mut book, scenario, meta)?;

    let mut workbook = Workbook::new();
    let properties = DocProperties::new()
        .set_title(format!("Mental health workforce gap: {}", scenario.name))
        .set_subject("Needs-based mental health workforce requirement, gap, cost and projection")
        .set_company("Mental Health Workforce Gap Calculator")
        .set_comment(format!(
            "Exported {} by the Mental Health Workforce Gap Calculator {}; model {} version {}.",
            meta.exported_on, meta.app_version, SCHEMA, CURRENT_VERSION
        ));
    workbook.set_properties(&properties);
    for sheet in [
        method,
        summary,
        inputs_ws,
        working_time,
        by_place,
        services,
        places,
        roles,
        projection,
        uncertainty,
        sensitivity,
    ] {
        workbook.push_worksheet(sheet);
    }
    let bytes = workbook.save_to_buffer()?;
    Ok(Written {
        bytes,
        checks: book.into_checks(),
    })
}

/// Joiners a year that close every role's gap by the final year, all roles
/// (the Roles total, the Summary and the Uncertainty sheet's point).
fn joiners_needed_total(results: &Results) -> f64 {
    results.roles.iter().map(|r| r.joiners_needed).sum()
}
