//! The assumptions register: every input of the scenario with its value and
//! unit, whether it is the built-in default or changed, where it comes from
//! (the default's source, "illustrative", the area data, or "entered by
//! you"), and the user's note on it, which can be written here. In the
//! second module, loaded with the part below the calculator.

use yew::prelude::*;

use crate::format;
use crate::model::examples::{example_place, source_for, sources};
use crate::model::field::Field;
use crate::model::Scenario;
use crate::ui::components::number_field::place_source;
use crate::ui::state::Action;
use crate::ui::use_app;

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
            let (source, illustrative) = match (place_source(scenario, &field), &cited, status) {
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
                value: format::input_text(value, unit),
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

#[function_component(SourcesPanel)]
pub fn sources_panel() -> Html {
    let app = use_app();
    // The table (one row per input) is built only once it is opened: it is
    // long, and most visits never open it.
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            open.set(details.has_attribute("open"));
        })
    };
    let all = sources();
    let sourced = all.iter().filter(|s| !s.illustrative).count();
    let rows = if *open {
        register(&app.scenario)
    } else {
        Vec::new()
    };
    let changed = rows.iter().filter(|r| r.status != Status::Default).count();
    let notes = app.scenario.notes.len();
    html! {
        <section class="panel panel--plain sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{"Assumptions register"}</h2>
            <p>{format!("The built-in defaults: {} cite a published source; {} are illustrative, with no public figure found, and should be replaced with your own. Every input is listed with its value, whether it is the default, its source and your note on it (notes are kept in the scenario and in every export).", sourced, all.len() - sourced)}</p>
            <details class="explain" id="sources-details" {ontoggle}>
                <summary>{format!("Show every input, its source and your notes ({notes} notes)")}</summary>
                if *open {
                <p class="muted" id="register-summary">{format!("{} inputs, {} changed from or added to the defaults, {} with a note.", rows.len(), changed, notes)}</p>
                <div class="table-wrap" tabindex="0" role="region" aria-label="Assumptions register (scrolls sideways)">
                    <table class="table table--compact sources-table" id="sources-table">
                        <caption>{"Assumptions register: every input of this scenario"}</caption>
                        <thead><tr>
                            <th scope="col">{"Input"}</th>
                            <th scope="col" class="num">{"Value"}</th>
                            <th scope="col">{"Unit"}</th>
                            <th scope="col">{"Default or changed"}</th>
                            <th scope="col">{"Source"}</th>
                            <th scope="col">{"Your note"}</th>
                        </tr></thead>
                        <tbody>
                        { for rows.into_iter().map(|row| register_row(&app, row)) }
                        </tbody>
                    </table>
                </div>
                }
            </details>
        </section>
    }
}

fn register_row(app: &crate::ui::AppHandle, row: RegisterRow) -> Html {
    let onchange = {
        let (app, key) = (app.clone(), row.key.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::SetNote {
                key: key.clone(),
                text: input.value(),
            });
        })
    };
    let id = crate::ui::dom_id(&format!("note.{}", row.key));
    html! {
        <tr key={row.key.clone()}>
            <th scope="row">{&row.label}</th>
            <td class="num">{&row.value}</td>
            <td>{row.unit}</td>
            <td>{row.status.text()}</td>
            <td>
                if row.illustrative {
                    <span class="tag tag--illustrative">{"Illustrative"}</span>{" "}
                }
                {&row.source}
            </td>
            <td>
                <input type="text" class="field__input field__input--note" id={id}
                    aria-label={format!("Note on {}", row.label)} value={row.note.clone()}
                    maxlength="2000" {onchange} />
            </td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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
