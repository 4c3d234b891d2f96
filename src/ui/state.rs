//! The app's one reducer: plain data, an [`Action`] enum and `impl Reducible`.
//!
//! The scenario here is what the user has typed so far (it may be invalid).
//! Results are recomputed on every change that leaves the scenario valid;
//! otherwise the last good results stay, marked stale.

use std::collections::BTreeMap;
use std::rc::Rc;

use yew::Reducible;

use crate::format;
pub use crate::io::stored::SavedScenario;
use crate::model::field::Field;
use crate::model::scenario::{AgeBand, Group, Limits, Place, Role, Sector, Service, WorkloadKind};
use crate::model::{compute, validate, InputError, Results, Scenario};

/// What the user typed into one numeric input, kept exactly as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub text: String,
    /// Why the text is not a number, if it is not.
    pub parse_error: Option<String>,
}

/// Typed text by validation path, sorted by path. A sorted list rather than
/// a `BTreeMap`: only a handful of fields are ever being typed into, and one
/// more map type would add its own copy of the B-tree code (about 3 KB gzip)
/// to the WebAssembly.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drafts(Vec<(String, Draft)>);

impl Drafts {
    fn find(&self, path: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(p, _)| p.as_str().cmp(path))
    }

    pub fn get(&self, path: &str) -> Option<&Draft> {
        self.find(path).ok().map(|i| &self.0[i].1)
    }

    pub fn insert(&mut self, path: String, draft: Draft) {
        match self.find(&path) {
            Ok(i) => self.0[i].1 = draft,
            Err(i) => self.0.insert(i, (path, draft)),
        }
    }

    pub fn remove(&mut self, path: &str) {
        if let Ok(i) = self.find(path) {
            self.0.remove(i);
        }
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&str, &Draft) -> bool) {
        self.0.retain(|(p, d)| keep(p, d));
    }

    pub fn clear(&mut self) {
        self.0.clear();
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// (path, draft) pairs in path order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Draft)> {
        self.0.iter().map(|(p, d)| (p, d))
    }

    pub fn values(&self) -> impl Iterator<Item = &Draft> {
        self.0.iter().map(|(_, d)| d)
    }
}

/// Where the current scenario came from, when that matters to the user.
#[derive(Clone, Debug, PartialEq)]
pub enum Origin {
    /// Edited here, autosaved.
    Local,
    /// Opened from a share link: not autosaved until the user keeps it.
    SharedLink,
}

/// A message for the user about something they did (import, share, save).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Success,
    Error,
    Info,
}

/// Which text field of the scenario.
#[derive(Clone, Debug, PartialEq)]
pub enum TextField {
    ScenarioName,
    PlaceName(usize),
    RoleName(usize),
    ServiceName(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub scenario: Scenario,
    /// Typed text by validation path, for inputs the user has touched.
    pub drafts: Drafts,
    /// The model's validation errors for `scenario`.
    pub errors: Vec<InputError>,
    /// The last good results (for the last valid scenario).
    pub results: Option<Rc<Results>>,
    /// The scenario `results` were computed from.
    pub results_scenario: Option<Rc<Scenario>>,
    /// True when `results` no longer match what the user typed.
    pub stale: bool,
    pub origin: Origin,
    /// Shared, so that the reducer's copy of the state on every keystroke
    /// does not copy every saved scenario.
    pub library: Rc<Vec<SavedScenario>>,
    pub notice: Option<Notice>,
    /// Counts changes, so effects can tell a new edit from a re-render.
    pub revision: u64,
    /// Undo and redo.
    pub history: History,
    /// What a page embedding the calculator asked for (view, locked inputs).
    pub host: Rc<crate::ui::runtime::host_options::HostOptions>,
    /// Presentation mode is on (a projector view over the page).
    pub presenting: bool,
    /// Presentation mode has been on in this page (its panel stays loaded,
    /// with its baseline and marked states, while it is off).
    pub presented: bool,
    /// True in a lazily loaded panel's mirror of the page's state
    /// ([`Action::Mirror`]): only the page's next mirror changes it; what a
    /// panel changes in the page goes there as a
    /// [`crate::ui::runtime::bridge::PanelAction`].
    pub panel: bool,
    /// Sections whose bodies are built only once the reader opens them
    /// (each role's training pipeline), by section id: a closed section
    /// costs the page no DOM nodes and no re-rendering.
    /// (A plain list: a set's code would cost the page about 1 KB gzip.)
    pub open_sections: Rc<Vec<String>>,
}

/// The page's state as a lazily loaded panel needs it (`ui::runtime::panel_app`).
#[derive(Clone, Debug, PartialEq)]
pub struct MirrorState {
    pub scenario: Scenario,
    /// The scenario the page's results came from, if any.
    pub last_good: Option<Scenario>,
    pub origin: Origin,
    /// The saved scenarios, when they changed since the last mirror sent to
    /// this panel (`None`: the panel keeps the ones it has).
    pub library: Option<Rc<Vec<SavedScenario>>>,
    pub presenting: bool,
}

/// What undo brings back: the scenario, the text as typed, and where the
/// scenario came from (undoing an import or a share link's opening).
#[derive(Debug, PartialEq)]
pub struct Snapshot {
    scenario: Scenario,
    drafts: Drafts,
    origin: Origin,
}

/// Undo and redo over every edit of the scenario, including removals,
/// imports and opening a saved scenario or a share link. Keystrokes in one
/// input make one step. At most [`History::STEPS`] steps are kept; the
/// snapshots are shared (`Rc`), so the reducer's copy of the state on every
/// keystroke copies pointers, not scenarios.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    past: Vec<Rc<Snapshot>>,
    future: Vec<Rc<Snapshot>>,
    /// The input the last step was typed into, while typing goes on there.
    typing_in: Option<String>,
}

impl History {
    pub const STEPS: usize = 100;

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Steps that can be undone now.
    pub fn depth(&self) -> usize {
        self.past.len()
    }

    /// Record an edit; `before` (the state it changed) is taken only when
    /// the edit starts a new step, not on every keystroke of one.
    fn record(&mut self, before: impl FnOnce() -> Rc<Snapshot>, typing_in: Option<String>) {
        let same_input = typing_in.is_some() && typing_in == self.typing_in;
        if !same_input {
            if self.past.len() == Self::STEPS {
                self.past.remove(0);
            }
            self.past.push(before());
        }
        self.future.clear();
        self.typing_in = typing_in;
    }
}

impl AppState {
    pub fn new(scenario: Scenario, library: Vec<SavedScenario>) -> AppState {
        let mut state = AppState {
            scenario,
            drafts: Drafts::default(),
            errors: Vec::new(),
            results: None,
            results_scenario: None,
            stale: false,
            origin: Origin::Local,
            library: Rc::new(library),
            notice: None,
            revision: 0,
            history: History::default(),
            host: Rc::default(),
            presenting: false,
            presented: false,
            panel: false,
            open_sections: Rc::default(),
        };
        state.recompute();
        state
    }

    /// Whether the embedding page locked this input (readers cannot change it).
    pub fn is_locked(&self, field: &Field) -> bool {
        !self.host.locked.is_empty()
            && field
                .key(&self.scenario)
                .is_some_and(|key| self.host.is_locked(&key))
    }

    fn snapshot(&self) -> Rc<Snapshot> {
        Rc::new(Snapshot {
            scenario: self.scenario.clone(),
            drafts: self.drafts.clone(),
            origin: self.origin.clone(),
        })
    }

    fn restore(&mut self, snapshot: &Snapshot) {
        self.scenario = snapshot.scenario.clone();
        self.drafts = snapshot.drafts.clone();
        self.origin = snapshot.origin.clone();
        self.history.typing_in = None;
    }

    /// Every problem the user can fix: unparseable text first, then the
    /// model's validation errors (skipping fields whose text does not parse).
    pub fn all_errors(&self) -> Vec<InputError> {
        let mut out: Vec<InputError> = self
            .drafts
            .iter()
            .filter_map(|(path, d)| {
                d.parse_error
                    .as_ref()
                    .map(|m| InputError::new(path.clone(), m.clone()))
            })
            .collect();
        out.extend(
            self.errors
                .iter()
                .filter(|e| {
                    self.drafts
                        .get(&e.path)
                        .is_none_or(|d| d.parse_error.is_none())
                })
                .cloned(),
        );
        out
    }

    /// The message for one field path, if it has a problem.
    pub fn error_for(&self, path: &str) -> Option<String> {
        if let Some(Draft {
            parse_error: Some(e),
            ..
        }) = self.drafts.get(path)
        {
            return Some(e.clone());
        }
        self.errors
            .iter()
            .find(|e| e.concerns(path))
            .map(|e| e.message.clone())
    }

    /// The text an input for `field` shows: what was typed, else the value.
    pub fn text_for(&self, field: &Field) -> String {
        let path = field.path();
        if let Some(d) = self.drafts.get(&path) {
            return d.text.clone();
        }
        field
            .get(&self.scenario)
            .map(|v| format::input_text(v, field.unit()))
            .unwrap_or_default()
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.drafts.values().any(|d| d.parse_error.is_some())
    }

    /// Validate; compute when valid, else keep the last good results, stale.
    fn recompute(&mut self) {
        self.errors = validate(&self.scenario);
        if self.has_errors() {
            self.stale = self.results.is_some();
        } else {
            self.results = Some(Rc::new(compute(&self.scenario)));
            self.results_scenario = Some(Rc::new(self.scenario.clone()));
            self.stale = false;
        }
    }

    fn structural_change(&mut self) {
        // Paths of roles and services shift: typed text no longer lines up.
        self.drafts.clear();
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The user typed into a numeric input.
    SetNumber {
        field: Field,
        text: String,
    },
    /// A lever (slider) moved: a value, not text.
    SetValue {
        field: Field,
        value: f64,
    },
    SetText {
        field: TextField,
        value: String,
    },
    AddPlace,
    RemovePlace(usize),
    MovePlace {
        index: usize,
        up: bool,
    },
    /// Fill place `index` (its name, code, population, need index and their
    /// sources; its id stays) from an area, or add it as a new place (None).
    FillPlace {
        index: Option<usize>,
        place: Box<Place>,
    },
    /// Replace every place (an ICB's sub-ICB locations or local
    /// authorities). Ranges of places that go are dropped.
    ReplacePlaces(Vec<Place>),
    SetRoleGroup(usize, Group),
    SetRoleSector(usize, Sector),
    ToggleAge(usize, AgeBand),
    SetWorkloadKind(usize, WorkloadKind),
    AddRole,
    RemoveRole(usize),
    AddService,
    RemoveService(usize),
    MoveService {
        index: usize,
        up: bool,
    },
    /// Scale a service's role mix so it adds up to 100%.
    NormaliseRoleMix(usize),
    /// Put a role into a service's mix (at 0%), or take it out.
    AddToRoleMix {
        service: usize,
        role: String,
    },
    RemoveFromRoleMix {
        service: usize,
        role: String,
    },
    /// Set or clear (None) an uncertainty range, by field key.
    SetRange {
        key: String,
        range: Option<[f64; 2]>,
    },
    /// Replace the whole scenario (built-in, import, saved, reset).
    Load {
        scenario: Box<Scenario>,
        origin: Origin,
        notice: Option<Notice>,
    },
    /// Keep a scenario opened from a share link: autosave resumes.
    KeepShared,
    /// The page's state, sent to a lazily loaded panel's mirror of it.
    Mirror(Box<MirrorState>),
    /// A value for the input with this key ([`Field::key`]): a lever moved in
    /// a lazily loaded panel.
    SetByKey {
        key: String,
        value: f64,
    },
    /// A section that builds its body only when open was opened or
    /// closed by the reader (no undo step, the scenario unchanged).
    ToggleSection {
        id: String,
        open: bool,
    },
    /// Presentation mode on or off.
    Present(bool),
    /// The user's note on the input with this key; empty text removes it.
    SetNote {
        key: String,
        text: String,
    },
    /// Take back the last edit of the scenario.
    Undo,
    /// Do again what was undone.
    Redo,
    /// The saved scenarios as merged with what another tab stored.
    ReplaceLibrary(Vec<SavedScenario>),
    /// Another tab stored its saved scenarios (`theirs`); `base` is the list
    /// as this tab last read or wrote it. Merged with this tab's list.
    LibraryStoredElsewhere {
        base: Vec<SavedScenario>,
        theirs: Vec<SavedScenario>,
    },
    SaveAs(String),
    RenameSaved {
        index: usize,
        name: String,
    },
    DuplicateSaved(usize),
    DeleteSaved(usize),
    Notify(Notice),
    DismissNotice,
}

/// Swap item `index` with the one above (`up`) or below; false when there
/// is no such neighbour.
fn move_item<T>(items: &mut [T], index: usize, up: bool) -> bool {
    let target = if up {
        index.checked_sub(1)
    } else {
        Some(index + 1)
    };
    match target.filter(|t| *t < items.len() && index < items.len()) {
        Some(t) => {
            items.swap(index, t);
            true
        }
        None => false,
    }
}

/// What a place's source says once the user types over a prefilled value.
pub const ENTERED_BY_YOU: &str = "Entered by you";

/// A place's population or need index changed by hand: its source now says
/// so (kept in saved scenarios, links and exports). A population band gets
/// its own entry (`population.adults`), so the other bands keep theirs.
fn mark_entered_by_user(scenario: &mut Scenario, field: &Field) {
    let (i, key) = match field {
        Field::Population(i, band) => (*i, format!("population.{}", band.key())),
        Field::NeedIndex(i) => (*i, "need_index".to_string()),
        _ => return,
    };
    if let Some(place) = scenario.places.get_mut(i) {
        if !place.sources.is_empty() {
            place.sources.insert(key, ENTERED_BY_YOU.to_string());
        }
    }
}

/// True (and a notice saying so) when a list already holds as many items as
/// a scenario may ([`Limits`]): everything the app saves must open again.
fn full(s: &mut AppState, count: usize, limit: usize, what: &str) -> bool {
    let over = count >= limit;
    if over {
        s.notice = Some(Notice {
            kind: NoticeKind::Error,
            text: format!(
                "A scenario holds at most {limit} {what}: remove one before adding another."
            ),
        });
    }
    over
}

/// A new id like "role_3" that no item has yet.
fn fresh_id(prefix: &str, taken: impl Fn(&str) -> bool) -> String {
    (1..)
        .map(|n| format!("{prefix}_{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| prefix.to_string())
}

fn now_text() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let d = js_sys::Date::new_0();
        String::from(d.to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        // A panel's mirror changes only with the page's state: a panel's
        // component sends what it changes to the page
        // (`bridge::use_panel_dispatch`), never to its mirror.
        let refused = self.panel && !matches!(action, Action::Mirror(_));
        debug_assert!(
            !refused,
            "a panel dispatched {action:?} to its mirror: send it to the page with bridge::use_panel_dispatch"
        );
        if refused {
            return self;
        }
        let mut s = (*self).clone();
        s.revision += 1;
        let mut scenario_changed = true;
        // Typing into one input again continues the same undo step.
        let typing_in = match &action {
            Action::SetNumber { field, .. } => Some(field.path()),
            Action::SetText { field, .. } => Some(match field {
                TextField::ScenarioName => "name".to_string(),
                TextField::PlaceName(i) => format!("places[{i}].name"),
                TextField::RoleName(i) => format!("roles[{i}].name"),
                TextField::ServiceName(i) => format!("services[{i}].name"),
            }),
            _ => None,
        };
        let mut undoable = true;
        // Inputs the embedding page locked stay as it set them.
        let locked = match &action {
            Action::SetNumber { field, .. } | Action::SetValue { field, .. } => {
                self.is_locked(field)
            }
            Action::SetByKey { key, .. } => self.host.is_locked(key),
            _ => false,
        };
        if locked {
            return self;
        }
        match action {
            Action::Mirror(m) => {
                let m = *m;
                undoable = false;
                s.panel = true;
                s.presenting = m.presenting;
                s.scenario = m.scenario;
                s.origin = m.origin;
                if let Some(library) = m.library {
                    s.library = library;
                }
                s.drafts.clear();
                s.notice = None;
                s.results = None;
                s.results_scenario = None;
                // A valid scenario is computed below; the last good one only
                // matters while the page's scenario has problems.
                if let Some(good) = m.last_good.filter(|g| *g != s.scenario) {
                    s.results = Some(Rc::new(compute(&good)));
                    s.results_scenario = Some(Rc::new(good));
                }
            }
            Action::Undo => {
                undoable = false;
                if let Some(before) = s.history.past.pop() {
                    let now = self.snapshot();
                    s.history.future.push(now);
                    s.restore(&before);
                }
            }
            Action::Redo => {
                undoable = false;
                if let Some(after) = s.history.future.pop() {
                    let now = self.snapshot();
                    s.history.past.push(now);
                    s.restore(&after);
                }
            }
            Action::SetNumber { field, text } => {
                let path = field.path();
                match format::parse_input(&text, field.unit()) {
                    Ok(value) => {
                        field.set(&mut s.scenario, value);
                        mark_entered_by_user(&mut s.scenario, &field);
                        s.drafts.insert(
                            path,
                            Draft {
                                text,
                                parse_error: None,
                            },
                        );
                    }
                    Err(message) => {
                        s.drafts.insert(
                            path,
                            Draft {
                                text,
                                parse_error: Some(format!(
                                    "{}: {message}",
                                    field.full_label(&s.scenario)
                                )),
                            },
                        );
                    }
                }
            }
            Action::SetNote { key, text } => {
                let text: String = text.trim().chars().take(Limits::NOTE_CHARS).collect();
                if text.is_empty() {
                    s.scenario.notes.remove(&key);
                } else if s.scenario.notes.get(&key).is_some()
                    || !full(&mut s, self.scenario.notes.len(), Limits::NOTES, "notes")
                {
                    s.scenario.notes.insert(key, text);
                }
            }
            Action::Present(on) => {
                s.presenting = on;
                s.presented |= on;
                scenario_changed = false;
            }
            Action::ToggleSection { id, open } => {
                let mut sections: Vec<String> = s
                    .open_sections
                    .iter()
                    .filter(|s| **s != id)
                    .cloned()
                    .collect();
                if open {
                    sections.push(id);
                }
                s.open_sections = Rc::new(sections);
                scenario_changed = false;
            }
            Action::SetByKey { key, value } => {
                if let Some(field) = Field::from_key(&s.scenario, &key) {
                    field.set(&mut s.scenario, value);
                    mark_entered_by_user(&mut s.scenario, &field);
                    s.drafts.remove(&field.path());
                }
            }
            Action::SetValue { field, value } => {
                field.set(&mut s.scenario, value);
                mark_entered_by_user(&mut s.scenario, &field);
                s.drafts.remove(&field.path());
            }
            Action::SetText { field, value } => match field {
                TextField::ScenarioName => s.scenario.name = value,
                TextField::PlaceName(i) => {
                    if let Some(p) = s.scenario.places.get_mut(i) {
                        p.name = value;
                    }
                }
                TextField::RoleName(i) => {
                    if let Some(r) = s.scenario.roles.get_mut(i) {
                        r.name = value;
                    }
                }
                TextField::ServiceName(i) => {
                    if let Some(sv) = s.scenario.services.get_mut(i) {
                        sv.name = value;
                    }
                }
            },
            Action::AddPlace
                if full(&mut s, self.scenario.places.len(), Limits::PLACES, "places") => {}
            Action::AddPlace => {
                let id = fresh_id("place", |id| s.scenario.place_index(id).is_some());
                let n = s.scenario.places.len() + 1;
                s.scenario
                    .places
                    .push(Place::empty(&id, &format!("Place {n}")));
            }
            Action::RemovePlace(i) => {
                // A scenario keeps at least one place.
                if i < s.scenario.places.len() && s.scenario.places.len() > 1 {
                    let id = s.scenario.places.remove(i).id;
                    let prefix = format!("places.{id}.");
                    s.scenario.ranges.retain(|k, _| !k.starts_with(&prefix));
                    s.structural_change();
                }
            }
            Action::MovePlace { index, up } => {
                if move_item(&mut s.scenario.places, index, up) {
                    s.structural_change();
                }
            }
            Action::FillPlace { index, .. }
                if index.is_none_or(|i| i >= self.scenario.places.len())
                    && full(&mut s, self.scenario.places.len(), Limits::PLACES, "places") => {}
            Action::FillPlace { index, place } => {
                match index.and_then(|i| s.scenario.places.get_mut(i)) {
                    Some(target) => {
                        let Place {
                            name,
                            code,
                            population,
                            need_index,
                            sources,
                            ..
                        } = *place;
                        target.name = name;
                        target.code = code;
                        target.population = population;
                        target.need_index = need_index;
                        target.sources = sources;
                    }
                    None => {
                        let mut place = *place;
                        let taken = |id: &str| s.scenario.place_index(id).is_some();
                        if place.id.is_empty() || taken(&place.id) {
                            let base = place.id_base();
                            place.id = if taken(&base) {
                                fresh_id(&base, taken)
                            } else {
                                base
                            };
                        }
                        s.scenario.places.push(place);
                    }
                }
                s.structural_change();
            }
            Action::ReplacePlaces(places)
                if full(
                    &mut s,
                    places.len().saturating_sub(1),
                    Limits::PLACES,
                    "places",
                ) => {}
            Action::ReplacePlaces(places) => {
                if !places.is_empty() {
                    s.scenario.ranges.retain(|k, _| {
                        k.strip_prefix("places.").is_none_or(|rest| {
                            places.iter().any(|p| {
                                rest.strip_prefix(p.id.as_str())
                                    .is_some_and(|r| r.starts_with('.'))
                            })
                        })
                    });
                    s.scenario.places = places;
                    s.structural_change();
                }
            }
            Action::SetRoleGroup(i, group) => {
                if let Some(r) = s.scenario.roles.get_mut(i) {
                    r.group = group;
                }
            }
            Action::SetRoleSector(i, sector) => {
                if let Some(r) = s.scenario.roles.get_mut(i) {
                    r.sector = sector;
                }
            }
            Action::ToggleAge(i, band) => {
                if let Some(sv) = s.scenario.services.get_mut(i) {
                    if let Some(pos) = sv.ages.iter().position(|b| *b == band) {
                        sv.ages.remove(pos);
                    } else {
                        sv.ages.push(band);
                        crate::model::order::sort_by(&mut sv.ages, Ord::cmp);
                    }
                }
            }
            Action::SetWorkloadKind(i, kind) => {
                if let Some(sv) = s.scenario.services.get_mut(i) {
                    if sv.workload.kind() != kind {
                        sv.workload = kind.default_workload();
                        let prefix = format!("services[{i}].workload.");
                        s.drafts.retain(|p, _| !p.starts_with(&prefix));
                    }
                }
            }
            Action::AddRole if full(&mut s, self.scenario.roles.len(), Limits::ROLES, "roles") => {}
            Action::AddRole => {
                let id = fresh_id("role", |id| s.scenario.role_index(id).is_some());
                let n = s.scenario.roles.len() + 1;
                s.scenario.roles.push(Role {
                    id,
                    name: format!("New role {n}"),
                    group: Group::Registered,
                    sector: Sector::Nhs,
                    in_post_wte: 0.0,
                    vacant_wte: 0.0,
                    annual_cost: 47_810.0,
                    leaver_rate: 0.11,
                    joiners_per_year: 0.0,
                    pipeline: None,
                });
            }
            Action::RemoveRole(i) => {
                if i < s.scenario.roles.len() {
                    let id = s.scenario.roles.remove(i).id;
                    for sv in &mut s.scenario.services {
                        sv.role_mix.remove(&id);
                    }
                    let prefix = format!("roles.{id}.");
                    s.scenario.ranges.retain(|k, _| !k.starts_with(&prefix));
                    s.structural_change();
                }
            }
            Action::AddService
                if full(
                    &mut s,
                    self.scenario.services.len(),
                    Limits::SERVICES,
                    "services",
                ) => {}
            Action::AddService => {
                let id = fresh_id("service", |id| s.scenario.service_index(id).is_some());
                let n = s.scenario.services.len() + 1;
                let mut role_mix = BTreeMap::new();
                if let Some(first) = s.scenario.roles.first() {
                    role_mix.insert(first.id.clone(), 1.0);
                }
                s.scenario.services.push(Service {
                    id,
                    name: format!("New service {n}"),
                    ages: vec![AgeBand::Adults],
                    prevalence: 0.01,
                    current_coverage: 0.5,
                    target_coverage: 0.7,
                    workload: WorkloadKind::Caseload.default_workload(),
                    role_mix,
                });
            }
            Action::RemoveService(i) => {
                if i < s.scenario.services.len() {
                    let id = s.scenario.services.remove(i).id;
                    let prefix = format!("services.{id}.");
                    s.scenario.ranges.retain(|k, _| !k.starts_with(&prefix));
                    s.structural_change();
                }
            }
            Action::MoveService { index, up } => {
                if move_item(&mut s.scenario.services, index, up) {
                    s.structural_change();
                }
            }
            Action::NormaliseRoleMix(i) => {
                if let Some(sv) = s.scenario.services.get_mut(i) {
                    let sum: f64 = sv.role_mix.values().filter(|v| v.is_finite()).sum();
                    if sum > 0.0 {
                        for v in sv.role_mix.values_mut() {
                            *v = if v.is_finite() { *v / sum } else { 0.0 };
                        }
                        let prefix = format!("services[{i}].role_mix.");
                        s.drafts.retain(|p, _| !p.starts_with(&prefix));
                    }
                }
            }
            Action::AddToRoleMix { service, role } => {
                if let Some(sv) = s.scenario.services.get_mut(service) {
                    sv.role_mix.entry(role).or_insert(0.0);
                }
            }
            Action::RemoveFromRoleMix { service, role } => {
                if let Some(sv) = s.scenario.services.get_mut(service) {
                    sv.role_mix.remove(&role);
                    s.drafts
                        .remove(&format!("services[{service}].role_mix.{role}"));
                }
            }
            Action::SetRange {
                ref key,
                range: Some(_),
            } if !self.scenario.ranges.contains_key(key)
                && full(
                    &mut s,
                    self.scenario.ranges.len(),
                    Limits::RANGES,
                    "uncertainty ranges",
                ) => {}
            Action::SetRange { key, range } => match range {
                Some(r) => {
                    s.scenario.ranges.insert(key, r);
                }
                None => {
                    s.scenario.ranges.remove(&key);
                }
            },
            Action::Load {
                scenario,
                origin,
                notice,
            } => {
                s.scenario = *scenario;
                s.origin = origin;
                s.notice = notice;
                s.drafts.clear();
                s.results = None;
                s.results_scenario = None;
            }
            Action::KeepShared => {
                s.origin = Origin::Local;
                Rc::make_mut(&mut s.library).push(SavedScenario {
                    name: s.scenario.name.clone(),
                    saved_at: now_text(),
                    scenario: s.scenario.clone(),
                });
                s.notice = Some(Notice {
                    kind: NoticeKind::Success,
                    text: format!("Kept \"{}\" in your saved scenarios.", s.scenario.name),
                });
                scenario_changed = false;
            }
            Action::SaveAs(name) => {
                let name = if name.trim().is_empty() {
                    s.scenario.name.clone()
                } else {
                    name.trim().to_string()
                };
                let mut scenario = s.scenario.clone();
                scenario.name = name.clone();
                let entry = SavedScenario {
                    name: name.clone(),
                    saved_at: now_text(),
                    scenario,
                };
                let library = Rc::make_mut(&mut s.library);
                match library.iter().position(|e| e.name == name) {
                    Some(i) => library[i] = entry,
                    None => library.push(entry),
                }
                s.notice = Some(Notice {
                    kind: NoticeKind::Success,
                    text: format!("Saved \"{name}\" in this browser."),
                });
                scenario_changed = false;
            }
            Action::RenameSaved { index, name } => {
                let name = name.trim().to_string();
                let taken = s
                    .library
                    .iter()
                    .enumerate()
                    .any(|(i, e)| i != index && e.name == name);
                if name.is_empty() || taken {
                    s.notice = Some(Notice {
                        kind: NoticeKind::Error,
                        text: if taken {
                            format!("There is already a saved scenario called \"{name}\". Nothing was renamed.")
                        } else {
                            "A saved scenario needs a name. Nothing was renamed.".to_string()
                        },
                    });
                } else if let Some(e) = Rc::make_mut(&mut s.library).get_mut(index) {
                    e.name = name.clone();
                    e.scenario.name = name;
                }
                scenario_changed = false;
            }
            Action::DuplicateSaved(index) => {
                if let Some(mut copy) = s.library.get(index).cloned() {
                    let base = format!("{} (copy)", copy.name);
                    let mut name = base.clone();
                    let mut n = 2;
                    while s.library.iter().any(|e| e.name == name) {
                        name = format!("{base} {n}");
                        n += 1;
                    }
                    copy.name = name.clone();
                    copy.scenario.name = name;
                    Rc::make_mut(&mut s.library).insert(index + 1, copy);
                }
                scenario_changed = false;
            }
            Action::DeleteSaved(index) => {
                if index < s.library.len() {
                    Rc::make_mut(&mut s.library).remove(index);
                }
                scenario_changed = false;
            }
            Action::ReplaceLibrary(library) => {
                s.library = Rc::new(library);
                scenario_changed = false;
            }
            Action::LibraryStoredElsewhere { base, theirs } => {
                s.library = Rc::new(crate::io::stored::merge_library(&base, &s.library, &theirs));
                scenario_changed = false;
            }
            Action::Notify(n) => {
                s.notice = Some(n);
                scenario_changed = false;
            }
            Action::DismissNotice => {
                s.notice = None;
                scenario_changed = false;
            }
        }
        if scenario_changed {
            if undoable
                && (s.scenario != self.scenario
                    || s.drafts != self.drafts
                    || s.origin != self.origin)
            {
                s.history.record(|| self.snapshot(), typing_in);
            }
            s.recompute();
        }
        Rc::new(s)
    }
}
