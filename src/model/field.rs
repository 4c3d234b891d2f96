//! Every scalar input of a scenario, named once.
//!
//! A [`Field`] knows its label, unit, validation path
//! (`services[2].prevalence`), stable key for ranges and sources
//! (`services.cmh.prevalence`), and how to read and write its value. The UI
//! edits scenarios through it; sensitivity and uncertainty perturb through it.

use super::scenario::{AgeBand, Scenario, Workload};

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

impl Unit {
    /// The hint's unit words, e.g. "per cent", "WTE".
    pub fn hint(self) -> &'static str {
        match self {
            Unit::People => "people",
            Unit::Index => "ratio, 1.0 = England average",
            Unit::Percent => "%",
            Unit::Hours => "hours",
            Unit::Days => "days",
            Unit::Weeks => "weeks",
            Unit::Minutes => "minutes",
            Unit::Months => "months",
            Unit::Wte => "WTE",
            Unit::Money => "£ a year",
            Unit::Count => "number",
            Unit::Years => "years",
        }
    }
}

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

impl ServiceField {
    pub const COMMON: [ServiceField; 3] = [
        ServiceField::Prevalence,
        ServiceField::CurrentCoverage,
        ServiceField::TargetCoverage,
    ];

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

impl ProjectionField {
    pub const ALL: [ProjectionField; 4] = [
        ProjectionField::Years,
        ProjectionField::DemandGrowth,
        ProjectionField::RetentionImprovement,
        ProjectionField::RampYears,
    ];
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
    /// The field's own name, as in the JSON contract.
    pub fn name(&self) -> &str {
        match self {
            Field::Population(_, band) => band.key(),
            Field::NeedIndex(_) => "need_index",
            Field::WorkingTime(f) => match f {
                WorkingTimeField::HoursPerWeek => "hours_per_week",
                WorkingTimeField::DaysPerWeek => "days_per_week",
                WorkingTimeField::WeeksPerYear => "weeks_per_year",
                WorkingTimeField::PublicHolidays => "public_holidays",
                WorkingTimeField::AnnualLeaveDays => "annual_leave_days",
                WorkingTimeField::TrainingDays => "training_days",
                WorkingTimeField::SicknessRate => "sickness_rate",
                WorkingTimeField::NonClinicalShare => "non_clinical_share",
            },
            Field::Role(_, f) => match f {
                RoleField::InPostWte => "in_post_wte",
                RoleField::VacantWte => "vacant_wte",
                RoleField::AnnualCost => "annual_cost",
                RoleField::LeaverRate => "leaver_rate",
                RoleField::JoinersPerYear => "joiners_per_year",
                RoleField::TrainingYears => "pipeline.training_years",
                RoleField::CompletionRate => "pipeline.completion_rate",
                RoleField::JoinRate => "pipeline.join_rate",
                RoleField::ExtraPlacesPerYear => "pipeline.extra_places_per_year",
                RoleField::InternationalPerYear => "pipeline.international_per_year",
            },
            Field::Service(_, f) => match f {
                ServiceField::Prevalence => "prevalence",
                ServiceField::CurrentCoverage => "current_coverage",
                ServiceField::TargetCoverage => "target_coverage",
                ServiceField::ContactsPerPerson => "contacts_per_person",
                ServiceField::MinutesPerContact => "minutes_per_contact",
                ServiceField::MonthsOnCaseload => "months_on_caseload",
                ServiceField::CaseloadPerWte => "caseload_per_wte",
                ServiceField::LengthOfStayDays => "length_of_stay_days",
                ServiceField::TargetOccupancy => "target_occupancy",
                ServiceField::WtePerBed => "wte_per_bed",
            },
            Field::RoleMix(_, role) => role,
            Field::Projection(f) => match f {
                ProjectionField::Years => "years",
                ProjectionField::DemandGrowth => "demand_growth",
                ProjectionField::RetentionImprovement => "retention_improvement",
                ProjectionField::RampYears => "ramp_years",
            },
        }
    }

    /// A short label for a form or a chart.
    pub fn label(&self) -> &str {
        match self {
            Field::Population(_, band) => band.label(),
            Field::NeedIndex(_) => "Need index",
            Field::WorkingTime(f) => match f {
                WorkingTimeField::HoursPerWeek => "Hours per week",
                WorkingTimeField::DaysPerWeek => "Days per week",
                WorkingTimeField::WeeksPerYear => "Weeks per year",
                WorkingTimeField::PublicHolidays => "Public holidays",
                WorkingTimeField::AnnualLeaveDays => "Annual leave",
                WorkingTimeField::TrainingDays => "Training days",
                WorkingTimeField::SicknessRate => "Sickness absence",
                WorkingTimeField::NonClinicalShare => "Non-clinical time",
            },
            Field::Role(_, f) => match f {
                RoleField::InPostWte => "In post",
                RoleField::VacantWte => "Vacant posts",
                RoleField::AnnualCost => "Annual cost per WTE",
                RoleField::LeaverRate => "Leaver rate",
                RoleField::JoinersPerYear => "Joiners a year",
                RoleField::TrainingYears => "Training years",
                RoleField::CompletionRate => "Course completion",
                RoleField::JoinRate => "Qualifiers who join",
                RoleField::ExtraPlacesPerYear => "Extra training places a year",
                RoleField::InternationalPerYear => "International recruits a year",
            },
            Field::Service(_, f) => match f {
                ServiceField::Prevalence => "Prevalence",
                ServiceField::CurrentCoverage => "Current coverage",
                ServiceField::TargetCoverage => "Target coverage",
                ServiceField::ContactsPerPerson => "Contacts per person",
                ServiceField::MinutesPerContact => "Minutes per contact",
                ServiceField::MonthsOnCaseload => "Months on caseload",
                ServiceField::CaseloadPerWte => "Caseload per WTE",
                ServiceField::LengthOfStayDays => "Length of stay",
                ServiceField::TargetOccupancy => "Target bed occupancy",
                ServiceField::WtePerBed => "WTE per bed",
            },
            Field::RoleMix(..) => "Share of the service's WTE",
            Field::Projection(f) => match f {
                ProjectionField::Years => "Years to project",
                ProjectionField::DemandGrowth => "Demand growth a year",
                ProjectionField::RetentionImprovement => "Retention improvement",
                ProjectionField::RampYears => "Years to reach target coverage",
            },
        }
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
        match self {
            Field::Population(..) => "Residents in this age band.",
            Field::NeedIndex(_) => "How much more (or less) need this place has than England as a whole. 1.0 is average; deprived areas are higher: people in the most deprived fifth of areas are nearly twice as likely to have a common mental health condition. Find your area above to fill in NHS England's mental health need index (ICBs and sub-ICB locations) or an estimate from deprivation (local authorities), or type your own.",
            Field::WorkingTime(f) => match f {
                WorkingTimeField::HoursPerWeek => "Contracted hours of one whole-time equivalent.",
                WorkingTimeField::DaysPerWeek => "Working days in a week.",
                WorkingTimeField::WeeksPerYear => "Weeks in a year (365 / 7 = 52.143).",
                WorkingTimeField::PublicHolidays => "Public holidays a year.",
                WorkingTimeField::AnnualLeaveDays => "Annual leave days a year.",
                WorkingTimeField::TrainingDays => "Study and mandatory training days a year.",
                WorkingTimeField::SicknessRate => "Share of working time lost to sickness absence. Moves the services counted in contacts only.",
                WorkingTimeField::NonClinicalShare => "Share of available time spent away from patients: supervision, admin, meetings. Moves the services counted in contacts only.",
            },
            Field::Role(_, f) => match f {
                RoleField::InPostWte => "Staff in post today, whole-time equivalent, in the service lines listed only.",
                RoleField::VacantWte => "Funded posts that are empty today.",
                RoleField::AnnualCost => "Yearly cost of one WTE. The defaults are pay plus employer on-costs at system cost: the full 23.7% NHS pension (a trust pays 14.38% itself; the rest is paid centrally) and employer National Insurance. Enter a local budget cost if that is what you plan with.",
                RoleField::LeaverRate => "Share of staff who leave each year.",
                RoleField::JoinersPerYear => "New starters each year (WTE), from training and recruitment as they are today.",
                RoleField::TrainingYears => "How long a training place takes, from starting (year 1) to qualifying: commission a place now and its qualifier arrives in this year. 0 to 15 whole years.",
                RoleField::CompletionRate => "Of every 100 who start the course, how many qualify.",
                RoleField::JoinRate => "Of every 100 who qualify, how many take a post in your services (the rest go elsewhere).",
                RoleField::ExtraPlacesPerYear => "Training places you commission each year from next year, on top of today's (whose qualifiers are already in joiners a year).",
                RoleField::InternationalPerYear => "Extra staff (WTE) recruited from abroad each year from next year, on top of today's joiners.",
            },
            Field::Service(_, f) => match f {
                ServiceField::Prevalence => "Share of the served population who need this service in a year.",
                ServiceField::CurrentCoverage => "Share of people in need who get this service today.",
                ServiceField::TargetCoverage => "Share of people in need you aim to treat.",
                ServiceField::ContactsPerPerson => "Sessions or appointments per person treated.",
                ServiceField::MinutesPerContact => "Clinical minutes per contact.",
                ServiceField::MonthsOnCaseload => "How long a person stays on the caseload in a year.",
                ServiceField::CaseloadPerWte => "People one WTE holds at a time.",
                ServiceField::LengthOfStayDays => "Average days per admission.",
                ServiceField::TargetOccupancy => "Bed occupancy to plan for; RCPsych recommends at most 85%.",
                ServiceField::WtePerBed => "Staff WTE per bed, round the clock.",
            },
            Field::RoleMix(..) => "Share of this service's WTE carried by this role.",
            Field::Projection(f) => match f {
                ProjectionField::Years => "How far ahead to plan, 1 to 30 years.",
                ProjectionField::DemandGrowth => "Growth in demand each year.",
                ProjectionField::RetentionImprovement => "How much of today's leaver rate better retention removes (25% turns an 11% leaver rate into 8.25%).",
                ProjectionField::RampYears => "How many years services take to grow from today's coverage to the target, in a straight line. 0 plans for the target from the start; it cannot be more than the years to project.",
            },
        }
    }

    pub fn unit(&self) -> Unit {
        match self {
            Field::Population(..) => Unit::People,
            Field::NeedIndex(_) => Unit::Index,
            Field::WorkingTime(f) => match f {
                WorkingTimeField::HoursPerWeek => Unit::Hours,
                WorkingTimeField::DaysPerWeek => Unit::Days,
                WorkingTimeField::WeeksPerYear => Unit::Weeks,
                WorkingTimeField::PublicHolidays
                | WorkingTimeField::AnnualLeaveDays
                | WorkingTimeField::TrainingDays => Unit::Days,
                WorkingTimeField::SicknessRate | WorkingTimeField::NonClinicalShare => {
                    Unit::Percent
                }
            },
            Field::Role(_, f) => match f {
                RoleField::InPostWte
                | RoleField::VacantWte
                | RoleField::JoinersPerYear
                | RoleField::InternationalPerYear => Unit::Wte,
                RoleField::AnnualCost => Unit::Money,
                RoleField::LeaverRate | RoleField::CompletionRate | RoleField::JoinRate => {
                    Unit::Percent
                }
                RoleField::TrainingYears => Unit::Years,
                RoleField::ExtraPlacesPerYear => Unit::Count,
            },
            Field::Service(_, f) => match f {
                ServiceField::Prevalence
                | ServiceField::CurrentCoverage
                | ServiceField::TargetCoverage
                | ServiceField::TargetOccupancy => Unit::Percent,
                ServiceField::ContactsPerPerson | ServiceField::CaseloadPerWte => Unit::Count,
                ServiceField::MinutesPerContact => Unit::Minutes,
                ServiceField::MonthsOnCaseload => Unit::Months,
                ServiceField::LengthOfStayDays => Unit::Days,
                ServiceField::WtePerBed => Unit::Wte,
            },
            Field::RoleMix(..) => Unit::Percent,
            Field::Projection(f) => match f {
                ProjectionField::Years | ProjectionField::RampYears => Unit::Years,
                ProjectionField::DemandGrowth | ProjectionField::RetentionImprovement => {
                    Unit::Percent
                }
            },
        }
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
        Some(match self {
            Field::Population(i, band) => format!(
                "places.{}.population.{}",
                scenario.places.get(*i)?.id,
                band.key()
            ),
            Field::NeedIndex(i) => format!("places.{}.need_index", scenario.places.get(*i)?.id),
            Field::Role(i, _) => format!("roles.{}.{}", scenario.roles.get(*i)?.id, self.name()),
            Field::Service(i, _) => {
                format!("services.{}.{}", scenario.services.get(*i)?.id, self.name())
            }
            Field::RoleMix(i, role) => {
                format!("services.{}.role_mix.{role}", scenario.services.get(*i)?.id)
            }
            _ => self.path(),
        })
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
    /// (an index past the end, a workload field of another kind).
    pub fn get(&self, scenario: &Scenario) -> Option<f64> {
        match self {
            Field::Population(i, band) => Some(scenario.places.get(*i)?.population.get(*band)),
            Field::NeedIndex(i) => Some(scenario.places.get(*i)?.need_index),
            Field::WorkingTime(f) => {
                let wt = &scenario.working_time;
                Some(match f {
                    WorkingTimeField::HoursPerWeek => wt.hours_per_week,
                    WorkingTimeField::DaysPerWeek => wt.days_per_week,
                    WorkingTimeField::WeeksPerYear => wt.weeks_per_year,
                    WorkingTimeField::PublicHolidays => wt.public_holidays,
                    WorkingTimeField::AnnualLeaveDays => wt.annual_leave_days,
                    WorkingTimeField::TrainingDays => wt.training_days,
                    WorkingTimeField::SicknessRate => wt.sickness_rate,
                    WorkingTimeField::NonClinicalShare => wt.non_clinical_share,
                })
            }
            Field::Role(i, f) => {
                let r = scenario.roles.get(*i)?;
                Some(match f {
                    RoleField::InPostWte => r.in_post_wte,
                    RoleField::VacantWte => r.vacant_wte,
                    RoleField::AnnualCost => r.annual_cost,
                    RoleField::LeaverRate => r.leaver_rate,
                    RoleField::JoinersPerYear => r.joiners_per_year,
                    pipeline_field => {
                        let p = r.pipeline.as_ref();
                        p.map_or(0.0, |p| match pipeline_field {
                            RoleField::TrainingYears => p.training_years,
                            RoleField::CompletionRate => p.completion_rate,
                            RoleField::JoinRate => p.join_rate,
                            RoleField::ExtraPlacesPerYear => p.extra_places_per_year,
                            _ => p.international_per_year,
                        })
                    }
                })
            }
            Field::Service(i, f) => {
                let s = scenario.services.get(*i)?;
                match (f, &s.workload) {
                    (ServiceField::Prevalence, _) => Some(s.prevalence),
                    (ServiceField::CurrentCoverage, _) => Some(s.current_coverage),
                    (ServiceField::TargetCoverage, _) => Some(s.target_coverage),
                    (
                        ServiceField::ContactsPerPerson,
                        Workload::Contacts {
                            contacts_per_person,
                            ..
                        },
                    ) => Some(*contacts_per_person),
                    (
                        ServiceField::MinutesPerContact,
                        Workload::Contacts {
                            minutes_per_contact,
                            ..
                        },
                    ) => Some(*minutes_per_contact),
                    (
                        ServiceField::MonthsOnCaseload,
                        Workload::Caseload {
                            months_on_caseload, ..
                        },
                    ) => Some(*months_on_caseload),
                    (
                        ServiceField::CaseloadPerWte,
                        Workload::Caseload {
                            caseload_per_wte, ..
                        },
                    ) => Some(*caseload_per_wte),
                    (
                        ServiceField::LengthOfStayDays,
                        Workload::Beds {
                            length_of_stay_days,
                            ..
                        },
                    ) => Some(*length_of_stay_days),
                    (
                        ServiceField::TargetOccupancy,
                        Workload::Beds {
                            target_occupancy, ..
                        },
                    ) => Some(*target_occupancy),
                    (ServiceField::WtePerBed, Workload::Beds { wte_per_bed, .. }) => {
                        Some(*wte_per_bed)
                    }
                    _ => None,
                }
            }
            Field::RoleMix(i, role) => scenario
                .services
                .get(*i)
                .map(|s| s.role_mix.get(role).copied().unwrap_or(0.0)),
            Field::Projection(f) => {
                let p = &scenario.projection;
                Some(match f {
                    ProjectionField::Years => p.years as f64,
                    ProjectionField::DemandGrowth => p.demand_growth,
                    ProjectionField::RetentionImprovement => p.retention_improvement,
                    ProjectionField::RampYears => p.ramp_years,
                })
            }
        }
    }

    /// A mutable reference to the value, or `None` when the field does not
    /// exist. `years` is whole and is written through [`Field::set`].
    fn slot<'a>(&self, scenario: &'a mut Scenario) -> Option<&'a mut f64> {
        match self {
            Field::Population(i, band) => {
                Some(scenario.places.get_mut(*i)?.population.get_mut(*band))
            }
            Field::NeedIndex(i) => Some(&mut scenario.places.get_mut(*i)?.need_index),
            Field::WorkingTime(f) => {
                let wt = &mut scenario.working_time;
                Some(match f {
                    WorkingTimeField::HoursPerWeek => &mut wt.hours_per_week,
                    WorkingTimeField::DaysPerWeek => &mut wt.days_per_week,
                    WorkingTimeField::WeeksPerYear => &mut wt.weeks_per_year,
                    WorkingTimeField::PublicHolidays => &mut wt.public_holidays,
                    WorkingTimeField::AnnualLeaveDays => &mut wt.annual_leave_days,
                    WorkingTimeField::TrainingDays => &mut wt.training_days,
                    WorkingTimeField::SicknessRate => &mut wt.sickness_rate,
                    WorkingTimeField::NonClinicalShare => &mut wt.non_clinical_share,
                })
            }
            Field::Role(i, f) => {
                let r = scenario.roles.get_mut(*i)?;
                Some(match f {
                    RoleField::InPostWte => &mut r.in_post_wte,
                    RoleField::VacantWte => &mut r.vacant_wte,
                    RoleField::AnnualCost => &mut r.annual_cost,
                    RoleField::LeaverRate => &mut r.leaver_rate,
                    RoleField::JoinersPerYear => &mut r.joiners_per_year,
                    // Writing a pipeline field gives the role a pipeline
                    // (all zeros but this field).
                    pipeline_field => {
                        let p = r.pipeline.get_or_insert_with(Default::default);
                        match pipeline_field {
                            RoleField::TrainingYears => &mut p.training_years,
                            RoleField::CompletionRate => &mut p.completion_rate,
                            RoleField::JoinRate => &mut p.join_rate,
                            RoleField::ExtraPlacesPerYear => &mut p.extra_places_per_year,
                            _ => &mut p.international_per_year,
                        }
                    }
                })
            }
            Field::Service(i, f) => {
                let s = scenario.services.get_mut(*i)?;
                match (f, &mut s.workload) {
                    (ServiceField::Prevalence, _) => Some(&mut s.prevalence),
                    (ServiceField::CurrentCoverage, _) => Some(&mut s.current_coverage),
                    (ServiceField::TargetCoverage, _) => Some(&mut s.target_coverage),
                    (
                        ServiceField::ContactsPerPerson,
                        Workload::Contacts {
                            contacts_per_person,
                            ..
                        },
                    ) => Some(contacts_per_person),
                    (
                        ServiceField::MinutesPerContact,
                        Workload::Contacts {
                            minutes_per_contact,
                            ..
                        },
                    ) => Some(minutes_per_contact),
                    (
                        ServiceField::MonthsOnCaseload,
                        Workload::Caseload {
                            months_on_caseload, ..
                        },
                    ) => Some(months_on_caseload),
                    (
                        ServiceField::CaseloadPerWte,
                        Workload::Caseload {
                            caseload_per_wte, ..
                        },
                    ) => Some(caseload_per_wte),
                    (
                        ServiceField::LengthOfStayDays,
                        Workload::Beds {
                            length_of_stay_days,
                            ..
                        },
                    ) => Some(length_of_stay_days),
                    (
                        ServiceField::TargetOccupancy,
                        Workload::Beds {
                            target_occupancy, ..
                        },
                    ) => Some(target_occupancy),
                    (ServiceField::WtePerBed, Workload::Beds { wte_per_bed, .. }) => {
                        Some(wte_per_bed)
                    }
                    _ => None,
                }
            }
            Field::RoleMix(i, role) => {
                let s = scenario.services.get_mut(*i)?;
                Some(s.role_mix.entry(role.clone()).or_insert(0.0))
            }
            Field::Projection(f) => {
                let p = &mut scenario.projection;
                match f {
                    ProjectionField::Years => None,
                    ProjectionField::DemandGrowth => Some(&mut p.demand_growth),
                    ProjectionField::RetentionImprovement => Some(&mut p.retention_improvement),
                    ProjectionField::RampYears => Some(&mut p.ramp_years),
                }
            }
        }
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
}
