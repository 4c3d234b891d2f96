//! What the app keeps in the browser's localStorage, and how it is read back.
//! A corrupt entry is reported and kept aside, never silently dropped.

use serde::{Deserialize, Serialize};

use crate::model::scenario::{parse_scenario, scenario_from_value, Scenario};

/// The scenario being edited, saved on every valid change.
pub const CURRENT_KEY: &str = "workforce-gap:current";
/// The user's named scenarios.
pub const LIBRARY_KEY: &str = "workforce-gap:library";
/// Where unreadable stored text is moved, so nothing is lost.
pub const BACKUP_PREFIX: &str = "workforce-gap:unreadable:";

pub const LIBRARY_SCHEMA: &str = "workforce-gap/library";

/// A scenario kept in the browser under a name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedScenario {
    pub name: String,
    #[serde(default)]
    pub saved_at: String,
    pub scenario: Scenario,
}

#[derive(Serialize)]
struct LibraryOut<'a> {
    schema: &'static str,
    version: u32,
    scenarios: &'a [SavedScenario],
}

pub fn encode_library(library: &[SavedScenario]) -> String {
    serde_json::to_string(&LibraryOut {
        schema: LIBRARY_SCHEMA,
        version: 1,
        scenarios: library,
    })
    .unwrap_or_default()
}

/// Read the library. Entries that cannot be read are skipped and described
/// in the second list; the good ones are kept.
pub fn decode_library(text: &str) -> (Vec<SavedScenario>, Vec<String>) {
    let mut problems = Vec::new();
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return (
                Vec::new(),
                vec![format!("Your saved scenarios could not be read: {e}.")],
            )
        }
    };
    let Some(entries) = value.get("scenarios").and_then(|s| s.as_array()) else {
        return (
            Vec::new(),
            vec![
                "Your saved scenarios could not be read: the list of scenarios is missing."
                    .to_string(),
            ],
        );
    };
    let mut out = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let name = entry
            .get("name")
            .and_then(|n| n.as_str())
            .map(str::to_string);
        let saved_at = entry
            .get("saved_at")
            .and_then(|n| n.as_str())
            .unwrap_or_default()
            .to_string();
        let label = name.clone().unwrap_or_else(|| format!("number {}", i + 1));
        let Some(name) = name else {
            problems.push(format!(
                "Saved scenario {label} has no name and was set aside."
            ));
            continue;
        };
        match entry
            .get("scenario")
            .cloned()
            .ok_or_else(|| "it holds no scenario".to_string())
            .and_then(|v| scenario_from_value(v).map_err(|e| e.to_string()))
        {
            Ok(scenario) => out.push(SavedScenario {
                name,
                saved_at,
                scenario,
            }),
            Err(e) => problems.push(format!(
                "Saved scenario \"{label}\" could not be read and was set aside: {e}"
            )),
        }
    }
    (out, problems)
}

/// Read the autosaved scenario.
pub fn decode_current(text: &str) -> Result<Scenario, String> {
    parse_scenario(text).map_err(|e| format!("Your last autosaved scenario could not be read. {e}"))
}
