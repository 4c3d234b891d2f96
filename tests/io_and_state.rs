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
use workforce_gap::ui::state::{Action, AppState, Edit, HistoryAction, LibraryAction};
use yew::Reducible;

#[test]
fn share_link_round_trips_the_whole_scenario() {
    let mut scenario = example_place();
    scenario.name = "Baseline, \"quoted\" & accented: é".to_string();
    scenario
        .ranges
        .insert("places.place.need_index", [0.9, 1.3]);
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

/// A crafted lz-string payload whose every code names the entry one longer
/// than the last ("a", "aa", "aaa", ...): `codes` codes unpack to about
/// codes² / 2 characters. Written bit by bit as lz-string does.
fn lz_bomb(codes: usize) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
    let mut out = String::new();
    let (mut value, mut position) = (0usize, 0);
    let mut write = |code: usize, bits: u32, out: &mut String| {
        for i in 0..bits {
            value = (value << 1) | ((code >> i) & 1);
            position += 1;
            if position == 6 {
                out.push(ALPHABET[value] as char);
                (value, position) = (0, 0);
            }
        }
    };
    write(0, 2, &mut out); // an 8-bit character follows
    write(b'a' as usize, 8, &mut out);
    let (mut dictionary, mut enlarge_in, mut bits) = (4usize, 4usize, 3u32);
    for _ in 0..codes {
        write(dictionary, bits, &mut out);
        dictionary += 1;
        enlarge_in -= 1;
        if enlarge_in == 0 {
            enlarge_in = 1 << bits;
            bits += 1;
        }
    }
    write(2, bits, &mut out); // the end mark
    write(0, 6, &mut out); // flush the last character
    out
}

#[test]
fn a_share_link_that_unpacks_without_bound_is_refused() {
    use workforce_gap::io::lz::{decompress_uri_component, LzError};
    // Small enough to unpack: 200 codes make 1 + 2 + ... + 201 characters.
    let small = decompress_uri_component(&lz_bomb(200), 1_000_000).unwrap();
    assert_eq!(small.len(), (1..=201).sum::<usize>());
    assert!(small.iter().all(|&c| c == b'a' as u16));
    // 20,000 codes (a link of about 45,000 characters) would unpack to 200
    // million characters: refused as soon as the bound is passed.
    let bomb = lz_bomb(20_000);
    assert!(bomb.len() < share::MAX_FRAGMENT, "{}", bomb.len());
    assert_eq!(
        decompress_uri_component(&bomb, 2_000_000),
        Err(LzError::TooLong)
    );
    match share::decode(&format!("#scenario={bomb}")) {
        Fragment::Broken(message) => {
            assert!(message.contains("unpacks to more than"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    // Longer than any scenario's link: refused without decoding.
    let long = format!("#scenario={}", "A".repeat(share::MAX_FRAGMENT + 1));
    match share::decode(&long) {
        Fragment::Broken(message) => assert!(message.contains("too long"), "{message}"),
        other => panic!("{other:?}"),
    }
}

// Anything the lz_str crate writes, the bounded reader reads back.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]
    #[test]
    fn bounded_lz_reader_reads_what_lz_str_writes(text in "(.{0,40}|[ab]{0,400}|\\PC{0,200})") {
        let packed = lz_compress(&text);
        let wide: Vec<u16> = text.encode_utf16().collect();
        prop_assume!(!wide.is_empty());
        prop_assert_eq!(
            workforce_gap::io::lz::decompress_uri_component(&packed, wide.len()),
            Ok(wide.clone())
        );
        prop_assert!(workforce_gap::io::lz::decompress_uri_component(&packed, wide.len() - 1).is_err());
    }
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

/// OWASP CSV injection: text a spreadsheet would run as a formula is
/// written with a leading apostrophe; numbers, negative ones too, are not.
#[test]
fn csv_cells_never_start_a_formula() {
    for (typed, written) in [
        (
            "=HYPERLINK(\"http://x\")",
            "\"'=HYPERLINK(\"\"http://x\"\")\"",
        ),
        ("+1+1", "'+1+1"),
        ("-1+cmd", "'-1+cmd"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("-12.5", "-12.5"),
        ("Crisis team", "Crisis team"),
    ] {
        assert_eq!(field(typed), written, "{typed:?}");
    }
    let mut scenario = example_place();
    scenario.name = "=1+2".into();
    scenario.places[0].name = "@evil".into();
    scenario.services[0].name = "+svc".into();
    scenario.roles[0].name = "-role, x".into();
    let results = compute(&scenario);
    let text = results_csv(&scenario, &results);
    for cell in text.split(['\r', '\n', ',']).filter(|c| !c.is_empty()) {
        let bare = cell.trim_start_matches('"');
        assert!(
            !bare.starts_with(['=', '+', '@']),
            "a cell starts a formula: {cell:?}"
        );
    }
    assert!(text.contains("'=1+2"));
    assert!(text.contains("'@evil"));
    assert!(text.contains("'+svc"));
    assert!(text.contains("\"'-role, x\""));
}

/// However a scenario arrives, one with more than the calculator takes is
/// refused with a message that says what and how much, before the page
/// tries to draw 10,000 roles.
#[test]
fn oversized_scenarios_are_refused_with_what_is_too_large() {
    use workforce_gap::model::scenario::{parse_scenario, Limits};
    let mut scenario = example_place();
    let role = scenario.roles[0].clone();
    for i in 0..=Limits::ROLES {
        let mut extra = role.clone();
        extra.id = format!("extra_{i}");
        scenario.roles.push(extra);
    }
    let text = scenario.to_json_pretty();
    let message = parse_scenario(&text).unwrap_err().to_string();
    assert!(message.contains("too large"), "{message}");
    assert!(
        message.contains(&format!("{} roles", scenario.roles.len())),
        "{message}"
    );
    assert!(message.contains("at most 100"), "{message}");
    // The same through a share link.
    match share::decode(&share::encode(&scenario)) {
        Fragment::Broken(message) => assert!(message.contains("roles"), "{message}"),
        other => panic!("{other:?}"),
    }

    let mut many_places = example_place();
    let place = many_places.places[0].clone();
    for i in 0..Limits::PLACES {
        let mut extra = place.clone();
        extra.id = format!("p{i}");
        many_places.places.push(extra);
    }
    let message = parse_scenario(&many_places.to_json_pretty())
        .unwrap_err()
        .to_string();
    assert!(message.contains("101 places"), "{message}");

    // Text over 2 MB is refused before it is decoded.
    let padded = format!(
        "{}{}",
        " ".repeat(Limits::TEXT_BYTES),
        example_place().to_json_pretty()
    );
    let message = parse_scenario(&padded).unwrap_err().to_string();
    assert!(message.contains("2 MB"), "{message}");
    // At the limits, a scenario still opens.
    let mut at_limit = example_place();
    at_limit.roles.truncate(1);
    assert!(parse_scenario(&at_limit.to_json_pretty()).is_ok());
}

/// The page never makes a scenario it could not open again: adding past a
/// limit is refused with a notice.
#[test]
fn adding_past_a_limit_is_refused_with_a_notice() {
    use workforce_gap::model::scenario::{parse_scenario, Limits};
    let mut scenario = example_place();
    while scenario.roles.len() < Limits::ROLES {
        let mut extra = scenario.roles[0].clone();
        extra.id = format!("extra_{}", scenario.roles.len());
        scenario.roles.push(extra);
    }
    let s = Rc::new(AppState::new(scenario, Vec::new()));
    let s = s.reduce(Action::Edit(Edit::AddRole));
    assert_eq!(s.scenario.roles.len(), Limits::ROLES);
    let notice = s.notice.clone().expect("a notice");
    assert!(notice.text.contains("at most 100 roles"), "{}", notice.text);
    assert!(parse_scenario(&s.scenario.to_json_pretty()).is_ok());
    // Below the limit, adding works as before.
    let s = state()
        .reduce(Action::Edit(Edit::AddRole))
        .reduce(Action::Edit(Edit::AddPlace));
    assert_eq!(s.scenario.roles.len(), example_place().roles.len() + 1);
    assert_eq!(s.scenario.places.len(), 2);
}

/// Undo and redo over every kind of edit: typing (one step per input),
/// removals, imports; a new edit clears what could be redone; history is
/// bounded.
#[test]
fn undo_and_redo_take_back_every_edit() {
    use workforce_gap::ui::state::{History, Origin};
    let start = state();
    let original = start.scenario.clone();
    assert!(!start.history.can_undo());
    // Typing "320000" key by key is one step.
    let mut s = start.clone();
    for typed in ["3", "32", "320", "320,", "320,0", "320,00", "320,000"] {
        s = s.reduce(Action::Edit(Edit::SetNumber {
            field: Field::Population(0, AgeBand::Adults),
            text: typed.into(),
        }));
    }
    assert_eq!(s.history.depth(), 1);
    let typed = s.scenario.clone();
    // A removal, then an import of another scenario.
    let s = s.reduce(Action::Edit(Edit::RemoveService(0)));
    let removed = s.scenario.clone();
    assert!(!s.stale);
    let mut other = example_place();
    other.name = "Imported".into();
    let s = s.reduce(Action::Library(LibraryAction::Load {
        scenario: Box::new(other.clone()),
        origin: Origin::SharedLink,
        notice: None,
    }));
    assert_eq!(s.history.depth(), 3);
    // Undo walks back through each, restoring where the scenario came from.
    let s = s.reduce(Action::History(HistoryAction::Undo));
    assert_eq!(s.scenario, removed);
    assert_eq!(s.origin, Origin::Local);
    let s = s.reduce(Action::History(HistoryAction::Undo));
    assert_eq!(s.scenario, typed);
    let s = s.reduce(Action::History(HistoryAction::Undo));
    assert_eq!(s.scenario, original);
    assert_eq!(
        s.text_for(&Field::Population(0, AgeBand::Adults)),
        "300,000"
    );
    assert!(!s.history.can_undo());
    assert_eq!(
        s.clone()
            .reduce(Action::History(HistoryAction::Undo))
            .scenario,
        original,
        "nothing more to undo"
    );
    // Redo brings them back; the results follow.
    let s = s
        .reduce(Action::History(HistoryAction::Redo))
        .reduce(Action::History(HistoryAction::Redo));
    assert_eq!(s.scenario, removed);
    assert_eq!(*s.results.clone().unwrap(), compute(&removed));
    // A new edit clears the redo list.
    let s = s.reduce(Action::Edit(Edit::AddPlace));
    assert!(!s.history.can_redo());
    // Bounded: the oldest steps go.
    let mut s = state();
    for i in 0..History::STEPS + 20 {
        s = s.reduce(Action::Edit(Edit::SetText {
            field: workforce_gap::ui::state::TextField::ScenarioName,
            value: format!("name {i}"),
        }));
        s = s.reduce(Action::Edit(Edit::AddPlace));
    }
    assert_eq!(s.history.depth(), History::STEPS);
}

fn saved(name: &str, need: f64) -> SavedScenario {
    let mut scenario = example_place();
    scenario.name = name.into();
    scenario.places[0].need_index = need;
    SavedScenario {
        name: name.into(),
        saved_at: String::new(),
        scenario,
    }
}

fn names(list: &[SavedScenario]) -> Vec<&str> {
    list.iter().map(|e| e.name.as_str()).collect()
}

/// Two tabs save at once: each keeps the other's saves, renames and
/// deletions, and its own.
#[test]
fn saved_scenarios_from_two_tabs_are_merged_not_overwritten() {
    use workforce_gap::io::stored::merge_library;
    let base = vec![saved("A", 1.0), saved("B", 1.0), saved("C", 1.0)];
    // This tab saved D and deleted B; the other tab saved E, changed C and
    // deleted A.
    let ours = vec![saved("A", 1.0), saved("C", 1.0), saved("D", 1.0)];
    let theirs = vec![saved("B", 1.0), saved("C", 2.0), saved("E", 1.0)];
    let merged = merge_library(&base, &ours, &theirs);
    assert_eq!(names(&merged), ["C", "D", "E"]);
    assert_eq!(merged[0].scenario.places[0].need_index, 2.0);
    // Both changed the same name: this tab's version is the one it sees.
    let ours = vec![saved("A", 3.0)];
    let theirs = vec![saved("A", 4.0)];
    let merged = merge_library(&[saved("A", 1.0)], &ours, &theirs);
    assert_eq!(merged, ours);
    // Nothing written elsewhere: this tab's list as it is.
    let ours = vec![saved("Z", 1.0), saved("A", 1.0)];
    assert_eq!(merge_library(&base, &ours, &base), ours);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]
    /// Whatever each side did, a name only one side touched ends as that
    /// side left it.
    #[test]
    fn merging_keeps_each_sides_own_changes(
        base in proptest::collection::btree_map("[a-j]", 0..3u8, 0..8),
        ours_edit in proptest::collection::btree_map("[a-e]", proptest::option::of(0..3u8), 0..5),
        theirs_edit in proptest::collection::btree_map("[f-j]", proptest::option::of(0..3u8), 0..5),
    ) {
        use workforce_gap::io::stored::merge_library;
        let list = |m: &std::collections::BTreeMap<String, u8>| -> Vec<SavedScenario> {
            m.iter().map(|(k, v)| saved(k, f64::from(*v) + 1.0)).collect()
        };
        let apply = |edits: &std::collections::BTreeMap<String, Option<u8>>| {
            let mut m = base.clone();
            for (k, v) in edits {
                match v {
                    Some(v) => { m.insert(k.clone(), *v); }
                    None => { m.remove(k); }
                }
            }
            m
        };
        let (ours, theirs) = (apply(&ours_edit), apply(&theirs_edit));
        let merged = merge_library(&list(&base), &list(&ours), &list(&theirs));
        let merged: std::collections::BTreeMap<String, u8> = merged
            .iter()
            .map(|e| (e.name.clone(), (e.scenario.places[0].need_index - 1.0) as u8))
            .collect();
        // The two sides touch different names ([a-e] vs [f-j]), so the
        // merge is base with both sides' edits.
        let mut want = base.clone();
        for (k, v) in ours_edit.iter().chain(theirs_edit.iter()) {
            match v {
                Some(v) => { want.insert(k.clone(), *v); }
                None => { want.remove(k); }
            }
        }
        prop_assert_eq!(merged, want);
    }
}

#[test]
fn backups_are_timestamped_and_the_oldest_dropped() {
    use workforce_gap::io::stored::{
        backup_key, backups_to_drop, BACKUPS_KEPT, CURRENT_KEY, LIBRARY_KEY,
    };
    let stamps = [
        "2026-11-25T10:00:00.000Z",
        "2026-11-25T09:00:00.000Z",
        "2026-11-25T11:00:00.000Z",
        "2026-11-25T12:00:00.000Z",
    ];
    let mut keys: Vec<String> = stamps.iter().map(|t| backup_key(CURRENT_KEY, t)).collect();
    keys.push(backup_key(LIBRARY_KEY, stamps[0]));
    keys.push(CURRENT_KEY.to_string());
    assert_ne!(keys[0], keys[1], "two corruptions, two keys");
    assert_eq!(BACKUPS_KEPT, 3);
    assert_eq!(
        backups_to_drop(&keys, CURRENT_KEY),
        vec![backup_key(CURRENT_KEY, stamps[1])]
    );
    assert!(backups_to_drop(&keys, LIBRARY_KEY).is_empty());
}

fn state() -> Rc<AppState> {
    Rc::new(AppState::new(example_place(), Vec::new()))
}

#[test]
fn typing_a_number_recomputes_and_bad_text_is_kept_with_last_good_results() {
    let s = state();
    let first = s.results.clone().unwrap();
    let s = s.reduce(Action::Edit(Edit::SetNumber {
        field: Field::Population(0, AgeBand::Adults),
        text: "600,000".into(),
    }));
    assert_eq!(s.scenario.places[0].population.adults, 600_000.0);
    let grown = s.results.clone().unwrap();
    assert!(grown.total.required_wte > first.total.required_wte);
    assert_eq!(
        s.text_for(&Field::Population(0, AgeBand::Adults)),
        "600,000",
        "text stays as typed"
    );

    let s = s.reduce(Action::Edit(Edit::SetNumber {
        field: Field::Population(0, AgeBand::Adults),
        text: "600k".into(),
    }));
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

    let s = s.reduce(Action::Edit(Edit::SetNumber {
        field: Field::WorkingTime(WorkingTimeField::SicknessRate),
        text: "150".into(),
    }));
    assert_eq!(s.all_errors().len(), 2);
    assert!(s
        .error_for("working_time.sickness_rate")
        .unwrap()
        .contains("between 0% and 100%"));

    let s = s
        .reduce(Action::Edit(Edit::SetNumber {
            field: Field::Population(0, AgeBand::Adults),
            text: "300000".into(),
        }))
        .reduce(Action::Edit(Edit::SetNumber {
            field: Field::WorkingTime(WorkingTimeField::SicknessRate),
            text: "5".into(),
        }));
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
    let s = s.reduce(Action::Edit(Edit::AddRole));
    assert_eq!(s.scenario.roles.len(), roles + 1);
    assert!(s.all_errors().is_empty());
    let new_id = s.scenario.roles.last().unwrap().id.clone();

    let s = s.reduce(Action::Edit(Edit::AddToRoleMix {
        service: 0,
        role: new_id.clone(),
    }));
    let s = s.reduce(Action::Edit(Edit::SetNumber {
        field: Field::RoleMix(0, new_id.clone()),
        text: "50".into(),
    }));
    assert_eq!(s.all_errors()[0].path, "services[0].role_mix");
    assert!(s.stale);
    let s = s.reduce(Action::Edit(Edit::NormaliseRoleMix(0)));
    assert!(s.all_errors().is_empty(), "{:?}", s.all_errors());
    let sum: f64 = s.scenario.services[0].role_mix.values().sum();
    assert!((sum - 1.0).abs() < 1e-12);

    // Removing a role takes its share out of every mix: the mix no longer
    // adds up, and the user is told where, until they rebalance it.
    let s = s.reduce(Action::Edit(Edit::RemoveRole(roles)));
    assert!(!s.scenario.services[0].role_mix.contains_key(&new_id));
    assert_eq!(s.all_errors()[0].path, "services[0].role_mix");
    let s = s.reduce(Action::Edit(Edit::NormaliseRoleMix(0)));

    let services = s.scenario.services.len();
    let first = s.scenario.services[0].id.clone();
    let s = s.reduce(Action::Edit(Edit::MoveService {
        index: 0,
        up: false,
    }));
    assert_eq!(s.scenario.services[1].id, first);
    let s = s
        .reduce(Action::Edit(Edit::AddService))
        .reduce(Action::Edit(Edit::RemoveService(0)));
    assert_eq!(s.scenario.services.len(), services);
    assert!(s.all_errors().is_empty(), "{:?}", s.all_errors());
}

#[test]
fn saved_scenarios_are_named_renamed_duplicated_and_deleted() {
    let s = state()
        .reduce(Action::Library(LibraryAction::SaveAs {
            name: "Baseline".into(),
            saved_at: "2 December 2026, 10:00".into(),
        }))
        .reduce(Action::Library(LibraryAction::SaveAs {
            name: "Ambition".into(),
            saved_at: "2 December 2026, 10:00".into(),
        }))
        .reduce(Action::Library(LibraryAction::SaveAs {
            name: "Baseline".into(),
            saved_at: "2 December 2026, 10:00".into(),
        }));
    let names: Vec<&str> = s.library.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(
        names,
        ["Baseline", "Ambition"],
        "saving a name again replaces it"
    );
    let s = s
        .reduce(Action::Library(LibraryAction::RenameSaved {
            index: 1,
            name: "Stretch".into(),
        }))
        .reduce(Action::Library(LibraryAction::DuplicateSaved(0)))
        .reduce(Action::Library(LibraryAction::DeleteSaved(2)));
    let names: Vec<&str> = s.library.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Baseline", "Baseline (copy)"]);
    assert_eq!(s.library[1].scenario.name, "Baseline (copy)");
}

#[test]
fn loading_replaces_the_scenario_and_clears_typed_text() {
    let s = state().reduce(Action::Edit(Edit::SetNumber {
        field: Field::NeedIndex(0),
        text: "x".into(),
    }));
    assert!(s.stale);
    let blank = Scenario::blank();
    let s = s.reduce(Action::Library(LibraryAction::Load {
        scenario: Box::new(blank.clone()),
        origin: workforce_gap::ui::state::Origin::Local,
        notice: None,
    }));
    assert_eq!(*s.scenario, blank);
    assert!(s.drafts.is_empty());
    assert!(!s.stale);
}

#[test]
fn typed_text_is_kept_per_field_replaced_by_retyping_and_listed_in_path_order() {
    let s = state()
        .reduce(Action::Edit(Edit::SetNumber {
            field: Field::NeedIndex(0),
            text: "x".into(),
        }))
        .reduce(Action::Edit(Edit::SetNumber {
            field: Field::WorkingTime(WorkingTimeField::HoursPerWeek),
            text: "0".into(),
        }))
        .reduce(Action::Edit(Edit::SetNumber {
            field: Field::NeedIndex(0),
            text: "1.2".into(),
        }));
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

/// Issue 9: a note on any input is kept in the scenario (and its JSON, share
/// link and saved copy), one undo step, removed by clearing it, limited in
/// length, and exported in the results CSV.
#[test]
fn notes_travel_with_the_scenario_and_into_the_csv() {
    use workforce_gap::model::scenario::Limits;
    let state = std::rc::Rc::new(AppState::new(example_place(), Vec::new()));
    let noted = state.clone().reduce(Action::Edit(Edit::SetNote {
        key: "working_time.sickness_rate".into(),
        text: "  Our 2025 ESR extract, \"5.2%\", =rounded  ".into(),
    }));
    assert_eq!(
        noted
            .scenario
            .notes
            .get("working_time.sickness_rate")
            .map(String::as_str),
        Some("Our 2025 ESR extract, \"5.2%\", =rounded")
    );
    // JSON round trip, and a share link.
    let json = noted.scenario.to_json_pretty();
    assert!(json.contains("\"notes\""));
    let back = workforce_gap::model::parse_scenario(&json).unwrap();
    assert_eq!(back.notes, noted.scenario.notes);
    let link = workforce_gap::io::share::encode(&noted.scenario);
    match workforce_gap::io::share::decode(&format!("#{link}")) {
        workforce_gap::io::share::Fragment::Scenario(s) => {
            assert_eq!(s.notes, noted.scenario.notes)
        }
        _ => panic!("the link should open"),
    }
    // A scenario without notes writes none.
    assert!(!example_place().to_json_pretty().contains("\"notes\""));
    // The CSV has a Notes section; the cell is quoted as CSV needs.
    let csv = results_csv(&noted.scenario, noted.results.as_ref().unwrap());
    assert!(csv.contains("Notes\r\ninput,note\r\nworking_time.sickness_rate,\"Our 2025 ESR extract, \"\"5.2%\"\", =rounded\"\r\n"), "{csv}");
    // One undo step; clearing removes it.
    assert_eq!(
        noted
            .clone()
            .reduce(Action::History(HistoryAction::Undo))
            .scenario
            .notes
            .len(),
        0
    );
    let cleared = noted.reduce(Action::Edit(Edit::SetNote {
        key: "working_time.sickness_rate".into(),
        text: " ".into(),
    }));
    assert!(cleared.scenario.notes.is_empty());
    // Long notes are cut to the limit; a file with a longer one is refused.
    let long = "x".repeat(Limits::NOTE_CHARS + 10);
    let s = state.clone().reduce(Action::Edit(Edit::SetNote {
        key: "projection.years".into(),
        text: long.clone(),
    }));
    assert_eq!(
        s.scenario
            .notes
            .get("projection.years")
            .unwrap()
            .chars()
            .count(),
        Limits::NOTE_CHARS
    );
    let mut too_long = example_place();
    too_long.notes.insert("projection.years", long);
    let err = workforce_gap::model::parse_scenario(&too_long.to_json_pretty()).unwrap_err();
    assert!(err.to_string().contains("characters in one note"), "{err}");
}
