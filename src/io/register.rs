//! The assumptions register: every input of the scenario with its value and
//! unit, whether it is the built-in default or changed, where it comes from
//! (the default's source, "illustrative", the area data, or "entered by
//! you"), and the user's note on it. Shown by the sources panel
//! (`ui::panels::sources`) and written in the Excel workbook
//! (`io::workbook`).

use crate::model::examples::{example_place, source_for};
use crate::model::field::{Field, RoleField};
use crate::model::Scenario;

/// Where a place's population band or need index came from (the area
/// tables, or "Entered by you"), when the place records it.
pub fn place_source(scenario: &Scenario, field: &Field) -> Option<String> {
    let (place, key) = match field {
        Field::Population(i, band) => (
            scenario.places.get(*i)?,
            format!("population.{}", band.key()),
        ),
        Field::NeedIndex(i) => (scenario.places.get(*i)?, "need_index".to_string()),
        _ => return None,
    };
    // A band's own entry ("Entered by you"); the population's source is
    // shown once for the three bands, under them.
    place.sources.get(&key).cloned()
}

/// Whether an input holds the built-in default.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Example place's value.
    Default,
    /// Another value than Example place's.
    Changed,
    /// An input Example place does not have (a service, role or place the
    /// user added).
    Added,
}

impl Status {
    pub fn text(self) -> &'static str {
        match self {
            Status::Default => "Default",
            Status::Changed => "Changed",
            Status::Added => "Added by you",
        }
    }
}

/// One row of the register.
#[derive(Clone, Debug, PartialEq)]
pub struct RegisterRow {
    pub key: String,
    pub label: String,
    pub value: String,
    pub unit: &'static str,
    pub status: Status,
    /// The default's citation, the area data's, or "Entered by you".
    pub source: String,
    pub illustrative: bool,
    pub note: String,
}

/// The register of `scenario`'s inputs, in the form's order.
pub fn register(scenario: &Scenario) -> Vec<RegisterRow> {
    let example = example_place();
    let borrowed = crate::model::examples::borrowed_staff(scenario);
    Field::all(scenario)
        .into_iter()
        .filter_map(|field| {
            let key = field.key(scenario)?;
            let value = field.get(scenario)?;
            let default = Field::from_key(&example, &key).and_then(|f| f.get(&example));
            let status = match default {
                None => Status::Added,
                Some(d) if (d - value).abs() <= 1e-9 * d.abs().max(1.0) => Status::Default,
                Some(_) => Status::Changed,
            };
            let cited = source_for(&key);
            // Staff in post that are a built-in's figures, in a place that
            // is not the built-in's, are said to be so before any citation.
            let not_yours = match (&field, &borrowed) {
                (Field::Role(i, RoleField::InPostWte), Some(b)) => scenario
                    .roles
                    .get(*i)
                    .filter(|role| b.has(&role.id))
                    .map(|_| format!("Not your staff: {}", b.sentence)),
                _ => None,
            };
            let (source, illustrative) = match (
                not_yours.or_else(|| place_source(scenario, &field)),
                &cited,
                status,
            ) {
                (Some(text), _, _) => (text, false),
                (None, Some(s), Status::Default) => (s.citation.clone(), s.illustrative),
                (None, Some(s), _) => (
                    format!("Entered by you (default {}: {})", s.value_text, s.citation),
                    false,
                ),
                (None, None, _) => ("Entered by you".to_string(), false),
            };
            let unit = field.unit();
            Some(RegisterRow {
                label: field.full_label(scenario),
                value: unit.input_text(value),
                unit: unit.hint(),
                status,
                source,
                illustrative,
                note: scenario.notes.get(&key).cloned().unwrap_or_default(),
                key,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::examples::example_place;
    use crate::model::field::WorkingTimeField;

    #[test]
    fn the_register_lists_every_input_with_its_status_source_and_note() {
        let mut s = example_place();
        let all = register(&s);
        assert_eq!(all.len(), Field::all(&s).len());
        assert!(
            all.iter().all(|r| r.status == Status::Default),
            "the example is all defaults"
        );
        assert!(all.iter().all(|r| !r.source.is_empty()));
        Field::WorkingTime(WorkingTimeField::SicknessRate).set(&mut s, 0.052);
        s.notes
            .insert("working_time.sickness_rate", "Our 2025 ESR extract");
        let row = register(&s)
            .into_iter()
            .find(|r| r.key == "working_time.sickness_rate")
            .unwrap();
        assert_eq!(row.status, Status::Changed);
        assert_eq!(row.value, "5.2");
        assert_eq!(row.note, "Our 2025 ESR extract");
        assert!(
            row.source.starts_with("Entered by you (default 5%"),
            "{}",
            row.source
        );
        s.services.push(s.services[0].clone());
        let last = s.services.len() - 1;
        s.services[last].id = "mine".into();
        assert!(register(&s)
            .iter()
            .filter(|r| r.key.starts_with("services.mine."))
            .all(|r| r.status == Status::Added));
    }
}
