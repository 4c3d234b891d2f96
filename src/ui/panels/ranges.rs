//! Uncertainty ranges: a low and a high value for the inputs the user is
//! unsure of, in the projection card; they give the headline its 10th-90th
//! band.

use yew::prelude::*;

use crate::format;
use crate::model::field::{Field, ProjectionField, Unit};
use crate::ui::runtime::bridge::{use_panel_dispatch, PanelAction, PanelDispatch};
use crate::ui::{dom_id, use_app};

fn show(value: f64, unit: Unit) -> String {
    format::input_text(value, unit)
}

/// Uncertainty ranges: in the panels module, loaded when the projection
/// panel is first opened.
#[function_component(RangesEditor)]
pub fn ranges_editor() -> Html {
    let app = use_app();
    let to_page = use_panel_dispatch();
    let choice = use_state(String::new);
    let candidates: Vec<(String, String)> = Field::all(&app.scenario)
        .into_iter()
        .filter(|f| f.can_have_range() && !matches!(f, Field::Projection(ProjectionField::Years)))
        .filter_map(|f| {
            let key = f.key(&app.scenario)?;
            (!app.scenario.ranges.contains_key(&key)).then(|| (key, f.full_label(&app.scenario)))
        })
        .collect();
    let on_choice = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            choice.set(select.value());
        })
    };
    let add = {
        let (app, to_page) = (app.clone(), to_page.clone());
        let choice = choice.clone();
        Callback::from(move |_| {
            let key = (*choice).clone();
            if let Some(field) = Field::from_key(&app.scenario, &key) {
                let v = field.get(&app.scenario).unwrap_or(0.0);
                let (mut low, mut high) = (v * 0.8, v * 1.2);
                if field.is_fraction() {
                    low = low.clamp(0.0, 1.0);
                    high = high.clamp(0.0, 1.0);
                }
                to_page.send(PanelAction::SetRange {
                    key,
                    range: Some([low.min(high), low.max(high)]),
                });
                choice.set(String::new());
            }
        })
    };
    html! {
        <fieldset class="fieldset" id="ranges">
            <legend>{"Uncertainty ranges (optional)"}</legend>
            <p class="field__hint">{"Give a low and high value for the inputs you are unsure of. The headline then shows the 10th to 90th percentile of 2,000 simulated draws (a triangular distribution peaking at your value)."}</p>
            if app.scenario.ranges.is_empty() {
                <p class="muted">{"No ranges set: the results are a single point estimate."}</p>
            }
            <ul class="ranges">
                { for app.scenario.ranges.iter().map(|(key, range)| html! {
                    <RangeRow key={key.clone()} range_key={key.clone()} low={range[0]} high={range[1]} />
                }) }
            </ul>
            <div class="inline-form">
                <div class="field">
                    <label class="field__label" for="range-choice">{"Add a range for"}</label>
                    <select class="field__select" id="range-choice" onchange={on_choice}>
                        <option value="" selected={choice.is_empty()}>{"Choose an input…"}</option>
                        { for candidates.iter().map(|(k, label)| html! {
                            <option value={k.clone()} selected={*choice == *k}>{label.clone()}</option>
                        }) }
                    </select>
                </div>
                <button type="button" class="button button--secondary" onclick={add} disabled={choice.is_empty()}>{"Add range"}</button>
            </div>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct RangeRowProps {
    range_key: String,
    low: f64,
    high: f64,
}

/// Low and high inputs for one range; typed text is kept locally until it
/// parses, so a half-typed number is never lost.
#[function_component(RangeRow)]
fn range_row(props: &RangeRowProps) -> Html {
    let app = use_app();
    let to_page = use_panel_dispatch();
    let field = Field::from_key(&app.scenario, &props.range_key);
    let unit = field.as_ref().map(|f| f.unit()).unwrap_or(Unit::Count);
    let label = field
        .as_ref()
        .map(|f| f.full_label(&app.scenario))
        .unwrap_or_else(|| format!("{} (not in this scenario)", props.range_key));
    let (props_low, props_high) = (props.low, props.high);
    let low_text = use_state(|| show(props.low, unit));
    let high_text = use_state(|| show(props.high, unit));
    let local_error = use_state(|| None::<String>);
    // A range replaced from outside (another scenario opened, a share link)
    // shows its new values; a half-typed number that still means the same
    // value is left alone.
    {
        let (low_text, high_text) = (low_text.clone(), high_text.clone());
        use_effect_with((props.low.to_bits(), props.high.to_bits()), move |_| {
            if format::parse_input(&low_text, unit).ok() != Some(props_low) {
                low_text.set(show(props_low, unit));
            }
            if format::parse_input(&high_text, unit).ok() != Some(props_high) {
                high_text.set(show(props_high, unit));
            }
        });
    }
    let path = format!("ranges.{}", props.range_key);
    let model_error = app.error_for(&path);
    let error = (*local_error).clone().or(model_error);
    let id = dom_id(&path);

    let update = |is_low: bool| {
        let to_page = to_page.clone();
        let key = props.range_key.clone();
        let (low_text, high_text, local_error) =
            (low_text.clone(), high_text.clone(), local_error.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            let (lt, ht) = if is_low {
                (text.clone(), (*high_text).clone())
            } else {
                ((*low_text).clone(), text.clone())
            };
            if is_low {
                low_text.set(text)
            } else {
                high_text.set(text)
            }
            match (
                format::parse_input(&lt, unit),
                format::parse_input(&ht, unit),
            ) {
                (Ok(l), Ok(h)) => {
                    local_error.set(None);
                    send_range(&to_page, &key, [l, h]);
                }
                (Err(e), _) => local_error.set(Some(format!("Low: {e}"))),
                (_, Err(e)) => local_error.set(Some(format!("High: {e}"))),
            }
        })
    };
    let remove = {
        let to_page = to_page.clone();
        let key = props.range_key.clone();
        Callback::from(move |_| {
            to_page.send(PanelAction::SetRange {
                key: key.clone(),
                range: None,
            })
        })
    };
    let suffix = if unit == Unit::Percent { " (%)" } else { "" };
    html! {
        <li class={classes!("range-row", error.is_some().then_some("field--error"))}>
            <span class="range-row__label" id={format!("{id}-label")}>{label.clone()}</span>
            if let Some(e) = &error { <p class="field__error" id={format!("{id}-error")}>{e}</p> }
            <div class="inline-form">
                <div class="field field--compact">
                    <label class="field__label" for={id.clone()}>{format!("Low{suffix}")}</label>
                    <input class="field__input" id={id.clone()} type="text" inputmode="decimal" value={(*low_text).clone()}
                        oninput={update(true)} aria-describedby={format!("{id}-label")} aria-invalid={error.is_some().then_some("true")} />
                </div>
                <div class="field field--compact">
                    <label class="field__label" for={format!("{id}-high")}>{format!("High{suffix}")}</label>
                    <input class="field__input" id={format!("{id}-high")} type="text" inputmode="decimal" value={(*high_text).clone()}
                        oninput={update(false)} aria-describedby={format!("{id}-label")} aria-invalid={error.is_some().then_some("true")} />
                </div>
                <button type="button" class="button button--small button--warning" onclick={remove}
                    aria-label={format!("Remove the range for {label}")}>{"Remove"}</button>
            </div>
        </li>
    }
}

fn send_range(to_page: &PanelDispatch, key: &str, range: [f64; 2]) {
    to_page.send(PanelAction::SetRange {
        key: key.to_string(),
        range: Some(range),
    });
}
