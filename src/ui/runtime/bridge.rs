//! What the page and its lazily loaded panels (the panels
//! module, `src/bin/panels.rs`) say to each other: one typed protocol.
//! Pure apart from the panels' dispatch hook: tested natively.
//!
//! The panels that are not on the first screen (the area picker, comparing
//! saved scenarios, sharing and export, sources, about) live in a second
//! module that the page loads the first time one is needed, so the first
//! load carries none of their code. Each panel ([`Panel`], named here once)
//! runs its own Yew app over a *mirror* of the page's state:
//!
//! - page -> panel, after every change: [`MirrorSender::encode`], the
//!   scenario as typed, the last good scenario (whose results are shown),
//!   where the scenario came from, whether presentation mode is on, and the
//!   saved scenarios only when they changed since that panel's last mirror.
//!   Scenarios cross as the contract's JSON, compact, the one format both
//!   modules already read.
//! - panel -> page: a [`PanelAction`], the edit itself (an area fills a
//!   place, a range is set, a scenario is imported, a notice is raised),
//!   sent through [`use_panel_dispatch`], which takes nothing else. The page
//!   applies it with its own reducer ([`PanelAction::into_action`]), so
//!   undo, autosave and the results work as for any other edit, and it
//!   comes back in the next mirror. A panel's mirror is changed by nothing
//!   but the page's mirrors.
//!
//! Both decoders refuse what they cannot read with a sentence, never panic.

use std::rc::Rc;

use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;
use yew::prelude::*;

use crate::io::stored::{decode_library, encode_library, SavedScenario};
use crate::model::scenario::{parse_scenario, Limits, Place, Scenario};
use crate::ui::state::{
    Action, AppState, Edit, LibraryAction, MirrorState, Notice, NoticeKind, Origin, UiAction,
};

/// The panels the panels module serves. [`Panel::name`] is what the page
/// asks the module for, [`Panel::from_name`] how the module reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Panel {
    /// "Start from your area": the area picker (and the area tables).
    AreaPicker,
    /// The lower part of the results: by place, sensitivity, explanations.
    Analysis,
    /// The uncertainty ranges editor (in the projection panel).
    Ranges,
    /// Presentation mode, over the page.
    Presentation,
    /// A host page's options and messages (nothing to see).
    Embed,
    /// A card's "How is this calculated?": the role's or service's id.
    Explain { role: bool, id: AttrValue },
    /// Below the calculator: compare saved scenarios, share and export,
    /// sources, about.
    More,
    /// "Import staff in post" from a CSV or XLSX file (beside the staff
    /// table); the file is read by the fourth module.
    StaffImport,
}

impl Panel {
    /// The panel's name, as the page asks the panels module for it: the
    /// one place the names are written.
    pub fn name(&self) -> String {
        let name = match self {
            Panel::AreaPicker => "area-picker",
            Panel::Analysis => "analysis",
            Panel::Ranges => "ranges",
            Panel::Presentation => "presentation",
            Panel::Embed => "embed",
            Panel::More => "more",
            Panel::StaffImport => "staff-import",
            Panel::Explain { role, id } => {
                return format!("explain-{}-{id}", if *role { "role" } else { "service" })
            }
        };
        String::from(name)
    }

    /// The panel called `name` ([`Panel::name`]), if there is one.
    pub fn from_name(name: &str) -> Option<Panel> {
        let named = [
            Panel::AreaPicker,
            Panel::Analysis,
            Panel::Ranges,
            Panel::Presentation,
            Panel::Embed,
            Panel::More,
            Panel::StaffImport,
            Panel::Explain {
                role: true,
                id: AttrValue::default(),
            },
            Panel::Explain {
                role: false,
                id: AttrValue::default(),
            },
        ];
        named.into_iter().find_map(|panel| match panel {
            Panel::Explain { role, .. } => {
                let prefix = Panel::Explain {
                    role,
                    id: AttrValue::default(),
                }
                .name();
                name.strip_prefix(&prefix).map(|id| Panel::Explain {
                    role,
                    id: AttrValue::from(id.to_string()),
                })
            }
            panel => (panel.name() == name).then_some(panel),
        })
    }
}

/// Everything a panel may change in the page, as the edit itself.
///
/// Written as a JSON array, the variant's name and then its fields in
/// order (`["SetRange","working_time.sickness_rate",[0.04,0.06]]`; a
/// filled place as a list of one), by
/// hand-written serde impls: the page's decoder is one function, where
/// serde's derived one (a visitor per variant, each reading an object or an
/// array) cost about 2.7 KB gzip more on the first load.
#[derive(Clone, Debug, PartialEq)]
pub enum PanelAction {
    /// Fill place `index` from an area, or add it as a new place (None).
    FillPlace {
        index: Option<usize>,
        place: Box<Place>,
    },
    /// Make these the places (an ICB's sub-ICB locations or local
    /// authorities).
    ReplacePlaces(Vec<Place>),
    /// Set or clear (None) the uncertainty range of the input with this key.
    SetRange {
        key: String,
        range: Option<[f64; 2]>,
    },
    /// Open a scenario (imported, reset, a marked state, a host's scenario).
    Load {
        scenario: Box<Scenario>,
        origin: Origin,
        notice: Option<Notice>,
    },
    Notify(Notice),
    /// A lever moved: the value of the input with this key
    /// ([`crate::model::Field::key`]).
    SetValue {
        key: String,
        value: f64,
    },
    /// Presentation mode on or off.
    Present(bool),
    /// Save the scenario under this name.
    SaveAs(String),
    /// The user's note on the input with this key; empty text removes it.
    SetNote {
        key: String,
        text: String,
    },
}

/// A notice as `[kind, text]`.
fn notice_out(n: &Notice) -> (&'static str, &str) {
    let kind = match n.kind {
        NoticeKind::Success => "success",
        NoticeKind::Error => "error",
        NoticeKind::Info => "info",
    };
    (kind, &n.text)
}

fn notice_in((kind, text): (String, String)) -> Notice {
    Notice {
        kind: match kind.as_str() {
            "success" => NoticeKind::Success,
            "error" => NoticeKind::Error,
            _ => NoticeKind::Info,
        },
        text: crate::format::shorten(&text, 600),
    }
}

fn origin_name(origin: &Origin) -> &'static str {
    match origin {
        Origin::Local => "local",
        Origin::SharedLink => "shared",
    }
}

fn origin_from(name: &str) -> Origin {
    match name {
        "shared" => Origin::SharedLink,
        _ => Origin::Local,
    }
}

impl Serialize for PanelAction {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(None)?;
        match self {
            PanelAction::FillPlace { index, place } => {
                seq.serialize_element("FillPlace")?;
                seq.serialize_element(index)?;
                // A list of one: the page reads places one way only.
                seq.serialize_element(std::slice::from_ref(&**place))?;
            }
            PanelAction::ReplacePlaces(places) => {
                seq.serialize_element("ReplacePlaces")?;
                seq.serialize_element(places)?;
            }
            PanelAction::SetRange { key, range } => {
                seq.serialize_element("SetRange")?;
                seq.serialize_element(key)?;
                seq.serialize_element(range)?;
            }
            PanelAction::Load {
                scenario,
                origin,
                notice,
            } => {
                seq.serialize_element("Load")?;
                seq.serialize_element(scenario)?;
                seq.serialize_element(origin_name(origin))?;
                seq.serialize_element(&notice.as_ref().map(notice_out))?;
            }
            PanelAction::Notify(notice) => {
                seq.serialize_element("Notify")?;
                seq.serialize_element(&notice_out(notice))?;
            }
            PanelAction::SetValue { key, value } => {
                seq.serialize_element("SetValue")?;
                seq.serialize_element(key)?;
                seq.serialize_element(value)?;
            }
            PanelAction::Present(on) => {
                seq.serialize_element("Present")?;
                seq.serialize_element(on)?;
            }
            PanelAction::SaveAs(name) => {
                seq.serialize_element("SaveAs")?;
                seq.serialize_element(name)?;
            }
            PanelAction::SetNote { key, text } => {
                seq.serialize_element("SetNote")?;
                seq.serialize_element(key)?;
                seq.serialize_element(text)?;
            }
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for PanelAction {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(ActionVisitor)
    }
}

struct ActionVisitor;

/// The next field of an action; every field is there (`null` for none).
fn field<'de, T: Deserialize<'de>, A: serde::de::SeqAccess<'de>>(
    seq: &mut A,
) -> Result<T, A::Error> {
    seq.next_element()?
        .ok_or_else(|| serde::de::Error::custom("a part of it is missing"))
}

impl<'de> serde::de::Visitor<'de> for ActionVisitor {
    type Value = PanelAction;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a change: [its name, its parts]")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<PanelAction, A::Error> {
        let kind: String = field(&mut seq)?;
        Ok(match kind.as_str() {
            "FillPlace" => {
                let index = field(&mut seq)?;
                let mut places: Vec<Place> = field(&mut seq)?;
                match (places.pop(), places.is_empty()) {
                    (Some(place), true) => PanelAction::FillPlace {
                        index,
                        place: Box::new(place),
                    },
                    _ => return Err(serde::de::Error::custom("it fills one place")),
                }
            }
            "ReplacePlaces" => PanelAction::ReplacePlaces(field(&mut seq)?),
            "SetRange" => PanelAction::SetRange {
                key: field(&mut seq)?,
                range: field(&mut seq)?,
            },
            "Load" => {
                // Read as any scenario file is (its version, its limits).
                let raw: &RawValue = field(&mut seq)?;
                PanelAction::Load {
                    scenario: Box::new(
                        parse_scenario(raw.get()).map_err(serde::de::Error::custom)?,
                    ),
                    origin: origin_from(&field::<String, _>(&mut seq)?),
                    notice: field::<Option<_>, _>(&mut seq)?.map(notice_in),
                }
            }
            "Notify" => PanelAction::Notify(notice_in(field(&mut seq)?)),
            "SetValue" => PanelAction::SetValue {
                key: field(&mut seq)?,
                value: field(&mut seq)?,
            },
            "Present" => PanelAction::Present(field(&mut seq)?),
            "SaveAs" => PanelAction::SaveAs(field(&mut seq)?),
            "SetNote" => PanelAction::SetNote {
                key: field(&mut seq)?,
                text: field(&mut seq)?,
            },
            other => {
                return Err(serde::de::Error::custom(format_args!(
                    "the page does not do \"{}\"",
                    crate::format::shorten(other, 30)
                )))
            }
        })
    }
}

impl PanelAction {
    /// The page's action for this one; `saved_at` is the time now, read only
    /// when the scenario is saved (the reducer reads no clock).
    pub fn into_action(self, saved_at: impl FnOnce() -> String) -> Action {
        match self {
            PanelAction::FillPlace { index, place } => Edit::FillPlace { index, place }.into(),
            PanelAction::ReplacePlaces(places) => Edit::ReplacePlaces(places).into(),
            PanelAction::SetRange { key, range } => Edit::SetRange { key, range }.into(),
            PanelAction::Load {
                scenario,
                origin,
                notice,
            } => Action::Library(LibraryAction::Load {
                scenario,
                origin,
                notice,
            }),
            PanelAction::Notify(notice) => Action::Ui(UiAction::Notify(notice)),
            PanelAction::SetValue { key, value } => Edit::SetByKey { key, value }.into(),
            PanelAction::Present(on) => Action::Ui(UiAction::Present(on)),
            PanelAction::SaveAs(name) => Action::Library(LibraryAction::SaveAs {
                name,
                saved_at: saved_at(),
            }),
            PanelAction::SetNote { key, text } => Edit::SetNote { key, text }.into(),
        }
    }
}

/// A panel's action as the page receives it.
pub fn encode_panel_action(action: &PanelAction) -> String {
    serde_json::to_string(action).unwrap_or_default()
}

/// The page's reading of a panel's action ([`encode_panel_action`]).
/// Refused with a sentence if it cannot be read; the reducer applies its
/// usual limits, and a notice's text is kept short.
pub fn decode_panel_action(text: &str) -> Result<PanelAction, String> {
    let action: PanelAction = serde_json::from_str(text).map_err(|e| {
        format!(
            "A panel's change could not be read: {}.",
            crate::format::shorten(&e.to_string(), 80)
        )
    })?;
    let places = match &action {
        PanelAction::FillPlace { place, .. } => std::slice::from_ref(&**place),
        PanelAction::ReplacePlaces(places) => places,
        _ => &[],
    };
    if places.iter().any(|p| p.sources.len() > Limits::SOURCES) {
        return Err(format!(
            "A panel's place had more than {} sources.",
            Limits::SOURCES
        ));
    }
    Ok(action)
}

/// How a panel's components change the page ([`use_panel_dispatch`]): it
/// takes a [`PanelAction`] and nothing else.
#[derive(Clone, PartialEq)]
pub struct PanelDispatch(Callback<PanelAction>);

impl PanelDispatch {
    pub fn new(send: Callback<PanelAction>) -> PanelDispatch {
        PanelDispatch(send)
    }

    /// Send `action` to the page; it comes back in the page's next mirror.
    pub fn send(&self, action: PanelAction) {
        self.0.emit(action);
    }
}

/// The panel's way to the page, given to every panel by `ui::runtime::panel_app`.
/// Panics only if a panel's component is rendered outside a panel, a
/// programming error caught by the component tests.
#[hook]
pub fn use_panel_dispatch() -> PanelDispatch {
    use_context::<PanelDispatch>().expect("panels are rendered by ui::runtime::panel_app")
}

/// `pretty` JSON without the pretty printer's whitespace, onto `out`: the
/// app carries one scenario writer ([`Scenario::to_json_pretty`]), and this
/// is smaller than a second. Whitespace inside strings is kept.
fn push_compact(out: &mut String, pretty: &str) {
    let (mut in_string, mut escaped) = (false, false);
    for c in pretty.chars() {
        if in_string {
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
        } else if matches!(c, ' ' | '\n' | '\r' | '\t') {
            continue;
        }
        out.push(c);
    }
}

/// The page's state for a panel's mirror: `{"scenario", "last_good",
/// "origin", "presenting"}`, and `"library"` when `with_library`.
fn encode_mirror(state: &AppState, with_library: bool) -> String {
    let mut out = String::from("{\"scenario\":");
    push_compact(&mut out, &state.scenario.to_json_pretty());
    out.push_str(",\"last_good\":");
    match &state.results_scenario {
        Some(s) if !Rc::ptr_eq(s, &state.scenario) && **s != *state.scenario => {
            push_compact(&mut out, &s.to_json_pretty())
        }
        // Same as the scenario (the usual case): not sent twice.
        Some(_) => out.push_str("\"same\""),
        None => out.push_str("null"),
    }
    out.push_str(",\"origin\":\"");
    out.push_str(origin_name(&state.origin));
    out.push_str(if state.presenting {
        "\",\"presenting\":true"
    } else {
        "\",\"presenting\":false"
    });
    if with_library {
        out.push_str(",\"library\":");
        push_compact(&mut out, &encode_library(&state.library));
    }
    out.push('}');
    out
}

/// What the page last sent one panel: the saved scenarios go again only
/// when they changed (a new list: the reducer never changes one in place
/// while this holds it).
#[derive(Default)]
pub struct MirrorSender {
    library: Option<Rc<Vec<SavedScenario>>>,
}

impl MirrorSender {
    /// The mirror of `state` for this panel.
    pub fn encode(&mut self, state: &AppState) -> String {
        let changed = !self
            .library
            .as_ref()
            .is_some_and(|sent| Rc::ptr_eq(sent, &state.library));
        if changed {
            self.library = Some(state.library.clone());
        }
        encode_mirror(state, changed)
    }
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

/// Read what [`MirrorSender::encode`] wrote. A scenario the page holds with
/// problems that stop it being read (it cannot be valid JSON for the
/// contract) is replaced by the last good one.
pub fn decode_mirror(text: &str) -> Result<MirrorState, String> {
    let m: MirrorIn = serde_json::from_str(text).map_err(|e| {
        format!(
            "The page's state could not be read: {}.",
            crate::format::shorten(&e.to_string(), 300)
        )
    })?;
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
    Ok(MirrorState {
        scenario,
        last_good,
        origin: origin_from(m.origin.as_deref().unwrap_or_default()),
        library: m.library.map(|raw| Rc::new(decode_library(raw.get()).0)),
        presenting: m.presenting,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::examples::example_place;
    use crate::model::field::Field;
    use crate::ui::state::HistoryAction;
    use yew::Reducible;

    /// When the tests' scenarios are saved.
    const SAVED_AT: &str = "2 December 2026, 10:00:00";

    fn saved_at() -> String {
        SAVED_AT.to_string()
    }

    fn page() -> Rc<AppState> {
        let library = vec![SavedScenario {
            name: "Saved one".to_string(),
            saved_at: "2026-11-25T10:00:00Z".to_string(),
            scenario: example_place(),
        }];
        Rc::new(AppState::new(example_place(), library))
    }

    /// A panel's state over `mirror`, as `ui::runtime::panel_app` makes it.
    fn panel_over(mirror: MirrorState) -> Rc<AppState> {
        Rc::new(AppState::new(example_place(), Vec::new())).reduce(Action::Mirror(Box::new(mirror)))
    }

    /// One of each [`PanelAction`]; the match has no wildcard, so a new
    /// variant does not compile until it is added here.
    fn every_panel_action() -> Vec<PanelAction> {
        let mut place = Place::empty("leeds", "Leeds");
        place.need_index = 1.2;
        place.code = Some("E08000035".to_string());
        place.sources.insert(
            "need_index".to_string(),
            "NHS England \"2024/25\"\n(table 3)".to_string(),
        );
        let mut imported = example_place();
        imported.name = "Imported \u{e9}t\u{e9}".to_string();
        imported
            .ranges
            .insert("working_time.sickness_rate".to_string(), [0.04, 0.06]);
        let actions = vec![
            PanelAction::FillPlace {
                index: Some(0),
                place: Box::new(place.clone()),
            },
            PanelAction::FillPlace {
                index: None,
                place: Box::new(place.clone()),
            },
            PanelAction::ReplacePlaces(vec![place.clone(), Place::empty("b", "B")]),
            PanelAction::SetRange {
                key: "places.place.need_index".to_string(),
                range: Some([0.9, 1.1]),
            },
            PanelAction::SetRange {
                key: "working_time.sickness_rate".to_string(),
                range: None,
            },
            PanelAction::Load {
                scenario: Box::new(imported.clone()),
                origin: Origin::Local,
                notice: Some(Notice {
                    kind: NoticeKind::Success,
                    text: "Opened \"x\".".to_string(),
                }),
            },
            PanelAction::Load {
                scenario: Box::new(imported),
                origin: Origin::SharedLink,
                notice: None,
            },
            PanelAction::Notify(Notice {
                kind: NoticeKind::Error,
                text: "Could not copy.".to_string(),
            }),
            PanelAction::Notify(Notice {
                kind: NoticeKind::Info,
                text: "Showing A.".to_string(),
            }),
            PanelAction::SetValue {
                key: Field::NeedIndex(0).key(&example_place()).unwrap(),
                value: 1.35,
            },
            PanelAction::SetValue {
                key: "projection.retention_improvement".to_string(),
                value: 0.2,
            },
            PanelAction::Present(true),
            PanelAction::Present(false),
            PanelAction::SaveAs("Roundtable A".to_string()),
            PanelAction::SaveAs("Saved one".to_string()),
            PanelAction::SetNote {
                key: "working_time.sickness_rate".to_string(),
                text: "Our 2025 ESR extract, \"5.2%\".".to_string(),
            },
            PanelAction::SetNote {
                key: "working_time.sickness_rate".to_string(),
                text: String::new(),
            },
        ];
        let mut seen = [false; 9];
        for action in &actions {
            seen[match action {
                PanelAction::FillPlace { .. } => 0,
                PanelAction::ReplacePlaces(_) => 1,
                PanelAction::SetRange { .. } => 2,
                PanelAction::Load { .. } => 3,
                PanelAction::Notify(_) => 4,
                PanelAction::SetValue { .. } => 5,
                PanelAction::Present(_) => 6,
                PanelAction::SaveAs(_) => 7,
                PanelAction::SetNote { .. } => 8,
            }] = true;
        }
        assert!(seen.iter().all(|s| *s), "every variant is sent");
        actions
    }

    #[test]
    fn a_mirror_carries_the_scenario_results_origin_and_library() {
        let state = page();
        let mirror = decode_mirror(&MirrorSender::default().encode(&state)).unwrap();
        assert_eq!(mirror.scenario, *state.scenario);
        assert_eq!(mirror.last_good.as_ref(), Some(&*state.scenario));
        assert_eq!(mirror.origin, Origin::Local);
        assert_eq!(mirror.library.as_deref(), Some(&*state.library));

        let panel = panel_over(mirror);
        assert_eq!(panel.results, state.results);
        assert_eq!(panel.library, state.library);
    }

    #[test]
    fn a_mirror_is_compact_json() {
        let mut scenario = example_place();
        scenario.name = "A \"quoted\"\tname,\n on two lines: {not} [json] \\".to_string();
        scenario
            .notes
            .insert("name".to_string(), "  spaced   out  ".to_string());
        let mut compact = String::new();
        push_compact(&mut compact, &scenario.to_json_pretty());
        assert_eq!(compact, serde_json::to_string(&scenario).unwrap());
        let state = Rc::new(AppState::new(scenario.clone(), Vec::new()));
        let text = MirrorSender::default().encode(&state);
        let scenario_json = serde_json::to_string(&scenario).unwrap();
        assert!(
            text.starts_with(&format!("{{\"scenario\":{scenario_json},")),
            "{text}"
        );
        assert!(!text.contains("\n  "), "{text}");
        assert_eq!(decode_mirror(&text).unwrap().scenario, scenario);
    }

    #[test]
    fn a_page_with_stale_results_sends_its_last_good_scenario_too() {
        let state = page().reduce(Action::Edit(Edit::SetNumber {
            field: Field::NeedIndex(0),
            text: "-2".to_string(),
        }));
        assert!(state.stale);
        let mirror = decode_mirror(&MirrorSender::default().encode(&state)).unwrap();
        assert_eq!(mirror.scenario.places[0].need_index, -2.0);
        assert_eq!(mirror.last_good.as_ref(), Some(&example_place()));
        let panel = panel_over(mirror);
        assert!(
            panel.stale,
            "the panel shows the page's results as stale too"
        );
        assert_eq!(panel.results, state.results);
    }

    #[test]
    fn the_saved_scenarios_are_sent_again_only_when_they_changed() {
        let mut sender = MirrorSender::default();
        let state = page();
        let first = sender.encode(&state);
        assert!(first.contains("\"library\""), "the first mirror has them");
        let panel = panel_over(decode_mirror(&first).unwrap());

        // Keystrokes and other changes: no library.
        let typed = state.clone().reduce(Action::Edit(Edit::SetNumber {
            field: Field::NeedIndex(0),
            text: "1.4".to_string(),
        }));
        for state in [&state, &typed] {
            let text = sender.encode(state);
            assert!(!text.contains("\"library\""), "{text}");
            let mirror = decode_mirror(&text).unwrap();
            assert_eq!(mirror.library, None);
            let panel = panel.clone().reduce(Action::Mirror(Box::new(mirror)));
            assert_eq!(panel.library, state.library, "the panel keeps its list");
        }
        assert!(first.len() > sender.encode(&typed).len() + 1000);

        // Each change of the list: sent once.
        let saved = typed.clone().reduce(Action::Library(LibraryAction::SaveAs {
            name: "Second".to_string(),
            saved_at: SAVED_AT.to_string(),
        }));
        let renamed = saved
            .clone()
            .reduce(Action::Library(LibraryAction::RenameSaved {
                index: 0,
                name: "First".to_string(),
            }));
        let deleted = renamed
            .clone()
            .reduce(Action::Library(LibraryAction::DeleteSaved(1)));
        for state in [saved, renamed, deleted] {
            let text = sender.encode(&state);
            let mirror = decode_mirror(&text).unwrap();
            assert_eq!(mirror.library.as_deref(), Some(&*state.library));
            assert!(!sender.encode(&state).contains("\"library\""));
        }
        // Another panel has its own first mirror.
        assert!(MirrorSender::default()
            .encode(&typed)
            .contains("\"library\""));
    }

    #[test]
    fn every_panel_action_changes_the_page_as_it_would_the_panel() {
        for action in every_panel_action() {
            let text = encode_panel_action(&action);
            let decoded = decode_panel_action(&text).unwrap();
            assert_eq!(decoded, action, "{text}");

            // The page, over its state; the panel's own reading of the
            // action, over the page's state as its mirror has it.
            let mut sender = MirrorSender::default();
            let mirror = decode_mirror(&sender.encode(&page())).unwrap();
            let mut panel = AppState::new(
                mirror.scenario,
                mirror.library.as_deref().cloned().unwrap_or_default(),
            );
            panel.origin = mirror.origin;
            panel.presenting = mirror.presenting;
            let in_panel = Rc::new(panel).reduce(action.into_action(saved_at));
            let in_page = page().reduce(decoded.into_action(saved_at));
            assert_eq!(in_page.scenario, in_panel.scenario, "{text}");
            assert_eq!(in_page.notice, in_panel.notice, "{text}");
            assert_eq!(in_page.origin, in_panel.origin, "{text}");
            assert_eq!(in_page.presenting, in_panel.presenting, "{text}");
            assert_eq!(in_page.library, in_panel.library, "{text}");

            // And the page's next mirror brings the panel there.
            let mirrored = panel_over(decode_mirror(&sender.encode(&in_page)).unwrap());
            assert_eq!(mirrored.scenario, in_page.scenario, "{text}");
            assert_eq!(mirrored.origin, in_page.origin, "{text}");
            assert_eq!(mirrored.presenting, in_page.presenting, "{text}");
            assert_eq!(mirrored.results, in_page.results, "{text}");
        }
    }

    #[test]
    fn a_panel_sends_only_the_edit() {
        let action = PanelAction::SetRange {
            key: "working_time.sickness_rate".to_string(),
            range: Some([0.04, 0.06]),
        };
        assert_eq!(
            encode_panel_action(&action),
            "[\"SetRange\",\"working_time.sickness_rate\",[0.04,0.06]]"
        );
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "a panel dispatched"))]
    fn a_panels_mirror_is_changed_only_by_the_pages_mirrors() {
        let panel = panel_over(decode_mirror(&MirrorSender::default().encode(&page())).unwrap());
        let after = panel.clone().reduce(Action::Edit(Edit::AddPlace));
        assert_eq!(after.scenario, panel.scenario);
    }

    #[test]
    fn a_filled_place_is_one_undoable_step_in_the_page() {
        let state = page();
        let mut place = Place::empty("leeds", "Leeds");
        place.need_index = 1.2;
        let action = PanelAction::FillPlace {
            index: Some(0),
            place: Box::new(place),
        };
        let text = encode_panel_action(&action);
        let after = state
            .clone()
            .reduce(decode_panel_action(&text).unwrap().into_action(saved_at));
        assert_eq!(after.scenario.places[0].need_index, 1.2);
        assert_eq!(
            after.scenario.places[0].id, state.scenario.places[0].id,
            "the place keeps its id"
        );
        assert_eq!(
            after.reduce(Action::History(HistoryAction::Undo)).scenario,
            state.scenario
        );
    }

    #[test]
    fn every_panel_has_one_name() {
        let panels = [
            Panel::AreaPicker,
            Panel::Analysis,
            Panel::Ranges,
            Panel::Presentation,
            Panel::Embed,
            Panel::More,
            Panel::Explain {
                role: true,
                id: "psychologist".into(),
            },
            Panel::Explain {
                role: false,
                id: "crisis".into(),
            },
        ];
        let mut names: Vec<String> = panels.iter().map(Panel::name).collect();
        for (panel, name) in panels.iter().zip(&names) {
            assert_eq!(Panel::from_name(name).as_ref(), Some(panel), "{name}");
        }
        assert_eq!(names[0], "area-picker");
        assert_eq!(names[6], "explain-role-psychologist");
        names.sort();
        names.dedup();
        assert_eq!(names.len(), panels.len());
        assert_eq!(Panel::from_name("nonsense"), None);
        assert_eq!(Panel::from_name(""), None);
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
        let mut crowded = Place::empty("p", "P");
        for i in 0..=Limits::SOURCES {
            crowded.sources.insert(format!("s{i}"), "x".to_string());
        }
        let crowded = encode_panel_action(&PanelAction::ReplacePlaces(vec![crowded]));
        for bad in [
            "",
            "{}",
            "[]",
            "null",
            "\"Undo\"",
            "[\"Undo\"]",
            "[\"Load\",{}]",
            "[\"Load\"]",
            "[\"Load\",3,\"local\",null]",
            "[\"Notify\",{\"kind\":1}]",
            "[\"Notify\",null]",
            "[\"Notify\",[\"error\"]]",
            "[\"FillPlace\",-1]",
            "[\"FillPlace\",0,{}]",
            "[\"FillPlace\",0,[]]",
            "[\"FillPlace\",null,[{\"id\":\"x\"}]]",
            "[\"SetValue\",\"x\"]",
            "[\"SetValue\",\"x\",null]",
            "[\"SetRange\",\"x\",[1]]",
            "[\"SaveAs\",null]",
            "[\"Present\",1]",
            "[\"Present\",true,\"x\"]",
            "{\"SetRange\":{\"key\":\"x\",\"range\":null}}",
            crowded.as_str(),
            "\u{0}",
        ] {
            let err = decode_panel_action(bad).unwrap_err();
            assert!(err.starts_with("A panel's"), "{err}");
            assert!(err.ends_with('.'), "{err}");
        }
        let long = PanelAction::Notify(Notice {
            kind: NoticeKind::Info,
            text: "x".repeat(5000),
        });
        match decode_panel_action(&encode_panel_action(&long)) {
            Ok(PanelAction::Notify(n)) => assert!(n.text.chars().count() <= 601),
            other => panic!("{other:?}"),
        }
    }
}
