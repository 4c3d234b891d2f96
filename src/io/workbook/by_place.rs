//! The Services by place sheet: each service's people in need, to treat,
//! and WTE, place by place.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::formulas;
use super::sheet::{rel, Book, Format, Sheet};
use super::{Context, BY_PLACE};
use crate::model::compute::{served_population, workload_wte};
use crate::model::field::{Field, ServiceField};
use crate::model::scenario::AgeBand;

// Columns.
pub(super) const POPULATION: u16 = 3;
const PREVALENCE: u16 = 4;
const NEED_INDEX: u16 = 5;
pub(super) const IN_NEED: u16 = 6;
const TARGET: u16 = 7;
pub(super) const TO_TREAT: u16 = 8;
const CURRENT: u16 = 9;
pub(super) const UNTREATED: u16 = 10;
pub(super) const WTE: u16 = 11;

pub(super) fn sheet(book: &mut Book, cx: &Context) -> Result<Worksheet, XlsxError> {
    let (scenario, layout, inputs) = (cx.scenario, &cx.layout, &cx.inputs);
    let mut sh = Sheet::new(book, BY_PLACE)?;
    sh.title(
        "Services by place: people in need, to treat, and each place's WTE",
        "People in need = served population x prevalence x the place's need index; people to treat = people in need x target coverage.",
    )?;
    sh.headers(
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
    let clinical_hours = cx.results.clinical_hours_per_wte;
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
            sh.text(row, 0, &service.name, Format::Text)?;
            sh.text(row, 1, &place.name, Format::Text)?;
            sh.text(row, 2, &ages, Format::Text)?;
            let population = served_population(&place.population, service);
            let population_formula = if bands.is_empty() {
                "=0".to_string()
            } else {
                let parts: Vec<String> = bands
                    .iter()
                    .map(|band| inputs.cell(&Field::Population(p, *band)))
                    .collect();
                format!("={}", parts.join("+"))
            };
            sh.formula(
                row,
                POPULATION,
                population_formula,
                population,
                Format::People,
            )?;
            sh.formula(
                row,
                PREVALENCE,
                format!("={}", inputs.service(s, ServiceField::Prevalence)),
                service.prevalence,
                Format::Percent,
            )?;
            sh.formula(
                row,
                NEED_INDEX,
                format!("={}", inputs.cell(&Field::NeedIndex(p))),
                place.need_index,
                Format::Ratio,
            )?;
            let in_need = population * service.prevalence * place.need_index;
            sh.formula(
                row,
                IN_NEED,
                format!(
                    "={}*{}*{}",
                    rel(row, POPULATION),
                    rel(row, PREVALENCE),
                    rel(row, NEED_INDEX)
                ),
                in_need,
                Format::People,
            )?;
            sh.formula(
                row,
                TARGET,
                format!("={}", inputs.service(s, ServiceField::TargetCoverage)),
                service.target_coverage,
                Format::Percent,
            )?;
            let to_treat = in_need * service.target_coverage;
            sh.formula(
                row,
                TO_TREAT,
                format!("={}*{}", rel(row, IN_NEED), rel(row, TARGET)),
                to_treat,
                Format::People,
            )?;
            sh.formula(
                row,
                CURRENT,
                format!("={}", inputs.service(s, ServiceField::CurrentCoverage)),
                service.current_coverage,
                Format::Percent,
            )?;
            sh.formula(
                row,
                UNTREATED,
                format!("={}*(1-{})", rel(row, IN_NEED), rel(row, CURRENT)),
                in_need * (1.0 - service.current_coverage),
                Format::People,
            )?;
            let (wte, _) = workload_wte(&service.workload, to_treat, clinical_hours);
            let formula = formulas::workload(scenario, inputs, s, &rel(row, TO_TREAT));
            sh.formula(row, WTE, formula, wte, Format::Wte)?;
        }
    }
    sh.widths([0], 40)?;
    sh.widths([1], 24)?;
    sh.widths([2], 30)?;
    sh.widths(3..=11, 13)?;
    sh.ws().set_freeze_panes(3, 2)?;
    Ok(sh.finish())
}
