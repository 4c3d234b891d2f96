//! The Uncertainty sheet: Monte Carlo percentiles, values computed by the
//! app (not formulas), labelled so.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::sheet::{Book, Format, Sheet};
use super::{joiners_needed_total, Context, Options, UNCERTAINTY};
use crate::model::field::Field;
use crate::model::uncertainty::uncertainty;

pub(super) fn sheet(
    book: &mut Book,
    cx: &Context,
    options: Options,
) -> Result<Worksheet, XlsxError> {
    let scenario = cx.scenario;
    let mut sh = Sheet::new(book, UNCERTAINTY)?;
    sh.title(
        "Uncertainty ranges: values computed by the app, not formulas",
        "These do not move when you change an input here: download the workbook again from the calculator.",
    )?;
    if scenario.ranges.is_empty() {
        sh.plain(
            3,
            0,
            "No uncertainty ranges are set in this scenario. Set them in the calculator (\"Uncertainty ranges\") to see 10th, 50th and 90th percentiles here.",
        )?;
        sh.widths([0], 100)?;
        return Ok(sh.finish());
    }
    let Ok(run) = uncertainty(scenario, options.draws, options.seed) else {
        sh.plain(
            3,
            0,
            "The uncertainty ranges could not be run: check them in the calculator.",
        )?;
        return Ok(sh.finish());
    };
    sh.plain(
        2,
        0,
        &format!(
            "{} Monte Carlo draws (seed {}), each ranged input from a triangular distribution between its low and high ends with its mode at the scenario's value.",
            run.draws, run.seed
        ),
    )?;
    sh.headers(
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
    let rows: [(&str, _, Option<f64>, f64, Format); 4] = [
        (
            "Extra WTE needed today",
            run.extra_wte,
            None,
            run.point.extra_wte,
            Format::Wte,
        ),
        (
            "Extra cost a year",
            run.extra_cost,
            None,
            run.point.extra_cost,
            Format::Money,
        ),
        (
            "Shortfall in the final year",
            run.final_gap_wte,
            None,
            run.point.final_gap_wte,
            Format::Wte,
        ),
        (
            "Joiners a year needed, all roles (80th percentile: enough in 80% of draws)",
            run.joiners_needed,
            Some(run.joiners_needed_p80),
            joiners_needed_total(cx.results),
            Format::Wte,
        ),
    ];
    for (i, (label, p, p80, point, format)) in rows.into_iter().enumerate() {
        let row = 5 + i as u32;
        sh.plain(row, 0, label)?;
        sh.number(row, 1, p.p10, format)?;
        sh.number(row, 2, p.p50, format)?;
        sh.number(row, 3, p.p90, format)?;
        if let Some(p80) = p80 {
            sh.number(row, 4, p80, format)?;
        }
        sh.number(row, 5, point, format)?;
    }
    let mut row = 11;
    sh.headers(
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
        sh.plain(row, 0, name)?;
        sh.number(row, 1, quantile.p80, Format::Wte)?;
        row += 1;
    }
    row += 1;
    sh.headers(row, &["Ranged input", "Low", "Value", "High", "Key"])?;
    row += 1;
    for (key, range) in scenario.ranges.iter() {
        let Some(field) = Field::from_key(scenario, key) else {
            continue;
        };
        let format = Format::Value(field.unit());
        sh.plain(row, 0, &field.full_label(scenario))?;
        sh.number(row, 1, range[0], format)?;
        if let Some(value) = field.get(scenario) {
            sh.number(row, 2, value, format)?;
        }
        sh.number(row, 3, range[1], format)?;
        sh.plain(row, 4, key)?;
        row += 1;
    }
    sh.widths([0], 60)?;
    sh.widths(1..=5, 16)?;
    Ok(sh.finish())
}
