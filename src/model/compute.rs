//! The calculation of MODEL.md section 2: population -> people in need ->
//! people to treat -> workload -> WTE by role -> gap -> cost -> projection.
//!
//! All in f64, no rounding. `compute` is total: it never panics, whatever the
//! input; call [`crate::model::validate`] first to know whether the numbers
//! mean anything.

use std::collections::BTreeMap;

use super::results::{ProjectionRow, Results, RoleResult, ServiceResult, Subtotal, Total};
use super::scenario::{Scenario, Service, WorkingTime, Workload};

/// The projection never runs past this many years, whatever the input says
/// (validation allows 1..=30).
pub const MAX_PROJECTION_YEARS: u32 = 30;

/// WISN available working time, per WTE per year.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hours {
    pub working_days: f64,
    pub days_available: f64,
    pub available_hours: f64,
    pub clinical_hours: f64,
}

pub fn hours(wt: &WorkingTime) -> Hours {
    let working_days = wt.days_per_week * wt.weeks_per_year;
    let days_available =
        working_days - wt.public_holidays - wt.annual_leave_days - wt.training_days;
    let available_hours =
        days_available * (wt.hours_per_week / wt.days_per_week) * (1.0 - wt.sickness_rate);
    let clinical_hours = available_hours * (1.0 - wt.non_clinical_share);
    Hours {
        working_days,
        days_available,
        available_hours,
        clinical_hours,
    }
}

/// The population a service serves: the sum of its age bands.
pub fn service_population(scenario: &Scenario, service: &Service) -> f64 {
    let mut seen = [false; 3];
    let mut total = 0.0;
    for band in &service.ages {
        let i = *band as usize;
        if !seen[i] {
            seen[i] = true;
            total += scenario.population.get(*band);
        }
    }
    total
}

/// Beds needed and required WTE for `people_to_treat` under a workload.
pub fn workload_wte(
    workload: &Workload,
    people_to_treat: f64,
    clinical_hours: f64,
) -> (f64, Option<f64>) {
    match *workload {
        Workload::Contacts {
            contacts_per_person,
            minutes_per_contact,
        } => (
            people_to_treat * contacts_per_person * minutes_per_contact / 60.0 / clinical_hours,
            None,
        ),
        Workload::Caseload {
            months_on_caseload,
            caseload_per_wte,
        } => (
            people_to_treat * (months_on_caseload / 12.0) / caseload_per_wte,
            None,
        ),
        Workload::Beds {
            length_of_stay_days,
            target_occupancy,
            wte_per_bed,
        } => {
            let beds = people_to_treat * length_of_stay_days / (365.0 * target_occupancy);
            (beds * wte_per_bed, Some(beds))
        }
    }
}

/// Required WTE of every role (scenario order), the sum over services of each
/// service's WTE times that role's share. Role-mix entries naming no role are
/// ignored (validation reports them).
pub fn required_wte_by_role(scenario: &Scenario, clinical_hours: f64) -> Vec<f64> {
    let mut required = vec![0.0; scenario.roles.len()];
    for service in &scenario.services {
        let (wte, _) = service_wte(scenario, service, clinical_hours);
        add_role_mix(scenario, service, wte, &mut required);
    }
    required
}

fn service_wte(scenario: &Scenario, service: &Service, clinical_hours: f64) -> (f64, Option<f64>) {
    let people_to_treat = service_population(scenario, service)
        * service.prevalence
        * scenario.need_index
        * service.target_coverage;
    workload_wte(&service.workload, people_to_treat, clinical_hours)
}

fn add_role_mix(scenario: &Scenario, service: &Service, wte: f64, required: &mut [f64]) {
    for (role_id, share) in &service.role_mix {
        if let Some(i) = scenario.roles.iter().position(|r| &r.id == role_id) {
            required[i] += wte * share;
        }
    }
}

/// Supply of one role after `t` years: starts at in post, loses leavers at
/// the (retention-improved) rate, gains joiners.
fn supply_step(supply: f64, leaver_rate: f64, joiners: f64) -> f64 {
    supply * (1.0 - leaver_rate) + joiners
}

/// Joiners a year that make supply equal the requirement in year `years`.
pub fn joiners_needed(required_final: f64, in_post: f64, leaver_rate: f64, years: u32) -> f64 {
    if years == 0 {
        return (required_final - in_post).max(0.0);
    }
    let t = years as f64;
    let needed = if leaver_rate > 0.0 {
        let q = (1.0 - leaver_rate).powf(t);
        if (1.0 - q).abs() < f64::MIN_POSITIVE {
            (required_final - in_post) / t
        } else {
            (required_final - in_post * q) * leaver_rate / (1.0 - q)
        }
    } else {
        (required_final - in_post) / t
    };
    if needed.is_nan() {
        0.0
    } else {
        needed.max(0.0)
    }
}

/// Compute every output of MODEL.md section 3.
pub fn compute(scenario: &Scenario) -> Results {
    let h = hours(&scenario.working_time);
    let years = scenario.projection.years.min(MAX_PROJECTION_YEARS);

    let mut total = Total::default();
    let mut required = vec![0.0; scenario.roles.len()];
    let mut services = Vec::with_capacity(scenario.services.len());
    for service in &scenario.services {
        let population = service_population(scenario, service);
        let people_in_need = population * service.prevalence * scenario.need_index;
        let people_to_treat = people_in_need * service.target_coverage;
        let untreated_today = people_in_need * (1.0 - service.current_coverage);
        let (required_wte, beds) =
            workload_wte(&service.workload, people_to_treat, h.clinical_hours);
        add_role_mix(scenario, service, required_wte, &mut required);
        total.people_in_need += people_in_need;
        total.people_to_treat += people_to_treat;
        total.untreated_today += untreated_today;
        services.push(ServiceResult {
            id: service.id.clone(),
            population,
            people_in_need,
            people_to_treat,
            untreated_today,
            required_wte,
            beds,
        });
    }

    let growth = 1.0 + scenario.projection.demand_growth;
    let retention = 1.0 - scenario.projection.retention_improvement;
    let mut projection: Vec<ProjectionRow> = (0..=years)
        .map(|year| ProjectionRow {
            year,
            required_wte: 0.0,
            supply_wte: 0.0,
            gap_wte: 0.0,
        })
        .collect();

    let mut groups: BTreeMap<String, Subtotal> = BTreeMap::new();
    let mut sectors: BTreeMap<String, Subtotal> = BTreeMap::new();
    let mut roles = Vec::with_capacity(scenario.roles.len());
    for (role, &required_wte) in scenario.roles.iter().zip(&required) {
        let in_post_wte = role.in_post_wte;
        let gap_wte = required_wte - in_post_wte;
        let extra_wte = gap_wte.max(0.0);
        let unfunded_wte = (required_wte - in_post_wte - role.vacant_wte).max(0.0);
        let wisn_ratio = if required_wte == 0.0 {
            None
        } else {
            Some(in_post_wte / required_wte)
        };
        let extra_cost = extra_wte * role.annual_cost;

        let leaver_rate = role.leaver_rate * retention;
        let mut supply = in_post_wte;
        let mut required_t = required_wte;
        let mut year_gap_closes = None;
        for row in projection.iter_mut() {
            if row.year > 0 {
                supply = supply_step(supply, leaver_rate, role.joiners_per_year);
                required_t *= growth;
            }
            if year_gap_closes.is_none() && supply >= required_t {
                year_gap_closes = Some(row.year);
            }
            row.required_wte += required_t;
            row.supply_wte += supply;
            row.gap_wte += (required_t - supply).max(0.0);
        }
        let joiners_needed = joiners_needed(required_t, in_post_wte, leaver_rate, years);

        for subtotal in [
            groups.entry(role.group.key().to_string()).or_default(),
            sectors.entry(role.sector.key().to_string()).or_default(),
        ] {
            subtotal.required_wte += required_wte;
            subtotal.in_post_wte += in_post_wte;
            subtotal.extra_wte += extra_wte;
        }
        total.required_wte += required_wte;
        total.in_post_wte += in_post_wte;
        total.extra_wte += extra_wte;
        total.unfunded_wte += unfunded_wte;
        total.extra_cost += extra_cost;

        roles.push(RoleResult {
            id: role.id.clone(),
            required_wte,
            in_post_wte,
            gap_wte,
            extra_wte,
            unfunded_wte,
            wisn_ratio,
            extra_cost,
            year_gap_closes,
            joiners_needed,
        });
    }

    let residents = scenario.population.total();
    total.required_wte_per_100k = if residents > 0.0 {
        total.required_wte / residents * 100_000.0
    } else {
        0.0
    };

    Results {
        available_hours_per_wte: h.available_hours,
        clinical_hours_per_wte: h.clinical_hours,
        services,
        roles,
        groups,
        sectors,
        total,
        projection,
    }
}

/// The headline numbers of a scenario, without building the full results:
/// the inner loop of sensitivity and uncertainty runs.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Headline {
    /// Total extra WTE today: `total.extra_wte`.
    pub extra_wte: f64,
    /// Total extra cost today: `total.extra_cost`.
    pub extra_cost: f64,
    /// The shortage in the final projection year: `projection.last().gap_wte`
    /// (sum over roles of `max(0, required - supply)`).
    pub final_gap_wte: f64,
}

/// As [`headline`], reusing `required` as scratch space so that repeated
/// runs (10,000 uncertainty draws) allocate nothing after the first.
/// Bit-for-bit the same numbers as [`compute`].
pub fn headline_with(scenario: &Scenario, required: &mut Vec<f64>) -> Headline {
    let h = hours(&scenario.working_time);
    required.clear();
    required.resize(scenario.roles.len(), 0.0);
    for service in &scenario.services {
        let (wte, _) = service_wte(scenario, service, h.clinical_hours);
        add_role_mix(scenario, service, wte, required);
    }
    let years = scenario.projection.years.min(MAX_PROJECTION_YEARS);
    let growth = 1.0 + scenario.projection.demand_growth;
    let retention = 1.0 - scenario.projection.retention_improvement;
    let mut out = Headline::default();
    for (role, &req) in scenario.roles.iter().zip(required.iter()) {
        let extra = (req - role.in_post_wte).max(0.0);
        out.extra_wte += extra;
        out.extra_cost += extra * role.annual_cost;
        let leaver_rate = role.leaver_rate * retention;
        let mut supply = role.in_post_wte;
        let mut required_t = req;
        for _ in 0..years {
            supply = supply_step(supply, leaver_rate, role.joiners_per_year);
            required_t *= growth;
        }
        out.final_gap_wte += (required_t - supply).max(0.0);
    }
    out
}

/// Total extra WTE, extra cost and final-year gap, without building the full
/// results.
pub fn headline(scenario: &Scenario) -> Headline {
    headline_with(scenario, &mut Vec::new())
}

/// Total extra WTE and extra cost, without building the full results.
pub fn extra_totals(scenario: &Scenario) -> (f64, f64) {
    let h = headline(scenario);
    (h.extra_wte, h.extra_cost)
}
