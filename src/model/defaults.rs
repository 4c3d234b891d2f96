//! What a role, a service or a workload the user adds starts from, and the
//! blank scenario: data an analyst reviews, not numbers in code.
//!
//! - The numbers of a new role, a new service and each kind of workload are
//!   rows of `data/builtins/new-items.csv`, each with its citation or the
//!   reason it is illustrative. `build.rs` checks the file (a row without a
//!   finite number or a citation, an unknown key or a missing one fails the
//!   build) and writes them as constants ([`NEW_ROLE_ANNUAL_COST`], ...):
//!   nothing is parsed at run time, so the first load carries no reader.
//! - A blank scenario's working time and projection are Example place's
//!   (`data/builtins/example-place.json`, cited in `sources.csv`): see
//!   [`super::scenario::Scenario::blank`].

use super::keyed::Keyed;
use super::scenario::{AgeBand, Group, Role, Sector, Service, Workload, WorkloadKind};

include!(concat!(env!("OUT_DIR"), "/new_items.rs"));

/// A role the user adds: a registered NHS profession with no staff, costed
/// and leaving as Example place's mental health nurse.
pub fn new_role(id: String, name: String) -> Role {
    Role {
        id,
        name,
        group: Group::Registered,
        sector: Sector::Nhs,
        in_post_wte: NEW_ROLE_IN_POST_WTE,
        vacant_wte: NEW_ROLE_VACANT_WTE,
        annual_cost: NEW_ROLE_ANNUAL_COST,
        leaver_rate: NEW_ROLE_LEAVER_RATE,
        joiners_per_year: NEW_ROLE_JOINERS_PER_YEAR,
        // A role the user adds: its staff are the user's own.
        in_post_example: None,
        pipeline: None,
    }
}

/// A service the user adds: adults, a caseload workload
/// ([`workload`]), and the given role mix.
pub fn new_service(id: String, name: String, role_mix: Keyed<f64>) -> Service {
    Service {
        id,
        name,
        ages: vec![AgeBand::Adults],
        prevalence: NEW_SERVICE_PREVALENCE,
        current_coverage: NEW_SERVICE_CURRENT_COVERAGE,
        target_coverage: NEW_SERVICE_TARGET_COVERAGE,
        workload: workload(WorkloadKind::Caseload),
        role_mix,
    }
}

/// A workload of this kind with its starting numbers.
pub fn workload(kind: WorkloadKind) -> Workload {
    match kind {
        WorkloadKind::Contacts => Workload::Contacts {
            contacts_per_person: WORKLOAD_CONTACTS_CONTACTS_PER_PERSON,
            minutes_per_contact: WORKLOAD_CONTACTS_MINUTES_PER_CONTACT,
        },
        WorkloadKind::Caseload => Workload::Caseload {
            months_on_caseload: WORKLOAD_CASELOAD_MONTHS_ON_CASELOAD,
            caseload_per_wte: WORKLOAD_CASELOAD_CASELOAD_PER_WTE,
        },
        WorkloadKind::Beds => Workload::Beds {
            length_of_stay_days: WORKLOAD_BEDS_LENGTH_OF_STAY_DAYS,
            target_occupancy: WORKLOAD_BEDS_TARGET_OCCUPANCY,
            wte_per_bed: WORKLOAD_BEDS_WTE_PER_BED,
        },
    }
}
