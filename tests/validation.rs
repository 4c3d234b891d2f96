#![cfg(not(target_arch = "wasm32"))]
//! MODEL.md section 4, rule by rule: each problem is reported at its exact
//! field path, in plain words, and every problem is collected.

use workforce_gap::model::field::{
    Field, ProjectionField, RoleField, ServiceField, WorkingTimeField,
};
use workforce_gap::model::scenario::{AgeBand, Workload};
use workforce_gap::model::{parse_scenario, validate, Scenario, ScenarioError};

/// A small valid scenario: roles [nurse, peer]; services [0] beds,
/// [1] caseload, [2] contacts.
const BASE: &str = r#"{
  "schema": "workforce-gap/scenario", "version": 1, "name": "Validation base",
  "population": { "children": 20000, "adults": 60000, "older": 20000 },
  "need_index": 1.0,
  "working_time": {
    "hours_per_week": 37.5, "days_per_week": 5, "weeks_per_year": 52.143,
    "public_holidays": 8, "annual_leave_days": 29, "training_days": 5,
    "sickness_rate": 0.05, "non_clinical_share": 0.3
  },
  "roles": [
    { "id": "nurse", "name": "Nurse", "group": "registered", "sector": "nhs",
      "in_post_wte": 30, "vacant_wte": 5, "annual_cost": 56000,
      "leaver_rate": 0.11, "joiners_per_year": 3 },
    { "id": "peer", "name": "Peer support", "group": "new_role", "sector": "vcse",
      "in_post_wte": 2, "vacant_wte": 0, "annual_cost": 34000,
      "leaver_rate": 0.2, "joiners_per_year": 1 }
  ],
  "services": [
    { "id": "beds", "name": "Acute beds", "ages": ["adults"],
      "prevalence": 0.002, "current_coverage": 1, "target_coverage": 1,
      "workload": { "kind": "beds", "length_of_stay_days": 35, "target_occupancy": 0.85, "wte_per_bed": 1.8 },
      "role_mix": { "nurse": 1.0 } },
    { "id": "community", "name": "Community", "ages": ["adults", "older"],
      "prevalence": 0.009, "current_coverage": 0.6, "target_coverage": 0.9,
      "workload": { "kind": "caseload", "months_on_caseload": 12, "caseload_per_wte": 25 },
      "role_mix": { "nurse": 0.7, "peer": 0.3 } },
    { "id": "talking", "name": "Talking", "ages": ["adults"],
      "prevalence": 0.17, "current_coverage": 0.37, "target_coverage": 0.25,
      "workload": { "kind": "contacts", "contacts_per_person": 6.9, "minutes_per_contact": 50 },
      "role_mix": { "nurse": 0.5, "peer": 0.5 } }
  ],
  "projection": { "years": 10, "demand_growth": 0.044, "retention_improvement": 0.0 }
}"#;

fn base() -> Scenario {
    parse_scenario(BASE).expect("the base parses")
}

fn paths(scenario: &Scenario) -> Vec<String> {
    validate(scenario).into_iter().map(|e| e.path).collect()
}

/// Exactly one error, at `path`.
#[track_caller]
fn assert_one(scenario: &Scenario, path: &str) {
    let errors = validate(scenario);
    assert_eq!(
        errors.iter().map(|e| e.path.as_str()).collect::<Vec<_>>(),
        [path],
        "{errors:#?}"
    );
    let message = &errors[0].message;
    assert!(
        message.ends_with('.') && message.chars().next().unwrap().is_uppercase(),
        "not a plain sentence: {message:?}"
    );
}

/// Set a field and expect exactly one error at its path.
#[track_caller]
fn assert_rejected(field: Field, value: f64) {
    let mut s = base();
    assert!(field.set(&mut s, value), "{field:?} exists");
    assert_one(&s, &field.path());
}

#[track_caller]
fn assert_accepted(field: Field, value: f64) {
    let mut s = base();
    assert!(field.set(&mut s, value));
    assert_eq!(paths(&s), Vec::<String>::new(), "{field:?} = {value}");
}

#[test]
fn the_base_is_valid() {
    assert_eq!(paths(&base()), Vec::<String>::new());
}

#[test]
fn every_number_must_be_finite() {
    let s = base();
    for field in Field::all(&s) {
        if field == Field::Projection(ProjectionField::Years) {
            continue; // whole years: not a float in the JSON
        }
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let mut t = s.clone();
            field.set(&mut t, bad);
            let errors = validate(&t);
            assert_eq!(
                errors.iter().map(|e| e.path.clone()).collect::<Vec<_>>(),
                [field.path()],
                "{field:?} = {bad}"
            );
            assert!(errors[0].message.contains("must be a number"), "{errors:?}");
        }
    }
}

#[test]
fn population_must_not_be_negative() {
    for band in AgeBand::ALL {
        assert_rejected(Field::Population(0, band), -1.0);
        assert_accepted(Field::Population(0, band), 0.0);
    }
    assert_one(
        &{
            let mut s = base();
            s.places[0].population.children = -5.0;
            s
        },
        "places[0].population.children",
    );
}

#[test]
fn need_index_must_not_be_negative() {
    assert_rejected(Field::NeedIndex(0), -0.1);
    assert_accepted(Field::NeedIndex(0), 0.0);
    assert_accepted(Field::NeedIndex(0), 2.5);
}

#[test]
fn wte_costs_and_joiners_must_not_be_negative() {
    for field in [
        RoleField::InPostWte,
        RoleField::VacantWte,
        RoleField::AnnualCost,
        RoleField::JoinersPerYear,
    ] {
        assert_rejected(Field::Role(1, field), -0.5);
        assert_accepted(Field::Role(1, field), 0.0);
    }
    let mut s = base();
    s.roles[0].in_post_wte = -1.0;
    assert_one(&s, "roles[0].in_post_wte");
}

#[test]
fn prevalence_and_coverages_are_fractions() {
    for field in [
        ServiceField::Prevalence,
        ServiceField::CurrentCoverage,
        ServiceField::TargetCoverage,
    ] {
        assert_rejected(Field::Service(1, field), 1.01);
        assert_rejected(Field::Service(1, field), -0.01);
        assert_accepted(Field::Service(1, field), 0.0);
        assert_accepted(Field::Service(1, field), 1.0);
    }
    let mut s = base();
    s.services[2].prevalence = 1.5;
    assert_one(&s, "services[2].prevalence");
}

#[test]
fn rates_and_shares_are_fractions() {
    assert_rejected(Field::WorkingTime(WorkingTimeField::SicknessRate), 1.2);
    assert_rejected(Field::WorkingTime(WorkingTimeField::SicknessRate), -0.01);
    assert_rejected(Field::WorkingTime(WorkingTimeField::NonClinicalShare), -0.3);
    assert_rejected(Field::Role(0, RoleField::LeaverRate), 1.01);
    assert_rejected(Field::Role(1, RoleField::LeaverRate), -0.1);
    assert_accepted(Field::Role(1, RoleField::LeaverRate), 1.0);
    assert_rejected(
        Field::Projection(ProjectionField::RetentionImprovement),
        1.5,
    );
    assert_accepted(
        Field::Projection(ProjectionField::RetentionImprovement),
        1.0,
    );
    let mut s = base();
    s.working_time.sickness_rate = 1.5;
    assert_one(&s, "working_time.sickness_rate");
}

#[test]
fn role_mix_values_are_fractions() {
    // 1.2 and -0.2 still add up to 100%: only the values are wrong.
    let mut s = base();
    s.services[1].role_mix.insert("nurse", 1.2);
    s.services[1].role_mix.insert("peer", -0.2);
    assert_eq!(
        paths(&s),
        ["services[1].role_mix.nurse", "services[1].role_mix.peer"]
    );
}

#[test]
fn target_occupancy_is_above_0_and_at_most_1() {
    let occupancy = Field::Service(0, ServiceField::TargetOccupancy);
    assert_rejected(occupancy.clone(), 0.0);
    assert_rejected(occupancy.clone(), -0.5);
    assert_rejected(occupancy.clone(), 1.01);
    assert_accepted(occupancy.clone(), 1.0);
    assert_accepted(occupancy.clone(), 0.01);
    let mut s = base();
    if let Workload::Beds {
        target_occupancy, ..
    } = &mut s.services[0].workload
    {
        *target_occupancy = 0.0;
    }
    assert_one(&s, "services[0].workload.target_occupancy");
}

#[test]
fn workload_counts_must_be_positive() {
    for (field, path) in [
        (
            Field::Service(1, ServiceField::CaseloadPerWte),
            "services[1].workload.caseload_per_wte",
        ),
        (
            Field::Service(2, ServiceField::MinutesPerContact),
            "services[2].workload.minutes_per_contact",
        ),
        (
            Field::Service(2, ServiceField::ContactsPerPerson),
            "services[2].workload.contacts_per_person",
        ),
    ] {
        assert_eq!(field.path(), path);
        assert_rejected(field.clone(), 0.0);
        assert_rejected(field.clone(), -1.0);
        assert_accepted(field, 0.5);
    }
    // The other workload numbers may be 0 (but not negative).
    for field in [
        Field::Service(0, ServiceField::LengthOfStayDays),
        Field::Service(0, ServiceField::WtePerBed),
        Field::Service(1, ServiceField::MonthsOnCaseload),
    ] {
        assert_accepted(field.clone(), 0.0);
        assert_rejected(field, -1.0);
    }
}

#[test]
fn working_week_must_be_positive() {
    for (field, path) in [
        (WorkingTimeField::DaysPerWeek, "working_time.days_per_week"),
        (
            WorkingTimeField::WeeksPerYear,
            "working_time.weeks_per_year",
        ),
        (
            WorkingTimeField::HoursPerWeek,
            "working_time.hours_per_week",
        ),
    ] {
        let field = Field::WorkingTime(field);
        assert_eq!(field.path(), path);
        // One error, not a second one for the days or hours it leaves.
        assert_rejected(field.clone(), 0.0);
        assert_rejected(field, -5.0);
    }
    for field in [
        WorkingTimeField::PublicHolidays,
        WorkingTimeField::AnnualLeaveDays,
        WorkingTimeField::TrainingDays,
    ] {
        assert_rejected(Field::WorkingTime(field), -1.0);
        assert_accepted(Field::WorkingTime(field), 0.0);
    }
}

#[test]
fn days_available_must_be_positive() {
    let mut s = base();
    s.working_time.annual_leave_days = 300.0;
    assert_one(&s, "working_time.days_available");
    // Exactly none left is not enough either.
    let mut s = base();
    s.working_time.annual_leave_days = 5.0 * 52.0 - 8.0 - 5.0;
    s.working_time.weeks_per_year = 52.0;
    assert_one(&s, "working_time.days_available");
}

#[test]
fn clinical_hours_must_be_positive() {
    let mut s = base();
    s.working_time.sickness_rate = 1.0;
    assert_one(&s, "working_time.clinical_hours");
    let mut s = base();
    s.working_time.non_clinical_share = 1.0;
    assert_one(&s, "working_time.clinical_hours");
}

#[test]
fn role_mix_must_add_up_to_one() {
    let mut s = base();
    s.services[1].role_mix.insert("peer", 0.2);
    assert_one(&s, "services[1].role_mix");
    assert!(validate(&s)[0].message.contains("90%"));
    // Within 0.001 is fine.
    let mut s = base();
    s.services[1].role_mix.insert("peer", 0.3009);
    assert_eq!(paths(&s), Vec::<String>::new());
    let mut s = base();
    s.services[1].role_mix.insert("peer", 0.302);
    assert_one(&s, "services[1].role_mix");
    // An empty role mix adds up to 0%.
    let mut s = base();
    s.services[2].role_mix.clear();
    assert_one(&s, "services[2].role_mix");
}

#[test]
fn role_mix_names_only_roles_that_exist() {
    let mut s = base();
    s.services[0].role_mix.insert("nobody", 0.0);
    assert_one(&s, "services[0].role_mix.nobody");
    assert!(validate(&s)[0].message.contains("nobody"));
}

#[test]
fn role_ids_are_unique_and_not_empty() {
    let mut s = base();
    s.roles[1].id = "nurse".into();
    // The duplicate, and the mix that still names the missing "peer".
    assert_eq!(
        paths(&s),
        [
            "roles[1].id",
            "services[1].role_mix.peer",
            "services[2].role_mix.peer"
        ]
    );
    let mut s = base();
    s.roles[1].id = " ".into();
    assert_eq!(
        paths(&s),
        [
            "roles[1].id",
            "services[1].role_mix.peer",
            "services[2].role_mix.peer"
        ]
    );
    assert!(validate(&s)[0].message.contains("needs an id"));
}

#[test]
fn service_ids_are_unique_and_not_empty() {
    let mut s = base();
    s.services[2].id = "beds".into();
    assert_one(&s, "services[2].id");
    let mut s = base();
    s.services[0].id = String::new();
    assert_one(&s, "services[0].id");
}

#[test]
fn names_are_not_empty() {
    let mut s = base();
    s.roles[0].name = String::new();
    assert_one(&s, "roles[0].name");
    let mut s = base();
    s.services[1].name = "  ".into();
    assert_one(&s, "services[1].name");
}

#[test]
fn ages_are_not_empty_and_not_repeated() {
    let mut s = base();
    s.services[0].ages.clear();
    assert_one(&s, "services[0].ages");
    let mut s = base();
    s.services[1].ages.push(AgeBand::Adults);
    assert_one(&s, "services[1].ages");
}

#[test]
fn unknown_age_band_is_a_parse_error() {
    let json = BASE.replace(r#""ages": ["adults"],"#, r#""ages": ["teenagers"],"#);
    match parse_scenario(&json) {
        Err(ScenarioError::Syntax { message, .. }) => {
            assert!(message.contains("teenagers"), "{message}")
        }
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn years_are_whole_from_1_to_30() {
    let years = Field::Projection(ProjectionField::Years);
    for bad in [0u32, 31, 1000, u32::MAX] {
        let mut s = base();
        s.projection.years = bad;
        assert_one(&s, "projection.years");
    }
    assert_accepted(years.clone(), 1.0);
    assert_accepted(years, 30.0);
}

#[test]
fn demand_growth_from_minus_half_to_one() {
    let growth = Field::Projection(ProjectionField::DemandGrowth);
    assert_rejected(growth.clone(), -0.51);
    assert_rejected(growth.clone(), 1.01);
    assert_accepted(growth.clone(), -0.5);
    assert_accepted(growth.clone(), 1.0);
    assert_accepted(growth, 0.0);
    let mut s = base();
    s.projection.demand_growth = 2.0;
    assert_one(&s, "projection.demand_growth");
}

#[test]
fn unknown_version_is_refused_on_load() {
    for (version, found) in [
        ("4", "4"),
        ("99", "99"),
        ("0", "0"),
        ("\"1\"", "\"1\""),
        ("1.5", "1.5"),
    ] {
        let json = BASE.replace(r#""version": 1"#, &format!(r#""version": {version}"#));
        assert_eq!(
            parse_scenario(&json),
            Err(ScenarioError::UnknownVersion {
                found: found.to_string()
            })
        );
    }
    let json = BASE.replace(r#""version": 1, "#, "");
    assert!(matches!(
        parse_scenario(&json),
        Err(ScenarioError::UnknownVersion { .. })
    ));
}

#[test]
fn wrong_schema_is_refused_on_load() {
    let json = BASE.replace("workforce-gap/scenario", "something-else");
    assert_eq!(
        parse_scenario(&json),
        Err(ScenarioError::WrongSchema {
            found: "\"something-else\"".to_string()
        })
    );
    assert!(matches!(
        parse_scenario(r#"{ "version": 1 }"#),
        Err(ScenarioError::WrongSchema { .. })
    ));
    assert!(matches!(
        parse_scenario("[1, 2]"),
        Err(ScenarioError::Syntax { .. })
    ));
    // A decoded scenario with the wrong schema or version fails validation.
    let mut s = base();
    s.schema = "other".into();
    s.version = 7;
    assert_eq!(paths(&s), ["schema", "version"]);
}

#[test]
fn missing_fields_and_bad_json_name_the_problem() {
    let json = BASE.replace(r#""need_index": 1.0,"#, "");
    match parse_scenario(&json) {
        Err(ScenarioError::Syntax { message, .. }) => {
            assert!(message.contains("need_index"), "{message}")
        }
        other => panic!("{other:?}"),
    }
    match parse_scenario("{ \"schema\": ") {
        Err(ScenarioError::Syntax { line, column, .. }) => {
            assert_eq!(line, 1);
            assert!(column > 0);
        }
        other => panic!("{other:?}"),
    }
    let json = BASE.replace(r#""in_post_wte": 30"#, r#""in_post_wte": -30"#);
    assert_one(&parse_scenario(&json).unwrap(), "roles[0].in_post_wte");
}

#[test]
fn all_problems_are_collected() {
    let mut s = base();
    s.working_time.sickness_rate = 1.5;
    s.services[1].role_mix.insert("peer", 0.5);
    s.roles[1].in_post_wte = -2.0;
    assert_eq!(
        paths(&s),
        [
            "working_time.sickness_rate",
            "roles[1].in_post_wte",
            "services[1].role_mix"
        ]
    );
    let mut s = base();
    s.places[0].need_index = f64::NAN;
    s.projection.years = 0;
    s.services[0].ages.clear();
    s.services[2].id = "beds".into();
    s.ranges.insert("need_index", [2.0, 1.0]);
    assert_eq!(validate(&s).len(), 5, "{:#?}", validate(&s));
}

#[test]
fn ranges_are_checked_at_their_key() {
    let cases: [(&str, [f64; 2]); 6] = [
        ("nowhere", [0.0, 1.0]),
        ("need_index", [1.5, 0.5]),
        ("services.community.prevalence", [0.005, 1.2]),
        ("roles.nurse.leaver_rate", [f64::NAN, 0.2]),
        ("services.talking.role_mix.nurse", [0.4, 0.6]),
        ("services.beds.caseload_per_wte", [10.0, 20.0]),
    ];
    for (key, range) in cases {
        let mut s = base();
        s.ranges.insert(key.to_string(), range);
        assert_one(&s, &format!("ranges.{key}"));
    }
    let mut s = base();
    for (key, range) in [
        ("need_index", [0.8, 1.3]),
        ("services.community.caseload_per_wte", [20.0, 35.0]),
        ("roles.peer.leaver_rate", [0.1, 0.3]),
        ("projection.demand_growth", [-0.5, 1.0]),
        ("population.adults", [50_000.0, 70_000.0]),
        ("services.beds.target_occupancy", [0.8, 1.0]),
    ] {
        s.ranges.insert(key.to_string(), range);
    }
    assert_eq!(paths(&s), Vec::<String>::new());
    // A range need not contain the value itself.
    let mut s = base();
    s.ranges.insert("need_index", [1.5, 2.0]);
    assert_eq!(paths(&s), Vec::<String>::new());
    // A working-time range must leave working days at its worst end ...
    let mut s = base();
    s.ranges
        .insert("working_time.annual_leave_days", [20.0, 300.0]);
    assert_one(&s, "ranges.working_time.annual_leave_days");
    assert!(validate(&s)[0].message.contains("high end"));
    let mut s = base();
    s.ranges.insert("working_time.days_per_week", [0.1, 5.0]);
    assert_one(&s, "ranges.working_time.days_per_week");
    assert!(validate(&s)[0].message.contains("low end"));
    // ... and all of them at their worst ends together.
    let mut s = base();
    s.ranges
        .insert("working_time.annual_leave_days", [29.0, 160.0]);
    s.ranges.insert("working_time.training_days", [5.0, 100.0]);
    assert_one(&s, "ranges.working_time.training_days");
    assert!(validate(&s)[0].message.contains("every working-time range"));
    // Occupancy's own rule applies to both ends.
    let mut s = base();
    s.ranges
        .insert("services.beds.target_occupancy", [0.0, 0.9]);
    assert_one(&s, "ranges.services.beds.target_occupancy");
}

/// The message of a file that does not decode.
fn syntax_message(text: &str) -> String {
    match parse_scenario(text) {
        Err(ScenarioError::Syntax { message, .. }) => message,
        other => panic!("expected a syntax error, got {other:?}"),
    }
}

#[test]
fn a_workload_reads_each_kind_and_says_what_is_missing_or_unknown() {
    let s = base();
    assert!(
        matches!(s.services[0].workload, Workload::Beds { wte_per_bed, .. } if wte_per_bed == 1.8)
    );
    assert!(
        matches!(s.services[1].workload, Workload::Caseload { caseload_per_wte, .. } if caseload_per_wte == 25.0)
    );
    assert!(
        matches!(s.services[2].workload, Workload::Contacts { minutes_per_contact, .. } if minutes_per_contact == 50.0)
    );
    // Written and read back, every kind is unchanged.
    assert_eq!(parse_scenario(&s.to_json_pretty()).unwrap(), s);

    let missing = BASE.replace(r#", "minutes_per_contact": 50"#, "");
    assert!(syntax_message(&missing).contains("missing field `minutes_per_contact`"));
    let unknown = BASE.replace(r#""kind": "caseload""#, r#""kind": "clinic""#);
    let message = syntax_message(&unknown);
    assert!(message.contains("unknown variant `clinic`"), "{message}");
    assert!(
        message.contains("`contacts`, `caseload`, `beds`"),
        "{message}"
    );
    let no_kind = BASE.replace(r#""kind": "beds", "#, "");
    assert!(syntax_message(&no_kind).contains("missing field `kind`"));
    let wrong_type = BASE.replace(r#""wte_per_bed": 1.8"#, r#""wte_per_bed": "1.8""#);
    assert!(syntax_message(&wrong_type).contains("invalid type: string"));
}

/// Scenario text read and checked in one step (the JS API and a host
/// page's scenario): the scenario, or why it cannot be read, or every
/// validation error.
#[test]
fn read_valid_reads_and_validates() {
    use workforce_gap::model::validate::read_valid;
    let good = workforce_gap::model::examples::example_place().to_json_pretty();
    assert!(read_valid(&good).is_ok());
    let errors = read_valid("{").unwrap_err();
    assert!(!errors[0].message.is_empty());
    assert_eq!(errors[0].path, "");
    let mut bad = workforce_gap::model::examples::example_place();
    bad.places[0].need_index = -1.0;
    let errors = read_valid(&bad.to_json_pretty()).unwrap_err();
    assert!(
        errors.iter().any(|e| e.path.contains("need_index")),
        "{errors:?}"
    );
}

#[test]
fn a_cross_field_error_involves_each_field_and_quotes_numbers_shortly() {
    let mut s = base();
    s.working_time.public_holidays = 1e308;
    let errors = validate(&s);
    let e = errors
        .iter()
        .find(|e| e.path == "working_time.days_available")
        .expect("the days error");
    assert!(e.message.len() < 120, "{}", e.message);
    assert!(
        e.message.contains("(more than a billion days)"),
        "{}",
        e.message
    );
    // The largest of the three first: the link goes there.
    assert_eq!(e.first_path(), "working_time.public_holidays");
    for path in [
        "working_time.public_holidays",
        "working_time.annual_leave_days",
        "working_time.training_days",
    ] {
        assert!(e.concerns(path), "{path}");
    }
    let mut s = base();
    s.working_time.sickness_rate = 1.0;
    let e = &validate(&s)[0];
    assert!(
        e.concerns("working_time.sickness_rate") && e.concerns("working_time.non_clinical_share")
    );
}

#[test]
fn the_decade_plan_fields_obey_section_8() {
    let years = Field::Projection(ProjectionField::RampYears);
    assert_accepted(years.clone(), 0.0);
    assert_accepted(years.clone(), 5.0);
    assert_rejected(years.clone(), 2.5);
    assert_rejected(years.clone(), -1.0);
    // No longer than the projection: an error that marks both.
    let mut s = base();
    s.projection.ramp_years = s.projection.years as f64 + 1.0;
    let errors = validate(&s);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].path, "projection.ramp_years");
    assert!(errors[0].concerns("projection.years"));
    for (field, good, bad) in [
        (RoleField::TrainingYears, [0.0, 15.0], [15.5, 16.0, -1.0]),
        (
            RoleField::CompletionRate,
            [0.0, 1.0],
            [1.01, -0.1, f64::NAN],
        ),
        (RoleField::JoinRate, [0.0, 1.0], [1.5, -1.0, f64::INFINITY]),
        (
            RoleField::ExtraPlacesPerYear,
            [0.0, 1e6],
            [-1.0, f64::NAN, f64::NEG_INFINITY],
        ),
        (
            RoleField::InternationalPerYear,
            [0.0, 3.5],
            [-0.5, f64::NAN, f64::INFINITY],
        ),
    ] {
        for v in good {
            assert_accepted(Field::Role(0, field), v);
        }
        for v in bad {
            assert_rejected(Field::Role(0, field), v);
        }
    }
    // Errors name the pipeline's path.
    let mut s = base();
    Field::Role(1, RoleField::JoinRate).set(&mut s, 2.0);
    assert_one(&s, "roles[1].pipeline.join_rate");
    // Ranges: allowed on the four rates and counts, not on whole years.
    let mut s = base();
    let id = s.roles[0].id.clone();
    for name in [
        "completion_rate",
        "join_rate",
        "extra_places_per_year",
        "international_per_year",
    ] {
        s.ranges
            .insert(format!("roles.{id}.pipeline.{name}"), [0.0, 0.5]);
    }
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    s.ranges
        .insert(format!("roles.{id}.pipeline.training_years"), [1.0, 3.0]);
    s.ranges.insert("projection.ramp_years", [0.0, 3.0]);
    let paths: Vec<String> = validate(&s).into_iter().map(|e| e.path).collect();
    assert_eq!(
        paths,
        [
            "ranges.projection.ramp_years".to_string(),
            format!("ranges.roles.{id}.pipeline.training_years")
        ]
    );
}

#[test]
fn a_pipeline_in_a_file_is_read_and_bad_values_named_at_their_path() {
    let mut v: serde_json::Value = serde_json::from_str(&base().to_json_pretty()).unwrap();
    v["roles"][0]["pipeline"] = serde_json::json!({ "training_years": 3, "completion_rate": 1.2 });
    v["projection"]["ramp_years"] = serde_json::json!(4);
    let s = parse_scenario(&v.to_string()).unwrap();
    assert_eq!(s.projection.ramp_years, 4.0);
    let p = s.roles[0].pipeline.clone().unwrap();
    assert_eq!(
        (p.training_years, p.join_rate),
        (3.0, 0.0),
        "missing fields are 0"
    );
    assert_one(&s, "roles[0].pipeline.completion_rate");
    v["roles"][0]["pipeline"] = serde_json::Value::Null;
    assert!(parse_scenario(&v.to_string()).unwrap().roles[0]
        .pipeline
        .is_none());
    v["roles"][0]["pipeline"] = serde_json::json!("three years");
    assert!(matches!(
        parse_scenario(&v.to_string()),
        Err(ScenarioError::Syntax { .. })
    ));
}
