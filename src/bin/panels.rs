//! The panels module: the panels that are not on the first
//! screen (`workforce_gap::ui::runtime::panel_app`). The page loads it the first
//! time one of them is needed (`workforce_gap::ui::runtime::panel_host`),
//! so the first load carries none of their code.

fn main() {
    #[cfg(target_arch = "wasm32")]
    workforce_gap::ui::runtime::recovery::install_panic_hook();
}

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;
    use workforce_gap::ui::runtime::panel_app;

    /// Render a panel (by `workforce_gap::ui::runtime::bridge::Panel::name`) into
    /// `host` over the page's state; `send` receives the panel's changes as
    /// JSON text (`workforce_gap::ui::runtime::bridge::PanelAction`).
    #[wasm_bindgen]
    pub fn mount(
        panel: &str,
        host: web_sys::Element,
        payload: &str,
        send: js_sys::Function,
    ) -> Result<u32, JsValue> {
        let send = yew::Callback::from(move |change: String| {
            let _ = send.call1(&JsValue::NULL, &JsValue::from_str(&change));
        });
        panel_app::mount(panel, host, payload, send)
            .map(|handle| handle as u32)
            .map_err(|e| JsValue::from_str(&e))
    }

    /// `window.workforceGap`, the JavaScript API (`workforce_gap::ui::runtime::js_api`).
    #[wasm_bindgen]
    pub fn api() -> JsValue {
        workforce_gap::ui::runtime::js_api::api().into()
    }

    /// The page's state changed.
    #[wasm_bindgen]
    pub fn update(handle: u32, payload: &str) -> Result<(), JsValue> {
        panel_app::update(handle as usize, payload).map_err(|e| JsValue::from_str(&e))
    }
}
