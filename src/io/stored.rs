//! What the app keeps in the browser's localStorage, and how it is read back.
//! A corrupt entry is reported and kept aside, never silently dropped.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::model::scenario::{parse_scenario, Scenario};

/// The scenario being edited, saved on every valid change.
pub const CURRENT_KEY: &str = "workforce-gap:current";
/// The user's named scenarios.
pub const LIBRARY_KEY: &str = "workforce-gap:library";
/// Where unreadable stored text is moved, so nothing is lost: the prefix,
/// the key it was under, a colon and the time it was set aside
/// ([`backup_key`]).
pub const BACKUP_PREFIX: &str = "workforce-gap:unreadable:";
/// How many set-aside copies are kept for each key; older ones are dropped.
pub const BACKUPS_KEPT: usize = 3;

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
                // serde_json quotes a wrong value whole: keep it short.
                vec![format!(
                    "Your saved scenarios could not be read: {}.",
                    crate::format::shorten(&e.to_string(), 300)
                )],
            );
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
        let label = match &entry.name {
            Some(name) => crate::format::shorten(name, 60),
            None => format!("number {}", i + 1),
        };
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

/// The key a copy of `key`'s unreadable text is kept under, at `stamp` (an
/// ISO 8601 time, so keys sort oldest first).
pub fn backup_key(key: &str, stamp: &str) -> String {
    format!("{BACKUP_PREFIX}{key}:{stamp}")
}

/// Of the storage keys `existing`, the set-aside copies of `key` beyond the
/// newest [`BACKUPS_KEPT`]: the ones to drop, oldest first.
pub fn backups_to_drop(existing: &[String], key: &str) -> Vec<String> {
    let prefix = format!("{BACKUP_PREFIX}{key}:");
    let mut copies: Vec<&String> = existing.iter().filter(|k| k.starts_with(&prefix)).collect();
    crate::model::order::sort_by(&mut copies, |a, b| a.cmp(b));
    let drop = copies.len().saturating_sub(BACKUPS_KEPT);
    copies[..drop].iter().map(|k| k.to_string()).collect()
}

/// Merge the saved-scenario lists of two tabs. `base` is the list as this
/// tab last read or wrote it, `ours` this tab's list now, `theirs` what is
/// stored now (perhaps written by another tab since). Scenarios are known by
/// name (a library holds each name once). A name this tab changed, added or
/// deleted since `base` takes this tab's version; every other name takes the
/// stored one, so another tab's saves, renames and deletions survive. Order:
/// this tab's list, then names only the other tab has.
pub fn merge_library(
    base: &[SavedScenario],
    ours: &[SavedScenario],
    theirs: &[SavedScenario],
) -> Vec<SavedScenario> {
    let find = |list: &[SavedScenario], name: &str| list.iter().find(|e| e.name == name).cloned();
    let resolve = |name: &str| {
        let mine = find(ours, name);
        if mine != find(base, name) {
            mine
        } else {
            find(theirs, name)
        }
    };
    let mut merged: Vec<SavedScenario> = ours.iter().filter_map(|e| resolve(&e.name)).collect();
    for entry in theirs {
        if !ours.iter().any(|e| e.name == entry.name) {
            if let Some(kept) = resolve(&entry.name) {
                merged.push(kept);
            }
        }
    }
    merged
}
