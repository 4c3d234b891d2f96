//! Need and workload by service, in the analysis panel.

use yew::prelude::*;

use crate::format;
use crate::model::{Results, Scenario};

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
