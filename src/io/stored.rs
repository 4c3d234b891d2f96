//! What the app keeps in the browser's localStorage, and how it is read back.
//! A corrupt entry is reported and kept aside, never silently dropped.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::model::scenario::{parse_scenario, Scenario};

/// The scenario being edited, saved on every valid change.
pub const CURRENT_KEY: &str = "workforce-gap:current";
/// The user's named scenarios.
pub const LIBRARY_KEY: &str = "workforce-gap:library";
/// Where unreadable stored text is moved, so nothing is lost.
pub const BACKUP_PREFIX: &str = "workforce-gap:unreadable:";

pub const LIBRARY_SCHEMA: &str = "workforce-gap/library";

/// A scenario kept in the browser under a name.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedScenario {
    pub name: String,
    pub saved_at: String,
    pub scenario: Scenario,
}

/// The library as JSON: `{"schema", "version", "scenarios": [{ "name",
/// "saved_at", "scenario" }]}`. Each scenario is written by
/// [`Scenario::to_json_pretty`], the app's one scenario writer.
pub fn encode_library(library: &[SavedScenario]) -> String {
    let quote = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string());
    let entries: Vec<String> = library
        .iter()
        .map(|e| {
            format!(
                "{{\"name\":{},\"saved_at\":{},\"scenario\":{}}}",
                quote(&e.name),
                quote(&e.saved_at),
                e.scenario.to_json_pretty()
            )
        })
        .collect();
    format!(
        "{{\"schema\":{},\"version\":1,\"scenarios\":[{}]}}",
        quote(LIBRARY_SCHEMA),
        entries.join(",")
    )
}

#[derive(Deserialize)]
struct LibraryIn<'a> {
    #[serde(borrow, default)]
    scenarios: Option<Vec<EntryIn<'a>>>,
}

#[derive(Deserialize)]
struct EntryIn<'a> {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    saved_at: Option<String>,
    #[serde(borrow, default)]
    scenario: Option<&'a RawValue>,
}

/// Read the library. Entries that cannot be read are skipped and described
/// in the second list; the good ones are kept.
pub fn decode_library(text: &str) -> (Vec<SavedScenario>, Vec<String>) {
    let mut problems = Vec::new();
    let library: LibraryIn = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return (
                Vec::new(),
                vec![format!("Your saved scenarios could not be read: {e}.")],
            )
        }
    };
    let Some(entries) = library.scenarios else {
        return (
            Vec::new(),
            vec![
                "Your saved scenarios could not be read: the list of scenarios is missing."
                    .to_string(),
            ],
        );
    };
    let mut out = Vec::new();
    for (i, entry) in entries.into_iter().enumerate() {
        let label = entry
            .name
            .clone()
            .unwrap_or_else(|| format!("number {}", i + 1));
        let Some(name) = entry.name else {
            problems.push(format!(
                "Saved scenario {label} has no name and was set aside."
            ));
            continue;
        };
        match entry
            .scenario
            .ok_or_else(|| "it holds no scenario".to_string())
            .and_then(|raw| parse_scenario(raw.get()).map_err(|e| e.to_string()))
        {
            Ok(scenario) => out.push(SavedScenario {
                name,
                saved_at: entry.saved_at.unwrap_or_default(),
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
