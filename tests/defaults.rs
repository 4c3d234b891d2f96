#![cfg(not(target_arch = "wasm32"))]
//! What a new role, service or workload starts from, and the blank
//! scenario: data (`data/builtins/new-items.csv`, Example place), not Rust
//! literals. The file is read here with the project's CSV reader, apart from
//! `build.rs`, so a test fails if the compiled constants and the file
//! disagree.

use std::collections::BTreeMap;

use workforce_gap::model::csv_record::records;
use workforce_gap::model::defaults::{self, NEW_ITEMS};
use workforce_gap::model::edit::{apply, Edit};
use workforce_gap::model::examples::{example_place, source_for};
use workforce_gap::model::field::Field;
use workforce_gap::model::new_items::{self, KEYS};
use workforce_gap::model::scenario::{Workload, WorkloadKind};
use workforce_gap::model::Scenario;

fn file_text() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/builtins/new-items.csv");
    std::fs::read_to_string(path).expect("data/builtins/new-items.csv reads")
}

/// The file's rows by key: (value, illustrative, citation).
fn file_rows() -> BTreeMap<String, (f64, String, String)> {
    let mut rows = BTreeMap::new();
    for record in records(&file_text()) {
        let [key, value, illustrative, citation] = record.as_slice() else {
            panic!("a row of 4 fields: {record:?}");
        };
        let value: f64 = value
            .parse()
            .unwrap_or_else(|_| panic!("{key}: {value:?} is a number"));
        let before = rows.insert(key.clone(), (value, illustrative.clone(), citation.clone()));
        assert!(before.is_none(), "{key} once");
    }
    rows
}

fn value(key: &str) -> f64 {
    file_rows()
        .get(key)
        .unwrap_or_else(|| panic!("new-items.csv has {key}"))
        .0
}

#[test]
fn every_row_has_a_finite_number_and_a_citation_and_the_build_agrees() {
    let rows = file_rows();
    assert_eq!(
        rows.keys().collect::<Vec<_>>(),
        {
            let mut keys: Vec<&str> = KEYS.to_vec();
            keys.sort();
            keys
        },
        "one row per key"
    );
    for (key, (value, illustrative, citation)) in &rows {
        assert!(value.is_finite(), "{key}");
        assert!(illustrative == "yes" || illustrative == "no", "{key}");
        assert!(!citation.trim().is_empty(), "{key} has a citation");
        if illustrative == "yes" {
            // The reason it is illustrative is said, not just the word.
            assert!(citation.len() > 20, "{key}: {citation}");
        }
    }
    // The constants build.rs compiled in are the file's numbers.
    assert_eq!(NEW_ITEMS.len(), rows.len());
    for (key, compiled) in NEW_ITEMS {
        assert_eq!(compiled.to_bits(), rows[key].0.to_bits(), "{key}");
    }
    // build.rs's reader takes the file as it is.
    let read = new_items::read(&file_text()).expect("new-items.csv reads");
    assert_eq!(read.len(), KEYS.len());
}

#[test]
fn a_reused_citation_is_word_for_word_the_built_in_ones_for_the_same_number() {
    let example = example_place();
    let mut reused = 0;
    for (key, (value, illustrative, citation)) in file_rows() {
        let Some(rest) = citation.strip_prefix("As Example place's ") else {
            continue;
        };
        let open = rest.find('(').expect("the source's key in brackets");
        let close = rest.find("). ").expect("the key's bracket closes");
        let source_key = &rest[open + 1..close];
        let source = source_for(source_key).unwrap_or_else(|| panic!("{key}: {source_key}"));
        assert_eq!(&rest[close + 3..], source.citation, "{key}");
        assert_eq!(illustrative == "yes", source.illustrative, "{key}");
        let field = Field::from_key(&example, source_key).unwrap();
        assert_eq!(field.get(&example), Some(value), "{key} = {source_key}");
        reused += 1;
    }
    assert_eq!(reused, 8);
}

#[test]
fn a_new_role_is_the_files_and_costs_as_example_places_mental_health_nurse() {
    let role = defaults::new_role("r".into(), "R".into());
    assert_eq!(role.annual_cost, value("new_role.annual_cost"));
    assert_eq!(role.leaver_rate, value("new_role.leaver_rate"));
    assert_eq!(role.in_post_wte, value("new_role.in_post_wte"));
    assert_eq!(role.vacant_wte, value("new_role.vacant_wte"));
    assert_eq!(role.joiners_per_year, value("new_role.joiners_per_year"));
    assert_eq!(role.pipeline, None);
    let example = example_place();
    let nurse = &example.roles[example.role_index("mh_nurse").unwrap()];
    assert_eq!(role.annual_cost, 58_379.0);
    assert_eq!(role.annual_cost, nurse.annual_cost);
    assert_eq!(role.leaver_rate, nurse.leaver_rate);
}

#[test]
fn adding_a_role_or_a_service_starts_from_the_file() {
    let mut s = example_place();
    apply(&mut s, Edit::AddRole).unwrap();
    let role = s.roles.last().unwrap();
    assert_eq!(
        *role,
        defaults::new_role(role.id.clone(), role.name.clone())
    );
    assert_eq!(role.annual_cost, value("new_role.annual_cost"));
    assert_eq!(role.leaver_rate, value("new_role.leaver_rate"));

    apply(&mut s, Edit::AddService).unwrap();
    let service = s.services.last().unwrap();
    assert_eq!(service.prevalence, value("new_service.prevalence"));
    assert_eq!(
        service.current_coverage,
        value("new_service.current_coverage")
    );
    assert_eq!(
        service.target_coverage,
        value("new_service.target_coverage")
    );
    assert_eq!(
        service.workload,
        Workload::Caseload {
            months_on_caseload: value("workload.caseload.months_on_caseload"),
            caseload_per_wte: value("workload.caseload.caseload_per_wte"),
        }
    );
    // A new service and a new role validate as they come.
    assert!(workforce_gap::model::validate(&s).is_empty());
}

#[test]
fn a_new_workload_kind_starts_from_the_file() {
    let expected = |kind: WorkloadKind| match kind {
        WorkloadKind::Contacts => Workload::Contacts {
            contacts_per_person: value("workload.contacts.contacts_per_person"),
            minutes_per_contact: value("workload.contacts.minutes_per_contact"),
        },
        WorkloadKind::Caseload => Workload::Caseload {
            months_on_caseload: value("workload.caseload.months_on_caseload"),
            caseload_per_wte: value("workload.caseload.caseload_per_wte"),
        },
        WorkloadKind::Beds => Workload::Beds {
            length_of_stay_days: value("workload.beds.length_of_stay_days"),
            target_occupancy: value("workload.beds.target_occupancy"),
            wte_per_bed: value("workload.beds.wte_per_bed"),
        },
    };
    for kind in WorkloadKind::ALL {
        let mut s = example_place();
        let i = s
            .services
            .iter()
            .position(|sv| sv.workload.kind() != kind)
            .unwrap();
        apply(&mut s, Edit::SetWorkloadKind(i, kind)).unwrap();
        assert_eq!(s.services[i].workload, expected(kind), "{kind:?}");
        assert_eq!(defaults::workload(kind), expected(kind), "{kind:?}");
    }
}

#[test]
fn a_blank_scenario_works_and_projects_as_example_place() {
    let blank = Scenario::blank();
    let example = example_place();
    assert_eq!(blank.working_time, example.working_time);
    assert_eq!(blank.projection, example.projection);
    assert!(blank.roles.is_empty() && blank.services.is_empty());
    assert!(blank.ranges.is_empty());
}

/// The file with `row` in place of the row of `key` (or without it, for an
/// empty `row`).
fn with_row(key: &str, row: &str) -> String {
    file_text()
        .lines()
        .filter_map(|line| {
            if line.starts_with(&format!("{key},")) {
                (!row.is_empty()).then(|| row.to_string())
            } else {
                Some(line.to_string())
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The line `key`'s row is on.
fn line_of(key: &str) -> usize {
    file_text()
        .lines()
        .position(|line| line.starts_with(&format!("{key},")))
        .unwrap()
        + 1
}

#[test]
fn the_build_refuses_a_row_without_a_number_or_citation_and_unknown_or_missing_keys() {
    let key = "new_role.annual_cost";
    let line = line_of(key);
    let refused = |text: String, reason: &str, line: usize| {
        let error = new_items::read(&text).expect_err(reason);
        assert!(
            error.starts_with(&format!("data/builtins/new-items.csv line {line}: ")),
            "{error}"
        );
        assert!(error.contains(reason), "{error} (expected {reason})");
    };
    refused(
        with_row(key, &format!("{key},,no,Cited")),
        "no number",
        line,
    );
    refused(
        with_row(key, &format!("{key},£58k,no,Cited")),
        "is not a number",
        line,
    );
    for not_finite in ["inf", "NaN", "-infinity", "1e999"] {
        refused(
            with_row(key, &format!("{key},{not_finite},no,Cited")),
            "not a finite number",
            line,
        );
    }
    refused(
        with_row(key, &format!("{key},58379,no,")),
        "no citation",
        line,
    );
    refused(
        with_row(key, &format!("{key},58379,no,\"  \"")),
        "no citation",
        line,
    );
    refused(
        with_row(key, &format!("{key},58379,maybe,Cited")),
        "not yes or no",
        line,
    );
    refused(
        with_row(key, "new_role.shoe_size,9,yes,Illustrative"),
        "unknown key \"new_role.shoe_size\"",
        line,
    );
    refused(with_row(key, &format!("{key},58379")), "2 fields", line);
    let missing = with_row(key, "");
    refused(
        missing.clone(),
        &format!("no row for \"{key}\""),
        missing.matches('\n').count() + 1,
    );
    let twice = format!("{}\n{key},1,yes,Again\n", file_text().trim_end());
    refused(
        twice.clone(),
        &format!("first on line {line}"),
        twice.trim_end().matches('\n').count() + 1,
    );
    refused(
        file_text().replacen("key,value", "name,value", 1),
        "the header",
        1,
    );
    // A citation may run over lines and hold commas and quotes.
    let quoted = with_row(
        key,
        &format!("{key},58379,no,\"Cited, \"\"here\"\"\nand here\""),
    );
    let rows = new_items::read(&quoted).unwrap();
    let row = rows.iter().find(|r| r.key == key).unwrap();
    assert_eq!(row.citation, "Cited, \"here\"\nand here");
    assert_eq!(row.line, line);
    assert_eq!(row.value, 58_379.0);
    let after = rows.iter().find(|r| r.line > line).unwrap();
    assert_eq!(after.line, line + 2, "lines after a two-line row count it");
}

#[test]
fn constants_are_named_by_key() {
    assert_eq!(
        new_items::const_name("workload.beds.wte_per_bed"),
        "WORKLOAD_BEDS_WTE_PER_BED"
    );
    assert_eq!(
        defaults::NEW_ROLE_ANNUAL_COST,
        value("new_role.annual_cost")
    );
    assert_eq!(defaults::NEW_ROLE_LEAVER_RATE, 0.115);
}
