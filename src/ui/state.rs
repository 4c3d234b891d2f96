//! The app's one reducer: plain data, an [`Action`] enum and `impl Reducible`.
//!
//! Scenario edits are the model's ([`crate::model::edit`]); this module adds
//! what the app keeps around them: the text as typed, undo and redo, the
//! saved scenarios, notices and what the page shows.
//!
//! The scenario here is what the user has typed so far (it may be invalid).
//! Results are recomputed on every change that leaves the scenario valid;
//! otherwise the last good results stay, marked stale.

use std::rc::Rc;

use yew::Reducible;

use crate::format;
pub use crate::io::stored::SavedScenario;
use crate::model::edit::{self, Refused, Typed};
pub use crate::model::edit::{Edit, TextField, ENTERED_BY_YOU};
use crate::model::field::Field;
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

    /// Follow what an edit did to the typed text.
    fn follow(&mut self, typed: Typed) {
        match typed {
            Typed::Unchanged => {}
            Typed::Keep {
                path,
                text,
                problem,
            } => self.insert(
                path,
                Draft {
                    text,
                    parse_error: problem,
                },
            ),
            Typed::Forget(path) => self.remove(&path),
            Typed::ForgetUnder(prefix) => self.retain(|p, _| !p.starts_with(&prefix)),
            Typed::ForgetAll => self.clear(),
            Typed::Many(all) => all.into_iter().for_each(|t| self.follow(t)),
        }
    }
}

/// What some inputs show of the state besides their values
/// ([`AppState::marks_under`]): their typed text, their problems, and which
/// of them the host page locked.
#[derive(Debug, PartialEq)]
pub struct Marks {
    drafts: Vec<(String, Draft)>,
    errors: Vec<InputError>,
    host: Rc<crate::ui::runtime::host_options::HostOptions>,
}

impl Marks {
    /// Whether one of the inputs has a problem (text that is not a number,
    /// or a value the model refuses).
    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty() || self.drafts.iter().any(|(_, d)| d.parse_error.is_some())
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

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Shared with the undo history and the results it was computed for:
    /// an edit copies the scenario once (`Rc::make_mut`), not three times.
    pub scenario: Rc<Scenario>,
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

/// The open-section id of a service's full card (the services table).
pub fn service_card_section(service_id: &str) -> String {
    format!("service-card-{service_id}")
}

/// The open-section id of a role's details (the staff table); also the id
/// of the row that holds them.
pub fn role_details_section(role_id: &str) -> String {
    format!("role-details-{role_id}")
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
    scenario: Rc<Scenario>,
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
            scenario: Rc::new(scenario),
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

    /// The typed text and the problems of the inputs under `prefix`
    /// (`roles[2]`, `working_time`), and the host's locks: with its slice of
    /// the scenario, what a part of the page shows of the state
    /// ([`crate::ui::shared::memo`]).
    pub fn marks_under(&self, prefix: &str) -> Marks {
        let under = |p: &str| {
            p.strip_prefix(prefix)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        };
        Marks {
            drafts: self
                .drafts
                .iter()
                .filter(|(p, _)| under(p))
                .map(|(p, d)| (p.clone(), d.clone()))
                .collect(),
            errors: self
                .errors
                .iter()
                .filter(|e| under(&e.path) || e.involves.iter().any(|p| under(p)))
                .cloned()
                .collect(),
            host: self.host.clone(),
        }
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
            self.results_scenario = Some(self.scenario.clone());
            self.stale = false;
        }
    }

    /// Record an undo step for a change from `before`, when there is one.
    fn record_step_from(&mut self, before: &AppState, typing_in: Option<String>) {
        // The same `Rc` when the change did not touch the scenario.
        let scenario_changed =
            !Rc::ptr_eq(&self.scenario, &before.scenario) && self.scenario != before.scenario;
        if scenario_changed || self.drafts != before.drafts || self.origin != before.origin {
            self.history.record(|| before.snapshot(), typing_in);
        }
    }

    /// Whether the embedding page locked the input this edit sets (it stays
    /// as the page set it).
    fn edit_is_locked(&self, edit: &Edit) -> bool {
        match edit {
            Edit::SetNumber { field, .. } | Edit::SetValue { field, .. } => self.is_locked(field),
            Edit::SetByKey { key, .. } => self.host.is_locked(key),
            _ => false,
        }
    }

    fn apply_edit(&mut self, change: Edit) {
        match edit::apply(Rc::make_mut(&mut self.scenario), change) {
            Ok(typed) => self.drafts.follow(typed),
            Err(Refused(text)) => {
                self.notice = Some(Notice {
                    kind: NoticeKind::Error,
                    text,
                })
            }
        }
    }

    /// Open a scenario in place of this one.
    fn load(&mut self, scenario: Scenario, origin: Origin, notice: Option<Notice>) {
        self.scenario = Rc::new(scenario);
        self.origin = origin;
        self.notice = notice;
        self.drafts.clear();
        self.results = None;
        self.results_scenario = None;
    }

    /// Undo or redo; `before` is the state the step starts from.
    fn step(&mut self, before: &AppState, step: HistoryAction) {
        let (from, to) = match step {
            HistoryAction::Undo => (&mut self.history.past, &mut self.history.future),
            HistoryAction::Redo => (&mut self.history.future, &mut self.history.past),
        };
        if let Some(snapshot) = from.pop() {
            to.push(before.snapshot());
            self.restore(&snapshot);
        }
    }

    /// Take the page's state into this panel's mirror of it.
    fn mirror(&mut self, m: MirrorState) {
        self.panel = true;
        self.presenting = m.presenting;
        self.scenario = Rc::new(m.scenario);
        self.origin = m.origin;
        if let Some(library) = m.library {
            self.library = library;
        }
        self.drafts.clear();
        self.notice = None;
        self.results = None;
        self.results_scenario = None;
        // A valid scenario is computed next; the last good one only
        // matters while the page's scenario has problems.
        if let Some(good) = m.last_good.filter(|g| *g != *self.scenario) {
            self.results = Some(Rc::new(compute(&good)));
            self.results_scenario = Some(Rc::new(good));
        }
    }

    /// A change of the saved scenarios, or of where the scenario comes from.
    fn library_change(&mut self, action: LibraryAction) {
        match action {
            LibraryAction::Load {
                scenario,
                origin,
                notice,
            } => self.load(*scenario, origin, notice),
            LibraryAction::KeepShared { saved_at } => {
                self.origin = Origin::Local;
                Rc::make_mut(&mut self.library).push(SavedScenario {
                    name: self.scenario.name.clone(),
                    saved_at,
                    scenario: (*self.scenario).clone(),
                });
                self.notice = Some(Notice {
                    kind: NoticeKind::Success,
                    text: format!("Kept \"{}\" in your saved scenarios.", self.scenario.name),
                });
            }
            LibraryAction::SaveAs { name, saved_at } => {
                let name = if name.trim().is_empty() {
                    self.scenario.name.clone()
                } else {
                    name.trim().to_string()
                };
                let mut scenario = (*self.scenario).clone();
                scenario.name = name.clone();
                let entry = SavedScenario {
                    name: name.clone(),
                    saved_at,
                    scenario,
                };
                let library = Rc::make_mut(&mut self.library);
                match library.iter().position(|e| e.name == name) {
                    Some(i) => library[i] = entry,
                    None => library.push(entry),
                }
                self.notice = Some(Notice {
                    kind: NoticeKind::Success,
                    text: format!("Saved \"{name}\" in this browser."),
                });
            }
            LibraryAction::RenameSaved { index, name } => {
                let name = name.trim().to_string();
                let taken = self
                    .library
                    .iter()
                    .enumerate()
                    .any(|(i, e)| i != index && e.name == name);
                if name.is_empty() || taken {
                    self.notice = Some(Notice {
                        kind: NoticeKind::Error,
                        text: if taken {
                            format!("There is already a saved scenario called \"{name}\". Nothing was renamed.")
                        } else {
                            "A saved scenario needs a name. Nothing was renamed.".to_string()
                        },
                    });
                } else if let Some(e) = Rc::make_mut(&mut self.library).get_mut(index) {
                    e.name = name.clone();
                    e.scenario.name = name;
                }
            }
            LibraryAction::DuplicateSaved(index) => {
                if let Some(mut copy) = self.library.get(index).cloned() {
                    let base = format!("{} (copy)", copy.name);
                    let mut name = base.clone();
                    let mut n = 2;
                    while self.library.iter().any(|e| e.name == name) {
                        name = format!("{base} {n}");
                        n += 1;
                    }
                    copy.name = name.clone();
                    copy.scenario.name = name;
                    Rc::make_mut(&mut self.library).insert(index + 1, copy);
                }
            }
            LibraryAction::DeleteSaved(index) => {
                if index < self.library.len() {
                    Rc::make_mut(&mut self.library).remove(index);
                }
            }
            LibraryAction::Replace(library) => {
                self.library = Rc::new(library);
            }
            LibraryAction::StoredElsewhere { base, theirs } => {
                self.library = Rc::new(crate::io::stored::merge_library(
                    &base,
                    &self.library,
                    &theirs,
                ));
            }
        }
    }

    /// A change of what the page shows (the scenario and the saved
    /// scenarios stay).
    fn ui(&mut self, action: UiAction) {
        match action {
            UiAction::Present(on) => {
                self.presenting = on;
                self.presented |= on;
            }
            UiAction::ToggleSection { id, open } => {
                let mut sections: Vec<String> = self
                    .open_sections
                    .iter()
                    .filter(|s| **s != id)
                    .cloned()
                    .collect();
                if open {
                    sections.push(id);
                }
                self.open_sections = Rc::new(sections);
            }
            UiAction::Notify(n) => self.notice = Some(n),
            UiAction::DismissNotice => self.notice = None,
        }
    }
}

/// Everything that changes the app's state, by what it changes. What
/// follows is decided by that: an [`Action::Edit`] or a load is one undo
/// step (keystrokes in one input make one) and the results are recomputed;
/// undo, redo and a panel's mirror are recomputed without a step; the
/// saved scenarios and what the page shows change nothing the results
/// depend on. The time a scenario is saved at comes with the action: the
/// reducer reads no clock.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// An edit of the scenario ([`crate::model::edit`]).
    Edit(Edit),
    History(HistoryAction),
    Library(LibraryAction),
    Ui(UiAction),
    /// The page's state, sent to a lazily loaded panel's mirror of it.
    Mirror(Box<MirrorState>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HistoryAction {
    /// Take back the last edit of the scenario.
    Undo,
    /// Do again what was undone.
    Redo,
}

/// Where the scenario comes from, and the saved scenarios.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryAction {
    /// Replace the whole scenario (built-in, import, saved, reset, a share
    /// link): an undo step, like an edit.
    Load {
        scenario: Box<Scenario>,
        origin: Origin,
        notice: Option<Notice>,
    },
    /// Keep a scenario opened from a share link: autosave resumes.
    KeepShared {
        saved_at: String,
    },
    /// Save the scenario under `name` (the scenario's own name if blank).
    SaveAs {
        name: String,
        saved_at: String,
    },
    RenameSaved {
        index: usize,
        name: String,
    },
    DuplicateSaved(usize),
    DeleteSaved(usize),
    /// The saved scenarios as merged with what another tab stored.
    Replace(Vec<SavedScenario>),
    /// Another tab stored its saved scenarios (`theirs`); `base` is the list
    /// as this tab last read or wrote it. Merged with this tab's list.
    StoredElsewhere {
        base: Vec<SavedScenario>,
        theirs: Vec<SavedScenario>,
    },
}

/// What the page shows: no undo step, the scenario unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum UiAction {
    /// A section that builds its body only when open was opened or closed
    /// by the reader.
    ToggleSection {
        id: String,
        open: bool,
    },
    /// Presentation mode on or off.
    Present(bool),
    Notify(Notice),
    DismissNotice,
}

impl From<Edit> for Action {
    fn from(edit: Edit) -> Action {
        Action::Edit(edit)
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
        if matches!(&action, Action::Edit(edit) if self.edit_is_locked(edit)) {
            return self;
        }
        let mut s = (*self).clone();
        s.revision += 1;
        match action {
            Action::Edit(edit) => {
                let typing_in = edit.typing_in();
                let adds_service = matches!(edit, Edit::AddService);
                s.apply_edit(edit);
                // A service just added shows its full card, to be filled in.
                if let Some(added) = s.scenario.services.last().filter(|_| adds_service) {
                    let section = service_card_section(&added.id);
                    if !s.open_sections.contains(&section) {
                        Rc::make_mut(&mut s.open_sections).push(section);
                    }
                }
                s.record_step_from(&self, typing_in);
                s.recompute();
            }
            Action::Library(action) => {
                let opens = matches!(action, LibraryAction::Load { .. });
                s.library_change(action);
                if opens {
                    s.record_step_from(&self, None);
                    s.recompute();
                }
            }
            Action::History(step) => {
                s.step(&self, step);
                s.recompute();
            }
            Action::Mirror(m) => {
                s.mirror(*m);
                s.recompute();
            }
            Action::Ui(action) => s.ui(action),
        }
        Rc::new(s)
    }
}
