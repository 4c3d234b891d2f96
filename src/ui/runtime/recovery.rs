//! If the WebAssembly ever panics, the page says so and offers a reload,
//! instead of freezing. The panic aborts the module, so the message is built
//! with plain DOM calls from the panic hook, and the reload is a link (no
//! Rust runs after a panic). The scenario is autosaved on every valid
//! change (`ui::hooks::use_persistence`), so a reload brings the work back.

use wasm_bindgen::JsCast;

/// The recovery message's element id.
pub const RECOVERY_ID: &str = "recovery";

/// Show the recovery message on any panic (and log the panic to the
/// console for whoever investigates). Set through Yew, which otherwise
/// installs its own hook (console only) when the app is first rendered.
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("workforce-gap stopped: {info}").into());
        show_recovery();
    }));
}

/// Put the recovery message over the page (once), and move focus to it.
pub fn show_recovery() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(document) = window.document() else {
        return;
    };
    if document.get_element_by_id(RECOVERY_ID).is_some() {
        return;
    }
    let Some(body) = document.body() else {
        return;
    };
    let location = window.location();
    // Reload without the fragment: a share link that caused the stop should
    // not cause it again.
    let reload = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    let Ok(panel) = document.create_element("div") else {
        return;
    };
    panel.set_id(RECOVERY_ID);
    panel.set_class_name("recovery");
    let _ = panel.set_attribute("role", "alertdialog");
    let _ = panel.set_attribute("aria-modal", "true");
    let _ = panel.set_attribute("aria-labelledby", "recovery-title");
    let _ = panel.set_attribute("aria-describedby", "recovery-text");
    let quoted = reload.replace('&', "&amp;").replace('"', "&quot;");
    panel.set_inner_html(&format!(
        "<div class=\"recovery__box\">\
         <h2 id=\"recovery-title\">The calculator stopped</h2>\
         <p id=\"recovery-text\">Something went wrong inside the calculator and it cannot go on. \
         Your scenario was saved in this browser at your last valid change, and your saved \
         scenarios are untouched: reload to carry on from there.</p>\
         <p><a class=\"button\" id=\"recovery-reload\" href=\"{quoted}\">Reload the calculator</a></p>\
         </div>"
    ));
    let _ = body.prepend_with_node_1(&panel);
    if let Some(link) = document
        .get_element_by_id("recovery-reload")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = link.focus();
    }
}
