//! Results by place (MODEL.md section 7): each place's people in need,
//! untreated today, required WTE and WTE per 100,000, and its fair share of
//! each role's requirement, by need. The headline stays the system total;
//! staff in post are the system's, so a place's row is a requirement, not a
//! gap. Shown when the scenario has more than one place.

use yew::prelude::*;

use crate::format;
use crate::model::{Results, Scenario};
use crate::ui::panels::charts::{places_chart, PlaceBar, PlacesChartProps};

/// A plain view function: no hooks of its own.
pub fn place_results(scenario: &Scenario, results: &Results) -> Html {
    if scenario.places.len() < 2 {
        return html! {};
    }
    let t = &results.total;
    let rows: Vec<PlaceBar> = results
        .places
        .iter()
        .zip(&scenario.places)
        .map(|(r, p)| PlaceBar {
            label: p.name.clone(),
            per_100k: r.required_wte_per_100k,
            required_wte: r.required_wte,
        })
        .collect();
    html! {
        <section class="place-results" aria-labelledby="place-results-heading">
            <h3 id="place-results-heading">{"By place"}</h3>
            <p class="muted">{"Each place's share of the system's requirement, by its population and need. Staff in post are counted for the whole system, so there is no gap by place."}</p>
            { places_chart(&yew::props!(PlacesChartProps {
                title: AttrValue::from("Required WTE per 100,000 residents, by place"),
                id: AttrValue::from("chart-places"),
                rows,
                system_per_100k: t.required_wte_per_100k,
            })) }
            <div class="table-wrap" tabindex="0" role="region" aria-label="Need and required WTE by place (scrolls sideways)">
                <table class="table" id="places-table">
                    <caption>{"Need and required WTE, by place"}</caption>
                    <thead><tr>
                        <th scope="col">{"Place"}</th>
                        <th scope="col" class="num">{"Population"}</th>
                        <th scope="col" class="num">{"Need index"}</th>
                        <th scope="col" class="num">{"People in need"}</th>
                        <th scope="col" class="num">{"Untreated today"}</th>
                        <th scope="col" class="num">{"Required WTE"}</th>
                        <th scope="col" class="num">{"WTE per 100,000"}</th>
                    </tr></thead>
                    <tbody>
                    { for results.places.iter().zip(&scenario.places).map(|(r, p)| html! {
                        <tr>
                            <th scope="row">{&p.name}</th>
                            <td class="num">{format::people(r.population)}</td>
                            <td class="num">{format::plain(p.need_index, 3)}</td>
                            <td class="num">{format::people(r.people_in_need)}</td>
                            <td class="num">{format::people(r.untreated_today)}</td>
                            <td class="num">{format::wte(r.required_wte)}</td>
                            <td class="num">{format::wte(r.required_wte_per_100k)}</td>
                        </tr>
                    }) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row">{"All places"}</th>
                        <td class="num">{format::people(scenario.total_population().total())}</td>
                        <td></td>
                        <td class="num">{format::people(t.people_in_need)}</td>
                        <td class="num">{format::people(t.untreated_today)}</td>
                        <td class="num">{format::wte(t.required_wte)}</td>
                        <td class="num">{format::wte(t.required_wte_per_100k)}</td>
                    </tr></tfoot>
                </table>
            </div>
            { roles_by_place(scenario, results) }
        </section>
    }
}

/// Required WTE of each role in each place (roles down, places across).
fn roles_by_place(scenario: &Scenario, results: &Results) -> Html {
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Required WTE by role and place (scrolls sideways)">
            <table class="table" id="place-roles-table">
                <caption>{"Required WTE by role and place"}</caption>
                <thead><tr>
                    <th scope="col">{"Role"}</th>
                    { for scenario.places.iter().map(|p| html! { <th scope="col" class="num">{&p.name}</th> }) }
                    <th scope="col" class="num">{"All places"}</th>
                </tr></thead>
                <tbody>
                { for scenario.roles.iter().zip(&results.roles).map(|(role, r)| html! {
                    <tr>
                        <th scope="row">{&role.name}</th>
                        { for results.places.iter().map(|p| html! {
                            <td class="num">{format::wte(p.roles.get(&role.id).copied().unwrap_or(0.0))}</td>
                        }) }
                        <td class="num">{format::wte(r.required_wte)}</td>
                    </tr>
                }) }
                </tbody>
            </table>
        </div>
    }
}
