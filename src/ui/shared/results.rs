//! The results on screen, as the page and the panels both read them: the
//! scenario they came from, and the draws of their uncertainty band.

use yew::prelude::*;

use crate::model::Scenario;
use crate::ui::AppHandle;

/// Draws for the headline's uncertainty band: enough for stable 10th/90th
/// percentiles, quick enough to rerun on every keystroke.
pub const BAND_DRAWS: u32 = 2_000;
pub const BAND_SEED: u64 = 2024;

/// The scenario the results on screen came from: what the user typed when
/// it is valid, else the last valid scenario (the results are then marked
/// stale). An explanation never explains inputs the results do not use.
pub fn explained(app: &AppHandle) -> &Scenario {
    match (&app.results_scenario, app.stale) {
        (Some(last_good), true) => last_good,
        _ => &app.scenario,
    }
}

/// "Not your staff. Staff in post are Example place's illustrative figures,
/// not Leeds's: enter or import yours" beside the headline (and printed with
/// it), with a link to the staff in post; in presentation mode without the
/// link (the page is behind the overlay).
pub fn staff_warning(sentence: &str, link: bool) -> Html {
    html! {
        <p class="staff-warning" id={if link { "staff-warning" } else { "present-staff-warning" }}>
            <strong>{"Not your staff. "}</strong>{sentence.to_string()}
            if link { {" "}<a href="#staff">{"Go to staff in post"}</a> }
        </p>
    }
}
