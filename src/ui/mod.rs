//! The Yew app. [`state`] holds the one reducer; [`hooks`] the persistence
//! and browser glue; [`components`] small views that read the app state and
//! dispatch [`state::Action`]s.

pub mod app;
pub mod bridge;
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
pub mod extras_app;
pub mod hooks;
pub mod host_options;
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

/// The address of one of the app's own files (`areas.tsv`): beside the page,
/// or, in a host page (`<workforce-gap-calculator>`), beside the app's
/// scripts, whose base `www/element.js` publishes as
/// `globalThis.workforceGapAssets.base`.
pub fn asset_url(name: &str) -> String {
    let base = js_sys::Reflect::get(&js_sys::global(), &"workforceGapAssets".into())
        .ok()
        .filter(|a| a.is_object())
        .and_then(|a| js_sys::Reflect::get(&a, &"base".into()).ok())
        .and_then(|b| b.as_string());
    match base {
        Some(base) => web_sys::Url::new_with_base(name, &base)
            .map(|u| u.href())
            .unwrap_or_else(|_| name.to_string()),
        None => name.to_string(),
    }
}

/// Fetch one of the app's own files ([`asset_url`]) as text, or say in a
/// sentence what went wrong (`what`: "the list of areas").
#[cfg(target_arch = "wasm32")]
pub async fn fetch_text(name: &str, what: &str) -> Result<String, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |why: &str| {
        let mut what = what.to_string();
        if let Some(first) = what.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        format!("{what} could not be loaded ({why}).")
    };
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(&asset_url(name)))
        .await
        .map_err(|_| failed("no answer from the server"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("not a response"))?;
    if !response.ok() {
        // As a u32: formatting a u16 would add its own code to the page.
        return Err(failed(&format!(
            "the server said {}",
            u32::from(response.status())
        )));
    }
    let text = response.text().map_err(|_| failed("no text"))?;
    Ok(JsFuture::from(text)
        .await
        .map_err(|_| failed("the download broke off"))?
        .as_string()
        .unwrap_or_default())
}

/// Native builds have no server to fetch from.
#[cfg(not(target_arch = "wasm32"))]
pub async fn fetch_text(_name: &str, what: &str) -> Result<String, String> {
    Err(format!("{what} can only be loaded in the browser."))
}

/// The custom element that mounts the app in a host page (`www/element.js`).
pub const ELEMENT_NAME: &str = "workforce-gap-calculator";

/// Render the app into a `<workforce-gap-calculator>` element if the page
/// has one (a host page), else into `#app`, else into `<body>`.
pub fn mount() {
    let document = gloo::utils::document();
    let host = document
        .query_selector(ELEMENT_NAME)
        .ok()
        .flatten()
        .or_else(|| document.get_element_by_id("app"));
    match host {
        Some(host) => {
            host.set_inner_html("");
            yew::Renderer::<App>::with_root(host).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}
