//! Mental Health Workforce Gap Calculator.
//!
//! - [`model`]: the pure workforce-gap model (no browser imports).
//! - [`format`]: en-GB display formats and input parsing (pure).
//! - [`ui`]: the Yew app: turns user actions into scenario edits and results
//!   into views.
//! - [`io`]: pure encoders and decoders (share links, stored state, CSV, the
//!   areas' tables, the workbook).
//! - [`ui::runtime::js_api`]: `window.workforceGap` for pages that embed the
//!   calculator (in the panels module).

pub mod format;
pub mod io;
pub mod model;
pub mod ui;

/// Start the app in the page's `#app` element (or `<body>`), and publish the
/// JavaScript API (loaded when a script first asks for it).
pub fn start() {
    #[cfg(target_arch = "wasm32")]
    ui::runtime::recovery::install_panic_hook();
    #[cfg(target_arch = "wasm32")]
    ui::runtime::panel_host::publish_api_on_demand();
    #[cfg(all(target_arch = "wasm32", feature = "test-hooks"))]
    ui::runtime::js_api::install_test_hooks();
    ui::page::app::mount();
}
