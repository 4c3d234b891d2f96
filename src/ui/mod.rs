//! The Yew app. [`state`] holds the one reducer; [`hooks`] the persistence
//! and browser glue; [`components`] small views that read the app state and
//! dispatch [`state::Action`]s.

pub mod app;
pub mod bridge;
pub mod components;
pub mod extras_app;
pub mod hooks;
#[cfg(target_arch = "wasm32")]
pub mod recovery;
pub mod state;

pub use app::App;

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

/// Render the app into `#app` if the page has one, else into `<body>`.
pub fn mount() {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(host) => {
            host.set_inner_html("");
            yew::Renderer::<App>::with_root(host).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
