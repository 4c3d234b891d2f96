//! The results contract (MODEL.md section 3). Unrounded: the UI rounds for
//! display only.

use serde::{Deserialize, Serialize};

use super::keyed::Keyed;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ServiceResult {
    pub id: String,
    pub population: f64,
    pub people_in_need: f64,
    pub people_to_treat: f64,
    pub untreated_today: f64,
    pub required_wte: f64,
    /// Beds needed; only for services whose workload kind is "beds".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub beds: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoleResult {
    pub id: String,
    pub required_wte: f64,
    pub in_post_wte: f64,
    /// Required minus in post; negative means a surplus.
    pub gap_wte: f64,
    /// The extra roles required: `max(0, gap_wte)`.
    pub extra_wte: f64,
    /// Extra WTE beyond posts already funded but vacant: new posts.
    pub unfunded_wte: f64,
    /// Extra WTE that fills posts already funded but vacant:
    /// `min(extra_wte, vacant_wte)`, so `extra = vacancy_fill + unfunded`.
    pub vacancy_fill_wte: f64,
    /// WISN ratio, in post / required; `None` when nothing is required.
    pub wisn_ratio: Option<f64>,
    pub extra_cost: f64,
    /// New money a year: `unfunded_wte * annual_cost`. Filling funded
    /// vacancies needs recruits, not budget.
    pub unfunded_cost: f64,
    /// First projection year in which supply meets requirement.
    pub year_gap_closes: Option<u32>,
    /// Joiners a year that would close the gap by the last projection year.
    pub joiners_needed: f64,
    /// The smallest cut in the leaver rate (0.25 = a quarter fewer leavers,
    /// on the scale of `projection.retention_improvement` but independent of
    /// it) that closes the gap by the last year with today's joiners: 0 when
    /// today's leaver rate gets there, `None` when even no leavers would not.
    pub retention_needed: Option<f64>,
    /// The WTE today's coverage needs (MODEL.md section 8): beside staff in
    /// post, the pressure on today's staff before any expansion.
    #[serde(default)]
    pub required_wte_today: f64,
    /// Extra training places a year that close the gap by the last year
    /// with everything else as set: 0 when none are needed, `None` when
    /// places cannot close it in time.
    #[serde(default)]
    pub places_needed: Option<f64>,
    /// WTE a year the pipeline brings once its first cohort has qualified:
    /// `extra_places * completion * join + international`.
    #[serde(default)]
    pub arrivals_per_year: f64,
}

/// Subtotals for a staff group or a sector.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Subtotal {
    pub required_wte: f64,
    pub in_post_wte: f64,
    pub extra_wte: f64,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Total {
    pub people_in_need: f64,
    pub people_to_treat: f64,
    pub untreated_today: f64,
    pub required_wte: f64,
    pub in_post_wte: f64,
    pub extra_wte: f64,
    pub unfunded_wte: f64,
    pub vacancy_fill_wte: f64,
    pub extra_cost: f64,
    pub unfunded_cost: f64,
    pub required_wte_per_100k: f64,
    /// The WTE today's coverage needs, every role together.
    #[serde(default)]
    pub required_wte_today: f64,
}

/// One place's share of the system (MODEL.md section 7): its people and its
/// fair share of the requirement, by need. Staff in post stay at system
/// level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlaceResult {
    pub id: String,
    /// Residents of every age band.
    pub population: f64,
    pub people_in_need: f64,
    pub people_to_treat: f64,
    pub untreated_today: f64,
    pub required_wte: f64,
    /// 0 for a place of no people.
    pub required_wte_per_100k: f64,
    /// Required WTE of every role of the scenario, by role id.
    pub roles: Keyed<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProjectionRow {
    pub year: u32,
    pub required_wte: f64,
    pub supply_wte: f64,
    /// Sum over roles of each role's shortage; a surplus in one role never
    /// offsets a shortage in another.
    pub gap_wte: f64,
    /// Arrivals from the training pipelines and international recruitment
    /// in the step to this year, every role together (0 in year 0).
    #[serde(default)]
    pub arrivals_wte: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub available_hours_per_wte: f64,
    pub clinical_hours_per_wte: f64,
    pub services: Vec<ServiceResult>,
    pub roles: Vec<RoleResult>,
    /// Keyed by group key (`"registered"`, `"new_role"`, ...): only groups
    /// that have at least one role.
    pub groups: Keyed<Subtotal>,
    /// Keyed by sector key (`"nhs"`, ...): only sectors with a role.
    pub sectors: Keyed<Subtotal>,
    pub total: Total,
    pub projection: Vec<ProjectionRow>,
    /// Every place, in the scenario's order.
    pub places: Vec<PlaceResult>,
}

impl Results {
    /// Share of the required WTE that is in post today (capped per role, so a
    /// surplus in one role does not hide a shortage in another).
    pub fn share_in_post(&self) -> Option<f64> {
        if self.total.required_wte <= 0.0 {
            return None;
        }
        let covered: f64 = self
            .roles
            .iter()
            .map(|r| r.in_post_wte.min(r.required_wte))
            .sum();
        Some(covered / self.total.required_wte)
    }
}
