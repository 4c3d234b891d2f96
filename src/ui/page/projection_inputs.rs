//! The ten-year view: years, demand growth and retention improvement. The
//! optional uncertainty ranges that give the headline its 10th-90th band are
//! a panel in it (`crate::ui::panels::ranges`).

use yew::prelude::*;

use crate::model::field::{Field, ProjectionField};
use crate::ui::page::number_field::number_field;
use crate::ui::runtime::panel_host::{Panel, PanelHost, Trigger};
use crate::ui::shared::memo::memo;
use crate::ui::AppHandle;

/// Rendered again only when what it shows changed: the projection's
/// inputs, their typed text and problems, and the inputs the host page
/// locked (the ranges' panel follows the app state by itself).
pub fn projection_inputs(app: &AppHandle) -> Html {
    let deps = (
        app.scenario.projection.clone(),
        app.marks_under("projection"),
    );
    let app = app.clone();
    memo(deps, move || projection_section(&app))
}

fn projection_section(app: &AppHandle) -> Html {
    html! {
        <details class="panel">
            <summary class="panel__summary"><h3 class="panel__title">{"Ten-year projection and uncertainty"}</h3></summary>
            <p class="panel__intro">{"Supply each year = last year's staff x (1 - leaver rate) + joiners. Better retention lowers every role's leaver rate; demand grows each year."}</p>
            <div class="grid-3">
                { for ProjectionField::ALL.iter().map(|f| html! { { number_field(app, &Field::Projection(*f), None, false) } }) }
            </div>
            // The ranges editor loads when this panel is first opened.
            <PanelHost panel={Panel::Ranges} id="ranges-host"
                trigger={Trigger::Near("Show the uncertainty ranges".into())} />
        </details>
    }
}
