//! Working time: the WISN available working time per WTE, shown as the user
//! types.

use yew::prelude::*;

use crate::format;
use crate::model::compute::hours;
use crate::model::field::{Field, WorkingTimeField};
use crate::ui::page::number_field::number_field;
use crate::ui::shared::memo::memo;
use crate::ui::AppHandle;

/// Rendered again only when what it shows changed: the working time, its
/// inputs' typed text and problems, and the inputs the host page locked.
pub fn working_time_inputs(app: &AppHandle) -> Html {
    let deps = (
        app.scenario.working_time.clone(),
        app.marks_under("working_time"),
    );
    let app = app.clone();
    memo(deps, move || working_time_section(&app))
}

fn working_time_section(app: &AppHandle) -> Html {
    let h = hours(&app.scenario.working_time);
    let show = |v: f64| {
        if v.is_finite() {
            format::number(v, 1)
        } else {
            "–".to_string()
        }
    };
    html! {
        <details class="panel">
            <summary class="panel__summary"><h3 class="panel__title">{"Working time"}</h3></summary>
            <p class="panel__intro">{"How many hours one whole-time equivalent (WTE) can give to patients in a year, after leave, training, sickness and non-clinical work (WISN available working time)."}</p>
            <p class="panel__intro">{"These hours move only the services counted in contacts (minutes per contact). Caseload and bed-based services are set by caseload per WTE and WTE per bed: allow for sickness and non-clinical time there."}</p>
            <div class="grid-2">
                { for WorkingTimeField::ALL.iter().map(|f| html! { { number_field(app, &Field::WorkingTime(*f), None, false) } }) }
            </div>
            <dl class="computed-list" aria-live="polite">
                <div id="f-working_time-days_available" tabindex="-1">
                    <dt>{"Days available"}</dt><dd>{show(h.days_available)}</dd>
                </div>
                <div>
                    <dt>{"Available hours per WTE"}</dt><dd>{show(h.available_hours)}</dd>
                </div>
                <div id="f-working_time-clinical_hours" tabindex="-1">
                    <dt>{"Clinical hours per WTE"}</dt><dd>{show(h.clinical_hours)}</dd>
                </div>
            </dl>
        </details>
    }
}
