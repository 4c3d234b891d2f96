//! How the page and the panels module meet, and what the app shows the
//! outside world. Code here ships in the module that calls it:
//!
//! - [`bridge`]: what the two say to each other (the page's state as a panel
//!   mirrors it, a panel's changes), in both;
//! - [`panel_host`]: on the page, where a panel goes and the loader that
//!   imports the panels module;
//! - [`panel_app`]: in the panels module, its entry: one Yew app per panel
//!   over the mirror (`src/bin/panels.rs` publishes it);
//! - [`host_options`]: what a host page asks for (pure), in both;
//! - [`embed`]: in the panels module, the embed bridge (a host page's
//!   messages);
//! - [`js_api`]: in the panels module, `window.workforceGap`;
//! - [`recovery`]: in both, the message and autosave after a panic.

pub mod bridge;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod host_options;
#[cfg(target_arch = "wasm32")]
pub mod js_api;
pub mod panel_app;
pub mod panel_host;
#[cfg(target_arch = "wasm32")]
pub mod recovery;
