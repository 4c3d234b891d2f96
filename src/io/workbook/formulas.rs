//! Formula text that more than one sheet writes: the workload of a
//! service, and a role's share of the services' WTE.

use super::inputs::Inputs;
use super::working_time::clinical_hours_ref;
use crate::model::field::{Field, ServiceField};
use crate::model::scenario::{Scenario, Service, Workload};

/// The workload formula of service `s` over the people in `people`:
/// required WTE, as `workload_wte` computes it.
pub(super) fn workload(scenario: &Scenario, inputs: &Inputs, s: usize, people: &str) -> String {
    let service = &scenario.services[s];
    let input = |f: ServiceField| inputs.service(s, f);
    match service.workload {
        Workload::Contacts { .. } => format!(
            "={people}*{}*{}/60/{}",
            input(ServiceField::ContactsPerPerson),
            input(ServiceField::MinutesPerContact),
            clinical_hours_ref()
        ),
        Workload::Caseload { .. } => format!(
            "={people}*({}/12)/{}",
            input(ServiceField::MonthsOnCaseload),
            input(ServiceField::CaseloadPerWte)
        ),
        Workload::Beds { .. } => format!(
            "={}*{}",
            beds(inputs, s, people).trim_start_matches('='),
            input(ServiceField::WtePerBed)
        ),
    }
}

/// Beds needed by a bed-based service for `people` admissions a year.
pub(super) fn beds(inputs: &Inputs, s: usize, people: &str) -> String {
    format!(
        "={people}*{}/(365*{})",
        inputs.service(s, ServiceField::LengthOfStayDays),
        inputs.service(s, ServiceField::TargetOccupancy)
    )
}

/// The workload in words, for the reader of the Services sheet.
pub(super) fn workload_words(service: &Service) -> &'static str {
    match service.workload {
        Workload::Contacts { .. } => "people to treat x contacts per person x minutes per contact / 60 / clinical hours per WTE",
        Workload::Caseload { .. } => "people to treat x (months on caseload / 12) / caseload per WTE",
        Workload::Beds { .. } => "beds = admissions x length of stay / (365 x target occupancy); WTE = beds x WTE per bed",
    }
}

/// `=wte_1*share_1+wte_2*share_2...` over the services whose role mix names
/// `role`, where `wte(s)` is the cell of service `s`'s WTE; `=0` for none.
pub(super) fn role_terms(
    scenario: &Scenario,
    inputs: &Inputs,
    role: &str,
    wte: impl Fn(usize) -> String,
) -> String {
    let terms: Vec<String> = scenario
        .services
        .iter()
        .enumerate()
        .filter(|(_, service)| service.role_mix.contains_key(role))
        .map(|(s, _)| {
            format!(
                "{}*{}",
                wte(s),
                inputs.cell(&Field::RoleMix(s, role.to_string()))
            )
        })
        .collect();
    if terms.is_empty() {
        "=0".to_string()
    } else {
        format!("={}", terms.join("+"))
    }
}

/// What one WTE a year for `n` years leaves in post at the end, at leaver
/// rate `l`: `sum_{k=0}^{n-1} (1-l)^k` = `(1 - (1-l)^n) / l`, `n` at
/// `l = 0`, 0 for no years. The closed form of MODEL.md section 8's sums.
pub(super) fn still_in_post(l: &str, n: &str) -> String {
    format!("IF({n}<=0,0,IF({l}>0,(1-(1-{l})^({n}))/{l},{n}))")
}
