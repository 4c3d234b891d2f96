#![cfg(not(target_arch = "wasm32"))]
//! Never an answer on someone else's staff (issue 16): a built-in's staff in
//! post carry a mark; with the built-in's places changed the page says the
//! headline rests on staff that are not the user's; typing, importing or
//! loading the user's own figures takes the mark away.

use workforce_gap::model::edit::{apply, Edit};
use workforce_gap::model::examples::{borrowed_staff, builtins, example_place};
use workforce_gap::model::field::{Field, RoleField};
use workforce_gap::model::scenario::{parse_scenario, Place};
use workforce_gap::model::staff_in_post::{RoleInPost, StaffInPost};
use workforce_gap::model::Scenario;

/// Example place with its one place filled as an area picker would.
fn leeds() -> Scenario {
    let mut s = example_place();
    let mut place = s.places[0].clone();
    place.name = "Leeds".into();
    place.code = Some("E08000035".into());
    place.population.adults = 650_000.0;
    apply(
        &mut s,
        Edit::FillPlace {
            index: Some(0),
            place: Box::new(place),
        },
    )
    .unwrap();
    s
}

#[test]
fn every_builtin_role_is_marked_with_its_builtin() {
    for b in builtins() {
        assert!(!b.scenario.roles.is_empty());
        for role in &b.scenario.roles {
            assert_eq!(
                role.in_post_example.as_deref(),
                Some(b.id.as_str()),
                "{} {}",
                b.id,
                role.id
            );
        }
        // As it came, a built-in is its own answer: no warning.
        assert_eq!(borrowed_staff(&b.scenario), None, "{}", b.id);
    }
}

#[test]
fn an_area_picked_on_example_staff_says_so() {
    let s = leeds();
    let borrowed = borrowed_staff(&s).expect("a warning");
    assert_eq!(
        borrowed.sentence,
        "Staff in post are Example place's illustrative figures, not Leeds's: enter or import yours."
    );
    assert_eq!(borrowed.role_ids.len(), s.roles.len());
    assert!(borrowed.has("mh_nurse"));
}

#[test]
fn a_place_edited_or_added_says_so() {
    let mut s = example_place();
    apply(
        &mut s,
        Edit::SetNumber {
            field: Field::NeedIndex(0),
            text: "1.2".into(),
        },
    )
    .unwrap();
    // The place keeps the example's name: it is "your place" now.
    assert_eq!(
        borrowed_staff(&s).unwrap().sentence,
        "Staff in post are Example place's illustrative figures, not your place's: enter or import yours."
    );

    let mut s = example_place();
    apply(&mut s, Edit::AddPlace).unwrap();
    assert_eq!(
        borrowed_staff(&s).unwrap().sentence,
        "Staff in post are Example place's illustrative figures, not those of your 2 places: enter or import yours."
    );
}

#[test]
fn typing_a_roles_staff_takes_its_mark_away() {
    let mut s = leeds();
    let n = s.roles.len();
    apply(
        &mut s,
        Edit::SetNumber {
            field: Field::Role(0, RoleField::InPostWte),
            text: "180".into(),
        },
    )
    .unwrap();
    assert_eq!(s.roles[0].in_post_example, None);
    let borrowed = borrowed_staff(&s).unwrap();
    assert!(!borrowed.has(&s.roles[0].id));
    assert_eq!(
        borrowed.sentence,
        format!(
            "Staff in post of {} roles are Example place's illustrative figures, not Leeds's: enter or import yours.",
            n - 1
        )
    );
    // Text that is not a number is not the user's figure yet.
    apply(
        &mut s,
        Edit::SetNumber {
            field: Field::Role(1, RoleField::InPostWte),
            text: "lots".into(),
        },
    )
    .unwrap();
    assert!(s.roles[1].in_post_example.is_some());
    // Other inputs of the role leave the mark.
    apply(
        &mut s,
        Edit::SetNumber {
            field: Field::Role(1, RoleField::AnnualCost),
            text: "60000".into(),
        },
    )
    .unwrap();
    assert!(s.roles[1].in_post_example.is_some());

    for i in 1..n {
        apply(
            &mut s,
            Edit::SetValue {
                field: Field::Role(i, RoleField::InPostWte),
                value: 10.0,
            },
        )
        .unwrap();
    }
    assert_eq!(borrowed_staff(&s), None);
}

#[test]
fn one_role_left_is_said_in_the_singular() {
    let mut s = leeds();
    for i in 1..s.roles.len() {
        s.roles[i].in_post_example = None;
    }
    assert!(borrowed_staff(&s)
        .unwrap()
        .sentence
        .starts_with("Staff in post of 1 role are Example place's"));
}

#[test]
fn an_import_takes_the_marks_of_the_roles_it_sets() {
    let mut s = leeds();
    StaffInPost {
        roles: vec![RoleInPost {
            role_id: "psychiatrist".into(),
            in_post_wte: 41.0,
            vacant_wte: None,
        }],
    }
    .apply(&mut s);
    let borrowed = borrowed_staff(&s).unwrap();
    assert!(!borrowed.has("psychiatrist"));
    assert!(borrowed.has("mh_nurse"));
}

#[test]
fn a_new_role_is_the_users_own() {
    let mut s = leeds();
    apply(&mut s, Edit::AddRole).unwrap();
    assert_eq!(s.roles.last().unwrap().in_post_example, None);
}

#[test]
fn the_mark_travels_with_the_scenario_file_and_older_files_have_none() {
    let s = leeds();
    let text = s.to_json_pretty();
    assert!(text.contains("\"in_post_example\": \"example\""));
    let back = parse_scenario(&text).unwrap();
    assert_eq!(back, s);
    assert_eq!(borrowed_staff(&back), borrowed_staff(&s));

    // A version 2 file (no marks) reads as the user's own staff.
    let mut old = example_place();
    for role in &mut old.roles {
        role.in_post_example = None;
    }
    old.places.push(Place::empty("north", "North"));
    let back = parse_scenario(&old.to_json_pretty()).unwrap();
    assert_eq!(borrowed_staff(&back), None);
}

#[test]
fn a_mark_naming_no_builtin_still_warns() {
    let mut s = example_place();
    for role in &mut s.roles {
        role.in_post_example = Some("elsewhere".into());
    }
    let borrowed = borrowed_staff(&s).unwrap();
    assert_eq!(
        borrowed.sentence,
        "Staff in post are a built-in example's illustrative figures, not Example place's: enter or import yours."
    );
}

#[test]
fn the_inputs_register_says_whose_staff_they_are() {
    use workforce_gap::io::register::register;
    let s = leeds();
    let rows = register(&s);
    let nurse = rows
        .iter()
        .find(|r| r.key == "roles.mh_nurse.in_post_wte")
        .expect("the nurse's staff in post");
    assert!(
        nurse
            .source
            .starts_with("Not your staff: Staff in post are Example place's"),
        "{}",
        nurse.source
    );
    // Other inputs keep their citations; typed staff are the user's.
    let cost = rows
        .iter()
        .find(|r| r.key == "roles.mh_nurse.annual_cost")
        .unwrap();
    assert!(!cost.source.starts_with("Not your staff"));
    let mut typed = s.clone();
    apply(
        &mut typed,
        Edit::SetNumber {
            field: Field::Role(0, RoleField::InPostWte),
            text: "250".into(),
        },
    )
    .unwrap();
    let rows = register(&typed);
    let nurse = rows
        .iter()
        .find(|r| r.key == "roles.mh_nurse.in_post_wte")
        .unwrap();
    assert!(
        !nurse.source.starts_with("Not your staff"),
        "{}",
        nurse.source
    );
}

#[test]
fn the_results_csv_says_whose_staff_they_are() {
    use workforce_gap::io::csv::results_csv;
    use workforce_gap::model::compute;
    let s = leeds();
    let csv = results_csv(&s, &compute(&s));
    // Quoted: the sentence holds a comma.
    assert!(csv.contains(
        "staff_in_post_note,\"Staff in post are Example place's illustrative figures, not Leeds's: enter or import yours.\"\r\n"
    ));
    assert!(csv.contains(",in_post_from_example\r\n"));
    let nurse_row = csv.lines().find(|l| l.starts_with("mh_nurse,")).unwrap();
    assert!(nurse_row.ends_with(",yes"), "{nurse_row}");
    let example = example_place();
    let csv = results_csv(&example, &compute(&example));
    assert!(
        csv.contains("staff_in_post_note,\r\n"),
        "no note for the example as it came"
    );
}
