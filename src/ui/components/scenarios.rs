//! Scenarios: start from a built-in or a blank one, save under a name,
//! rename, duplicate, delete, open, and compare two side by side.

use yew::prelude::*;

use crate::format;
use crate::model::examples::builtins;
use crate::model::{compute, validate, Results, Scenario};
use crate::ui::components::services::confirm;
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
            } else if let Some(b) = builtins().into_iter().find(|b| b.id == choice) {
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
                        { for builtins().into_iter().map(|b| html! { <option value={b.id}>{b.title}</option> }) }
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

/// Two saved scenarios side by side, full width below the calculator.
#[function_component(CompareSection)]
pub fn compare_section() -> Html {
    let app = use_app();
    // Chosen by name, so duplicating or deleting other entries never swaps
    // what is being compared.
    let compare = use_state(|| (None::<String>, None::<String>));
    if app.library.len() < 2 {
        return html! {};
    }
    let select = |which: bool| {
        let compare = compare.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let v = Some(select.value()).filter(|v| !v.is_empty());
            let (a, b) = (*compare).clone();
            compare.set(if which { (v, b) } else { (a, v) });
        })
    };
    let (a, b) = (*compare).clone();
    let options = |chosen: &Option<String>| {
        html! {
            <>
                <option value="" selected={chosen.is_none()}>{"Choose…"}</option>
                { for app.library.iter().map(|e| html! {
                    <option value={e.name.clone()} selected={chosen.as_deref() == Some(e.name.as_str())}>{&e.name}</option>
                }) }
            </>
        }
    };
    let find = |name: &Option<String>| {
        name.as_ref()
            .and_then(|n| app.library.iter().find(|e| &e.name == n))
    };
    let pair = find(&a).zip(find(&b));
    html! {
        <section class="panel panel--plain" id="compare" aria-labelledby="compare-heading">
            <h2 id="compare-heading">{"Compare two saved scenarios"}</h2>
            <div class="grid-2">
                <div class="field">
                    <label class="field__label" for="compare-a">{"Baseline"}</label>
                    <select class="field__select" id="compare-a" onchange={select(true)}>{options(&a)}</select>
                </div>
                <div class="field">
                    <label class="field__label" for="compare-b">{"Ambition"}</label>
                    <select class="field__select" id="compare-b" onchange={select(false)}>{options(&b)}</select>
                </div>
            </div>
            if let Some((x, y)) = pair {
                { compare_table(&x.scenario, &x.name, &y.scenario, &y.name) }
            }
        </section>
    }
}

/// One compared measure: label, the two values, how to show them.
struct Measure {
    label: String,
    a: f64,
    b: f64,
    show: fn(f64) -> String,
}

fn measures(sa: &Scenario, a: &Results, sb: &Scenario, b: &Results) -> Vec<Measure> {
    let mut out = vec![
        Measure {
            label: "Population".into(),
            a: sa.total_population().total(),
            b: sb.total_population().total(),
            show: format::people,
        },
        Measure {
            label: "People in need".into(),
            a: a.total.people_in_need,
            b: b.total.people_in_need,
            show: format::people,
        },
        Measure {
            label: "People to treat".into(),
            a: a.total.people_to_treat,
            b: b.total.people_to_treat,
            show: format::people,
        },
        Measure {
            label: "Untreated today".into(),
            a: a.total.untreated_today,
            b: b.total.untreated_today,
            show: format::people,
        },
        Measure {
            label: "Required WTE".into(),
            a: a.total.required_wte,
            b: b.total.required_wte,
            show: format::wte,
        },
        Measure {
            label: "In post WTE".into(),
            a: a.total.in_post_wte,
            b: b.total.in_post_wte,
            show: format::wte,
        },
        Measure {
            label: "Extra WTE needed".into(),
            a: a.total.extra_wte,
            b: b.total.extra_wte,
            show: format::wte,
        },
        Measure {
            label: "Extra cost a year".into(),
            a: a.total.extra_cost,
            b: b.total.extra_cost,
            show: format::money,
        },
        Measure {
            label: "Required WTE per 100,000".into(),
            a: a.total.required_wte_per_100k,
            b: b.total.required_wte_per_100k,
            show: format::wte,
        },
    ];
    let last = |r: &Results| r.projection.last().map(|p| p.gap_wte).unwrap_or(0.0);
    out.push(Measure {
        label: "Gap in the final projection year (WTE)".into(),
        a: last(a),
        b: last(b),
        show: format::wte,
    });
    // Roles present in either, by name.
    let mut names: Vec<(String, String)> = sa
        .roles
        .iter()
        .map(|r| (r.id.clone(), r.name.clone()))
        .collect();
    for r in &sb.roles {
        if !names.iter().any(|(id, _)| id == &r.id) {
            names.push((r.id.clone(), r.name.clone()));
        }
    }
    for (id, name) in names {
        let get = |res: &Results| {
            res.roles
                .iter()
                .find(|r| r.id == id)
                .map(|r| r.extra_wte)
                .unwrap_or(0.0)
        };
        out.push(Measure {
            label: format!("{name}: extra WTE"),
            a: get(a),
            b: get(b),
            show: format::wte,
        });
    }
    out
}

/// A plain view function, not a component: it has no hooks, and each
/// function component costs about 600 bytes gzip of Yew machinery.
pub fn compare_table(
    baseline: &Scenario,
    baseline_name: &str,
    ambition: &Scenario,
    ambition_name: &str,
) -> Html {
    let ea = validate(baseline);
    let eb = validate(ambition);
    if !ea.is_empty() || !eb.is_empty() {
        return html! { <p class="field__error">{"One of these saved scenarios has invalid inputs: open it to fix them before comparing."}</p> };
    }
    let ra = compute(baseline);
    let rb = compute(ambition);
    let rows = measures(baseline, &ra, ambition, &rb);
    html! {
        <div class="table-wrap" tabindex="0" role="region" aria-label="Scenario comparison (scrolls sideways)">
            <table class="table table--compare" id="compare-table">
                <caption>{format!("{ambition_name} compared with {baseline_name}")}</caption>
                <thead><tr>
                    <th scope="col">{"Measure"}</th>
                    <th scope="col" class="num">{baseline_name.to_string()}</th>
                    <th scope="col" class="num">{ambition_name.to_string()}</th>
                    <th scope="col" class="num">{"Difference"}</th>
                </tr></thead>
                <tbody>
                { for rows.iter().map(|m| {
                    let diff = m.b - m.a;
                    let changed = diff.abs() > 1e-9 * m.a.abs().max(1.0);
                    let diff_text = if changed {
                        let sign = if diff > 0.0 { "+" } else { "" };
                        format!("{sign}{}", (m.show)(diff))
                    } else {
                        "same".to_string()
                    };
                    html! {
                        <tr class={classes!(changed.then_some("changed"))}>
                            <th scope="row">{&m.label}</th>
                            <td class="num">{(m.show)(m.a)}</td>
                            <td class="num">{(m.show)(m.b)}</td>
                            <td class="num">
                                if changed { <strong>{diff_text}</strong> } else { {diff_text} }
                            </td>
                        </tr>
                    }
                }) }
                </tbody>
            </table>
        </div>
    }
}
