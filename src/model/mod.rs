//! The workforce-gap model: pure Rust, no browser imports, tested natively.
//!
//! population -> people in need -> people to treat -> workload -> WTE by role
//! -> gap against staff in post -> cost -> ten-year projection.
//! `../docs/model.md` records every choice where MODEL.md is silent.
//!
//! - [`compute`]: the calculation (MODEL.md section 2); [`validate`]: the
//!   rules (section 4); [`field`]: every scalar input, named once.
//! - [`edit`]: every edit a user makes to a scenario, as data, and what it
//!   does.
//! - [`explain`]: a service's or a role's calculation in words.
//! - [`sensitivity`]: each assumption 20% down and up, sorted by swing.
//! - [`uncertainty`]: seeded Monte Carlo over the scenario's `ranges`.
//! - [`examples`]: the built-in scenarios and the source of every default;
//!   [`defaults`]: what a new role, service or workload starts from
//!   (`data/builtins/new-items.csv`, read by [`new_items`] in `build.rs`).

pub mod benchmarks;
pub mod compute;
pub mod csv_record;
pub mod defaults;
pub mod edit;
pub mod examples;
pub mod explain;
pub mod field;
pub mod keyed;
pub mod new_items;
pub mod order;
pub mod paste;
pub mod plan;
pub mod results;
pub mod scenario;
pub mod sensitivity;
pub mod staff_in_post;
pub mod uncertainty;
pub mod validate;

/// The service lines a user may need that the built-in scenarios leave out:
/// shown beside staff in post, in the About text and in the workbook.
pub const NOT_MODELLED: &str = "Not modelled unless you add them as services: early intervention in psychosis, eating disorders, liaison psychiatry, forensic and secure services, rehabilitation, psychiatric intensive care (PICU), older adult and children's inpatient beds, and admin and management posts.";

pub use compute::{compute, extra_totals, headline, Headline};
pub use examples::{builtins, example_place, source_for, sources, Builtin, Source};
pub use explain::{explain_role, explain_service, explain_working_time, Explanation, Step};
pub use field::{Field, Unit};
pub use results::Results;
pub use scenario::{parse_scenario, Scenario, ScenarioError};
pub use sensitivity::{sensitivity, SensitivityRow};
pub use uncertainty::{uncertainty, Percentiles, Uncertainty};
pub use validate::{validate, InputError};

/// Validate, then compute: the results, or every problem with the scenario.
pub fn evaluate(scenario: &Scenario) -> Result<Results, Vec<InputError>> {
    let errors = validate(scenario);
    if errors.is_empty() {
        Ok(compute(scenario))
    } else {
        Err(errors)
    }
}
