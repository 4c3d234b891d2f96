#![cfg(not(target_arch = "wasm32"))]
//! Properties of the model over random valid scenarios, and "never panics"
//! over random invalid ones, random ranges, random text and mutated JSON.

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;
use workforce_gap::model::explain::explain_working_time;
use workforce_gap::model::scenario::{
    AgeBand, Group, Keyed, Pipeline, Place, Population, Projection, Role, Sector, Service,
    WorkingTime, Workload,
};
use workforce_gap::model::validate::clamp_to_valid;
use workforce_gap::model::{
    compute, evaluate, explain_role, explain_service, headline, parse_scenario, sensitivity,
    uncertainty, validate, Field, Scenario,
};

// ---------------------------------------------------------------------------
// Strategies
// ---------------------------------------------------------------------------

fn working_time() -> impl Strategy<Value = WorkingTime> {
    (
        (20.0..45.0f64, 1.0..7.0f64, 50.0..53.0f64),
        (0.0..10.0f64, 0.0..40.0f64, 0.0..10.0f64),
        (0.0..0.3f64, 0.0..0.7f64),
    )
        .prop_map(
            |((hours, days, weeks), (holidays, leave, training), (sickness, non_clinical))| {
                // At least 50 working days, so some are always available.
                let days = days.max(60.0 / weeks + (holidays + leave + training) / weeks);
                WorkingTime {
                    hours_per_week: hours,
                    days_per_week: days,
                    weeks_per_year: weeks,
                    public_holidays: holidays,
                    annual_leave_days: leave,
                    training_days: training,
                    sickness_rate: sickness,
                    non_clinical_share: non_clinical,
                }
            },
        )
}

fn role(i: usize) -> impl Strategy<Value = Role> {
    (
        select(Group::ALL.to_vec()),
        select(Sector::ALL.to_vec()),
        (0.0..500.0f64, 0.0..100.0f64, 0.0..200_000.0f64),
        (0.0..=1.0f64, 0.0..50.0f64),
    )
        .prop_map(
            move |(group, sector, (in_post, vacant, cost), (leaver, joiners))| Role {
                id: format!("role{i}"),
                name: format!("Role {i}"),
                group,
                sector,
                in_post_wte: in_post,
                vacant_wte: vacant,
                annual_cost: cost,
                leaver_rate: leaver,
                joiners_per_year: joiners,
                in_post_example: None,
                pipeline: None,
            },
        )
}

fn workload() -> impl Strategy<Value = Workload> {
    prop_oneof![
        (0.1..20.0f64, 5.0..120.0f64).prop_map(|(c, m)| Workload::Contacts {
            contacts_per_person: c,
            minutes_per_contact: m,
        }),
        (0.0..24.0f64, 0.5..60.0f64).prop_map(|(months, caseload)| Workload::Caseload {
            months_on_caseload: months,
            caseload_per_wte: caseload,
        }),
        (0.0..120.0f64, 0.05..=1.0f64, 0.0..5.0f64).prop_map(|(los, occ, per_bed)| {
            Workload::Beds {
                length_of_stay_days: los,
                target_occupancy: occ,
                wte_per_bed: per_bed,
            }
        }),
    ]
}

fn service(i: usize, roles: usize) -> impl Strategy<Value = Service> {
    (
        1u8..8,
        (0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64),
        workload(),
        prop::collection::vec(prop_oneof![Just(0.0), 0.01..1.0f64], roles),
        0..roles,
    )
        .prop_map(
            move |(ages, (prevalence, current, target), workload, weights, lead)| {
                let ages: Vec<AgeBand> = AgeBand::ALL
                    .into_iter()
                    .enumerate()
                    .filter(|(b, _)| ages & (1 << b) != 0)
                    .map(|(_, band)| band)
                    .collect();
                let mut weights = weights;
                weights[lead] += 0.5; // at least one role carries the service
                let sum: f64 = weights.iter().sum();
                let role_mix: Keyed<f64> = weights
                    .iter()
                    .enumerate()
                    .filter(|(_, w)| **w > 0.0)
                    .map(|(r, w)| (format!("role{r}"), w / sum))
                    .collect();
                Service {
                    id: format!("service{i}"),
                    name: format!("Service {i}"),
                    ages,
                    prevalence,
                    current_coverage: current,
                    target_coverage: target,
                    workload,
                    role_mix,
                }
            },
        )
}

fn valid_scenario() -> impl Strategy<Value = Scenario> {
    (1usize..=6, 1usize..=6)
        .prop_flat_map(|(n_roles, n_services)| {
            (
                prop::collection::vec((0.0..2e6f64, 0.0..2e6f64, 0.0..2e6f64, 0.0..3.0f64), 1..=3),
                working_time(),
                (0..n_roles).map(role).collect::<Vec<_>>(),
                (0..n_services)
                    .map(|i| service(i, n_roles))
                    .collect::<Vec<_>>(),
                (1u32..=30, -0.5..=1.0f64, 0.0..=1.0f64),
            )
        })
        .prop_map(
            |(places, wt, roles, services, (years, growth, retention))| {
                let mut s = Scenario::blank();
                s.name = "Random".into();
                s.places = places
                    .into_iter()
                    .enumerate()
                    .map(|(i, (children, adults, older, need))| Place {
                        id: format!("p{i}"),
                        name: format!("Place {i}"),
                        code: None,
                        population: Population {
                            children,
                            adults,
                            older,
                        },
                        need_index: need,
                        sources: Default::default(),
                    })
                    .collect();
                s.working_time = wt;
                s.roles = roles;
                s.services = services;
                s.projection = Projection {
                    years,
                    demand_growth: growth,
                    retention_improvement: retention,
                    ramp_years: 0.0,
                };
                s
            },
        )
}

/// Any f64 at all: NaN, infinities, negatives, subnormals, huge.
fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        prop::num::f64::ANY,
        Just(f64::NAN),
        Just(f64::INFINITY),
        Just(f64::NEG_INFINITY),
        Just(-0.0),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
        -1e6..1e6f64,
    ]
}

/// A valid scenario with some fields overwritten by arbitrary numbers, some
/// arbitrary years, and arbitrary ranges (some on real keys).
fn wild_scenario() -> impl Strategy<Value = Scenario> {
    (
        valid_scenario(),
        prop::collection::vec((any::<prop::sample::Index>(), any_f64()), 0..8),
        prop::option::of(any::<u32>()),
        prop::collection::vec(
            (
                any::<prop::sample::Index>(),
                prop_oneof![Just(String::new()), "[a-z_.]{0,12}"],
                any_f64(),
                any_f64(),
            ),
            0..4,
        ),
    )
        .prop_map(|(mut s, edits, years, ranges)| {
            let fields = Field::all(&s);
            for (i, value) in edits {
                let field = i.get(&fields);
                field.set(&mut s, value);
            }
            if let Some(y) = years {
                s.projection.years = y;
            }
            for (i, junk_key, low, high) in ranges {
                let key = if junk_key.is_empty() {
                    i.get(&fields).key(&s).unwrap_or_default()
                } else {
                    junk_key
                };
                s.ranges.insert(key, [low, high]);
            }
            s
        })
}

/// A valid scenario with ranges around some of its inputs (up to half the
/// value either way, clamped to the valid range; working time is left
/// alone so that every draw stays valid).
fn ranged_scenario() -> impl Strategy<Value = Scenario> {
    (
        valid_scenario(),
        prop::collection::vec(
            (any::<prop::sample::Index>(), 0.0..0.5f64, 0.0..0.5f64),
            1..5,
        ),
    )
        .prop_map(|(mut s, ranges)| {
            let fields: Vec<Field> = Field::all(&s)
                .into_iter()
                .filter(|f| f.can_have_range() && !matches!(f, Field::WorkingTime(_)))
                .collect();
            for (i, down, up) in ranges {
                let field = i.get(&fields);
                let value = field.get(&s).unwrap();
                let low = clamp_to_valid(field, value * (1.0 - down));
                let high = clamp_to_valid(field, value * (1.0 + up));
                let (low, high) = if low <= high {
                    (low, high)
                } else {
                    (high, low)
                };
                if let Some(key) = field.key(&s) {
                    s.ranges.insert(key, [low, high]);
                }
            }
            s
        })
}

/// A valid scenario with arbitrary (but valid) ranges: any finite ends,
/// clamped into the input's valid range.
fn wildly_ranged_scenario() -> impl Strategy<Value = Scenario> {
    (
        valid_scenario(),
        prop::collection::vec((any::<prop::sample::Index>(), any_f64(), any_f64()), 1..5),
    )
        .prop_map(|(mut s, ranges)| {
            let fields: Vec<Field> = Field::all(&s)
                .into_iter()
                .filter(|f| f.can_have_range())
                .collect();
            for (i, a, b) in ranges {
                let field = i.get(&fields);
                let finite = |v: f64| if v.is_finite() { v } else { 0.5 };
                let (a, b) = (
                    clamp_to_valid(field, finite(a)),
                    clamp_to_valid(field, finite(b)),
                );
                let (low, high) = if a <= b { (a, b) } else { (b, a) };
                if let Some(key) = field.key(&s) {
                    s.ranges.insert(key, [low, high]);
                }
            }
            s
        })
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

fn close(a: f64, b: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * a.abs().max(b.abs()) + 1e-9
}

/// Everything the UI and JS API can call, on one scenario: must not panic.
fn exercise(s: &Scenario) {
    let results = compute(s);
    let _ = serde_json::to_string(&results);
    let _ = results.share_in_post();
    let _ = validate(s);
    let _ = evaluate(s);
    let _ = headline(s);
    let _ = sensitivity(s);
    let _ = uncertainty(s, 16, 1);
    let _ = explain_working_time(s);
    for i in 0..=s.services.len() {
        let _ = explain_service(s, i);
    }
    for i in 0..=s.roles.len() {
        let _ = explain_role(s, i);
    }
    for field in Field::all(s) {
        let _ = (
            field.full_label(s),
            field.key(s),
            field.path(),
            field.get(s),
        );
    }
}

// ---------------------------------------------------------------------------
// Properties of valid scenarios
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn generated_scenarios_are_valid(s in valid_scenario()) {
        let errors = validate(&s);
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }

    #[test]
    fn scenario_json_round_trips_exactly(s in valid_scenario(), nudge in 0.0..1.0f64) {
        // Arithmetic leaves 17-digit values (0.1 + 0.2 = 0.30000000000000004),
        // as "make it add up to 100%" does: they must come back bit for bit,
        // or a reloaded scenario would differ from the one saved.
        let mut s = s;
        s.places[0].need_index += nudge * 0.1 + 0.2 - 0.2;
        s.working_time.sickness_rate = (s.working_time.sickness_rate + 0.1) / 3.0;
        let back = parse_scenario(&s.to_json_pretty()).unwrap();
        prop_assert_eq!(back, s);
    }

    #[test]
    fn requirements_are_never_negative_and_extra_is_the_shortfall(s in valid_scenario()) {
        let r = compute(&s);
        for service in &r.services {
            prop_assert!(service.required_wte >= 0.0, "{:?}", service);
            prop_assert!(service.people_to_treat <= service.people_in_need + 1e-9);
        }
        for (role, input) in r.roles.iter().zip(&s.roles) {
            prop_assert!(role.required_wte >= 0.0);
            prop_assert_eq!(role.extra_wte, (role.required_wte - input.in_post_wte).max(0.0));
            prop_assert_eq!(role.gap_wte, role.required_wte - input.in_post_wte);
            prop_assert!(role.unfunded_wte >= 0.0 && role.unfunded_wte <= role.extra_wte);
            prop_assert!(role.joiners_needed >= 0.0);
            prop_assert!(close(role.extra_cost, role.extra_wte * input.annual_cost, 1e-12));
        }
        for row in &r.projection {
            prop_assert!(row.gap_wte >= 0.0 && row.supply_wte >= 0.0 && row.required_wte >= 0.0);
        }
        prop_assert_eq!(r.projection.len() as u32, s.projection.years + 1);
    }

    #[test]
    fn totals_are_the_sums_of_their_parts(s in valid_scenario()) {
        let r = compute(&s);
        let t = &r.total;
        let sum = |f: &dyn Fn(&workforce_gap::model::results::RoleResult) -> f64| {
            r.roles.iter().map(f).sum::<f64>()
        };
        prop_assert!(close(t.required_wte, sum(&|x| x.required_wte), 1e-9));
        prop_assert!(close(t.in_post_wte, sum(&|x| x.in_post_wte), 1e-9));
        prop_assert!(close(t.extra_wte, sum(&|x| x.extra_wte), 1e-9));
        prop_assert!(close(t.unfunded_wte, sum(&|x| x.unfunded_wte), 1e-9));
        prop_assert!(close(t.extra_cost, sum(&|x| x.extra_cost), 1e-9));
        for map in [&r.groups, &r.sectors] {
            let total = |f: &dyn Fn(&workforce_gap::model::results::Subtotal) -> f64| {
                map.values().map(f).sum::<f64>()
            };
            prop_assert!(close(t.required_wte, total(&|x| x.required_wte), 1e-9));
            prop_assert!(close(t.in_post_wte, total(&|x| x.in_post_wte), 1e-9));
            prop_assert!(close(t.extra_wte, total(&|x| x.extra_wte), 1e-9));
        }
        // Groups and sectors hold exactly the keys the roles use.
        let groups: std::collections::BTreeSet<String> =
            s.roles.iter().map(|r| r.group.key().to_string()).collect();
        prop_assert_eq!(groups, r.groups.keys().cloned().collect());
        let sv = |f: &dyn Fn(&workforce_gap::model::results::ServiceResult) -> f64| {
            r.services.iter().map(f).sum::<f64>()
        };
        prop_assert!(close(t.people_in_need, sv(&|x| x.people_in_need), 1e-9));
        prop_assert!(close(t.people_to_treat, sv(&|x| x.people_to_treat), 1e-9));
        prop_assert!(close(t.untreated_today, sv(&|x| x.untreated_today), 1e-9));
        // Role requirements add up to service requirements (mixes sum to 1).
        prop_assert!(close(t.required_wte, sv(&|x| x.required_wte), 1e-6));
        // The projection's year 0 is today.
        let first = &r.projection[0];
        prop_assert!(close(first.required_wte, t.required_wte, 1e-9));
        prop_assert!(close(first.supply_wte, t.in_post_wte, 1e-9));
        prop_assert!(close(first.gap_wte, t.extra_wte, 1e-9));
        // The cheap path agrees with the full one.
        let h = headline(&s);
        prop_assert!(close(h.extra_wte, t.extra_wte, 1e-12));
        prop_assert!(close(h.extra_cost, t.extra_cost, 1e-12));
        prop_assert!(close(h.final_gap_wte, r.projection.last().unwrap().gap_wte, 1e-12));
    }

    #[test]
    fn doubling_the_population_doubles_every_requirement(s in valid_scenario()) {
        let mut doubled = s.clone();
        for place in &mut doubled.places {
            place.population.children *= 2.0;
            place.population.adults *= 2.0;
            place.population.older *= 2.0;
        }
        let (a, b) = (compute(&s), compute(&doubled));
        for (x, y) in a.services.iter().zip(&b.services) {
            prop_assert!(close(2.0 * x.required_wte, y.required_wte, 1e-9), "{} vs {}", x.required_wte, y.required_wte);
        }
        for (x, y) in a.roles.iter().zip(&b.roles) {
            prop_assert!(close(2.0 * x.required_wte, y.required_wte, 1e-9));
        }
        prop_assert!(close(2.0 * a.total.required_wte, b.total.required_wte, 1e-9));
        // Per 100,000 residents does not change.
        prop_assert!(close(a.total.required_wte_per_100k, b.total.required_wte_per_100k, 1e-9));
    }

    #[test]
    fn raising_target_coverage_never_lowers_a_requirement(
        s in valid_scenario(),
        which in any::<prop::sample::Index>(),
        towards in 0.0..=1.0f64,
    ) {
        let i = which.index(s.services.len());
        let mut raised = s.clone();
        let t = raised.services[i].target_coverage;
        raised.services[i].target_coverage = t + (1.0 - t) * towards;
        let (a, b) = (compute(&s), compute(&raised));
        for (x, y) in a.roles.iter().zip(&b.roles) {
            prop_assert!(y.required_wte >= x.required_wte * (1.0 - 1e-12), "{} -> {}", x.required_wte, y.required_wte);
            prop_assert!(y.extra_wte >= x.extra_wte - 1e-9);
        }
        prop_assert!(b.total.required_wte >= a.total.required_wte * (1.0 - 1e-12));
    }

    #[test]
    fn no_population_needs_no_staff(s in valid_scenario()) {
        let mut empty = s.clone();
        for place in &mut empty.places {
            place.population = Population { children: 0.0, adults: 0.0, older: 0.0 };
        }
        let r = compute(&empty);
        prop_assert!(r.services.iter().all(|x| x.required_wte == 0.0 && x.people_in_need == 0.0));
        prop_assert!(r.roles.iter().all(|x| x.required_wte == 0.0 && x.extra_wte == 0.0 && x.wisn_ratio.is_none()));
        prop_assert_eq!(r.total.required_wte, 0.0);
        prop_assert_eq!(r.total.extra_cost, 0.0);
        prop_assert_eq!(r.total.required_wte_per_100k, 0.0);
    }

    #[test]
    fn sensitivity_is_sorted_and_anchored(s in valid_scenario()) {
        let rows = sensitivity(&s);
        let base = headline(&s);
        for pair in rows.windows(2) {
            prop_assert!(pair[0].swing >= pair[1].swing);
        }
        for row in &rows {
            prop_assert_eq!(row.base_extra_wte, base.extra_wte);
            let field = Field::from_key(&s, &row.key).unwrap();
            prop_assert!(workforce_gap::model::validate::check_value(&field, row.low_value).is_none(), "{:?}", row);
            prop_assert!(workforce_gap::model::validate::check_value(&field, row.high_value).is_none(), "{:?}", row);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn uncertainty_is_deterministic_and_ordered(s in ranged_scenario(), seed in any::<u64>()) {
        prop_assert!(validate(&s).is_empty(), "{:?}", validate(&s));
        let a = uncertainty(&s, 64, seed).unwrap();
        let b = uncertainty(&s, 64, seed).unwrap();
        // Debug text, so that NaN (infinite WTE times a zero cost) compares equal.
        prop_assert_eq!(format!("{a:?}"), format!("{b:?}"));
        for p in [a.extra_wte, a.extra_cost, a.final_gap_wte] {
            if p.p10.is_finite() && p.p90.is_finite() {
                prop_assert!(p.p10 <= p.p50 && p.p50 <= p.p90, "{:?}", p);
            }
        }
        prop_assert_eq!(a.ranged.len(), s.ranges.len());
    }

    #[test]
    fn explanations_end_at_the_computed_numbers(s in valid_scenario()) {
        let r = compute(&s);
        for (i, service) in r.services.iter().enumerate() {
            let e = explain_service(&s, i).unwrap();
            let step = e.steps.iter().find(|x| x.label == "Required WTE").unwrap();
            prop_assert_eq!(step.value, Some(service.required_wte));
        }
        for (i, role) in r.roles.iter().enumerate() {
            let e = explain_role(&s, i).unwrap();
            let step = e.steps.iter().find(|x| x.label == "Required").unwrap();
            prop_assert_eq!(step.value, Some(role.required_wte));
        }
    }
}

// ---------------------------------------------------------------------------
// Never panics
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn nothing_panics_on_wild_numbers(s in wild_scenario()) {
        exercise(&s);
    }

    #[test]
    fn nothing_panics_on_wildly_ranged_scenarios(s in wildly_ranged_scenario()) {
        exercise(&s);
    }

    #[test]
    fn parse_never_panics_on_any_text(text in any::<String>()) {
        if let Ok(s) = parse_scenario(&text) {
            exercise(&s);
        }
    }

    #[test]
    fn parse_never_panics_on_json_shaped_text(text in r#"[\{\}\[\]":,0-9a-z_. eE+-]{0,200}"#) {
        let _ = parse_scenario(&text);
        let _ = parse_scenario(&format!(r#"{{"schema":"workforce-gap/scenario","version":1,{text}"#));
    }

    #[test]
    fn parse_never_panics_on_mutated_scenarios(
        s in valid_scenario(),
        cut in any::<prop::sample::Index>(),
        splice in r#"[\{\}\[\]":,0-9a-z.eE+-]{0,8}"#,
        drop in 0usize..6,
    ) {
        let json = s.to_json_pretty();
        let at = cut.index(json.len() + 1);
        let end = (at + drop).min(json.len());
        let mutated = format!("{}{}{}", &json[..at], splice, &json[end..]);
        if let Ok(parsed) = parse_scenario(&mutated) {
            exercise(&parsed);
        }
    }

    #[test]
    fn parse_never_panics_on_replaced_values(
        s in valid_scenario(),
        which in any::<prop::sample::Index>(),
        replacement in prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            any_f64().prop_map(Value::from), // non-finite becomes null
            "[a-z_]{0,10}".prop_map(Value::from),
            Just(serde_json::json!([])),
            Just(serde_json::json!({})),
            Just(serde_json::json!(1e308)),
            Just(serde_json::json!(-1e308)),
        ],
    ) {
        let mut value = serde_json::to_value(&s).unwrap();
        let mut pointers = Vec::new();
        leaves(&value, String::new(), &mut pointers);
        let pointer = which.get(&pointers);
        if let Some(slot) = value.pointer_mut(pointer) {
            *slot = replacement;
        }
        if let Ok(parsed) = parse_scenario(&value.to_string()) {
            exercise(&parsed);
        }
    }
}

/// JSON pointers to every value in a document, containers included.
fn leaves(value: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                leaves(
                    v,
                    format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                    out,
                );
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                leaves(v, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn extreme_but_valid_numbers_do_not_panic() {
    let mut s = workforce_gap::model::example_place();
    s.places[0].population.adults = f64::MAX;
    s.roles[0].annual_cost = f64::MAX;
    s.projection.years = 30;
    s.ranges
        .insert("places.place.population.children", [0.0, f64::MAX]);
    exercise(&s);
    let u = uncertainty(&s, 100, 1).unwrap();
    assert_eq!(u.draws, 100);
}

/// `Field::from_key` reads keys directly; it must agree with the keys
/// `Field::key` writes, for every input of the built-in scenarios.
#[test]
fn every_field_key_reads_back_to_its_field() {
    for builtin in workforce_gap::model::examples::builtins() {
        let s = &builtin.scenario;
        for field in workforce_gap::model::Field::all(s) {
            let key = field.key(s).expect("every listed field has a key");
            assert_eq!(
                workforce_gap::model::Field::from_key(s, &key),
                Some(field),
                "{key}"
            );
        }
        assert_eq!(
            workforce_gap::model::Field::from_key(s, "services.nope.prevalence"),
            None
        );
        assert_eq!(
            workforce_gap::model::Field::from_key(s, "roles.mh_nurse.nothing"),
            None
        );
        assert_eq!(workforce_gap::model::Field::from_key(s, "need"), None);
    }
}

// ---------------------------------------------------------------------------
// Reading typed numbers: serde_json's parser behind `parse_decimal` against
// the standard library's
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(ProptestConfig::with_cases(3000))]

    #[test]
    fn typed_decimals_read_as_the_standard_library_reads_them(
        value in prop_oneof![-1e6..1e6f64, 0.0..1.0f64, -1e12..1e12f64],
        decimals in 0usize..=8,
    ) {
        let text = format!("{value:.decimals$}");
        prop_assert_eq!(workforce_gap::format::parse_decimal(&text), text.parse::<f64>().ok());
    }

    #[test]
    fn typed_digit_strings_read_as_the_standard_library_reads_them(text in r"-?[0-9]{0,12}(\.[0-9]{0,12})?") {
        let ours = workforce_gap::format::parse_decimal(&text);
        // The standard library also reads "." as nothing and "-" as nothing.
        prop_assert_eq!(ours, text.parse::<f64>().ok());
    }
}

#[test]
fn typed_decimals_accept_loose_forms_and_refuse_anything_else() {
    use workforce_gap::format::parse_decimal;
    assert_eq!(parse_decimal("5."), Some(5.0));
    assert_eq!(parse_decimal(".5"), Some(0.5));
    assert_eq!(parse_decimal("-.5"), Some(-0.5));
    assert_eq!(parse_decimal("007"), Some(7.0));
    assert_eq!(parse_decimal("-0"), Some(0.0));
    assert_eq!(parse_decimal("22.6"), Some(22.6));
    for bad in [
        "", ".", "-", "1e3", "+5", "1.2.3", "--1", "1-", "NaN", "inf", " 1", "１",
    ] {
        assert_eq!(parse_decimal(bad), None, "{bad:?}");
    }
}

// ---------------------------------------------------------------------------
// Places (MODEL.md section 7)
// ---------------------------------------------------------------------------

/// `s` with all its people in one place at need index `need`.
fn one_place(s: &Scenario, need: f64) -> Scenario {
    let mut one = s.clone();
    let total = s.total_population();
    one.places.truncate(1);
    one.places[0].population = total;
    one.places[0].need_index = need;
    one
}

/// Place `i` of `s` split in two, `share` of its people in the first part.
fn split_place(s: &Scenario, i: usize, share: f64) -> Scenario {
    let mut split = s.clone();
    let mut second = split.places[i].clone();
    second.id = format!("{}_b", second.id);
    for band in AgeBand::ALL {
        let people = split.places[i].population.get(band);
        *split.places[i].population.get_mut(band) = people * share;
        *second.population.get_mut(band) = people * (1.0 - share);
    }
    split.places.insert(i + 1, second);
    split
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn places_with_one_need_index_give_the_totals_of_one_place(
        s in valid_scenario(),
        weights in prop::collection::vec(0.01..1.0f64, 2..=5),
    ) {
        let need = s.places[0].need_index;
        let one = one_place(&s, need);
        let total = one.places[0].population.clone();
        let sum: f64 = weights.iter().sum();
        let mut many = one.clone();
        many.places = weights
            .iter()
            .enumerate()
            .map(|(k, w)| {
                let mut place = one.places[0].clone();
                place.id = format!("part{k}");
                for band in AgeBand::ALL {
                    *place.population.get_mut(band) = total.get(band) * w / sum;
                }
                place
            })
            .collect();
        prop_assert!(validate(&many).is_empty(), "{:?}", validate(&many));
        let (a, b) = (compute(&one), compute(&many));
        for (x, y) in [
            (a.total.people_in_need, b.total.people_in_need),
            (a.total.people_to_treat, b.total.people_to_treat),
            (a.total.untreated_today, b.total.untreated_today),
            (a.total.required_wte, b.total.required_wte),
            (a.total.extra_wte, b.total.extra_wte),
            (a.total.extra_cost, b.total.extra_cost),
            (a.total.unfunded_cost, b.total.unfunded_cost),
            (a.total.required_wte_per_100k, b.total.required_wte_per_100k),
        ] {
            prop_assert!(close(x, y, 1e-9), "{x} vs {y}");
        }
        for (x, y) in a.projection.iter().zip(&b.projection) {
            prop_assert!(close(x.gap_wte, y.gap_wte, 1e-9));
        }
    }

    #[test]
    fn splitting_a_place_in_two_never_changes_a_role_requirement(
        s in valid_scenario(),
        which in any::<prop::sample::Index>(),
        share in 0.0..=1.0f64,
    ) {
        let i = which.index(s.places.len());
        let split = split_place(&s, i, share);
        prop_assert!(validate(&split).is_empty(), "{:?}", validate(&split));
        let (a, b) = (compute(&s), compute(&split));
        prop_assert_eq!(b.places.len(), a.places.len() + 1);
        for (x, y) in a.roles.iter().zip(&b.roles) {
            prop_assert!(close(x.required_wte, y.required_wte, 1e-9), "{}: {} vs {}", x.id, x.required_wte, y.required_wte);
            prop_assert_eq!(x.retention_needed.is_some(), y.retention_needed.is_some());
        }
        // The two parts together are the place they came from.
        let (whole, first, second) = (&a.places[i], &b.places[i], &b.places[i + 1]);
        prop_assert!(close(whole.required_wte, first.required_wte + second.required_wte, 1e-9));
        prop_assert!(close(whole.people_in_need, first.people_in_need + second.people_in_need, 1e-9));
    }

    #[test]
    fn every_role_is_the_sum_of_its_places(s in valid_scenario()) {
        let r = compute(&s);
        prop_assert_eq!(r.places.len(), s.places.len());
        for role in &r.roles {
            let by_place: f64 = r.places.iter().map(|p| p.roles[&role.id]).sum();
            prop_assert!(close(role.required_wte, by_place, 1e-9), "{}: {} vs {}", role.id, role.required_wte, by_place);
        }
        let in_need: f64 = r.places.iter().map(|p| p.people_in_need).sum();
        prop_assert!(close(r.total.people_in_need, in_need, 1e-9));
        for (p, place) in r.places.iter().zip(&s.places) {
            prop_assert_eq!(p.population, place.population.total());
            if p.population > 0.0 {
                prop_assert!(close(p.required_wte_per_100k, p.required_wte / p.population * 1e5, 1e-12));
            } else {
                prop_assert_eq!(p.required_wte_per_100k, 0.0);
            }
        }
    }

    #[test]
    fn extra_posts_are_funded_vacancies_plus_new_posts(s in valid_scenario()) {
        let r = compute(&s);
        for (x, role) in r.roles.iter().zip(&s.roles) {
            prop_assert!(close(x.extra_wte, x.vacancy_fill_wte + x.unfunded_wte, 1e-12));
            prop_assert!(x.vacancy_fill_wte <= role.vacant_wte);
            prop_assert!(close(x.unfunded_cost, x.unfunded_wte * role.annual_cost, 1e-12));
        }
        prop_assert!(close(r.total.extra_wte, r.total.vacancy_fill_wte + r.total.unfunded_wte, 1e-9));
        prop_assert!(r.total.unfunded_cost <= r.total.extra_cost * (1.0 + 1e-12));
    }

    #[test]
    fn retention_needed_is_the_smallest_cut_that_closes_the_gap(s in valid_scenario()) {
        let r = compute(&s);
        let years = s.projection.years;
        let growth = (1.0 + s.projection.demand_growth).powi(years as i32);
        let supply = |role: &Role, x: f64| {
            (0..years).fold(role.in_post_wte, |v, _| v * (1.0 - role.leaver_rate * (1.0 - x)) + role.joiners_per_year)
        };
        for (x, role) in r.roles.iter().zip(&s.roles) {
            let required = x.required_wte * growth;
            match x.retention_needed {
                None => prop_assert!(supply(role, 1.0) < required, "{}", x.id),
                Some(cut) => {
                    prop_assert!((0.0..=1.0).contains(&cut));
                    prop_assert!(supply(role, cut) >= required * (1.0 - 1e-9) - 1e-9, "{}: cut {cut}", x.id);
                    if cut > 1e-6 {
                        prop_assert!(supply(role, cut - 1e-6) < required, "{}: a smaller cut would do", x.id);
                    }
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// MODEL.md section 8: the decade plan (coverage ramp, training pipelines)
// ---------------------------------------------------------------------------

/// A valid scenario with a coverage ramp and a pipeline on some roles.
fn plan_scenario() -> impl Strategy<Value = Scenario> {
    (
        valid_scenario(),
        0.0..=1.0f64,
        prop::collection::vec(
            prop::option::of((
                0u32..=15,
                0.0..=1.0f64,
                0.0..=1.0f64,
                0.0..60.0f64,
                0.0..10.0f64,
            )),
            6,
        ),
    )
        .prop_map(|(mut s, ramp_share, pipelines)| {
            s.projection.ramp_years = (s.projection.years as f64 * ramp_share).floor();
            for (role, p) in s.roles.iter_mut().zip(pipelines) {
                role.pipeline = p.map(|(d, c, j, places, intl)| Pipeline {
                    training_years: d as f64,
                    completion_rate: c,
                    join_rate: j,
                    extra_places_per_year: places,
                    international_per_year: intl,
                });
            }
            s
        })
}

/// The retention-improved leaver rate.
fn leaver_rate(s: &Scenario, role: &Role) -> f64 {
    role.leaver_rate * (1.0 - s.projection.retention_improvement)
}

/// Supply in the last year, written out from MODEL.md section 8's
/// recurrence (independently of the model's own loop).
fn supply_final(s: &Scenario, role: &Role) -> f64 {
    let p = role.pipeline.clone().unwrap_or_default();
    let l = leaver_rate(s, role);
    let first = (p.training_years as u32).max(1);
    (1..=s.projection.years).fold(role.in_post_wte, |v, t| {
        let trained = if t >= first {
            p.extra_places_per_year * p.completion_rate * p.join_rate
        } else {
            0.0
        };
        v * (1.0 - l) + role.joiners_per_year + p.international_per_year + trained
    })
}

/// The requirement in the last year on the ramp, from the results'
/// requirement today and at target.
fn required_final(s: &Scenario, today: f64, target: f64) -> f64 {
    let (t, ramp) = (s.projection.years as f64, s.projection.ramp_years);
    let share = if ramp == 0.0 || t >= ramp {
        1.0
    } else {
        t / ramp
    };
    (today + (target - today) * share)
        * (1.0 + s.projection.demand_growth).powi(s.projection.years as i32)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn plan_scenarios_are_valid_and_the_projection_runs_section_8(s in plan_scenario()) {
        prop_assert!(validate(&s).is_empty(), "{:?}", validate(&s));
        let r = compute(&s);
        let last = r.projection.last().unwrap();
        let supply: f64 = s.roles.iter().map(|role| supply_final(&s, role)).sum();
        let required: f64 = r.roles.iter().map(|x| required_final(&s, x.required_wte_today, x.required_wte)).sum();
        prop_assert!(close(last.supply_wte, supply, 1e-9), "{} vs {supply}", last.supply_wte);
        prop_assert!(close(last.required_wte, required, 1e-9), "{} vs {required}", last.required_wte);
        prop_assert_eq!(r.projection[0].arrivals_wte, 0.0);
        // Year 0 of a ramp needs today's coverage; no ramp needs the target.
        let first: f64 = if s.projection.ramp_years > 0.0 {
            r.total.required_wte_today
        } else {
            r.total.required_wte
        };
        prop_assert!(close(r.projection[0].required_wte, first, 1e-9));
        prop_assert!(r.total.required_wte_today <= r.total.required_wte * (1.0 + 1e-12) + 1e-9
            || s.services.iter().any(|sv| sv.current_coverage > sv.target_coverage));
    }

    #[test]
    fn places_needed_closes_the_gap_in_the_last_year(s in plan_scenario()) {
        let r = compute(&s);
        for (i, x) in r.roles.iter().enumerate() {
            let required = required_final(&s, x.required_wte_today, x.required_wte);
            let Some(places) = x.places_needed else { continue };
            prop_assert!(places >= 0.0);
            let mut with = s.clone();
            with.roles[i].pipeline.get_or_insert_with(Pipeline::default).extra_places_per_year = places;
            let supply = supply_final(&with, &with.roles[i]);
            if places > 0.0 {
                prop_assert!((supply - required).abs() <= 1e-9 * required.abs().max(1.0),
                    "{}: {places} places give {supply}, need {required}", x.id);
            } else {
                let mut none = s.clone();
                none.roles[i].pipeline.get_or_insert_with(Pipeline::default).extra_places_per_year = 0.0;
                prop_assert!(supply_final(&none, &none.roles[i]) >= required - 1e-9 * required.abs().max(1.0));
            }
        }
    }

    #[test]
    fn places_needed_is_null_exactly_when_places_cannot_reach(s in plan_scenario()) {
        let r = compute(&s);
        for (role, x) in s.roles.iter().zip(&r.roles) {
            let p = role.pipeline.clone().unwrap_or_default();
            let l = leaver_rate(&s, role);
            let years = s.projection.years;
            let first = (p.training_years as u32).max(1);
            // MODEL.md section 8's sum, written out.
            let sum: f64 = (first..=years).map(|t| (1.0 - l).powi((years - t) as i32)).sum();
            let mut none = s.clone();
            let index = s.role_index(&role.id).unwrap();
            none.roles[index].pipeline.get_or_insert_with(Pipeline::default).extra_places_per_year = 0.0;
            let short = supply_final(&none, &none.roles[index]) < required_final(&s, x.required_wte_today, x.required_wte);
            let cannot = short && (sum == 0.0 || p.completion_rate * p.join_rate == 0.0);
            prop_assert_eq!(x.places_needed.is_none(), cannot, "{}: sum {}, short {}", x.id, sum, short);
        }
    }

    #[test]
    fn supply_rises_with_places_completion_and_take_up(
        s in plan_scenario(),
        role in 0usize..6,
        more in 0.0..=1.0f64,
    ) {
        let i = role % s.roles.len();
        let before = compute(&s).projection.last().unwrap().supply_wte;
        for change in 0..3 {
            let mut t = s.clone();
            let p = t.roles[i].pipeline.get_or_insert_with(Pipeline::default);
            match change {
                0 => p.extra_places_per_year += 10.0 * more,
                1 => p.completion_rate += (1.0 - p.completion_rate) * more,
                _ => p.join_rate += (1.0 - p.join_rate) * more,
            }
            let after = compute(&t).projection.last().unwrap().supply_wte;
            prop_assert!(after >= before * (1.0 - 1e-12), "change {change}: {after} < {before}");
        }
    }

    #[test]
    fn joiners_needed_counts_the_arrivals(s in plan_scenario()) {
        let r = compute(&s);
        for (i, x) in r.roles.iter().enumerate() {
            if x.joiners_needed <= 0.0 { continue; }
            let mut t = s.clone();
            t.roles[i].joiners_per_year = x.joiners_needed;
            let supply = supply_final(&t, &t.roles[i]);
            let required = required_final(&s, x.required_wte_today, x.required_wte);
            prop_assert!((supply - required).abs() <= 1e-7 * required.abs().max(1.0),
                "{}: {supply} vs {required}", x.id);
        }
    }

    #[test]
    fn the_supply_sources_add_up_to_the_supply(s in plan_scenario()) {
        let r = compute(&s);
        for i in 0..s.roles.len() {
            for y in workforce_gap::model::compute::role_projection(&s, &r, i) {
                let f = y.flow;
                let sum = f.remaining_wte + f.joiners_wte + f.trained_wte + f.international_wte;
                prop_assert!(close(sum, y.supply_wte, 1e-9), "{sum} vs {}", y.supply_wte);
            }
        }
    }
}

#[test]
fn version_1_and_2_files_read_as_version_3_with_no_ramp_and_no_pipelines() {
    let fixture: Value =
        serde_json::from_str(include_str!("fixtures/reference-cases.json")).unwrap();
    for case in fixture["cases"].as_array().unwrap() {
        let written = case["scenario"]["version"].as_u64().unwrap();
        let s = parse_scenario(&case["scenario"].to_string()).unwrap();
        assert_eq!(s.version, 3);
        if written < 3 {
            assert_eq!(s.projection.ramp_years, 0.0);
            assert!(s.roles.iter().all(|r| r.pipeline.is_none()));
        }
        // What the app writes is version 3, and reads back the same.
        let again = parse_scenario(&s.to_json_pretty()).unwrap();
        assert_eq!(again, s);
        assert!(s.to_json_pretty().contains("\"version\": 3"));
    }
}
