//! "What it takes to close the gap": for each role and the whole workforce,
//! the joiners a year that would close the gap by the final year, the cut in
//! leavers that would do it with today's joiners (`retention_needed`; "not by
//! retention alone" when even no leavers would not), the extra training
//! places a year that would do it and the year their first cohort
//! qualifies (MODEL.md section 8; "not by training in time" when the course
//! is longer than the horizon or no completion or take-up is set), and the
//! first year supply meets the need as things stand. Every figure is the
//! model's (MODEL.md sections 7 and 8).
//!
//! The table is wider than the results column at 1366px: it scrolls
//! sideways in its own region, with the role names held at the left and a
//! shadow at the edge that has more (`table-wrap--cue` in www/styles.css).

use yew::prelude::*;

use crate::format;
use crate::model::uncertainty::Uncertainty;
use crate::model::{Results, Scenario};
use crate::ui::shared::text::closes_text;

/// The retention improvement a role needs, as the user reads it.
pub fn retention_text(retention_needed: Option<f64>) -> String {
    match retention_needed {
        Some(x) if x <= 0.0 => "None: today's leaver rate gets there".to_string(),
        Some(x) => format!("{} fewer leavers", format::percent(x, 0)),
        None => "Not by retention alone".to_string(),
    }
}

/// The extra training places a year a role needs, as the table says it.
pub fn places_text(places_needed: Option<f64>) -> String {
    match places_needed {
        Some(p) if p <= 0.0 => "None needed".to_string(),
        Some(p) => format::number(p, 1),
        None => "Not by training in time".to_string(),
    }
}

/// The year the first cohort of extra places qualifies (the pipeline's
/// first arrival year): only where places are needed.
pub fn first_qualify_text(places_needed: Option<f64>, first_arrival_year: u32) -> String {
    match places_needed {
        Some(p) if p > 0.0 => format!("Year {first_arrival_year}"),
        _ => "–".to_string(),
    }
}

/// Every role's places needed together, and how many roles training
/// cannot close in time.
pub fn places_total_text(results: &Results) -> String {
    let total: f64 = results.roles.iter().filter_map(|r| r.places_needed).sum();
    let not_in_time = results
        .roles
        .iter()
        .filter(|r| r.places_needed.is_none())
        .count();
    let roles = match not_in_time {
        1 => "1 role".to_string(),
        k => format!("{k} roles"),
    };
    match (total > 0.0, not_in_time) {
        (_, 0) => places_text(Some(total)),
        (true, _) => format!(
            "{}; {roles} not by training in time",
            format::number(total, 1)
        ),
        (false, _) => format!("{roles} not by training in time"),
    }
}

/// A view function (no state of its own). With uncertainty ranges set,
/// `band` adds the joiners needed for an 80% chance of closing the gap.
pub fn what_it_takes(
    scenario: &Scenario,
    results: &Results,
    band: Option<&Uncertainty>,
    stale: bool,
) -> Html {
    let years = scenario.projection.years;
    let joiners_today: f64 = scenario.roles.iter().map(|r| r.joiners_per_year).sum();
    let joiners_needed: f64 = results.roles.iter().map(|r| r.joiners_needed).sum();
    let total_closes = results
        .projection
        .iter()
        .find(|row| row.gap_wte <= 0.0)
        .map(|row| row.year);
    html! {
        <div class="table-wrap table-wrap--cue" tabindex="0" role="region" aria-label="What it takes to close the gap (scrolls sideways)">
            <table class="table table--compact" id="what-it-takes">
                <caption>
                    {format!("What it takes to close the gap by year {years}")}
                    if stale { <span class="stale-tag">{" (out of date: fix the inputs above)"}</span> }
                </caption>
                <thead><tr>
                    <th scope="col">{"Role"}</th>
                    <th scope="col" class="num">{"Joiners a year now"}</th>
                    <th scope="col" class="num">{"Joiners a year needed"}</th>
                    if band.is_some() {
                        <th scope="col" class="num">{"For an 80% chance, given the ranges"}</th>
                    }
                    <th scope="col">{"Or: fewer leavers needed, with today's joiners"}</th>
                    <th scope="col" class="num">{"Training places needed a year"}</th>
                    <th scope="col" class="num">{"First qualify"}</th>
                    <th scope="col">{"Supply first meets need, as things stand"}</th>
                </tr></thead>
                <tbody>
                    { for results.roles.iter().map(|r| {
                        // The role as the scenario names it, and its joiners today.
                        let role = scenario.roles.iter().find(|x| x.id == r.id);
                        let name = role.map_or(r.id.as_str(), |x| x.name.as_str());
                        let today = role.map_or(0.0, |x| x.joiners_per_year);
                        let first = role.map_or(1, |x| x.pipeline().first_arrival_year());
                        html! {
                            <tr>
                                <th scope="row">{name.to_string()}</th>
                                <td class="num">{format::wte(today)}</td>
                                <td class={classes!("num", (r.joiners_needed > today).then_some("gap"))}>{format::wte(r.joiners_needed)}</td>
                                if let Some(u) = band {
                                    <td class="num">{u.roles_joiners_needed_p80.iter().find(|q| q.id == r.id).map(|q| format::wte(q.p80)).unwrap_or_else(|| "–".into())}</td>
                                }
                                <td>{retention_text(r.retention_needed)}</td>
                                <td class="num num--wrap">{places_text(r.places_needed)}</td>
                                <td class="num">{first_qualify_text(r.places_needed, first)}</td>
                                <td>{closes_text(r.year_gap_closes, years)}</td>
                            </tr>
                        }
                    }) }
                </tbody>
                <tfoot><tr>
                    <th scope="row">{"All roles"}</th>
                    <td class="num">{format::wte(joiners_today)}</td>
                    <td class="num">{format::wte(joiners_needed)}</td>
                    if let Some(u) = band {
                        <td class="num">{format::wte(u.joiners_needed_p80)}</td>
                    }
                    <td>{"By role, above"}</td>
                    <td class="num num--wrap">{places_total_text(results)}</td>
                    <td class="num">{"By role"}</td>
                    <td>{closes_text(total_closes, years)}</td>
                </tr></tfoot>
            </table>
        </div>
    }
}
