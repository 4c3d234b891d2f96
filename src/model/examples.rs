//! Built-in scenarios and the source of every default number, read from
//! `data/builtins/` (compiled in): an analyst reviews and changes a default,
//! and its citation, there, without reading code.
//!
//! - `builtins.json`: the built-ins' ids, titles, descriptions and files.
//! - `example-place.json`, `small-place.json`, `large-system.json`: complete
//!   scenario files in the contract's format (they open in the app as they
//!   are). "Example place" is 500,000 people with an England-like age split
//!   and MODEL.md section 5's defaults; "Small place" and "Large system
//!   (ICB)" scale its population and staff (x0.3, x3), with every other
//!   assumption, and every id, the same, so one set of sources serves all
//!   three.
//! - `sources.csv` (`key,illustrative,citation`): where each of Example
//!   place's numbers comes from, or why it is illustrative, by input key
//!   ([`Field::key`]).
//!
//! The files are checked by the tests below: every built-in validates, every
//! input has a source and every source names an input.

use std::sync::OnceLock;

use serde::Serialize;

use super::field::Field;
use super::scenario::{parse_scenario, Scenario};

/// A built-in scenario the user can start from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Builtin {
    /// Stable id, e.g. for a URL or a menu: `"example"`, `"small"`, `"large"`.
    pub id: String,
    pub title: String,
    pub description: String,
    pub scenario: Scenario,
}

/// Where a default number comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The input's key ([`Field::key`]): `"services.talking_li.prevalence"`.
    pub key: String,
    /// Example place's value, formatted for reading: `"13.56%"`, `"£59,128"`.
    pub value_text: String,
    /// The source, or how the number was derived, or why it is illustrative.
    pub citation: String,
    /// True when no public figure backs the number: the UI labels it so.
    pub illustrative: bool,
}

// The files as build.rs writes them: the same JSON without white space.
const INDEX: &str = include_str!(concat!(env!("OUT_DIR"), "/builtins.json"));
const SOURCES: &str = include_str!("../../data/builtins/sources.csv");

/// The scenario files `builtins.json` may name.
const FILES: [(&str, &str); 3] = [
    (
        "example-place.json",
        include_str!(concat!(env!("OUT_DIR"), "/example-place.json")),
    ),
    (
        "small-place.json",
        include_str!(concat!(env!("OUT_DIR"), "/small-place.json")),
    ),
    (
        "large-system.json",
        include_str!(concat!(env!("OUT_DIR"), "/large-system.json")),
    ),
];

#[derive(serde::Deserialize)]
struct IndexEntry {
    id: String,
    title: String,
    description: String,
    file: String,
}

/// A built-in as `builtins.json` lists it; its scenario is read the first
/// time it is needed (the page reads Example place's at start, the others
/// only when chosen: three at once were a fifth of the page's start-up work
/// on a slow laptop).
struct Entry {
    index: IndexEntry,
    text: &'static str,
    scenario: OnceLock<Scenario>,
}

impl Entry {
    /// The scenario, read once. The files are compiled in and checked by
    /// the tests, so a file that does not read is a build mistake: it is
    /// named.
    fn scenario(&self) -> &Scenario {
        self.scenario.get_or_init(|| {
            parse_scenario(self.text)
                .unwrap_or_else(|e| panic!("data/builtins/{}: {e}", self.index.file))
        })
    }

    fn builtin(&self) -> Builtin {
        Builtin {
            id: self.index.id.clone(),
            title: self.index.title.clone(),
            description: self.index.description.clone(),
            scenario: self.scenario().clone(),
        }
    }
}

/// The built-ins' list, read once.
fn entries() -> &'static [Entry] {
    static ENTRIES: OnceLock<Vec<Entry>> = OnceLock::new();
    ENTRIES.get_or_init(|| {
        let index: Vec<IndexEntry> =
            serde_json::from_str(INDEX).expect("data/builtins/builtins.json reads");
        index
            .into_iter()
            .map(|index| Entry {
                text: FILES
                    .iter()
                    .find(|(name, _)| *name == index.file)
                    .map(|(_, text)| *text)
                    .unwrap_or_else(|| panic!("data/builtins/{} is not compiled in", index.file)),
                index,
                scenario: OnceLock::new(),
            })
            .collect()
    })
}

/// The built-in scenarios, Example place first.
pub fn builtins() -> Vec<Builtin> {
    entries().iter().map(Entry::builtin).collect()
}

/// A built-in's entry by id.
fn entry(id: &str) -> Option<&'static Entry> {
    entries().iter().find(|e| e.index.id == id)
}

/// A built-in scenario by id.
pub fn builtin(id: &str) -> Option<Builtin> {
    entry(id).map(Entry::builtin)
}

/// The built-ins' ids and titles, in order, without copying their scenarios
/// (the page's "Start from" list, rendered on every change).
pub fn builtin_titles() -> impl Iterator<Item = (&'static str, &'static str)> {
    entries()
        .iter()
        .map(|e| (e.index.id.as_str(), e.index.title.as_str()))
}

/// A built-in's scenario as read, by an id the code names (one that is not
/// in `builtins.json` is a build mistake: it is named).
fn builtin_scenario(id: &str) -> &'static Scenario {
    entry(id)
        .map(Entry::scenario)
        .unwrap_or_else(|| panic!("data/builtins/builtins.json has no \"{id}\""))
}

/// Example place: 500,000 people (105,000 children, 300,000 adults, 95,000
/// older people) with MODEL.md section 5's defaults.
pub fn example_place() -> Scenario {
    builtin_scenario("example").clone()
}

/// Small place: about 150,000 people (Example place x 0.3).
pub fn small_place() -> Scenario {
    builtin_scenario("small").clone()
}

/// Large system: about 1.5 million people, an integrated care board's size
/// (Example place x 3).
pub fn large_system() -> Scenario {
    builtin_scenario("large").clone()
}

/// Staff in post that are a built-in's illustrative figures while the
/// places are no longer that built-in's (an area picked, a place added or
/// edited): an answer that would rest on staff that are not the user's.
#[derive(Clone, Debug, PartialEq)]
pub struct BorrowedStaff {
    /// Ids of the roles whose staff in post are a built-in's, in scenario
    /// order.
    pub role_ids: Vec<String>,
    /// What the page says next to the headline: "Staff in post are Example
    /// place's illustrative figures, not Leeds's: enter or import yours."
    pub sentence: String,
}

impl BorrowedStaff {
    /// Whether this role's staff in post are a built-in's.
    pub fn has(&self, role_id: &str) -> bool {
        self.role_ids.iter().any(|id| id == role_id)
    }
}

/// The roles whose staff in post are still a built-in's figures
/// ([`super::scenario::Role::in_post_example`]) in a scenario whose places
/// are not that built-in's; `None` when every role's staff are the user's,
/// or the places are still the built-in's own (the example as it came).
pub fn borrowed_staff(scenario: &Scenario) -> Option<BorrowedStaff> {
    let mut example_title = None;
    let role_ids: Vec<String> = scenario
        .roles
        .iter()
        .filter(|role| {
            let Some(id) = role.in_post_example.as_deref() else {
                return false;
            };
            let found = entries().iter().find(|e| e.index.id == id);
            if found.is_some_and(|e| e.scenario().places == scenario.places) {
                return false;
            }
            if example_title.is_none() {
                example_title =
                    Some(found.map_or("a built-in example", |e| e.index.title.as_str()));
            }
            true
        })
        .map(|role| role.id.clone())
        .collect();
    let example = example_title?;
    let whose = match scenario.places.as_slice() {
        [place] if !place.name.trim().is_empty() && place.name != example => {
            format!("{}'s", place.name.trim())
        }
        [_] => "your place's".to_string(),
        places => format!("those of your {} places", places.len()),
    };
    let which = if role_ids.len() == scenario.roles.len() {
        String::new()
    } else if role_ids.len() == 1 {
        " of 1 role".to_string()
    } else {
        format!(" of {} roles", role_ids.len())
    };
    Some(BorrowedStaff {
        sentence: format!(
            "Staff in post{which} are {example}'s illustrative figures, not {whose}: enter or import yours."
        ),
        role_ids,
    })
}

pub(crate) use super::csv_record::csv_record;

/// The source of every numeric default of Example place, in the order of
/// `sources.csv` (form order).
pub fn sources() -> Vec<Source> {
    all_sources().to_vec()
}

/// The page's table of sources, written by `build.rs` from `sources.csv`:
/// one letter a row (`y` illustrative, `n` sourced), in the file's order,
/// which is the order of [`Field::all`] for Example place. The citations
/// are fetched by the page when one is first opened.
const SOURCE_FLAGS: &str = include_str!(concat!(env!("OUT_DIR"), "/source_flags.txt"));

/// What the page shows beside an input before the citations are fetched:
/// Example place's value, and whether it is illustrative.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceFlag {
    pub value_text: String,
    pub illustrative: bool,
}

/// The input `key`'s default as the page shows it beside the input ("Default
/// 5%: sourced"), from the compact table: the same value text and flag as
/// [`source_for`], without carrying every citation in the first load
/// (`www/sources.js` shows the citation, from `sources.json`, when opened).
pub fn source_flag(key: &str) -> Option<SourceFlag> {
    // Every input's key and flag, found once; a value's text only when
    // asked for (the first screen asks for four of about 250).
    static ALL: OnceLock<Vec<(String, Field, bool)>> = OnceLock::new();
    let example = builtin_scenario("example");
    let all = ALL.get_or_init(|| {
        Field::all(example)
            .into_iter()
            .zip(SOURCE_FLAGS.chars())
            .filter_map(|(field, flag)| Some((field.key(example)?, field, flag == 'y')))
            .collect()
    });
    let (_, field, illustrative) = all.iter().find(|(k, ..)| k == key)?;
    Some(SourceFlag {
        value_text: value_text(field, field.get(example)?),
        illustrative: *illustrative,
    })
}

/// The source of one input, by key (`"roles.mh_nurse.annual_cost"`), for the
/// UI to show beside it. Keys are the same in all three built-ins.
pub fn source_for(key: &str) -> Option<Source> {
    all_sources().iter().find(|s| s.key == key).cloned()
}

fn all_sources() -> &'static [Source] {
    static ALL: OnceLock<Vec<Source>> = OnceLock::new();
    ALL.get_or_init(|| {
        let example = example_place();
        let mut out = Vec::new();
        // The header row first.
        let (_, mut rest) = csv_record(SOURCES);
        while !rest.is_empty() {
            let (record, next) = csv_record(rest);
            rest = next;
            let [key, illustrative, citation] = record.as_slice() else {
                continue;
            };
            let Some(field) = Field::from_key(&example, key) else {
                continue;
            };
            let Some(value) = field.get(&example) else {
                continue;
            };
            out.push(Source {
                value_text: value_text(&field, value),
                key: key.clone(),
                citation: citation.clone(),
                illustrative: illustrative == "yes",
            });
        }
        out
    })
}

/// A stored value written for reading, with its unit.
fn value_text(field: &Field, value: f64) -> String {
    field.unit().text_with_unit(value)
}

/// Example place with six uncertainty ranges, as a user might set them: the
/// workload of the benchmarks (native criterion and in-browser), so wasm and
/// native do the same work.
pub fn ranged_example() -> Scenario {
    let mut s = example_place();
    for (key, range) in [
        ("places.place.need_index", [0.8, 1.3]),
        ("working_time.non_clinical_share", [0.2, 0.4]),
        ("services.cmh.caseload_per_wte", [18.0, 35.0]),
        ("services.talking_li.target_coverage", [0.18, 0.3]),
        ("services.acute_beds.length_of_stay_days", [30.0, 45.0]),
        ("roles.mh_nurse.leaver_rate", [0.09, 0.15]),
    ] {
        s.ranges.insert(key.to_string(), range);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::field::Field;
    use crate::model::scenario::Group;
    use crate::model::{compute, validate};

    #[test]
    fn every_builtin_validates() {
        for b in builtins() {
            let errors = validate(&b.scenario);
            assert!(errors.is_empty(), "{}: {errors:?}", b.id);
        }
    }

    #[test]
    fn example_place_matches_model_md() {
        let s = example_place();
        assert_eq!(s.name, "Example place");
        assert_eq!(s.total_population().children, 105_000.0);
        assert_eq!(s.total_population().adults, 300_000.0);
        assert_eq!(s.total_population().older, 95_000.0);
        assert_eq!(s.total_population().total(), 500_000.0);
        assert_eq!(s.working_time.hours_per_week, 37.5);
        assert_eq!(s.working_time.annual_leave_days, 29.0);
        assert_eq!(s.working_time.sickness_rate, 0.05);
        assert_eq!(s.working_time.non_clinical_share, 0.3);
        assert_eq!(s.projection.years, 10);
        assert_eq!(s.projection.demand_growth, 0.044);
    }

    #[test]
    fn every_role_mix_sums_to_one_and_names_a_role() {
        let s = example_place();
        for service in &s.services {
            let sum: f64 = service.role_mix.values().sum();
            assert!((sum - 1.0).abs() < 1e-9, "{}: {sum}", service.id);
            for role in service.role_mix.keys() {
                assert!(s.role_index(role).is_some(), "{} names {role}", service.id);
            }
        }
    }

    #[test]
    fn roles_cover_every_group_and_three_sectors() {
        let s = example_place();
        assert!(s.roles.len() >= 10);
        for group in Group::ALL {
            assert!(s.roles.iter().any(|r| r.group == group), "{group:?}");
        }
        let sectors: std::collections::BTreeSet<_> = s.roles.iter().map(|r| r.sector).collect();
        assert!(sectors.len() >= 3, "{sectors:?}");
        // Every role is used by some service.
        for role in &s.roles {
            assert!(
                s.services
                    .iter()
                    .any(|sv| sv.role_mix.contains_key(&role.id)),
                "{} is in no role mix",
                role.id
            );
        }
    }

    #[test]
    fn service_lines_cover_the_brief() {
        let s = example_place();
        for id in [
            "talking_li",
            "talking_hi",
            "cmh",
            "crisis",
            "acute_beds",
            "cyp",
            "older_people",
            "perinatal",
            "smi_health_checks",
        ] {
            assert!(s.service_index(id).is_some(), "{id}");
        }
    }

    #[test]
    fn every_input_of_every_builtin_has_a_source() {
        for b in builtins() {
            for field in Field::all(&b.scenario) {
                let key = field.key(&b.scenario).unwrap();
                let source = source_for(&key).unwrap_or_else(|| panic!("no source for {key}"));
                assert!(!source.citation.is_empty(), "{key}");
                assert!(!source.value_text.is_empty(), "{key}");
            }
        }
        assert_eq!(sources().len(), Field::all(&example_place()).len());
    }

    #[test]
    fn the_pages_table_of_sources_agrees_with_the_full_file() {
        let all = sources();
        // The page's letters are in the file's order: it must be form order.
        let example = example_place();
        let keys: Vec<String> = Field::all(&example)
            .iter()
            .map(|f| f.key(&example).unwrap())
            .collect();
        let file: Vec<&String> = all.iter().map(|s| &s.key).collect();
        assert_eq!(
            file,
            keys.iter().collect::<Vec<_>>(),
            "sources.csv is in form order"
        );
        assert_eq!(SOURCE_FLAGS.len(), all.len());
        for source in &all {
            let key = &source.key;
            let flag = source_flag(key).unwrap_or_else(|| panic!("{key} in the page's table"));
            assert_eq!(flag.value_text, source.value_text, "{key}");
            assert_eq!(flag.illustrative, source.illustrative, "{key}");
        }
        assert_eq!(source_flag("roles.nobody.in_post_wte"), None);
    }

    #[test]
    fn source_texts_show_example_values() {
        let s = source_for("services.talking_li.prevalence").unwrap();
        assert_eq!(s.value_text, "13.56%");
        assert!(!s.illustrative);
        let s = source_for("working_time.non_clinical_share").unwrap();
        assert!(s.illustrative);
        let s = source_for("roles.mh_nurse.annual_cost").unwrap();
        // Band 6 midpoint 42,631 x 1.237 + 15% x 37,631 = 58,379.
        assert_eq!(s.value_text, "£58,379");
        assert!(s.citation.contains("£42,631"));
        // The local budget: 14.38% pension instead of 23.7%:
        // 42,631 x 1.1438 + 15% x 37,631 = 54,406.
        assert!(
            s.citation.contains("local budget would show £54,406"),
            "{}",
            s.citation
        );
        assert!(source_for("services.nowhere.prevalence").is_none());
    }

    #[test]
    fn crisis_line_reproduces_the_policy_guide() {
        // One team of 14 per 150,000 people: 500,000 people need 46.7 WTE.
        let r = compute(&example_place());
        let crisis = &r.services[example_place().service_index("crisis").unwrap()];
        assert!((crisis.required_wte - 14.0 * 500_000.0 / 150_000.0).abs() < 2.0);
    }

    #[test]
    fn acute_beds_match_174_admissions_per_100k() {
        let s = example_place();
        let r = compute(&s);
        let beds = &r.services[s.service_index("acute_beds").unwrap()];
        let per_100k = beds.people_to_treat / s.total_population().total() * 100_000.0;
        assert!((per_100k - 174.0).abs() < 1.0, "{per_100k}");
    }

    #[test]
    fn sizes_scale_population_and_staff() {
        let small = small_place();
        let large = large_system();
        let example = example_place();
        assert_eq!(small.total_population().total(), 150_000.0);
        assert_eq!(large.total_population().total(), 1_500_000.0);
        for ((s, e), l) in small.roles.iter().zip(&example.roles).zip(&large.roles) {
            assert_eq!(s.id, e.id);
            assert_eq!(l.id, e.id);
            assert!((s.in_post_wte - e.in_post_wte * 0.3).abs() <= 0.05 + 1e-9);
            assert!((l.in_post_wte - e.in_post_wte * 3.0).abs() <= 1e-9);
        }
        let ids = |s: &Scenario| s.services.iter().map(|x| x.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&small), ids(&example));
        assert_eq!(ids(&large), ids(&example));
    }

    #[test]
    fn every_source_names_an_input_and_the_csv_reads_quotes() {
        let example = example_place();
        let (_, mut rest) = csv_record(SOURCES);
        let mut rows = 0;
        while !rest.is_empty() {
            let (record, next) = csv_record(rest);
            rest = next;
            assert_eq!(record.len(), 3, "{record:?}");
            assert!(
                Field::from_key(&example, &record[0]).is_some(),
                "{} names no input",
                record[0]
            );
            assert!(record[1] == "yes" || record[1] == "no", "{record:?}");
            rows += 1;
        }
        assert_eq!(rows, sources().len());
        let (fields, rest) = csv_record("a,\"b, \"\"c\"\"\nd\",e\r\nnext");
        assert_eq!(fields, ["a", "b, \"c\"\nd", "e"]);
        assert_eq!(rest, "next");
        assert_eq!(csv_record("").0, [""]);
    }

    #[test]
    fn every_builtin_file_is_listed_once() {
        let listed: Vec<String> = serde_json::from_str::<Vec<IndexEntry>>(INDEX)
            .unwrap()
            .into_iter()
            .map(|e| e.file)
            .collect();
        for (name, _) in FILES {
            assert_eq!(listed.iter().filter(|f| *f == name).count(), 1, "{name}");
        }
        assert_eq!(builtins().len(), 3);
        assert_eq!(builtins()[0].id, "example");
    }
}
