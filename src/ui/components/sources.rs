//! Every default's source, or "illustrative" where no public figure exists.

use yew::prelude::*;

use crate::model::examples::sources;
use crate::model::field::Field;
use crate::ui::use_app;

#[function_component(SourcesPanel)]
pub fn sources_panel() -> Html {
    let app = use_app();
    // The table (one row per default) is built only once it is opened: it is
    // long, and most visits never open it.
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    let all = sources();
    let sourced = all.iter().filter(|s| !s.illustrative).count();
    html! {
        <section class="panel panel--plain sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{"Sources and assumptions"}</h2>
            <p>{format!("The built-in defaults: {} cite a published source; {} are illustrative, with no public figure found, and should be replaced with your own.", sourced, all.len() - sourced)}</p>
            <details class="explain" id="sources-details" {ontoggle}>
                <summary>{format!("Show all {} defaults and their sources", all.len())}</summary>
                if *open {
                <div class="table-wrap" tabindex="0" role="region" aria-label="Defaults and sources (scrolls sideways)">
                    <table class="table table--compact sources-table" id="sources-table">
                        <caption>{"Defaults of the built-in scenarios (population and staff counts are Example place's; the small place and the large system scale them)"}</caption>
                        <thead><tr>
                            <th scope="col">{"Input"}</th>
                            <th scope="col">{"Default"}</th>
                            <th scope="col">{"Source"}</th>
                        </tr></thead>
                        <tbody>
                        { for all.iter().map(|s| {
                            let label = Field::from_key(&app.scenario, &s.key)
                                .map(|f| f.full_label(&app.scenario))
                                .unwrap_or_else(|| s.key.clone());
                            html! {
                                <tr>
                                    <th scope="row">{label}</th>
                                    <td>{&s.value_text}</td>
                                    <td>
                                        if s.illustrative {
                                            <span class="tag tag--illustrative">{"Illustrative"}</span>{" "}
                                        }
                                        {&s.citation}
                                    </td>
                                </tr>
                            }
                        }) }
                        </tbody>
                    </table>
                </div>
                }
            </details>
        </section>
    }
}
