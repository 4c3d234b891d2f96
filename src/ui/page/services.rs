//! Services as a table (issue 16): a row per service line with what
//! planners change most (prevalence, coverage today and the target, and its
//! workload's numbers), each cell named by service and column; up and down
//! arrows and Enter move between a column's cells. Who it serves, how its
//! work is counted and the role mix that delivers it are in its full card,
//! a click away (built only when open, or when it has a problem).

use yew::prelude::*;

use crate::format;
use crate::model::field::{Field, ServiceField};
use crate::model::paste::service_cell;
use crate::model::scenario::{AgeBand, Service, WorkloadKind};
use crate::model::validate::ROLE_MIX_TOLERANCE;
use crate::ui::page::explain::{explain, Subject};
use crate::ui::page::number_field::number_field;
use crate::ui::shared::confirm::confirm;
use crate::ui::shared::memo::{memo, Always};
use crate::ui::state::{Action, Edit, TextField, UiAction};
use crate::ui::{dom_id, AppHandle};

pub fn services_editor(app: &AppHandle) -> Html {
    let add = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Edit(Edit::AddService)))
    };
    let count = app.scenario.services.len();
    let onkeydown =
        Callback::from(|e: KeyboardEvent| crate::ui::page::roles::move_between_cells(&e));
    let onpaste = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let cell_at = service_cell(&app.scenario);
            crate::ui::page::roles::paste_into(&app, e, &cell_at, &Some);
        })
    };
    html! {
        <details class="panel" open=true id="services">
            <summary class="panel__summary"><h3 class="panel__title">{format!("Services ({count})")}</h3></summary>
            <p class="panel__intro">{"Each service line turns people in need into workload. People in need = population served x prevalence x need index; people to treat = people in need x target coverage."}</p>
            <p class="panel__intro">{crate::model::NOT_MODELLED}</p>
            <p class="panel__intro" id="services-table-hint">{"What planners change most is in the table: type, or paste a block copied from a spreadsheet (the up and down arrows and Enter move between a column's cells); who each service serves, how its work is counted and the roles that deliver it are in its full card."}</p>
            if count == 0 {
                <p>{"No services yet. Add one to start."}</p>
            } else {
                <div class="table-wrap table-wrap--cue staff-table__wrap" tabindex="0" role="region" aria-label="Services (scrolls sideways)">
                    <table class="table staff-table" id="services-editor" aria-describedby="services-table-hint" {onkeydown} {onpaste}>
                        <caption class="visually-hidden">{"Services"}</caption>
                        <thead><tr>
                            <th scope="col">{"Service"}</th>
                            { for ServiceField::COMMON.iter().map(|f| html! {
                                <th scope="col" class="num">{f.spec().label}<span class="staff-table__unit">{" (%)"}</span></th>
                            }) }
                            <th scope="col">{"Workload"}</th>
                            <th scope="col"><span class="visually-hidden">{"Service actions"}</span></th>
                        </tr></thead>
                        { for (0..count).map(|i| service_rows_memo(app, i)) }
                    </table>
                </div>
            }
            <button type="button" class="button button--secondary" onclick={add}>{"Add a service"}</button>
        </details>
    }
}

/// A service's row group, rendered again only when what it shows changed:
/// the service, its cells' typed text and problems, its place in the list
/// (the move buttons) and the inputs the host page locked. Its full card,
/// when shown, reads more (the roles' names, the explanation): the row
/// group renders on every change while it is.
fn service_rows_memo(app: &AppHandle, i: usize) -> Html {
    let Some(service) = app.scenario.services.get(i) else {
        return html! {};
    };
    let marks = app.marks_under(&format!("services[{i}]"));
    let card_shown = app
        .open_sections
        .contains(&crate::ui::state::service_card_section(&service.id))
        || marks.has_errors();
    let deps = (
        i,
        app.scenario.services.len(),
        service.clone(),
        marks,
        card_shown.then_some(Always),
    );
    let app = app.clone();
    memo(deps, move || service_rows(&app, i))
}

/// A service's row group: the numbers planners change most, and under them
/// its full card when open (or when the card has a problem to fix).
fn service_rows(app: &AppHandle, i: usize) -> Html {
    let Some(service) = app.scenario.services.get(i) else {
        return html! {};
    };
    let count = app.scenario.services.len();
    let name_id = dom_id(&format!("services[{i}].name"));
    let heading = if service.name.trim().is_empty() {
        format!("Service {}", i + 1)
    } else {
        service.name.clone()
    };
    let section = crate::ui::state::service_card_section(&service.id);
    let open = app.open_sections.contains(&section);
    // The card's own inputs with a problem: shown, so the error summary's
    // link has a place to go.
    let card_error = ["ages", "role_mix"]
        .iter()
        .any(|k| app.error_for(&format!("services[{i}].{k}")).is_some())
        || service.role_mix.keys().any(|id| {
            app.error_for(&Field::RoleMix(i, id.clone()).path())
                .is_some()
        });
    let toggle = {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(Action::Ui(UiAction::ToggleSection {
                id: section.clone(),
                open: !open,
            }))
        })
    };
    let kind = service.workload.kind();
    let card_id = format!("{name_id}-card");
    html! {
        <tbody class="staff-table__role">
            <tr>
                { crate::ui::page::roles::name_cell(app, TextField::ServiceName(i), &service.name, format!("{heading}: Service name"), format!("{i}:0"), None) }
                { for ServiceField::COMMON.iter().enumerate().map(|(c, f)| {
                    crate::ui::page::roles::number_cell(app, &Field::Service(i, *f), &format!("{heading}: {}", f.spec().label), format!("{i}:{}", c + 1), None)
                }) }
                <td class="services-table__workload">
                    <span class="muted">{kind.label()}</span>
                    <div class="services-table__workload-cells">
                        { for ServiceField::workload_fields(&service.workload).iter().enumerate().map(|(k, f)| {
                            let label = f.spec().label;
                            html! {
                                <label class="services-table__workload-cell">
                                    <span class="services-table__workload-label" aria-hidden="true">{label}</span>
                                    { crate::ui::page::roles::cell_input(app, &Field::Service(i, *f), &format!("{heading}: {label}"), Some(format!("{i}:{}", 4 + k)), None) }
                                </label>
                            }
                        }) }
                    </div>
                </td>
                <td class="staff-table__actions">
                    <button type="button" class="button button--small button--secondary" onclick={toggle}
                        aria-expanded={(open || card_error).to_string()} aria-controls={card_id.clone()}
                        aria-label={format!("Full card of {heading}")} disabled={card_error}>{"Full card"}</button>
                    {card_actions(app, i, count, &heading)}
                </td>
            </tr>
            if open || card_error {
                <tr class="staff-table__details" id={card_id}>
                    <td colspan="6">{ service_card(app, i, &heading) }</td>
                </tr>
            }
        </tbody>
    }
}

/// A service's full card: who it serves, how its work is counted, the role
/// mix that delivers it, where its defaults come from and how it is
/// calculated (its numbers are in the table row above).
pub fn service_card(app: &AppHandle, i: usize, heading: &str) -> Html {
    let Some(service) = app.scenario.services.get(i).cloned() else {
        return html! {};
    };
    let name_id = dom_id(&format!("services[{i}].name"));
    html! {
        <article class="card" aria-labelledby={format!("{name_id}-heading")}>
            <div class="card__header">
                <h4 class="card__title" id={format!("{name_id}-heading")}>{heading.to_string()}</h4>
            </div>
            {ages_fieldset(app, i, &service)}
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
        let (app, move_item) = (app.clone(), item.move_item);
        Callback::from(move |_| app.dispatch(Action::Edit(move_item(i, up))))
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
            <p class="field__hint">{"Its numbers are in the table above."}</p>
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
