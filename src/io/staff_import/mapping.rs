//! Which scenario role each of the file's role values counts as: suggested
//! by name (`data/staff-import/role-suggestions.csv`, then the scenario's
//! role names), remembered in the browser for the next file (one versioned
//! JSON value, [`decode_remembered`] never panics), and what applying the
//! mapping would do to each role ([`plan`]), as one edit
//! ([`ImportPlan::edit`]).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::aggregate::RoleValue;
use crate::model::scenario::Scenario;
use crate::model::staff_in_post::{RoleInPost, StaffInPost};

/// Where a role value's FTE goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// Counted as staff in post of the role with this id.
    Role(String),
    /// Left out.
    NotCounted,
}

/// The suggestion table: (words, role id or "-"), in order.
fn table() -> Vec<(Vec<String>, String)> {
    crate::model::csv_record::records(include_str!(
        "../../../data/staff-import/role-suggestions.csv"
    ))
    .into_iter()
    .filter(|r| r.len() >= 2)
    .map(|r| (words(&r[0]), r[1].trim().to_string()))
    .collect()
}

/// Every role id the suggestion table names ("-" for Not counted).
pub fn suggestion_roles() -> Vec<String> {
    table().into_iter().map(|(_, role)| role).collect()
}

/// Lower-case words, punctuation and `&` dropped.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Whether `pattern`'s words appear in `value`'s, one after another, each
/// the start of a word.
fn contains(value: &[String], pattern: &[String]) -> bool {
    !pattern.is_empty()
        && value.len() >= pattern.len()
        && value.windows(pattern.len()).any(|w| {
            w.iter()
                .zip(pattern)
                .all(|(v, p)| v.starts_with(p.as_str()))
        })
}

/// Words of a role's name that say nothing about which role it is.
const COMMON_WORDS: &[&str] = &[
    "mental",
    "health",
    "care",
    "and",
    "the",
    "of",
    "in",
    "for",
    "with",
    "staff",
    "worker",
    "practitioner",
    "nhs",
    "local",
    "authority",
    "independent",
    "provider",
    "step",
];

/// The suggestion for `value`: what was remembered for it (when that role
/// is still in the scenario), else the table's first match, else the
/// scenario role whose name shares most words with it, else Not counted.
pub fn suggest(value: &str, scenario: &Scenario, remembered: &Remembered) -> Target {
    let has = |id: &str| scenario.roles.iter().any(|r| r.id == id);
    match remembered.get(value) {
        Some(Target::Role(id)) if has(id) => return Target::Role(id.clone()),
        Some(Target::NotCounted) => return Target::NotCounted,
        _ => {}
    }
    let value_words = words(value);
    for (pattern, role) in table() {
        if contains(&value_words, &pattern) {
            if role == "-" {
                return Target::NotCounted;
            }
            if has(&role) {
                return Target::Role(role);
            }
            break;
        }
    }
    let mut best: Option<(usize, &str)> = None;
    for role in &scenario.roles {
        let name: Vec<String> = words(&role.name)
            .into_iter()
            .filter(|w| w.len() > 2 && !COMMON_WORDS.contains(&w.as_str()))
            .collect();
        let shared = name
            .iter()
            .filter(|n| {
                value_words.iter().any(|v| {
                    v.len() > 3 && (n.starts_with(v.as_str()) || v.starts_with(n.as_str()))
                })
            })
            .count();
        if shared > 0 && best.is_none_or(|(most, _)| shared > most) {
            best = Some((shared, &role.id));
        }
    }
    best.map_or(Target::NotCounted, |(_, id)| Target::Role(id.to_string()))
}

/// Mappings remembered from earlier files: role value -> target.
pub type Remembered = BTreeMap<String, Target>;

/// The browser storage key the remembered mappings are kept under.
pub const REMEMBERED_KEY: &str = "workforce-gap.staff-import.mappings";

/// The most mappings remembered, and the longest value or id kept.
const REMEMBERED_LIMIT: usize = 2_000;
const TEXT_LIMIT: usize = 300;

/// Remembered mappings as stored: `{"version":1,"mappings":{"value":
/// "role id" or null}}` (null = Not counted).
pub fn encode_remembered(remembered: &Remembered) -> String {
    let mappings: serde_json::Map<String, Value> = remembered
        .iter()
        .take(REMEMBERED_LIMIT)
        .map(|(value, target)| {
            let target = match target {
                Target::Role(id) => Value::String(id.clone()),
                Target::NotCounted => Value::Null,
            };
            (value.clone(), target)
        })
        .collect();
    json!({ "version": 1, "mappings": mappings }).to_string()
}

/// The stored mappings; anything unreadable (another version, bad JSON,
/// wrong types, over-long text) is left out, never a panic.
pub fn decode_remembered(text: &str) -> Remembered {
    let Ok(value) = serde_json::from_str::<Value>(text) else {
        return Remembered::new();
    };
    if value.get("version").and_then(Value::as_u64) != Some(1) {
        return Remembered::new();
    }
    let Some(mappings) = value.get("mappings").and_then(Value::as_object) else {
        return Remembered::new();
    };
    mappings
        .iter()
        .filter(|(value, _)| value.len() <= TEXT_LIMIT)
        .filter_map(|(value, target)| {
            let target = match target {
                Value::Null => Target::NotCounted,
                Value::String(id) if !id.is_empty() && id.len() <= TEXT_LIMIT => {
                    Target::Role(id.clone())
                }
                _ => return None,
            };
            Some((value.clone(), target))
        })
        .take(REMEMBERED_LIMIT)
        .collect()
}

/// `remembered` with this import's mappings added (they win over older
/// ones).
pub fn remember(mut remembered: Remembered, mapping: &BTreeMap<String, Target>) -> Remembered {
    for (value, target) in mapping {
        remembered.insert(value.clone(), target.clone());
    }
    while remembered.len() > REMEMBERED_LIMIT {
        let Some(first) = remembered.keys().next().cloned() else {
            break;
        };
        if mapping.contains_key(&first) {
            break;
        }
        remembered.remove(&first);
    }
    remembered
}

/// One role before and after an import.
#[derive(Clone, Debug, PartialEq)]
pub struct RolePreview {
    pub role_id: String,
    pub name: String,
    pub in_post_before: f64,
    /// The same as before for a role no value is mapped to.
    pub in_post_after: f64,
    pub vacant_before: f64,
    pub vacant_after: f64,
    /// Whether any value is mapped to this role (so the import sets it).
    pub set: bool,
    /// The file's values counted for it.
    pub values: Vec<String>,
}

/// What applying a mapping would do: every role, and the FTE counted and
/// not counted.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    pub roles: Vec<RolePreview>,
    pub counted_fte: f64,
    pub not_counted_fte: f64,
    /// Whether the file's vacancies set the roles' funded vacancies.
    pub with_vacancies: bool,
}

/// FTE to two decimals (sums of many rows carry binary noise).
fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// The per-role preview of mapping `values` (from
/// [`super::aggregate::Aggregate::role_values`]) by `mapping` (a value
/// missing from it is Not counted). A role mapped from any value gets the
/// sum of their FTE as its staff in post (and of their vacancies as its
/// funded vacancies, `with_vacancies`); every other role keeps its own.
pub fn plan(
    scenario: &Scenario,
    values: &[RoleValue],
    mapping: &BTreeMap<String, Target>,
    with_vacancies: bool,
) -> ImportPlan {
    let mut roles: Vec<RolePreview> = scenario
        .roles
        .iter()
        .map(|r| RolePreview {
            role_id: r.id.clone(),
            name: r.name.clone(),
            in_post_before: r.in_post_wte,
            in_post_after: 0.0,
            vacant_before: r.vacant_wte,
            vacant_after: 0.0,
            set: false,
            values: Vec::new(),
        })
        .collect();
    let mut counted = 0.0;
    let mut not_counted = 0.0;
    for value in values {
        let role = match mapping.get(&value.value) {
            Some(Target::Role(id)) => roles.iter_mut().find(|r| &r.role_id == id),
            _ => None,
        };
        match role {
            Some(role) => {
                role.set = true;
                role.in_post_after += value.totals.fte;
                role.vacant_after += value.totals.vacancies;
                role.values.push(value.value.clone());
                counted += value.totals.fte;
            }
            None => not_counted += value.totals.fte,
        }
    }
    for role in &mut roles {
        if role.set {
            role.in_post_after = round(role.in_post_after);
            role.vacant_after = if with_vacancies {
                round(role.vacant_after)
            } else {
                role.vacant_before
            };
        } else {
            role.in_post_after = role.in_post_before;
            role.vacant_after = role.vacant_before;
        }
    }
    ImportPlan {
        roles,
        counted_fte: round(counted),
        not_counted_fte: round(not_counted),
        with_vacancies,
    }
}

impl ImportPlan {
    /// The scenario edit: the roles the import sets.
    pub fn edit(&self) -> StaffInPost {
        StaffInPost {
            roles: self
                .roles
                .iter()
                .filter(|r| r.set)
                .map(|r| RoleInPost {
                    role_id: r.role_id.clone(),
                    in_post_wte: r.in_post_after,
                    vacant_wte: self.with_vacancies.then_some(r.vacant_after),
                })
                .collect(),
        }
    }
}

/// The suggested mapping of every value.
pub fn suggestions(
    values: &[RoleValue],
    scenario: &Scenario,
    remembered: &Remembered,
) -> BTreeMap<String, Target> {
    values
        .iter()
        .map(|v| (v.value.clone(), suggest(&v.value, scenario, remembered)))
        .collect()
}
