//! "How is this worked out?": the calculation of one service or one role in
//! words, with the scenario's own numbers.
//!
//! Every step's `value` is unrounded; its `text` rounds for display only
//! (en-GB, through [`crate::format`]): people whole, WTE to one decimal,
//! hours and days to one decimal, money to the pound.

use serde::Serialize;

use super::compute::{compute, hours, Hours, MAX_PROJECTION_YEARS};
use super::results::Results;
use super::scenario::{AgeBand, Scenario, Workload};
use crate::format;

/// A worked calculation, step by step.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Explanation {
    pub title: String,
    pub steps: Vec<Step>,
}

/// One step: what it computes, the sum in words, and its unrounded result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Step {
    /// A short name: "People in need".
    pub label: String,
    /// The sum with the scenario's numbers: "60,000 people x 17% in need x
    /// need index 1.2 = 12,240 people in need".
    pub text: String,
    /// The step's result, unrounded; `None` when the step has no number
    /// (a sentence such as "the gap does not close").
    pub value: Option<f64>,
}

impl Step {
    fn new(label: &str, text: String, value: impl Into<Option<f64>>) -> Step {
        Step {
            label: label.to_string(),
            text,
            value: value.into(),
        }
    }
}

/// An input as the user typed it: up to three decimals, thousands separated.
fn input(value: f64) -> String {
    let plain = format::plain(value, 3);
    let decimals = plain.find('.').map_or(0, |i| plain.len() - i - 1);
    format::number(value, decimals)
}

/// A ratio such as the need index, with at least one decimal: "1.0", "1.25".
fn ratio(value: f64) -> String {
    let s = input(value);
    if value.is_finite() && !s.contains('.') {
        format!("{s}.0")
    } else {
        s
    }
}

fn pct(fraction: f64) -> String {
    format::percent(fraction, 2)
}

fn one_decimal(value: f64) -> String {
    format::number(value, 1)
}

fn band_words(band: AgeBand) -> &'static str {
    match band {
        AgeBand::Children => "children (0-17)",
        AgeBand::Adults => "adults (18-64)",
        AgeBand::Older => "older people (65+)",
    }
}

/// The WISN available working time of one WTE, step by step.
pub fn explain_working_time(scenario: &Scenario) -> Explanation {
    Explanation {
        title: "Working time of one whole-time equivalent (WTE)".to_string(),
        steps: working_time_steps(scenario, &hours(&scenario.working_time)),
    }
}

fn working_time_steps(scenario: &Scenario, h: &Hours) -> Vec<Step> {
    let wt = &scenario.working_time;
    vec![
        Step::new(
            "Working days",
            format!(
                "{} days a week x {} weeks = {} working days a year",
                input(wt.days_per_week),
                input(wt.weeks_per_year),
                one_decimal(h.working_days)
            ),
            h.working_days,
        ),
        Step::new(
            "Days available",
            format!(
                "{} - {} public holidays - {} days' annual leave - {} training days = {} days available",
                one_decimal(h.working_days),
                input(wt.public_holidays),
                input(wt.annual_leave_days),
                input(wt.training_days),
                one_decimal(h.days_available)
            ),
            h.days_available,
        ),
        Step::new(
            "Hours available",
            format!(
                "{} days x {} hours a day ({} hours / {} days) x (1 - {} sickness absence) = {} hours available per WTE",
                one_decimal(h.days_available),
                input(wt.hours_per_week / wt.days_per_week),
                input(wt.hours_per_week),
                input(wt.days_per_week),
                pct(wt.sickness_rate),
                one_decimal(h.available_hours)
            ),
            h.available_hours,
        ),
        Step::new(
            "Clinical hours",
            format!(
                "{} x (1 - {} non-clinical time) = {} clinical hours per WTE",
                one_decimal(h.available_hours),
                pct(wt.non_clinical_share),
                one_decimal(h.clinical_hours)
            ),
            h.clinical_hours,
        ),
    ]
}

/// How service `index`'s required WTE is worked out, from its population to
/// its split by role. `None` when there is no such service.
pub fn explain_service(scenario: &Scenario, index: usize) -> Option<Explanation> {
    let service = scenario.services.get(index)?;
    let results = compute(scenario);
    let r = results.services.get(index)?;
    let h = hours(&scenario.working_time);
    let mut steps = Vec::new();

    let population = scenario.total_population();
    let mut bands: Vec<AgeBand> = Vec::new();
    for band in &service.ages {
        if !bands.contains(band) {
            bands.push(*band);
        }
    }
    let parts: Vec<String> = bands
        .iter()
        .map(|b| format!("{} {}", format::people(population.get(*b)), band_words(*b)))
        .collect();
    let served = if parts.is_empty() {
        "No age band chosen".to_string()
    } else {
        parts.join(" + ")
    };
    steps.push(Step::new(
        "Population served",
        format!("{served} = {} people served", format::people(r.population)),
        r.population,
    ));
    let need = match scenario.places.as_slice() {
        [one] => format!("need index {}", ratio(one.need_index)),
        places => {
            // Each place's people count at its own need index; the weighted
            // average is what the whole population was multiplied by.
            let base = r.population * service.prevalence;
            let average = if base > 0.0 {
                r.people_in_need / base
            } else {
                0.0
            };
            format!(
                "each place's need index ({} places, {} on average, weighted by people served)",
                places.len(),
                ratio(average)
            )
        }
    };
    steps.push(Step::new(
        "People in need",
        format!(
            "{} people x {} in need x {need} = {} people in need",
            format::people(r.population),
            pct(service.prevalence),
            format::people(r.people_in_need)
        ),
        r.people_in_need,
    ));
    let treated_words = match service.workload {
        Workload::Beds { .. } => "admissions a year",
        _ => "people to treat",
    };
    steps.push(Step::new(
        "People to treat",
        format!(
            "{} x target coverage {} = {} {treated_words}",
            format::people(r.people_in_need),
            pct(service.target_coverage),
            format::people(r.people_to_treat)
        ),
        r.people_to_treat,
    ));
    steps.push(Step::new(
        "Untreated today",
        format!(
            "{} x (1 - current coverage {}) = {} people in need not treated today",
            format::people(r.people_in_need),
            pct(service.current_coverage),
            format::people(r.untreated_today)
        ),
        r.untreated_today,
    ));

    match service.workload {
        Workload::Contacts {
            contacts_per_person,
            minutes_per_contact,
        } => {
            steps.extend(working_time_steps(scenario, &h));
            let clinical = r.people_to_treat * contacts_per_person * minutes_per_contact / 60.0;
            steps.push(Step::new(
                "Workload",
                format!(
                    "{} people x {} contacts x {} minutes / 60 = {} clinical hours a year",
                    format::people(r.people_to_treat),
                    input(contacts_per_person),
                    input(minutes_per_contact),
                    format::people(clinical)
                ),
                clinical,
            ));
            steps.push(Step::new(
                "Required WTE",
                format!(
                    "{} clinical hours / {} clinical hours per WTE = {} WTE",
                    format::people(clinical),
                    one_decimal(h.clinical_hours),
                    format::wte(r.required_wte)
                ),
                r.required_wte,
            ));
        }
        Workload::Caseload {
            months_on_caseload,
            caseload_per_wte,
        } => {
            let places = r.people_to_treat * months_on_caseload / 12.0;
            steps.push(Step::new(
                "Caseload",
                format!(
                    "{} people x {} months on the caseload / 12 = {} people on the caseload at a time",
                    format::people(r.people_to_treat),
                    input(months_on_caseload),
                    one_decimal(places)
                ),
                places,
            ));
            steps.push(Step::new(
                "Required WTE",
                format!(
                    "{} on the caseload / {} per WTE = {} WTE",
                    one_decimal(places),
                    input(caseload_per_wte),
                    format::wte(r.required_wte)
                ),
                r.required_wte,
            ));
        }
        Workload::Beds {
            length_of_stay_days,
            target_occupancy,
            wte_per_bed,
        } => {
            let beds = r.beds.unwrap_or(f64::NAN);
            steps.push(Step::new(
                "Beds",
                format!(
                    "{} admissions x {} days' stay / (365 x {} occupancy) = {} beds",
                    format::people(r.people_to_treat),
                    input(length_of_stay_days),
                    pct(target_occupancy),
                    one_decimal(beds)
                ),
                beds,
            ));
            steps.push(Step::new(
                "Required WTE",
                format!(
                    "{} beds x {} WTE per bed = {} WTE",
                    one_decimal(beds),
                    input(wte_per_bed),
                    format::wte(r.required_wte)
                ),
                r.required_wte,
            ));
        }
    }

    // The split by role, in the scenario's role order; shares naming no role
    // last.
    let mut split: Vec<(String, f64)> = scenario
        .roles
        .iter()
        .filter_map(|role| {
            service
                .role_mix
                .get(&role.id)
                .map(|share| (role.name.clone(), *share))
        })
        .collect();
    split.extend(
        service
            .role_mix
            .iter()
            .filter(|(id, _)| scenario.role_index(id).is_none())
            .map(|(id, share)| (format!("{id} (not a role in this scenario)"), *share)),
    );
    for (name, share) in split {
        let wte = r.required_wte * share;
        steps.push(Step::new(
            &name,
            format!(
                "{}: {} WTE x {} = {} WTE",
                name,
                format::wte(r.required_wte),
                pct(share),
                format::wte(wte)
            ),
            wte,
        ));
    }

    Some(Explanation {
        title: service.name.clone(),
        steps,
    })
}

/// How role `index`'s requirement, gap, cost and projection are worked out.
/// `None` when there is no such role.
pub fn explain_role(scenario: &Scenario, index: usize) -> Option<Explanation> {
    let role = scenario.roles.get(index)?;
    let results: Results = compute(scenario);
    let r = results.roles.get(index)?;
    let mut steps = Vec::new();

    let mut contributions = Vec::new();
    for (service, sr) in scenario.services.iter().zip(&results.services) {
        if let Some(share) = service.role_mix.get(&role.id) {
            let wte = sr.required_wte * share;
            contributions.push(wte);
            steps.push(Step::new(
                &service.name,
                format!(
                    "{}: {} WTE x {} = {} WTE",
                    service.name,
                    format::wte(sr.required_wte),
                    pct(*share),
                    format::wte(wte)
                ),
                wte,
            ));
        }
    }
    let sum_text = match contributions.len() {
        0 => format!(
            "No service uses this role: {} WTE required",
            format::wte(0.0)
        ),
        1 => format!("{} WTE required", format::wte(r.required_wte)),
        _ => format!(
            "{} = {} WTE required",
            contributions
                .iter()
                .map(|w| format::wte(*w))
                .collect::<Vec<_>>()
                .join(" + "),
            format::wte(r.required_wte)
        ),
    };
    steps.push(Step::new("Required", sum_text, r.required_wte));

    let gap_text = if r.gap_wte >= 0.0 {
        format!(
            "{} WTE required - {} in post = {} WTE gap",
            format::wte(r.required_wte),
            format::wte(r.in_post_wte),
            format::wte(r.gap_wte)
        )
    } else {
        format!(
            "{} WTE required - {} in post = {}: a surplus of {} WTE",
            format::wte(r.required_wte),
            format::wte(r.in_post_wte),
            format::wte(r.gap_wte),
            format::wte(-r.gap_wte)
        )
    };
    steps.push(Step::new("Gap", gap_text, r.gap_wte));
    steps.push(Step::new(
        "Extra roles required",
        format!(
            "The larger of 0 and the gap: {} extra WTE",
            format::wte(r.extra_wte)
        ),
        r.extra_wte,
    ));
    steps.push(Step::new(
        "Beyond funded posts",
        format!(
            "{} WTE required - {} in post - {} vacant funded posts = {} WTE not yet funded",
            format::wte(r.required_wte),
            format::wte(r.in_post_wte),
            format::wte(role.vacant_wte),
            format::wte(r.unfunded_wte)
        ),
        r.unfunded_wte,
    ));
    steps.push(match r.wisn_ratio {
        Some(ratio) => Step::new(
            "WISN ratio",
            format!(
                "{} in post / {} required = {} (1.00 means staff match the workload)",
                format::wte(r.in_post_wte),
                format::wte(r.required_wte),
                format::number(ratio, 2)
            ),
            ratio,
        ),
        None => Step::new(
            "WISN ratio",
            "Nothing is required of this role, so there is no WISN ratio".to_string(),
            None,
        ),
    });
    steps.push(Step::new(
        "Extra cost",
        format!(
            "{} extra WTE x {} a year = {} a year",
            format::wte(r.extra_wte),
            format::money(role.annual_cost),
            format::money(r.extra_cost)
        ),
        r.extra_cost,
    ));

    // The projection for this role.
    let p = &scenario.projection;
    let years = p.years.min(MAX_PROJECTION_YEARS);
    let leaver_rate = role.leaver_rate * (1.0 - p.retention_improvement);
    steps.push(Step::new(
        "Leavers",
        format!(
            "{} leaver rate x (1 - {} retention improvement) = {} of staff leave each year",
            pct(role.leaver_rate),
            pct(p.retention_improvement),
            pct(leaver_rate)
        ),
        leaver_rate,
    ));
    let mut supply = r.in_post_wte;
    let mut required = r.required_wte;
    for _ in 0..years {
        supply = supply * (1.0 - leaver_rate) + role.joiners_per_year;
        required *= 1.0 + p.demand_growth;
    }
    steps.push(Step::new(
        "Requirement at the end",
        format!(
            "{} WTE x (1 + {} demand growth)^{years} = {} WTE in year {years}",
            format::wte(r.required_wte),
            pct(p.demand_growth),
            format::wte(required)
        ),
        required,
    ));
    steps.push(Step::new(
        "Supply at the end",
        format!(
            "{} in post, losing {} a year and gaining {} joiners a year = {} WTE in year {years}",
            format::wte(r.in_post_wte),
            pct(leaver_rate),
            input(role.joiners_per_year),
            format::wte(supply)
        ),
        supply,
    ));
    steps.push(match r.year_gap_closes {
        Some(0) => Step::new(
            "Gap closes",
            "Staff in post already meet the requirement today (year 0)".to_string(),
            0.0,
        ),
        Some(year) => Step::new(
            "Gap closes",
            format!("Supply first meets the requirement in year {year}"),
            year as f64,
        ),
        None => Step::new(
            "Gap closes",
            format!("Supply does not meet the requirement within {years} years"),
            None,
        ),
    });
    let joiners_text = if years == 0 {
        format!(
            "{} joiners would close the gap at once",
            format::wte(r.joiners_needed)
        )
    } else if leaver_rate > 0.0 {
        format!(
            "({} - {} x (1 - {})^{years}) x {} / (1 - (1 - {})^{years}) = {} joiners a year would close the gap by year {years} (today {})",
            format::wte(required),
            format::wte(r.in_post_wte),
            pct(leaver_rate),
            pct(leaver_rate),
            pct(leaver_rate),
            format::wte(r.joiners_needed),
            input(role.joiners_per_year)
        )
    } else {
        format!(
            "({} - {}) / {years} = {} joiners a year would close the gap by year {years} (today {})",
            format::wte(required),
            format::wte(r.in_post_wte),
            format::wte(r.joiners_needed),
            input(role.joiners_per_year)
        )
    };
    steps.push(Step::new("Joiners needed", joiners_text, r.joiners_needed));

    Some(Explanation {
        title: role.name.clone(),
        steps,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::parse_scenario;

    /// The "Small place, three kinds of service" reference case.
    fn small_place() -> Scenario {
        let fixture: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/reference-cases.json"))
                .unwrap();
        let case = fixture["cases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["name"].as_str().unwrap().starts_with("Small place"))
            .unwrap();
        parse_scenario(&case["scenario"].to_string()).unwrap()
    }

    fn text(e: &Explanation) -> String {
        e.steps
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    fn assert_contains(e: &Explanation, needles: &[&str]) {
        let t = text(e);
        for n in needles {
            assert!(t.contains(n), "missing {n:?} in:\n{t}");
        }
    }

    #[test]
    fn contacts_service_in_words() {
        let e = explain_service(&small_place(), 0).unwrap();
        assert_eq!(e.title, "Talking therapies");
        assert_contains(
            &e,
            &[
                "60,000 adults (18-64) = 60,000 people served",
                "60,000 people x 17% in need x need index 1.2 = 12,240 people in need",
                "12,240 x target coverage 25% = 3,060 people to treat",
                "12,240 x (1 - current coverage 37%) = 7,711 people in need not treated today",
                "5 days a week x 52.143 weeks = 260.7 working days a year",
                "260.7 - 8 public holidays - 29 days' annual leave - 5 training days = 218.7 days available",
                "218.7 days x 7.5 hours a day (37.5 hours / 5 days) x (1 - 5% sickness absence) = 1,558.3 hours available per WTE",
                "1,558.3 x (1 - 30% non-clinical time) = 1,090.8 clinical hours per WTE",
                "3,060 people x 6.9 contacts x 50 minutes / 60 = 17,595 clinical hours a year",
                "17,595 clinical hours / 1,090.8 clinical hours per WTE = 16.1 WTE",
                "Mh nurse: 16.1 WTE x 50% = 8.1 WTE",
                "Vcse worker: 16.1 WTE x 50% = 8.1 WTE",
            ],
        );
        let last = e.steps.iter().find(|s| s.label == "Required WTE").unwrap();
        assert!((last.value.unwrap() - 16.12975584149318).abs() < 1e-9);
    }

    #[test]
    fn caseload_service_in_words() {
        let e = explain_service(&small_place(), 1).unwrap();
        assert_contains(
            &e,
            &[
                "60,000 adults (18-64) + 20,000 older people (65+) = 80,000 people served",
                "80,000 people x 0.9% in need x need index 1.2 = 864 people in need",
                "864 x target coverage 90% = 778 people to treat",
                "778 people x 12 months on the caseload / 12 = 777.6 people on the caseload at a time",
                "777.6 on the caseload / 25 per WTE = 31.1 WTE",
                "Mh nurse: 31.1 WTE x 70% = 21.8 WTE",
                "Peer support: 31.1 WTE x 30% = 9.3 WTE",
            ],
        );
        assert!(
            !text(&e).contains("clinical hours"),
            "caseloads do not use working time"
        );
    }

    #[test]
    fn beds_service_in_words() {
        let e = explain_service(&small_place(), 2).unwrap();
        assert_contains(
            &e,
            &[
                "60,000 people x 0.2% in need x need index 1.2 = 144 people in need",
                "144 x target coverage 100% = 144 admissions a year",
                "144 admissions x 35 days' stay / (365 x 85% occupancy) = 16.2 beds",
                "16.2 beds x 1.8 WTE per bed = 29.2 WTE",
            ],
        );
        let beds = e.steps.iter().find(|s| s.label == "Beds").unwrap();
        assert!((beds.value.unwrap() - 16.244963738920227).abs() < 1e-9);
    }

    #[test]
    fn role_in_words() {
        let e = explain_role(&small_place(), 0).unwrap();
        assert_eq!(e.title, "Mh nurse");
        assert_contains(
            &e,
            &[
                "Talking therapies: 16.1 WTE x 50% = 8.1 WTE",
                "Community mental health: 31.1 WTE x 70% = 21.8 WTE",
                "Acute inpatient: 29.2 WTE x 100% = 29.2 WTE",
                "8.1 + 21.8 + 29.2 = 59.1 WTE required",
                "59.1 WTE required - 30.0 in post = 29.1 WTE gap",
                "29.1 extra WTE",
                "59.1 WTE required - 30.0 in post - 5.0 vacant funded posts = 24.1 WTE not yet funded",
                "30.0 in post / 59.1 required = 0.51",
                "29.1 extra WTE x £56,000 a year = £1,628,402 a year",
                "11% leaver rate x (1 - 25% retention improvement) = 8.25% of staff leave each year",
                "59.1 WTE x (1 + 4.4% demand growth)^3 = 67.2 WTE in year 3",
                "Supply does not meet the requirement within 3 years",
                "= 16.0 joiners a year would close the gap by year 3 (today 3)",
            ],
        );
        let joiners = e.steps.last().unwrap();
        assert!((joiners.value.unwrap() - 15.965764446869537).abs() < 1e-9);
    }

    #[test]
    fn role_without_leavers_and_surplus_in_words() {
        let s = small_place();
        let e = explain_role(&s, 2).unwrap();
        assert_contains(&e, &["(9.2 - 6.0) / 3 = 1.1 joiners a year"]);
        let mut surplus = s.clone();
        surplus.roles[0].in_post_wte = 500.0;
        let e = explain_role(&surplus, 0).unwrap();
        assert_contains(
            &e,
            &[
                "59.1 WTE required - 500.0 in post = -440.9: a surplus of 440.9 WTE",
                "already meet the requirement today (year 0)",
            ],
        );
    }

    #[test]
    fn working_time_alone() {
        let e = explain_working_time(&small_place());
        assert_eq!(e.steps.len(), 4);
        assert!((e.steps[3].value.unwrap() - 1090.8410625).abs() < 1e-9);
    }

    #[test]
    fn out_of_range_index_is_none() {
        let s = small_place();
        assert!(explain_service(&s, 3).is_none());
        assert!(explain_role(&s, 3).is_none());
        assert!(explain_role(&Scenario::blank(), 0).is_none());
    }

    #[test]
    fn serialises() {
        let e = explain_service(&small_place(), 2).unwrap();
        let v = serde_json::to_value(&e).unwrap();
        assert_eq!(v["title"], "Acute inpatient");
        assert!(v["steps"][0]["text"].as_str().is_some());
    }
}
