//! The results: headline, charts and the table by role; what closes the gap,
//! services, places and explanations are a panel below them
//! (`crate::ui::panels::analysis`). Shows the last good results, marked
//! stale, while inputs have problems.

use std::rc::Rc;

use yew::prelude::*;

use crate::format;
use crate::model::examples::borrowed_staff;
use crate::model::uncertainty::uncertainty;
use crate::model::{Results, Scenario};
use crate::ui::hooks::{renders_are_slow, use_after_pause_if};
use crate::ui::page::headline::headline;
use crate::ui::page::required_vs_in_post::{required_vs_in_post, BarRow, RequiredVsInPostProps};
use crate::ui::runtime::panel_host::{Panel, PanelHost, Trigger};
use crate::ui::shared::memo::memo;
use crate::ui::shared::results::{staff_warning, BAND_DRAWS, BAND_SEED};
use crate::ui::AppHandle;

/// The results; until the page's first paint (`whole_page` false) only what
/// the first screen shows, the headline, and the chart by role after it.
pub fn results_panel(app: &AppHandle, whole_page: bool) -> Html {
    let (Some(results), Some(scenario)) = (app.results.clone(), app.results_scenario.clone())
    else {
        return html! {
            <p class="stale-banner" id="no-results">{"Results appear here once the inputs have no problems."}</p>
        };
    };
    html! { <ResultsBody {scenario} {results} stale={app.stale} {whole_page} /> }
}

#[derive(Properties, PartialEq)]
pub struct ResultsBodyProps {
    pub scenario: Rc<Scenario>,
    pub results: Rc<Results>,
    pub stale: bool,
    /// False for the page's first render: the headline paints without the
    /// chart by role, which is below it (issue 17's load).
    pub whole_page: bool,
}

/// The results proper. A component of its own so that its hooks run on every
/// render (hooks may not sit behind the early return above).
#[function_component(ResultsBody)]
fn results_body(props: &ResultsBodyProps) -> Html {
    let (scenario, results, stale) = (props.scenario.clone(), props.results.clone(), props.stale);
    let whole_page = props.whole_page;
    let band = use_memo(scenario.clone(), |s| {
        if s.ranges.is_empty() {
            None
        } else {
            uncertainty(s, BAND_DRAWS, BAND_SEED).ok().map(Rc::new)
        }
    });

    // Staff in post that are a built-in's, in a place that is not: said
    // next to the figures.
    let borrowed = use_memo(scenario.clone(), |s| borrowed_staff(s));
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
    // On a slow machine the chart by role catches up when typing pauses:
    // each keystroke's frame carries the headline alone. On a fast one it
    // repaints with the headline.
    let bars = use_after_pause_if(bars, renders_are_slow());
    html! {
        <div class={classes!("results", stale.then_some("stale"))}>
            <a class="phone-only back-to-inputs" href="#inputs-heading">{"Back to the inputs"}</a>
            if stale {
                <p class="stale-banner" id="stale-banner">{"These results are out of date: they are from your last valid inputs. Fix the problems listed at the top to update them."}</p>
            }
            <p class="print-only print-meta">
                {print_meta(&scenario)}
                {"Planning estimates from the Mental Health Workforce Gap Calculator (WISN with a needs-based front end); every default is listed with its source in the calculator."}
            </p>
            if let Some(borrowed) = borrowed.as_ref() {
                { staff_warning(&borrowed.sentence, true) }
            }
            { headline(&results, band.as_deref(), stale) }
            if whole_page {
                { memo(bars.clone(), move || required_vs_in_post(&yew::props!(RequiredVsInPostProps {
                    title: AttrValue::from("Required WTE and staff in post, by role"),
                    id: AttrValue::from("chart-roles"),
                    rows: (*bars).clone(),
                }))) }
                // How the gap moves over the years, the table by role, what
                // closes the gap, need and workload by
                // service, results by place, what moves the answer most, and
                // "how is this calculated?": loaded when they come near the
                // screen.
                <PanelHost panel={Panel::Analysis} id="analysis"
                    trigger={Trigger::Near("Show the ten-year projection, the results by role, what closes the gap, results by service and place, what moves the answer most, and how it is calculated".into())} />
            }
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
