//! Your area: name, population by age band, need index.

use yew::prelude::*;

use crate::format;
use crate::model::field::Field;
use crate::model::scenario::AgeBand;
use crate::ui::components::number_field::number_field;
use crate::ui::state::{Action, TextField};
use crate::ui::{dom_id, AppHandle};

pub fn area_inputs(app: &AppHandle) -> Html {
    let on_name = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::SetText {
                field: TextField::ScenarioName,
                value: input.value(),
            });
        })
    };
    let total = app.scenario.population.total();
    html! {
        <details class="panel" open=true>
            <summary class="panel__summary"><h3 class="panel__title">{"Your area"}</h3></summary>
            <div class="field">
                <label class="field__label" for={dom_id("name")}>{"Scenario name"}</label>
                <div class="field__hint" id="name-hint">{"Shown on saved scenarios, exports and the printed report."}</div>
                <input class="field__input field__input--wide" id={dom_id("name")} type="text"
                    value={app.scenario.name.clone()} oninput={on_name} aria-describedby="name-hint" />
            </div>
            <fieldset class="fieldset">
                <legend>{"Population by age band"}</legend>
                <div class="grid-3">
                    { for AgeBand::ALL.iter().map(|b| html! { { number_field(app, &Field::Population(*b), None, false) } }) }
                </div>
                <p class="computed" aria-live="polite">{format!("Total population: {}", format::people(total))}</p>
            </fieldset>
            { number_field(app, &Field::NeedIndex, None, false) }
        </details>
    }
}
