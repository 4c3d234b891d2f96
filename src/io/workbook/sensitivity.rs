//! The Sensitivity sheet: each input moved 20% down and up, values computed
//! by the app (not formulas), labelled so.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::sheet::{Book, Format, Sheet};
use super::SENSITIVITY;
use crate::model::field::Field;
use crate::model::scenario::Scenario;
use crate::model::sensitivity::sensitivity;

pub(super) fn sheet(book: &mut Book, scenario: &Scenario) -> Result<Worksheet, XlsxError> {
    let mut sh = Sheet::new(book, SENSITIVITY)?;
    sh.title(
        "Sensitivity: each input moved 20% down and up, everything else held (values computed by the app, not formulas)",
        "Largest swing in today's extra WTE first; inputs that only move the projection follow, by their effect on the final year's shortfall.",
    )?;
    sh.headers(
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
    for (i, row_data) in sensitivity(scenario).iter().enumerate() {
        let row = 4 + i as u32;
        let format = Field::from_key(scenario, &row_data.key)
            .map_or(Format::Ratio, |field| Format::Value(field.unit()));
        sh.plain(row, 0, &row_data.label)?;
        sh.number(row, 1, row_data.base_value, format)?;
        sh.number(row, 2, row_data.low_value, format)?;
        sh.number(row, 3, row_data.high_value, format)?;
        for (col, value) in [
            (4, row_data.extra_wte_low),
            (5, row_data.extra_wte_high),
            (6, row_data.swing),
            (7, row_data.final_gap_low),
            (8, row_data.final_gap_high),
            (9, row_data.final_gap_swing),
        ] {
            sh.number(row, col, value, Format::Wte)?;
        }
        sh.plain(row, 10, if row_data.clamped { "yes" } else { "" })?;
    }
    sh.widths([0], 56)?;
    sh.widths(1..=10, 14)?;
    sh.ws().set_row_height(3, 45)?;
    sh.ws().set_freeze_panes(4, 1)?;
    Ok(sh.finish())
}
