//! MODEL.md section 4: every problem with a scenario, each with its field path
//! and a plain-English message. All problems are collected, not just the first.

use serde::{Deserialize, Serialize};

use super::compute::hours;
use super::field::{Field, ProjectionField, Rule, WorkingTimeField};
use super::scenario::{AgeBand, Scenario};

/// One problem with a scenario.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputError {
    /// Where: `services[2].role_mix`, `working_time.sickness_rate`.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
    /// For a problem of several inputs together (holidays, leave and
    /// training that leave no working days): the path of each input it
    /// involves, the one to fix first first. The page marks each of them
    /// and links to the first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub involves: Vec<String>,
}

impl InputError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> InputError {
        InputError {
            path: path.into(),
            message: message.into(),
            involves: Vec::new(),
        }
    }

    /// A problem of several inputs together, at `path`, involving the
    /// inputs `fields` (their paths).
    pub fn across(
        path: impl Into<String>,
        message: impl Into<String>,
        fields: impl IntoIterator<Item = Field>,
    ) -> InputError {
        InputError {
            involves: fields.into_iter().map(|f| f.path()).collect(),
            ..InputError::new(path, message)
        }
    }

    /// True when the problem is at `path` or involves the input there.
    pub fn concerns(&self, path: &str) -> bool {
        self.path == path || self.involves.iter().any(|p| p == path)
    }

    /// The path of the input to go to for this problem: the first it
    /// involves, else its own.
    pub fn first_path(&self) -> &str {
        self.involves.first().unwrap_or(&self.path)
    }
}

/// Errors at the paths of a version 1 file (`population.adults`,
/// `need_index`) for a scenario that was read from one, whose inputs are
/// the first place's (`places[0].population.adults`) once read: MODEL.md
/// section 4 names the path as the user gave it.
pub fn as_written_in_version_1(errors: &mut [InputError]) {
    fn v1(path: &str) -> Option<String> {
        let rest = path.strip_prefix("places[0].")?;
        (rest == "need_index" || rest.starts_with("population.")).then(|| rest.to_string())
    }
    for e in errors {
        if let Some(p) = v1(&e.path) {
            e.path = p;
        }
        for p in &mut e.involves {
            if let Some(v) = v1(p) {
                *p = v;
            }
        }
    }
}

/// Tolerance for a role mix adding up to 100%.
pub const ROLE_MIX_TOLERANCE: f64 = 0.001;

/// Check one value against its field's rule: the message a form shows beside
/// the input, or `None` when the value is allowed.
pub fn check_value(field: &Field, value: f64) -> Option<String> {
    check_value_as(field, value, field.label())
}

/// Whether `value` is allowed by its field's rule (no message built: the
/// check every field passes on every keystroke).
pub fn allowed(field: &Field, value: f64) -> bool {
    value.is_finite()
        && match field.rule() {
            Rule::NonNegative => value >= 0.0,
            Rule::Fraction => (0.0..=1.0).contains(&value),
            Rule::Positive => value > 0.0,
            Rule::Occupancy => value > 0.0 && value <= 1.0,
            Rule::Growth => (-0.5..=1.0).contains(&value),
            Rule::Years => (1.0..=30.0).contains(&value) && value.fract() == 0.0,
            Rule::TrainingYears => (0.0..=15.0).contains(&value) && value.fract() == 0.0,
            Rule::RampYears => (0.0..=30.0).contains(&value) && value.fract() == 0.0,
        }
}

/// As [`check_value`], naming the input as `label` (the summary at the top
/// of the page names whose input it is: "Perinatal: target coverage ...").
pub fn check_value_as(field: &Field, value: f64, label: &str) -> Option<String> {
    if allowed(field, value) {
        return None;
    }
    if !value.is_finite() {
        return Some(format!("{label} must be a number."));
    }
    Some(match field.rule() {
        Rule::NonNegative => format!("{label} must be 0 or more."),
        Rule::Fraction => format!("{label} must be between 0% and 100%."),
        Rule::Positive => format!("{label} must be more than 0."),
        Rule::Occupancy => format!("{label} must be more than 0% and at most 100%."),
        Rule::Growth => format!("{label} must be between -50% and 100% a year."),
        Rule::Years => format!("{label} must be a whole number from 1 to 30."),
        Rule::TrainingYears => format!("{label} must be a whole number of years from 0 to 15."),
        Rule::RampYears => format!("{label} must be a whole number of years from 0 to 30."),
    })
}

/// Read scenario text and check it: the scenario, or every problem with it
/// (the reason it cannot be read, at path `""`, or its validation errors).
/// The JavaScript API and a host page's scenario both read through here.
pub fn read_valid(text: &str) -> Result<Scenario, Vec<InputError>> {
    let scenario = super::scenario::parse_scenario(text)
        .map_err(|e| vec![InputError::new("", e.to_string())])?;
    let mut errors = validate(&scenario);
    if errors.is_empty() {
        Ok(scenario)
    } else {
        if super::scenario::written_version(text) == Some(1) {
            as_written_in_version_1(&mut errors);
        }
        Err(errors)
    }
}

/// Item `i` of `items` (the scenario's `list` of `noun`s) has an id, one
/// no earlier item has, and a name (`id_and_name` reads both off an item).
/// A duplicate is found by scanning the items before: at most `Limits` of
/// them, where a hash set would add its code to the WebAssembly.
fn id_and_name<T>(
    errors: &mut Vec<InputError>,
    (list, noun): (&str, &str),
    (items, i): (&[T], usize),
    id_and_name: impl Fn(&T) -> (&str, &str),
) {
    let (id, name) = id_and_name(&items[i]);
    if id.trim().is_empty() {
        errors.push(InputError::new(
            format!("{list}[{i}].id"),
            format!("Every {noun} needs an id."),
        ));
    } else if items[..i]
        .iter()
        .any(|earlier| id_and_name(earlier).0 == id)
    {
        errors.push(InputError::new(
            format!("{list}[{i}].id"),
            format!("Another {noun} already has the id \"{id}\"."),
        ));
    }
    if name.trim().is_empty() {
        errors.push(InputError::new(
            format!("{list}[{i}].name"),
            format!("Give the {noun} a name."),
        ));
    }
}

/// Every problem with the scenario, in form order.
pub fn validate(scenario: &Scenario) -> Vec<InputError> {
    let mut errors = Vec::new();

    if scenario.schema != super::scenario::SCHEMA {
        errors.push(InputError::new(
            "schema",
            format!("The schema must be \"{}\".", super::scenario::SCHEMA),
        ));
    }
    if scenario.version != super::scenario::CURRENT_VERSION {
        errors.push(InputError::new(
            "version",
            format!(
                "The version must be {}; this scenario says {}.",
                super::scenario::CURRENT_VERSION,
                scenario.version
            ),
        ));
    }

    for field in Field::all(scenario) {
        if let Some(value) = field.get(scenario) {
            if allowed(&field, value) {
                continue;
            }
            if let Some(message) = check_value_as(&field, value, &field.full_label(scenario)) {
                errors.push(InputError::new(field.path(), message));
            }
        }
    }

    // The derived working-time checks only speak when every working-time
    // input is valid on its own, so one bad input gives one error.
    let h = hours(&scenario.working_time);
    let wt_ok = WorkingTimeField::ALL.into_iter().all(|f| {
        let field = Field::WorkingTime(f);
        field.get(scenario).is_some_and(|v| allowed(&field, v))
    });
    if wt_ok && !is_positive(h.days_available) {
        let wt = &scenario.working_time;
        // The largest of the three first: the one to fix (then form order).
        let mut away = [
            (WorkingTimeField::PublicHolidays, wt.public_holidays),
            (WorkingTimeField::AnnualLeaveDays, wt.annual_leave_days),
            (WorkingTimeField::TrainingDays, wt.training_days),
        ];
        let largest = (1..3).fold(0, |m, i| if away[i].1 > away[m].1 { i } else { m });
        away[..=largest].rotate_right(1);
        errors.push(InputError::across(
            "working_time.days_available",
            format!(
                "Holidays, leave and training ({} days) leave no working days out of {} a year.",
                short_number(wt.public_holidays + wt.annual_leave_days + wt.training_days),
                short_number(h.working_days)
            ),
            away.map(|(f, _)| Field::WorkingTime(f)),
        ));
    } else if wt_ok && !is_positive(h.clinical_hours) {
        errors.push(InputError::across(
            "working_time.clinical_hours",
            "Sickness and non-clinical time leave no clinical hours: lower one of them.",
            [
                Field::WorkingTime(WorkingTimeField::SicknessRate),
                Field::WorkingTime(WorkingTimeField::NonClinicalShare),
            ],
        ));
    }

    // The coverage ramp ends within the projection.
    let ramp = Field::Projection(ProjectionField::RampYears);
    let p = &scenario.projection;
    if allowed(&ramp, p.ramp_years) && p.ramp_years > p.years as f64 {
        errors.push(InputError::across(
            ramp.path(),
            format!(
                "Years to reach target coverage ({}) cannot be more than the years to project ({}).",
                short_number(p.ramp_years),
                p.years
            ),
            [ramp.clone(), Field::Projection(ProjectionField::Years)],
        ));
    }

    if scenario.places.is_empty() {
        errors.push(InputError::new(
            "places",
            "Add at least one place: the population the services serve.",
        ));
    }
    for i in 0..scenario.places.len() {
        id_and_name(
            &mut errors,
            ("places", "place"),
            (&scenario.places, i),
            |p| (&p.id, &p.name),
        );
    }

    for i in 0..scenario.roles.len() {
        id_and_name(&mut errors, ("roles", "role"), (&scenario.roles, i), |r| {
            (&r.id, &r.name)
        });
    }

    for (i, service) in scenario.services.iter().enumerate() {
        id_and_name(
            &mut errors,
            ("services", "service"),
            (&scenario.services, i),
            |s| (&s.id, &s.name),
        );
        if service.ages.is_empty() {
            errors.push(InputError::new(
                format!("services[{i}].ages"),
                "Choose at least one age band the service serves.",
            ));
        }
        let mut seen = [false; 3];
        for band in &service.ages {
            let k = *band as usize;
            if seen[k] {
                errors.push(InputError::new(
                    format!("services[{i}].ages"),
                    format!("The age band \"{}\" is listed twice.", AgeBand::key(*band)),
                ));
            }
            seen[k] = true;
        }
        for role_id in service.role_mix.keys() {
            if scenario.role_index(role_id).is_none() {
                errors.push(InputError::new(
                    format!("services[{i}].role_mix.{role_id}"),
                    format!(
                        "The role mix names \"{role_id}\", which is not a role in this scenario."
                    ),
                ));
            }
        }
        let sum: f64 = service.role_mix.values().sum();
        if sum.is_finite() && (sum - 1.0).abs() > ROLE_MIX_TOLERANCE {
            errors.push(InputError::new(
                format!("services[{i}].role_mix"),
                format!(
                    "The role mix of \"{}\" adds up to {}%; it must add up to 100%.",
                    service.name,
                    trim(sum * 100.0)
                ),
            ));
        }
    }

    errors.extend(validate_ranges(scenario));
    errors
}

/// Problems with the scenario's uncertainty `ranges`, each at path
/// `ranges.<key>`: a key that names no input of this scenario, a role-mix
/// share (shares must keep adding up to 100%), a bound that is not a number,
/// a low end above the high end, or a bound outside the input's own valid
/// range (the rule [`check_value`] applies to the input itself).
pub fn validate_ranges(scenario: &Scenario) -> Vec<InputError> {
    let mut errors = Vec::new();
    if scenario.ranges.is_empty() {
        return errors;
    }
    for (key, &[low, high]) in &scenario.ranges {
        let path = format!("ranges.{key}");
        // A version 1 key (`need_index`) names the first place's input.
        let Some(field) = Field::from_key(scenario, key) else {
            errors.push(InputError::new(
                path,
                format!("The range names \"{key}\", which is not an input of this scenario."),
            ));
            continue;
        };
        let field = &field;
        let label = field.label();
        if let Field::RoleMix(..) = field {
            errors.push(InputError::new(
                path,
                "A role-mix share cannot be given a range: the shares of a service must add up to 100%.",
            ));
            continue;
        }
        if !field.can_have_range() {
            errors.push(InputError::new(
                path,
                format!("{label} cannot be given a range: it is a whole number of years."),
            ));
            continue;
        }
        if !low.is_finite() || !high.is_finite() {
            errors.push(InputError::new(
                path,
                format!("The range of {label} must be two numbers, low and high."),
            ));
            continue;
        }
        if low > high {
            errors.push(InputError::new(
                path,
                format!(
                    "The low end of the range of {label} ({}) is above the high end ({}).",
                    trim(low),
                    trim(high)
                ),
            ));
            continue;
        }
        let mut ends_ok = true;
        for (end, value) in [("low", low), ("high", high)] {
            if let Some(message) = check_value(field, value) {
                errors.push(InputError::new(
                    path.clone(),
                    format!("The {end} end of the range: {message}"),
                ));
                ends_ok = false;
                break;
            }
        }
        // A working-time range must leave days and clinical hours at its
        // worst end, as the input itself must.
        if let (true, Field::WorkingTime(f)) = (ends_ok, field) {
            let mut worst = scenario.clone();
            field.set(&mut worst, worst_end(*f, low, high));
            if let Some(problem) = working_time_problem(&worst) {
                errors.push(InputError::new(
                    path,
                    format!("At the {} end of this range, {problem}", worst_end_name(*f)),
                ));
            }
        }
    }
    // Every working-time range at its worst end at once.
    let mut worst = scenario.clone();
    let mut last_key = None;
    for (key, &[low, high]) in &scenario.ranges {
        if let Some(field @ Field::WorkingTime(f)) = Field::from_key(scenario, key) {
            if low.is_finite() && high.is_finite() && low <= high {
                field.set(&mut worst, worst_end(f, low, high));
                last_key = Some(key);
            }
        }
    }
    if let Some(key) = last_key {
        let path = format!("ranges.{key}");
        if !errors
            .iter()
            .any(|e| e.path.starts_with("ranges.working_time."))
        {
            if let Some(problem) = working_time_problem(&worst) {
                errors.push(InputError::new(
                    path,
                    format!("With every working-time range at its worst end, {problem}"),
                ));
            }
        }
    }
    errors
}

/// The end of a working-time range that leaves the fewest clinical hours:
/// the low end of the working week, the high end of time away.
fn worst_end(field: WorkingTimeField, low: f64, high: f64) -> f64 {
    match field {
        WorkingTimeField::HoursPerWeek
        | WorkingTimeField::DaysPerWeek
        | WorkingTimeField::WeeksPerYear => low,
        _ => high,
    }
}

fn worst_end_name(field: WorkingTimeField) -> &'static str {
    if worst_end(field, 0.0, 1.0) == 0.0 {
        "low"
    } else {
        "high"
    }
}

/// Why a working time leaves no days or no clinical hours, in words to
/// follow "At the high end of this range, ...".
fn working_time_problem(scenario: &Scenario) -> Option<&'static str> {
    let h = hours(&scenario.working_time);
    if !is_positive(h.days_available) {
        Some("holidays, leave and training leave no working days: narrow it.")
    } else if !is_positive(h.clinical_hours) || !h.clinical_hours.is_finite() {
        Some("sickness and non-clinical time leave no clinical hours: narrow it.")
    } else {
        None
    }
}

/// The nearest value the field accepts: fractions into [0, 1], occupancy
/// into (0, 1], demand growth into [-0.5, 1], years into 1..=30, counts that
/// must be positive stay at least the smallest positive number, and 0 or
/// more for the rest. Non-finite values are returned unchanged.
pub fn clamp_to_valid(field: &Field, value: f64) -> f64 {
    if !value.is_finite() {
        return value;
    }
    match field.rule() {
        Rule::NonNegative => value.max(0.0),
        Rule::Fraction => value.clamp(0.0, 1.0),
        Rule::Positive => value.max(f64::MIN_POSITIVE),
        Rule::Occupancy => value.clamp(f64::MIN_POSITIVE, 1.0),
        Rule::Growth => value.clamp(-0.5, 1.0),
        Rule::Years => value.round().clamp(1.0, 30.0),
        Rule::TrainingYears => value.round().clamp(0.0, 15.0),
        Rule::RampYears => value.round().clamp(0.0, 30.0),
    }
}

/// More than 0 (false for NaN).
fn is_positive(value: f64) -> bool {
    value > 0.0
}

/// A number for a message, short whatever its size: up to three decimals
/// and no trailing zeros below a billion, else in words ("more than a
/// billion"), never 300 digits. (Not e-notation: the standard library's
/// exponent formatting costs the page about 2.5 KB gzip.)
fn short_number(value: f64) -> String {
    if value.is_finite() && value.abs() < 1e9 {
        trim(value)
    } else if value > 0.0 {
        "more than a billion".to_string()
    } else if value < 0.0 {
        "less than minus a billion".to_string()
    } else {
        "not a number".to_string()
    }
}

/// A number for a message: up to three decimals, no trailing zeros.
fn trim(value: f64) -> String {
    let s = format!("{value:.3}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}
