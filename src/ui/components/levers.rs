//! A few big sliders for a room to move together: the answer changes as
//! people watch. Each lever is the same scenario field as its form input.

use yew::prelude::*;

use crate::format;
use crate::model::field::{Field, ProjectionField, WorkingTimeField};
use crate::ui::state::{Action, Edit, UiAction};
use crate::ui::AppHandle;

/// A lever: a field and the slider's range, in stored units.
pub struct Lever {
    pub field: Field,
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

/// The levers, in the panel's order: the first place's need index, then
/// inputs of the whole scenario. A host page's `lock=all-but-levers`
/// (`ui::host_options`) leaves these free, the need index of every place.
pub static LEVERS: [Lever; 5] = [
    Lever {
        field: Field::NeedIndex(0),
        min: 0.5,
        max: 2.0,
        step: 0.05,
    },
    Lever {
        field: Field::WorkingTime(WorkingTimeField::SicknessRate),
        min: 0.0,
        max: 0.15,
        step: 0.005,
    },
    Lever {
        field: Field::WorkingTime(WorkingTimeField::NonClinicalShare),
        min: 0.1,
        max: 0.6,
        step: 0.01,
    },
    Lever {
        field: Field::Projection(ProjectionField::DemandGrowth),
        min: -0.02,
        max: 0.1,
        step: 0.002,
    },
    Lever {
        field: Field::Projection(ProjectionField::RetentionImprovement),
        min: 0.0,
        max: 0.5,
        step: 0.01,
    },
];

pub fn levers_panel(app: &AppHandle) -> Html {
    html! {
        <details class="levers" open=true>
            <summary><h3 class="levers__title">{"Levers"}</h3></summary>
            <p class="levers__intro">{"Move a lever to see the answer change. Each is the same input as in the form."}</p>
            <button type="button" class="button button--secondary levers__present" onclick={
                let app = app.clone();
                Callback::from(move |_| app.dispatch(Action::Ui(UiAction::Present(true))))
            }>{"Presentation mode (P)"}</button>
            <div class="levers__grid">
            { for LEVERS.iter().map(|lever| {
                let value = lever.field.get(&app.scenario).unwrap_or(lever.min);
                let id = format!("lever-{}", lever.field.name());
                let oninput = {
                    let app = app.clone();
                    let field = lever.field.clone();
                    Callback::from(move |e: InputEvent| {
                        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                        if let Some(v) = format::parse_decimal(&input.value()) {
                            app.dispatch(Action::Edit(Edit::SetValue { field: field.clone(), value: v }));
                        }
                    })
                };
                let text = lever.field.unit().short_text(value);
                html! {
                    <div class="lever">
                        <label for={id.clone()} class="lever__label">
                            {lever.field.full_label(&app.scenario)}
                            <output class="lever__value" for={id.clone()}>{text.clone()}</output>
                        </label>
                        <input type="range" id={id} class="lever__input"
                            min={format::plain(lever.min, 6)} max={format::plain(lever.max, 6)} step={format::plain(lever.step, 6)}
                            value={format::plain(value.clamp(lever.min, lever.max), 6)}
                            disabled={app.is_locked(&lever.field)}
                            aria-valuetext={text} {oninput} />
                    </div>
                }
            }) }
            </div>
        </details>
    }
}
