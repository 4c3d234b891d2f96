//! The Summary sheet: the headline figures, each a formula over the other
//! sheets.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::layout::PJ_SHORTFALL;
use super::places::population_sum;
use super::sheet::{at, Book, Format, Sheet};
use super::working_time::clinical_hours_ref;
use super::{joiners_needed_total, roles, services, Context};
use super::{PROJECTION, ROLES, SERVICES, SUMMARY};

pub(super) fn sheet(book: &mut Book, cx: &Context) -> Result<Worksheet, XlsxError> {
    let (scenario, results, layout) = (cx.scenario, cx.results, &cx.layout);
    let mut sh = Sheet::new(book, SUMMARY)?;
    sh.title(
        &format!("Summary: {}", scenario.name),
        "Every figure is a formula over the other sheets.",
    )?;
    sh.headers(2, &["Measure", "Value"])?;
    let t = &results.total;
    let roles_total = |col: u16| format!("={}", at(ROLES, layout.roles_total_row(), col));
    let services_total = |col: u16| format!("={}", at(SERVICES, layout.services_total_row(), col));
    let final_year = layout.years;
    let final_gap = results.projection.last().map_or(0.0, |p| p.gap_wte);
    let population = scenario.total_population().total();
    let population_cells = population_sum(cx);
    let rows: Vec<(String, String, f64, Format)> = vec![
        (
            "Population".into(),
            format!("={population_cells}"),
            population,
            Format::People,
        ),
        (
            "People in need a year".into(),
            services_total(services::IN_NEED),
            t.people_in_need,
            Format::People,
        ),
        (
            "People to treat a year (target coverage)".into(),
            services_total(services::TO_TREAT),
            t.people_to_treat,
            Format::People,
        ),
        (
            "People in need untreated today".into(),
            services_total(services::UNTREATED),
            t.untreated_today,
            Format::People,
        ),
        (
            "Clinical hours per WTE a year".into(),
            format!("={}", clinical_hours_ref()),
            results.clinical_hours_per_wte,
            Format::Hours,
        ),
        (
            "Required WTE".into(),
            roles_total(roles::REQUIRED),
            t.required_wte,
            Format::Wte,
        ),
        (
            "Required WTE per 100,000 residents".into(),
            format!(
                "=IF({population_cells}>0,{}/{population_cells}*100000,0)",
                at(ROLES, layout.roles_total_row(), roles::REQUIRED)
            ),
            t.required_wte_per_100k,
            Format::Wte,
        ),
        (
            "Required WTE at today's coverage (the pressure on today's staff)".into(),
            roles_total(roles::REQUIRED_TODAY),
            t.required_wte_today,
            Format::Wte,
        ),
        (
            "In post WTE".into(),
            roles_total(roles::IN_POST),
            t.in_post_wte,
            Format::Wte,
        ),
        (
            "Extra WTE needed today".into(),
            roles_total(roles::EXTRA),
            t.extra_wte,
            Format::WteBold,
        ),
        (
            "  of which: fill funded vacancies".into(),
            roles_total(roles::FILL),
            t.vacancy_fill_wte,
            Format::Wte,
        ),
        (
            "  of which: new posts".into(),
            roles_total(roles::NEW_POSTS),
            t.unfunded_wte,
            Format::Wte,
        ),
        (
            "Extra cost a year".into(),
            roles_total(roles::EXTRA_COST),
            t.extra_cost,
            Format::MoneyBold,
        ),
        (
            "  of which: new money a year (new posts)".into(),
            roles_total(roles::NEW_MONEY),
            t.unfunded_cost,
            Format::Money,
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
            Format::Wte,
        ),
        (
            format!("Joiners a year needed to close every role's gap by year {final_year}"),
            roles_total(roles::JOINERS_NEEDED),
            joiners_needed_total(results),
            Format::Wte,
        ),
        (
            "Arrivals a year from extra training places and international recruits (once the first cohorts qualify)".into(),
            roles_total(roles::ARRIVALS),
            results.roles.iter().map(|r| r.arrivals_per_year).sum(),
            Format::Wte,
        ),
    ];
    for (i, (label, formula, value, format)) in rows.into_iter().enumerate() {
        let row = 3 + i as u32;
        sh.text(row, 0, &label, Format::Text)?;
        sh.formula(row, 1, formula, value, format)?;
    }
    sh.widths([0], 62)?;
    sh.widths([1], 16)?;
    Ok(sh.finish())
}
