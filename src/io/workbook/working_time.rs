//! The Working time sheet: the clinical hours one WTE has in a year (WISN
//! available working time).

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::sheet::{at, rel, Book, Format, Sheet};
use super::{Context, WORKING_TIME};
use crate::model::compute::hours;
use crate::model::field::WorkingTimeField;

/// Rows of the Working time sheet (zero-based).
const WORKING_DAYS: u32 = 3;
const DAYS_AVAILABLE: u32 = 4;
const HOURS_A_DAY: u32 = 5;
const AVAILABLE_HOURS: u32 = 6;
const CLINICAL_HOURS: u32 = 7;

/// The cell of the clinical hours one WTE has in a year.
pub(super) fn clinical_hours_ref() -> String {
    at(WORKING_TIME, CLINICAL_HOURS, 1)
}

pub(super) fn sheet(book: &mut Book, cx: &Context) -> Result<Worksheet, XlsxError> {
    let mut sh = Sheet::new(book, WORKING_TIME)?;
    sh.title(
        "Working time: the clinical hours one WTE has in a year (WISN available working time)",
        "Used only by the services counted in contacts: sickness and non-clinical time do not move caseload or bed services.",
    )?;
    sh.headers(2, &["Measure", "Value", "How"])?;
    let wt = &cx.scenario.working_time;
    let h = hours(wt);
    let input = |f: WorkingTimeField| cx.inputs.working_time(f);
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
            WORKING_DAYS,
            "Working days a year",
            format!("={dpw}*{wpy}"),
            h.working_days,
            "days per week x weeks per year",
        ),
        (
            DAYS_AVAILABLE,
            "Days available",
            format!("={}-{ph}-{al}-{td}", rel(WORKING_DAYS, 1)),
            h.days_available,
            "working days - public holidays - annual leave - training days",
        ),
        (
            HOURS_A_DAY,
            "Hours a working day",
            format!("={hpw}/{dpw}"),
            wt.hours_per_week / wt.days_per_week,
            "hours per week / days per week",
        ),
        (
            AVAILABLE_HOURS,
            "Available hours per WTE a year",
            format!(
                "={}*{}*(1-{sick})",
                rel(DAYS_AVAILABLE, 1),
                rel(HOURS_A_DAY, 1)
            ),
            h.available_hours,
            "days available x hours a day x (1 - sickness absence)",
        ),
        (
            CLINICAL_HOURS,
            "Clinical hours per WTE a year",
            format!("={}*(1-{non_clinical})", rel(AVAILABLE_HOURS, 1)),
            h.clinical_hours,
            "available hours x (1 - non-clinical time)",
        ),
    ];
    for (row, label, formula, value, how) in rows {
        sh.text(row, 0, label, Format::Text)?;
        sh.formula(row, 1, formula, value, Format::Hours)?;
        sh.text(row, 2, how, Format::Text)?;
    }
    sh.widths([0], 34)?;
    sh.widths([1], 14)?;
    sh.widths([2], 60)?;
    Ok(sh.finish())
}
