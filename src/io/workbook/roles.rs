//! The Roles sheet: each role's requirement, gap, funded vacancies and new
//! posts, cost, training pipeline, and what closes the gap; totals, groups
//! and sectors.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::formulas::{role_terms, still_in_post};
use super::layout::{PJ_REQUIRED, PJ_SHORTFALL, PJ_SUPPLY};
use super::services;
use super::sheet::{abs, at, rel, Book, Format, Sheet};
use super::{joiners_needed_total, Context, Expected, PROJECTION, ROLES, SERVICES};
use crate::model::compute::{role_projection, supply_after};
use crate::model::field::{ProjectionField, RoleField};
use crate::model::scenario::{Group, Sector};

// Columns.
pub(super) const REQUIRED: u16 = 3;
pub(super) const REQUIRED_TODAY: u16 = 4;
pub(super) const IN_POST: u16 = 5;
const VACANT: u16 = 6;
const GAP: u16 = 7;
pub(super) const EXTRA: u16 = 8;
pub(super) const FILL: u16 = 9;
pub(super) const NEW_POSTS: u16 = 10;
const WISN: u16 = 11;
const COST: u16 = 12;
pub(super) const EXTRA_COST: u16 = 13;
pub(super) const NEW_MONEY: u16 = 14;
pub(super) const LEAVER_RATE: u16 = 15;
pub(super) const JOINERS: u16 = 16;
const TRAINING_YEARS: u16 = 17;
const COMPLETION: u16 = 18;
const JOIN_RATE: u16 = 19;
const EXTRA_PLACES: u16 = 20;
pub(super) const INTERNATIONAL: u16 = 21;
pub(super) const FIRST_ARRIVAL: u16 = 22;
pub(super) const TRAINED: u16 = 23;
pub(super) const ARRIVALS: u16 = 24;
const REQUIRED_FINAL: u16 = 25;
const SUPPLY_FINAL: u16 = 26;
const YEAR_CLOSES: u16 = 27;
const ARRIVALS_REMAINING: u16 = 28;
pub(super) const JOINERS_NEEDED: u16 = 29;
const SUPPLY_NO_PLACES: u16 = 30;
const PER_PLACE: u16 = 31;
pub(super) const PLACES_NEEDED: u16 = 32;
const RETENTION_NEEDED: u16 = 33;
const SUPPLY_AT_NEEDED: u16 = 34;

/// The headers, column by column from 0.
const HEADERS: [&str; SUPPLY_AT_NEEDED as usize + 1] = [
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

pub(super) fn sheet(book: &mut Book, cx: &Context) -> Result<Worksheet, XlsxError> {
    let (scenario, results, layout, inputs) = (cx.scenario, cx.results, &cx.layout, &cx.inputs);
    let mut sh = Sheet::new(book, ROLES)?;
    sh.title(
        "Roles: requirement, gap, funded vacancies and new posts, cost, the training pipeline, and what closes the gap",
        "Retention improvement needed is a value found by the app (the smallest cut in today's leaver rate that closes the gap); the column after it checks it with a formula. Everything else is a formula.",
    )?;
    sh.headers(2, &HEADERS)?;
    let years_cell = layout.years_cell();
    let retention = inputs.projection(ProjectionField::RetentionImprovement);
    for (r, role) in scenario.roles.iter().enumerate() {
        let row = layout.role_row(r);
        let result = &results.roles[r];
        let pipeline = role.pipeline();
        let c = |col: u16| rel(row, col);
        let input = |f: RoleField| inputs.role(r, f);
        sh.text(row, 0, &role.name, Format::Text)?;
        sh.text(row, 1, role.group.label(), Format::Text)?;
        sh.text(row, 2, role.sector.label(), Format::Text)?;
        let required = role_terms(scenario, inputs, &role.id, |s| {
            at(SERVICES, layout.service_row(s), services::WTE)
        });
        sh.formula(row, REQUIRED, required, result.required_wte, Format::Wte)?;
        let required_today = role_terms(scenario, inputs, &role.id, |s| {
            at(SERVICES, layout.service_row(s), services::WTE_TODAY)
        });
        sh.formula(
            row,
            REQUIRED_TODAY,
            required_today,
            result.required_wte_today,
            Format::Wte,
        )?;
        sh.formula(
            row,
            IN_POST,
            format!("={}", input(RoleField::InPostWte)),
            role.in_post_wte,
            Format::Wte,
        )?;
        sh.formula(
            row,
            VACANT,
            format!("={}", input(RoleField::VacantWte)),
            role.vacant_wte,
            Format::Wte,
        )?;
        sh.formula(
            row,
            GAP,
            format!("={}-{}", c(REQUIRED), c(IN_POST)),
            result.gap_wte,
            Format::Wte,
        )?;
        sh.formula(
            row,
            EXTRA,
            format!("=MAX(0,{})", c(GAP)),
            result.extra_wte,
            Format::Wte,
        )?;
        sh.formula(
            row,
            FILL,
            format!("=MIN({},{})", c(EXTRA), c(VACANT)),
            result.vacancy_fill_wte,
            Format::Wte,
        )?;
        sh.formula(
            row,
            NEW_POSTS,
            format!("=MAX(0,{}-{}-{})", c(REQUIRED), c(IN_POST), c(VACANT)),
            result.unfunded_wte,
            Format::Wte,
        )?;
        sh.formula_expecting(
            row,
            WISN,
            format!(
                "=IF({req}=0,\"\",{inp}/{req})",
                req = c(REQUIRED),
                inp = c(IN_POST)
            ),
            match result.wisn_ratio {
                Some(v) => Expected::Number(v),
                None => Expected::Text(String::new()),
            },
            Format::Ratio,
        )?;
        sh.formula(
            row,
            COST,
            format!("={}", input(RoleField::AnnualCost)),
            role.annual_cost,
            Format::Money,
        )?;
        sh.formula(
            row,
            EXTRA_COST,
            format!("={}*{}", c(EXTRA), c(COST)),
            result.extra_cost,
            Format::Money,
        )?;
        sh.formula(
            row,
            NEW_MONEY,
            format!("={}*{}", c(NEW_POSTS), c(COST)),
            result.unfunded_cost,
            Format::Money,
        )?;
        let leaver_rate = role.leaver_rate * (1.0 - scenario.projection.retention_improvement);
        sh.formula(
            row,
            LEAVER_RATE,
            format!("={}*(1-{retention})", input(RoleField::LeaverRate)),
            leaver_rate,
            Format::Percent,
        )?;
        sh.formula(
            row,
            JOINERS,
            format!("={}", input(RoleField::JoinersPerYear)),
            role.joiners_per_year,
            Format::Wte,
        )?;

        // The training pipeline (MODEL.md section 8).
        for (col, field, value, format) in [
            (
                TRAINING_YEARS,
                RoleField::TrainingYears,
                pipeline.training_years,
                Format::Year,
            ),
            (
                COMPLETION,
                RoleField::CompletionRate,
                pipeline.completion_rate,
                Format::Percent,
            ),
            (
                JOIN_RATE,
                RoleField::JoinRate,
                pipeline.join_rate,
                Format::Percent,
            ),
            (
                EXTRA_PLACES,
                RoleField::ExtraPlacesPerYear,
                pipeline.extra_places_per_year,
                Format::Wte,
            ),
            (
                INTERNATIONAL,
                RoleField::InternationalPerYear,
                pipeline.international_per_year,
                Format::Wte,
            ),
        ] {
            sh.formula(row, col, format!("={}", input(field)), value, format)?;
        }
        sh.formula(
            row,
            FIRST_ARRIVAL,
            format!("=MAX(1,ROUNDUP({},0))", c(TRAINING_YEARS)),
            pipeline.first_arrival_year() as f64,
            Format::Year,
        )?;
        sh.formula(
            row,
            TRAINED,
            format!("={}*{}*{}", c(EXTRA_PLACES), c(COMPLETION), c(JOIN_RATE)),
            pipeline.trained_per_year(),
            Format::Wte,
        )?;
        sh.formula(
            row,
            ARRIVALS,
            format!("={}+{}", c(TRAINED), c(INTERNATIONAL)),
            result.arrivals_per_year,
            Format::Wte,
        )?;

        // The projection's final year, and what closes the gap.
        let years = role_projection(scenario, results, r);
        let last = years.last().map(|y| y.flow).unwrap_or_default();
        let col = layout.projection_col(r);
        sh.formula(
            row,
            REQUIRED_FINAL,
            format!(
                "={}",
                at(PROJECTION, layout.projection_final(PJ_REQUIRED), col)
            ),
            last.required_wte,
            Format::Wte,
        )?;
        sh.formula(
            row,
            SUPPLY_FINAL,
            format!(
                "={}",
                at(PROJECTION, layout.projection_final(PJ_SUPPLY), col)
            ),
            last.supply_wte,
            Format::Wte,
        )?;
        let shortfall = format!(
            "{}:{}",
            at(PROJECTION, layout.projection_row(PJ_SHORTFALL, 0), col),
            abs(layout.projection_final(PJ_SHORTFALL), col)
        );
        sh.formula_expecting(
            row,
            YEAR_CLOSES,
            format!("=IFERROR(MATCH(0,{shortfall},0)-1,\"never\")"),
            match result.year_gap_closes {
                Some(year) => Expected::Number(year as f64),
                None => Expected::Text("never".to_string()),
            },
            Format::Year,
        )?;
        let l = c(LEAVER_RATE);
        let t = &years_cell;
        // Years the extra places' qualifiers arrive in: first..T.
        let places_years = format!("{t}-{}+1", c(FIRST_ARRIVAL));
        sh.formula(
            row,
            PER_PLACE,
            format!(
                "={}*{}*{}",
                c(COMPLETION),
                c(JOIN_RATE),
                still_in_post(&l, &places_years)
            ),
            pipeline.completion_rate * pipeline.join_rate * last.places_weight,
            Format::Hours,
        )?;
        sh.formula(
            row,
            ARRIVALS_REMAINING,
            format!(
                "={}*{}+{}*{}",
                c(INTERNATIONAL),
                still_in_post(&l, t),
                c(EXTRA_PLACES),
                c(PER_PLACE)
            ),
            last.trained_wte + last.international_wte,
            Format::Wte,
        )?;
        sh.formula(
            row,
            JOINERS_NEEDED,
            format!(
                "=MAX(0,IF({l}>0,({q}-{p}*(1-{l})^{t}-{a})*{l}/(1-(1-{l})^{t}),({q}-{p}-{a})/{t}))",
                q = c(REQUIRED_FINAL),
                p = c(IN_POST),
                a = c(ARRIVALS_REMAINING),
            ),
            result.joiners_needed,
            Format::Wte,
        )?;
        sh.formula(
            row,
            SUPPLY_NO_PLACES,
            format!(
                "={p}*(1-{l})^{t}+({j}+{i})*{g}",
                p = c(IN_POST),
                j = c(JOINERS),
                i = c(INTERNATIONAL),
                g = still_in_post(&l, t),
            ),
            last.supply_without_places_wte,
            Format::Wte,
        )?;
        sh.formula_expecting(
            row,
            PLACES_NEEDED,
            format!(
                "=IF({s}>={q},0,IF({w}>0,({q}-{s})/{w},\"{NOT_BY_TRAINING}\"))",
                s = c(SUPPLY_NO_PLACES),
                q = c(REQUIRED_FINAL),
                w = c(PER_PLACE),
            ),
            match result.places_needed {
                Some(v) => Expected::Number(v),
                None => Expected::Text(NOT_BY_TRAINING.to_string()),
            },
            Format::Wte,
        )?;
        match result.retention_needed {
            Some(x) => {
                sh.number(row, RETENTION_NEEDED, x, Format::Percent)?;
                // Supply after T years at the cut leaver rate L, joiners
                // and arrivals as set: p (1-L)^T + (joiners + international)
                // x G(T) + qualifiers a year x G(T - first + 1), G the
                // years' sum of (1-L)^k.
                let cut = format!(
                    "({}*(1-{}))",
                    input(RoleField::LeaverRate),
                    c(RETENTION_NEEDED)
                );
                let supply = supply_after(
                    role.in_post_wte,
                    role.leaver_rate * (1.0 - x),
                    role.joiners_per_year,
                    &pipeline,
                    layout.years,
                );
                sh.formula(
                    row,
                    SUPPLY_AT_NEEDED,
                    format!(
                        "={p}*(1-{cut})^{t}+({j}+{i})*{g}+{q}*{h}",
                        p = c(IN_POST),
                        j = c(JOINERS),
                        i = c(INTERNATIONAL),
                        g = still_in_post(&cut, t),
                        q = c(TRAINED),
                        h = still_in_post(&cut, &places_years),
                    ),
                    supply,
                    Format::Wte,
                )?;
            }
            None => {
                sh.text(
                    row,
                    RETENTION_NEEDED,
                    "not reachable by retention alone",
                    Format::Text,
                )?;
            }
        }
    }

    // All roles.
    let total = layout.roles_total_row();
    sh.text(total, 0, "All roles", Format::Bold)?;
    if layout.roles > 0 {
        let (first, last) = (layout.role_row(0), layout.role_row(layout.roles - 1));
        let t = &results.total;
        let gap: f64 = results.roles.iter().map(|r| r.gap_wte).sum();
        let joiners = joiners_needed_total(results);
        let arrivals: f64 = results.roles.iter().map(|r| r.arrivals_per_year).sum();
        let sums: [(u16, f64, Format); 12] = [
            (REQUIRED, t.required_wte, Format::WteBold),
            (REQUIRED_TODAY, t.required_wte_today, Format::WteBold),
            (IN_POST, t.in_post_wte, Format::WteBold),
            (
                VACANT,
                scenario.roles.iter().map(|r| r.vacant_wte).sum(),
                Format::WteBold,
            ),
            (GAP, gap, Format::WteBold),
            (EXTRA, t.extra_wte, Format::WteBold),
            (FILL, t.vacancy_fill_wte, Format::WteBold),
            (NEW_POSTS, t.unfunded_wte, Format::WteBold),
            (EXTRA_COST, t.extra_cost, Format::MoneyBold),
            (NEW_MONEY, t.unfunded_cost, Format::MoneyBold),
            (ARRIVALS, arrivals, Format::WteBold),
            (JOINERS_NEEDED, joiners, Format::WteBold),
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

        // Groups and sectors.
        let mut row = total + 2;
        for (heading, subtotals, label_col, labels) in [
            (
                "By staff group",
                &results.groups,
                1u16,
                Group::ALL
                    .iter()
                    .map(|g| (g.key(), g.label()))
                    .collect::<Vec<_>>(),
            ),
            (
                "By sector",
                &results.sectors,
                2u16,
                Sector::ALL
                    .iter()
                    .map(|s| (s.key(), s.label()))
                    .collect::<Vec<_>>(),
            ),
        ] {
            let mut names = [""; EXTRA as usize + 1];
            names[0] = heading;
            for col in [REQUIRED, IN_POST, EXTRA] {
                names[col as usize] = HEADERS[col as usize];
            }
            sh.headers(row, &names)?;
            row += 1;
            for (key, label) in labels {
                let Some(subtotal) = subtotals.get(key) else {
                    continue;
                };
                sh.text(row, 0, label, Format::Text)?;
                for (col, value) in [
                    (REQUIRED, subtotal.required_wte),
                    (IN_POST, subtotal.in_post_wte),
                    (EXTRA, subtotal.extra_wte),
                ] {
                    sh.formula(
                        row,
                        col,
                        format!(
                            "=SUMIF({}:{},\"{}\",{}:{})",
                            abs(first, label_col),
                            abs(last, label_col),
                            label,
                            abs(first, col),
                            abs(last, col)
                        ),
                        value,
                        Format::Wte,
                    )?;
                }
                row += 1;
            }
            row += 1;
        }
    }
    sh.widths([0], 36)?;
    sh.widths([1, 2], 22)?;
    sh.widths(3..=SUPPLY_AT_NEEDED, 14)?;
    sh.ws().set_row_height(2, 90)?;
    sh.ws().set_freeze_panes(3, 1)?;
    Ok(sh.finish())
}
