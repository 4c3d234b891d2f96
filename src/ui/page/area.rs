//! Your area: the scenario's name, the area picker, and its places (each
//! with a population by age band and a need index, and where those came
//! from).

use yew::prelude::*;

use crate::format;
use crate::model::field::Field;
use crate::model::scenario::{AgeBand, Place};
use crate::ui::page::number_field::number_field;
use crate::ui::page::services::{item_actions, ItemActions};
use crate::ui::runtime::panel_host::{Panel, PanelHost, Trigger};
use crate::ui::shared::memo::memo_keyed;
use crate::ui::state::{Action, Edit, TextField};
use crate::ui::{dom_id, AppHandle};

/// The area card. Until the first paint (`whole_page` false) only its top,
/// which is on the first screen: the places' inputs are below it on every
/// screen, and follow just after the first paint with the rest of the page.
pub fn area_inputs(app: &AppHandle, whole_page: bool) -> Html {
    let on_name = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::Edit(Edit::SetText {
                field: TextField::ScenarioName,
                value: input.value(),
            }));
        })
    };
    let add = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Edit(Edit::AddPlace)))
    };
    let places = &app.scenario.places;
    let total = app.scenario.total_population().total();
    html! {
        <details class="panel" open=true>
            <summary class="panel__summary"><h3 class="panel__title">{"Your area"}</h3></summary>
            <div class="field">
                <label class="field__label" for={dom_id("name")}>{"Scenario name"}</label>
                <div class="field__hint" id="name-hint">{"Shown on saved scenarios, exports and the printed report."}</div>
                <input class="field__input field__input--wide" id={dom_id("name")} type="text"
                    value={app.scenario.name.clone()} oninput={on_name} aria-describedby="name-hint" />
            </div>
            // The picker and England's area tables load when asked for.
            <PanelHost panel={Panel::AreaPicker} id="area-picker-host"
                trigger={Trigger::Button("Start from your area: find it by name or code".into())} />
            <h4 class="places__title">{format!("Places ({})", places.len())}</h4>
            <p class="panel__intro">{"One place, or several side by side (an integrated care board's sub-ICB locations or local authorities): each has its own population and need index; services, roles and staff in post are shared by the whole system."}</p>
            // In a container of its own, so that a change in the number of
            // places does not shift (and re-create) the picker above.
            <div class="places">
                if whole_page { { for (0..places.len()).map(|i| place_card_memo(app, i)) } }
            </div>
            if whole_page {
                if places.len() > 1 {
                    <p class="computed" aria-live="polite">{format!("All places: {} people", format::people(total))}</p>
                }
                <button type="button" class="button button--secondary" onclick={add}>{"Add a place"}</button>
            }
        </details>
    }
}

/// One place, keyed by its id so that moving it keeps its DOM (and focus),
/// rendered again only when what it shows changed: the place, its inputs'
/// typed text and problems, how many places there are (its move and remove
/// buttons) and the inputs the host page locked.
fn place_card_memo(app: &AppHandle, i: usize) -> Html {
    let Some(place) = app.scenario.places.get(i) else {
        return html! {};
    };
    let deps = (
        i,
        app.scenario.places.len(),
        place.clone(),
        app.marks_under(&format!("places[{i}]")),
    );
    let app = app.clone();
    memo_keyed(&place.id, deps, move || place_card(&app, i))
}

/// A place's card: its name, population by age band and need index, with
/// their sources.
fn place_card(app: &AppHandle, i: usize) -> Html {
    let Some(place) = app.scenario.places.get(i) else {
        return html! {};
    };
    let count = app.scenario.places.len();
    let name_path = format!("places[{i}].name");
    let name_id = dom_id(&name_path);
    let name_error = app.error_for(&name_path);
    let on_name = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::Edit(Edit::SetText {
                field: TextField::PlaceName(i),
                value: input.value(),
            }));
        })
    };
    let heading = if place.name.trim().is_empty() {
        format!("Place {}", i + 1)
    } else {
        place.name.clone()
    };
    let actions = item_actions(
        app,
        ItemActions {
            index: i,
            count,
            name: &heading,
            kind: "place",
            move_item: |index, up| Edit::MovePlace { index, up },
            remove: (count > 1).then_some(Edit::RemovePlace as fn(usize) -> Edit),
        },
    );
    html! {
        <article class="card place" aria-labelledby={format!("{name_id}-heading")}>
            <div class="card__header">
                <h4 class="card__title" id={format!("{name_id}-heading")}>{heading.clone()}</h4>
                {actions}
            </div>
            <div class={classes!("field", name_error.is_some().then_some("field--error"))}>
                <label class="field__label" for={name_id.clone()}>{"Place name"}</label>
                if let Some(e) = &name_error { <p class="field__error" id={format!("{name_id}-error")}>{e}</p> }
                <input class="field__input field__input--wide" id={name_id.clone()} type="text" value={place.name.clone()}
                    oninput={on_name} aria-invalid={name_error.is_some().then_some("true")}
                    aria-describedby={name_error.is_some().then(|| format!("{name_id}-error"))} />
            </div>
            if let Some(code) = &place.code {
                <p class="place__code">{format!("Area code: {code}")}</p>
            }
            <fieldset class="fieldset">
                <legend>{"Population by age band"}</legend>
                <div class="grid-3">
                    { for AgeBand::ALL.iter().map(|b| number_field(app, &Field::Population(i, *b), None, false)) }
                </div>
                <p class="computed" aria-live="polite">{format!("Total population: {}", format::people(place.population.total()))}</p>
                if let Some(source) = place.sources.get("population") {
                    <p class="field__source field__source--place">{format!("Source: {source}")}</p>
                }
                if census_based(place) {
                    <p class="field__hint">{"Census 2021 publishes ages 0-15 and 16-24, not 0-17: the 16-17s counted as children (and taken out of adults) are estimated from ONS single-year estimates."}</p>
                }
            </fieldset>
            { number_field(app, &Field::NeedIndex(i), None, false) }
            if let Some(other) = place.sources.get("need_index_other") {
                <p class="place__other">{other.clone()}</p>
            }
            if let Some(smi) = place.sources.get("smi_register") {
                <p class="place__other">{smi.clone()}</p>
            }
        </article>
    }
}

/// True when the place's population came from the Census tables.
fn census_based(place: &Place) -> bool {
    place
        .sources
        .get("population")
        .is_some_and(|s| s.contains("Census 2021"))
}
