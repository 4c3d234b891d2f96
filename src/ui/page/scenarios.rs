//! Scenarios: start from a built-in or a blank one, save under a name,
//! rename, duplicate, delete and open. Comparing two side by side is a
//! panel (`crate::ui::panels::compare`).

use yew::prelude::*;

use crate::model::examples::{builtin, builtin_titles};
use crate::model::Scenario;
use crate::ui::shared::confirm::confirm;
use crate::ui::state::{Action, LibraryAction, Notice, NoticeKind, Origin};
use crate::ui::{use_app, AppHandle};

fn load(app: &AppHandle, scenario: Scenario, text: String) {
    app.dispatch(Action::Library(LibraryAction::Load {
        scenario: Box::new(scenario),
        origin: Origin::Local,
        notice: Some(Notice {
            kind: NoticeKind::Success,
            text,
        }),
    }));
}

#[function_component(ScenarioManager)]
pub fn scenario_manager() -> Html {
    let app = use_app();
    let save_name = use_state(String::new);

    let on_start = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let choice = select.value();
            select.set_value("");
            if choice.is_empty() {
                return;
            }
            if !confirm(
                "Replace the scenario you are editing? Save it first if you want to keep it.",
            ) {
                return;
            }
            if choice == "blank" {
                load(&app, Scenario::blank(), "Started a blank scenario.".into());
            } else if let Some(b) = builtin(&choice) {
                load(
                    &app,
                    b.scenario,
                    format!("Opened the built-in scenario \"{}\".", b.title),
                );
            }
        })
    };
    let on_save_name = {
        let save_name = save_name.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            save_name.set(input.value());
        })
    };
    let on_save = {
        let app = app.clone();
        let save_name = save_name.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            app.dispatch(Action::Library(LibraryAction::SaveAs {
                name: (*save_name).clone(),
                saved_at: crate::ui::hooks::saved_at_now(),
            }));
            save_name.set(String::new());
        })
    };

    html! {
        <details class="panel" open=true>
            <summary class="panel__summary"><h3 class="panel__title">{"Scenarios"}</h3></summary>
            <div class="grid-2">
                <div class="field">
                    <label class="field__label" for="start-from">{"Start from"}</label>
                    <div class="field__hint" id="start-from-hint">{"A built-in example (three sizes of place) or a blank scenario. Asks before replacing your work."}</div>
                    <select class="field__select" id="start-from" onchange={on_start} aria-describedby="start-from-hint">
                        <option value="" selected=true>{"Choose…"}</option>
                        { for builtin_titles().map(|(id, title)| html! { <option value={id}>{title}</option> }) }
                        <option value="blank">{"Blank scenario"}</option>
                    </select>
                </div>
                <form class="field" onsubmit={on_save}>
                    <label class="field__label" for="save-name">{"Save this scenario as"}</label>
                    <div class="field__hint" id="save-name-hint">{"Kept in this browser only. Leave empty to use the scenario's name."}</div>
                    <div class="inline-form">
                        <input class="field__input" id="save-name" type="text" value={(*save_name).clone()}
                            oninput={on_save_name} aria-describedby="save-name-hint" placeholder={app.scenario.name.clone()} />
                        <button type="submit" class="button">{"Save"}</button>
                    </div>
                </form>
            </div>
            { library(&app) }
        </details>
    }
}

fn library(app: &AppHandle) -> Html {
    if app.library.is_empty() {
        return html! { <p class="muted">{"No saved scenarios yet."}</p> };
    }
    let rows = app.library.iter().enumerate().map(|(i, entry)| {
        let open = {
            let app = app.clone();
            let entry = entry.clone();
            Callback::from(move |_| {
                if confirm(&format!("Open \"{}\"? Unsaved changes to the scenario you are editing will be replaced.", entry.name)) {
                    load(&app, entry.scenario.clone(), format!("Opened \"{}\".", entry.name));
                }
            })
        };
        let rename = {
            let app = app.clone();
            let old = entry.name.clone();
            Callback::from(move |_| {
                if let Ok(Some(name)) = gloo::utils::window().prompt_with_message_and_default("New name", &old) {
                    app.dispatch(Action::Library(LibraryAction::RenameSaved { index: i, name }));
                }
            })
        };
        let duplicate = {
            let app = app.clone();
            Callback::from(move |_| app.dispatch(Action::Library(LibraryAction::DuplicateSaved(i))))
        };
        let delete = {
            let app = app.clone();
            let name = entry.name.clone();
            Callback::from(move |_| {
                if confirm(&format!("Delete the saved scenario \"{name}\"? This cannot be undone.")) {
                    app.dispatch(Action::Library(LibraryAction::DeleteSaved(i)));
                }
            })
        };
        let n = &entry.name;
        html! {
            <li class="library__item">
                <span class="library__name">{n}</span>
                if !entry.saved_at.is_empty() { <span class="muted">{format!(" saved {}", entry.saved_at)}</span> }
                <span class="library__actions">
                    <button type="button" class="button button--small" onclick={open} aria-label={format!("Open {n}")}>{"Open"}</button>
                    <button type="button" class="button button--small button--secondary" onclick={rename} aria-label={format!("Rename {n}")}>{"Rename"}</button>
                    <button type="button" class="button button--small button--secondary" onclick={duplicate} aria-label={format!("Duplicate {n}")}>{"Duplicate"}</button>
                    <button type="button" class="button button--small button--warning" onclick={delete} aria-label={format!("Delete {n}")}>{"Delete"}</button>
                </span>
            </li>
        }
    });
    html! {
        <>
            <h4>{"Saved in this browser"}</h4>
            <ul class="library">{ for rows }</ul>
            if app.library.len() >= 2 {
                <p><a href="#compare">{"Compare two saved scenarios"}</a></p>
            }
        </>
    }
}
