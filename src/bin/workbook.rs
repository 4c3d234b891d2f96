//! The third WebAssembly module: the Excel workbook writer
//! (`workforce_gap::io::workbook`, with rust_xlsxwriter). The "Download
//! Excel" button (`workforce_gap::ui::panels::share_export`) imports it
//! the first time a workbook is asked for, so neither the first load nor the
//! panels carry it.

fn main() {}

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;
    use workforce_gap::io::workbook::{workbook as write, Meta, Options};
    use workforce_gap::model::parse_scenario;

    /// The workbook of a scenario (its JSON text) as the bytes of an .xlsx
    /// file, or a message that says why not.
    #[wasm_bindgen]
    pub fn workbook(scenario_json: &str, exported_on: &str) -> Result<Vec<u8>, JsValue> {
        let scenario = parse_scenario(scenario_json)
            .map_err(|e| JsValue::from_str(&format!("The scenario could not be read: {e}")))?;
        let meta = Meta {
            app_version: env!("CARGO_PKG_VERSION").to_string(),
            exported_on: exported_on.to_string(),
        };
        write(&scenario, &meta, Options::default())
            .map(|written| written.bytes)
            .map_err(|e| JsValue::from_str(&e))
    }
}
