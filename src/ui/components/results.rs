//! The results panel: headline, charts, the table by role, services, and
//! explanations. Shows the last good results, marked stale, while inputs have
//! problems.

use std::rc::Rc;

use yew::prelude::*;

use crate::format;
use crate::model::uncertainty::uncertainty;
use crate::model::{Results, Scenario};
use crate::ui::components::charts::{
    projection_chart, required_vs_in_post, BarRow, ProjectionChartProps, ProjectionPoint,
    RequiredVsInPostProps,
};
use crate::ui::components::extras_host::{ExtrasHost, Panel, Trigger};
use crate::ui::components::headline::headline;
use crate::ui::components::role_table::RoleTable;
use crate::ui::AppHandle;

/// Draws for the headline's uncertainty band: enough for stable 10th/90th
/// percentiles, quick enough to rerun on every keystroke.
pub const BAND_DRAWS: u32 = 2_000;
pub const BAND_SEED: u64 = 2024;

pub fn results_panel(app: &AppHandle) -> Html {
    let (Some(results), Some(scenario)) = (app.results.clone(), app.results_scenario.clone())
    else {
        return html! {
            <p class="stale-banner" id="no-results">{"Results appear here once the inputs have no problems."}</p>
        };
    };
    html! { <ResultsBody {scenario} {results} stale={app.stale} /> }
}

#[derive(Properties, PartialEq)]
pub struct ResultsBodyProps {
    pub scenario: Rc<Scenario>,
    pub results: Rc<Results>,
    pub stale: bool,
}

/// The results proper. A component of its own so that its hooks run on every
/// render (hooks may not sit behind the early return above).
#[function_component(ResultsBody)]
fn results_body(props: &ResultsBodyProps) -> Html {
    let (scenario, results, stale) = (props.scenario.clone(), props.results.clone(), props.stale);
    let band = use_memo(scenario.clone(), |s| {
        if s.ranges.is_empty() {
            None
        } else {
            uncertainty(s, BAND_DRAWS, BAND_SEED).ok().map(Rc::new)
        }
    });

    let bars: Vec<BarRow> = results
        .roles
        .iter()
        .zip(&scenario.roles)
        .map(|(r, role)| BarRow {
            label: role.name.clone(),
            required: r.required_wte,
            in_post: r.in_post_wte,
        })
        .collect();
    let points: Vec<ProjectionPoint> = results
        .projection
        .iter()
        .map(|p| ProjectionPoint {
            year: p.year,
            required: p.required_wte,
            supply: p.supply_wte,
            gap: p.gap_wte,
            target: None,
        })
        .collect();
    html! {
        <div class={classes!("results", stale.then_some("stale"))}>
            if stale {
                <p class="stale-banner" id="stale-banner">{"These results are out of date: they are from your last valid inputs. Fix the problems listed at the top to update them."}</p>
            }
            <p class="print-only print-meta">
                {print_meta(&scenario)}
                {"Planning estimates from the Mental Health Workforce Gap Calculator (WISN with a needs-based front end); every default is listed with its source in the calculator."}
            </p>
            { headline(&results, band.as_deref(), stale) }
            { required_vs_in_post(&yew::props!(RequiredVsInPostProps {
                title: AttrValue::from("Required WTE and staff in post, by role"),
                id: AttrValue::from("chart-roles"),
                rows: bars,
            })) }
            { projection_chart(&yew::props!(ProjectionChartProps {
                title: AttrValue::from(format!("Required WTE and supply over {} years", scenario.projection.years)),
                id: AttrValue::from("chart-projection"),
                points,
            })) }
            <RoleTable scenario={scenario.clone()} results={results.clone()} {stale} />
            // What closes the gap, need and workload by service, results by
            // place, what moves the answer most, and "how is this
            // calculated?": loaded when they come near the screen.
            <ExtrasHost panel={Panel::Analysis} id="analysis"
                trigger={Trigger::Near("Show what closes the gap, results by service and place, what moves the answer most, and how it is calculated".into())} />
        </div>
    }
}

/// A plain view function, not a component: it has no hooks, and each
/// function component costs about 600 bytes gzip of Yew machinery.
pub fn services_table(scenario: &Scenario, results: &Results) -> Html {
    let t = &results.total;
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Need and workload by service (scrolls sideways)">
            <table class="table" id="services-table">
                <caption>{"Need and workload, by service"}</caption>
                <thead><tr>
                    <th scope="col">{"Service"}</th>
                    <th scope="col" class="num">{"Population served"}</th>
                    <th scope="col" class="num">{"People in need"}</th>
                    <th scope="col" class="num">{"Untreated today"}</th>
                    <th scope="col" class="num">{"People to treat"}</th>
                    <th scope="col" class="num">{"Required WTE"}</th>
                </tr></thead>
                <tbody>
                { for results.services.iter().zip(&scenario.services).map(|(r, s)| html! {
                    <tr>
                        <th scope="row">
                            {&s.name}
                            if let Some(beds) = r.beds { <br/><span class="muted">{format!("{} beds", format::number(beds, 1))}</span> }
                        </th>
                        <td class="num">{format::people(r.population)}</td>
                        <td class="num">{format::people(r.people_in_need)}</td>
                        <td class="num">{format::people(r.untreated_today)}</td>
                        <td class="num">{format::people(r.people_to_treat)}</td>
                        <td class="num">{format::wte(r.required_wte)}</td>
                    </tr>
                }) }
                </tbody>
                <tfoot><tr>
                    <th scope="row">{"Total"}</th>
                    <td></td>
                    <td class="num">{format::people(t.people_in_need)}</td>
                    <td class="num">{format::people(t.untreated_today)}</td>
                    <td class="num">{format::people(t.people_to_treat)}</td>
                    <td class="num">{format::wte(t.required_wte)}</td>
                </tr></tfoot>
            </table>
            <p class="muted">{format!("{} required WTE per 100,000 residents. Each WTE gives {} clinical hours a year.", format::wte(t.required_wte_per_100k), format::number(results.clinical_hours_per_wte, 0))}</p>
        </div>
    }
}

/// The printed report's line about the scenario: its name, and each place's
/// population and need index (with its source where it was prefilled).
fn print_meta(scenario: &Scenario) -> String {
    let places: Vec<String> = scenario
        .places
        .iter()
        .map(|p| {
            let mut text = format!(
                "{}: population {}, need index {}",
                p.name,
                format::people(p.population.total()),
                format::plain(p.need_index, 2)
            );
            if let Some(source) = p.sources.get("need_index") {
                text.push_str(&format!(" ({source})"));
            }
            text
        })
        .collect();
    let mut text = format!("Scenario: {}. {}. ", scenario.name, places.join("; "));
    if !scenario.notes.is_empty() {
        let notes: Vec<String> = scenario
            .notes
            .iter()
            .map(|(key, note)| format!("{key}: {note}"))
            .collect();
        text.push_str(&format!("Notes on inputs: {}. ", notes.join("; ")));
    }
    text
}
