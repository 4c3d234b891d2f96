//! Roles: add, remove and edit each staff role: group, sector, staff in post,
//! vacancies, cost, leavers and joiners.

use yew::prelude::*;

use crate::model::field::{Field, RoleField};
use crate::model::scenario::{Group, Role, Sector};
use crate::ui::page::explain::{explain, Subject};
use crate::ui::page::number_field::number_field;
use crate::ui::shared::confirm::confirm;
use crate::ui::state::{Action, Edit, TextField, UiAction};
use crate::ui::{dom_id, AppHandle};

pub fn roles_editor(app: &AppHandle) -> Html {
    let add = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Edit(Edit::AddRole)))
    };
    let count = app.scenario.roles.len();
    html! {
        <details class="panel" open=true>
            <summary class="panel__summary"><h3 class="panel__title">{format!("Roles ({count})")}</h3></summary>
            <p class="panel__intro">{"New roles and the voluntary sector (VCSE) are counted in their own groups: they complement registered professions and are never netted against them."}</p>
            <p class="panel__intro scope-note">{"Staff in post: count only the people who work in the service lines above, not a trust's whole workforce (that shows a surplus that is not there)."}</p>
            { for (0..count).map(|i| role_card(app, i)) }
            <button type="button" class="button button--secondary" onclick={add}>{"Add a role"}</button>
        </details>
    }
}

/// One role, keyed by its id so that moving it keeps its DOM (and focus).
pub fn role_card(app: &AppHandle, i: usize) -> Html {
    let Some(role) = app.scenario.roles.get(i).cloned() else {
        return html! {};
    };
    let name_path = format!("roles[{i}].name");
    let name_id = dom_id(&name_path);
    let name_error = app
        .error_for(&name_path)
        .or_else(|| app.error_for(&format!("roles[{i}].id")));
    let on_name = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::Edit(Edit::SetText {
                field: TextField::RoleName(i),
                value: input.value(),
            }));
        })
    };
    let heading = if role.name.trim().is_empty() {
        format!("Role {}", i + 1)
    } else {
        role.name.clone()
    };
    let remove = {
        let app = app.clone();
        let heading = heading.clone();
        Callback::from(move |_| {
            if confirm(&format!(
                "Remove the role \"{heading}\"? Its shares in every service's role mix go too."
            )) {
                app.dispatch(Action::Edit(Edit::RemoveRole(i)));
            }
        })
    };
    html! {
        <article class="card" key={role.id.clone()} aria-labelledby={format!("{name_id}-heading")}>
            <div class="card__header">
                <h4 class="card__title" id={format!("{name_id}-heading")}>{heading.clone()}</h4>
                <div class="card__actions">
                    <button type="button" class="button button--small button--warning" onclick={remove}
                        aria-label={format!("Remove {heading}")}>{"Remove"}</button>
                </div>
            </div>
            <div class="grid-3">
                <div class={classes!("field", name_error.is_some().then_some("field--error"))}>
                    <label class="field__label" for={name_id.clone()}>{"Role name"}</label>
                    if let Some(e) = &name_error { <p class="field__error" id={format!("{name_id}-error")}>{e}</p> }
                    <input class="field__input field__input--wide" id={name_id.clone()} type="text" value={role.name.clone()}
                        oninput={on_name} aria-invalid={name_error.is_some().then_some("true")}
                        aria-describedby={name_error.is_some().then(|| format!("{name_id}-error"))} />
                </div>
                {group_select(app, i, &role)}
                {sector_select(app, i, &role)}
            </div>
            <div class="grid-3">
                { for RoleField::STAFF.iter().map(|f| html! { { number_field(app, &Field::Role(i, *f), None, false) } }) }
            </div>
            { pipeline_fields(app, i, &role) }
            { explain(app, Subject::Role(i)) }
        </article>
    }
}

/// Where new staff come from beyond today's joiners (MODEL.md section 8):
/// the course, its completion and take-up, extra places commissioned and
/// international recruits. Closed until opened; its summary says what is
/// set, or that one of them has a problem.
fn pipeline_fields(app: &AppHandle, i: usize, role: &Role) -> Html {
    let pipeline = role.pipeline();
    let in_use = pipeline.extra_places_per_year != 0.0 || pipeline.international_per_year != 0.0;
    let has_error = RoleField::PIPELINE
        .iter()
        .any(|f| app.error_for(&Field::Role(i, *f).path()).is_some());
    // Keyed by the role's id, so a role moved or removed keeps its own.
    let section = format!("role-pipeline-{}", role.id);
    let open = app.open_sections.contains(&section);
    let ontoggle = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlElement = e.target_unchecked_into();
            let now_open = details.has_attribute("open");
            if now_open != open {
                app.dispatch(Action::Ui(UiAction::ToggleSection {
                    id: section.clone(),
                    open: now_open,
                }));
            }
        })
    };
    let summary = if has_error {
        "Training pipeline and international recruitment: has a problem, open to fix it".to_string()
    } else if in_use {
        format!(
            "Training pipeline and international recruitment: {} extra places and {} recruits a year",
            crate::format::input_text(pipeline.extra_places_per_year, crate::model::field::Unit::Count),
            crate::format::input_text(pipeline.international_per_year, crate::model::field::Unit::Wte),
        )
    } else {
        "Training pipeline and international recruitment".to_string()
    };
    html! {
        // Never opened or closed by the app (that would close it under the
        // reader's hands once a problem is fixed): the summary says what is
        // set, and the error summary's link opens it.
        <details class="card__details role-pipeline" {ontoggle}>
            <summary>{summary}</summary>
            // Built only when open (or when one of its inputs has a problem,
            // so the error summary's link has an input to go to).
            if open || has_error {
                <p class="panel__intro">{"Places commissioned now qualify after their course: the decade plan counts them from the year they arrive. Today's training output is already in joiners a year."}</p>
                <div class="grid-3">
                    { for RoleField::PIPELINE.iter().map(|f| html! { { number_field(app, &Field::Role(i, *f), None, false) } }) }
                </div>
            }
        </details>
    }
}

fn group_select(app: &AppHandle, i: usize, role: &Role) -> Html {
    let id = dom_id(&format!("roles[{i}].group"));
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(g) = Group::from_key(&select.value()) {
                app.dispatch(Action::Edit(Edit::SetRoleGroup(i, g)));
            }
        })
    };
    html! {
        <div class="field">
            <label class="field__label" for={id.clone()}>{"Staff group"}</label>
            <select class="field__select" id={id} {onchange}>
                { for Group::ALL.iter().map(|g| html! {
                    <option value={g.key()} selected={*g == role.group}>{g.label()}</option>
                }) }
            </select>
        </div>
    }
}

fn sector_select(app: &AppHandle, i: usize, role: &Role) -> Html {
    let id = dom_id(&format!("roles[{i}].sector"));
    let onchange = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(s) = Sector::from_key(&select.value()) {
                app.dispatch(Action::Edit(Edit::SetRoleSector(i, s)));
            }
        })
    };
    html! {
        <div class="field">
            <label class="field__label" for={id.clone()}>{"Employer sector"}</label>
            <select class="field__select" id={id} {onchange}>
                { for Sector::ALL.iter().map(|s| html! {
                    <option value={s.key()} selected={*s == role.sector}>{s.label()}</option>
                }) }
            </select>
        </div>
    }
}
