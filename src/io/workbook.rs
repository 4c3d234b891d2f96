//! The Excel workbook (issue 9): the scenario's inputs, and every computed
//! number as a formula that refers to them, so that a finance analyst can
//! audit the calculation and change an input in Excel and watch the
//! requirement move. Uncertainty and sensitivity are values, labelled so.
//!
//! Sheets: Method (what this is, versions, date, how to read it), Summary,
//! Inputs (yellow cells: value, unit, default or changed, source, note),
//! Working time, Services by place, Services, Places, Roles, Projection,
//! Uncertainty, Sensitivity.
//!
//! Every formula goes through [`Book::formula`], which records the cell and
//! the model's own value for it ([`Check`]): the test in
//! `tests/workbook_recalc.rs` recalculates the workbook in LibreOffice and
//! compares every formula cell with that value. Pure Rust (rust_xlsxwriter),
//! tested natively; in the browser it runs in the third module
//! (`src/bin/workbook.rs`), loaded only when a workbook is asked for.

use std::collections::HashMap;
use std::rc::Rc;

use rust_xlsxwriter::utility::{quote_sheet_name, row_col_to_cell, row_col_to_cell_absolute};
use rust_xlsxwriter::{
    Color, DocProperties, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};

use crate::io::register::register;
use crate::model::compute::{compute, hours, role_projection, served_population, workload_wte};
use crate::model::field::{
    Field, ProjectionField, RoleField, ServiceField, Unit, WorkingTimeField,
};
use crate::model::scenario::{AgeBand, Scenario, Workload, CURRENT_VERSION, SCHEMA};
use crate::model::sensitivity::sensitivity;
use crate::model::uncertainty::uncertainty;
use crate::model::{validate, Results};

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

/// Cell formats, made once.
struct Formats {
    title: Format,
    header: Format,
    text: Format,
    wrap: Format,
    bold: Format,
    wte: Format,
    wte_bold: Format,
    people: Format,
    money: Format,
    money_bold: Format,
    percent: Format,
    ratio: Format,
    hours: Format,
    year: Format,
    value_note: Format,
}

impl Formats {
    fn new() -> Formats {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_background_color(Color::RGB(0xE8EDEE))
            .set_border_bottom(FormatBorder::Thin);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            header,
            text: Format::new().set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            bold: Format::new().set_bold(),
            wte: Format::new().set_num_format("#,##0.0"),
            wte_bold: Format::new().set_num_format("#,##0.0").set_bold(),
            people: Format::new().set_num_format("#,##0"),
            money: Format::new().set_num_format("£#,##0"),
            money_bold: Format::new().set_num_format("£#,##0").set_bold(),
            percent: Format::new().set_num_format("0.0#%"),
            ratio: Format::new().set_num_format("0.00"),
            hours: Format::new().set_num_format("#,##0.00"),
            year: Format::new().set_num_format("0"),
            value_note: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x425563)),
        }
    }

    /// A number format by unit.
    fn number_format(unit: Unit) -> &'static str {
        match unit {
            Unit::People => "#,##0",
            Unit::Index => "0.00##",
            Unit::Percent => "0.0##%",
            Unit::Hours | Unit::Days | Unit::Months | Unit::Count => "#,##0.0##",
            Unit::Weeks => "0.000",
            Unit::Minutes | Unit::Years => "0",
            Unit::Wte => "#,##0.0#",
            Unit::Money => "£#,##0",
        }
    }

    /// A value in an input's unit that is not an input (sensitivity,
    /// ranges): no fill, so only the Inputs sheet has yellow cells.
    fn value(&self, unit: Unit) -> Format {
        Format::new().set_num_format(Formats::number_format(unit))
    }

    /// The format of an input's value cell: by unit, on a yellow fill.
    fn input(&self, unit: Unit) -> Format {
        self.value(unit)
            .set_background_color(Color::RGB(0xFFF2B3))
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xAEB7BD))
    }
}

/// The workbook being written: its formats, the formula checks so far, and
/// where each input lives.
struct Book {
    f: Formats,
    checks: Vec<Check>,
    cached: bool,
    /// Input key -> absolute reference to its value on the Inputs sheet.
    inputs: Rc<HashMap<String, String>>,
}

/// `Sheet!$C$5`.
fn at(sheet: &str, row: u32, col: u16) -> String {
    format!(
        "{}!{}",
        quote_sheet_name(sheet),
        row_col_to_cell_absolute(row, col)
    )
}

/// `C5` (relative, same sheet).
fn rel(row: u32, col: u16) -> String {
    row_col_to_cell(row, col)
}

impl Book {
    /// Write a formula and record the model's value for it.
    #[allow(clippy::too_many_arguments)] // as `number`
    fn formula(
        &mut self,
        ws: &mut Worksheet,
        sheet: &'static str,
        row: u32,
        col: u16,
        text: String,
        expected: Expected,
        format: &Format,
    ) -> Result<(), XlsxError> {
        let mut formula = Formula::new(&text);
        if self.cached {
            formula = formula.set_result(match &expected {
                Expected::Number(v) => format!("{v}"),
                Expected::Text(t) => t.clone(),
            });
        }
        ws.write_formula_with_format(row, col, formula, format)?;
        self.checks.push(Check {
            sheet,
            row,
            col,
            formula: text,
            expected,
        });
        Ok(())
    }

    // The sheet, cell, formula, value and format of one cell: grouping them
    // would only move the same list into a struct literal at every call.
    #[allow(clippy::too_many_arguments)]
    fn number(
        &mut self,
        ws: &mut Worksheet,
        sheet: &'static str,
        row: u32,
        col: u16,
        text: String,
        value: f64,
        format: &Format,
    ) -> Result<(), XlsxError> {
        self.formula(ws, sheet, row, col, text, Expected::Number(value), format)
    }

    /// The Inputs reference of a field of the scenario.
    fn input(&self, scenario: &Scenario, field: &Field) -> String {
        input_ref(&self.inputs, scenario, field)
    }
}

/// The Inputs reference of a field of the scenario. Every field of a valid
/// scenario is on the Inputs sheet; a missing one would show as #REF!, never
/// as a wrong number.
fn input_ref(inputs: &HashMap<String, String>, scenario: &Scenario, field: &Field) -> String {
    field
        .key(scenario)
        .and_then(|key| inputs.get(&key).cloned())
        .unwrap_or_else(|| "#REF!".to_string())
}

fn headers(ws: &mut Worksheet, book: &Book, row: u32, names: &[&str]) -> Result<(), XlsxError> {
    for (col, name) in names.iter().enumerate() {
        ws.write_string_with_format(row, col as u16, *name, &book.f.header)?;
    }
    Ok(())
}

fn title(ws: &mut Worksheet, book: &Book, text: &str, note: &str) -> Result<(), XlsxError> {
    ws.write_string_with_format(0, 0, text, &book.f.title)?;
    if !note.is_empty() {
        ws.write_string_with_format(1, 0, note, &book.f.value_note)?;
    }
    Ok(())
}

fn write(scenario: &Scenario, meta: &Meta, options: Options) -> Result<Written, XlsxError> {
    let results = compute(scenario);
    let mut book = Book {
        f: Formats::new(),
        checks: Vec::new(),
        cached: options.cached_results,
        inputs: Rc::new(HashMap::new()),
    };
    let inputs = inputs_sheet(scenario, &mut book)?;
    let working_time = working_time_sheet(scenario, &mut book)?;
    let layout = Layout::new(scenario);
    let by_place = by_place_sheet(scenario, &results, &layout, &mut book)?;
    let services = services_sheet(scenario, &results, &layout, &mut book)?;
    let places = places_sheet(scenario, &results, &layout, &mut book)?;
    let roles = roles_sheet(scenario, &results, &layout, &mut book)?;
    let projection = projection_sheet(scenario, &results, &layout, &mut book)?;
    let summary = summary_sheet(scenario, &results, &layout, &mut book)?;
    let uncertainty = uncertainty_sheet(scenario, &results, options, &book)?;
    let sensitivity = sensitivity_sheet(scenario, &book)?;
    let method = method_sheet(scenario, meta, &book)?;

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
        inputs,
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
        checks: book.checks,
    })
}

fn sheet(name: &str) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(name)?;
    Ok(ws)
}

// ---------------------------------------------------------------- Inputs

const INPUT_VALUE_COL: u16 = 1;

fn inputs_sheet(scenario: &Scenario, book: &mut Book) -> Result<Worksheet, XlsxError> {
    let mut ws = sheet(INPUTS)?;
    title(
        &mut ws,
        book,
        "Inputs",
        "Yellow cells are the scenario's inputs: change one and every formula in the workbook moves. Percentages are shares (17% is 0.17).",
    )?;
    headers(
        &mut ws,
        book,
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
        ws.write_string_with_format(row, 0, &entry.label, &book.f.wrap)?;
        ws.write_number_with_format(row, INPUT_VALUE_COL, value, &book.f.input(field.unit()))?;
        ws.write_string_with_format(row, 2, entry.unit, &book.f.text)?;
        ws.write_string_with_format(row, 3, entry.status.text(), &book.f.text)?;
        let source = if entry.illustrative && !entry.source.starts_with("Illustrative") {
            format!("Illustrative: {}", entry.source)
        } else {
            entry.source.clone()
        };
        ws.write_string_with_format(row, 4, &source, &book.f.wrap)?;
        if !entry.note.is_empty() {
            ws.write_string_with_format(row, 5, &entry.note, &book.f.wrap)?;
        }
        ws.write_string_with_format(row, 6, &entry.key, &book.f.text)?;
        refs.insert(entry.key.clone(), at(INPUTS, row, INPUT_VALUE_COL));
        row += 1;
    }
    book.inputs = Rc::new(refs);
    ws.set_column_width(0, 44)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 30)?;
    ws.set_column_width(3, 14)?;
    ws.set_column_width(4, 70)?;
    ws.set_column_width(5, 40)?;
    ws.set_column_width(6, 44)?;
    ws.set_freeze_panes(4, 1)?;
    ws.autofilter(3, 0, row.saturating_sub(1).max(4), 6)?;
    Ok(ws)
}

// ---------------------------------------------------------- Working time

/// Rows of the Working time sheet (zero-based).
const WT_WORKING_DAYS: u32 = 3;
const WT_DAYS_AVAILABLE: u32 = 4;
const WT_HOURS_A_DAY: u32 = 5;
const WT_AVAILABLE_HOURS: u32 = 6;
const WT_CLINICAL_HOURS: u32 = 7;

fn clinical_hours_ref() -> String {
    at(WORKING_TIME, WT_CLINICAL_HOURS, 1)
}

fn working_time_sheet(scenario: &Scenario, book: &mut Book) -> Result<Worksheet, XlsxError> {
    let mut ws = sheet(WORKING_TIME)?;
    title(
        &mut ws,
        book,
        "Working time: the clinical hours one WTE has in a year (WISN available working time)",
        "Used only by the services counted in contacts: sickness and non-clinical time do not move caseload or bed services.",
    )?;
    headers(&mut ws, book, 2, &["Measure", "Value", "How"])?;
    let wt = &scenario.working_time;
    let h = hours(wt);
    let input = |f: WorkingTimeField| book.input(scenario, &Field::WorkingTime(f));
    let (dpw, wpy, ph, al, td, hpw, sick, non_clinical) = (
        input(WorkingTimeField::DaysPerWeek),
        input(WorkingTimeField::WeeksPerYear),
        input(WorkingTimeField::PublicHolidays),
        input(WorkingTimeField::AnnualLeaveDays),
        input(WorkingTimeField::TrainingDays),
        input(WorkingTimeField::HoursPerWeek),
        input(WorkingTimeField::SicknessRate),
        input(WorkingTimeField::NonClinicalShare),
    );
    let rows: [(u32, &str, String, f64, &str); 5] = [
        (
            WT_WORKING_DAYS,
            "Working days a year",
            format!("={dpw}*{wpy}"),
            h.working_days,
            "days per week x weeks per year",
        ),
        (
            WT_DAYS_AVAILABLE,
            "Days available",
            format!("={}-{ph}-{al}-{td}", rel(WT_WORKING_DAYS, 1)),
            h.days_available,
            "working days - public holidays - annual leave - training days",
        ),
        (
            WT_HOURS_A_DAY,
            "Hours a working day",
            format!("={hpw}/{dpw}"),
            wt.hours_per_week / wt.days_per_week,
            "hours per week / days per week",
        ),
        (
            WT_AVAILABLE_HOURS,
            "Available hours per WTE a year",
            format!(
                "={}*{}*(1-{sick})",
                rel(WT_DAYS_AVAILABLE, 1),
                rel(WT_HOURS_A_DAY, 1)
            ),
            h.available_hours,
            "days available x hours a day x (1 - sickness absence)",
        ),
        (
            WT_CLINICAL_HOURS,
            "Clinical hours per WTE a year",
            format!("={}*(1-{non_clinical})", rel(WT_AVAILABLE_HOURS, 1)),
            h.clinical_hours,
            "available hours x (1 - non-clinical time)",
        ),
    ];
    for (row, label, formula, value, how) in rows {
        ws.write_string_with_format(row, 0, label, &book.f.text)?;
        let format = book.f.hours.clone();
        book.number(&mut ws, WORKING_TIME, row, 1, formula, value, &format)?;
        ws.write_string_with_format(row, 2, how, &book.f.text)?;
    }
    ws.set_column_width(0, 34)?;
    ws.set_column_width(1, 14)?;
    ws.set_column_width(2, 60)?;
    Ok(ws)
}

// ------------------------------------------------ Services, places, roles

/// Where rows land, known before any sheet is written, so that sheets can
/// refer to each other.
struct Layout {
    /// First data row of Services by place; rows run service by service,
    /// place by place.
    by_place_first: u32,
    places: usize,
    /// First data row of Services, Places and Roles.
    first: u32,
    roles: usize,
    services: usize,
    /// Projection: years, and the header row of each block.
    years: u32,
}

impl Layout {
    fn new(scenario: &Scenario) -> Layout {
        Layout {
            by_place_first: 3,
            places: scenario.places.len(),
            first: 3,
            roles: scenario.roles.len(),
            services: scenario.services.len(),
            years: scenario
                .projection
                .years
                .min(crate::model::compute::MAX_PROJECTION_YEARS),
        }
    }

    fn by_place_row(&self, service: usize, place: usize) -> u32 {
        self.by_place_first + (service * self.places + place) as u32
    }

    fn service_row(&self, service: usize) -> u32 {
        self.first + service as u32
    }

    fn place_row(&self, place: usize) -> u32 {
        self.first + place as u32
    }

    fn role_row(&self, role: usize) -> u32 {
        self.first + role as u32
    }

    fn roles_total_row(&self) -> u32 {
        self.first + self.roles as u32
    }

    fn services_total_row(&self) -> u32 {
        self.first + self.services as u32
    }

    /// Projection blocks ([`PJ_RAMP`], [`PJ_REQUIRED`], [`PJ_ARRIVALS`],
    /// [`PJ_SUPPLY`], [`PJ_SHORTFALL`]). The header row of block `k`; its
    /// years follow, one row each.
    fn projection_header(&self, block: u32) -> u32 {
        3 + block * (self.years + 4)
    }

    fn projection_row(&self, block: u32, year: u32) -> u32 {
        self.projection_header(block) + 1 + year
    }

    /// Projection column of a role (column 0 holds the year).
    fn projection_col(&self, role: usize) -> u16 {
        1 + role as u16
    }

    fn projection_total_col(&self) -> u16 {
        1 + self.roles as u16
    }

    /// The final year's row of a projection block.
    fn projection_final(&self, block: u32) -> u32 {
        self.projection_row(block, self.years)
    }

    /// The Projection cell of a year's share of the way from today's
    /// coverage to the target (the coverage ramp).
    fn ramp_share(&self, year: u32) -> String {
        at(PROJECTION, self.projection_row(PJ_RAMP, year), PJ_SHARE_COL)
    }

    /// The Projection cell that holds the number of years (the final year).
    fn years_cell(&self) -> String {
        at(PROJECTION, self.projection_final(PJ_REQUIRED), 0)
    }
}

// Projection blocks, top to bottom.
/// The coverage ramp: each year's share of the way from today's coverage to
/// the target, and each service's coverage.
const PJ_RAMP: u32 = 0;
const PJ_REQUIRED: u32 = 1;
const PJ_ARRIVALS: u32 = 2;
const PJ_SUPPLY: u32 = 3;
const PJ_SHORTFALL: u32 = 4;
/// The ramp block's column of the share (services follow it).
const PJ_SHARE_COL: u16 = 1;

// Services by place columns.
const BP_POPULATION: u16 = 3;
const BP_PREVALENCE: u16 = 4;
const BP_NEED_INDEX: u16 = 5;
const BP_IN_NEED: u16 = 6;
const BP_TARGET: u16 = 7;
const BP_TO_TREAT: u16 = 8;
const BP_CURRENT: u16 = 9;
const BP_UNTREATED: u16 = 10;
const BP_WTE: u16 = 11;

/// The workload formula of service `s` over the people in `people`:
/// required WTE, as `workload_wte` computes it.
fn workload_formula(scenario: &Scenario, book: &Book, s: usize, people: &str) -> String {
    let service = &scenario.services[s];
    let input = |f: ServiceField| book.input(scenario, &Field::Service(s, f));
    match service.workload {
        Workload::Contacts { .. } => format!(
            "={people}*{}*{}/60/{}",
            input(ServiceField::ContactsPerPerson),
            input(ServiceField::MinutesPerContact),
            clinical_hours_ref()
        ),
        Workload::Caseload { .. } => format!(
            "={people}*({}/12)/{}",
            input(ServiceField::MonthsOnCaseload),
            input(ServiceField::CaseloadPerWte)
        ),
        Workload::Beds { .. } => format!(
            "={}*{}",
            beds_formula(scenario, book, s, people).trim_start_matches('='),
            input(ServiceField::WtePerBed)
        ),
    }
}

/// Beds needed by a bed-based service for `people` admissions a year.
fn beds_formula(scenario: &Scenario, book: &Book, s: usize, people: &str) -> String {
    let input = |f: ServiceField| book.input(scenario, &Field::Service(s, f));
    format!(
        "={people}*{}/(365*{})",
        input(ServiceField::LengthOfStayDays),
        input(ServiceField::TargetOccupancy)
    )
}

/// The workload in words, for the reader of the Services sheet.
fn workload_words(service: &crate::model::scenario::Service) -> &'static str {
    match service.workload {
        Workload::Contacts { .. } => "people to treat x contacts per person x minutes per contact / 60 / clinical hours per WTE",
        Workload::Caseload { .. } => "people to treat x (months on caseload / 12) / caseload per WTE",
        Workload::Beds { .. } => "beds = admissions x length of stay / (365 x target occupancy); WTE = beds x WTE per bed",
    }
}

fn by_place_sheet(
    scenario: &Scenario,
    results: &Results,
    layout: &Layout,
    book: &mut Book,
) -> Result<Worksheet, XlsxError> {
    let mut ws = sheet(BY_PLACE)?;
    title(
        &mut ws,
        book,
        "Services by place: people in need, to treat, and each place's WTE",
        "People in need = served population x prevalence x the place's need index; people to treat = people in need x target coverage.",
    )?;
    headers(
        &mut ws,
        book,
        2,
        &[
            "Service",
            "Place",
            "Ages served",
            "Served population",
            "Prevalence",
            "Need index",
            "People in need",
            "Target coverage",
            "People to treat",
            "Current coverage",
            "Untreated today",
            "Required WTE",
        ],
    )?;
    let clinical_hours = results.clinical_hours_per_wte;
    let f = Formats::new();
    for (s, service) in scenario.services.iter().enumerate() {
        let mut bands: Vec<AgeBand> = Vec::new();
        for band in &service.ages {
            if !bands.contains(band) {
                bands.push(*band);
            }
        }
        let ages = bands
            .iter()
            .map(|b| b.label())
            .collect::<Vec<_>>()
            .join(", ");
        for (p, place) in scenario.places.iter().enumerate() {
            let row = layout.by_place_row(s, p);
            ws.write_string_with_format(row, 0, &service.name, &book.f.text)?;
            ws.write_string_with_format(row, 1, &place.name, &book.f.text)?;
            ws.write_string_with_format(row, 2, &ages, &book.f.text)?;
            let population = served_population(&place.population, service);
            let population_formula = if bands.is_empty() {
                "=0".to_string()
            } else {
                let parts: Vec<String> = bands
                    .iter()
                    .map(|band| book.input(scenario, &Field::Population(p, *band)))
                    .collect();
                format!("={}", parts.join("+"))
            };
            book.number(
                &mut ws,
                BY_PLACE,
                row,
                BP_POPULATION,
                population_formula,
                population,
                &f.people,
            )?;
            let prevalence = book.input(scenario, &Field::Service(s, ServiceField::Prevalence));
            book.number(
                &mut ws,
                BY_PLACE,
                row,
                BP_PREVALENCE,
                format!("={prevalence}"),
                service.prevalence,
                &f.percent,
            )?;
            let need = book.input(scenario, &Field::NeedIndex(p));
            book.number(
                &mut ws,
                BY_PLACE,
                row,
                BP_NEED_INDEX,
                format!("={need}"),
                place.need_index,
                &f.ratio,
            )?;
            let in_need = population * service.prevalence * place.need_index;
            book.number(
                &mut ws,
                BY_PLACE,
                row,
                BP_IN_NEED,
                format!(
                    "={}*{}*{}",
                    rel(row, BP_POPULATION),
                    rel(row, BP_PREVALENCE),
                    rel(row, BP_NEED_INDEX)
                ),
                in_need,
                &f.people,
            )?;
            let target = book.input(scenario, &Field::Service(s, ServiceField::TargetCoverage));
            book.number(
                &mut ws,
                BY_PLACE,
                row,
                BP_TARGET,
                format!("={target}"),
                service.target_coverage,
                &f.percent,
            )?;
            let to_treat = in_need * service.target_coverage;
            book.number(
                &mut ws,
                BY_PLACE,
                row,
                BP_TO_TREAT,
                format!("={}*{}", rel(row, BP_IN_NEED), rel(row, BP_TARGET)),
                to_treat,
                &f.people,
            )?;
            let current = book.input(scenario, &Field::Service(s, ServiceField::CurrentCoverage));
            book.number(
                &mut ws,
                BY_PLACE,
                row,
                BP_CURRENT,
                format!("={current}"),
                service.current_coverage,
                &f.percent,
            )?;
            book.number(
                &mut ws,
                BY_PLACE,
                row,
                BP_UNTREATED,
                format!("={}*(1-{})", rel(row, BP_IN_NEED), rel(row, BP_CURRENT)),
                in_need * (1.0 - service.current_coverage),
                &f.people,
            )?;
            let (wte, _) = workload_wte(&service.workload, to_treat, clinical_hours);
            let formula = workload_formula(scenario, book, s, &rel(row, BP_TO_TREAT));
            book.number(&mut ws, BY_PLACE, row, BP_WTE, formula, wte, &f.wte)?;
        }
    }
    ws.set_column_width(0, 40)?;
    ws.set_column_width(1, 24)?;
    ws.set_column_width(2, 30)?;
    for col in 3..=11 {
        ws.set_column_width(col, 13)?;
    }
    ws.set_freeze_panes(3, 2)?;
    Ok(ws)
}

// Services columns.
const SV_POPULATION: u16 = 2;
const SV_IN_NEED: u16 = 3;
const SV_TO_TREAT: u16 = 4;
const SV_UNTREATED: u16 = 5;
const SV_BEDS: u16 = 6;
const SV_WTE: u16 = 7;
const SV_TREATED_TODAY: u16 = 8;
const SV_WTE_TODAY: u16 = 9;
const SV_HOW: u16 = 10;

fn services_sheet(
    scenario: &Scenario,
    results: &Results,
    layout: &Layout,
    book: &mut Book,
) -> Result<Worksheet, XlsxError> {
    let mut ws = sheet(SERVICES)?;
    title(
        &mut ws,
        book,
        "Services: people and required WTE, all places together",
        "Each service's WTE is split between roles by its role mix (the shares on the Inputs sheet); the Roles sheet adds them up.",
    )?;
    headers(
        &mut ws,
        book,
        2,
        &[
            "Service",
            "Workload",
            "Served population",
            "People in need",
            "People to treat",
            "Untreated today",
            "Beds",
            "Required WTE",
            "People treated today (current coverage)",
            "Required WTE at today's coverage",
            "How the WTE is worked out",
        ],
    )?;
    let f = Formats::new();
    for (s, service) in scenario.services.iter().enumerate() {
        let row = layout.service_row(s);
        let result = &results.services[s];
        ws.write_string_with_format(row, 0, &service.name, &book.f.text)?;
        ws.write_string_with_format(row, 1, service.workload.kind().label(), &book.f.text)?;
        let first = layout.by_place_row(s, 0);
        let last = layout.by_place_row(s, layout.places.saturating_sub(1));
        let sum = |col: u16| {
            format!(
                "=SUM({}:{})",
                at(BY_PLACE, first, col),
                row_col_to_cell_absolute(last, col)
            )
        };
        book.number(
            &mut ws,
            SERVICES,
            row,
            SV_POPULATION,
            sum(BP_POPULATION),
            result.population,
            &f.people,
        )?;
        book.number(
            &mut ws,
            SERVICES,
            row,
            SV_IN_NEED,
            sum(BP_IN_NEED),
            result.people_in_need,
            &f.people,
        )?;
        book.number(
            &mut ws,
            SERVICES,
            row,
            SV_TO_TREAT,
            sum(BP_TO_TREAT),
            result.people_to_treat,
            &f.people,
        )?;
        book.number(
            &mut ws,
            SERVICES,
            row,
            SV_UNTREATED,
            sum(BP_UNTREATED),
            result.untreated_today,
            &f.people,
        )?;
        let people = rel(row, SV_TO_TREAT);
        if let Some(beds) = result.beds {
            let formula = beds_formula(scenario, book, s, &people);
            book.number(&mut ws, SERVICES, row, SV_BEDS, formula, beds, &f.wte)?;
            let per_bed = book.input(scenario, &Field::Service(s, ServiceField::WtePerBed));
            book.number(
                &mut ws,
                SERVICES,
                row,
                SV_WTE,
                format!("={}*{per_bed}", rel(row, SV_BEDS)),
                result.required_wte,
                &f.wte,
            )?;
        } else {
            let formula = workload_formula(scenario, book, s, &people);
            book.number(
                &mut ws,
                SERVICES,
                row,
                SV_WTE,
                formula,
                result.required_wte,
                &f.wte,
            )?;
        }
        // Today's coverage (MODEL.md section 8): the same workload formula
        // over the people treated today.
        let current = book.input(scenario, &Field::Service(s, ServiceField::CurrentCoverage));
        let treated_today = result.people_in_need * service.current_coverage;
        book.number(
            &mut ws,
            SERVICES,
            row,
            SV_TREATED_TODAY,
            format!("={}*{current}", rel(row, SV_IN_NEED)),
            treated_today,
            &f.people,
        )?;
        let (wte_today, _) = workload_wte(
            &service.workload,
            treated_today,
            results.clinical_hours_per_wte,
        );
        let formula = workload_formula(scenario, book, s, &rel(row, SV_TREATED_TODAY));
        book.number(
            &mut ws,
            SERVICES,
            row,
            SV_WTE_TODAY,
            formula,
            wte_today,
            &f.wte,
        )?;
        ws.write_string_with_format(row, SV_HOW, workload_words(service), &book.f.text)?;
    }
    let total = layout.services_total_row();
    ws.write_string_with_format(total, 0, "All services", &book.f.bold)?;
    if layout.services > 0 {
        let first = layout.service_row(0);
        let last = layout.service_row(layout.services - 1);
        let treated_today: Vec<f64> = scenario
            .services
            .iter()
            .zip(&results.services)
            .map(|(service, result)| result.people_in_need * service.current_coverage)
            .collect();
        let wte_today: f64 = scenario
            .services
            .iter()
            .zip(&treated_today)
            .map(|(service, &people)| {
                workload_wte(&service.workload, people, results.clinical_hours_per_wte).0
            })
            .sum();
        let sums: [(u16, f64, &Format); 6] = [
            (SV_IN_NEED, results.total.people_in_need, &f.people),
            (SV_TO_TREAT, results.total.people_to_treat, &f.people),
            (SV_UNTREATED, results.total.untreated_today, &f.people),
            (
                SV_WTE,
                results.services.iter().map(|s| s.required_wte).sum(),
                &f.wte_bold,
            ),
            (SV_TREATED_TODAY, treated_today.iter().sum(), &f.people),
            (SV_WTE_TODAY, wte_today, &f.wte_bold),
        ];
        for (col, value, format) in sums {
            book.number(
                &mut ws,
                SERVICES,
                total,
                col,
                format!("=SUM({}:{})", rel(first, col), rel(last, col)),
                value,
                format,
            )?;
        }
    }
    ws.set_column_width(0, 40)?;
    ws.set_column_width(1, 14)?;
    for col in 2..SV_HOW {
        ws.set_column_width(col, 13)?;
    }
    ws.set_column_width(SV_HOW, 80)?;
    ws.set_freeze_panes(3, 1)?;
    Ok(ws)
}

// Places columns.
const PL_POPULATION: u16 = 2;
const PL_NEED_INDEX: u16 = 3;
const PL_IN_NEED: u16 = 4;
const PL_TO_TREAT: u16 = 5;
const PL_UNTREATED: u16 = 6;
const PL_WTE: u16 = 7;
const PL_PER_100K: u16 = 8;
const PL_FIRST_ROLE: u16 = 9;

fn places_sheet(
    scenario: &Scenario,
    results: &Results,
    layout: &Layout,
    book: &mut Book,
) -> Result<Worksheet, XlsxError> {
    let mut ws = sheet(PLACES)?;
    title(
        &mut ws,
        book,
        "Places: each place's people, required WTE and its fair share of each role, by need",
        "Staff in post are for the whole system, so there is no gap by place.",
    )?;
    let mut names = vec![
        "Place",
        "Code",
        "Population",
        "Need index",
        "People in need",
        "People to treat",
        "Untreated today",
        "Required WTE",
        "Required WTE per 100,000",
    ];
    let role_headers: Vec<String> = scenario
        .roles
        .iter()
        .map(|r| format!("{}: WTE", r.name))
        .collect();
    names.extend(role_headers.iter().map(String::as_str));
    headers(&mut ws, book, 2, &names)?;
    let f = Formats::new();
    for (p, place) in scenario.places.iter().enumerate() {
        let row = layout.place_row(p);
        let result = &results.places[p];
        ws.write_string_with_format(row, 0, &place.name, &book.f.text)?;
        if let Some(code) = &place.code {
            ws.write_string_with_format(row, 1, code, &book.f.text)?;
        }
        let bands: Vec<String> = AgeBand::ALL
            .iter()
            .map(|band| book.input(scenario, &Field::Population(p, *band)))
            .collect();
        book.number(
            &mut ws,
            PLACES,
            row,
            PL_POPULATION,
            format!("={}", bands.join("+")),
            result.population,
            &f.people,
        )?;
        let need = book.input(scenario, &Field::NeedIndex(p));
        book.number(
            &mut ws,
            PLACES,
            row,
            PL_NEED_INDEX,
            format!("={need}"),
            place.need_index,
            &f.ratio,
        )?;
        // Sum over services of this place's row on Services by place.
        let over_services = |col: u16| {
            if layout.services == 0 {
                return "=0".to_string();
            }
            let cells: Vec<String> = (0..layout.services)
                .map(|s| at(BY_PLACE, layout.by_place_row(s, p), col))
                .collect();
            format!("=SUM({})", cells.join(","))
        };
        book.number(
            &mut ws,
            PLACES,
            row,
            PL_IN_NEED,
            over_services(BP_IN_NEED),
            result.people_in_need,
            &f.people,
        )?;
        book.number(
            &mut ws,
            PLACES,
            row,
            PL_TO_TREAT,
            over_services(BP_TO_TREAT),
            result.people_to_treat,
            &f.people,
        )?;
        book.number(
            &mut ws,
            PLACES,
            row,
            PL_UNTREATED,
            over_services(BP_UNTREATED),
            result.untreated_today,
            &f.people,
        )?;
        book.number(
            &mut ws,
            PLACES,
            row,
            PL_WTE,
            over_services(BP_WTE),
            result.required_wte,
            &f.wte,
        )?;
        book.number(
            &mut ws,
            PLACES,
            row,
            PL_PER_100K,
            format!(
                "=IF({pop}>0,{wte}/{pop}*100000,0)",
                pop = rel(row, PL_POPULATION),
                wte = rel(row, PL_WTE)
            ),
            result.required_wte_per_100k,
            &f.wte,
        )?;
        for (r, role) in scenario.roles.iter().enumerate() {
            let terms = role_terms(scenario, book, &role.id, |s| {
                at(BY_PLACE, layout.by_place_row(s, p), BP_WTE)
            });
            let value = result.roles.get(&role.id).copied().unwrap_or(0.0);
            book.number(
                &mut ws,
                PLACES,
                row,
                PL_FIRST_ROLE + r as u16,
                terms,
                value,
                &f.wte,
            )?;
        }
    }
    ws.set_column_width(0, 28)?;
    for col in 1..PL_FIRST_ROLE + layout.roles as u16 {
        ws.set_column_width(col, 13)?;
    }
    ws.set_freeze_panes(3, 1)?;
    Ok(ws)
}

/// `=wte_1*share_1+wte_2*share_2...` over the services whose role mix names
/// `role`, where `wte(s)` is the cell of service `s`'s WTE; `=0` for none.
fn role_terms(
    scenario: &Scenario,
    book: &Book,
    role: &str,
    wte: impl Fn(usize) -> String,
) -> String {
    let terms: Vec<String> = scenario
        .services
        .iter()
        .enumerate()
        .filter(|(_, service)| service.role_mix.contains_key(role))
        .map(|(s, _)| {
            format!(
                "{}*{}",
                wte(s),
                book.input(scenario, &Field::RoleMix(s, role.to_string()))
            )
        })
        .collect();
    if terms.is_empty() {
        "=0".to_string()
    } else {
        format!("={}", terms.join("+"))
    }
}

// Roles columns.
const RL_REQUIRED: u16 = 3;
const RL_REQUIRED_TODAY: u16 = 4;
const RL_IN_POST: u16 = 5;
const RL_VACANT: u16 = 6;
const RL_GAP: u16 = 7;
const RL_EXTRA: u16 = 8;
const RL_FILL: u16 = 9;
const RL_NEW_POSTS: u16 = 10;
const RL_WISN: u16 = 11;
const RL_COST: u16 = 12;
const RL_EXTRA_COST: u16 = 13;
const RL_NEW_MONEY: u16 = 14;
const RL_LEAVER_RATE: u16 = 15;
const RL_JOINERS: u16 = 16;
const RL_TRAINING_YEARS: u16 = 17;
const RL_COMPLETION: u16 = 18;
const RL_JOIN_RATE: u16 = 19;
const RL_EXTRA_PLACES: u16 = 20;
const RL_INTERNATIONAL: u16 = 21;
const RL_FIRST_ARRIVAL: u16 = 22;
const RL_TRAINED: u16 = 23;
const RL_ARRIVALS: u16 = 24;
const RL_REQUIRED_FINAL: u16 = 25;
const RL_SUPPLY_FINAL: u16 = 26;
const RL_YEAR_CLOSES: u16 = 27;
const RL_ARRIVALS_REMAINING: u16 = 28;
const RL_JOINERS_NEEDED: u16 = 29;
const RL_SUPPLY_NO_PLACES: u16 = 30;
const RL_PER_PLACE: u16 = 31;
const RL_PLACES_NEEDED: u16 = 32;
const RL_RETENTION_NEEDED: u16 = 33;
const RL_SUPPLY_AT_NEEDED: u16 = 34;

/// The Roles sheet's headers, column by column from 0.
const ROLES_HEADERS: [&str; RL_SUPPLY_AT_NEEDED as usize + 1] = [
    "Role",
    "Group",
    "Sector",
    "Required WTE",
    "Required WTE at today's coverage",
    "In post WTE",
    "Vacant WTE",
    "Gap WTE",
    "Extra WTE",
    "Of which: fill funded vacancies",
    "Of which: new posts",
    "WISN ratio (in post / required)",
    "Annual cost per WTE",
    "Extra cost a year",
    "New money a year (new posts)",
    "Leaver rate after retention improvement",
    "Joiners a year",
    "Training years",
    "Course completion",
    "Qualifiers who join",
    "Extra training places a year",
    "International recruits a year",
    "First year the extra places' qualifiers arrive",
    "Qualifiers joining a year from the extra places",
    "Arrivals a year once the first cohort qualifies",
    "Required WTE in final year (on the coverage ramp)",
    "Supply in final year (with arrivals)",
    "Year the gap closes",
    "Arrivals still in post in the final year",
    "Joiners a year needed to close the gap by the final year (pipeline as set)",
    "Supply in final year with no extra places",
    "WTE in post in the final year per extra place a year",
    "Extra training places a year needed to close the gap by the final year",
    "Retention improvement needed (value, by the app)",
    "Supply in final year with that retention",
];

/// What `places_needed` says where training places cannot close the gap in
/// time (training longer than the horizon, or no completion or take-up).
pub const NOT_BY_TRAINING: &str = "not by training in time";

/// What one WTE a year for `n` years leaves in post at the end, at leaver
/// rate `l`: `sum_{k=0}^{n-1} (1-l)^k` = `(1 - (1-l)^n) / l`, `n` at
/// `l = 0`, 0 for no years. The closed form of MODEL.md section 8's sums.
fn still_in_post(l: &str, n: &str) -> String {
    format!("IF({n}<=0,0,IF({l}>0,(1-(1-{l})^({n}))/{l},{n}))")
}

fn roles_sheet(
    scenario: &Scenario,
    results: &Results,
    layout: &Layout,
    book: &mut Book,
) -> Result<Worksheet, XlsxError> {
    let mut ws = sheet(ROLES)?;
    title(
        &mut ws,
        book,
        "Roles: requirement, gap, funded vacancies and new posts, cost, the training pipeline, and what closes the gap",
        "Retention improvement needed is a value found by the app (the smallest cut in today's leaver rate that closes the gap); the column after it checks it with a formula. Everything else is a formula.",
    )?;
    headers(&mut ws, book, 2, &ROLES_HEADERS)?;
    let f = Formats::new();
    let years_cell = layout.years_cell();
    let retention = book.input(
        scenario,
        &Field::Projection(ProjectionField::RetentionImprovement),
    );
    for (r, role) in scenario.roles.iter().enumerate() {
        let row = layout.role_row(r);
        let result = &results.roles[r];
        let pipeline = role.pipeline();
        let c = |col: u16| rel(row, col);
        let inputs = Rc::clone(&book.inputs);
        let input = |f: RoleField| input_ref(&inputs, scenario, &Field::Role(r, f));
        ws.write_string_with_format(row, 0, &role.name, &book.f.text)?;
        ws.write_string_with_format(row, 1, role.group.label(), &book.f.text)?;
        ws.write_string_with_format(row, 2, role.sector.label(), &book.f.text)?;
        let required = role_terms(scenario, book, &role.id, |s| {
            at(SERVICES, layout.service_row(s), SV_WTE)
        });
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_REQUIRED,
            required,
            result.required_wte,
            &f.wte,
        )?;
        let required_today = role_terms(scenario, book, &role.id, |s| {
            at(SERVICES, layout.service_row(s), SV_WTE_TODAY)
        });
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_REQUIRED_TODAY,
            required_today,
            result.required_wte_today,
            &f.wte,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_IN_POST,
            format!("={}", input(RoleField::InPostWte)),
            role.in_post_wte,
            &f.wte,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_VACANT,
            format!("={}", input(RoleField::VacantWte)),
            role.vacant_wte,
            &f.wte,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_GAP,
            format!("={}-{}", c(RL_REQUIRED), c(RL_IN_POST)),
            result.gap_wte,
            &f.wte,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_EXTRA,
            format!("=MAX(0,{})", c(RL_GAP)),
            result.extra_wte,
            &f.wte,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_FILL,
            format!("=MIN({},{})", c(RL_EXTRA), c(RL_VACANT)),
            result.vacancy_fill_wte,
            &f.wte,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_NEW_POSTS,
            format!(
                "=MAX(0,{}-{}-{})",
                c(RL_REQUIRED),
                c(RL_IN_POST),
                c(RL_VACANT)
            ),
            result.unfunded_wte,
            &f.wte,
        )?;
        book.formula(
            &mut ws,
            ROLES,
            row,
            RL_WISN,
            format!(
                "=IF({req}=0,\"\",{inp}/{req})",
                req = c(RL_REQUIRED),
                inp = c(RL_IN_POST)
            ),
            match result.wisn_ratio {
                Some(v) => Expected::Number(v),
                None => Expected::Text(String::new()),
            },
            &f.ratio,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_COST,
            format!("={}", input(RoleField::AnnualCost)),
            role.annual_cost,
            &f.money,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_EXTRA_COST,
            format!("={}*{}", c(RL_EXTRA), c(RL_COST)),
            result.extra_cost,
            &f.money,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_NEW_MONEY,
            format!("={}*{}", c(RL_NEW_POSTS), c(RL_COST)),
            result.unfunded_cost,
            &f.money,
        )?;
        let leaver_rate = role.leaver_rate * (1.0 - scenario.projection.retention_improvement);
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_LEAVER_RATE,
            format!("={}*(1-{retention})", input(RoleField::LeaverRate)),
            leaver_rate,
            &f.percent,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_JOINERS,
            format!("={}", input(RoleField::JoinersPerYear)),
            role.joiners_per_year,
            &f.wte,
        )?;

        // The training pipeline (MODEL.md section 8).
        for (col, field, value, format) in [
            (
                RL_TRAINING_YEARS,
                RoleField::TrainingYears,
                pipeline.training_years,
                &f.year,
            ),
            (
                RL_COMPLETION,
                RoleField::CompletionRate,
                pipeline.completion_rate,
                &f.percent,
            ),
            (
                RL_JOIN_RATE,
                RoleField::JoinRate,
                pipeline.join_rate,
                &f.percent,
            ),
            (
                RL_EXTRA_PLACES,
                RoleField::ExtraPlacesPerYear,
                pipeline.extra_places_per_year,
                &f.wte,
            ),
            (
                RL_INTERNATIONAL,
                RoleField::InternationalPerYear,
                pipeline.international_per_year,
                &f.wte,
            ),
        ] {
            book.number(
                &mut ws,
                ROLES,
                row,
                col,
                format!("={}", input(field)),
                value,
                format,
            )?;
        }
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_FIRST_ARRIVAL,
            format!("=MAX(1,ROUNDUP({},0))", c(RL_TRAINING_YEARS)),
            pipeline.first_arrival_year() as f64,
            &f.year,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_TRAINED,
            format!(
                "={}*{}*{}",
                c(RL_EXTRA_PLACES),
                c(RL_COMPLETION),
                c(RL_JOIN_RATE)
            ),
            pipeline.trained_per_year(),
            &f.wte,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_ARRIVALS,
            format!("={}+{}", c(RL_TRAINED), c(RL_INTERNATIONAL)),
            result.arrivals_per_year,
            &f.wte,
        )?;

        // The projection's final year, and what closes the gap.
        let years = role_projection(scenario, results, r);
        let last = years.last().map(|y| y.flow).unwrap_or_default();
        let col = layout.projection_col(r);
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_REQUIRED_FINAL,
            format!(
                "={}",
                at(PROJECTION, layout.projection_final(PJ_REQUIRED), col)
            ),
            last.required_wte,
            &f.wte,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_SUPPLY_FINAL,
            format!(
                "={}",
                at(PROJECTION, layout.projection_final(PJ_SUPPLY), col)
            ),
            last.supply_wte,
            &f.wte,
        )?;
        let shortfall = format!(
            "{}:{}",
            at(PROJECTION, layout.projection_row(PJ_SHORTFALL, 0), col),
            row_col_to_cell_absolute(layout.projection_final(PJ_SHORTFALL), col)
        );
        book.formula(
            &mut ws,
            ROLES,
            row,
            RL_YEAR_CLOSES,
            format!("=IFERROR(MATCH(0,{shortfall},0)-1,\"never\")"),
            match result.year_gap_closes {
                Some(year) => Expected::Number(year as f64),
                None => Expected::Text("never".to_string()),
            },
            &f.year,
        )?;
        let l = c(RL_LEAVER_RATE);
        let t = &years_cell;
        // Years the extra places' qualifiers arrive in: first..T.
        let places_years = format!("{t}-{}+1", c(RL_FIRST_ARRIVAL));
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_PER_PLACE,
            format!(
                "={}*{}*{}",
                c(RL_COMPLETION),
                c(RL_JOIN_RATE),
                still_in_post(&l, &places_years)
            ),
            pipeline.completion_rate * pipeline.join_rate * last.places_weight,
            &f.hours,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_ARRIVALS_REMAINING,
            format!(
                "={}*{}+{}*{}",
                c(RL_INTERNATIONAL),
                still_in_post(&l, t),
                c(RL_EXTRA_PLACES),
                c(RL_PER_PLACE)
            ),
            last.trained_wte + last.international_wte,
            &f.wte,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_JOINERS_NEEDED,
            format!(
                "=MAX(0,IF({l}>0,({q}-{p}*(1-{l})^{t}-{a})*{l}/(1-(1-{l})^{t}),({q}-{p}-{a})/{t}))",
                q = c(RL_REQUIRED_FINAL),
                p = c(RL_IN_POST),
                a = c(RL_ARRIVALS_REMAINING),
            ),
            result.joiners_needed,
            &f.wte,
        )?;
        book.number(
            &mut ws,
            ROLES,
            row,
            RL_SUPPLY_NO_PLACES,
            format!(
                "={p}*(1-{l})^{t}+({j}+{i})*{g}",
                p = c(RL_IN_POST),
                j = c(RL_JOINERS),
                i = c(RL_INTERNATIONAL),
                g = still_in_post(&l, t),
            ),
            last.supply_without_places_wte,
            &f.wte,
        )?;
        book.formula(
            &mut ws,
            ROLES,
            row,
            RL_PLACES_NEEDED,
            format!(
                "=IF({s}>={q},0,IF({w}>0,({q}-{s})/{w},\"{NOT_BY_TRAINING}\"))",
                s = c(RL_SUPPLY_NO_PLACES),
                q = c(RL_REQUIRED_FINAL),
                w = c(RL_PER_PLACE),
            ),
            match result.places_needed {
                Some(v) => Expected::Number(v),
                None => Expected::Text(NOT_BY_TRAINING.to_string()),
            },
            &f.wte,
        )?;
        match result.retention_needed {
            Some(x) => {
                ws.write_number_with_format(row, RL_RETENTION_NEEDED, x, &f.percent)?;
                // Supply after T years at the cut leaver rate L, joiners
                // and arrivals as set: p (1-L)^T + (joiners + international)
                // x G(T) + qualifiers a year x G(T - first + 1), G the
                // years' sum of (1-L)^k.
                let cut = format!(
                    "({}*(1-{}))",
                    input(RoleField::LeaverRate),
                    c(RL_RETENTION_NEEDED)
                );
                let supply = crate::model::compute::supply_after(
                    role.in_post_wte,
                    role.leaver_rate * (1.0 - x),
                    role.joiners_per_year,
                    &pipeline,
                    layout.years,
                );
                book.number(
                    &mut ws,
                    ROLES,
                    row,
                    RL_SUPPLY_AT_NEEDED,
                    format!(
                        "={p}*(1-{cut})^{t}+({j}+{i})*{g}+{q}*{h}",
                        p = c(RL_IN_POST),
                        j = c(RL_JOINERS),
                        i = c(RL_INTERNATIONAL),
                        g = still_in_post(&cut, t),
                        q = c(RL_TRAINED),
                        h = still_in_post(&cut, &places_years),
                    ),
                    supply,
                    &f.wte,
                )?;
            }
            None => {
                ws.write_string_with_format(
                    row,
                    RL_RETENTION_NEEDED,
                    "not reachable by retention alone",
                    &book.f.text,
                )?;
            }
        }
    }

    // All roles.
    let total = layout.roles_total_row();
    ws.write_string_with_format(total, 0, "All roles", &book.f.bold)?;
    if layout.roles > 0 {
        let (first, last) = (layout.role_row(0), layout.role_row(layout.roles - 1));
        let t = &results.total;
        let gap: f64 = results.roles.iter().map(|r| r.gap_wte).sum();
        let joiners = joiners_needed_total(results);
        let arrivals: f64 = results.roles.iter().map(|r| r.arrivals_per_year).sum();
        let sums: [(u16, f64, &Format); 12] = [
            (RL_REQUIRED, t.required_wte, &f.wte_bold),
            (RL_REQUIRED_TODAY, t.required_wte_today, &f.wte_bold),
            (RL_IN_POST, t.in_post_wte, &f.wte_bold),
            (
                RL_VACANT,
                scenario.roles.iter().map(|r| r.vacant_wte).sum(),
                &f.wte_bold,
            ),
            (RL_GAP, gap, &f.wte_bold),
            (RL_EXTRA, t.extra_wte, &f.wte_bold),
            (RL_FILL, t.vacancy_fill_wte, &f.wte_bold),
            (RL_NEW_POSTS, t.unfunded_wte, &f.wte_bold),
            (RL_EXTRA_COST, t.extra_cost, &f.money_bold),
            (RL_NEW_MONEY, t.unfunded_cost, &f.money_bold),
            (RL_ARRIVALS, arrivals, &f.wte_bold),
            (RL_JOINERS_NEEDED, joiners, &f.wte_bold),
        ];
        for (col, value, format) in sums {
            book.number(
                &mut ws,
                ROLES,
                total,
                col,
                format!("=SUM({}:{})", rel(first, col), rel(last, col)),
                value,
                format,
            )?;
        }

        // Groups and sectors.
        let mut row = total + 2;
        for (heading, subtotals, label_col, labels) in [
            (
                "By staff group",
                &results.groups,
                1u16,
                crate::model::scenario::Group::ALL
                    .iter()
                    .map(|g| (g.key(), g.label()))
                    .collect::<Vec<_>>(),
            ),
            (
                "By sector",
                &results.sectors,
                2u16,
                crate::model::scenario::Sector::ALL
                    .iter()
                    .map(|s| (s.key(), s.label()))
                    .collect::<Vec<_>>(),
            ),
        ] {
            let mut names = [""; RL_EXTRA as usize + 1];
            names[0] = heading;
            for col in [RL_REQUIRED, RL_IN_POST, RL_EXTRA] {
                names[col as usize] = ROLES_HEADERS[col as usize];
            }
            headers(&mut ws, book, row, &names)?;
            row += 1;
            for (key, label) in labels {
                let Some(subtotal) = subtotals.get(key) else {
                    continue;
                };
                ws.write_string_with_format(row, 0, label, &book.f.text)?;
                for (col, value) in [
                    (RL_REQUIRED, subtotal.required_wte),
                    (RL_IN_POST, subtotal.in_post_wte),
                    (RL_EXTRA, subtotal.extra_wte),
                ] {
                    book.number(
                        &mut ws,
                        ROLES,
                        row,
                        col,
                        format!(
                            "=SUMIF({}:{},\"{}\",{}:{})",
                            row_col_to_cell_absolute(first, label_col),
                            row_col_to_cell_absolute(last, label_col),
                            label,
                            row_col_to_cell_absolute(first, col),
                            row_col_to_cell_absolute(last, col)
                        ),
                        value,
                        &f.wte,
                    )?;
                }
                row += 1;
            }
            row += 1;
        }
    }
    ws.set_column_width(0, 36)?;
    ws.set_column_width(1, 22)?;
    ws.set_column_width(2, 22)?;
    for col in 3..=RL_SUPPLY_AT_NEEDED {
        ws.set_column_width(col, 14)?;
    }
    ws.set_row_height(2, 90)?;
    ws.set_freeze_panes(3, 1)?;
    Ok(ws)
}

fn projection_sheet(
    scenario: &Scenario,
    results: &Results,
    layout: &Layout,
    book: &mut Book,
) -> Result<Worksheet, XlsxError> {
    let mut ws = sheet(PROJECTION)?;
    title(
        &mut ws,
        book,
        "Projection: coverage rises to the target over the ramp and the requirement grows with demand; supply loses leavers and gains joiners and the pipeline's arrivals",
        "The number of years is fixed when the workbook is written (change it in the calculator and export again).",
    )?;
    let f = Formats::new();
    let growth = book.input(scenario, &Field::Projection(ProjectionField::DemandGrowth));
    let ramp_years = book.input(scenario, &Field::Projection(ProjectionField::RampYears));
    let per_role: Vec<_> = (0..layout.roles)
        .map(|r| role_projection(scenario, results, r))
        .collect();

    // The coverage ramp (MODEL.md section 8).
    let header = layout.projection_header(PJ_RAMP);
    ws.write_string_with_format(
        header - 1,
        0,
        "Coverage ramp: the share of the way from today's coverage to the target (a straight line over the years to reach target coverage), and each service's coverage",
        &book.f.bold,
    )?;
    let mut names = vec![
        "Year".to_string(),
        "Share of the way to target coverage".to_string(),
    ];
    names.extend(
        scenario
            .services
            .iter()
            .map(|s| format!("{}: coverage", s.name)),
    );
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    headers(&mut ws, book, header, &names)?;
    for year in 0..=layout.years {
        let row = layout.projection_row(PJ_RAMP, year);
        ws.write_number_with_format(row, 0, year as f64, &f.year)?;
        let share = scenario.projection.ramp_share(year);
        book.number(
            &mut ws,
            PROJECTION,
            row,
            PJ_SHARE_COL,
            format!(
                "=IF(OR({ramp_years}<=0,{y}>={ramp_years}),1,{y}/{ramp_years})",
                y = rel(row, 0)
            ),
            share,
            &f.percent,
        )?;
        for (s, service) in scenario.services.iter().enumerate() {
            let current = book.input(scenario, &Field::Service(s, ServiceField::CurrentCoverage));
            let target = book.input(scenario, &Field::Service(s, ServiceField::TargetCoverage));
            book.number(
                &mut ws,
                PROJECTION,
                row,
                PJ_SHARE_COL + 1 + s as u16,
                format!("={current}+({target}-{current})*{}", rel(row, PJ_SHARE_COL)),
                service.current_coverage
                    + (service.target_coverage - service.current_coverage) * share,
                &f.percent,
            )?;
        }
    }

    let blocks = [
        (
            PJ_REQUIRED,
            "Required WTE by role: at today's coverage + (at target - at today's) x the ramp's share, x (1 + demand growth)^year",
        ),
        (
            PJ_ARRIVALS,
            "Arrivals by role: international recruits, plus the extra training places' qualifiers from the year the first cohort qualifies",
        ),
        (
            PJ_SUPPLY,
            "Supply WTE by role: last year's, less leavers, plus joiners and arrivals",
        ),
        (
            PJ_SHORTFALL,
            "Shortfall by role (required - supply, where positive)",
        ),
    ];
    for (block, heading) in blocks {
        let header = layout.projection_header(block);
        ws.write_string_with_format(header - 1, 0, heading, &book.f.bold)?;
        let mut names = vec!["Year".to_string()];
        names.extend(scenario.roles.iter().map(|r| r.name.clone()));
        names.push("All roles".to_string());
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        headers(&mut ws, book, header, &names)?;
        for year in 0..=layout.years {
            let row = layout.projection_row(block, year);
            ws.write_number_with_format(row, 0, year as f64, &f.year)?;
            for (r, role_years) in per_role.iter().enumerate() {
                let col = layout.projection_col(r);
                let flow = role_years
                    .get(year as usize)
                    .map(|y| y.flow)
                    .unwrap_or_default();
                let role_cell = |c: u16| at(ROLES, layout.role_row(r), c);
                let (formula, value) = match block {
                    PJ_REQUIRED => (
                        format!(
                            "=({today}+({target}-{today})*{share})*(1+{growth})^{y}",
                            today = role_cell(RL_REQUIRED_TODAY),
                            target = role_cell(RL_REQUIRED),
                            share = layout.ramp_share(year),
                            y = rel(row, 0)
                        ),
                        flow.required_wte,
                    ),
                    PJ_ARRIVALS if year == 0 => {
                        // Nothing arrives before the first step.
                        ws.write_number_with_format(row, col, 0.0, &f.wte)?;
                        continue;
                    }
                    PJ_ARRIVALS => (
                        format!(
                            "=IF({}>={},{},0)+{}",
                            rel(row, 0),
                            role_cell(RL_FIRST_ARRIVAL),
                            role_cell(RL_TRAINED),
                            role_cell(RL_INTERNATIONAL)
                        ),
                        flow.arrivals_wte,
                    ),
                    PJ_SUPPLY if year == 0 => {
                        (format!("={}", role_cell(RL_IN_POST)), flow.supply_wte)
                    }
                    PJ_SUPPLY => (
                        format!(
                            "={}*(1-{})+{}+{}",
                            rel(row - 1, col),
                            role_cell(RL_LEAVER_RATE),
                            role_cell(RL_JOINERS),
                            rel(layout.projection_row(PJ_ARRIVALS, year), col)
                        ),
                        flow.supply_wte,
                    ),
                    _ => (
                        format!(
                            "=MAX(0,{}-{})",
                            rel(layout.projection_row(PJ_REQUIRED, year), col),
                            rel(layout.projection_row(PJ_SUPPLY, year), col)
                        ),
                        (flow.required_wte - flow.supply_wte).max(0.0),
                    ),
                };
                book.number(&mut ws, PROJECTION, row, col, formula, value, &f.wte)?;
            }
            let totals = &results.projection[year as usize];
            let value = match block {
                PJ_REQUIRED => totals.required_wte,
                PJ_ARRIVALS => totals.arrivals_wte,
                PJ_SUPPLY => totals.supply_wte,
                _ => totals.gap_wte,
            };
            let formula = if layout.roles == 0 {
                "=0".to_string()
            } else {
                format!(
                    "=SUM({}:{})",
                    rel(row, layout.projection_col(0)),
                    rel(row, layout.projection_col(layout.roles - 1))
                )
            };
            book.number(
                &mut ws,
                PROJECTION,
                row,
                layout.projection_total_col(),
                formula,
                value,
                &f.wte_bold,
            )?;
        }
    }
    ws.set_column_width(0, 8)?;
    let last_col = layout
        .projection_total_col()
        .max(PJ_SHARE_COL + layout.services as u16);
    for col in 1..=last_col {
        ws.set_column_width(col, 14)?;
    }
    ws.set_freeze_panes(0, 1)?;
    Ok(ws)
}

fn summary_sheet(
    scenario: &Scenario,
    results: &Results,
    layout: &Layout,
    book: &mut Book,
) -> Result<Worksheet, XlsxError> {
    let mut ws = sheet(SUMMARY)?;
    title(
        &mut ws,
        book,
        &format!("Summary: {}", scenario.name),
        "Every figure is a formula over the other sheets.",
    )?;
    headers(&mut ws, book, 2, &["Measure", "Value"])?;
    let f = Formats::new();
    let t = &results.total;
    let roles_total = layout.roles_total_row();
    let services_total = layout.services_total_row();
    let final_year = layout.years;
    let final_gap = results.projection.last().map_or(0.0, |p| p.gap_wte);
    let joiners = joiners_needed_total(results);
    let population = scenario.total_population().total();
    let population_cells = if layout.places == 0 {
        "0".to_string()
    } else {
        format!(
            "SUM({}:{})",
            at(PLACES, layout.place_row(0), PL_POPULATION),
            row_col_to_cell_absolute(layout.place_row(layout.places - 1), PL_POPULATION)
        )
    };
    let rows: Vec<(String, String, f64, &Format)> = vec![
        (
            "Population".into(),
            format!("={population_cells}"),
            population,
            &f.people,
        ),
        (
            "People in need a year".into(),
            format!("={}", at(SERVICES, services_total, SV_IN_NEED)),
            t.people_in_need,
            &f.people,
        ),
        (
            "People to treat a year (target coverage)".into(),
            format!("={}", at(SERVICES, services_total, SV_TO_TREAT)),
            t.people_to_treat,
            &f.people,
        ),
        (
            "People in need untreated today".into(),
            format!("={}", at(SERVICES, services_total, SV_UNTREATED)),
            t.untreated_today,
            &f.people,
        ),
        (
            "Clinical hours per WTE a year".into(),
            format!("={}", clinical_hours_ref()),
            results.clinical_hours_per_wte,
            &f.hours,
        ),
        (
            "Required WTE".into(),
            format!("={}", at(ROLES, roles_total, RL_REQUIRED)),
            t.required_wte,
            &f.wte,
        ),
        (
            "Required WTE per 100,000 residents".into(),
            format!(
                "=IF({population_cells}>0,{}/{population_cells}*100000,0)",
                at(ROLES, roles_total, RL_REQUIRED)
            ),
            t.required_wte_per_100k,
            &f.wte,
        ),
        (
            "Required WTE at today's coverage (the pressure on today's staff)".into(),
            format!("={}", at(ROLES, roles_total, RL_REQUIRED_TODAY)),
            t.required_wte_today,
            &f.wte,
        ),
        (
            "In post WTE".into(),
            format!("={}", at(ROLES, roles_total, RL_IN_POST)),
            t.in_post_wte,
            &f.wte,
        ),
        (
            "Extra WTE needed today".into(),
            format!("={}", at(ROLES, roles_total, RL_EXTRA)),
            t.extra_wte,
            &f.wte_bold,
        ),
        (
            "  of which: fill funded vacancies".into(),
            format!("={}", at(ROLES, roles_total, RL_FILL)),
            t.vacancy_fill_wte,
            &f.wte,
        ),
        (
            "  of which: new posts".into(),
            format!("={}", at(ROLES, roles_total, RL_NEW_POSTS)),
            t.unfunded_wte,
            &f.wte,
        ),
        (
            "Extra cost a year".into(),
            format!("={}", at(ROLES, roles_total, RL_EXTRA_COST)),
            t.extra_cost,
            &f.money_bold,
        ),
        (
            "  of which: new money a year (new posts)".into(),
            format!("={}", at(ROLES, roles_total, RL_NEW_MONEY)),
            t.unfunded_cost,
            &f.money,
        ),
        (
            format!("Shortfall in year {final_year} (all roles)"),
            format!(
                "={}",
                at(
                    PROJECTION,
                    layout.projection_final(PJ_SHORTFALL),
                    layout.projection_total_col()
                )
            ),
            final_gap,
            &f.wte,
        ),
        (
            format!("Joiners a year needed to close every role's gap by year {final_year}"),
            format!("={}", at(ROLES, roles_total, RL_JOINERS_NEEDED)),
            joiners,
            &f.wte,
        ),
        (
            "Arrivals a year from extra training places and international recruits (once the first cohorts qualify)".into(),
            format!("={}", at(ROLES, roles_total, RL_ARRIVALS)),
            results.roles.iter().map(|r| r.arrivals_per_year).sum(),
            &f.wte,
        ),
    ];
    for (i, (label, formula, value, format)) in rows.into_iter().enumerate() {
        let row = 3 + i as u32;
        ws.write_string_with_format(row, 0, &label, &book.f.text)?;
        book.number(&mut ws, SUMMARY, row, 1, formula, value, format)?;
    }
    ws.set_column_width(0, 62)?;
    ws.set_column_width(1, 16)?;
    Ok(ws)
}

fn uncertainty_sheet(
    scenario: &Scenario,
    results: &Results,
    options: Options,
    book: &Book,
) -> Result<Worksheet, XlsxError> {
    let mut ws = sheet(UNCERTAINTY)?;
    title(
        &mut ws,
        book,
        "Uncertainty ranges: values computed by the app, not formulas",
        "These do not move when you change an input here: download the workbook again from the calculator.",
    )?;
    let f = Formats::new();
    if scenario.ranges.is_empty() {
        ws.write_string(
            3,
            0,
            "No uncertainty ranges are set in this scenario. Set them in the calculator (\"Uncertainty ranges\") to see 10th, 50th and 90th percentiles here.",
        )?;
        ws.set_column_width(0, 100)?;
        return Ok(ws);
    }
    let Ok(run) = uncertainty(scenario, options.draws, options.seed) else {
        ws.write_string(
            3,
            0,
            "The uncertainty ranges could not be run: check them in the calculator.",
        )?;
        return Ok(ws);
    };
    ws.write_string(
        2,
        0,
        format!(
            "{} Monte Carlo draws (seed {}), each ranged input from a triangular distribution between its low and high ends with its mode at the scenario's value.",
            run.draws, run.seed
        ),
    )?;
    headers(
        &mut ws,
        book,
        4,
        &[
            "Measure",
            "10th percentile",
            "50th percentile",
            "90th percentile",
            "80th percentile",
            "Point estimate",
        ],
    )?;
    let rows: [(&str, _, Option<f64>, f64, &Format); 4] = [
        (
            "Extra WTE needed today",
            run.extra_wte,
            None,
            run.point.extra_wte,
            &f.wte,
        ),
        (
            "Extra cost a year",
            run.extra_cost,
            None,
            run.point.extra_cost,
            &f.money,
        ),
        (
            "Shortfall in the final year",
            run.final_gap_wte,
            None,
            run.point.final_gap_wte,
            &f.wte,
        ),
        (
            "Joiners a year needed, all roles (80th percentile: enough in 80% of draws)",
            run.joiners_needed,
            Some(run.joiners_needed_p80),
            joiners_needed_total(results),
            &f.wte,
        ),
    ];
    for (i, (label, p, p80, point, format)) in rows.into_iter().enumerate() {
        let row = 5 + i as u32;
        ws.write_string(row, 0, label)?;
        ws.write_number_with_format(row, 1, p.p10, format)?;
        ws.write_number_with_format(row, 2, p.p50, format)?;
        ws.write_number_with_format(row, 3, p.p90, format)?;
        if let Some(p80) = p80 {
            ws.write_number_with_format(row, 4, p80, format)?;
        }
        ws.write_number_with_format(row, 5, point, format)?;
    }
    let mut row = 11;
    headers(
        &mut ws,
        book,
        row,
        &[
            "Role",
            "Joiners a year for an 80% chance of closing its gap",
        ],
    )?;
    row += 1;
    for quantile in &run.roles_joiners_needed_p80 {
        let name = scenario
            .role_index(&quantile.id)
            .map_or(quantile.id.as_str(), |i| scenario.roles[i].name.as_str());
        ws.write_string(row, 0, name)?;
        ws.write_number_with_format(row, 1, quantile.p80, &f.wte)?;
        row += 1;
    }
    row += 1;
    headers(
        &mut ws,
        book,
        row,
        &["Ranged input", "Low", "Value", "High", "Key"],
    )?;
    row += 1;
    for (key, range) in scenario.ranges.iter() {
        let Some(field) = Field::from_key(scenario, key) else {
            continue;
        };
        let format = book.f.value(field.unit());
        ws.write_string(row, 0, field.full_label(scenario))?;
        ws.write_number_with_format(row, 1, range[0], &format)?;
        if let Some(value) = field.get(scenario) {
            ws.write_number_with_format(row, 2, value, &format)?;
        }
        ws.write_number_with_format(row, 3, range[1], &format)?;
        ws.write_string(row, 4, key)?;
        row += 1;
    }
    ws.set_column_width(0, 60)?;
    for col in 1..=5 {
        ws.set_column_width(col, 16)?;
    }
    Ok(ws)
}

/// Joiners a year that close every role's gap by the final year, all roles.
fn joiners_needed_total(results: &Results) -> f64 {
    results.roles.iter().map(|r| r.joiners_needed).sum()
}

fn sensitivity_sheet(scenario: &Scenario, book: &Book) -> Result<Worksheet, XlsxError> {
    let mut ws = sheet(SENSITIVITY)?;
    title(
        &mut ws,
        book,
        "Sensitivity: each input moved 20% down and up, everything else held (values computed by the app, not formulas)",
        "Largest swing in today's extra WTE first; inputs that only move the projection follow, by their effect on the final year's shortfall.",
    )?;
    headers(
        &mut ws,
        book,
        3,
        &[
            "Input",
            "Value",
            "Low (-20%)",
            "High (+20%)",
            "Extra WTE at low",
            "Extra WTE at high",
            "Swing in extra WTE",
            "Final-year shortfall at low",
            "Final-year shortfall at high",
            "Swing in final-year shortfall",
            "Clamped to its valid range",
        ],
    )?;
    let f = Formats::new();
    for (i, row_data) in sensitivity(scenario).iter().enumerate() {
        let row = 4 + i as u32;
        let format = Field::from_key(scenario, &row_data.key)
            .map_or(f.ratio.clone(), |field| book.f.value(field.unit()));
        ws.write_string(row, 0, &row_data.label)?;
        ws.write_number_with_format(row, 1, row_data.base_value, &format)?;
        ws.write_number_with_format(row, 2, row_data.low_value, &format)?;
        ws.write_number_with_format(row, 3, row_data.high_value, &format)?;
        ws.write_number_with_format(row, 4, row_data.extra_wte_low, &f.wte)?;
        ws.write_number_with_format(row, 5, row_data.extra_wte_high, &f.wte)?;
        ws.write_number_with_format(row, 6, row_data.swing, &f.wte)?;
        ws.write_number_with_format(row, 7, row_data.final_gap_low, &f.wte)?;
        ws.write_number_with_format(row, 8, row_data.final_gap_high, &f.wte)?;
        ws.write_number_with_format(row, 9, row_data.final_gap_swing, &f.wte)?;
        ws.write_string(row, 10, if row_data.clamped { "yes" } else { "" })?;
    }
    ws.set_column_width(0, 56)?;
    for col in 1..=10 {
        ws.set_column_width(col, 14)?;
    }
    ws.set_row_height(3, 45)?;
    ws.set_freeze_panes(4, 1)?;
    Ok(ws)
}

/// What the Method sheet says, line by line (also what the tests read).
pub fn method_lines(scenario: &Scenario, meta: &Meta) -> Vec<(String, String)> {
    let notes = scenario.notes.len();
    vec![
        ("Scenario".into(), scenario.name.clone()),
        ("Exported on".into(), meta.exported_on.clone()),
        (
            "App".into(),
            format!("Mental Health Workforce Gap Calculator {}", meta.app_version),
        ),
        (
            "Model".into(),
            format!("{SCHEMA} version {CURRENT_VERSION} (MODEL.md sections 2, 7 and 8)"),
        ),
        (
            "How to read this workbook".into(),
            "Yellow cells on the Inputs sheet are the scenario's inputs. Every other number on Summary, Working time, Services by place, Services, Places, Roles and Projection is a formula that refers to them: change an input and the requirement, gap, cost and projection move. Uncertainty and Sensitivity hold values computed by the app, not formulas. Retention improvement needed (Roles) is a value found by the app, checked by the formula beside it. The method is MODEL.md sections 2, 7 and 8: the needs-based requirement and WISN, places and funded posts, and the decade plan (the coverage ramp and the training pipeline).".into(),
        ),
        (
            "What is fixed".into(),
            "Which places, services and roles there are, the age bands each service serves, each service's workload type and the number of projection years are fixed when the workbook is written. To change them, change the scenario in the calculator and download the workbook again.".into(),
        ),
        (
            "1. People in need".into(),
            "For each service and place: served population (its age bands) x prevalence x the place's need index. People to treat = people in need x target coverage. Untreated today = people in need x (1 - current coverage). (Services by place)".into(),
        ),
        (
            "2. Working time".into(),
            "Clinical hours per WTE a year = (days per week x weeks - public holidays - annual leave - training days) x (hours per week / days per week) x (1 - sickness absence) x (1 - non-clinical time). Used only by services counted in contacts. (Working time)".into(),
        ),
        (
            "3. Workload to WTE (WISN)".into(),
            "Contacts: people x contacts x minutes / 60 / clinical hours per WTE. Caseload: people x months on caseload / 12 / caseload per WTE. Beds: admissions x length of stay / (365 x target occupancy) = beds; x WTE per bed. (Services)".into(),
        ),
        (
            "4. Roles".into(),
            "Each service's WTE is split between roles by its role mix; summed per role, the requirement. Gap = required - in post; extra WTE = the gap where positive; of which fill funded vacancies = min(extra, vacant); new posts = max(0, required - in post - vacant). Extra cost = extra WTE x annual cost; new money = new posts x annual cost. (Roles)".into(),
        ),
        (
            "5. Coverage ramp".into(),
            "Services grow from today's coverage to the target in a straight line over the years to reach target coverage (0: the target from the start), then stay there. Every workload formula is linear in the people treated, so a role's requirement in year t = (its WTE at today's coverage + (its WTE at target - at today's) x the year's share of the way) x (1 + demand growth)^t. Required WTE, gap, extra, cost and new money stay at target coverage (the need); the projection, the year the gap closes, joiners needed, retention needed and places needed use the requirement on the ramp. Required WTE at today's coverage sets today's pressure beside staff in post. (Services, Projection, Roles)".into(),
        ),
        (
            "6. Training pipeline".into(),
            "Extra training places commissioned each year from year 1, on top of today's (whose qualifiers are already in joiners a year), qualify after the training years: from year max(1, training years) each year brings extra places x course completion x the share of qualifiers who join. International recruits arrive every year from year 1. (Roles, Projection)".into(),
        ),
        (
            "7. Projection".into(),
            "Supply = last year's supply x (1 - leaver rate after retention improvement) + joiners + that year's arrivals, from staff in post in year 0. The gap closes in the first year supply reaches the requirement. With l the leaver rate, T the years and A the arrivals still in post in year T: joiners needed = (required in year T - in post x (1-l)^T - A) x l / (1 - (1-l)^T). Extra training places needed = (required in year T - supply in year T with no extra places) / (completion x join rate x the sum of (1-l)^(T-t) over the years t the qualifiers arrive in), 0 where supply gets there without them, and \"not by training in time\" where training is longer than the horizon or no one completes or joins. (Projection, Roles)".into(),
        ),
        (
            "What is counted".into(),
            format!(
                "The service lines listed only, not a whole mental health workforce: staff in post must count only the people who work in them. {}",
                crate::model::NOT_MODELLED
            ),
        ),
        (
            "Annual cost".into(),
            "The built-in costs are system costs: Agenda for Change band midpoint plus employer National Insurance and the full 23.7% employer pension, of which a trust pays 14.38% itself and the rest is paid centrally. A local budget figure is lower. See each role's annual cost on the Inputs sheet and its source.".into(),
        ),
        (
            "Notes".into(),
            if notes == 0 {
                "No notes on inputs.".to_string()
            } else {
                format!("{notes} input{} carr{} your note (Inputs, column F).", if notes == 1 { "" } else { "s" }, if notes == 1 { "ies" } else { "y" })
            },
        ),
    ]
}

fn method_sheet(scenario: &Scenario, meta: &Meta, book: &Book) -> Result<Worksheet, XlsxError> {
    let mut ws = sheet(METHOD)?;
    title(
        &mut ws,
        book,
        "Mental Health Workforce Gap Calculator: the workbook",
        "",
    )?;
    for (i, (label, text)) in method_lines(scenario, meta).iter().enumerate() {
        let row = 2 + i as u32;
        ws.write_string_with_format(row, 0, label, &book.f.bold)?;
        ws.write_string_with_format(row, 1, text, &book.f.wrap)?;
    }
    ws.set_column_width(0, 28)?;
    ws.set_column_width(1, 110)?;
    Ok(ws)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::examples::example_place;

    fn meta() -> Meta {
        Meta {
            app_version: "0.1.0".into(),
            exported_on: "2026-11-26".into(),
        }
    }

    #[test]
    fn a_scenario_with_errors_is_refused_with_how_many() {
        let mut s = example_place();
        s.working_time.hours_per_week = -1.0;
        s.services[0].prevalence = 2.0;
        let err = workbook(&s, &meta(), Options::default()).unwrap_err();
        assert_eq!(
            err,
            "The scenario has 2 errors: correct them first, then download the workbook."
        );
    }

    #[test]
    fn every_formula_cell_is_recorded_once_with_a_finite_value() {
        let s = example_place();
        let book = workbook(&s, &meta(), Options::default()).unwrap();
        assert_eq!(&book.bytes[..2], b"PK", "an xlsx file is a zip");
        let mut cells = std::collections::HashSet::new();
        for check in &book.checks {
            assert!(
                cells.insert((check.sheet, check.row, check.col)),
                "{check:?} written twice"
            );
            assert!(check.formula.starts_with('='));
            assert!(!check.formula.contains("#REF!"), "{check:?}");
            if let Expected::Number(v) = check.expected {
                assert!(v.is_finite(), "{check:?}");
            }
        }
        // Summary: extra WTE is a formula over Roles, with the model's value.
        let results = compute(&s);
        let extra = book
            .checks
            .iter()
            .find(|c| c.sheet == SUMMARY && c.row == 12)
            .unwrap();
        assert!(extra.formula.starts_with("=Roles!"), "{extra:?}");
        assert_eq!(extra.expected, Expected::Number(results.total.extra_wte));
    }

    #[test]
    fn the_method_sheet_says_versions_date_scope_and_notes() {
        let mut s = example_place();
        s.notes.insert("working_time.sickness_rate", "ESR 2025");
        let lines = method_lines(&s, &meta());
        let text: String = lines.iter().map(|(a, b)| format!("{a}: {b}\n")).collect();
        for part in [
            "Exported on: 2026-11-26",
            "Calculator 0.1.0",
            "workforce-gap/scenario version 3",
            "early intervention in psychosis",
            "1 input carries your note",
            "14.38%",
            "MODEL.md sections 2, 7 and 8",
            "5. Coverage ramp: Services grow from today's coverage to the target",
            "6. Training pipeline: Extra training places",
            "\"not by training in time\"",
        ] {
            assert!(text.contains(part), "{part} in\n{text}");
        }
    }

    /// Example place as a decade plan: a five-year coverage ramp, extra
    /// places and international recruits for every role, and one role whose
    /// training outlasts the horizon.
    fn decade_plan() -> Scenario {
        let mut s = example_place();
        s.projection.ramp_years = 5.0;
        for role in &mut s.roles {
            let mut pipeline = role.pipeline();
            pipeline.extra_places_per_year = 4.0;
            pipeline.international_per_year = 1.5;
            role.pipeline = Some(pipeline);
        }
        if let Some(p) = s.roles[1].pipeline.as_mut() {
            p.training_years = 12.0;
        }
        s
    }

    #[test]
    fn the_decade_plan_is_formulas_over_the_inputs() {
        let s = decade_plan();
        assert!(validate(&s).is_empty(), "{:?}", validate(&s));
        let results = compute(&s);
        let book = workbook(&s, &meta(), Options::default()).unwrap();
        let cell = |sheet: &str, row: u32, col: u16| {
            book.checks
                .iter()
                .find(|c| c.sheet == sheet && c.row == row && c.col == col)
                .unwrap_or_else(|| panic!("no formula at {sheet} R{row}C{col}"))
        };
        let layout = Layout::new(&s);
        let ramp_years = input_ref(
            &book_inputs(&s),
            &s,
            &Field::Projection(ProjectionField::RampYears),
        );
        for year in 0..=layout.years {
            let share = cell(
                PROJECTION,
                layout.projection_row(PJ_RAMP, year),
                PJ_SHARE_COL,
            );
            assert!(share.formula.contains(&ramp_years), "{share:?}");
            assert_eq!(
                share.expected,
                Expected::Number(s.projection.ramp_share(year))
            );
            let total = layout.projection_total_col();
            let row = &results.projection[year as usize];
            for (block, value) in [
                (PJ_REQUIRED, row.required_wte),
                (PJ_ARRIVALS, row.arrivals_wte),
                (PJ_SUPPLY, row.supply_wte),
                (PJ_SHORTFALL, row.gap_wte),
            ] {
                let c = cell(PROJECTION, layout.projection_row(block, year), total);
                assert_eq!(c.expected, Expected::Number(value), "{c:?}");
            }
        }
        let mut never = 0;
        for (r, role) in results.roles.iter().enumerate() {
            let row = layout.role_row(r);
            assert_eq!(
                cell(ROLES, row, RL_REQUIRED_TODAY).expected,
                Expected::Number(role.required_wte_today)
            );
            assert_eq!(
                cell(ROLES, row, RL_ARRIVALS).expected,
                Expected::Number(role.arrivals_per_year)
            );
            assert_eq!(
                cell(ROLES, row, RL_JOINERS_NEEDED).expected,
                Expected::Number(role.joiners_needed)
            );
            let places = cell(ROLES, row, RL_PLACES_NEEDED);
            match role.places_needed {
                Some(v) => assert_eq!(places.expected, Expected::Number(v)),
                None => {
                    never += 1;
                    assert_eq!(places.expected, Expected::Text(NOT_BY_TRAINING.into()));
                }
            }
            for field in RoleField::PIPELINE {
                let key = Field::Role(r, field).key(&s).unwrap();
                assert!(book_inputs(&s).contains_key(&key), "{key} on Inputs");
            }
        }
        assert_eq!(never, 1, "training longer than the horizon");
        assert_eq!(
            cell(ROLES, layout.roles_total_row(), RL_REQUIRED_TODAY).expected,
            Expected::Number(results.total.required_wte_today)
        );
    }

    /// The Inputs sheet's references, as the writer makes them.
    fn book_inputs(s: &Scenario) -> HashMap<String, String> {
        let mut book = Book {
            f: Formats::new(),
            checks: Vec::new(),
            cached: false,
            inputs: Rc::new(HashMap::new()),
        };
        inputs_sheet(s, &mut book).unwrap();
        (*book.inputs).clone()
    }
}
