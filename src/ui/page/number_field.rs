//! A labelled numeric input bound to one scenario [`Field`]: label, hint with
//! its unit, the default's source, an inline error, and the text as typed.

use yew::prelude::*;

use crate::io::register::place_source;
use crate::model::field::Field;
use crate::model::scenario::V1_PLACE_ID;
use crate::ui::{dom_id, AppHandle};

/// The input for `field`. `label` overrides the field's own label (a role
/// name in a role-mix grid); `compact` hides the long hint (the unit stays).
///
/// A view function rather than a component (each component type costs Yew
/// machinery in the WebAssembly): the card or section it is in renders it
/// again only when that part's slice of the state changed
/// ([`crate::ui::shared::memo`]).
pub fn number_field(app: &AppHandle, field: &Field, label: Option<&str>, compact: bool) -> Html {
    let path = field.path();
    let id = dom_id(&path);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let text = app.text_for(field);
    let error = app.error_for(&path);
    let unit = field.unit();
    let place_source = place_source(&app.scenario, field);
    let source = default_source(app, field, place_source.is_some());

    let oninput = {
        let app = app.clone();
        let field = field.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            app.dispatch(crate::ui::state::Action::Edit(
                crate::ui::state::Edit::SetNumber {
                    field: field.clone(),
                    text: input.value(),
                },
            ));
        })
    };

    // A text input drops line breaks from pasted text, so "1\n200" would
    // arrive as "1200". Pasted text over several lines is kept as pasted and
    // refused with a message instead.
    let onpaste = {
        let app = app.clone();
        let field = field.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let pasted = e
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|c| c.clipboard_data())
                .and_then(|d| d.get_data("text").ok());
            if let Some(text) = pasted.filter(|t| t.trim().contains(['\n', '\r'])) {
                e.prevent_default();
                app.dispatch(crate::ui::state::Action::Edit(
                    crate::ui::state::Edit::SetNumber {
                        field: field.clone(),
                        text,
                    },
                ));
            }
        })
    };

    let source_id = format!("{id}-source");
    let locked = app.is_locked(field);
    let mut described = hint_id.clone();
    if error.is_some() {
        described = format!("{error_id} {described}");
    }
    if source.is_some() || place_source.is_some() {
        described = format!("{described} {source_id}");
    }
    let label = label.unwrap_or(field.label()).to_string();
    html! {
        <div class={classes!("field", error.is_some().then_some("field--error"), compact.then_some("field--compact"))}>
            <label class="field__label" for={id.clone()}>{label}</label>
            <div class="field__hint" id={hint_id}>
                if !compact { {field.hint()}{" "} }
                <span class="field__unit">{format!("({})", unit.hint())}</span>
                if locked { <span class="field__locked">{" Set by the page this calculator is in."}</span> }
            </div>
            if let Some((key, s)) = &source {
                { source_details(field, key, s, &source_id) }
            }
            if let Some(text) = &place_source {
                <p class="field__source field__source--place" id={source_id.clone()}>{format!("Source: {text}")}</p>
            }
            if let Some(message) = &error {
                <p class="field__error" id={error_id}>
                    <span class="visually-hidden">{"Error: "}</span>{message}
                </p>
            }
            <div class="field__control">
                if let Some(prefix) = unit.prefix() {
                    <span class="field__prefix" aria-hidden="true">{prefix}</span>
                }
                <input
                    class="field__input"
                    id={id}
                    name={path}
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    spellcheck="false"
                    value={text}
                    readonly={locked}
                    aria-describedby={described}
                    aria-invalid={error.is_some().then_some("true")}
                    {oninput}
                    {onpaste}
                />
                if let Some(suffix) = unit.suffix() {
                    <span class="field__suffix" aria-hidden="true">{suffix}</span>
                }
            </div>
        </div>
    }
}

/// A built-in default's citation for `field` (its key and flag), unless
/// the input belongs to a place of the user's own (prefilled from an area,
/// or added: `has_place_source`), whose own source speaks for it.
pub fn default_source(
    app: &AppHandle,
    field: &Field,
    has_place_source: bool,
) -> Option<(String, crate::model::examples::SourceFlag)> {
    if has_place_source {
        return None;
    }
    match field {
        Field::Population(i, _) | Field::NeedIndex(i)
            if app
                .scenario
                .places
                .get(*i)
                .is_none_or(|p| p.id != V1_PLACE_ID || !p.sources.is_empty()) =>
        {
            None
        }
        _ => field
            .key(&app.scenario)
            .and_then(|key| crate::model::examples::source_flag(&key).map(|flag| (key, flag))),
    }
}

/// "Default 5%: sourced", opening to the citation, which www/sources.js
/// fills in when opened: the citations are not part of the first load.
pub fn source_details(
    field: &Field,
    key: &str,
    flag: &crate::model::examples::SourceFlag,
    id: &str,
) -> Html {
    html! {
        <details class="field__source" id={id.to_string()} data-source-key={key.to_string()}>
            <summary>
                {default_text(field, &flag.value_text)}
                {if flag.illustrative { ": illustrative" } else { ": sourced" }}
            </summary>
            <p class="field__source-text"></p>
        </details>
    }
}

/// "Default 5%", or for counts that scale with the size of the place
/// (population, staff in post, vacancies, joiners) "Example place: 300,000",
/// since the small and large built-ins use other numbers with the same source.
fn default_text(field: &Field, value_text: &str) -> String {
    use crate::model::field::RoleField;
    let scales = matches!(
        field,
        Field::Population(..)
            | Field::Role(
                _,
                RoleField::InPostWte | RoleField::VacantWte | RoleField::JoinersPerYear
            )
    );
    if scales {
        format!("Example place: {value_text}")
    } else {
        format!("Default {value_text}")
    }
}
