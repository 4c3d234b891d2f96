#![cfg(not(target_arch = "wasm32"))]
//! Share links, stored state, CSV export and the app's reducer, natively:
//! decoders never panic and always say what is wrong; the reducer keeps what
//! was typed and the last good results.

use std::rc::Rc;

use proptest::prelude::*;
use workforce_gap::io::csv::{field, results_csv};
use workforce_gap::io::share::{self, Fragment};
use workforce_gap::io::stored::{self, SavedScenario};
use workforce_gap::model::examples::example_place;
use workforce_gap::model::field::{Field, WorkingTimeField};
use workforce_gap::model::scenario::AgeBand;
use workforce_gap::model::{compute, Scenario};
use workforce_gap::ui::state::{Action, AppState};
use yew::Reducible;

#[test]
fn share_link_round_trips_the_whole_scenario() {
    let mut scenario = example_place();
    scenario.name = "Baseline, \"quoted\" & accented: é".to_string();
    scenario
        .ranges
        .insert("places.place.need_index".into(), [0.9, 1.3]);
    let fragment = share::encode(&scenario);
    assert!(fragment.starts_with(share::PREFIX));
    assert!(
        fragment.len() < 6000,
        "compressed link is {} characters",
        fragment.len()
    );
    assert!(fragment
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"=+-$_".contains(&b)));
    match share::decode(&format!("#{fragment}")) {
        Fragment::Scenario(back) => assert_eq!(*back, scenario),
        other => panic!("{other:?}"),
    }
}

#[test]
fn broken_share_links_say_what_is_wrong() {
    assert_eq!(share::decode(""), Fragment::None);
    assert_eq!(share::decode("#results"), Fragment::None);
    for bad in ["#scenario=", "#scenario=garbage!!", "#scenario=AAAA"] {
        match share::decode(bad) {
            Fragment::Broken(message) => assert!(message.contains("share link"), "{message}"),
            other => panic!("{bad}: {other:?}"),
        }
    }
    // A link cut short when copied.
    let full = share::encode(&example_place());
    match share::decode(&full[..full.len() / 2]) {
        Fragment::Broken(message) => assert!(message.contains("share link"), "{message}"),
        Fragment::Scenario(_) => panic!("half a link must not open"),
        Fragment::None => panic!("half a link is still a scenario link"),
    }
    // A valid link to something that is not a scenario.
    let not_scenario = format!(
        "{}{}",
        share::PREFIX,
        lz_compress("{\"schema\":\"other\",\"version\":1}")
    );
    match share::decode(&not_scenario) {
        Fragment::Broken(message) => assert!(message.contains("schema"), "{message}"),
        other => panic!("{other:?}"),
    }
}

fn lz_compress(text: &str) -> String {
    lz_str::compress_to_encoded_uri_component(text)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn share_decoder_never_panics(text in ".{0,300}") {
        let _ = share::decode(&format!("#scenario={text}"));
        let _ = share::decode(&text);
    }

    #[test]
    fn stored_decoders_never_panic(text in ".{0,300}") {
        let _ = stored::decode_library(&text);
        let _ = stored::decode_current(&text);
    }
}

#[test]
fn library_keeps_good_entries_and_reports_bad_ones() {
    let good = SavedScenario {
        name: "Baseline".into(),
        saved_at: "today".into(),
        scenario: example_place(),
    };
    let text = stored::encode_library(std::slice::from_ref(&good));
    let (back, problems) = stored::decode_library(&text);
    assert_eq!(back, vec![good.clone()]);
    assert!(problems.is_empty());

    let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let list = value["scenarios"].as_array_mut().unwrap();
    list.push(serde_json::json!({ "name": "Broken", "scenario": { "schema": "workforce-gap/scenario", "version": 99 } }));
    list.push(serde_json::json!({ "scenario": {} }));
    let (back, problems) = stored::decode_library(&value.to_string());
    assert_eq!(back, vec![good]);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("Broken") && problems[0].contains("version 99"));

    let (none, problems) = stored::decode_library("{oops");
    assert!(none.is_empty());
    assert!(problems[0].contains("could not be read"));
    assert!(stored::decode_current("[]")
        .unwrap_err()
        .contains("could not be read"));
}

#[test]
fn csv_is_rfc_4180_with_documented_sections() {
    let mut scenario = example_place();
    scenario.roles[0].name = "Nurse, \"mental health\"".into();
    let results = compute(&scenario);
    let text = results_csv(&scenario, &results);
    assert!(text.contains("\r\n"));
    assert!(
        !text.replace("\r\n", "").contains('\n'),
        "only CRLF line ends"
    );
    for section in [
        "Summary",
        "Roles",
        "Groups",
        "Sectors",
        "Services",
        "Projection",
    ] {
        assert!(
            text.contains(&format!("\r\n{section}\r\n")) || text.starts_with(section),
            "{section}"
        );
    }
    assert!(text.contains("\"Nurse, \"\"mental health\"\"\""));
    let role_rows = text
        .split("\r\n\r\n")
        .find(|s| s.starts_with("Roles"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(role_rows, 2 + scenario.roles.len());
    let projection = text
        .split("\r\n\r\n")
        .find(|s| s.starts_with("Projection"))
        .unwrap();
    assert_eq!(
        projection.lines().count(),
        2 + scenario.projection.years as usize + 1
    );
    assert_eq!(field("plain"), "plain");
    assert_eq!(field("a\nb"), "\"a\nb\"");
}

fn state() -> Rc<AppState> {
    Rc::new(AppState::new(example_place(), Vec::new()))
}

#[test]
fn typing_a_number_recomputes_and_bad_text_is_kept_with_last_good_results() {
    let s = state();
    let first = s.results.clone().unwrap();
    let s = s.reduce(Action::SetNumber {
        field: Field::Population(0, AgeBand::Adults),
        text: "600,000".into(),
    });
    assert_eq!(s.scenario.places[0].population.adults, 600_000.0);
    let grown = s.results.clone().unwrap();
    assert!(grown.total.required_wte > first.total.required_wte);
    assert_eq!(
        s.text_for(&Field::Population(0, AgeBand::Adults)),
        "600,000",
        "text stays as typed"
    );

    let s = s.reduce(Action::SetNumber {
        field: Field::Population(0, AgeBand::Adults),
        text: "600k".into(),
    });
    assert!(s.stale);
    assert_eq!(s.text_for(&Field::Population(0, AgeBand::Adults)), "600k");
    assert_eq!(
        s.results.as_deref(),
        Some(&*grown),
        "last good results kept"
    );
    let errors = s.all_errors();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "places[0].population.adults");
    assert!(errors[0].message.contains("Enter a number"));

    let s = s.reduce(Action::SetNumber {
        field: Field::WorkingTime(WorkingTimeField::SicknessRate),
        text: "150".into(),
    });
    assert_eq!(s.all_errors().len(), 2);
    assert!(s
        .error_for("working_time.sickness_rate")
        .unwrap()
        .contains("between 0% and 100%"));

    let s = s
        .reduce(Action::SetNumber {
            field: Field::Population(0, AgeBand::Adults),
            text: "300000".into(),
        })
        .reduce(Action::SetNumber {
            field: Field::WorkingTime(WorkingTimeField::SicknessRate),
            text: "5".into(),
        });
    assert!(!s.stale);
    assert!(s.all_errors().is_empty());
    assert_eq!(
        s.results.as_deref().unwrap().total,
        first.total,
        "back to the start"
    );
}

#[test]
fn structure_edits_keep_the_scenario_valid_or_say_why() {
    let s = state();
    let roles = s.scenario.roles.len();
    let s = s.reduce(Action::AddRole);
    assert_eq!(s.scenario.roles.len(), roles + 1);
    assert!(s.all_errors().is_empty());
    let new_id = s.scenario.roles.last().unwrap().id.clone();

    let s = s.reduce(Action::AddToRoleMix {
        service: 0,
        role: new_id.clone(),
    });
    let s = s.reduce(Action::SetNumber {
        field: Field::RoleMix(0, new_id.clone()),
        text: "50".into(),
    });
    assert_eq!(s.all_errors()[0].path, "services[0].role_mix");
    assert!(s.stale);
    let s = s.reduce(Action::NormaliseRoleMix(0));
    assert!(s.all_errors().is_empty(), "{:?}", s.all_errors());
    let sum: f64 = s.scenario.services[0].role_mix.values().sum();
    assert!((sum - 1.0).abs() < 1e-12);

    // Removing a role takes its share out of every mix: the mix no longer
    // adds up, and the user is told where, until they rebalance it.
    let s = s.reduce(Action::RemoveRole(roles));
    assert!(!s.scenario.services[0].role_mix.contains_key(&new_id));
    assert_eq!(s.all_errors()[0].path, "services[0].role_mix");
    let s = s.reduce(Action::NormaliseRoleMix(0));

    let services = s.scenario.services.len();
    let first = s.scenario.services[0].id.clone();
    let s = s.reduce(Action::MoveService {
        index: 0,
        up: false,
    });
    assert_eq!(s.scenario.services[1].id, first);
    let s = s
        .reduce(Action::AddService)
        .reduce(Action::RemoveService(0));
    assert_eq!(s.scenario.services.len(), services);
    assert!(s.all_errors().is_empty(), "{:?}", s.all_errors());
}

#[test]
fn saved_scenarios_are_named_renamed_duplicated_and_deleted() {
    let s = state()
        .reduce(Action::SaveAs("Baseline".into()))
        .reduce(Action::SaveAs("Ambition".into()))
        .reduce(Action::SaveAs("Baseline".into()));
    let names: Vec<&str> = s.library.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        ["Baseline", "Ambition"],
        "saving a name again replaces it"
    );
    let s = s
        .reduce(Action::RenameSaved {
            index: 1,
            name: "Stretch".into(),
        })
        .reduce(Action::DuplicateSaved(0))
        .reduce(Action::DeleteSaved(2));
    let names: Vec<&str> = s.library.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Baseline", "Baseline (copy)"]);
    assert_eq!(s.library[1].scenario.name, "Baseline (copy)");
}

#[test]
fn loading_replaces_the_scenario_and_clears_typed_text() {
    let s = state().reduce(Action::SetNumber {
        field: Field::NeedIndex(0),
        text: "x".into(),
    });
    assert!(s.stale);
    let blank = Scenario::blank();
    let s = s.reduce(Action::Load {
        scenario: Box::new(blank.clone()),
        origin: workforce_gap::ui::state::Origin::Local,
        notice: None,
    });
    assert_eq!(s.scenario, blank);
    assert!(s.drafts.is_empty());
    assert!(!s.stale);
}

#[test]
fn typed_text_is_kept_per_field_replaced_by_retyping_and_listed_in_path_order() {
    let s = state()
        .reduce(Action::SetNumber {
            field: Field::NeedIndex(0),
            text: "x".into(),
        })
        .reduce(Action::SetNumber {
            field: Field::WorkingTime(WorkingTimeField::HoursPerWeek),
            text: "0".into(),
        })
        .reduce(Action::SetNumber {
            field: Field::NeedIndex(0),
            text: "1.2".into(),
        });
    let paths: Vec<&str> = s.drafts.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        ["places[0].need_index", "working_time.hours_per_week"]
    );
    assert_eq!(s.text_for(&Field::NeedIndex(0)), "1.2");
    assert_eq!(s.error_for("places[0].need_index"), None);
    assert_eq!(
        s.text_for(&Field::WorkingTime(WorkingTimeField::HoursPerWeek)),
        "0"
    );
    // "0" is a number, so the model's rule speaks (more than 0 hours).
    assert!(s.error_for("working_time.hours_per_week").is_some());
    assert!(s.stale);
}
