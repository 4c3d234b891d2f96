//! The Method sheet: what the workbook is, the app's and the model's
//! versions, the date, and the method in words.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::sheet::{Book, Format, Sheet};
use super::{Meta, METHOD};
use crate::model::scenario::{Scenario, CURRENT_VERSION, SCHEMA};

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

pub(super) fn sheet(
    book: &mut Book,
    scenario: &Scenario,
    meta: &Meta,
) -> Result<Worksheet, XlsxError> {
    let mut sh = Sheet::new(book, METHOD)?;
    sh.title("Mental Health Workforce Gap Calculator: the workbook", "")?;
    for (i, (label, text)) in method_lines(scenario, meta).iter().enumerate() {
        let row = 2 + i as u32;
        sh.text(row, 0, label, Format::Bold)?;
        sh.text(row, 1, text, Format::Wrap)?;
    }
    sh.widths([0], 28)?;
    sh.widths([1], 110)?;
    Ok(sh.finish())
}
