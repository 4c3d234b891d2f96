//! Services: add, remove, reorder and edit each service line: who it serves,
//! how many need it, coverage today and the target, its workload, and the role
//! mix that delivers it.

use yew::prelude::*;

use crate::format;
use crate::model::field::{Field, ServiceField};
use crate::model::scenario::{AgeBand, Service, WorkloadKind};
use crate::model::validate::ROLE_MIX_TOLERANCE;
use crate::ui::page::explain::{explain, Subject};
use crate::ui::page::number_field::number_field;
use crate::ui::shared::confirm::confirm;
use crate::ui::state::{Action, Edit, TextField};
use crate::ui::{dom_id, AppHandle};

pub fn services_editor(app: &AppHandle) -> Html {
    let add = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Edit(Edit::AddService)))
    };
    let count = app.scenario.services.len();
    html! {
        <details class="panel" open=true>
            <summary class="panel__summary"><h3 class="panel__title">{format!("Services ({count})")}</h3></summary>
            <p class="panel__intro">{"Each service line turns people in need into workload. People in need = population served x prevalence x need index; people to treat = people in need x target coverage."}</p>
            <p class="panel__intro">{crate::model::NOT_MODELLED}</p>
            if count == 0 {
                <p>{"No services yet. Add one to start."}</p>
            }
            { for (0..count).map(|i| service_card(app, i)) }
            <button type="button" class="button button--secondary" onclick={add}>{"Add a service"}</button>
        </details>
    }
}

/// One service, keyed by its id so that moving it keeps its DOM (and focus).
pub fn service_card(app: &AppHandle, i: usize) -> Html {
    let Some(service) = app.scenario.services.get(i).cloned() else {
        return html! {};
    };
    let count = app.scenario.services.len();
    let name_id = dom_id(&format!("services[{i}].name"));
    let on_name = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::Edit(Edit::SetText {
                field: TextField::ServiceName(i),
                value: input.value(),
            }));
        })
    };
    let name_error = app.error_for(&format!("services[{i}].name"));
    let heading = if service.name.trim().is_empty() {
        format!("Service {}", i + 1)
    } else {
        service.name.clone()
    };
    html! {
        <article class="card" key={service.id.clone()} aria-labelledby={format!("{name_id}-heading")}>
            <div class="card__header">
                <h4 class="card__title" id={format!("{name_id}-heading")}>{heading.clone()}</h4>
                {card_actions(app, i, count, &heading)}
            </div>
            <div class={classes!("field", name_error.is_some().then_some("field--error"))}>
                <label class="field__label" for={name_id.clone()}>{"Service name"}</label>
                if let Some(e) = &name_error { <p class="field__error" id={format!("{name_id}-error")}>{e}</p> }
                <input class="field__input field__input--wide" id={name_id.clone()} type="text" value={service.name.clone()}
                    oninput={on_name} aria-invalid={name_error.is_some().then_some("true")}
                    aria-describedby={name_error.is_some().then(|| format!("{name_id}-error"))} />
            </div>
            {ages_fieldset(app, i, &service)}
            <div class="grid-3">
                { for ServiceField::COMMON.iter().map(|f| html! { { number_field(app, &Field::Service(i, *f), None, false) } }) }
            </div>
            {workload_fieldset(app, i, &service)}
            {role_mix_fieldset(app, i, &service)}
            { explain(app, Subject::Service(i)) }
        </article>
    }
}

fn card_actions(app: &AppHandle, i: usize, count: usize, name: &str) -> Html {
    item_actions(
        app,
        ItemActions {
            index: i,
            count,
            name,
            kind: "service",
            move_item: |index, up| Edit::MoveService { index, up },
            remove: Some(Edit::RemoveService),
        },
    )
}

/// The up, down and remove buttons of one item of a list (a service, a
/// place).
pub struct ItemActions<'a> {
    pub index: usize,
    pub count: usize,
    pub name: &'a str,
    /// The item's kind in words, for the confirm question: "service".
    pub kind: &'static str,
    pub move_item: fn(usize, bool) -> Edit,
    /// None when the item cannot be removed (the last place).
    pub remove: Option<fn(usize) -> Edit>,
}

pub fn item_actions(app: &AppHandle, item: ItemActions) -> Html {
    let i = item.index;
    let name = item.name;
    let mv = |up: bool| {
        let app = app.clone();
        let action = Action::Edit((item.move_item)(i, up));
        Callback::from(move |_| app.dispatch(action.clone()))
    };
    let remove = item.remove.map(|remove| {
        let app = app.clone();
        let question = format!("Remove the {} \"{name}\"?", item.kind);
        Callback::from(move |_| {
            if confirm(&question) {
                app.dispatch(Action::Edit(remove(i)));
            }
        })
    });
    html! {
        <div class="card__actions">
            <button type="button" class="button button--small button--secondary" disabled={i == 0} onclick={mv(true)}
                aria-label={format!("Move {name} up")}>{"Up"}</button>
            <button type="button" class="button button--small button--secondary" disabled={i + 1 >= item.count} onclick={mv(false)}
                aria-label={format!("Move {name} down")}>{"Down"}</button>
            if let Some(onclick) = remove {
                <button type="button" class="button button--small button--warning" {onclick}
                    aria-label={format!("Remove {name}")}>{"Remove"}</button>
            }
        </div>
    }
}

fn ages_fieldset(app: &AppHandle, i: usize, service: &Service) -> Html {
    let path = format!("services[{i}].ages");
    let error = app.error_for(&path);
    html! {
        <fieldset class={classes!("fieldset", error.is_some().then_some("field--error"))} id={dom_id(&path)} tabindex="-1">
            <legend>{"Who it serves"}</legend>
            if let Some(e) = &error { <p class="field__error">{e}</p> }
            <div class="checkboxes">
                { for AgeBand::ALL.iter().map(|band| {
                    let band = *band;
                    let id = format!("{}-{}", dom_id(&path), band.key());
                    let onchange = {
                        let app = app.clone();
                        Callback::from(move |_| app.dispatch(Action::Edit(Edit::ToggleAge(i, band))))
                    };
                    html! {
                        <div class="checkbox">
                            <input type="checkbox" id={id.clone()} checked={service.ages.contains(&band)} {onchange} />
                            <label for={id}>{age_checkbox_label(band)}</label>
                        </div>
                    }
                }) }
            </div>
        </fieldset>
    }
}

fn age_checkbox_label(band: AgeBand) -> &'static str {
    match band {
        AgeBand::Children => "Children 0-17",
        AgeBand::Adults => "Adults 18-64",
        AgeBand::Older => "Older people 65+",
    }
}

fn workload_fieldset(app: &AppHandle, i: usize, service: &Service) -> Html {
    let select_id = dom_id(&format!("services[{i}].workload.kind"));
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(kind) = WorkloadKind::from_key(&select.value()) {
                app.dispatch(Action::Edit(Edit::SetWorkloadKind(i, kind)));
            }
        })
    };
    let kind = service.workload.kind();
    let note = match kind {
        WorkloadKind::Contacts => "WTE = people to treat x contacts x minutes / 60 / clinical hours per WTE.",
        WorkloadKind::Caseload => "WTE = people to treat x (months on caseload / 12) / caseload per WTE.",
        WorkloadKind::Beds => "People to treat are admissions a year. Beds = admissions x length of stay / (365 x occupancy); WTE = beds x WTE per bed.",
    };
    html! {
        <fieldset class="fieldset">
            <legend>{"Workload"}</legend>
            <div class="field">
                <label class="field__label" for={select_id.clone()}>{"How the work is counted"}</label>
                <div class="field__hint" id={format!("{select_id}-hint")}>{note}</div>
                <select class="field__select" id={select_id.clone()} {onchange} aria-describedby={format!("{select_id}-hint")}>
                    { for WorkloadKind::ALL.iter().map(|k| html! {
                        <option value={k.key()} selected={*k == kind}>{k.label()}</option>
                    }) }
                </select>
            </div>
            <div class="grid-3">
                { for ServiceField::workload_fields(&service.workload).iter().map(|f| html! {
                    { number_field(app, &Field::Service(i, *f), None, false) }
                }) }
            </div>
        </fieldset>
    }
}

fn role_mix_fieldset(app: &AppHandle, i: usize, service: &Service) -> Html {
    let path = format!("services[{i}].role_mix");
    let error = app.error_for(&path);
    let sum: f64 = service.role_mix.values().sum();
    let adds_up = (sum - 1.0).abs() <= ROLE_MIX_TOLERANCE;
    let normalise = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Edit(Edit::NormaliseRoleMix(i))))
    };
    html! {
        <fieldset class={classes!("fieldset", error.is_some().then_some("field--error"))} id={dom_id(&path)} tabindex="-1">
            <legend>{"Role mix: who delivers this service"}</legend>
            <p class="field__hint">{"The share of this service's WTE each role carries. Shares must add up to 100%."}</p>
            if let Some(e) = &error { <p class="field__error">{e}</p> }
            <ul class="mix">
                { for service.role_mix.keys().map(|id| mix_row(app, i, id)) }
            </ul>
            {add_to_mix(app, i, service)}
            <p class={classes!("computed", (!adds_up).then_some("computed--warning"))} aria-live="polite">
                {format!("Running total: {}", format::percent(sum, 1))}
                if !adds_up && sum > 0.0 {
                    {" "}
                    <button type="button" class="button button--small" onclick={normalise}>{"Make it add up to 100%"}</button>
                }
            </p>
        </fieldset>
    }
}

/// One role's share of a service, with a button to take it out of the mix.
fn mix_row(app: &AppHandle, i: usize, role_id: &str) -> Html {
    let name = match app.scenario.role_index(role_id) {
        Some(r) => app.scenario.roles[r].name.clone(),
        None => format!("{role_id} (no such role)"),
    };
    let remove = {
        let app = app.clone();
        let role = role_id.to_string();
        Callback::from(move |_| {
            app.dispatch(Action::Edit(Edit::RemoveFromRoleMix {
                service: i,
                role: role.clone(),
            }))
        })
    };
    html! {
        <li class="mix__row">
            { number_field(app, &Field::RoleMix(i, role_id.to_string()), Some(&name), true) }
            <button type="button" class="button button--small button--secondary" onclick={remove}>
                {"Take out"}<span class="visually-hidden">{format!(" {name}")}</span>
            </button>
        </li>
    }
}

/// A select of the roles not yet in the mix.
fn add_to_mix(app: &AppHandle, i: usize, service: &Service) -> Html {
    let missing: Vec<(String, String)> = app
        .scenario
        .roles
        .iter()
        .filter(|r| !service.role_mix.contains_key(&r.id))
        .map(|r| (r.id.clone(), r.name.clone()))
        .collect();
    if missing.is_empty() {
        return html! {};
    }
    let id = dom_id(&format!("services[{i}].role_mix.add"));
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let role = select.value();
            select.set_value("");
            if !role.is_empty() {
                app.dispatch(Action::Edit(Edit::AddToRoleMix { service: i, role }));
            }
        })
    };
    html! {
        <div class="field">
            <label class="field__label" for={id.clone()}>{"Add a role to this mix"}</label>
            <select class="field__select" id={id} {onchange}>
                <option value="" selected=true>{"Choose a role…"}</option>
                { for missing.iter().map(|(id, name)| html! { <option value={id.clone()}>{name.clone()}</option> }) }
            </select>
        </div>
    }
}
