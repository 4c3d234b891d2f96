//! The calculation of MODEL.md sections 2 and 7 (places, funded vacancies,
//! retention needed): population -> people in need ->
//! people to treat -> workload -> WTE by role -> gap -> cost -> projection.
//!
//! All in f64, no rounding. `compute` is total: it never panics, whatever the
//! input; call [`crate::model::validate`] first to know whether the numbers
//! mean anything.

use super::keyed::Keyed;
use super::results::{
    PlaceResult, ProjectionRow, Results, RoleResult, ServiceResult, Subtotal, Total,
};
use super::scenario::{Pipeline, Population, Scenario, Service, WorkingTime, Workload};

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

/// The part of `population` a service serves: the sum of its age bands
/// (each band once, however often it is listed).
pub fn served_population(population: &Population, service: &Service) -> f64 {
    let mut seen = [false; 3];
    let mut total = 0.0;
    for band in &service.ages {
        let i = *band as usize;
        if !seen[i] {
            seen[i] = true;
            total += population.get(*band);
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

/// People a service is to treat, summed over places: each place's served
/// population x prevalence x that place's need index x target coverage.
fn service_people_to_treat(scenario: &Scenario, service: &Service) -> f64 {
    scenario
        .places
        .iter()
        .map(|place| {
            served_population(&place.population, service)
                * service.prevalence
                * place.need_index
                * service.target_coverage
        })
        .sum()
}

/// A service's required WTE and beds: workload is linear in people to
/// treat, so the system's figure is the workload of every place's people
/// together.
fn service_wte(scenario: &Scenario, service: &Service, clinical_hours: f64) -> (f64, Option<f64>) {
    workload_wte(
        &service.workload,
        service_people_to_treat(scenario, service),
        clinical_hours,
    )
}

fn add_role_mix(scenario: &Scenario, service: &Service, wte: f64, required: &mut [f64]) {
    for (role_id, share) in &service.role_mix {
        if let Some(i) = scenario.roles.iter().position(|r| &r.id == role_id) {
            required[i] += wte * share;
        }
    }
}

/// Supply of one role after one more year: loses leavers at the
/// (retention-improved) rate, gains joiners and arrivals.
fn supply_step(supply: f64, leaver_rate: f64, inflow: f64) -> f64 {
    supply * (1.0 - leaver_rate) + inflow
}

/// Role r's requirement in a year of the projection (MODEL.md section 8):
/// `today_t` and `target_t` are the WTE today's coverage and the target
/// coverage need in that year (demand growth applied), `share` the ramp's
/// share of the way between them ([`Projection::ramp_share`]). With no ramp
/// it is `target_t` itself, bit for bit.
///
/// [`Projection::ramp_share`]: super::scenario::Projection::ramp_share
pub fn required_in_year(today_t: f64, target_t: f64, share: f64) -> f64 {
    if share >= 1.0 {
        target_t
    } else {
        today_t + (target_t - today_t) * share
    }
}

/// Joiners a year that make supply equal the requirement in year `years`,
/// with `arrivals_remaining` (A_T of MODEL.md section 8: the pipeline's
/// arrivals still in post in year `years`) counted.
pub fn joiners_needed(
    required_final: f64,
    in_post: f64,
    leaver_rate: f64,
    years: u32,
    arrivals_remaining: f64,
) -> f64 {
    if years == 0 {
        return (required_final - in_post).max(0.0);
    }
    let t = years as f64;
    let needed = if leaver_rate > 0.0 {
        // Years are whole: an integer power, several times cheaper than
        // `powf` (this runs for every role in every uncertainty draw).
        let q = (1.0 - leaver_rate).powi(years as i32);
        if (1.0 - q).abs() < f64::MIN_POSITIVE {
            (required_final - in_post - arrivals_remaining) / t
        } else {
            (required_final - in_post * q - arrivals_remaining) * leaver_rate / (1.0 - q)
        }
    } else {
        (required_final - in_post - arrivals_remaining) / t
    };
    if needed.is_nan() {
        0.0
    } else {
        needed.max(0.0)
    }
}

/// Supply after `years` years from `in_post`, at a constant leaver rate and
/// joiners a year, with the pipeline's arrivals.
pub fn supply_after(
    in_post: f64,
    leaver_rate: f64,
    joiners: f64,
    pipeline: &Pipeline,
    years: u32,
) -> f64 {
    (1..=years).fold(in_post, |supply, year| {
        supply_step(supply, leaver_rate, joiners + pipeline.arrivals(year))
    })
}

/// MODEL.md sections 7 and 8: the smallest cut `x` in [0, 1] of today's
/// leaver rate (`leaver_rate * (1 - x)`) with which supply reaches
/// `required_final` by year `years`, joiners and arrivals unchanged.
/// `Some(0.0)` when today's rate already gets there; `None` when even no
/// leavers at all would not.
///
/// Supply rises with `x`, so the answer is bracketed from the start and the
/// bracket only shrinks: the Illinois variant of regula falsi (a straight
/// line between the bracket's ends, with a halved weight for an end kept
/// twice), which reaches 1e-12 in a handful of steps where bisection takes
/// forty; compute runs it for every role on every keystroke.
pub fn retention_needed(
    required_final: f64,
    in_post: f64,
    leaver_rate: f64,
    joiners: f64,
    pipeline: &Pipeline,
    years: u32,
) -> Option<f64> {
    // Supply at cut `x`, less the requirement: < 0 short, >= 0 reached.
    let excess = |x: f64| {
        supply_after(in_post, leaver_rate * (1.0 - x), joiners, pipeline, years) - required_final
    };
    let (mut low, mut high) = (0.0_f64, 1.0_f64);
    let (mut f_low, mut f_high) = (excess(low), excess(high));
    if f_low >= 0.0 {
        return Some(0.0);
    }
    if f_high < 0.0 || f_high.is_nan() {
        return None;
    }
    // Which end was kept last: -1 low, 1 high.
    let mut kept = 0;
    for _ in 0..200 {
        if high - low <= 1e-12 {
            break;
        }
        let mut x = high - f_high * (high - low) / (f_high - f_low);
        if !(x > low && x < high) {
            x = 0.5 * (low + high);
        }
        let f = excess(x);
        if f >= 0.0 {
            high = x;
            f_high = f;
            if kept == -1 {
                f_low *= 0.5;
            }
            kept = -1;
        } else {
            low = x;
            f_low = f;
            if kept == 1 {
                f_high *= 0.5;
            }
            kept = 1;
        }
    }
    Some(high)
}

/// One role's projection year by year, as [`compute`] runs it (MODEL.md
/// sections 2, 7 and 8): the requirement on its ramp and the supply with
/// joiners and the pipeline's arrivals, split by where it comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RoleFlow {
    pub year: u32,
    pub required_wte: f64,
    pub supply_wte: f64,
    /// Arrivals in the step to this year (0 in year 0).
    pub arrivals_wte: f64,
    /// Today's staff still in post.
    pub remaining_wte: f64,
    /// Joiners at today's rate (`joiners_per_year`) still in post.
    pub joiners_wte: f64,
    /// Qualifiers from the extra training places still in post.
    pub trained_wte: f64,
    /// International recruits still in post.
    pub international_wte: f64,
    /// Supply with no extra training places (everything else as set).
    pub supply_without_places_wte: f64,
    /// `sum (1 - l)^(year - t)` over the years `t` the extra places'
    /// qualifiers have arrived in: supply per extra place a year per
    /// qualifier (MODEL.md section 8's sum).
    pub places_weight: f64,
}

/// Role `role`'s flows over `years` years, from its requirement today at
/// current coverage (`required_today`) and at target (`required_target`).
pub fn role_flows<'a>(
    scenario: &'a Scenario,
    role: &super::scenario::Role,
    required_today: f64,
    required_target: f64,
    years: u32,
) -> impl Iterator<Item = RoleFlow> + 'a {
    let projection = &scenario.projection;
    let growth = 1.0 + projection.demand_growth;
    let l = role.leaver_rate * (1.0 - projection.retention_improvement);
    let pipeline = role.pipeline();
    let trained = pipeline.trained_per_year();
    let first = pipeline.first_arrival_year();
    let joiners = role.joiners_per_year;
    let mut flow = RoleFlow {
        year: 0,
        required_wte: required_in_year(required_today, required_target, projection.ramp_share(0)),
        supply_wte: role.in_post_wte,
        remaining_wte: role.in_post_wte,
        supply_without_places_wte: role.in_post_wte,
        ..RoleFlow::default()
    };
    let (mut today_t, mut target_t) = (required_today, required_target);
    (0..=years).map(move |year| {
        if year > 0 {
            today_t *= growth;
            target_t *= growth;
            let arrivals = pipeline.arrivals(year);
            let places_arrive = if year >= first { 1.0 } else { 0.0 };
            flow = RoleFlow {
                year,
                required_wte: required_in_year(today_t, target_t, projection.ramp_share(year)),
                supply_wte: supply_step(flow.supply_wte, l, joiners + arrivals),
                arrivals_wte: arrivals,
                remaining_wte: flow.remaining_wte * (1.0 - l),
                joiners_wte: supply_step(flow.joiners_wte, l, joiners),
                trained_wte: supply_step(flow.trained_wte, l, trained * places_arrive),
                international_wte: supply_step(
                    flow.international_wte,
                    l,
                    pipeline.international_per_year,
                ),
                supply_without_places_wte: supply_step(
                    flow.supply_without_places_wte,
                    l,
                    joiners + pipeline.international_per_year,
                ),
                places_weight: supply_step(flow.places_weight, l, places_arrive),
            };
        }
        flow
    })
}

/// MODEL.md section 8: the extra training places a year (the role's own
/// value replaced) with which supply reaches the requirement by the last
/// year: 0 when it gets there with none; `None` when places cannot close
/// the gap in time (training longer than the horizon, or no completion or
/// take-up).
pub fn places_needed(last: &RoleFlow, pipeline: &Pipeline) -> Option<f64> {
    if last.supply_without_places_wte >= last.required_wte {
        return Some(0.0);
    }
    let per_place = pipeline.completion_rate * pipeline.join_rate * last.places_weight;
    if per_place <= 0.0 || !per_place.is_finite() {
        return None;
    }
    let needed = (last.required_wte - last.supply_without_places_wte) / per_place;
    needed.is_finite().then_some(needed)
}

/// Compute every output of MODEL.md section 3.
pub fn compute(scenario: &Scenario) -> Results {
    let h = hours(&scenario.working_time);
    let years = scenario.projection.years.min(MAX_PROJECTION_YEARS);

    let mut total = Total::default();
    let mut required = vec![0.0; scenario.roles.len()];
    let mut required_today = vec![0.0; scenario.roles.len()];
    let mut places: Vec<PlaceResult> = scenario
        .places
        .iter()
        .map(|place| PlaceResult {
            id: place.id.clone(),
            population: place.population.total(),
            people_in_need: 0.0,
            people_to_treat: 0.0,
            untreated_today: 0.0,
            required_wte: 0.0,
            required_wte_per_100k: 0.0,
            roles: scenario.roles.iter().map(|r| (r.id.clone(), 0.0)).collect(),
        })
        .collect();
    let mut services = Vec::with_capacity(scenario.services.len());
    for service in &scenario.services {
        let mut result = ServiceResult {
            id: service.id.clone(),
            population: 0.0,
            people_in_need: 0.0,
            people_to_treat: 0.0,
            untreated_today: 0.0,
            required_wte: 0.0,
            beds: None,
        };
        for (place, place_result) in scenario.places.iter().zip(places.iter_mut()) {
            let population = served_population(&place.population, service);
            let people_in_need = population * service.prevalence * place.need_index;
            let people_to_treat = people_in_need * service.target_coverage;
            let untreated_today = people_in_need * (1.0 - service.current_coverage);
            let (place_wte, _) = workload_wte(&service.workload, people_to_treat, h.clinical_hours);
            place_result.people_in_need += people_in_need;
            place_result.people_to_treat += people_to_treat;
            place_result.untreated_today += untreated_today;
            place_result.required_wte += place_wte;
            for (role_id, share) in &service.role_mix {
                if let Some(wte) = place_result.roles.get_mut(role_id) {
                    *wte += place_wte * share;
                }
            }
            result.population += population;
            result.people_in_need += people_in_need;
            result.people_to_treat += people_to_treat;
            result.untreated_today += untreated_today;
        }
        let (required_wte, beds) =
            workload_wte(&service.workload, result.people_to_treat, h.clinical_hours);
        result.required_wte = required_wte;
        result.beds = beds;
        add_role_mix(scenario, service, required_wte, &mut required);
        let (wte_today, _) = workload_wte(
            &service.workload,
            result.people_in_need * service.current_coverage,
            h.clinical_hours,
        );
        add_role_mix(scenario, service, wte_today, &mut required_today);
        total.people_in_need += result.people_in_need;
        total.people_to_treat += result.people_to_treat;
        total.untreated_today += result.untreated_today;
        services.push(result);
    }
    for place in &mut places {
        place.required_wte_per_100k = per_100k(place.required_wte, place.population);
    }

    let mut projection: Vec<ProjectionRow> = (0..=years)
        .map(|year| ProjectionRow {
            year,
            required_wte: 0.0,
            supply_wte: 0.0,
            gap_wte: 0.0,
            arrivals_wte: 0.0,
        })
        .collect();

    let mut groups: Keyed<Subtotal> = Keyed::default();
    let mut sectors: Keyed<Subtotal> = Keyed::default();
    let mut roles = Vec::with_capacity(scenario.roles.len());
    for ((role, &required_wte), &required_wte_today) in
        scenario.roles.iter().zip(&required).zip(&required_today)
    {
        let in_post_wte = role.in_post_wte;
        let gap_wte = required_wte - in_post_wte;
        let extra_wte = gap_wte.max(0.0);
        let unfunded_wte = (required_wte - in_post_wte - role.vacant_wte).max(0.0);
        let wisn_ratio = if required_wte == 0.0 {
            None
        } else {
            Some(in_post_wte / required_wte)
        };
        let vacancy_fill_wte = extra_wte.min(role.vacant_wte);
        let extra_cost = extra_wte * role.annual_cost;
        let unfunded_cost = unfunded_wte * role.annual_cost;

        let leaver_rate = role.leaver_rate * (1.0 - scenario.projection.retention_improvement);
        let pipeline = role.pipeline();
        let mut year_gap_closes = None;
        let mut last = RoleFlow::default();
        for (row, flow) in projection.iter_mut().zip(role_flows(
            scenario,
            role,
            required_wte_today,
            required_wte,
            years,
        )) {
            if year_gap_closes.is_none() && flow.supply_wte >= flow.required_wte {
                year_gap_closes = Some(row.year);
            }
            row.required_wte += flow.required_wte;
            row.supply_wte += flow.supply_wte;
            row.gap_wte += (flow.required_wte - flow.supply_wte).max(0.0);
            row.arrivals_wte += flow.arrivals_wte;
            last = flow;
        }
        let joiners_needed = joiners_needed(
            last.required_wte,
            in_post_wte,
            leaver_rate,
            years,
            last.trained_wte + last.international_wte,
        );
        let retention_needed = retention_needed(
            last.required_wte,
            in_post_wte,
            role.leaver_rate,
            role.joiners_per_year,
            &pipeline,
            years,
        );
        let places_needed = places_needed(&last, &pipeline);

        for subtotal in [
            groups.entry_or_default(role.group.key()),
            sectors.entry_or_default(role.sector.key()),
        ] {
            subtotal.required_wte += required_wte;
            subtotal.in_post_wte += in_post_wte;
            subtotal.extra_wte += extra_wte;
        }
        total.required_wte += required_wte;
        total.in_post_wte += in_post_wte;
        total.extra_wte += extra_wte;
        total.unfunded_wte += unfunded_wte;
        total.vacancy_fill_wte += vacancy_fill_wte;
        total.extra_cost += extra_cost;
        total.unfunded_cost += unfunded_cost;
        total.required_wte_today += required_wte_today;

        roles.push(RoleResult {
            id: role.id.clone(),
            required_wte,
            in_post_wte,
            gap_wte,
            extra_wte,
            unfunded_wte,
            vacancy_fill_wte,
            wisn_ratio,
            extra_cost,
            unfunded_cost,
            year_gap_closes,
            joiners_needed,
            retention_needed,
            required_wte_today,
            places_needed,
            arrivals_per_year: pipeline.trained_per_year() + pipeline.international_per_year,
        });
    }

    total.required_wte_per_100k = per_100k(total.required_wte, scenario.total_population().total());

    Results {
        available_hours_per_wte: h.available_hours,
        clinical_hours_per_wte: h.clinical_hours,
        services,
        roles,
        groups,
        sectors,
        total,
        projection,
        places,
    }
}

/// WTE per 100,000 residents; 0 where there are none.
pub fn per_100k(wte: f64, residents: f64) -> f64 {
    if residents > 0.0 {
        wte / residents * 100_000.0
    } else {
        0.0
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

/// Each role's required WTE at target coverage and at today's coverage,
/// as [`headline_with`] leaves them: scratch space that repeated runs
/// (10,000 uncertainty draws) reuse, so they allocate nothing after the
/// first.
#[derive(Clone, Debug, Default)]
pub struct Required {
    pub target: Vec<f64>,
    /// Only filled when the scenario has a coverage ramp (otherwise zeros:
    /// the projection uses the target from year 0).
    pub today: Vec<f64>,
}

/// As [`headline`], reusing `required` as scratch space. Bit-for-bit the
/// same numbers as [`compute`].
pub fn headline_with(scenario: &Scenario, required: &mut Required) -> Headline {
    let h = hours(&scenario.working_time);
    let roles = scenario.roles.len();
    required.target.clear();
    required.target.resize(roles, 0.0);
    required.today.clear();
    required.today.resize(roles, 0.0);
    let ramp = scenario.projection.ramp_share(0) < 1.0;
    for service in &scenario.services {
        let (wte, _) = service_wte(scenario, service, h.clinical_hours);
        add_role_mix(scenario, service, wte, &mut required.target);
        if ramp {
            let need: f64 = scenario
                .places
                .iter()
                .map(|place| {
                    served_population(&place.population, service)
                        * service.prevalence
                        * place.need_index
                })
                .sum();
            let (wte_today, _) = workload_wte(
                &service.workload,
                need * service.current_coverage,
                h.clinical_hours,
            );
            add_role_mix(scenario, service, wte_today, &mut required.today);
        }
    }
    let years = scenario.projection.years.min(MAX_PROJECTION_YEARS);
    let mut out = Headline::default();
    for ((role, &target), &today) in scenario
        .roles
        .iter()
        .zip(&required.target)
        .zip(&required.today)
    {
        let extra = (target - role.in_post_wte).max(0.0);
        out.extra_wte += extra;
        out.extra_cost += extra * role.annual_cost;
        if let Some(last) = role_flows(scenario, role, today, target, years).last() {
            out.final_gap_wte += (last.required_wte - last.supply_wte).max(0.0);
        }
    }
    out
}

/// Each role's `joiners_needed`, from its required WTE as [`headline_with`]
/// leaves it in `required`: the same arithmetic as [`compute`], so the same
/// numbers to the bit.
pub fn joiners_needed_by_role<'a>(
    scenario: &'a Scenario,
    required: &'a Required,
) -> impl Iterator<Item = f64> + 'a {
    let years = scenario.projection.years.min(MAX_PROJECTION_YEARS);
    let retention = 1.0 - scenario.projection.retention_improvement;
    scenario
        .roles
        .iter()
        .zip(&required.target)
        .zip(&required.today)
        .map(move |((role, &target), &today)| {
            let last = role_flows(scenario, role, today, target, years)
                .last()
                .unwrap_or_default();
            joiners_needed(
                last.required_wte,
                role.in_post_wte,
                role.leaver_rate * retention,
                years,
                last.trained_wte + last.international_wte,
            )
        })
}

/// Total extra WTE, extra cost and final-year gap, without building the full
/// results.
pub fn headline(scenario: &Scenario) -> Headline {
    headline_with(scenario, &mut Required::default())
}

/// Total extra WTE and extra cost, without building the full results.
pub fn extra_totals(scenario: &Scenario) -> (f64, f64) {
    let h = headline(scenario);
    (h.extra_wte, h.extra_cost)
}

/// One year of one role's projection ([`role_projection`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RoleYear {
    pub year: u32,
    pub required_wte: f64,
    /// Supply as things stand (with the retention lever as set).
    pub supply_wte: f64,
    /// Supply with the role's leaver rate cut by its `retention_needed`
    /// (MODEL.md section 7: absolute, independent of the lever), or `None`
    /// when retention alone cannot close the role's gap.
    pub supply_with_retention_needed: Option<f64>,
    /// Where the supply comes from (today's staff, joiners, training,
    /// international), as the projection runs it.
    pub flow: RoleFlow,
}

/// Role `role`'s projection year by year: what it needs, its supply as
/// things stand, and its supply under the retention it needs, the line that
/// meets the requirement in the last year ("what closes the gap").
pub fn role_projection(scenario: &Scenario, results: &Results, role: usize) -> Vec<RoleYear> {
    let (Some(r), Some(rr)) = (scenario.roles.get(role), results.roles.get(role)) else {
        return Vec::new();
    };
    let pipeline = r.pipeline();
    let needed_rate = rr.retention_needed.map(|x| r.leaver_rate * (1.0 - x));
    let mut target = rr.in_post_wte;
    let years = scenario.projection.years.min(MAX_PROJECTION_YEARS);
    role_flows(scenario, r, rr.required_wte_today, rr.required_wte, years)
        .map(|flow| {
            if flow.year > 0 {
                if let Some(rate) = needed_rate {
                    target = supply_step(
                        target,
                        rate,
                        r.joiners_per_year + pipeline.arrivals(flow.year),
                    );
                }
            }
            RoleYear {
                year: flow.year,
                required_wte: flow.required_wte,
                supply_wte: flow.supply_wte,
                supply_with_retention_needed: needed_rate.map(|_| target),
                flow,
            }
        })
        .collect()
}

#[cfg(test)]
mod role_projection_tests {
    use super::*;
    use crate::model::examples::example_place;

    #[test]
    fn the_retention_needed_line_meets_the_requirement_in_the_last_year() {
        let mut s = example_place();
        s.projection.retention_improvement = 0.1;
        let r = compute(&s);
        let mut reachable = 0;
        for (i, role) in r.roles.iter().enumerate() {
            let years = role_projection(&s, &r, i);
            assert_eq!(years.len(), s.projection.years as usize + 1);
            let (first, last) = (&years[0], years.last().unwrap());
            assert_eq!(first.required_wte, role.required_wte);
            assert_eq!(first.supply_wte, role.in_post_wte);
            // As things stand: the same years as the totals add up.
            assert!(years.iter().all(|y| y.supply_wte.is_finite()));
            match role.retention_needed {
                Some(x) if x > 0.0 => {
                    reachable += 1;
                    let end = last.supply_with_retention_needed.unwrap();
                    assert!(
                        (end - last.required_wte).abs() < 1e-6,
                        "{}: {end} vs {}",
                        role.id,
                        last.required_wte
                    );
                }
                Some(_) => {
                    assert!(last.supply_with_retention_needed.unwrap() >= last.required_wte - 1e-6)
                }
                None => assert!(years
                    .iter()
                    .all(|y| y.supply_with_retention_needed.is_none())),
            }
        }
        assert!(reachable > 0, "the example has roles retention can fix");
        // The roles' years add up to the totals' projection.
        for (t, row) in r.projection.iter().enumerate() {
            let required: f64 = (0..r.roles.len())
                .map(|i| role_projection(&s, &r, i)[t].required_wte)
                .sum();
            let supply: f64 = (0..r.roles.len())
                .map(|i| role_projection(&s, &r, i)[t].supply_wte)
                .sum();
            assert!((required - row.required_wte).abs() < 1e-6 * row.required_wte.max(1.0));
            assert!((supply - row.supply_wte).abs() < 1e-6 * row.supply_wte.max(1.0));
        }
    }
}
