//! What the page and its lazily loaded panels (the second WebAssembly
//! module, `src/bin/extras.rs`) say to each other. Pure: no browser imports,
//! tested natively.
//!
//! The panels that are not on the first screen (the area picker, comparing
//! saved scenarios, sharing and export, sources, about) live in a second
//! module that the page loads the first time one is needed, so the first
//! load carries none of their code. Each panel runs its own Yew app over a
//! *mirror* of the page's state:
//!
//! - page -> panel, after every change: [`encode_mirror`], the scenario as
//!   typed, the last good scenario (whose results are shown), where the
//!   scenario came from, and the saved scenarios. Scenarios cross as the
//!   contract's JSON, the one format both modules already read and write.
//! - panel -> page: the actions the panels dispatch ([`encode_action`]: an
//!   area fills a place, a range is set, a scenario is imported, a notice is
//!   raised) go to the page's reducer ([`decode_action`]) instead of the
//!   panel's own, so undo, autosave and the results work as for any other
//!   edit, and come back in the next mirror.
//!
//! Both decoders refuse what they cannot read with a sentence, never panic.

use serde::Deserialize;
use serde_json::value::RawValue;

use crate::io::stored::{decode_library, encode_library};
use crate::model::scenario::parse_scenario;
use crate::ui::state::{Action, AppState, MirrorState, Notice, NoticeKind, Origin};

fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

fn origin_name(origin: &Origin) -> &'static str {
    match origin {
        Origin::Local => "local",
        Origin::SharedLink => "shared",
    }
}

fn origin_from(name: Option<&str>) -> Origin {
    match name {
        Some("shared") => Origin::SharedLink,
        _ => Origin::Local,
    }
}

/// The page's state for a panel's mirror: `{"scenario", "last_good",
/// "origin", "library"}`.
pub fn encode_mirror(state: &AppState) -> String {
    let last_good = match &state.results_scenario {
        Some(s) if **s != state.scenario => s.to_json_pretty(),
        // Same as the scenario (the usual case): not sent twice.
        Some(_) => "\"same\"".to_string(),
        None => "null".to_string(),
    };
    format!(
        "{{\"scenario\":{},\"last_good\":{},\"origin\":\"{}\",\"presenting\":{},\"library\":{}}}",
        state.scenario.to_json_pretty(),
        last_good,
        origin_name(&state.origin),
        state.presenting,
        encode_library(&state.library)
    )
}

#[derive(Deserialize)]
struct MirrorIn<'a> {
    #[serde(borrow)]
    scenario: &'a RawValue,
    #[serde(borrow, default)]
    last_good: Option<&'a RawValue>,
    #[serde(default)]
    origin: Option<String>,
    #[serde(default)]
    presenting: bool,
    #[serde(borrow, default)]
    library: Option<&'a RawValue>,
}

/// Read what [`encode_mirror`] wrote. A scenario the page holds with
/// problems that stop it being read (it cannot be valid JSON for the
/// contract) is replaced by the last good one.
pub fn decode_mirror(text: &str) -> Result<MirrorState, String> {
    let m: MirrorIn = serde_json::from_str(text)
        .map_err(|e| format!("The page's state could not be read: {e}."))?;
    let last_good = match m.last_good.map(|raw| raw.get()) {
        None | Some("null") => None,
        Some("\"same\"") => None,
        Some(raw) => parse_scenario(raw).ok(),
    };
    let same = m.last_good.map(|raw| raw.get()) == Some("\"same\"");
    let scenario = match (parse_scenario(m.scenario.get()), &last_good) {
        (Ok(s), _) => s,
        (Err(_), Some(good)) => good.clone(),
        (Err(e), None) => return Err(format!("The page's scenario could not be read: {e}.")),
    };
    let last_good = if same {
        Some(scenario.clone())
    } else {
        last_good
    };
    let library = m
        .library
        .map(|raw| decode_library(raw.get()).0)
        .unwrap_or_default();
    Ok(MirrorState {
        scenario,
        last_good,
        origin: origin_from(m.origin.as_deref()),
        library,
        presenting: m.presenting,
    })
}

fn notice_json(n: &Notice) -> String {
    format!(
        "{{\"kind\":\"{}\",\"text\":{}}}",
        match n.kind {
            NoticeKind::Success => "success",
            NoticeKind::Error => "error",
            NoticeKind::Info => "info",
        },
        quote(&n.text)
    )
}

/// A panel's action, for the page's reducer: the actions the panels
/// dispatch (an area fills a place or replaces them, a range is set, a
/// scenario is imported or reset, a notice is raised), with the scenario as
/// the action leaves it in the panel's mirror (`after`), the one format the
/// page already reads. `None` for any other action: the panel applies it to
/// its own mirror.
pub fn encode_action(action: &Action, after: &AppState) -> Option<String> {
    let mut value = None;
    let field_key;
    let (kind, index, key, notice) = match action {
        Action::FillPlace { index, .. } => ("fill_place", *index, None, None),
        Action::ReplacePlaces(_) => ("replace_places", None, None, None),
        Action::SetRange { key, .. } => ("set_range", None, Some(key), None),
        Action::Load { notice, .. } => ("load", None, None, notice.as_ref()),
        Action::Notify(n) => ("notify", None, None, Some(n)),
        Action::SetValue { field, value: v } => {
            field_key = field.key(&after.scenario)?;
            value = Some(*v);
            ("set_value", None, Some(&field_key), None)
        }
        Action::Present(on) => ("present", Some(usize::from(*on)), None, None),
        Action::SaveAs(name) => ("save_as", None, Some(name), None),
        Action::SetNote { key, .. } => ("set_note", None, Some(key), None),
        _ => return None,
    };
    let with_scenario = matches!(
        kind,
        "fill_place" | "replace_places" | "set_range" | "load" | "set_note"
    );
    Some(format!(
        "{{\"kind\":\"{kind}\",\"index\":{},\"key\":{},\"value\":{},\"origin\":\"{}\",\"notice\":{},\"scenario\":{}}}",
        index.map_or("null".to_string(), |i| i.to_string()),
        key.map_or("null".to_string(), |k| quote(k)),
        value.filter(|v| v.is_finite()).map_or("null".to_string(), |v| v.to_string()),
        origin_name(&after.origin),
        notice.map_or("null".to_string(), notice_json),
        if with_scenario {
            after.scenario.to_json_pretty()
        } else {
            "null".to_string()
        }
    ))
}

#[derive(Deserialize)]
struct NoticeIn {
    kind: String,
    text: String,
}

#[derive(Deserialize)]
struct ActionIn<'a> {
    kind: String,
    #[serde(default)]
    index: Option<usize>,
    #[serde(default)]
    key: Option<String>,
    #[serde(default)]
    value: Option<f64>,
    #[serde(default)]
    origin: Option<String>,
    #[serde(default)]
    notice: Option<NoticeIn>,
    #[serde(borrow, default)]
    scenario: Option<&'a RawValue>,
}

/// The page's reading of a panel's action ([`encode_action`]). Refused with
/// a sentence if it cannot be read; the reducer applies its usual limits.
pub fn decode_action(text: &str) -> Result<Action, String> {
    let mut a: ActionIn = serde_json::from_str(text).map_err(|e| {
        format!(
            "A panel's change could not be read: {}.",
            crate::format::shorten(&e.to_string(), 80)
        )
    })?;
    let notice = a.notice.map(|n| Notice {
        kind: match n.kind.as_str() {
            "success" => NoticeKind::Success,
            "error" => NoticeKind::Error,
            _ => NoticeKind::Info,
        },
        text: crate::format::shorten(&n.text, 600),
    });
    match (a.kind.as_str(), a.key, a.value) {
        ("notify", ..) => {
            return notice
                .map(Action::Notify)
                .ok_or_else(|| "A panel's notice had no text.".to_string())
        }
        ("present", ..) => return Ok(Action::Present(a.index == Some(1))),
        ("save_as", Some(name), _) => return Ok(Action::SaveAs(name)),
        ("set_value", Some(key), Some(value)) => return Ok(Action::SetByKey { key, value }),
        ("save_as" | "set_value", ..) => {
            return Err("A panel's change was missing its input or value.".to_string())
        }
        (_, key, _) => a.key = key,
    }
    let mut scenario = match a.scenario.map(|raw| parse_scenario(raw.get())) {
        Some(Ok(s)) => s,
        Some(Err(e)) => return Err(format!("A panel's scenario could not be read: {e}.")),
        None => return Err("A panel's change had no scenario.".to_string()),
    };
    Ok(match a.kind.as_str() {
        "fill_place" => {
            let at = a.index.unwrap_or(scenario.places.len().saturating_sub(1));
            if at >= scenario.places.len() {
                return Err("A panel filled a place that does not exist.".to_string());
            }
            Action::FillPlace {
                index: a.index,
                place: Box::new(scenario.places.swap_remove(at)),
            }
        }
        "replace_places" => Action::ReplacePlaces(scenario.places),
        "set_note" => {
            let key = a.key.unwrap_or_default();
            Action::SetNote {
                text: scenario.notes.get(&key).cloned().unwrap_or_default(),
                key,
            }
        }
        "set_range" => {
            let key = a.key.unwrap_or_default();
            Action::SetRange {
                range: scenario.ranges.get(&key).copied(),
                key,
            }
        }
        "load" => Action::Load {
            scenario: Box::new(scenario),
            origin: origin_from(a.origin.as_deref()),
            notice,
        },
        other => {
            return Err(format!(
                "A panel asked for something the page does not do (\"{}\").",
                crate::format::shorten(other, 30)
            ))
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::stored::SavedScenario;
    use crate::model::examples::example_place;
    use crate::model::field::Field;
    use crate::model::scenario::Place;
    use yew::Reducible;

    fn page() -> std::rc::Rc<AppState> {
        let library = vec![SavedScenario {
            name: "Saved one".to_string(),
            saved_at: "2026-11-25T10:00:00Z".to_string(),
            scenario: example_place(),
        }];
        std::rc::Rc::new(AppState::new(example_place(), library))
    }

    #[test]
    fn a_mirror_carries_the_scenario_results_origin_and_library() {
        let state = page();
        let mirror = decode_mirror(&encode_mirror(&state)).unwrap();
        assert_eq!(mirror.scenario, state.scenario);
        assert_eq!(mirror.last_good.as_ref(), Some(&state.scenario));
        assert_eq!(mirror.origin, Origin::Local);
        assert_eq!(mirror.library, *state.library);

        let panel = AppState::new(example_place(), Vec::new());
        let panel = std::rc::Rc::new(panel).reduce(Action::Mirror(Box::new(mirror)));
        assert_eq!(panel.results, state.results);
        assert_eq!(panel.library, state.library);
    }

    #[test]
    fn a_page_with_stale_results_sends_its_last_good_scenario_too() {
        let state = page().reduce(Action::SetNumber {
            field: Field::NeedIndex(0),
            text: "-2".to_string(),
        });
        assert!(state.stale);
        let mirror = decode_mirror(&encode_mirror(&state)).unwrap();
        assert_eq!(mirror.scenario.places[0].need_index, -2.0);
        assert_eq!(mirror.last_good.as_ref(), Some(&example_place()));
        let panel = std::rc::Rc::new(AppState::new(example_place(), Vec::new()))
            .reduce(Action::Mirror(Box::new(mirror)));
        assert!(
            panel.stale,
            "the panel shows the page's results as stale too"
        );
        assert_eq!(panel.results, state.results);
    }

    #[test]
    fn each_panel_action_has_the_same_effect_in_the_page() {
        let mut place = Place::empty("leeds", "Leeds");
        place.need_index = 1.2;
        place.sources.insert(
            "need_index".to_string(),
            "NHS England \"2024/25\"".to_string(),
        );
        let mut imported = example_place();
        imported.name = "Imported".to_string();
        let actions = vec![
            Action::FillPlace {
                index: Some(0),
                place: Box::new(place.clone()),
            },
            Action::FillPlace {
                index: None,
                place: Box::new(place.clone()),
            },
            Action::ReplacePlaces(vec![place.clone(), Place::empty("b", "B")]),
            Action::SetRange {
                key: "places.place.need_index".to_string(),
                range: Some([0.9, 1.1]),
            },
            Action::SetRange {
                key: "working_time.sickness_rate".to_string(),
                range: None,
            },
            Action::Load {
                scenario: Box::new(imported),
                origin: Origin::Local,
                notice: Some(Notice {
                    kind: NoticeKind::Success,
                    text: "Opened \"x\".".to_string(),
                }),
            },
            Action::Notify(Notice {
                kind: NoticeKind::Error,
                text: "Could not copy.".to_string(),
            }),
            Action::SetValue {
                field: Field::NeedIndex(0),
                value: 1.35,
            },
            Action::SetValue {
                field: Field::Projection(
                    crate::model::field::ProjectionField::RetentionImprovement,
                ),
                value: 0.2,
            },
            Action::Present(true),
            Action::Present(false),
            Action::SaveAs("Roundtable A".to_string()),
            Action::SetNote {
                key: "working_time.sickness_rate".to_string(),
                text: "Our 2025 ESR extract, \"5.2%\".".to_string(),
            },
            Action::SetNote {
                key: "working_time.sickness_rate".to_string(),
                text: String::new(),
            },
        ];
        for action in actions {
            // The panel's mirror as the action leaves it, as the forwarder
            // computes it.
            let after = page().reduce(action.clone());
            let text = encode_action(&action, &after).expect("a panel action");
            let in_page = page().reduce(decode_action(&text).unwrap());
            assert_eq!(in_page.scenario, after.scenario, "{text}");
            assert_eq!(in_page.notice, after.notice, "{text}");
            assert_eq!(in_page.origin, after.origin, "{text}");
            assert_eq!(in_page.presenting, after.presenting, "{text}");
            assert_eq!(in_page.library.len(), after.library.len(), "{text}");
        }
        assert_eq!(encode_action(&Action::Undo, &page()), None);
        assert_eq!(encode_action(&Action::AddPlace, &page()), None);
    }

    #[test]
    fn a_filled_place_is_one_undoable_step_in_the_page() {
        let state = page();
        let mut place = Place::empty("leeds", "Leeds");
        place.need_index = 1.2;
        let action = Action::FillPlace {
            index: Some(0),
            place: Box::new(place),
        };
        let text = encode_action(&action, &state.clone().reduce(action.clone())).unwrap();
        let after = state.clone().reduce(decode_action(&text).unwrap());
        assert_eq!(after.scenario.places[0].need_index, 1.2);
        assert_eq!(
            after.scenario.places[0].id, state.scenario.places[0].id,
            "the place keeps its id"
        );
        assert_eq!(after.reduce(Action::Undo).scenario, state.scenario);
    }

    #[test]
    fn the_decoders_refuse_what_they_cannot_read_with_a_sentence() {
        for bad in [
            "",
            "[]",
            "{}",
            "{\"scenario\":3}",
            "nonsense",
            "{\"scenario\":{\"schema\":\"x\"}}",
        ] {
            assert!(decode_mirror(bad).is_err(), "{bad}");
        }
        for bad in [
            "",
            "{}",
            "{\"kind\":\"load\",\"scenario\":{}}",
            "{\"kind\":\"load\"}",
            "{\"kind\":\"notify\",\"notice\":{\"kind\":1}}",
            "{\"kind\":\"notify\"}",
            "{\"kind\":\"undo\",\"scenario\":null}",
            "{\"kind\":\"fill_place\",\"index\":-1}",
            "{\"kind\":\"set_value\",\"key\":\"x\"}",
            "{\"kind\":\"save_as\"}",
            "\u{0}",
        ] {
            let err = decode_action(bad).unwrap_err();
            assert!(err.starts_with("A panel's"), "{err}");
        }
    }
}
