//! The Places sheet: each place's people, required WTE and its fair share
//! of each role, by need.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::by_place;
use super::formulas::role_terms;
use super::sheet::{abs, at, rel, Book, Format, Sheet};
use super::{Context, BY_PLACE, PLACES};
use crate::model::field::Field;
use crate::model::scenario::AgeBand;

// Columns.
pub(super) const POPULATION: u16 = 2;
const NEED_INDEX: u16 = 3;
const IN_NEED: u16 = 4;
const TO_TREAT: u16 = 5;
const UNTREATED: u16 = 6;
const WTE: u16 = 7;
const PER_100K: u16 = 8;
const FIRST_ROLE: u16 = 9;

pub(super) fn sheet(book: &mut Book, cx: &Context) -> Result<Worksheet, XlsxError> {
    let (scenario, results, layout, inputs) = (cx.scenario, cx.results, &cx.layout, &cx.inputs);
    let mut sh = Sheet::new(book, PLACES)?;
    sh.title(
        "Places: each place's people, required WTE and its fair share of each role, by need",
        "Staff in post are for the whole system, so there is no gap by place.",
    )?;
    let mut names: Vec<String> = [
        "Place",
        "Code",
        "Population",
        "Need index",
        "People in need",
        "People to treat",
        "Untreated today",
        "Required WTE",
        "Required WTE per 100,000",
    ]
    .map(String::from)
    .to_vec();
    names.extend(scenario.roles.iter().map(|r| format!("{}: WTE", r.name)));
    sh.headers(2, &names)?;
    for (p, place) in scenario.places.iter().enumerate() {
        let row = layout.place_row(p);
        let result = &results.places[p];
        sh.text(row, 0, &place.name, Format::Text)?;
        if let Some(code) = &place.code {
            sh.text(row, 1, code, Format::Text)?;
        }
        let bands: Vec<String> = AgeBand::ALL
            .iter()
            .map(|band| inputs.cell(&Field::Population(p, *band)))
            .collect();
        sh.formula(
            row,
            POPULATION,
            format!("={}", bands.join("+")),
            result.population,
            Format::People,
        )?;
        sh.formula(
            row,
            NEED_INDEX,
            format!("={}", inputs.cell(&Field::NeedIndex(p))),
            place.need_index,
            Format::Ratio,
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
        for (col, from, value, format) in [
            (
                IN_NEED,
                by_place::IN_NEED,
                result.people_in_need,
                Format::People,
            ),
            (
                TO_TREAT,
                by_place::TO_TREAT,
                result.people_to_treat,
                Format::People,
            ),
            (
                UNTREATED,
                by_place::UNTREATED,
                result.untreated_today,
                Format::People,
            ),
            (WTE, by_place::WTE, result.required_wte, Format::Wte),
        ] {
            sh.formula(row, col, over_services(from), value, format)?;
        }
        sh.formula(
            row,
            PER_100K,
            format!(
                "=IF({pop}>0,{wte}/{pop}*100000,0)",
                pop = rel(row, POPULATION),
                wte = rel(row, WTE)
            ),
            result.required_wte_per_100k,
            Format::Wte,
        )?;
        for (r, role) in scenario.roles.iter().enumerate() {
            let terms = role_terms(scenario, inputs, &role.id, |s| {
                at(BY_PLACE, layout.by_place_row(s, p), by_place::WTE)
            });
            let value = result.roles.get(&role.id).copied().unwrap_or(0.0);
            sh.formula(row, FIRST_ROLE + r as u16, terms, value, Format::Wte)?;
        }
    }
    sh.widths([0], 28)?;
    sh.widths(1..FIRST_ROLE + layout.roles as u16, 13)?;
    sh.ws().set_freeze_panes(3, 1)?;
    Ok(sh.finish())
}

/// The Summary's population: the sum of the places' populations.
pub(super) fn population_sum(cx: &Context) -> String {
    let layout = &cx.layout;
    if layout.places == 0 {
        "0".to_string()
    } else {
        format!(
            "SUM({}:{})",
            at(PLACES, layout.place_row(0), POPULATION),
            abs(layout.place_row(layout.places - 1), POPULATION)
        )
    }
}
