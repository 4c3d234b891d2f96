//! The Services sheet: each service's people and required WTE, all places
//! together, at target coverage and at today's.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::by_place;
use super::formulas;
use super::sheet::{abs, at, rel, Book, Format, Sheet};
use super::{Context, BY_PLACE, SERVICES};
use crate::model::compute::workload_wte;
use crate::model::field::ServiceField;

// Columns.
const POPULATION: u16 = 2;
pub(super) const IN_NEED: u16 = 3;
pub(super) const TO_TREAT: u16 = 4;
pub(super) const UNTREATED: u16 = 5;
const BEDS: u16 = 6;
pub(super) const WTE: u16 = 7;
const TREATED_TODAY: u16 = 8;
pub(super) const WTE_TODAY: u16 = 9;
const HOW: u16 = 10;

pub(super) fn sheet(book: &mut Book, cx: &Context) -> Result<Worksheet, XlsxError> {
    let (scenario, results, layout, inputs) = (cx.scenario, cx.results, &cx.layout, &cx.inputs);
    let mut sh = Sheet::new(book, SERVICES)?;
    sh.title(
        "Services: people and required WTE, all places together",
        "Each service's WTE is split between roles by its role mix (the shares on the Inputs sheet); the Roles sheet adds them up.",
    )?;
    sh.headers(
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
    for (s, service) in scenario.services.iter().enumerate() {
        let row = layout.service_row(s);
        let result = &results.services[s];
        sh.text(row, 0, &service.name, Format::Text)?;
        sh.text(row, 1, service.workload.kind().label(), Format::Text)?;
        let first = layout.by_place_row(s, 0);
        let last = layout.by_place_row(s, layout.places.saturating_sub(1));
        let sum = |col: u16| format!("=SUM({}:{})", at(BY_PLACE, first, col), abs(last, col));
        sh.formula(
            row,
            POPULATION,
            sum(by_place::POPULATION),
            result.population,
            Format::People,
        )?;
        sh.formula(
            row,
            IN_NEED,
            sum(by_place::IN_NEED),
            result.people_in_need,
            Format::People,
        )?;
        sh.formula(
            row,
            TO_TREAT,
            sum(by_place::TO_TREAT),
            result.people_to_treat,
            Format::People,
        )?;
        sh.formula(
            row,
            UNTREATED,
            sum(by_place::UNTREATED),
            result.untreated_today,
            Format::People,
        )?;
        let people = rel(row, TO_TREAT);
        if let Some(beds) = result.beds {
            sh.formula(
                row,
                BEDS,
                formulas::beds(inputs, s, &people),
                beds,
                Format::Wte,
            )?;
            let per_bed = inputs.service(s, ServiceField::WtePerBed);
            sh.formula(
                row,
                WTE,
                format!("={}*{per_bed}", rel(row, BEDS)),
                result.required_wte,
                Format::Wte,
            )?;
        } else {
            let formula = formulas::workload(scenario, inputs, s, &people);
            sh.formula(row, WTE, formula, result.required_wte, Format::Wte)?;
        }
        // Today's coverage (MODEL.md section 8): the same workload formula
        // over the people treated today.
        let current = inputs.service(s, ServiceField::CurrentCoverage);
        let treated_today = result.people_in_need * service.current_coverage;
        sh.formula(
            row,
            TREATED_TODAY,
            format!("={}*{current}", rel(row, IN_NEED)),
            treated_today,
            Format::People,
        )?;
        let (wte_today, _) = workload_wte(
            &service.workload,
            treated_today,
            results.clinical_hours_per_wte,
        );
        let formula = formulas::workload(scenario, inputs, s, &rel(row, TREATED_TODAY));
        sh.formula(row, WTE_TODAY, formula, wte_today, Format::Wte)?;
        sh.text(row, HOW, formulas::workload_words(service), Format::Text)?;
    }
    let total = layout.services_total_row();
    sh.text(total, 0, "All services", Format::Bold)?;
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
        let sums: [(u16, f64, Format); 6] = [
            (IN_NEED, results.total.people_in_need, Format::People),
            (TO_TREAT, results.total.people_to_treat, Format::People),
            (UNTREATED, results.total.untreated_today, Format::People),
            (
                WTE,
                results.services.iter().map(|s| s.required_wte).sum(),
                Format::WteBold,
            ),
            (TREATED_TODAY, treated_today.iter().sum(), Format::People),
            (WTE_TODAY, wte_today, Format::WteBold),
        ];
        for (col, value, format) in sums {
            sh.formula(
                total,
                col,
                format!("=SUM({}:{})", rel(first, col), rel(last, col)),
                value,
                format,
            )?;
        }
    }
    sh.widths([0], 40)?;
    sh.widths([1], 14)?;
    sh.widths(2..HOW, 13)?;
    sh.widths([HOW], 80)?;
    sh.ws().set_freeze_panes(3, 1)?;
    Ok(sh.finish())
}
