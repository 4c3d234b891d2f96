//! The assumptions register: every input of the scenario with its value and
//! unit, whether it is the built-in default or changed, where it comes from
//! (the default's source, "illustrative", the area data, or "entered by
//! you"), and the user's note on it, which can be written here. In the
//! panels module, loaded with the part below the calculator.

use yew::prelude::*;

pub use crate::io::register::{register, RegisterRow, Status};
use crate::model::examples::sources;
use crate::ui::runtime::bridge::{use_panel_dispatch, PanelAction, PanelDispatch};
use crate::ui::use_app;

#[function_component(SourcesPanel)]
pub fn sources_panel() -> Html {
    let app = use_app();
    let to_page = use_panel_dispatch();
    // The table (one row per input) is built only once it is opened: it is
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
    let rows = if *open {
        register(&app.scenario)
    } else {
        Vec::new()
    };
    let changed = rows.iter().filter(|r| r.status != Status::Default).count();
    let notes = app.scenario.notes.len();
    html! {
        <section class="panel panel--plain sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{"Assumptions register"}</h2>
            <p>{format!("The built-in defaults: {} cite a published source; {} are illustrative, with no public figure found, and should be replaced with your own. Every input is listed with its value, whether it is the default, its source and your note on it (notes are kept in the scenario and in every export).", sourced, all.len() - sourced)}</p>
            <details class="explain" id="sources-details" {ontoggle}>
                <summary>{format!("Show every input, its source and your notes ({notes} notes)")}</summary>
                if *open {
                <p class="muted" id="register-summary">{format!("{} inputs, {} changed from or added to the defaults, {} with a note.", rows.len(), changed, notes)}</p>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Assumptions register (scrolls sideways)">
                    <table class="table table--compact sources-table" id="sources-table">
                        <caption>{"Assumptions register: every input of this scenario"}</caption>
                        <thead><tr>
                            <th scope="col">{"Input"}</th>
                            <th scope="col" class="num">{"Value"}</th>
                            <th scope="col">{"Unit"}</th>
                            <th scope="col">{"Default or changed"}</th>
                            <th scope="col">{"Source"}</th>
                            <th scope="col">{"Your note"}</th>
                        </tr></thead>
                        <tbody>
                        { for rows.into_iter().map(|row| register_row(&to_page, row)) }
                        </tbody>
                    </table>
                </div>
                }
            </details>
        </section>
    }
}

fn register_row(to_page: &PanelDispatch, row: RegisterRow) -> Html {
    let onchange = {
        let (to_page, key) = (to_page.clone(), row.key.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            to_page.send(PanelAction::SetNote {
                key: key.clone(),
                text: input.value(),
            });
        })
    };
    let id = crate::ui::dom_id(&format!("note.{}", row.key));
    html! {
        <tr key={row.key.clone()}>
            <th scope="row">{&row.label}</th>
            <td class="num">{&row.value}</td>
            <td>{row.unit}</td>
            <td>{row.status.text()}</td>
            <td>
                if row.illustrative {
                    <span class="tag tag--illustrative">{"Illustrative"}</span>{" "}
                }
                {&row.source}
            </td>
            <td>
                <input type="text" class="field__input field__input--note" id={id}
                    aria-label={format!("Note on {}", row.label)} value={row.note.clone()}
                    maxlength="2000" {onchange} />
            </td>
        </tr>
    }
}
