//! One-way sensitivity ("tornado"): which assumptions move the answer most.
//!
//! Each input below is moved 20% down and 20% up from the scenario's value,
//! one at a time, everything else held, and two measures are recomputed:
//!
//! - **extra WTE today** (`total.extra_wte`), the primary measure: the rows
//!   are sorted by its swing;
//! - **gap in the final projection year** (`projection.last().gap_wte`):
//!   the only measure that demand growth, leaver rates and joiners move, so
//!   those rows have a zero primary swing and sort after every input that
//!   moves today's answer, in order of their final-year swing.
//!
//! Moved values are clamped into the input's valid range
//! ([`validate::clamp_to_valid`]): a target coverage of 90% goes up to 100%,
//! not 108%; an occupancy of 85% up to 100%. `clamped` says when that
//! happened. Inputs whose value is 0 (nothing to move by 20%) are left out.

use serde::Serialize;

use super::compute::{headline_with, Required, MAX_PROJECTION_YEARS};
use super::field::{Field, ProjectionField, RoleField, ServiceField, WorkingTimeField};
use super::scenario::Scenario;
use super::validate;

/// How far each input is moved, either way: 20%.
pub const STEP: f64 = 0.2;

/// One input moved down and up.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SensitivityRow {
    /// [`Field::key`]: `"services.cmh.caseload_per_wte"`.
    pub key: String,
    /// Human label with its service or role: "Talking therapies: prevalence".
    pub label: String,
    pub base_value: f64,
    /// The input 20% down (clamped to its valid range).
    pub low_value: f64,
    /// The input 20% up (clamped to its valid range).
    pub high_value: f64,
    /// True when `low_value` or `high_value` was clamped.
    pub clamped: bool,
    /// Total extra WTE today with the input at `low_value`.
    pub extra_wte_low: f64,
    /// Total extra WTE today with the input at `high_value`.
    pub extra_wte_high: f64,
    /// `|extra_wte_high - extra_wte_low|`: the sort key.
    pub swing: f64,
    /// Total extra WTE today with every input at its own value.
    pub base_extra_wte: f64,
    /// The final projection year the `final_gap_*` figures are for.
    pub final_year: u32,
    /// Gap in the final projection year with the input at `low_value`.
    pub final_gap_low: f64,
    /// Gap in the final projection year with the input at `high_value`.
    pub final_gap_high: f64,
    /// `|final_gap_high - final_gap_low|`.
    pub final_gap_swing: f64,
    /// Gap in the final projection year with every input at its own value.
    pub base_final_gap: f64,
}

/// The inputs sensitivity moves, in form order: each place's need index, sickness
/// absence, non-clinical time, each service's prevalence, target coverage
/// and workload numbers, each role's leaver rate and joiners a year, demand
/// growth and retention improvement. Population (which scales like the need
/// index), staff in post and costs (data, not assumptions), current coverage
/// (which changes no WTE) and role-mix shares (which must sum to 100%) are
/// not moved.
pub fn sensitivity_fields(scenario: &Scenario) -> Vec<Field> {
    let mut fields: Vec<Field> = (0..scenario.places.len()).map(Field::NeedIndex).collect();
    fields.push(Field::WorkingTime(WorkingTimeField::SicknessRate));
    fields.push(Field::WorkingTime(WorkingTimeField::NonClinicalShare));
    for (i, service) in scenario.services.iter().enumerate() {
        fields.push(Field::Service(i, ServiceField::Prevalence));
        fields.push(Field::Service(i, ServiceField::TargetCoverage));
        fields.extend(
            ServiceField::workload_fields(&service.workload)
                .iter()
                .map(|f| Field::Service(i, *f)),
        );
    }
    for i in 0..scenario.roles.len() {
        fields.push(Field::Role(i, RoleField::LeaverRate));
        fields.push(Field::Role(i, RoleField::JoinersPerYear));
    }
    fields.push(Field::Projection(ProjectionField::DemandGrowth));
    fields.push(Field::Projection(ProjectionField::RetentionImprovement));
    fields
}

/// A swing for sorting: NaN (from an invalid scenario) sorts last.
fn sort_key(swing: f64) -> f64 {
    if swing.is_nan() {
        f64::NEG_INFINITY
    } else {
        swing
    }
}

/// Every input of [`sensitivity_fields`] moved 20% down and up, sorted by
/// the swing in today's extra WTE (largest first), then by the swing in the
/// final-year gap. Two cheap recomputes per input ([`headline_with`]); never
/// panics, whatever the scenario (an invalid one gives meaningless numbers:
/// validate first).
pub fn sensitivity(scenario: &Scenario) -> Vec<SensitivityRow> {
    let mut work = scenario.clone();
    let mut buffer = Required::default();
    let base = headline_with(scenario, &mut buffer);
    let final_year = scenario.projection.years.min(MAX_PROJECTION_YEARS);
    let mut rows = Vec::new();
    for field in sensitivity_fields(scenario) {
        let (Some(base_value), Some(key)) = (field.get(scenario), field.key(scenario)) else {
            continue;
        };
        if base_value == 0.0 {
            continue;
        }
        let raw_low = base_value * (1.0 - STEP);
        let raw_high = base_value * (1.0 + STEP);
        let low_value = validate::clamp_to_valid(&field, raw_low);
        let high_value = validate::clamp_to_valid(&field, raw_high);
        let clamped = low_value != raw_low || high_value != raw_high;

        field.set(&mut work, low_value);
        let low = headline_with(&work, &mut buffer);
        field.set(&mut work, high_value);
        let high = headline_with(&work, &mut buffer);
        field.set(&mut work, base_value);

        rows.push(SensitivityRow {
            label: field.full_label(scenario),
            key,
            base_value,
            low_value,
            high_value,
            clamped,
            extra_wte_low: low.extra_wte,
            extra_wte_high: high.extra_wte,
            swing: (high.extra_wte - low.extra_wte).abs(),
            base_extra_wte: base.extra_wte,
            final_year,
            final_gap_low: low.final_gap_wte,
            final_gap_high: high.final_gap_wte,
            final_gap_swing: (high.final_gap_wte - low.final_gap_wte).abs(),
            base_final_gap: base.final_gap_wte,
        });
    }
    super::order::sort_by(&mut rows, |a, b| {
        sort_key(b.swing)
            .total_cmp(&sort_key(a.swing))
            .then_with(|| sort_key(b.final_gap_swing).total_cmp(&sort_key(a.final_gap_swing)))
    });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::examples::example_place;
    use crate::model::{compute, Scenario};

    fn row<'a>(rows: &'a [SensitivityRow], key: &str) -> &'a SensitivityRow {
        rows.iter()
            .find(|r| r.key == key)
            .unwrap_or_else(|| panic!("{key}"))
    }

    #[test]
    fn base_measures_match_compute() {
        let s = example_place();
        let r = compute(&s);
        let rows = sensitivity(&s);
        assert!(!rows.is_empty());
        for row in &rows {
            assert!((row.base_extra_wte - r.total.extra_wte).abs() < 1e-9);
            assert!((row.base_final_gap - r.projection.last().unwrap().gap_wte).abs() < 1e-9);
            assert_eq!(row.final_year, 10);
        }
    }

    #[test]
    fn sorted_by_swing_then_final_gap() {
        let rows = sensitivity(&example_place());
        for pair in rows.windows(2) {
            assert!(pair[0].swing >= pair[1].swing, "{pair:?}");
            if pair[0].swing == pair[1].swing {
                assert!(pair[0].final_gap_swing >= pair[1].final_gap_swing);
            }
        }
        // The need index moves every service: it leads.
        assert_eq!(rows[0].key, "places.place.need_index");
        assert_eq!(rows[0].label, "Need index");
    }

    #[test]
    fn low_and_high_are_20_percent_either_way() {
        let s = example_place();
        let rows = sensitivity(&s);
        let need = row(&rows, "places.place.need_index");
        assert_eq!(need.low_value, 0.8);
        assert_eq!(need.high_value, 1.2);
        assert!(!need.clamped);
        let mut low = s.clone();
        low.places[0].need_index = 0.8;
        assert!((need.extra_wte_low - compute(&low).total.extra_wte).abs() < 1e-9);
        let prevalence = row(&rows, "services.talking_li.prevalence");
        assert!(prevalence.label.ends_with(": prevalence"));
        assert!(prevalence.label.starts_with("NHS Talking Therapies"));
        let per_bed = row(&rows, "services.acute_beds.wte_per_bed");
        assert_eq!(per_bed.label, "Adult acute inpatient beds: WTE per bed");
        let leavers = row(&rows, "roles.mh_nurse.leaver_rate");
        assert_eq!(leavers.label, "Mental health nurse: leaver rate");
    }

    #[test]
    fn fractions_are_clamped() {
        let rows = sensitivity(&example_place());
        let occupancy = row(&rows, "services.acute_beds.target_occupancy");
        assert_eq!(occupancy.high_value, 1.0);
        assert!(occupancy.clamped);
        let coverage = row(&rows, "services.crisis.target_coverage");
        assert_eq!(coverage.high_value, 1.0);
        assert!((coverage.low_value - 0.8).abs() < 1e-12);
    }

    #[test]
    fn growth_and_leavers_move_only_the_final_year() {
        let rows = sensitivity(&example_place());
        for key in ["projection.demand_growth", "roles.mh_nurse.leaver_rate"] {
            let r = row(&rows, key);
            assert_eq!(r.swing, 0.0, "{key}");
            assert!(r.final_gap_swing > 0.0, "{key}");
        }
        // Zero retention improvement has nothing to move by 20%.
        assert!(rows
            .iter()
            .all(|r| r.key != "projection.retention_improvement"));
        // Caseload per WTE moves today's answer, the wrong way round.
        let caseload = row(&rows, "services.cmh.caseload_per_wte");
        assert!(caseload.extra_wte_low > caseload.extra_wte_high);
    }

    #[test]
    fn empty_and_broken_scenarios_do_not_panic() {
        assert!(sensitivity(&Scenario::blank())
            .iter()
            .all(|r| r.swing == 0.0));
        let mut s = example_place();
        s.places[0].need_index = f64::NAN;
        s.working_time.days_per_week = 0.0;
        let rows = sensitivity(&s);
        assert!(!rows.is_empty());
    }
}
