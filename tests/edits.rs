#![cfg(not(target_arch = "wasm32"))]
//! Every scenario edit (`model::edit`), natively: what it changes, what it
//! does to the text typed into inputs, what it refuses; and that an index
//! or key naming nothing changes nothing and never panics.

use workforce_gap::model::edit::{apply, Edit, Refused, TextField, Typed, ENTERED_BY_YOU};
use workforce_gap::model::examples::example_place;
use workforce_gap::model::field::{Field, RoleField, ServiceField, WorkingTimeField};
use workforce_gap::model::scenario::{AgeBand, Group, Limits, Place, Sector, WorkloadKind};
use workforce_gap::model::Scenario;

/// `edit` applied to the example place: the scenario after, and the answer.
fn after(edit: Edit) -> (Scenario, Result<Typed, Refused>) {
    let mut s = example_place();
    let answer = apply(&mut s, edit);
    (s, answer)
}

/// `edit` applied to `s`, which it must not change.
fn assert_no_change(mut s: Scenario, edit: Edit) -> Result<Typed, Refused> {
    let before = s.clone();
    let answer = apply(&mut s, edit.clone());
    assert_eq!(s, before, "{edit:?} changed the scenario");
    answer
}

/// `edit` applied to `s` changes nothing, and says so.
fn assert_unchanged(s: Scenario, edit: Edit) {
    assert_eq!(assert_no_change(s, edit), Ok(Typed::Unchanged));
}

/// The example place with two more places, "north" and "south".
fn three_places() -> Scenario {
    let mut s = example_place();
    s.places.push(Place::empty("north", "North"));
    s.places.push(Place::empty("south", "South"));
    s
}

fn refused_for_limit(answer: Result<Typed, Refused>, what: &str) {
    match answer {
        Err(Refused(text)) => {
            assert!(text.starts_with("A scenario holds at most"), "{text}");
            assert!(text.contains(what), "{text}");
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn typing_a_number_sets_the_value_and_keeps_the_text() {
    let (s, answer) = after(Edit::SetNumber {
        field: Field::NeedIndex(0),
        text: "1.4".to_string(),
    });
    assert_eq!(s.places[0].need_index, 1.4);
    assert_eq!(
        answer,
        Ok(Typed::Keep {
            path: "places[0].need_index".to_string(),
            text: "1.4".to_string(),
            problem: None,
        })
    );
    let (s, _) = after(Edit::SetNumber {
        field: Field::Population(0, AgeBand::Adults),
        text: "310,000".to_string(),
    });
    assert_eq!(s.places[0].population.adults, 310_000.0);
}

#[test]
fn typing_what_is_not_a_number_keeps_the_value_and_says_why() {
    let answer = assert_no_change(
        example_place(),
        Edit::SetNumber {
            field: Field::NeedIndex(0),
            text: "1.2.3".to_string(),
        },
    );
    match answer {
        Ok(Typed::Keep {
            path,
            text,
            problem: Some(problem),
        }) => {
            assert_eq!(path, "places[0].need_index");
            assert_eq!(text, "1.2.3");
            let label = Field::NeedIndex(0).full_label(&example_place());
            assert!(problem.starts_with(&format!("{label}: ")), "{problem}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_value_set_by_a_lever_or_by_key_forgets_the_typed_text() {
    let field = Field::WorkingTime(WorkingTimeField::SicknessRate);
    let (s, answer) = after(Edit::SetValue {
        field: field.clone(),
        value: 0.07,
    });
    assert_eq!(field.get(&s), Some(0.07));
    assert_eq!(answer, Ok(Typed::Forget(field.path())));

    let key = field.key(&example_place()).unwrap();
    let (s, answer) = after(Edit::SetByKey { key, value: 0.06 });
    assert_eq!(field.get(&s), Some(0.06));
    assert_eq!(answer, Ok(Typed::Forget(field.path())));

    let answer = assert_no_change(
        example_place(),
        Edit::SetByKey {
            key: "no.such.input".to_string(),
            value: 1.0,
        },
    );
    assert_eq!(answer, Ok(Typed::Unchanged));
}

#[test]
fn a_prefilled_place_says_entered_by_you_for_what_is_set_by_hand() {
    let mut s = example_place();
    s.places[0]
        .sources
        .insert("population", "Census 2021 (ONS)");
    apply(
        &mut s,
        Edit::SetNumber {
            field: Field::Population(0, AgeBand::Children),
            text: "100000".to_string(),
        },
    )
    .unwrap();
    apply(
        &mut s,
        Edit::SetValue {
            field: Field::NeedIndex(0),
            value: 1.1,
        },
    )
    .unwrap();
    let sources = &s.places[0].sources;
    assert_eq!(sources["population.children"], ENTERED_BY_YOU);
    assert_eq!(sources["need_index"], ENTERED_BY_YOU);
    assert_eq!(sources["population"], "Census 2021 (ONS)");

    // A place without sources (typed in from the start) gets none.
    let (s, _) = after(Edit::SetValue {
        field: Field::NeedIndex(0),
        value: 1.1,
    });
    assert!(s.places[0].sources.is_empty());
}

#[test]
fn text_fields_are_set_and_a_missing_item_changes_nothing() {
    let (s, answer) = after(Edit::SetText {
        field: TextField::ScenarioName,
        value: "Our area".to_string(),
    });
    assert_eq!(s.name, "Our area");
    assert_eq!(answer, Ok(Typed::Unchanged));
    let (s, _) = after(Edit::SetText {
        field: TextField::PlaceName(0),
        value: "Leeds".to_string(),
    });
    assert_eq!(s.places[0].name, "Leeds");
    let (s, _) = after(Edit::SetText {
        field: TextField::RoleName(1),
        value: "Consultant".to_string(),
    });
    assert_eq!(s.roles[1].name, "Consultant");
    let (s, _) = after(Edit::SetText {
        field: TextField::ServiceName(2),
        value: "Beds".to_string(),
    });
    assert_eq!(s.services[2].name, "Beds");
    for field in [
        TextField::PlaceName(1),
        TextField::RoleName(99),
        TextField::ServiceName(usize::MAX),
    ] {
        assert_unchanged(
            example_place(),
            Edit::SetText {
                field,
                value: "x".to_string(),
            },
        );
    }
}

#[test]
fn typing_continues_one_undo_step_in_one_input() {
    let number = Edit::SetNumber {
        field: Field::NeedIndex(0),
        text: "1".to_string(),
    };
    assert_eq!(number.typing_in().as_deref(), Some("places[0].need_index"));
    let name = Edit::SetText {
        field: TextField::RoleName(3),
        value: String::new(),
    };
    assert_eq!(name.typing_in().as_deref(), Some("roles[3].name"));
    assert_eq!(
        Edit::SetText {
            field: TextField::ScenarioName,
            value: String::new(),
        }
        .typing_in()
        .as_deref(),
        Some("name")
    );
    for edit in [
        Edit::AddPlace,
        Edit::SetValue {
            field: Field::NeedIndex(0),
            value: 1.0,
        },
        Edit::NormaliseRoleMix(0),
    ] {
        assert_eq!(edit.typing_in(), None, "{edit:?}");
    }
}

#[test]
fn places_are_added_with_a_fresh_id_up_to_the_limit() {
    let (s, answer) = after(Edit::AddPlace);
    assert_eq!(answer, Ok(Typed::Unchanged));
    assert_eq!(s.places.len(), 2);
    assert_eq!(s.places[1].id, "place_1");
    assert_eq!(s.places[1].name, "Place 2");
    let mut again = s.clone();
    apply(&mut again, Edit::AddPlace).unwrap();
    assert_eq!(again.places[2].id, "place_2");

    let mut full = example_place();
    while full.places.len() < Limits::PLACES {
        apply(&mut full, Edit::AddPlace).unwrap();
    }
    refused_for_limit(assert_no_change(full, Edit::AddPlace), "100 places");
}

#[test]
fn a_removed_place_takes_its_ranges_and_the_last_place_stays() {
    let mut s = three_places();
    s.ranges
        .insert("places.north.need_index".to_string(), [0.9, 1.1]);
    s.ranges
        .insert("places.south.need_index".to_string(), [0.9, 1.1]);
    let answer = apply(&mut s, Edit::RemovePlace(1));
    assert_eq!(answer, Ok(Typed::ForgetAll));
    let ids: Vec<&str> = s.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["place", "south"]);
    assert_eq!(
        s.ranges.keys().collect::<Vec<_>>(),
        ["places.south.need_index"]
    );

    assert_eq!(
        assert_no_change(example_place(), Edit::RemovePlace(0)),
        Ok(Typed::Unchanged)
    );
    assert_unchanged(three_places(), Edit::RemovePlace(3));
    assert_unchanged(three_places(), Edit::RemovePlace(usize::MAX));
}

#[test]
fn places_and_services_move_to_their_neighbours_place() {
    let mut s = three_places();
    assert_eq!(
        apply(&mut s, Edit::MovePlace { index: 2, up: true }),
        Ok(Typed::ForgetAll)
    );
    let ids: Vec<&str> = s.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["place", "south", "north"]);
    apply(
        &mut s,
        Edit::MovePlace {
            index: 0,
            up: false,
        },
    )
    .unwrap();
    let ids: Vec<&str> = s.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["south", "place", "north"]);

    let mut s = example_place();
    let first = s.services[0].id.clone();
    apply(
        &mut s,
        Edit::MoveService {
            index: 0,
            up: false,
        },
    )
    .unwrap();
    assert_eq!(s.services[1].id, first);

    let last = example_place().services.len() - 1;
    for edit in [
        Edit::MovePlace { index: 0, up: true },
        Edit::MovePlace {
            index: 2,
            up: false,
        },
        Edit::MovePlace { index: 3, up: true },
        Edit::MovePlace {
            index: usize::MAX,
            up: false,
        },
        Edit::MoveService { index: 0, up: true },
        Edit::MoveService {
            index: last,
            up: false,
        },
        Edit::MoveService {
            index: usize::MAX,
            up: true,
        },
    ] {
        assert_eq!(assert_no_change(three_places(), edit), Ok(Typed::Unchanged));
    }
}

fn leeds() -> Place {
    let mut leeds = Place::empty("", "Leeds");
    leeds.code = Some("E08000035".to_string());
    leeds.need_index = 1.12;
    leeds.population.adults = 500_000.0;
    leeds.sources.insert("population", "Census 2021 (ONS)");
    leeds
}

#[test]
fn a_place_is_filled_from_an_area_keeping_its_id_or_added() {
    let (s, answer) = after(Edit::FillPlace {
        index: Some(0),
        place: Box::new(leeds()),
    });
    assert_eq!(answer, Ok(Typed::ForgetAll));
    let p = &s.places[0];
    assert_eq!(p.id, "place", "the place keeps its id");
    assert_eq!(
        (p.name.as_str(), p.code.as_deref(), p.need_index),
        ("Leeds", Some("E08000035"), 1.12)
    );
    assert_eq!(p.population, leeds().population);
    assert_eq!(p.sources, leeds().sources);
    assert_eq!(s.roles, example_place().roles);

    // None, or an index past the last place: a new place, its id from
    // the area's code, made fresh when taken.
    for index in [None, Some(1), Some(usize::MAX)] {
        let (s, _) = after(Edit::FillPlace {
            index,
            place: Box::new(leeds()),
        });
        assert_eq!(s.places.len(), 2, "{index:?}");
        assert_eq!(s.places[1].id, "e08000035");
    }
    let mut s = example_place();
    for _ in 0..2 {
        apply(
            &mut s,
            Edit::FillPlace {
                index: None,
                place: Box::new(leeds()),
            },
        )
        .unwrap();
    }
    assert_eq!(s.places[2].id, "e08000035_1");

    let mut full = example_place();
    while full.places.len() < Limits::PLACES {
        apply(&mut full, Edit::AddPlace).unwrap();
    }
    refused_for_limit(
        assert_no_change(
            full.clone(),
            Edit::FillPlace {
                index: None,
                place: Box::new(leeds()),
            },
        ),
        "places",
    );
    // Filling a place that is there is no new place.
    apply(
        &mut full,
        Edit::FillPlace {
            index: Some(5),
            place: Box::new(leeds()),
        },
    )
    .unwrap();
    assert_eq!(full.places[5].name, "Leeds");
}

#[test]
fn replacing_the_places_keeps_only_the_ranges_of_places_that_stay() {
    let mut s = three_places();
    s.ranges
        .insert("places.north.need_index".to_string(), [0.9, 1.1]);
    s.ranges
        .insert("places.northern.need_index".to_string(), [0.9, 1.1]);
    s.ranges
        .insert("places.south.need_index".to_string(), [0.9, 1.1]);
    s.ranges
        .insert("projection.demand_growth".to_string(), [0.0, 0.05]);
    let answer = apply(
        &mut s,
        Edit::ReplacePlaces(vec![Place::empty("north", "N"), Place::empty("east", "E")]),
    );
    assert_eq!(answer, Ok(Typed::ForgetAll));
    let ids: Vec<&str> = s.places.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["north", "east"]);
    assert_eq!(
        s.ranges.keys().collect::<Vec<_>>(),
        ["places.north.need_index", "projection.demand_growth"]
    );

    assert_eq!(
        assert_no_change(three_places(), Edit::ReplacePlaces(Vec::new())),
        Ok(Typed::Unchanged)
    );
    let too_many: Vec<Place> = (0..=Limits::PLACES)
        .map(|i| Place::empty(&format!("p{i}"), "P"))
        .collect();
    refused_for_limit(
        assert_no_change(three_places(), Edit::ReplacePlaces(too_many)),
        "places",
    );
    let just_enough: Vec<Place> = (0..Limits::PLACES)
        .map(|i| Place::empty(&format!("p{i}"), "P"))
        .collect();
    let mut s = example_place();
    apply(&mut s, Edit::ReplacePlaces(just_enough)).unwrap();
    assert_eq!(s.places.len(), Limits::PLACES);
}

#[test]
fn a_roles_group_and_sector_are_set() {
    let (s, answer) = after(Edit::SetRoleGroup(0, Group::Support));
    assert_eq!(s.roles[0].group, Group::Support);
    assert_eq!(answer, Ok(Typed::Unchanged));
    let (s, _) = after(Edit::SetRoleSector(1, Sector::Vcse));
    assert_eq!(s.roles[1].sector, Sector::Vcse);
    let roles = example_place().roles.len();
    assert_unchanged(example_place(), Edit::SetRoleGroup(roles, Group::Support));
    assert_unchanged(
        example_place(),
        Edit::SetRoleSector(usize::MAX, Sector::Vcse),
    );
}

#[test]
fn roles_are_added_up_to_the_limit_and_removed_from_every_mix() {
    let roles = example_place().roles.len();
    let (s, answer) = after(Edit::AddRole);
    assert_eq!(answer, Ok(Typed::Unchanged));
    assert_eq!(s.roles.len(), roles + 1);
    assert_eq!(s.roles[roles].id, "role_1");
    assert_eq!(s.roles[roles].name, format!("New role {}", roles + 1));
    assert_eq!(s.roles[roles].in_post_wte, 0.0);

    let mut full = example_place();
    while full.roles.len() < Limits::ROLES {
        apply(&mut full, Edit::AddRole).unwrap();
    }
    refused_for_limit(assert_no_change(full, Edit::AddRole), "100 roles");

    let mut s = example_place();
    let id = s.roles[0].id.clone();
    assert!(s.services.iter().any(|sv| sv.role_mix.contains_key(&id)));
    s.ranges
        .insert(format!("roles.{id}.leaver_rate"), [0.08, 0.12]);
    assert_eq!(apply(&mut s, Edit::RemoveRole(0)), Ok(Typed::ForgetAll));
    assert_eq!(s.roles.len(), roles - 1);
    assert!(s.services.iter().all(|sv| !sv.role_mix.contains_key(&id)));
    assert!(s.ranges.is_empty());
    assert_eq!(
        assert_no_change(example_place(), Edit::RemoveRole(roles)),
        Ok(Typed::Unchanged)
    );
}

#[test]
fn an_age_band_is_toggled_and_the_bands_stay_in_order() {
    let mut s = example_place();
    s.services[0].ages = vec![AgeBand::Older];
    apply(&mut s, Edit::ToggleAge(0, AgeBand::Children)).unwrap();
    assert_eq!(s.services[0].ages, [AgeBand::Children, AgeBand::Older]);
    apply(&mut s, Edit::ToggleAge(0, AgeBand::Adults)).unwrap();
    assert_eq!(
        s.services[0].ages,
        [AgeBand::Children, AgeBand::Adults, AgeBand::Older]
    );
    apply(&mut s, Edit::ToggleAge(0, AgeBand::Children)).unwrap();
    assert_eq!(s.services[0].ages, [AgeBand::Adults, AgeBand::Older]);
    let services = example_place().services.len();
    assert_unchanged(example_place(), Edit::ToggleAge(services, AgeBand::Adults));
}

#[test]
fn a_new_workload_kind_starts_from_its_defaults_and_forgets_the_old_text() {
    let s = example_place();
    let i = s
        .services
        .iter()
        .position(|sv| sv.workload.kind() != WorkloadKind::Beds)
        .unwrap();
    let old = s.services[i].workload.kind();
    let (s, answer) = after(Edit::SetWorkloadKind(i, WorkloadKind::Beds));
    assert_eq!(
        s.services[i].workload,
        workforce_gap::model::defaults::workload(WorkloadKind::Beds)
    );
    assert_eq!(
        answer,
        Ok(Typed::ForgetUnder(format!("services[{i}].workload.")))
    );
    // The same kind again keeps the values as they are.
    assert_eq!(
        assert_no_change(example_place(), Edit::SetWorkloadKind(i, old)),
        Ok(Typed::Unchanged)
    );
    assert_unchanged(
        example_place(),
        Edit::SetWorkloadKind(usize::MAX, WorkloadKind::Beds),
    );
}

#[test]
fn services_are_added_up_to_the_limit_and_removed_with_their_ranges() {
    let services = example_place().services.len();
    let (s, answer) = after(Edit::AddService);
    assert_eq!(answer, Ok(Typed::Unchanged));
    let added = &s.services[services];
    assert_eq!(added.id, "service_1");
    assert_eq!(added.name, format!("New service {}", services + 1));
    assert_eq!(
        added.role_mix.iter().collect::<Vec<_>>(),
        [(&s.roles[0].id, &1.0)],
        "all of its work is the first role's"
    );

    let mut full = example_place();
    while full.services.len() < Limits::SERVICES {
        apply(&mut full, Edit::AddService).unwrap();
    }
    refused_for_limit(assert_no_change(full, Edit::AddService), "100 services");

    let mut s = example_place();
    let id = s.services[1].id.clone();
    s.ranges
        .insert(format!("services.{id}.prevalence"), [0.01, 0.02]);
    assert_eq!(apply(&mut s, Edit::RemoveService(1)), Ok(Typed::ForgetAll));
    assert_eq!(s.services.len(), services - 1);
    assert!(s.service_index(&id).is_none());
    assert!(s.ranges.is_empty());
    assert_eq!(
        assert_no_change(example_place(), Edit::RemoveService(services)),
        Ok(Typed::Unchanged)
    );
}

#[test]
fn a_role_mix_is_normalised_to_100_percent() {
    let mut s = example_place();
    let roles: Vec<String> = s.roles.iter().take(2).map(|r| r.id.clone()).collect();
    s.services[0].role_mix.clear();
    s.services[0].role_mix.insert(roles[0].clone(), 0.3);
    s.services[0].role_mix.insert(roles[1].clone(), f64::NAN);
    let answer = apply(&mut s, Edit::NormaliseRoleMix(0));
    assert_eq!(
        answer,
        Ok(Typed::ForgetUnder("services[0].role_mix.".to_string()))
    );
    assert_eq!(s.services[0].role_mix[&roles[0]], 1.0);
    assert_eq!(s.services[0].role_mix[&roles[1]], 0.0);

    // Nothing to scale: no change.
    let mut zero = example_place();
    for v in zero.services[0].role_mix.values_mut() {
        *v = 0.0;
    }
    assert_eq!(
        assert_no_change(zero, Edit::NormaliseRoleMix(0)),
        Ok(Typed::Unchanged)
    );
    assert_unchanged(example_place(), Edit::NormaliseRoleMix(usize::MAX));
}

#[test]
fn a_role_goes_into_a_mix_at_0_and_comes_out_with_its_text() {
    let s = example_place();
    let outside = s
        .roles
        .iter()
        .find(|r| !s.services[0].role_mix.contains_key(&r.id))
        .unwrap()
        .id
        .clone();
    let (s, answer) = after(Edit::AddToRoleMix {
        service: 0,
        role: outside.clone(),
    });
    assert_eq!(answer, Ok(Typed::Unchanged));
    assert_eq!(s.services[0].role_mix[&outside], 0.0);
    // Already there: its share stays.
    let inside = example_place().services[0]
        .role_mix
        .keys()
        .next()
        .unwrap()
        .clone();
    assert_unchanged(
        example_place(),
        Edit::AddToRoleMix {
            service: 0,
            role: inside.clone(),
        },
    );

    let (s, answer) = after(Edit::RemoveFromRoleMix {
        service: 0,
        role: inside.clone(),
    });
    assert!(!s.services[0].role_mix.contains_key(&inside));
    assert_eq!(
        answer,
        Ok(Typed::Forget(format!("services[0].role_mix.{inside}")))
    );
    let services = example_place().services.len();
    for edit in [
        Edit::AddToRoleMix {
            service: services,
            role: outside,
        },
        Edit::RemoveFromRoleMix {
            service: services,
            role: inside,
        },
    ] {
        assert_eq!(
            assert_no_change(example_place(), edit),
            Ok(Typed::Unchanged)
        );
    }
}

#[test]
fn ranges_are_set_and_cleared_up_to_the_limit() {
    let key = "working_time.sickness_rate".to_string();
    let (s, answer) = after(Edit::SetRange {
        key: key.clone(),
        range: Some([0.04, 0.06]),
    });
    assert_eq!(answer, Ok(Typed::Unchanged));
    assert_eq!(s.ranges[&key], [0.04, 0.06]);
    let mut cleared = s.clone();
    apply(
        &mut cleared,
        Edit::SetRange {
            key: key.clone(),
            range: None,
        },
    )
    .unwrap();
    assert!(cleared.ranges.is_empty());
    assert_unchanged(
        example_place(),
        Edit::SetRange {
            key: "no.such.range".to_string(),
            range: None,
        },
    );

    let mut full = s;
    for i in full.ranges.len()..Limits::RANGES {
        full.ranges.insert(format!("k{i}"), [0.0, 1.0]);
    }
    refused_for_limit(
        assert_no_change(
            full.clone(),
            Edit::SetRange {
                key: "projection.demand_growth".to_string(),
                range: Some([0.0, 0.05]),
            },
        ),
        "500 uncertainty ranges",
    );
    // A range that is there can still be changed, and cleared.
    apply(
        &mut full,
        Edit::SetRange {
            key: key.clone(),
            range: Some([0.03, 0.07]),
        },
    )
    .unwrap();
    assert_eq!(full.ranges[&key], [0.03, 0.07]);
}

#[test]
fn notes_are_trimmed_cut_to_length_removed_when_empty_and_limited() {
    let key = "working_time.sickness_rate".to_string();
    let (s, answer) = after(Edit::SetNote {
        key: key.clone(),
        text: "  Our 2025 ESR extract  ".to_string(),
    });
    assert_eq!(answer, Ok(Typed::Unchanged));
    assert_eq!(s.notes[key.as_str()], "Our 2025 ESR extract");

    let (long, _) = after(Edit::SetNote {
        key: key.clone(),
        text: "\u{e9}".repeat(Limits::NOTE_CHARS + 10),
    });
    assert_eq!(long.notes[key.as_str()].chars().count(), Limits::NOTE_CHARS);

    let mut s = s;
    apply(
        &mut s,
        Edit::SetNote {
            key: key.clone(),
            text: "   ".to_string(),
        },
    )
    .unwrap();
    assert!(s.notes.is_empty());

    let mut full = example_place();
    for i in 0..Limits::NOTES {
        full.notes.insert(format!("k{i}"), "x");
    }
    refused_for_limit(
        assert_no_change(
            full.clone(),
            Edit::SetNote {
                key: key.clone(),
                text: "one more".to_string(),
            },
        ),
        "notes",
    );
    apply(
        &mut full,
        Edit::SetNote {
            key: "k3".to_string(),
            text: "changed".to_string(),
        },
    )
    .unwrap();
    assert_eq!(full.notes["k3"], "changed");
}

#[test]
fn an_edit_of_an_item_that_is_not_there_changes_nothing() {
    let roles = example_place().roles.len();
    let services = example_place().services.len();
    for far in [1, 99, usize::MAX] {
        // The first item past the end, one far past it, and the last index.
        let i = far;
        let past = |count: usize| count.saturating_add(far - 1);
        for edit in [
            Edit::SetValue {
                field: Field::NeedIndex(i),
                value: 2.0,
            },
            Edit::SetValue {
                field: Field::Population(i, AgeBand::Adults),
                value: 2.0,
            },
            Edit::SetNumber {
                field: Field::Role(past(roles), RoleField::InPostWte),
                text: "5".to_string(),
            },
            Edit::SetNumber {
                field: Field::Service(past(services), ServiceField::Prevalence),
                text: "5%".to_string(),
            },
            Edit::SetNumber {
                field: Field::RoleMix(past(services), "mh_nurse".to_string()),
                text: "50".to_string(),
            },
            Edit::SetText {
                field: TextField::PlaceName(i),
                value: "x".to_string(),
            },
            Edit::RemovePlace(i),
            Edit::MovePlace { index: i, up: true },
            Edit::SetRoleGroup(past(roles), Group::Support),
            Edit::SetRoleSector(past(roles), Sector::Vcse),
            Edit::RemoveRole(past(roles)),
            Edit::ToggleAge(past(services), AgeBand::Older),
            Edit::SetWorkloadKind(past(services), WorkloadKind::Beds),
            Edit::RemoveService(past(services)),
            Edit::MoveService {
                index: past(services),
                up: false,
            },
            Edit::NormaliseRoleMix(past(services)),
            Edit::AddToRoleMix {
                service: past(services),
                role: "mh_nurse".to_string(),
            },
            Edit::RemoveFromRoleMix {
                service: past(services),
                role: "mh_nurse".to_string(),
            },
        ] {
            // `past(roles)` overflows only for usize::MAX, which the
            // wrapping below keeps far past the end.
            assert!(assert_no_change(example_place(), edit).is_ok());
        }
    }
}
