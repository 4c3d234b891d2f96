//! The decade plan in plain words (issue 18, MODEL.md section 8): one
//! sentence per role that a board can read aloud, built from the role's
//! own numbers and nothing else. What to commission (training places a
//! year, rounded up to whole places, and the year the first qualify), why
//! training cannot close a gap in time where it cannot, the retention that
//! would close it instead, and the year the gap closes as things stand
//! (with the pipeline as set), e.g.
//!
//! > Mental health nurse: commission 14 extra training places a year from
//! > next year (4 more than the 10 planned); the first qualify in year 3;
//! > or, with what is planned, 35% fewer leavers would close it; with
//! > today's joiners, the 10 extra training places a year planned and 2
//! > international recruits a year, the gap is not closed by year 10.
//!
//! Pure: no browser imports; tested natively in `tests/plan.rs`.

use super::compute::role_flows;
use super::results::{Results, RoleResult};
use super::scenario::{Role, Scenario};
use crate::format;

/// One role's line of the plan.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanLine {
    pub role_id: String,
    /// The role's name, as the scenario gives it.
    pub name: String,
    /// The whole sentence, beginning with the role's name.
    pub text: String,
}

/// Places needed as the plan says them: rounded up to whole places (a
/// shade of float noise above a whole number stays that number).
pub fn whole_places(places: f64) -> f64 {
    if places.is_finite() && places > 0.0 {
        (places - 1e-9).ceil().max(1.0)
    } else {
        0.0
    }
}

/// The plan, one line per role in scenario order. `results` must be
/// `compute(scenario)` (the analysis panel passes the scenario its results
/// came from).
pub fn plan(scenario: &Scenario, results: &Results) -> Vec<PlanLine> {
    scenario
        .roles
        .iter()
        .zip(&results.roles)
        .map(|(role, result)| role_plan(scenario, results, role, result))
        .collect()
}

/// A count with its noun, singular for exactly 1: "1 year", "2.5 years".
fn count(value: f64, one: &str, many: &str) -> String {
    let noun = if value == 1.0 { one } else { many };
    format!("{} {noun}", amount(value))
}

/// A number as said aloud: whole numbers without decimals, others to one.
fn amount(value: f64) -> String {
    if (value - value.round()).abs() < 1e-9 {
        format::number(value, 0)
    } else {
        format::number(value, 1)
    }
}

/// A cut in leavers: "35%", or "under 1%" for a cut that rounds to none.
fn cut(x: f64) -> String {
    if x < 0.005 {
        "under 1%".to_string()
    } else {
        format::percent(x, 0)
    }
}

/// "a", "a and b", "a, b and c".
fn and_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

fn role_plan(scenario: &Scenario, results: &Results, role: &Role, r: &RoleResult) -> PlanLine {
    let years = results.projection.last().map_or(0, |row| row.year);
    let pipeline = role.pipeline();
    let planned = pipeline.extra_places_per_year.max(0.0);
    let international = pipeline.international_per_year.max(0.0);
    let first = pipeline.first_arrival_year();
    // The last year as things stand: whether supply then meets the need.
    let last = role_flows(scenario, role, r.required_wte_today, r.required_wte, years).last();
    let met_at_end = last.is_some_and(|f| f.supply_wte >= f.required_wte);

    // What the role has as set, for "with ..., the gap closes in year N".
    let mut as_set = vec!["today's joiners".to_string()];
    if planned > 0.0 {
        as_set.push(format!(
            "the {} a year planned",
            count(planned, "extra training place", "extra training places")
        ));
    }
    if international > 0.0 {
        as_set.push(format!(
            "{} a year",
            count(
                international,
                "international recruit",
                "international recruits"
            )
        ));
    }
    let as_things_stand = {
        let with = format!("with {}", and_list(&as_set));
        match (r.year_gap_closes, met_at_end) {
            (Some(0), true) => format!("{with}, the need is met now and in year {years}"),
            (Some(y), true) => format!("{with}, the gap closes in year {y}"),
            (Some(0), false) => {
                format!("{with}, supply meets the need now but falls short by year {years}")
            }
            (Some(y), false) => format!(
                "{with}, supply meets the need in year {y} but falls short again by year {years}"
            ),
            (None, _) => format!("{with}, the gap is not closed by year {years}"),
        }
    };
    let with_what_is_planned = planned > 0.0 || international > 0.0;

    let mut clauses: Vec<String> = Vec::new();
    match r.places_needed {
        Some(p) if p <= 0.0 => {
            let mut who = vec!["today's staff".to_string(), "joiners".to_string()];
            if international > 0.0 {
                who.push(format!(
                    "{} a year",
                    count(
                        international,
                        "international recruit",
                        "international recruits"
                    )
                ));
            }
            let who = and_list(&who);
            clauses.push(match r.year_gap_closes {
                // Met today, and (no places needed) in the last year.
                Some(0) => format!("{who} meet the need, now and in year {years}"),
                _ => format!("{who} meet the need by year {years}"),
            });
            clauses.push("no extra training places are needed".to_string());
            if let Some(y) = r.year_gap_closes {
                if y > 0 && (planned > 0.0 || y < years) {
                    clauses.push(as_things_stand);
                }
            }
        }
        Some(p) => {
            let whole = whole_places(p);
            let mut commission = format!(
                "commission {} a year from next year",
                count(whole, "extra training place", "extra training places")
            );
            if planned > 0.0 {
                if whole > planned {
                    commission.push_str(&format!(
                        " ({} more than the {} planned)",
                        amount(whole - planned),
                        amount(planned)
                    ));
                } else {
                    commission.push_str(&format!(" (the {} planned are enough)", amount(planned)));
                }
            }
            clauses.push(commission);
            clauses.push(format!("the first qualify in year {first}"));
            match r.retention_needed {
                Some(x) if x > 0.0 => clauses.push(if with_what_is_planned {
                    format!(
                        "or, with what is planned, {} fewer leavers would close it",
                        cut(x)
                    )
                } else {
                    format!("or {} fewer leavers would close it", cut(x))
                }),
                Some(_) => {}
                None => clauses.push("fewer leavers alone cannot close it".to_string()),
            }
            clauses.push(as_things_stand);
        }
        None => {
            let per_qualifier = pipeline.completion_rate * pipeline.join_rate;
            let reason = if first > years {
                format!(
                    "it takes {} to qualify",
                    count(first as f64, "year", "years")
                )
            } else if per_qualifier.is_nan() || per_qualifier <= 0.0 {
                "no course completion or take-up is set".to_string()
            } else {
                // Not reached by the model's own numbers; said plainly.
                "places cannot close it in time".to_string()
            };
            clauses.push(format!(
                "training cannot close this gap by year {years}: {reason}"
            ));
            let joiners = format!(
                "{} a year instead of today's {}",
                count(r.joiners_needed.max(0.0), "joiner", "joiners"),
                amount(role.joiners_per_year)
            );
            match r.retention_needed {
                Some(x) if x > 0.0 => clauses.push(format!(
                    "{} fewer leavers, or {joiners}, would close it",
                    cut(x)
                )),
                Some(_) => {}
                None => clauses.push(format!(
                    "fewer leavers alone cannot close it; {joiners} would"
                )),
            }
            clauses.push(as_things_stand);
        }
    }
    PlanLine {
        role_id: r.id.clone(),
        name: role.name.clone(),
        text: format!("{}: {}.", role.name, clauses.join("; ")),
    }
}
