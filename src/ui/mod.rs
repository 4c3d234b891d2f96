//! The Yew app, laid out by the WebAssembly module its code ships in:
//!
//! - [`page`]: the first load (bin `workforce-gap`): the inputs, the
//!   results, the levers, and where each panel goes;
//! - [`panels`]: the panels module (bin `panels`), loaded the first time one
//!   of its panels is needed: analysis, the area picker, explanations,
//!   ranges, compare, share and export, embed snippet, sources, about and
//!   presentation mode;
//! - [`shared`]: views and helpers both modules use (the chart frame and the
//!   projection chart, how figures read, the levers' list);
//! - [`runtime`]: how the two meet: the loader on the page
//!   ([`runtime::panel_host`]), the panels module's entry
//!   ([`runtime::panel_app`]), what they say to each other
//!   ([`runtime::bridge`]), the host page's options, the embed bridge, the
//!   JavaScript API and the recovery message.
//!
//! [`state`] holds the one reducer and [`hooks`] the persistence and browser
//! glue, in both modules. Views read the app state ([`use_app`]) and
//! dispatch [`state::Action`]s (on the page) or send
//! [`runtime::bridge::PanelAction`]s (in a panel).
//!
//! Two kinds of view, on purpose:
//! - a view that keeps state of its own (an open/closed table, a memoised
//!   sensitivity or uncertainty run, a pending file, a chosen role) is a
//!   function component with hooks, reading the app from context
//!   ([`use_app`]) or taking its data as props. On the page:
//!   `ScenarioManager`, `ResultsBody`, `RoleTable`, `PanelHost` (which loads
//!   the panels module) and `ChartFigure` (the charts' data table toggle). In
//!   the panels module: `Analysis`, `WhatItTakes`, `RoleProjection`,
//!   `Tornado`, `ExplainPicker`, `CardExplanation`, `AreaPicker`,
//!   `CompareSection`, `ShareExport`, `SourcesPanel`, `RangesEditor` and its
//!   rows, `Presentation`, `EmbedSnippet` and the embed bridge;
//! - every other view is a plain function taking `&AppHandle` (or data),
//!   called from its parent: `area_inputs(&app, whole_page)`, `number_field(...)`,
//!   `service_rows(app, i)`, `role_rows(app, i, ..)`, `headline(...)`, and
//!   the charts (`projection_chart`, `supply_chart`, ...: plain data in, SVG
//!   out). Each function component type costs about 600 bytes gzip of Yew
//!   machinery in the WebAssembly, so the parts of the page that need not
//!   render again on every edit (a role's row, a service's row, a place's
//!   card, the working time, the projection's inputs, the whole page while
//!   presentation mode covers it) are wrapped by one generic component,
//!   [`shared::memo`], given the slice of the state each shows: on a
//!   keystroke only the edited part and the results render again.

pub mod hooks;
pub mod page;
pub mod panels;
pub mod runtime;
pub mod shared;
pub mod state;

pub use page::app::App;

use yew::prelude::*;

/// The app state handle every component reads and dispatches to.
pub type AppHandle = UseReducerHandle<state::AppState>;

/// The app state from context. Panics only if used outside [`App`], which is
/// a programming error caught by the component tests.
#[hook]
pub fn use_app() -> AppHandle {
    use_context::<AppHandle>().expect("components are rendered inside App")
}

/// The DOM id of the input for a validation path: `services[2].prevalence`
/// -> `f-services-2-prevalence`. Error-summary links point here.
pub fn dom_id(path: &str) -> String {
    let mut id = String::with_capacity(path.len() + 2);
    id.push_str("f-");
    for c in path.chars() {
        match c {
            '[' | '.' => id.push('-'),
            ']' => {}
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' => id.push(c),
            _ => id.push('_'),
        }
    }
    id
}

/// The custom element that mounts the app in a host page (`www/element.js`).
pub const ELEMENT_NAME: &str = "workforce-gap-calculator";
