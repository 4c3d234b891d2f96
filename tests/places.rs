#![cfg(not(target_arch = "wasm32"))]
//! Scenario version 2 (MODEL.md section 7): places, and version 1 inputs
//! still opening everywhere they come from (file, share link, saved
//! library, autosave), read as one place; everything written is version 2.

use std::rc::Rc;

use serde_json::Value;
use workforce_gap::io::csv::results_csv;
use workforce_gap::io::share::{self, Fragment};
use workforce_gap::io::stored;
use workforce_gap::model::examples::example_place;
use workforce_gap::model::field::Field;
use workforce_gap::model::scenario::{AgeBand, Place, Population, CURRENT_VERSION, V1_PLACE_ID};
use workforce_gap::model::{compute, parse_scenario, uncertainty, validate, Scenario};
use workforce_gap::ui::state::{Action, AppState, Edit, ENTERED_BY_YOU};
use yew::Reducible;

const FIXTURE: &str = include_str!("fixtures/reference-cases.json");

/// The first version 1 reference case, as the JSON text a version 1 file
/// held, with a range on its need index.
fn v1_text() -> String {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let case = fixture["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| {
            c["scenario"]["version"] == 1 && c["scenario"]["services"].as_array().unwrap().len() > 1
        })
        .unwrap();
    let mut scenario = case["scenario"].clone();
    scenario["ranges"] =
        serde_json::json!({ "need_index": [0.9, 1.2], "population.adults": [25000, 35000] });
    scenario.to_string()
}

fn place(id: &str, adults: f64, need_index: f64) -> Place {
    Place {
        id: id.into(),
        name: id.to_uppercase(),
        code: None,
        population: Population {
            children: 0.0,
            adults,
            older: 0.0,
        },
        need_index,
        sources: Default::default(),
    }
}

#[test]
fn a_version_1_file_is_read_as_one_place_and_written_as_the_current_version() {
    let text = v1_text();
    let v1: Value = serde_json::from_str(&text).unwrap();
    let s = parse_scenario(&text).expect("version 1 still opens");
    assert_eq!(s.version, CURRENT_VERSION);
    assert_eq!(s.places.len(), 1);
    let p = &s.places[0];
    assert_eq!(p.id, V1_PLACE_ID);
    assert_eq!(p.name, v1["name"].as_str().unwrap());
    assert_eq!(
        p.population.adults,
        v1["population"]["adults"].as_f64().unwrap()
    );
    assert_eq!(p.need_index, v1["need_index"].as_f64().unwrap());
    // Range keys move to the place.
    let keys: Vec<&str> = s.ranges.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["places.place.need_index", "places.place.population.adults"]
    );
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    assert!(uncertainty(&s, 50, 1).is_ok());

    let written: Value = serde_json::from_str(&s.to_json_pretty()).unwrap();
    assert_eq!(written["version"], CURRENT_VERSION);
    assert!(written.get("population").is_none() && written.get("need_index").is_none());
    assert_eq!(written["places"][0]["id"], "place");
    assert_eq!(parse_scenario(&s.to_json_pretty()).unwrap(), s);
}

#[test]
fn version_1_share_links_saved_libraries_and_autosaves_still_open() {
    let text = v1_text();
    let expected = parse_scenario(&text).unwrap();

    let link = format!(
        "#{}{}",
        share::PREFIX,
        lz_str::compress_to_encoded_uri_component(text.as_str())
    );
    match share::decode(&link) {
        Fragment::Scenario(s) => assert_eq!(*s, expected),
        other => panic!("{other:?}"),
    }

    let library = format!(
        r#"{{"schema":"workforce-gap/library","version":1,"scenarios":[{{"name":"Old","saved_at":"1 Jan 2026","scenario":{text}}}]}}"#
    );
    let (entries, problems) = stored::decode_library(&library);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(entries[0].scenario, expected);
    // Written back, the library holds version 2.
    assert!(stored::encode_library(&entries).contains("\"places\""));

    assert_eq!(stored::decode_current(&text).unwrap(), expected);
}

#[test]
fn version_2_needs_places_and_version_1_needs_its_population() {
    let v2 = example_place().to_json_pretty();
    let mut value: Value = serde_json::from_str(&v2).unwrap();
    value.as_object_mut().unwrap().remove("places");
    // Read, then refused by the rules, at `places`.
    let s = parse_scenario(&value.to_string()).unwrap();
    let errors = validate(&s);
    assert_eq!(errors[0].path, "places", "{errors:?}");
    assert!(errors[0].message.contains("at least one place"));

    for missing in ["population", "need_index"] {
        let mut v1: Value = serde_json::from_str(&v1_text()).unwrap();
        v1.as_object_mut().unwrap().remove(missing);
        let err = parse_scenario(&v1.to_string()).unwrap_err().to_string();
        assert!(err.contains(&format!("missing field `{missing}`")), "{err}");
    }
}

#[test]
fn place_rules_name_the_place_by_index() {
    let mut s = example_place();
    s.places = vec![
        place("north", 1000.0, 1.5),
        place("north", 2000.0, -1.0),
        place(" ", 10.0, 1.0),
    ];
    s.places[2].name = String::new();
    let errors: Vec<(String, String)> = validate(&s)
        .into_iter()
        .map(|e| (e.path, e.message))
        .collect();
    let paths: Vec<&str> = errors.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "places[1].need_index",
            "places[1].id",
            "places[2].id",
            "places[2].name"
        ],
        "{errors:?}"
    );
    assert!(
        errors[0]
            .1
            .starts_with("NORTH: need index must be 0 or more"),
        "{}",
        errors[0].1
    );
    assert!(errors[1]
        .1
        .contains("Another place already has the id \"north\""));

    s.places.clear();
    let errors = validate(&s);
    assert_eq!(errors[0].path, "places");
    assert!(errors[0].message.contains("at least one place"));
}

#[test]
fn place_inputs_have_paths_keys_and_read_back_from_their_keys() {
    let mut s = example_place();
    s.places = vec![place("north", 30000.0, 1.5), place("south", 30000.0, 0.9)];
    let need = Field::NeedIndex(1);
    assert_eq!(need.path(), "places[1].need_index");
    assert_eq!(need.key(&s).as_deref(), Some("places.south.need_index"));
    assert_eq!(need.full_label(&s), "SOUTH: need index");
    assert_eq!(Field::from_key(&s, "places.south.need_index"), Some(need));
    assert_eq!(
        Field::from_key(&s, "places.north.population.older"),
        Some(Field::Population(0, AgeBand::Older))
    );
    // Version 1 keys name the first place.
    assert_eq!(Field::from_key(&s, "need_index"), Some(Field::NeedIndex(0)));
    assert_eq!(
        Field::from_key(&s, "population.adults"),
        Some(Field::Population(0, AgeBand::Adults))
    );
    assert_eq!(Field::from_key(&s, "places.east.need_index"), None);
    // A range on a place's need index is checked and drawn per place.
    s.ranges.insert("places.south.need_index", [0.8, 1.0]);
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    let u = uncertainty(&s, 200, 7).unwrap();
    assert_eq!(u.ranged, ["places.south.need_index"]);
    s.ranges.insert("places.east.need_index", [0.8, 1.0]);
    assert_eq!(validate(&s)[0].path, "ranges.places.east.need_index");
}

#[test]
fn sensitivity_moves_each_place_need_index() {
    let mut s = example_place();
    s.places = vec![
        place("north", 300_000.0, 1.5),
        place("south", 100_000.0, 0.9),
    ];
    let rows = workforce_gap::model::sensitivity(&s);
    let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
    assert!(keys.contains(&"places.north.need_index") && keys.contains(&"places.south.need_index"));
    let swing = |key: &str| rows.iter().find(|r| r.key == key).unwrap().swing;
    // North holds more people at a higher need: it moves the answer more.
    assert!(swing("places.north.need_index") > swing("places.south.need_index"));
}

#[test]
fn csv_has_a_places_section_with_sources() {
    let mut s = example_place();
    s.places = vec![place("north", 30000.0, 1.5), place("south", 30000.0, 0.9)];
    s.places[0].code = Some("E08000035".into());
    s.places[0].sources.insert(
        "need_index",
        "Estimated from deprivation (APMS 2023/4, IMD 2025)",
    );
    let text = results_csv(&s, &compute(&s));
    let section = text
        .split("\r\n\r\n")
        .find(|x| x.starts_with("Places"))
        .unwrap();
    let lines: Vec<&str> = section.lines().collect();
    assert_eq!(lines.len(), 2 + 2);
    assert!(lines[1].starts_with("id,name,code,population,need_index,"));
    assert!(lines[1].ends_with(&format!("required_wte.{}", s.roles.last().unwrap().id)));
    assert!(lines[2].starts_with("north,NORTH,E08000035,30000,1.5,"));
    assert!(lines[2].contains("Estimated from deprivation (APMS 2023/4, IMD 2025)"));
    let roles = text
        .split("\r\n\r\n")
        .find(|x| x.starts_with("Roles"))
        .unwrap();
    assert!(roles.lines().nth(1).unwrap().contains("vacancy_fill_wte"));
    assert!(roles.lines().nth(1).unwrap().contains("retention_needed"));
}

fn state() -> Rc<AppState> {
    Rc::new(AppState::new(example_place(), Vec::new()))
}

#[test]
fn places_are_added_filled_moved_and_removed_and_their_ranges_go_with_them() {
    let s = state().reduce(Action::Edit(Edit::AddPlace));
    assert_eq!(s.scenario.places.len(), 2);
    let added = s.scenario.places[1].id.clone();
    assert_ne!(added, s.scenario.places[0].id);
    let before = s.results.clone().unwrap().total.required_wte;
    let s = s.reduce(Action::Edit(Edit::SetNumber {
        field: Field::Population(1, AgeBand::Adults),
        text: "100,000".into(),
    }));
    assert!(s.results.as_ref().unwrap().total.required_wte > before);
    let s = s.reduce(Action::Edit(Edit::SetRange {
        key: format!("places.{added}.need_index"),
        range: Some([0.9, 1.1]),
    }));
    let s = s.reduce(Action::Edit(Edit::MovePlace { index: 1, up: true }));
    assert_eq!(s.scenario.places[0].id, added);
    let s = s.reduce(Action::Edit(Edit::RemovePlace(0)));
    assert_eq!(s.scenario.places.len(), 1);
    assert!(
        s.scenario.ranges.is_empty(),
        "the removed place's range went with it"
    );
    // The last place stays.
    let s = s.reduce(Action::Edit(Edit::RemovePlace(0)));
    assert_eq!(s.scenario.places.len(), 1);
    assert!(!s.stale);
}

#[test]
fn a_prefilled_place_says_entered_by_you_once_a_value_is_typed_over() {
    let mut leeds = place("", 500_000.0, 1.12);
    leeds.name = "Leeds".into();
    leeds.code = Some("E08000035".into());
    leeds.sources.insert("population", "Census 2021 (ONS)");
    leeds
        .sources
        .insert("need_index", "Estimated from deprivation");
    let s = state().reduce(Action::Edit(Edit::FillPlace {
        index: Some(0),
        place: Box::new(leeds.clone()),
    }));
    let p = &s.scenario.places[0];
    assert_eq!(p.id, V1_PLACE_ID, "the place keeps its id");
    assert_eq!(
        (p.name.as_str(), p.code.as_deref()),
        ("Leeds", Some("E08000035"))
    );
    assert_eq!(p.population, leeds.population);
    // Services, roles and staff are untouched.
    assert_eq!(s.scenario.roles, example_place().roles);
    assert_eq!(s.scenario.services, example_place().services);

    let s = s.reduce(Action::Edit(Edit::SetNumber {
        field: Field::Population(0, AgeBand::Older),
        text: "90000".into(),
    }));
    let sources = &s.scenario.places[0].sources;
    assert_eq!(sources["population.older"], ENTERED_BY_YOU);
    assert_eq!(
        sources["population"], "Census 2021 (ONS)",
        "the other bands keep theirs"
    );
    let s = s.reduce(Action::Edit(Edit::SetValue {
        field: Field::NeedIndex(0),
        value: 1.3,
    }));
    assert_eq!(s.scenario.places[0].sources["need_index"], ENTERED_BY_YOU);

    // A new place from an area gets an id from its code.
    let s = s.reduce(Action::Edit(Edit::FillPlace {
        index: None,
        place: Box::new(leeds),
    }));
    assert_eq!(s.scenario.places[1].id, "e08000035");
}

#[test]
fn replacing_the_places_keeps_ranges_only_of_places_that_stay() {
    let mut s = example_place();
    s.places = vec![place("north", 1000.0, 1.0), place("south", 1000.0, 1.0)];
    s.ranges.insert("places.north.need_index", [0.9, 1.1]);
    s.ranges.insert("places.south.need_index", [0.9, 1.1]);
    s.ranges.insert("projection.demand_growth", [0.0, 0.05]);
    let st = Rc::new(AppState::new(s, Vec::new()));
    let st = st.reduce(Action::Edit(Edit::ReplacePlaces(vec![
        place("south", 5.0, 1.0),
        place("west", 5.0, 1.0),
    ])));
    let keys: Vec<&str> = st.scenario.ranges.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["places.south.need_index", "projection.demand_growth"]
    );
    assert!(!st.stale && st.results.is_some());
    // Nothing to replace with: nothing changes.
    let again = st
        .clone()
        .reduce(Action::Edit(Edit::ReplacePlaces(Vec::new())));
    assert_eq!(again.scenario.places, st.scenario.places);
}

#[test]
fn one_place_gives_the_same_results_as_version_1() {
    let text = v1_text();
    let s: Scenario = parse_scenario(&text).unwrap();
    let mut two = s.clone();
    let half = |p: &Population| Population {
        children: p.children / 2.0,
        adults: p.adults / 2.0,
        older: p.older / 2.0,
    };
    let mut a = s.places[0].clone();
    a.population = half(&a.population);
    let mut b = a.clone();
    b.id = "other".into();
    two.places = vec![a, b];
    let (r1, r2) = (compute(&s), compute(&two));
    assert_eq!(r1.places.len(), 1);
    assert_eq!(
        r1.places[0].required_wte,
        r1.services.iter().map(|x| x.required_wte).sum::<f64>()
    );
    assert!((r1.total.required_wte - r2.total.required_wte).abs() < 1e-9);
}

#[test]
fn an_invalid_version_1_file_is_reported_at_its_own_paths() {
    let mut v1: Value = serde_json::from_str(&v1_text()).unwrap();
    v1["population"]["adults"] = serde_json::json!(-5);
    v1["need_index"] = serde_json::json!(-1);
    v1["ranges"] = serde_json::json!({});
    let errors = workforce_gap::model::validate::read_valid(&v1.to_string()).unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert!(paths.contains(&"population.adults"), "{paths:?}");
    assert!(paths.contains(&"need_index"), "{paths:?}");
    assert!(!paths.iter().any(|p| p.starts_with("places[")), "{paths:?}");
    // A version 2 file with the same problems is named by place.
    let mut v2: Value =
        serde_json::from_str(&parse_scenario(&v1_text()).unwrap().to_json_pretty()).unwrap();
    v2["places"][0]["need_index"] = serde_json::json!(-1);
    let errors = workforce_gap::model::validate::read_valid(&v2.to_string()).unwrap_err();
    assert_eq!(errors[0].path, "places[0].need_index");
}
