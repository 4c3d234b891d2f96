//! The lower part of the results, loaded with the panels module when it
//! comes near the screen: how the gap moves over the years (required WTE
//! and supply), the results by role (sortable, with subtotals),
//! what it takes to close the gap, the decade plan
//! in plain words (`model::plan`), need and workload
//! by service, results by place, what moves the answer most (the
//! sensitivity run), and "how is this calculated?" for any role or service.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::field::{Field, Unit};
use crate::model::plan::plan;
use crate::model::sensitivity::sensitivity;
use crate::model::uncertainty::uncertainty;
use crate::model::{Results, Scenario};
use crate::ui::panels::benchmarks::benchmarks_panel;
use crate::ui::panels::charts::{
    supply_chart, system_supply, tornado_chart, SupplyChartProps, SupplyPoint, TornadoChartProps,
    TornadoRow,
};
use crate::ui::panels::explain::ExplainPicker;
use crate::ui::panels::place_results::place_results;
use crate::ui::panels::role_table::RoleTable;
use crate::ui::panels::services_table::services_table;
use crate::ui::panels::what_it_takes::what_it_takes;
use crate::ui::shared::charts::{projection_chart, ProjectionChartProps, ProjectionPoint};
use crate::ui::shared::results::{BAND_DRAWS, BAND_SEED};
use crate::ui::shared::text::shown;
use crate::ui::use_app;

#[function_component(Analysis)]
pub fn analysis() -> Html {
    let app = use_app();
    let (Some(results), Some(scenario)) = (app.results.clone(), app.results_scenario.clone())
    else {
        return html! {};
    };
    html! {
        <>
            { system_projection(&scenario, &results) }
            <RoleTable scenario={scenario.clone()} results={results.clone()} stale={app.stale} />
            <WhatItTakes scenario={scenario.clone()} results={results.clone()} stale={app.stale} />
            { decade_plan(&scenario, &results, app.stale) }
            { supply_sources(&scenario, &results) }
            <RoleProjection scenario={scenario.clone()} results={results.clone()} />
            { services_table(&scenario, &results) }
            { place_results(&scenario, &results) }
            { benchmarks_panel(&scenario, &results) }
            <Tornado {scenario} base={results.total.extra_wte} />
            <ExplainPicker />
        </>
    }
}

/// Required WTE and supply over the projection's years, for the system.
fn system_projection(scenario: &Scenario, results: &Results) -> Html {
    let points: Vec<ProjectionPoint> = results
        .projection
        .iter()
        .map(ProjectionPoint::of_system)
        .collect();
    projection_chart(&yew::props!(ProjectionChartProps {
        title: AttrValue::from(format!(
            "Required WTE and supply over {} years",
            scenario.projection.years
        )),
        id: AttrValue::from("chart-projection"),
        points,
    }))
}

#[derive(Properties, PartialEq)]
struct WhatItTakesProps {
    scenario: Rc<Scenario>,
    results: Rc<Results>,
    stale: bool,
}

/// "What it takes", with the 80% figures from the same uncertainty run as
/// the headline's band (same draws and seed), memoised on the scenario.
#[function_component(WhatItTakes)]
fn what_it_takes_table(props: &WhatItTakesProps) -> Html {
    let band = use_memo(props.scenario.clone(), |s| {
        if s.ranges.is_empty() {
            None
        } else {
            uncertainty(s, BAND_DRAWS, BAND_SEED).ok()
        }
    });
    what_it_takes(
        &props.scenario,
        &props.results,
        band.as_ref().as_ref(),
        props.stale,
    )
}

/// "The decade plan": a sentence per role that a board can read aloud,
/// from the role's own numbers (`model::plan`). A plain view function.
pub fn decade_plan(scenario: &Scenario, results: &Results, stale: bool) -> Html {
    let lines = plan(scenario, results);
    html! {
        <section class="decade-plan" aria-labelledby="decade-plan-heading">
            <h3 id="decade-plan-heading">
                {"The decade plan"}
                if stale { <span class="stale-tag">{" (out of date: fix the inputs above)"}</span> }
            </h3>
            <p class="muted">{format!(
                "What each role needs by year {}, in words, from the numbers above: training places are rounded up to whole places a year; \"as things stand\" is with today's joiners and the training and recruitment set for the role.",
                results.projection.last().map_or(0, |row| row.year)
            )}</p>
            <ul class="decade-plan__list" id="decade-plan" aria-labelledby="decade-plan-heading">
                { for lines.into_iter().map(|line| {
                    // The role's name in bold, the rest of the sentence after it.
                    let rest = line.text.strip_prefix(line.name.as_str()).map(str::to_string);
                    html! {
                        <li data-role={line.role_id}>
                            if let Some(rest) = rest {
                                <strong>{line.name}</strong>{rest}
                            } else {
                                {line.text}
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct TornadoProps {
    scenario: Rc<Scenario>,
    base: f64,
}

/// The sensitivity run, memoised on the scenario the results came from.
#[function_component(Tornado)]
fn tornado(props: &TornadoProps) -> Html {
    let scenario = props.scenario.clone();
    let tornado = use_memo(scenario.clone(), |s| sensitivity(s));
    let tornado_rows: Vec<TornadoRow> = tornado
        .iter()
        .map(|row| {
            let field = Field::from_key(&scenario, &row.key);
            let unit = field.as_ref().map(|f| f.unit()).unwrap_or(Unit::Count);
            // The input first, then whose it is: the start of the label is
            // what survives truncation in the chart.
            let label = match &field {
                Some(f @ (Field::Service(i, _) | Field::RoleMix(i, _))) => {
                    format!("{}, {}", f.label(), scenario.services[*i].name)
                }
                Some(f @ Field::Role(i, _)) => {
                    format!("{}, {}", f.label(), scenario.roles[*i].name)
                }
                _ => row.label.clone(),
            };
            TornadoRow {
                label,
                low_input: format!("-20%: {}", shown(row.low_value, unit)),
                high_input: format!("+20%: {}", shown(row.high_value, unit)),
                at_low: row.extra_wte_low,
                at_high: row.extra_wte_high,
            }
        })
        .collect();

    tornado_chart(&yew::props!(TornadoChartProps {
        title: AttrValue::from("What moves the answer most: each input 20% lower and higher"),
        id: AttrValue::from("chart-tornado"),
        base: props.base,
        measure: AttrValue::from("Extra WTE needed"),
        rows: tornado_rows,
    }))
}

#[derive(Properties, PartialEq)]
pub struct RoleProjectionProps {
    pub scenario: Rc<Scenario>,
    pub results: Rc<Results>,
}

/// "What closes the gap" for one role, over the years: its requirement,
/// its supply as things stand, and its supply under the retention it needs
/// (the line that meets the requirement in the last year).
#[function_component(RoleProjection)]
pub fn role_projection_chart(props: &RoleProjectionProps) -> Html {
    let (scenario, results) = (&props.scenario, &props.results);
    // The role with the largest gap first.
    let widest = results
        .roles
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.extra_wte.total_cmp(&b.1.extra_wte))
        .map_or(0, |(i, _)| i);
    let chosen = use_state(|| None::<String>);
    let index = chosen
        .as_deref()
        .and_then(|id| scenario.role_index(id))
        .unwrap_or(widest);
    let onchange = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            chosen.set(Some(select.value()));
        })
    };
    let Some(role) = scenario.roles.get(index) else {
        return html! {};
    };
    let needed = results.roles.get(index).and_then(|r| r.retention_needed);
    let years = crate::model::compute::role_projection(scenario, results, index);
    let sources: Vec<SupplyPoint> = years
        .iter()
        .map(|y| {
            let mut point = SupplyPoint::default();
            point.add(&y.flow);
            point
        })
        .collect();
    let points: Vec<ProjectionPoint> = years
        .into_iter()
        .map(|y| ProjectionPoint {
            year: y.year,
            required: y.required_wte,
            supply: y.supply_wte,
            gap: (y.required_wte - y.supply_wte).max(0.0),
            target: y.supply_with_retention_needed,
        })
        .collect();
    let note = match needed {
        Some(x) if x > 0.0 => format!(
            "The green line is supply with {} fewer leavers than today (today's joiners): it meets the requirement in year {}.",
            crate::format::percent(x, 0),
            scenario.projection.years
        ),
        Some(_) => "Today's leaver rate already closes this role's gap by the last year.".to_string(),
        None => "Retention alone cannot close this role's gap: even with no leavers, today's joiners fall short. It needs more joiners.".to_string(),
    };
    html! {
        <section class="role-projection" aria-labelledby="role-projection-heading">
            <h3 id="role-projection-heading">{"One role over the years"}</h3>
            <div class="field">
                <label class="field__label" for="role-projection-choice">{"Role"}</label>
                <select id="role-projection-choice" class="field__select" {onchange}>
                    { for scenario.roles.iter().enumerate().map(|(i, r)| html! {
                        <option value={r.id.clone()} selected={i == index}>{&r.name}</option>
                    }) }
                </select>
            </div>
            { projection_chart(&yew::props!(ProjectionChartProps {
                title: AttrValue::from(format!("{}: required, supply and supply with the retention needed", role.name)),
                id: AttrValue::from("chart-role-projection"),
                points,
            })) }
            <p class="muted" id="role-projection-note">{note}</p>
            { supply_chart(&yew::props!(SupplyChartProps {
                title: AttrValue::from(format!("{}: where supply comes from", role.name)),
                id: AttrValue::from("chart-role-supply"),
                points: sources,
            })) }
        </section>
    }
}

/// Where the system's supply comes from year by year (MODEL.md section 8):
/// today's staff still in post, joiners at today's rate, extra training
/// places and international recruits, against the requirement on its
/// coverage ramp.
fn supply_sources(scenario: &Scenario, results: &Results) -> Html {
    let ramp = scenario.projection.ramp_years;
    let intro = if ramp > 0.0 {
        format!(
            "Coverage rises from today's to the target over {} years, so the requirement climbs with it as well as with demand.",
            crate::format::plain(ramp, 0)
        )
    } else {
        "The requirement is the target coverage's from year 0 (set \"Years to reach target coverage\" to plan a ramp), grown by demand.".to_string()
    };
    html! {
        <section class="supply-sources" aria-labelledby="supply-sources-heading">
            <h3 id="supply-sources-heading">{"Where supply comes from"}</h3>
            <p class="muted">{intro}{" Training places arrive only once their course is done."}</p>
            { supply_chart(&yew::props!(SupplyChartProps {
                title: AttrValue::from(format!("Supply by source against WTE required over {} years", scenario.projection.years)),
                id: AttrValue::from("chart-supply"),
                points: system_supply(scenario, results),
            })) }
        </section>
    }
}
