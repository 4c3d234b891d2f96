//! The fourth WebAssembly module: importing staff in post from a CSV or
//! XLSX file (`workforce_gap::io::staff_import`, with csv-core and
//! calamine). The "Import staff in post" panel
//! (`workforce_gap::ui::panels::staff_import`) imports it when a file is
//! first chosen, so neither the first load nor the panels carry it.
//! Everything crosses as JSON text; errors as the message for the user.

fn main() {}

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;
    use workforce_gap::io::staff_import::aggregate::Columns;
    use workforce_gap::io::staff_import::session::{
        keep_from_json, mapping_from_json, remember_json, Session,
    };
    use workforce_gap::io::staff_import::ImportError;

    fn message(e: ImportError) -> JsValue {
        JsValue::from_str(&e.to_string())
    }

    /// One file being imported.
    #[wasm_bindgen]
    pub struct Importer(Session);

    #[wasm_bindgen]
    impl Importer {
        /// A file from its first bytes (the whole file for an XLSX) and its
        /// size in bytes; `complete` when the bytes are the whole file.
        #[wasm_bindgen(constructor)]
        pub fn new(first: Vec<u8>, size: f64, complete: bool) -> Result<Importer, JsValue> {
            Session::open(first, size.max(0.0) as u64, complete)
                .map(Importer)
                .map_err(message)
        }

        pub fn describe(&self) -> String {
            self.0.describe().to_string()
        }

        #[wasm_bindgen(js_name = chooseSheet)]
        pub fn choose_sheet(&mut self, name: &str) -> Result<(), JsValue> {
            self.0.choose_sheet(name).map_err(message)
        }

        pub fn preview(&mut self) -> Result<String, JsValue> {
            self.0.preview().map(|v| v.to_string()).map_err(message)
        }

        /// Start reading for these columns (a negative index: none).
        pub fn start(
            &mut self,
            role: u32,
            fte: u32,
            vacancies: i32,
            filter: i32,
        ) -> Result<(), JsValue> {
            let optional = |i: i32| usize::try_from(i).ok();
            self.0
                .start(Columns {
                    role: role as usize,
                    fte: fte as usize,
                    vacancies: optional(vacancies),
                    filter: optional(filter),
                })
                .map_err(message)
        }

        pub fn feed(&mut self, chunk: &[u8]) -> Result<(), JsValue> {
            self.0.feed(chunk).map_err(message)
        }

        pub fn finish(&mut self) -> Result<String, JsValue> {
            self.0.finish().map(|v| v.to_string()).map_err(message)
        }

        #[wasm_bindgen(js_name = roleValues)]
        pub fn role_values(
            &self,
            keep_json: &str,
            scenario_json: &str,
            remembered: &str,
        ) -> Result<String, JsValue> {
            self.0
                .role_values(
                    keep_from_json(keep_json).as_ref(),
                    scenario_json,
                    remembered,
                )
                .map(|v| v.to_string())
                .map_err(message)
        }

        pub fn plan(
            &self,
            keep_json: &str,
            scenario_json: &str,
            mapping_json: &str,
        ) -> Result<String, JsValue> {
            self.0
                .plan(
                    keep_from_json(keep_json).as_ref(),
                    scenario_json,
                    &mapping_from_json(mapping_json),
                )
                .map(|v| v.to_string())
                .map_err(message)
        }
    }

    /// The remembered mappings (as stored) with this import's added.
    #[wasm_bindgen]
    pub fn remember(remembered: &str, mapping_json: &str) -> String {
        remember_json(remembered, &mapping_from_json(mapping_json))
    }
}
