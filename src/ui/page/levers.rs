//! A few big sliders for a room to move together: the answer changes as
//! people watch. Each lever is the same scenario field as its form input
//! ([`LEVERS`]).

use yew::prelude::*;

use crate::format;
use crate::ui::shared::levers::LEVERS;
use crate::ui::shared::memo::memo;
use crate::ui::state::{Action, Edit, UiAction};
use crate::ui::AppHandle;

/// The levers, rendered again only when one's value, label or lock changed
/// (most keystrokes change none of them).
pub fn levers_panel(app: &AppHandle) -> Html {
    let shown: Vec<_> = LEVERS
        .iter()
        .map(|lever| {
            (
                lever.field.get(&app.scenario),
                lever.field.full_label(&app.scenario),
                app.is_locked(&lever.field),
            )
        })
        .collect();
    let app = app.clone();
    memo(shown, move || levers_view(&app))
}

fn levers_view(app: &AppHandle) -> Html {
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
