//! Every scalar input of a scenario, named once.
//!
//! A [`Field`] knows its label, unit, validation path
//! (`services[2].prevalence`), stable key for ranges and sources
//! (`services.cmh.prevalence`), and how to read and write its value. The UI
//! edits scenarios through it; sensitivity and uncertainty perturb through it.
//!
//! Each input's facts are one row of its kind's table ([`Spec`]: name,
//! label, hint, unit, validation rule), and where its value lives is one
//! line of `value_at!`. Each unit's facts (hint words, input suffix, Excel
//! number format, how its values are written) are [`Unit`]'s.

use super::scenario::{AgeBand, Pipeline, Role, Scenario, Service, Workload};
use crate::format;

/// How a value is entered and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Whole people (population).
    People,
    /// A plain ratio such as the need index (1.0 = national average).
    Index,
    /// Stored as a fraction, entered and shown as a percentage.
    Percent,
    Hours,
    Days,
    Weeks,
    Minutes,
    Months,
    /// Whole-time equivalents.
    Wte,
    /// Pounds a year.
    Money,
    /// A count per person or per WTE (contacts, caseload).
    Count,
    /// Whole years.
    Years,
}

/// A unit's words: `hint` after an input's hint ("(WTE)"), `suffix` after
/// the number in its box.
struct UnitSpec {
    hint: &'static str,
    suffix: Option<&'static str>,
}

/// One row per [`Unit`], in its order.
#[rustfmt::skip]
static UNITS: [UnitSpec; 12] = [
    /* People */ UnitSpec { hint: "people", suffix: None },
    /* Index */ UnitSpec { hint: "ratio, 1.0 = England average", suffix: None },
    /* Percent */ UnitSpec { hint: "%", suffix: Some("%") },
    /* Hours */ UnitSpec { hint: "hours", suffix: Some("hours") },
    /* Days */ UnitSpec { hint: "days", suffix: Some("days") },
    /* Weeks */ UnitSpec { hint: "weeks", suffix: Some("weeks") },
    /* Minutes */ UnitSpec { hint: "minutes", suffix: Some("min") },
    /* Months */ UnitSpec { hint: "months", suffix: Some("months") },
    /* Wte */ UnitSpec { hint: "WTE", suffix: Some("WTE") },
    /* Money */ UnitSpec { hint: "£ a year", suffix: None },
    /* Count */ UnitSpec { hint: "number", suffix: None },
    /* Years */ UnitSpec { hint: "years", suffix: Some("years") },
];

impl Unit {
    fn spec(self) -> &'static UnitSpec {
        &UNITS[self as usize]
    }

    /// The hint's unit words, e.g. "%", "WTE", "£ a year".
    pub fn hint(self) -> &'static str {
        self.spec().hint
    }

    /// The sign before the number in an input box: "£".
    pub fn prefix(self) -> Option<&'static str> {
        (self == Unit::Money).then_some("£")
    }

    /// The word after the number in an input box ("%", "min"); `None` where
    /// the hint says it (people, a ratio, pounds with their "£" before, a
    /// count).
    pub fn suffix(self) -> Option<&'static str> {
        self.spec().suffix
    }

    /// The workbook's number format for an input of this unit. (A match
    /// rather than a column of [`UNITS`]: only the workbook's module
    /// carries these.)
    pub fn excel_format(self) -> &'static str {
        match self {
            Unit::People => "#,##0",
            Unit::Index => "0.00##",
            Unit::Percent => "0.0##%",
            Unit::Hours | Unit::Days | Unit::Months | Unit::Count => "#,##0.0##",
            Unit::Weeks => "0.000",
            Unit::Minutes | Unit::Years => "0",
            Unit::Wte => "#,##0.0#",
            Unit::Money => "£#,##0",
        }
    }

    /// The text an input box shows for a stored value: percentages as
    /// percentages (0.226 -> "22.6"), others plainly, with separators for
    /// people and money (105000 -> "105,000").
    pub fn input_text(self, value: f64) -> String {
        match self {
            Unit::Percent => format::plain(value * 100.0, 4),
            Unit::People | Unit::Money => format::group_thousands(&format::plain(value, 2)),
            _ => format::plain(value, 4),
        }
    }

    /// A value as a reader reads it: "22.6%", "£56,000", "105,000", "37.5".
    pub fn text(self, value: f64) -> String {
        match self {
            Unit::Percent => format::percent(value, 2),
            Unit::Money => format::money(value),
            Unit::People => format::people(value),
            _ => format::plain(value, 3),
        }
    }

    /// [`Unit::text`] with the unit's words where the number alone does not
    /// say what it counts: "37.5 hours", "0.9 WTE"; "22.6%", "1.2" as they
    /// are.
    pub fn text_with_unit(self, value: f64) -> String {
        match self {
            Unit::Percent | Unit::Money | Unit::People | Unit::Index | Unit::Count => {
                self.text(value)
            }
            _ => format!("{} {}", self.text(value), self.hint()),
        }
    }

    /// A lever's value as a room reads it, one decimal: "22.6%", "1.05",
    /// "£12.3 million".
    pub fn short_text(self, value: f64) -> String {
        match self {
            Unit::Percent => format::percent(value, 1),
            Unit::Index => format::plain(value, 2),
            Unit::Money => format::money_short(value),
            _ => format::plain(value, 1),
        }
    }
}

/// The rule a scalar field's value must obey ([`super::validate::check_value`]
/// says it in words, [`super::validate::clamp_to_valid`] moves a value into it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// >= 0.
    NonNegative,
    /// In [0, 1].
    Fraction,
    /// > 0.
    Positive,
    /// In (0, 1].
    Occupancy,
    /// In [-0.5, 1].
    Growth,
    /// Whole number 1..=30.
    Years,
    /// Whole number 0..=15 (a course's length).
    TrainingYears,
    /// Whole number 0..=30; no more than the projection's years, which
    /// `validate` checks beside it.
    RampYears,
}

/// One input's facts: a row of its kind's table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// Its own name, as in the JSON contract: `leaver_rate`,
    /// `pipeline.join_rate`. A role-mix share's row says `role_mix`, where
    /// its key and path have it; the share's own name is its role's id
    /// ([`Field::name`]).
    pub name: &'static str,
    /// A short label for a form or a chart.
    pub label: &'static str,
    /// One sentence that tells the user what to enter.
    pub hint: &'static str,
    pub unit: Unit,
    pub rule: Rule,
}

/// A row of a spec table.
const fn spec(
    name: &'static str,
    label: &'static str,
    unit: Unit,
    rule: Rule,
    hint: &'static str,
) -> Spec {
    Spec {
        name,
        label,
        hint,
        unit,
        rule,
    }
}

use Rule::{Fraction, Growth, NonNegative, Occupancy, Positive};

/// A place's residents, one row per [`AgeBand`] in its order: named and
/// labelled by the band.
static POPULATION: [Spec; 3] = {
    const fn band(band: AgeBand) -> Spec {
        spec(
            band.key(),
            band.label(),
            Unit::People,
            NonNegative,
            "Residents in this age band.",
        )
    }
    [
        band(AgeBand::Children),
        band(AgeBand::Adults),
        band(AgeBand::Older),
    ]
};

#[rustfmt::skip]
static NEED_INDEX: Spec = spec("need_index", "Need index", Unit::Index, NonNegative,
    "How much more (or less) need this place has than England as a whole. 1.0 is average; deprived areas are higher: people in the most deprived fifth of areas are nearly twice as likely to have a common mental health condition. Find your area above to fill in NHS England's mental health need index (ICBs and sub-ICB locations) or an estimate from deprivation (local authorities), or type your own.");

#[rustfmt::skip]
static ROLE_MIX: Spec = spec("role_mix", "Share of the service's WTE", Unit::Percent, Fraction,
    "Share of this service's WTE carried by this role.");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WorkingTimeField {
    HoursPerWeek,
    DaysPerWeek,
    WeeksPerYear,
    PublicHolidays,
    AnnualLeaveDays,
    TrainingDays,
    SicknessRate,
    NonClinicalShare,
}

/// One row per [`WorkingTimeField`], in its order.
#[rustfmt::skip]
static WORKING_TIME: [Spec; 8] = [
    spec("hours_per_week", "Hours per week", Unit::Hours, Positive,
        "Contracted hours of one whole-time equivalent."),
    spec("days_per_week", "Days per week", Unit::Days, Positive,
        "Working days in a week."),
    spec("weeks_per_year", "Weeks per year", Unit::Weeks, Positive,
        "Weeks in a year (365 / 7 = 52.143)."),
    spec("public_holidays", "Public holidays", Unit::Days, NonNegative,
        "Public holidays a year."),
    spec("annual_leave_days", "Annual leave", Unit::Days, NonNegative,
        "Annual leave days a year."),
    spec("training_days", "Training days", Unit::Days, NonNegative,
        "Study and mandatory training days a year."),
    spec("sickness_rate", "Sickness absence", Unit::Percent, Fraction,
        "Share of working time lost to sickness absence. Moves the services counted in contacts only."),
    spec("non_clinical_share", "Non-clinical time", Unit::Percent, Fraction,
        "Share of available time spent away from patients: supervision, admin, meetings. Moves the services counted in contacts only."),
];

impl WorkingTimeField {
    pub const ALL: [WorkingTimeField; 8] = [
        WorkingTimeField::HoursPerWeek,
        WorkingTimeField::DaysPerWeek,
        WorkingTimeField::WeeksPerYear,
        WorkingTimeField::PublicHolidays,
        WorkingTimeField::AnnualLeaveDays,
        WorkingTimeField::TrainingDays,
        WorkingTimeField::SicknessRate,
        WorkingTimeField::NonClinicalShare,
    ];

    pub fn spec(self) -> &'static Spec {
        &WORKING_TIME[self as usize]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoleField {
    InPostWte,
    VacantWte,
    AnnualCost,
    LeaverRate,
    JoinersPerYear,
    /// The pipeline's (MODEL.md section 8): `pipeline.training_years`.
    TrainingYears,
    CompletionRate,
    JoinRate,
    ExtraPlacesPerYear,
    InternationalPerYear,
}

/// One row per [`RoleField`], in its order.
#[rustfmt::skip]
static ROLE: [Spec; 10] = [
    spec("in_post_wte", "In post", Unit::Wte, NonNegative,
        "Staff in post today, whole-time equivalent, in the service lines listed only."),
    spec("vacant_wte", "Vacant posts", Unit::Wte, NonNegative,
        "Funded posts that are empty today."),
    spec("annual_cost", "Annual cost per WTE", Unit::Money, NonNegative,
        "Yearly cost of one WTE. The defaults are pay plus employer on-costs at system cost: the full 23.7% NHS pension (a trust pays 14.38% itself; the rest is paid centrally) and employer National Insurance. Enter a local budget cost if that is what you plan with."),
    spec("leaver_rate", "Leaver rate", Unit::Percent, Fraction,
        "Share of staff who leave each year."),
    spec("joiners_per_year", "Joiners a year", Unit::Wte, NonNegative,
        "New starters each year (WTE), from training and recruitment as they are today."),
    spec("pipeline.training_years", "Training years", Unit::Years, Rule::TrainingYears,
        "How long a training place takes, from starting (year 1) to qualifying: commission a place now and its qualifier arrives in this year. 0 to 15 whole years."),
    spec("pipeline.completion_rate", "Course completion", Unit::Percent, Fraction,
        "Of every 100 who start the course, how many qualify."),
    spec("pipeline.join_rate", "Qualifiers who join", Unit::Percent, Fraction,
        "Of every 100 who qualify, how many take a post in your services (the rest go elsewhere)."),
    spec("pipeline.extra_places_per_year", "Extra training places a year", Unit::Count, NonNegative,
        "Training places you commission each year from next year, on top of today's (whose qualifiers are already in joiners a year)."),
    spec("pipeline.international_per_year", "International recruits a year", Unit::Wte, NonNegative,
        "Extra staff (WTE) recruited from abroad each year from next year, on top of today's joiners."),
];

impl RoleField {
    /// Staff in post and the flows of today.
    pub const STAFF: [RoleField; 5] = [
        RoleField::InPostWte,
        RoleField::VacantWte,
        RoleField::AnnualCost,
        RoleField::LeaverRate,
        RoleField::JoinersPerYear,
    ];

    /// Where new staff come from: the training pipeline and international
    /// recruitment (`pipeline.*`).
    pub const PIPELINE: [RoleField; 5] = [
        RoleField::TrainingYears,
        RoleField::CompletionRate,
        RoleField::JoinRate,
        RoleField::ExtraPlacesPerYear,
        RoleField::InternationalPerYear,
    ];

    pub const ALL: [RoleField; 10] = [
        RoleField::InPostWte,
        RoleField::VacantWte,
        RoleField::AnnualCost,
        RoleField::LeaverRate,
        RoleField::JoinersPerYear,
        RoleField::TrainingYears,
        RoleField::CompletionRate,
        RoleField::JoinRate,
        RoleField::ExtraPlacesPerYear,
        RoleField::InternationalPerYear,
    ];

    pub fn spec(self) -> &'static Spec {
        &ROLE[self as usize]
    }

    /// True for a field of the role's `pipeline`.
    pub fn is_pipeline(self) -> bool {
        Self::PIPELINE.contains(&self)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ServiceField {
    Prevalence,
    CurrentCoverage,
    TargetCoverage,
    ContactsPerPerson,
    MinutesPerContact,
    MonthsOnCaseload,
    CaseloadPerWte,
    LengthOfStayDays,
    TargetOccupancy,
    WtePerBed,
}

/// One row per [`ServiceField`], in its order.
#[rustfmt::skip]
static SERVICE: [Spec; 10] = [
    spec("prevalence", "Prevalence", Unit::Percent, Fraction,
        "Share of the served population who need this service in a year."),
    spec("current_coverage", "Current coverage", Unit::Percent, Fraction,
        "Share of people in need who get this service today."),
    spec("target_coverage", "Target coverage", Unit::Percent, Fraction,
        "Share of people in need you aim to treat."),
    spec("contacts_per_person", "Contacts per person", Unit::Count, Positive,
        "Sessions or appointments per person treated."),
    spec("minutes_per_contact", "Minutes per contact", Unit::Minutes, Positive,
        "Clinical minutes per contact."),
    spec("months_on_caseload", "Months on caseload", Unit::Months, NonNegative,
        "How long a person stays on the caseload in a year."),
    spec("caseload_per_wte", "Caseload per WTE", Unit::Count, Positive,
        "People one WTE holds at a time."),
    spec("length_of_stay_days", "Length of stay", Unit::Days, NonNegative,
        "Average days per admission."),
    spec("target_occupancy", "Target bed occupancy", Unit::Percent, Occupancy,
        "Bed occupancy to plan for; RCPsych recommends at most 85%."),
    spec("wte_per_bed", "WTE per bed", Unit::Wte, NonNegative,
        "Staff WTE per bed, round the clock."),
];

impl ServiceField {
    pub const COMMON: [ServiceField; 3] = [
        ServiceField::Prevalence,
        ServiceField::CurrentCoverage,
        ServiceField::TargetCoverage,
    ];

    pub fn spec(self) -> &'static Spec {
        &SERVICE[self as usize]
    }

    /// The workload fields that apply to a workload.
    pub fn workload_fields(workload: &Workload) -> &'static [ServiceField] {
        match workload {
            Workload::Contacts { .. } => &[
                ServiceField::ContactsPerPerson,
                ServiceField::MinutesPerContact,
            ],
            Workload::Caseload { .. } => {
                &[ServiceField::MonthsOnCaseload, ServiceField::CaseloadPerWte]
            }
            Workload::Beds { .. } => &[
                ServiceField::LengthOfStayDays,
                ServiceField::TargetOccupancy,
                ServiceField::WtePerBed,
            ],
        }
    }

    fn is_workload(self) -> bool {
        !Self::COMMON.contains(&self)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectionField {
    Years,
    DemandGrowth,
    RetentionImprovement,
    /// Years for coverage to rise from current to target (MODEL.md section 8).
    RampYears,
}

/// One row per [`ProjectionField`], in its order.
#[rustfmt::skip]
static PROJECTION: [Spec; 4] = [
    spec("years", "Years to project", Unit::Years, Rule::Years,
        "How far ahead to plan, 1 to 30 years."),
    spec("demand_growth", "Demand growth a year", Unit::Percent, Growth,
        "Growth in demand each year."),
    spec("retention_improvement", "Retention improvement", Unit::Percent, Fraction,
        "How much of today's leaver rate better retention removes (25% turns an 11% leaver rate into 8.25%)."),
    spec("ramp_years", "Years to reach target coverage", Unit::Years, Rule::RampYears,
        "How many years services take to grow from today's coverage to the target, in a straight line. 0 plans for the target from the start; it cannot be more than the years to project."),
];

impl ProjectionField {
    pub const ALL: [ProjectionField; 4] = [
        ProjectionField::Years,
        ProjectionField::DemandGrowth,
        ProjectionField::RetentionImprovement,
        ProjectionField::RampYears,
    ];

    pub fn spec(self) -> &'static Spec {
        &PROJECTION[self as usize]
    }
}

/// Where each input's value lives in a scenario, written once: [`Field::at`]
/// expands it to read (`&`, `get`) and [`Field::slot`] to write (`&mut`,
/// `get_mut`). Beyond that they differ in `$pipeline` and `$share`: reading
/// a role without a pipeline, or a share its service's mix does not have,
/// finds 0 and changes nothing; writing adds the pipeline (all zeros but the
/// field written) or the share. `projection.years` is a whole number (a `u32`):
/// [`Field::get`] and [`Field::set`] read and write it themselves.
macro_rules! value_at {
    ($field:expr, $s:expr, $get:ident, $band:ident, $pipeline:ident, $share:ident $(, $mut:tt)?) => {
        match $field {
            Field::Population(i, band) => $s.places.$get(*i)?.population.$band(*band),
            Field::NeedIndex(i) => &$($mut)? $s.places.$get(*i)?.need_index,
            Field::WorkingTime(f) => {
                let wt = &$($mut)? $s.working_time;
                match f {
                    WorkingTimeField::HoursPerWeek => &$($mut)? wt.hours_per_week,
                    WorkingTimeField::DaysPerWeek => &$($mut)? wt.days_per_week,
                    WorkingTimeField::WeeksPerYear => &$($mut)? wt.weeks_per_year,
                    WorkingTimeField::PublicHolidays => &$($mut)? wt.public_holidays,
                    WorkingTimeField::AnnualLeaveDays => &$($mut)? wt.annual_leave_days,
                    WorkingTimeField::TrainingDays => &$($mut)? wt.training_days,
                    WorkingTimeField::SicknessRate => &$($mut)? wt.sickness_rate,
                    WorkingTimeField::NonClinicalShare => &$($mut)? wt.non_clinical_share,
                }
            }
            Field::Role(i, f) => {
                let r = $s.roles.$get(*i)?;
                match f {
                    RoleField::InPostWte => &$($mut)? r.in_post_wte,
                    RoleField::VacantWte => &$($mut)? r.vacant_wte,
                    RoleField::AnnualCost => &$($mut)? r.annual_cost,
                    RoleField::LeaverRate => &$($mut)? r.leaver_rate,
                    RoleField::JoinersPerYear => &$($mut)? r.joiners_per_year,
                    pipeline_field => {
                        let p = $pipeline(r);
                        match pipeline_field {
                            RoleField::TrainingYears => &$($mut)? p.training_years,
                            RoleField::CompletionRate => &$($mut)? p.completion_rate,
                            RoleField::JoinRate => &$($mut)? p.join_rate,
                            RoleField::ExtraPlacesPerYear => &$($mut)? p.extra_places_per_year,
                            _ => &$($mut)? p.international_per_year,
                        }
                    }
                }
            }
            Field::Service(i, f) => {
                let s = $s.services.$get(*i)?;
                match (f, &$($mut)? s.workload) {
                    (ServiceField::Prevalence, _) => &$($mut)? s.prevalence,
                    (ServiceField::CurrentCoverage, _) => &$($mut)? s.current_coverage,
                    (ServiceField::TargetCoverage, _) => &$($mut)? s.target_coverage,
                    (ServiceField::ContactsPerPerson, Workload::Contacts { contacts_per_person: v, .. })
                    | (ServiceField::MinutesPerContact, Workload::Contacts { minutes_per_contact: v, .. })
                    | (ServiceField::MonthsOnCaseload, Workload::Caseload { months_on_caseload: v, .. })
                    | (ServiceField::CaseloadPerWte, Workload::Caseload { caseload_per_wte: v, .. })
                    | (ServiceField::LengthOfStayDays, Workload::Beds { length_of_stay_days: v, .. })
                    | (ServiceField::TargetOccupancy, Workload::Beds { target_occupancy: v, .. })
                    | (ServiceField::WtePerBed, Workload::Beds { wte_per_bed: v, .. }) => v,
                    // A workload field of another kind of workload.
                    _ => return None,
                }
            }
            Field::RoleMix(i, role) => $share($s.services.$get(*i)?, role),
            Field::Projection(f) => {
                let p = &$($mut)? $s.projection;
                match f {
                    ProjectionField::Years => return None,
                    ProjectionField::DemandGrowth => &$($mut)? p.demand_growth,
                    ProjectionField::RetentionImprovement => &$($mut)? p.retention_improvement,
                    ProjectionField::RampYears => &$($mut)? p.ramp_years,
                }
            }
        }
    };
}

/// A role's pipeline to read: all zeros when it has none.
fn pipeline(role: &Role) -> &Pipeline {
    static NONE: Pipeline = Pipeline {
        training_years: 0.0,
        completion_rate: 0.0,
        join_rate: 0.0,
        extra_places_per_year: 0.0,
        international_per_year: 0.0,
    };
    role.pipeline.as_ref().unwrap_or(&NONE)
}

/// A role's pipeline to write: one is added (all zeros) when it has none.
fn pipeline_mut(role: &mut Role) -> &mut Pipeline {
    role.pipeline.get_or_insert_with(Default::default)
}

/// The share of a service's WTE carried by a role: 0 when the mix does not
/// name it.
fn share<'a>(service: &'a Service, role: &str) -> &'a f64 {
    service.role_mix.get(role).unwrap_or(&0.0)
}

/// The share to write: added (as 0) when the mix does not name the role.
fn share_mut<'a>(service: &'a mut Service, role: &str) -> &'a mut f64 {
    service.role_mix.entry_or_default(role)
}

/// One scalar input of a scenario. Roles and services are addressed by index
/// (their place in the scenario's order).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// Place `.0`'s residents in an age band.
    Population(usize, AgeBand),
    /// Place `.0`'s need index.
    NeedIndex(usize),
    WorkingTime(WorkingTimeField),
    Role(usize, RoleField),
    Service(usize, ServiceField),
    /// The share of service `.0`'s WTE carried by role id `.1`.
    RoleMix(usize, String),
    Projection(ProjectionField),
}

impl Field {
    /// The field's facts: its row in its kind's table.
    pub fn spec(&self) -> &'static Spec {
        match self {
            Field::Population(_, band) => &POPULATION[*band as usize],
            Field::NeedIndex(_) => &NEED_INDEX,
            Field::WorkingTime(f) => f.spec(),
            Field::Role(_, f) => f.spec(),
            Field::Service(_, f) => f.spec(),
            Field::RoleMix(..) => &ROLE_MIX,
            Field::Projection(f) => f.spec(),
        }
    }

    /// The field's own name, as in the JSON contract; a role-mix share's is
    /// its role's id.
    pub fn name(&self) -> &str {
        match self {
            Field::RoleMix(_, role) => role,
            _ => self.spec().name,
        }
    }

    /// A short label for a form or a chart.
    pub fn label(&self) -> &'static str {
        self.spec().label
    }

    /// The label with the service or role it belongs to, for lists that
    /// mix inputs from all over the scenario (sensitivity, uncertainty):
    /// "Talking therapies: prevalence", "Mental health nurse: leaver rate",
    /// "Need index" (with several places, "Leeds: need index").
    pub fn full_label(&self, scenario: &Scenario) -> String {
        let owner = match self {
            Field::Population(i, _) | Field::NeedIndex(i) if scenario.places.len() > 1 => {
                scenario.places.get(*i).map(|p| p.name.as_str())
            }
            Field::Role(i, _) => scenario.roles.get(*i).map(|r| r.name.as_str()),
            Field::Service(i, _) | Field::RoleMix(i, _) => {
                scenario.services.get(*i).map(|s| s.name.as_str())
            }
            _ => None,
        };
        let label = match self {
            Field::RoleMix(_, role) => {
                let name = scenario
                    .role_index(role)
                    .map_or(role.as_str(), |r| scenario.roles[r].name.as_str());
                format!("share carried by {name}")
            }
            _ => self.label().to_string(),
        };
        match owner {
            Some(owner) => {
                // Lower-case the first letter, unless it starts an acronym
                // ("WTE per bed").
                // An ASCII capital is one byte, so `label[1..]` starts on a
                // character boundary.
                let lowered = match label.as_bytes() {
                    [first, second, ..]
                        if first.is_ascii_uppercase() && !second.is_ascii_uppercase() =>
                    {
                        format!("{}{}", first.to_ascii_lowercase() as char, &label[1..])
                    }
                    _ => label.clone(),
                };
                format!("{owner}: {lowered}")
            }
            None => label,
        }
    }

    /// One sentence that tells the user what to enter.
    pub fn hint(&self) -> &'static str {
        self.spec().hint
    }

    pub fn unit(&self) -> Unit {
        self.spec().unit
    }

    /// The rule its value must obey.
    pub fn rule(&self) -> Rule {
        self.spec().rule
    }

    /// The validation path, as errors name it: `services[2].workload.caseload_per_wte`.
    pub fn path(&self) -> String {
        match self {
            Field::Population(i, band) => format!("places[{i}].population.{}", band.key()),
            Field::NeedIndex(i) => format!("places[{i}].need_index"),
            Field::WorkingTime(_) => format!("working_time.{}", self.name()),
            Field::Role(i, _) => format!("roles[{i}].{}", self.name()),
            Field::Service(i, f) if f.is_workload() => {
                format!("services[{i}].workload.{}", self.name())
            }
            Field::Service(i, _) => format!("services[{i}].{}", self.name()),
            Field::RoleMix(i, role) => format!("services[{i}].role_mix.{role}"),
            Field::Projection(_) => format!("projection.{}", self.name()),
        }
    }

    /// A key that survives reordering: places, roles and services by id
    /// (`services.cmh.prevalence`, `places.north.need_index`). Used for
    /// ranges, sources and notes.
    pub fn key(&self, scenario: &Scenario) -> Option<String> {
        let id = match self {
            Field::Population(i, _) | Field::NeedIndex(i) => &scenario.places.get(*i)?.id,
            Field::Role(i, _) => &scenario.roles.get(*i)?.id,
            Field::Service(i, _) | Field::RoleMix(i, _) => &scenario.services.get(*i)?.id,
            Field::WorkingTime(_) | Field::Projection(_) => return Some(self.path()),
        };
        Some(self.key_with(id))
    }

    /// The key with `*` for the place, role or service
    /// (`places.*.need_index`): the lock pattern
    /// ([`crate::ui::runtime::host_options`]) for this input of every one.
    pub fn key_pattern(&self) -> String {
        self.key_with("*")
    }

    /// The key with `id` for the place, role or service the input is of.
    fn key_with(&self, id: &str) -> String {
        match self {
            Field::Population(_, band) => format!("places.{id}.population.{}", band.key()),
            Field::NeedIndex(_) => format!("places.{id}.need_index"),
            Field::Role(..) => format!("roles.{id}.{}", self.name()),
            Field::Service(..) => format!("services.{id}.{}", self.name()),
            Field::RoleMix(_, role) => format!("services.{id}.role_mix.{role}"),
            Field::WorkingTime(_) | Field::Projection(_) => self.path(),
        }
    }

    /// The field a key names in this scenario, if any. A version 1 key
    /// (`need_index`, `population.adults`) names the first place's input.
    ///
    /// Reads the key's parts rather than formatting every field's key: the
    /// sources table and the tornado look up dozens of keys per render.
    pub fn from_key(scenario: &Scenario, key: &str) -> Option<Field> {
        // "<prefix><id>.<rest>", for the first item whose id fits.
        fn item<'k>(ids: impl Iterator<Item = &'k str>, rest: &'k str) -> Vec<(usize, &'k str)> {
            ids.enumerate()
                .filter_map(|(i, id)| {
                    let name = rest.strip_prefix(id)?.strip_prefix('.')?;
                    Some((i, name))
                })
                .collect()
        }
        if let Some(rest) = key.strip_prefix("services.") {
            let ids = scenario.services.iter().map(|s| s.id.as_str());
            return item(ids, rest).into_iter().find_map(|(i, name)| {
                let service = &scenario.services[i];
                if let Some(role) = name.strip_prefix("role_mix.") {
                    return service
                        .role_mix
                        .contains_key(role)
                        .then(|| Field::RoleMix(i, role.to_string()));
                }
                ServiceField::COMMON
                    .iter()
                    .chain(ServiceField::workload_fields(&service.workload))
                    .map(|f| Field::Service(i, *f))
                    .find(|f| f.name() == name)
            });
        }
        if let Some(rest) = key.strip_prefix("places.") {
            let ids = scenario.places.iter().map(|p| p.id.as_str());
            return item(ids, rest)
                .into_iter()
                .find_map(|(i, name)| place_field(i, name));
        }
        if let Some(field) = place_field(0, key).filter(|_| !scenario.places.is_empty()) {
            return Some(field);
        }
        if let Some(rest) = key.strip_prefix("roles.") {
            let ids = scenario.roles.iter().map(|r| r.id.as_str());
            return item(ids, rest).into_iter().find_map(|(i, name)| {
                RoleField::ALL
                    .into_iter()
                    .map(|f| Field::Role(i, f))
                    .find(|f| f.name() == name)
            });
        }
        WorkingTimeField::ALL
            .into_iter()
            .map(Field::WorkingTime)
            .chain(ProjectionField::ALL.into_iter().map(Field::Projection))
            .find(|f| f.path() == key)
    }

    /// Every scalar field the scenario has, in form order (role-mix shares
    /// included).
    pub fn all(scenario: &Scenario) -> Vec<Field> {
        let mut fields: Vec<Field> = Vec::new();
        for i in 0..scenario.places.len() {
            fields.extend(AgeBand::ALL.into_iter().map(|b| Field::Population(i, b)));
            fields.push(Field::NeedIndex(i));
        }
        fields.extend(WorkingTimeField::ALL.into_iter().map(Field::WorkingTime));
        for (i, service) in scenario.services.iter().enumerate() {
            fields.extend(
                ServiceField::COMMON
                    .into_iter()
                    .map(|f| Field::Service(i, f)),
            );
            fields.extend(
                ServiceField::workload_fields(&service.workload)
                    .iter()
                    .map(|f| Field::Service(i, *f)),
            );
            fields.extend(
                service
                    .role_mix
                    .keys()
                    .map(|role| Field::RoleMix(i, role.clone())),
            );
        }
        for i in 0..scenario.roles.len() {
            fields.extend(RoleField::ALL.into_iter().map(|f| Field::Role(i, f)));
        }
        fields.extend(ProjectionField::ALL.into_iter().map(Field::Projection));
        fields
    }

    /// The value, or `None` when the field does not exist in this scenario
    /// (an index past the end, a workload field of another kind). A role
    /// without a pipeline reads 0 for its fields, and keeps none.
    pub fn get(&self, scenario: &Scenario) -> Option<f64> {
        if let Field::Projection(ProjectionField::Years) = self {
            return Some(scenario.projection.years as f64);
        }
        self.at(scenario).copied()
    }

    /// The value where it lives (`value_at!`); `None` as [`Field::get`],
    /// and for `years`.
    fn at<'a>(&self, scenario: &'a Scenario) -> Option<&'a f64> {
        Some(value_at!(self, scenario, get, band, pipeline, share))
    }

    /// A mutable reference to the value (`value_at!`), or `None` when the
    /// field does not exist. `years` is whole and is written through
    /// [`Field::set`].
    fn slot<'a>(&self, scenario: &'a mut Scenario) -> Option<&'a mut f64> {
        Some(value_at!(
            self,
            scenario,
            get_mut,
            get_mut,
            pipeline_mut,
            share_mut,
            mut
        ))
    }

    /// Write a value. Returns false (and changes nothing) when the field does
    /// not exist in this scenario. Years are rounded to whole years and
    /// clamped to 0..=u32::MAX.
    pub fn set(&self, scenario: &mut Scenario, value: f64) -> bool {
        if let Field::Projection(ProjectionField::Years) = self {
            let years = if value.is_finite() {
                value.round().clamp(0.0, u32::MAX as f64) as u32
            } else {
                0
            };
            scenario.projection.years = years;
            return true;
        }
        match self.slot(scenario) {
            Some(slot) => {
                *slot = value;
                true
            }
            None => false,
        }
    }

    /// True for inputs an uncertainty range may be set on: not a role-mix
    /// share (a service's shares must add up to 100%), nor a course's
    /// length or the coverage ramp (whole numbers of years).
    pub fn can_have_range(&self) -> bool {
        !matches!(
            self,
            Field::RoleMix(..)
                | Field::Role(_, RoleField::TrainingYears)
                | Field::Projection(ProjectionField::RampYears)
        )
    }

    /// True for inputs stored as a fraction that must stay within [0, 1].
    pub fn is_fraction(&self) -> bool {
        self.unit() == Unit::Percent
            && !matches!(self, Field::Projection(ProjectionField::DemandGrowth))
    }
}

/// Place `i`'s input named `name` within the place: `need_index`,
/// `population.adults`.
fn place_field(i: usize, name: &str) -> Option<Field> {
    if name == "need_index" {
        return Some(Field::NeedIndex(i));
    }
    let band = name.strip_prefix("population.")?;
    AgeBand::ALL
        .into_iter()
        .find(|b| b.key() == band)
        .map(|b| Field::Population(i, b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::examples::example_place;

    #[test]
    fn full_labels_name_the_owner_and_keep_acronyms() {
        let s = example_place();
        let beds = s
            .services
            .iter()
            .position(|sv| sv.id == "acute_beds")
            .unwrap();
        assert_eq!(
            Field::Service(beds, ServiceField::Prevalence).full_label(&s),
            "Adult acute inpatient beds: prevalence"
        );
        assert_eq!(
            Field::Service(beds, ServiceField::WtePerBed).full_label(&s),
            "Adult acute inpatient beds: WTE per bed"
        );
        assert_eq!(
            Field::Role(0, RoleField::LeaverRate).full_label(&s),
            format!("{}: leaver rate", s.roles[0].name)
        );
        let role = s.services[beds].role_mix.keys().next().unwrap().clone();
        assert!(Field::RoleMix(beds, role)
            .full_label(&s)
            .starts_with("Adult acute inpatient beds: share carried by "));
    }

    /// Each kind's table in its enum's order, a row for every field.
    #[test]
    fn the_spec_tables_are_in_enum_order() {
        for (i, f) in WorkingTimeField::ALL.into_iter().enumerate() {
            assert_eq!(f as usize, i);
            assert!(std::ptr::eq(f.spec(), &WORKING_TIME[i]));
        }
        for (i, f) in RoleField::ALL.into_iter().enumerate() {
            assert_eq!(f as usize, i);
        }
        for (i, f) in ProjectionField::ALL.into_iter().enumerate() {
            assert_eq!(f as usize, i);
        }
        assert_eq!(ROLE.len(), RoleField::ALL.len());
        assert_eq!(WORKING_TIME.len(), WorkingTimeField::ALL.len());
        assert_eq!(PROJECTION.len(), ProjectionField::ALL.len());
        assert_eq!(SERVICE.len(), ServiceField::WtePerBed as usize + 1);
        assert_eq!(UNITS.len(), Unit::Years as usize + 1);
    }

    /// Every input's name, label, hint, unit and rule are its spec row's,
    /// and the row is complete.
    #[test]
    fn every_field_has_a_complete_spec() {
        let s = example_place();
        let fields = Field::all(&s);
        let services: Vec<ServiceField> = fields
            .iter()
            .filter_map(|f| match f {
                Field::Service(_, sf) => Some(*sf),
                _ => None,
            })
            .collect();
        assert_eq!(
            SERVICE.len(),
            SERVICE
                .iter()
                .enumerate()
                .filter(|(i, _)| services.iter().any(|f| *f as usize == *i))
                .count(),
            "the example has every kind of workload"
        );
        assert!(fields.iter().any(|f| matches!(f, Field::RoleMix(..))));
        for field in &fields {
            let spec = field.spec();
            assert!(!spec.name.is_empty(), "{field:?}");
            assert!(!spec.label.is_empty(), "{field:?}");
            assert!(spec.hint.ends_with('.'), "{field:?}: {}", spec.hint);
            assert!(!spec.unit.hint().is_empty(), "{field:?}");
            match field {
                Field::RoleMix(_, role) => assert_eq!(field.name(), role),
                _ => assert_eq!(field.name(), spec.name),
            }
            assert_eq!(field.label(), spec.label);
            assert_eq!(field.hint(), spec.hint);
            assert_eq!(field.unit(), spec.unit);
            assert_eq!(field.rule(), spec.rule);
            // A share is stored as a fraction of 1; a whole number of years
            // is in years.
            if matches!(spec.rule, Rule::Fraction | Rule::Occupancy) {
                assert_eq!(spec.unit, Unit::Percent, "{field:?}");
            }
            if matches!(
                spec.rule,
                Rule::Years | Rule::TrainingYears | Rule::RampYears
            ) {
                assert_eq!(spec.unit, Unit::Years, "{field:?}");
            }
        }
        for table in [&WORKING_TIME[..], &ROLE, &SERVICE, &PROJECTION] {
            for (i, row) in table.iter().enumerate() {
                assert!(
                    table[..i].iter().all(|r| r.name != row.name),
                    "{}",
                    row.name
                );
            }
        }
    }

    /// Each field's name is where its value is in the scenario's JSON, and
    /// reading and writing reach the same place, a place of its own.
    #[test]
    fn names_and_values_agree_with_the_json() {
        let mut s = example_place();
        let fields = Field::all(&s);
        for (k, field) in fields.iter().enumerate() {
            assert!(field.set(&mut s, k as f64 + 1.0), "{field:?}");
        }
        let json = serde_json::to_value(&s).unwrap();
        for (k, field) in fields.iter().enumerate() {
            assert_eq!(field.get(&s), Some(k as f64 + 1.0), "{field:?}");
            let path = field.path();
            let mut at = &json;
            for part in path.split('.') {
                at = match part.split_once('[') {
                    Some((name, index)) => {
                        &at[name][index.trim_end_matches(']').parse::<usize>().unwrap()]
                    }
                    None => &at[part],
                };
            }
            assert_eq!(at.as_f64(), Some(k as f64 + 1.0), "{path}");
        }
    }

    #[test]
    fn reading_adds_nothing_writing_adds_what_it_needs() {
        let mut s = example_place();
        s.roles[0].pipeline = None;
        let training = Field::Role(0, RoleField::TrainingYears);
        assert_eq!(training.get(&s), Some(0.0));
        assert!(s.roles[0].pipeline.is_none());
        assert!(training.set(&mut s, 3.0));
        assert_eq!(s.roles[0].pipeline.as_ref().unwrap().training_years, 3.0);
        assert_eq!(s.roles[0].pipeline.as_ref().unwrap().join_rate, 0.0);

        let share = Field::RoleMix(0, "nobody".to_string());
        assert_eq!(share.get(&s), Some(0.0));
        assert!(!s.services[0].role_mix.contains_key("nobody"));
        assert!(share.set(&mut s, 0.5));
        assert_eq!(s.services[0].role_mix["nobody"], 0.5);

        let years = Field::Projection(ProjectionField::Years);
        assert!(years.set(&mut s, 12.4));
        assert_eq!(s.projection.years, 12);
        assert_eq!(years.get(&s), Some(12.0));

        let gone = Field::Role(s.roles.len(), RoleField::LeaverRate);
        assert_eq!(gone.get(&s), None);
        assert!(!gone.set(&mut s, 0.1));
        let contacts = s
            .services
            .iter()
            .position(|sv| matches!(sv.workload, Workload::Contacts { .. }))
            .unwrap();
        let other_kind = Field::Service(contacts, ServiceField::WtePerBed);
        assert_eq!(other_kind.get(&s), None);
        assert!(!other_kind.set(&mut s, 1.0));
    }

    #[test]
    fn key_patterns_put_a_star_for_the_owner() {
        let s = example_place();
        for field in Field::all(&s) {
            let key = field.key(&s).unwrap();
            let pattern = field.key_pattern();
            let id = match &field {
                Field::Population(i, _) | Field::NeedIndex(i) => s.places[*i].id.as_str(),
                Field::Role(i, _) => s.roles[*i].id.as_str(),
                Field::Service(i, _) | Field::RoleMix(i, _) => s.services[*i].id.as_str(),
                _ => {
                    assert_eq!(pattern, key);
                    continue;
                }
            };
            assert_eq!(pattern.replacen(".*.", &format!(".{id}."), 1), key);
        }
        assert_eq!(Field::NeedIndex(3).key_pattern(), "places.*.need_index");
    }

    #[test]
    fn units_carry_their_words_and_formats() {
        assert_eq!(Unit::Minutes.hint(), "minutes");
        assert_eq!(Unit::Minutes.suffix(), Some("min"));
        assert_eq!(Unit::Money.prefix(), Some("£"));
        assert_eq!(Unit::Money.suffix(), None);
        assert_eq!(Unit::Money.excel_format(), "£#,##0");
        assert_eq!(Unit::Percent.excel_format(), "0.0##%");
        assert_eq!(Unit::Percent.input_text(0.226), "22.6");
        assert_eq!(Unit::Percent.text(0.226), "22.6%");
        assert_eq!(Unit::Hours.text_with_unit(37.5), "37.5 hours");
        assert_eq!(Unit::Index.text_with_unit(1.05), "1.05");
        assert_eq!(Unit::Money.short_text(12_340_000.0), "£12.3 million");
        assert_eq!(Unit::Percent.short_text(0.0526), "5.3%");
        assert_eq!(Unit::People.input_text(105_000.0), "105,000");
    }
}
