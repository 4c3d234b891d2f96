//! "How is this calculated?": the model's chain of figures, in words with the
//! user's own numbers, for any role or service: under a card
//! ([`CardExplanation`]) or picked in the results ([`ExplainPicker`]).

use yew::prelude::*;

use crate::model::explain::{explain_role, explain_service, Explanation};
use crate::ui::runtime::bridge::{use_panel_dispatch, PanelAction, PanelDispatch};
use crate::ui::shared::results::explained;
use crate::ui::use_app;

fn steps(explanation: &Explanation) -> Html {
    html! {
        <ol class="explain__steps">
            { for explanation.steps.iter().map(|s| html! { <li>{&s.text}</li> }) }
        </ol>
    }
}

const STALE_NOTE: &str = "Your inputs have problems, so this explains your last valid inputs: the ones the results come from.";

/// The content of a card's "How is this calculated?", in the panels module:
/// the chain for the role or service with this id in the scenario the
/// results came from.
#[derive(Properties, PartialEq)]
pub struct CardExplanationProps {
    pub role: bool,
    pub id: AttrValue,
}

#[function_component(CardExplanation)]
pub fn card_explanation(props: &CardExplanationProps) -> Html {
    let app = use_app();
    let to_page = use_panel_dispatch();
    let scenario = explained(&app);
    let explanation = if props.role {
        scenario
            .role_index(&props.id)
            .and_then(|j| explain_role(scenario, j))
    } else {
        scenario
            .service_index(&props.id)
            .and_then(|j| explain_service(scenario, j))
    };
    html! {
        <>
            if props.role {
                { role_sources(&app, &to_page, &props.id) }
            }
            if let Some(e) = explanation {
                if app.stale { <p class="explain__stale">{STALE_NOTE}</p> }
                {steps(&e)}
            }
        </>
    }
}

/// A role's inputs, what each means, where each default comes from (the
/// citation filled in by www/sources.js when opened, as beside any input)
/// and the user's note on it (as in the assumptions register): the staff
/// table's cells have no room for them.
fn role_sources(app: &crate::ui::AppHandle, to_page: &PanelDispatch, id: &str) -> Html {
    use crate::model::field::{Field, RoleField};
    use crate::ui::page::number_field::{default_source, source_details};
    let Some(i) = app.scenario.role_index(id) else {
        return html! {};
    };
    html! {
        <dl class="staff-table__sources">
            { for RoleField::ALL.iter().map(|f| {
                let field = Field::Role(i, *f);
                let source_id = format!("{}-source", crate::ui::dom_id(&field.path()));
                let key = field.key(&app.scenario).unwrap_or_default();
                let note = app.scenario.notes.get(&key).cloned().unwrap_or_default();
                let onchange = {
                    let (to_page, key) = (to_page.clone(), key.clone());
                    Callback::from(move |e: Event| {
                        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                        to_page.send(PanelAction::SetNote { key: key.clone(), text: input.value() });
                    })
                };
                html! {
                    <div>
                        <dt>{f.spec().label}</dt>
                        <dd>
                            {field.hint()}
                            if let Some((key, flag)) = default_source(app, &field, false) {
                                { source_details(&field, &key, &flag, &source_id) }
                            }
                            <input type="text" class="field__input field__input--note" maxlength="2000"
                                aria-label={format!("{}: your note", field.full_label(&app.scenario))}
                                placeholder="Your note" value={note} {onchange} />
                        </dd>
                    </div>
                }
            }) }
        </dl>
    }
}

/// In the results: pick any role or service and read its chain.
#[function_component(ExplainPicker)]
pub fn explain_picker() -> Html {
    let app = use_app();
    let choice = use_state(|| "role:0".to_string());
    let onchange = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            choice.set(select.value());
        })
    };
    let scenario = explained(&app);
    let explanation = match choice.split_once(':') {
        Some(("role", i)) => i.parse().ok().and_then(|i| explain_role(scenario, i)),
        Some(("service", i)) => i.parse().ok().and_then(|i| explain_service(scenario, i)),
        _ => None,
    };
    html! {
        <section class="explain-picker" aria-labelledby="explain-heading">
            <h3 id="explain-heading">{"How is this calculated?"}</h3>
            <div class="field">
                <label class="field__label" for="explain-choice">{"Explain the figures for"}</label>
                <select class="field__select" id="explain-choice" {onchange}>
                    <optgroup label="Roles">
                        { for scenario.roles.iter().enumerate().map(|(i, r)| {
                            let v = format!("role:{i}");
                            html! { <option value={v.clone()} selected={*choice == v}>{&r.name}</option> }
                        }) }
                    </optgroup>
                    <optgroup label="Services">
                        { for scenario.services.iter().enumerate().map(|(i, s)| {
                            let v = format!("service:{i}");
                            html! { <option value={v.clone()} selected={*choice == v}>{&s.name}</option> }
                        }) }
                    </optgroup>
                </select>
            </div>
            if let Some(e) = explanation {
                <div aria-live="polite" id="explain-picked">
                    if app.stale { <p class="explain__stale">{STALE_NOTE}</p> }
                    <h4>{&e.title}</h4>
                    {steps(&e)}
                </div>
            }
        </section>
    }
}
