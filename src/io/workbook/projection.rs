//! The Projection sheet, year by year: the coverage ramp, each role's
//! requirement on it, the pipeline's arrivals, supply, and the shortfall.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::layout::{PJ_ARRIVALS, PJ_RAMP, PJ_REQUIRED, PJ_SHARE_COL, PJ_SHORTFALL, PJ_SUPPLY};
use super::roles;
use super::sheet::{at, rel, Book, Format, Sheet};
use super::{Context, PROJECTION, ROLES};
use crate::model::compute::role_projection;
use crate::model::field::{ProjectionField, ServiceField};

pub(super) fn sheet(book: &mut Book, cx: &Context) -> Result<Worksheet, XlsxError> {
    let (scenario, results, layout, inputs) = (cx.scenario, cx.results, &cx.layout, &cx.inputs);
    let mut sh = Sheet::new(book, PROJECTION)?;
    sh.title(
        "Projection: coverage rises to the target over the ramp and the requirement grows with demand; supply loses leavers and gains joiners and the pipeline's arrivals",
        "The number of years is fixed when the workbook is written (change it in the calculator and export again).",
    )?;
    let growth = inputs.projection(ProjectionField::DemandGrowth);
    let ramp_years = inputs.projection(ProjectionField::RampYears);
    let per_role: Vec<_> = (0..layout.roles)
        .map(|r| role_projection(scenario, results, r))
        .collect();

    // The coverage ramp (MODEL.md section 8).
    let header = layout.projection_header(PJ_RAMP);
    sh.text(
        header - 1,
        0,
        "Coverage ramp: the share of the way from today's coverage to the target (a straight line over the years to reach target coverage), and each service's coverage",
        Format::Bold,
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
    sh.headers(header, &names)?;
    for year in 0..=layout.years {
        let row = layout.projection_row(PJ_RAMP, year);
        sh.number(row, 0, year as f64, Format::Year)?;
        let share = scenario.projection.ramp_share(year);
        sh.formula(
            row,
            PJ_SHARE_COL,
            format!(
                "=IF(OR({ramp_years}<=0,{y}>={ramp_years}),1,{y}/{ramp_years})",
                y = rel(row, 0)
            ),
            share,
            Format::Percent,
        )?;
        for (s, service) in scenario.services.iter().enumerate() {
            let current = inputs.service(s, ServiceField::CurrentCoverage);
            let target = inputs.service(s, ServiceField::TargetCoverage);
            sh.formula(
                row,
                PJ_SHARE_COL + 1 + s as u16,
                format!("={current}+({target}-{current})*{}", rel(row, PJ_SHARE_COL)),
                service.current_coverage
                    + (service.target_coverage - service.current_coverage) * share,
                Format::Percent,
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
        sh.text(header - 1, 0, heading, Format::Bold)?;
        let mut names = vec!["Year".to_string()];
        names.extend(scenario.roles.iter().map(|r| r.name.clone()));
        names.push("All roles".to_string());
        sh.headers(header, &names)?;
        for year in 0..=layout.years {
            let row = layout.projection_row(block, year);
            sh.number(row, 0, year as f64, Format::Year)?;
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
                            today = role_cell(roles::REQUIRED_TODAY),
                            target = role_cell(roles::REQUIRED),
                            share = layout.ramp_share(year),
                            y = rel(row, 0)
                        ),
                        flow.required_wte,
                    ),
                    PJ_ARRIVALS if year == 0 => {
                        // Nothing arrives before the first step.
                        sh.number(row, col, 0.0, Format::Wte)?;
                        continue;
                    }
                    PJ_ARRIVALS => (
                        format!(
                            "=IF({}>={},{},0)+{}",
                            rel(row, 0),
                            role_cell(roles::FIRST_ARRIVAL),
                            role_cell(roles::TRAINED),
                            role_cell(roles::INTERNATIONAL)
                        ),
                        flow.arrivals_wte,
                    ),
                    PJ_SUPPLY if year == 0 => {
                        (format!("={}", role_cell(roles::IN_POST)), flow.supply_wte)
                    }
                    PJ_SUPPLY => (
                        format!(
                            "={}*(1-{})+{}+{}",
                            rel(row - 1, col),
                            role_cell(roles::LEAVER_RATE),
                            role_cell(roles::JOINERS),
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
                sh.formula(row, col, formula, value, Format::Wte)?;
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
            sh.formula(
                row,
                layout.projection_total_col(),
                formula,
                value,
                Format::WteBold,
            )?;
        }
    }
    sh.widths([0], 8)?;
    let last_col = layout
        .projection_total_col()
        .max(PJ_SHARE_COL + layout.services as u16);
    sh.widths(1..=last_col, 14)?;
    sh.ws().set_freeze_panes(0, 1)?;
    Ok(sh.finish())
}
