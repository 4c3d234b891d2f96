//! Presentation mode, for a facilitator at a projector (panels module,
//! loaded the first time the mode is turned on): the headline figures very
//! large beside a frozen baseline, one chart, and the levers that move the
//! answer most as large sliders. Keyboard driven; nothing scrolls.
//!
//! Keys (also on screen, and in full on "?"): arrows move the focused lever,
//! Tab goes to the next; P or Escape leaves; R goes back to the baseline;
//! A, B, C mark the current state the first time and show it after (Shift
//! marks again); F is full screen.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::format;
use crate::model::examples::borrowed_staff;
use crate::model::field::{Field, ProjectionField, RoleField, Unit};
use crate::model::sensitivity::sensitivity;
use crate::model::{Results, Scenario};
use crate::ui::hooks::use_one_frame_behind;
use crate::ui::runtime::bridge::{use_panel_dispatch, PanelAction, PanelDispatch};
use crate::ui::shared::charts::{projection_chart, ProjectionChartProps, ProjectionPoint};
use crate::ui::shared::results::staff_warning;
use crate::ui::state::{Notice, NoticeKind, Origin};
use crate::ui::{use_app, AppHandle};

/// A lever on the projector: an input and its slider's range, in stored
/// units, fixed from the baseline so the range does not move as it is used.
#[derive(Clone, Debug, PartialEq)]
pub struct PresentationLever {
    pub field: Field,
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

/// How many of the model's most sensitive inputs become levers.
pub const SENSITIVE_LEVERS: usize = 4;

/// The levers for a scenario: the four inputs that move the answer most
/// (the model's sensitivity run), then target coverage (of the service that
/// needs most staff), retention improvement, the first place's need index,
/// and the decade plan's (MODEL.md section 8): years to reach target
/// coverage, and extra training places and international recruits for the
/// role with the largest gap, each once.
pub fn presentation_levers(scenario: &Scenario, results: &Results) -> Vec<PresentationLever> {
    let mut fields: Vec<Field> = sensitivity(scenario)
        .iter()
        .filter_map(|row| Field::from_key(scenario, &row.key))
        .filter(|f| !matches!(f, Field::Projection(ProjectionField::Years)))
        .take(SENSITIVE_LEVERS)
        .collect();
    let biggest_service = results
        .services
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.required_wte.total_cmp(&b.1.required_wte))
        .map(|(i, _)| i);
    let mut extra = Vec::new();
    if let Some(i) = biggest_service {
        extra.push(Field::Service(
            i,
            crate::model::field::ServiceField::TargetCoverage,
        ));
    }
    extra.push(Field::Projection(ProjectionField::RetentionImprovement));
    if !scenario.places.is_empty() {
        extra.push(Field::NeedIndex(0));
    }
    extra.push(Field::Projection(ProjectionField::RampYears));
    let largest_gap = results
        .roles
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.gap_wte.total_cmp(&b.1.gap_wte))
        .map(|(i, _)| i);
    if let Some(r) = largest_gap {
        extra.push(Field::Role(r, RoleField::ExtraPlacesPerYear));
        extra.push(Field::Role(r, RoleField::InternationalPerYear));
    }
    for f in extra {
        if !fields.contains(&f) {
            fields.push(f);
        }
    }
    fields
        .into_iter()
        .filter_map(|field| {
            let value = field.get(scenario)?;
            let (min, max) = match (&field, field.unit()) {
                (Field::NeedIndex(_), _) => (0.5, 2.0),
                (Field::Projection(ProjectionField::RetentionImprovement), _) => (0.0, 0.5),
                (Field::Projection(ProjectionField::RampYears), _) => {
                    (0.0, scenario.projection.years as f64)
                }
                // Up to the places (or recruits) that would close the
                // role's whole gap in a year, and at least 20.
                (
                    Field::Role(r, RoleField::ExtraPlacesPerYear | RoleField::InternationalPerYear),
                    _,
                ) => {
                    let gap = results.roles.get(*r).map_or(0.0, |x| x.gap_wte);
                    (0.0, (value * 2.0).max(gap.ceil()).max(20.0))
                }
                (_, Unit::Percent) => (
                    (value * 0.5).max(0.0),
                    (value * 1.5).max(value + 0.05).min(1.0),
                ),
                _ if value > 0.0 => (value * 0.5, value * 1.5),
                _ => (0.0, 1.0),
            };
            // Whole years and whole places move a step of one.
            let whole = matches!(
                field,
                Field::Projection(ProjectionField::RampYears)
                    | Field::Role(
                        _,
                        RoleField::ExtraPlacesPerYear | RoleField::InternationalPerYear
                    )
            );
            Some(PresentationLever {
                field,
                min,
                max,
                step: if whole { 1.0 } else { (max - min) / 100.0 },
            })
        })
        .collect()
}

/// The lever's value as the room reads it.
fn value_text(field: &Field, value: f64) -> String {
    field.unit().short_text(value)
}

/// "+37.9" / "-2.0" / "no change".
fn change(now: f64, then: f64) -> String {
    let d = now - then;
    if d.abs() < 0.05 {
        "no change".to_string()
    } else if d > 0.0 {
        format!("+{}", format::wte(d))
    } else {
        format!("-{}", format::wte(-d))
    }
}

const LETTERS: [&str; 3] = ["A", "B", "C"];

#[derive(Clone, PartialEq)]
struct Baseline {
    scenario: Rc<Scenario>,
    results: Rc<Results>,
}

#[function_component(Presentation)]
pub fn presentation() -> Html {
    let app = use_app();
    let to_page = use_panel_dispatch();
    let baseline = use_state(|| {
        app.results_scenario
            .clone()
            .zip(app.results.clone())
            .map(|(scenario, results)| Baseline { scenario, results })
    });
    let marks = use_state(|| [None::<Rc<Scenario>>, None, None]);
    let show_keys = use_state(|| false);
    let root = use_node_ref();
    let levers = use_memo((*baseline).clone(), |b| match b {
        Some(b) => presentation_levers(&b.scenario, &b.results),
        None => Vec::new(),
    });

    // Each time the mode is shown: the first lever takes the focus.
    {
        let root = root.clone();
        use_effect_with(app.presenting, move |on| {
            if *on {
                if let Some(el) = root.cast::<web_sys::Element>() {
                    let target = el
                        .query_selector("input[type=range]")
                        .ok()
                        .flatten()
                        .unwrap_or(el);
                    if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
                        let _ = target.focus();
                    }
                }
            }
        });
    }

    let onkeydown = {
        let (app, to_page, baseline, marks, show_keys, root) = (
            app.clone(),
            to_page.clone(),
            baseline.clone(),
            marks.clone(),
            show_keys.clone(),
            root.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            if e.ctrl_key() || e.meta_key() || e.alt_key() {
                return;
            }
            let key = e.key();
            match key.as_str() {
                "p" | "P" | "Escape" => to_page.send(PanelAction::Present(false)),
                "r" | "R" => {
                    if let Some(b) = &*baseline {
                        load(&to_page, &b.scenario, "Back to the baseline.");
                    }
                }
                "f" | "F" => toggle_full_screen(&root),
                "?" => show_keys.set(!*show_keys),
                k => {
                    let Some(i) = LETTERS.iter().position(|l| l.eq_ignore_ascii_case(k)) else {
                        return;
                    };
                    mark_or_show(&app, &to_page, &marks, i, e.shift_key());
                }
            }
            e.prevent_default();
        })
    };

    // The chart repaints one frame after the figures: a lever's own frame
    // carries the numbers the room is watching.
    let points = use_one_frame_behind(
        app.results
            .iter()
            .flat_map(|r| &r.projection)
            .map(ProjectionPoint::of_system)
            .collect::<Vec<_>>(),
    );

    let (Some(results), Some(scenario)) = (app.results.clone(), app.results_scenario.clone())
    else {
        return html! { <p>{"Results appear here once the inputs have no problems."}</p> };
    };
    html! {
        <div class="present" ref={root} tabindex="-1" {onkeydown}
            role="region" aria-label="Presentation mode">
            { top_bar(&app, &to_page, &scenario, &marks, &show_keys) }
            if let Some(borrowed) = borrowed_staff(&scenario) {
                { staff_warning(&borrowed.sentence, false) }
            }
            <div class="present__body">
                { figures(&results, baseline.as_ref(), app.stale) }
                <div class="present__chart">
                    { projection_chart(&yew::props!(ProjectionChartProps {
                        title: AttrValue::from(format!("Required WTE and supply over {} years", scenario.projection.years)),
                        id: AttrValue::from("present-chart"),
                        points: points.to_vec(),
                    })) }
                </div>
            </div>
            <div class="present__levers">
                { for levers.iter().map(|l| lever(&app, &to_page, l)) }
            </div>
            if *show_keys { { key_list() } }
        </div>
    }
}

fn load(to_page: &PanelDispatch, scenario: &Scenario, text: &str) {
    to_page.send(PanelAction::Load {
        scenario: Box::new(scenario.clone()),
        origin: Origin::Local,
        notice: (!text.is_empty()).then(|| Notice {
            kind: NoticeKind::Info,
            text: text.to_string(),
        }),
    });
}

/// A, B or C: mark the current state if the letter is free (or `again`),
/// else show the marked state.
fn mark_or_show(
    app: &AppHandle,
    to_page: &PanelDispatch,
    marks: &UseStateHandle<[Option<Rc<Scenario>>; 3]>,
    i: usize,
    again: bool,
) {
    match (&marks[i], again) {
        (Some(marked), false) => load(to_page, marked, &format!("Showing {}.", LETTERS[i])),
        _ => {
            let mut next = (**marks).clone();
            next[i] = Some(app.scenario.clone());
            marks.set(next);
        }
    }
}

fn toggle_full_screen(root: &NodeRef) {
    let document = gloo::utils::document();
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(el) = root.cast::<web_sys::Element>() {
        // The page's host element: the whole overlay fills the screen.
        let target = el.parent_element().unwrap_or(el);
        let _ = target.request_fullscreen();
    }
}

fn top_bar(
    app: &AppHandle,
    to_page: &PanelDispatch,
    scenario: &Scenario,
    marks: &UseStateHandle<[Option<Rc<Scenario>>; 3]>,
    show_keys: &UseStateHandle<bool>,
) -> Html {
    let exit = {
        let to_page = to_page.clone();
        Callback::from(move |_| to_page.send(PanelAction::Present(false)))
    };
    let keys = {
        let show_keys = show_keys.clone();
        Callback::from(move |_| show_keys.set(!*show_keys))
    };
    let save = {
        let (app, to_page, marks) = (app.clone(), to_page.clone(), marks.clone());
        let name = scenario.name.clone();
        Callback::from(move |_| {
            let now = app.scenario.clone();
            for (i, marked) in marks.iter().enumerate() {
                if let Some(marked) = marked {
                    load(&to_page, marked, "");
                    to_page.send(PanelAction::SaveAs(format!("{name} ({})", LETTERS[i])));
                }
            }
            load(
                &to_page,
                &now,
                "Saved the marked states as scenarios in this browser.",
            );
        })
    };
    let any_marked = marks.iter().any(Option::is_some);
    html! {
        <div class="present__bar">
            <h2 class="present__title">{&scenario.name}</h2>
            <div class="present__marks" role="group" aria-label="Marked states">
                { for (0..3).map(|i| mark_button(app, to_page, marks, i)) }
            </div>
            if any_marked {
                <button type="button" class="present__button" onclick={save}>{"Save marked states"}</button>
            }
            <button type="button" class="present__button" onclick={keys} aria-expanded={show_keys.to_string()}>{"Keys (?)"}</button>
            <button type="button" class="present__button" onclick={exit}>{"Leave (P)"}</button>
            <p class="present__hint">{"Arrows move a lever · A B C mark and show · R baseline · F full screen · P leave · ? keys"}</p>
        </div>
    }
}

fn mark_button(
    app: &AppHandle,
    to_page: &PanelDispatch,
    marks: &UseStateHandle<[Option<Rc<Scenario>>; 3]>,
    i: usize,
) -> Html {
    let onclick = {
        let (app, to_page, marks) = (app.clone(), to_page.clone(), marks.clone());
        Callback::from(move |e: MouseEvent| mark_or_show(&app, &to_page, &marks, i, e.shift_key()))
    };
    let (label, current) = match &marks[i] {
        Some(m) => (format!("Show {}", LETTERS[i]), **m == *app.scenario),
        None => (format!("Mark {}", LETTERS[i]), false),
    };
    html! {
        <button type="button" class={classes!("present__mark", current.then_some("present__mark--current"))}
            aria-pressed={current.to_string()} {onclick}>{label}</button>
    }
}

fn figures(results: &Results, baseline: Option<&Baseline>, stale: bool) -> Html {
    let t = &results.total;
    let then = baseline.map(|b| &b.results.total);
    let since = |now: f64, before: Option<f64>, unit: &str| match before {
        Some(b) => format!(
            "When we started: {} {unit}. Now: {} ({})",
            format::wte(b),
            format::wte(now),
            change(now, b)
        ),
        None => String::new(),
    };
    html! {
        <div class={classes!("present__figures", stale.then_some("stale"))} aria-live="polite">
            <div class="present__figure present__figure--main">
                <p class="present__label">{"Extra WTE needed"}</p>
                <p class="present__number" id="present-extra-wte">{format::wte(t.extra_wte)}</p>
                <p class="present__since" id="present-since">{since(t.extra_wte, then.map(|b| b.extra_wte), "WTE")}</p>
            </div>
            <div class="present__figure">
                <p class="present__label">{"Extra cost a year"}</p>
                <p class="present__number present__number--small" id="present-extra-cost">{format::money_short(t.extra_cost)}</p>
                if let Some(b) = then {
                    <p class="present__since">{format!("When we started: {}", format::money_short(b.extra_cost))}</p>
                }
            </div>
            <div class="present__figure">
                <p class="present__label">{"People in need untreated today"}</p>
                <p class="present__number present__number--small">{format::people(t.untreated_today)}</p>
            </div>
            if stale {
                <p class="present__stale">{"Out of date: an input has a problem. Leave presentation mode to fix it."}</p>
            }
        </div>
    }
}

fn lever(app: &AppHandle, to_page: &PanelDispatch, lever: &PresentationLever) -> Html {
    let value = lever.field.get(&app.scenario).unwrap_or(lever.min);
    let id = format!("present-lever-{}", crate::ui::dom_id(&lever.field.path()));
    let oninput = {
        let (app, to_page, field) = (app.clone(), to_page.clone(), lever.field.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let key = field.key(&app.scenario);
            if let (Some(key), Some(value)) = (key, format::parse_decimal(&input.value())) {
                to_page.send(PanelAction::SetValue { key, value });
            }
        })
    };
    let text = value_text(&lever.field, value);
    html! {
        <div class="present__lever">
            <label for={id.clone()} class="present__lever-label">
                <span class="present__lever-name">
                    {lever.field.label()}
                    if let Some(of) = owner(&app.scenario, &lever.field) {
                        <span class="present__lever-of">{of}</span>
                    }
                </span>
                <output for={id.clone()} class="present__lever-value">{text.clone()}</output>
            </label>
            <input type="range" id={id} class="present__slider"
                min={format::plain(lever.min, 6)} max={format::plain(lever.max, 6)}
                step={format::plain(lever.step, 8)}
                value={format::plain(value.clamp(lever.min, lever.max), 6)}
                disabled={app.is_locked(&lever.field)}
                aria-valuetext={text} {oninput} />
        </div>
    }
}

/// Whose input a lever is: the service, role or place, for a second line.
fn owner(scenario: &Scenario, field: &Field) -> Option<String> {
    match field {
        Field::Service(i, _) | Field::RoleMix(i, _) => {
            scenario.services.get(*i).map(|s| s.name.clone())
        }
        Field::Role(i, _) => scenario.roles.get(*i).map(|r| r.name.clone()),
        Field::NeedIndex(i) | Field::Population(i, _) if scenario.places.len() > 1 => {
            scenario.places.get(*i).map(|p| p.name.clone())
        }
        _ => None,
    }
}

fn key_list() -> Html {
    html! {
        <div class="present__keys" role="dialog" aria-label="Keys">
            <h3>{"Keys"}</h3>
            <dl>
                <dt>{"Tab, Shift+Tab"}</dt><dd>{"next or previous lever"}</dd>
                <dt>{"Arrow keys"}</dt><dd>{"move the lever that has the focus"}</dd>
                <dt>{"A, B, C"}</dt><dd>{"mark this state the first time; show it after (Shift marks again)"}</dd>
                <dt>{"R"}</dt><dd>{"back to the baseline (when presentation mode began)"}</dd>
                <dt>{"F"}</dt><dd>{"full screen on or off"}</dd>
                <dt>{"P or Escape"}</dt><dd>{"leave presentation mode"}</dd>
                <dt>{"?"}</dt><dd>{"show or hide this list"}</dd>
            </dl>
        </div>
    }
}
