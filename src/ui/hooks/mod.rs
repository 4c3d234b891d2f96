//! Browser glue, in one place: the state the app starts from (host options,
//! share link, autosave, saved scenarios; `initial_state`), where it is
//! persisted (`use_persistence`: autosave, the two-tab merge, unreadable
//! text set aside), the share link's `hashchange` (`use_share_link_listener`)
//! and the undo and redo keys (`use_undo_keys`).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::io::share::{self, Fragment};
use crate::io::stored;
use crate::model::examples::example_place;
use crate::ui::runtime::host_options::{HostOptions, View};
use crate::ui::state::{
    Action, AppState, HistoryAction, LibraryAction, Notice, NoticeKind, Origin, UiAction,
};
use crate::ui::AppHandle;

/// The browser's localStorage, or `None` where it is turned off or blocked
/// (a privacy setting, a sandboxed frame): the app then works without
/// keeping anything, and says so.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn raw_get(key: &str) -> Option<String> {
    local_storage()?.get_item(key).ok().flatten()
}

fn raw_set(key: &str, value: &str) -> Result<(), String> {
    local_storage()
        .ok_or_else(|| "this browser does not let the page store anything".to_string())?
        .set_item(key, value)
        .map_err(|_| "the browser refused to store it (storage full or disabled)".to_string())
}

/// Keep unreadable stored text under a new, timestamped backup key (the
/// newest few are kept), so a second corruption never overwrites the first.
/// The sentence to show: where it was kept, or that it could not be.
fn set_aside(key: &str, text: &str) -> String {
    let stamp = String::from(js_sys::Date::new_0().to_iso_string());
    let backup = stored::backup_key(key, &stamp);
    match raw_set(&backup, text) {
        Ok(()) => {
            if let Some(storage) = local_storage() {
                let existing: Vec<String> = (0..storage.length().unwrap_or(0))
                    .filter_map(|i| storage.key(i).ok().flatten())
                    .collect();
                for old in stored::backups_to_drop(&existing, key) {
                    let _ = storage.remove_item(&old);
                }
            }
            format!("The unreadable text was kept in this browser under \"{backup}\".")
        }
        Err(e) => format!(
            "A copy of the unreadable text could not be kept ({e}), so it will be replaced when this browser next saves."
        ),
    }
}

/// The time a scenario is saved at, as the saved scenarios list shows it
/// (the reducer reads no clock: this comes with the action).
pub fn saved_at_now() -> String {
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

fn location_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// The state the app opens with: a share link's scenario if the URL has one,
/// else the autosaved scenario, else the built-in example. Problems with
/// stored data or the link become a notice; nothing is overwritten.
/// The host page's options (`ui::runtime::host_options`): the attributes of a
/// `<workforce-gap-calculator>` element the app is mounted in, else the
/// page's query string.
pub fn host_options() -> HostOptions {
    let element = gloo::utils::document()
        .query_selector(crate::ui::ELEMENT_NAME)
        .ok()
        .flatten();
    if let Some(el) = element {
        let names = el.get_attribute_names();
        let pairs: Vec<(String, String)> = names
            .iter()
            .filter_map(|n| n.as_string())
            .map(|n| {
                let value = el.get_attribute(&n).unwrap_or_default();
                (n, value)
            })
            .collect();
        let mut options =
            HostOptions::from_pairs(pairs.iter().map(|(n, v)| (n.as_str(), v.clone())));
        options.in_element = true;
        return options;
    }
    HostOptions::from_query(
        &gloo::utils::window()
            .location()
            .search()
            .unwrap_or_default(),
    )
}

pub fn initial_state() -> AppState {
    let mut notices: Vec<String> = Vec::new();

    let library = match raw_get(stored::LIBRARY_KEY) {
        Some(text) => {
            let (library, problems) = stored::decode_library(&text);
            if !problems.is_empty() {
                notices.extend(problems);
                notices.push(set_aside(stored::LIBRARY_KEY, &text));
            }
            library
        }
        None => Vec::new(),
    };

    let mut origin = Origin::Local;
    let mut shared = None;
    match share::decode(&location_hash()) {
        Fragment::Scenario(s) => {
            shared = Some(*s);
            origin = Origin::SharedLink;
        }
        Fragment::Broken(message) => notices.push(format!(
            "{message} Your own scenario has been opened instead."
        )),
        Fragment::None => {}
    }

    let scenario = match shared {
        Some(s) => s,
        None => match raw_get(stored::CURRENT_KEY) {
            Some(text) => match stored::decode_current(&text) {
                Ok(s) => s,
                Err(message) => {
                    notices.push(format!(
                        "{message} The built-in example is open instead. {}",
                        set_aside(stored::CURRENT_KEY, &text)
                    ));
                    example_place()
                }
            },
            None => example_place(),
        },
    };

    if local_storage().is_none() {
        notices.push(
            "This browser does not let the calculator keep anything (storage is turned off or blocked): your work will be lost when you close the page. Use \"Export scenario (JSON)\" to keep it."
                .to_string(),
        );
    }

    let mut state = AppState::new(scenario, library);
    let host = host_options();
    if !host.unknown.is_empty() {
        web_sys::console::warn_1(
            &format!(
                "Mental Health Workforce Gap Calculator: options not understood: {}",
                host.unknown.join(", ")
            )
            .into(),
        );
    }
    if host.view == View::Present {
        state.presenting = true;
        state.presented = true;
    }
    state.host = std::rc::Rc::new(host);
    state.origin = origin.clone();
    state.notice = if !notices.is_empty() {
        Some(Notice {
            kind: NoticeKind::Error,
            text: notices.join(" "),
        })
    } else if origin == Origin::SharedLink {
        Some(shared_notice(&state.scenario.name))
    } else {
        None
    };
    state
}

pub fn shared_notice(name: &str) -> Notice {
    Notice {
        kind: NoticeKind::Info,
        text: format!(
            "You opened a shared scenario, \"{name}\". Your saved scenarios are untouched, and changes here are not saved until you keep it."
        ),
    }
}

/// How long after the last change the scenario is autosaved: long enough
/// that a word typed or a lever dragged is one write, short enough that a
/// crash loses at most the last half second (closing or hiding the page
/// writes at once).
pub const AUTOSAVE_AFTER_MS: u32 = 500;

/// Write `app`'s scenario as the autosave (see [`use_persistence`]).
fn save_current(app: AppHandle) {
    if let Err(e) = raw_set(stored::CURRENT_KEY, &app.scenario.to_json_pretty()) {
        let text = format!(
            "Autosave failed: {e}. Your changes are still here; use \"Export scenario (JSON)\" to keep them."
        );
        // Said once: the notice itself is a change of state, and saying it
        // again would loop.
        if app.notice.as_ref().map(|n| &n.text) != Some(&text) {
            app.dispatch(Action::Ui(UiAction::Notify(Notice {
                kind: NoticeKind::Error,
                text,
            })));
        }
    }
}

/// Write what `unsaved` still holds, now (the page is hidden or closed, or
/// the app taken down).
fn write_unsaved(unsaved: &RefCell<Option<AppHandle>>) {
    let app = unsaved.take();
    if let Some(app) = app {
        save_current(app);
    }
}

/// The saved scenarios as stored now (empty when none or unreadable).
fn stored_library() -> Vec<stored::SavedScenario> {
    raw_get(stored::LIBRARY_KEY)
        .map(|text| stored::decode_library(&text).0)
        .unwrap_or_default()
}

/// Save the scenario on every valid change (unless it came from a share link
/// and has not been kept), and the saved scenarios whenever they change.
///
/// The scenario the page opened with is written at once (in the next task);
/// after that, each change [`AUTOSAVE_AFTER_MS`] after the last one, the
/// latest valid state only: a burst of keystrokes or a lever dragged across
/// the room's screen is one write, not one a frame (a write was a tenth of
/// a presentation lever's work on a slow laptop, issue 17), and the
/// headline always paints first. What is still to write is written at once
/// when the page is hidden or closed, or the app is taken down.
///
/// Another tab of the same calculator may save too: before writing, the
/// stored list is re-read and merged with this tab's changes
/// ([`stored::merge_library`]), and a `storage` event (another tab wrote)
/// merges its list into this one, so neither tab's saves are lost.
#[hook]
pub fn use_persistence(app: &AppHandle) {
    // The list as this tab last read or wrote it: the base of each merge.
    let base = use_mut_ref(|| (*app.library).clone());
    // The latest valid state not written yet, and the timer that writes it.
    let unsaved: Rc<RefCell<Option<AppHandle>>> = use_mut_ref(|| None);
    let timer: Rc<RefCell<Option<gloo::timers::callback::Timeout>>> = use_mut_ref(|| None);
    {
        let unsaved = unsaved.clone();
        use_effect_with((), move |_| {
            let write = {
                let unsaved = unsaved.clone();
                move |_: &Event| write_unsaved(&unsaved)
            };
            let hidden = gloo::events::EventListener::new(
                &gloo::utils::document(),
                "visibilitychange",
                write.clone(),
            );
            let closed =
                gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", write);
            move || {
                drop((hidden, closed));
                write_unsaved(&unsaved);
            }
        });
    }
    {
        let (app, unsaved) = (app.clone(), unsaved.clone());
        use_effect_with(app.revision, move |_| {
            // Without storage there is nothing to save into (said at start).
            if app.origin == Origin::Local && !app.has_errors() && local_storage().is_some() {
                // The state the page opened with at once (what was stored,
                // upgraded, or the example in place of stored text that
                // could not be read and was set aside); a change after the
                // pause.
                let after = if app.revision == 0 {
                    0
                } else {
                    AUTOSAVE_AFTER_MS
                };
                *unsaved.borrow_mut() = Some(app);
                // A new timer in place of the last cancels it.
                let unsaved = unsaved.clone();
                *timer.borrow_mut() =
                    Some(gloo::timers::callback::Timeout::new(after, move || {
                        write_unsaved(&unsaved)
                    }));
            }
        });
    }
    {
        let library = app.library.clone();
        let app = app.clone();
        let base = base.clone();
        use_effect_with(library, move |library| {
            if local_storage().is_none() {
                return;
            }
            let merged = stored::merge_library(&base.borrow(), library, &stored_library());
            if let Err(e) = raw_set(stored::LIBRARY_KEY, &stored::encode_library(&merged)) {
                app.dispatch(Action::Ui(UiAction::Notify(Notice {
                    kind: NoticeKind::Error,
                    text: format!("Your saved scenarios could not be stored: {e}."),
                })));
            }
            *base.borrow_mut() = merged.clone();
            if merged != **library {
                app.dispatch(Action::Library(LibraryAction::Replace(merged)));
            }
        });
    }
    {
        let app = app.clone();
        use_effect_with((), move |_| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "storage", move |e| {
                    use wasm_bindgen::JsCast;
                    let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                        return;
                    };
                    if e.key().as_deref() == Some(stored::LIBRARY_KEY) {
                        let theirs = e
                            .new_value()
                            .map(|text| stored::decode_library(&text).0)
                            .unwrap_or_default();
                        let old_base = base.replace(theirs.clone());
                        app.dispatch(Action::Library(LibraryAction::StoredElsewhere {
                            base: old_base,
                            theirs,
                        }));
                    }
                });
            move || drop(listener)
        });
    }
}

/// A share link pasted into this tab's address bar (a `hashchange`) opens
/// like a fresh one.
#[hook]
pub fn use_share_link_listener(app: &AppHandle) {
    let app = app.clone();
    use_effect_with((), move |_| {
        let listener =
            gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                match share::decode(&location_hash()) {
                    Fragment::Scenario(s) => {
                        let name = s.name.clone();
                        app.dispatch(Action::Library(LibraryAction::Load {
                            scenario: s,
                            origin: Origin::SharedLink,
                            notice: Some(shared_notice(&name)),
                        }));
                    }
                    Fragment::Broken(message) => {
                        app.dispatch(Action::Ui(UiAction::Notify(Notice {
                            kind: NoticeKind::Error,
                            text: format!("{message} Nothing was changed."),
                        })))
                    }
                    Fragment::None => {}
                }
            });
        move || drop(listener)
    });
}

/// Remove the share fragment from the address bar without reloading.
pub fn clear_location_hash() {
    let window = gloo::utils::window();
    if let (Ok(history), Ok(path), Ok(search)) = (
        window.history(),
        window.location().pathname(),
        window.location().search(),
    ) {
        let _ = history.replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}{search}")),
        );
    }
}

/// Ctrl+Z (or Cmd+Z) undoes the last edit of the scenario; Ctrl+Shift+Z or
/// Ctrl+Y redoes it, wherever the focus is, except in text boxes that are
/// not scenario inputs (the name to save under, the area search), which
/// keep the browser's own undo. P (outside text boxes) turns presentation
/// mode on.
#[hook]
pub fn use_undo_keys(app: &AppHandle) {
    let app = app.clone();
    use_effect_with((), move |_| {
        // Not passive: the browser's own undo must be stopped.
        let options = gloo::events::EventListenerOptions::enable_prevent_default();
        let document = gloo::utils::document();
        let listener = gloo::events::EventListener::new_with_options(
            &document,
            "keydown",
            options,
            move |e| {
                use wasm_bindgen::JsCast;
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                let target = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                // P turns presentation mode on, unless the key is typed
                // into a box (the mode itself handles its own keys).
                if !(e.ctrl_key() || e.meta_key() || e.alt_key())
                    && e.key().eq_ignore_ascii_case("p")
                {
                    let typing = target.as_ref().is_some_and(|el| {
                        let kind = el.get_attribute("type").unwrap_or_default();
                        matches!(el.tag_name().as_str(), "TEXTAREA" | "SELECT")
                            || (el.tag_name() == "INPUT"
                                && !matches!(
                                    kind.as_str(),
                                    "range" | "checkbox" | "radio" | "button"
                                ))
                            || el.closest("#presentation").ok().flatten().is_some()
                    });
                    if !typing {
                        app.dispatch(Action::Ui(UiAction::Present(true)));
                    }
                    return;
                }
                if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
                    return;
                }
                let action = match (e.key().to_ascii_lowercase().as_str(), e.shift_key()) {
                    ("z", false) => Action::History(HistoryAction::Undo),
                    ("z", true) | ("y", false) => Action::History(HistoryAction::Redo),
                    _ => return,
                };
                if let Some(el) = target {
                    let text_box = matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA");
                    if text_box && !el.id().starts_with("f-") {
                        return;
                    }
                }
                e.prevent_default();
                app.dispatch(action);
            },
        );
        move || drop(listener)
    });
}

/// False for the first render, true from just after the first paint: the
/// page renders what its first screen shows first (the scenarios, the top of
/// the area card, the results and their headline), and the rest in the next
/// task, so the headline paints sooner on a slow laptop (issue 17). A page
/// opened in a background tab or a hidden frame, which gets no frames,
/// renders the rest when it is first shown.
///
/// Once the whole page has painted, [`RENDERED_ATTRIBUTE`] on `<html>` says
/// so to the page's own scripts. `www/offline.js` registers the service
/// worker then, not at the page's `load` event: its first install downloads
/// every file of the build (about 1.5 MB gzip), and `load` comes long before
/// the page's WebAssembly has arrived (fetched, it does not hold `load`
/// back), so on a slow network the two downloads shared the line.
#[hook]
pub fn use_after_first_paint() -> bool {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            after_next_paint(move || {
                painted.set(true);
                // The rest renders in this task; this runs after it has painted.
                after_next_paint(|| {
                    if let Some(html) = gloo::utils::document().document_element() {
                        let _ = html.set_attribute(RENDERED_ATTRIBUTE, "");
                    }
                });
            })
        });
    }
    *painted
}

/// Keep `value` as the latest in `latest` and, unless a run is already
/// waiting, run `then` with whatever is latest just after the page's next
/// paint: a burst of changes costs one run (the autosave, a panel's mirror).
pub fn latest_after_next_paint<T: 'static>(
    latest: &Rc<RefCell<Option<T>>>,
    value: T,
    then: impl FnOnce(T) + 'static,
) {
    if latest.replace(Some(value)).is_none() {
        let latest = latest.clone();
        after_next_paint(move || {
            let value = latest.take();
            if let Some(value) = value {
                then(value);
            }
        });
    }
}

/// The attribute on `<html>` that says the whole page has painted
/// ([`use_after_first_paint`]; `www/offline.js` waits for it).
pub const RENDERED_ATTRIBUTE: &str = "data-calculator-rendered";

/// Run `then` in a task just after the page's next paint: a frame, then a
/// task.
pub fn after_next_paint(then: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, then).forget();
    });
    let _ = gloo::utils::window().request_animation_frame(after_frame.unchecked_ref());
}

/// `value` one frame behind: a part of the view that shows what this
/// returns repaints one frame after the rest (with the latest value only,
/// however many changes came between). The first render has it at once.
/// For presentation mode's chart (issue 17): an SVG chart's layout is as
/// long as the rest of a lever's, so the lever's own frame carries the
/// figures the room is watching, and the chart follows at the start of the
/// next frame. (The page's chart by role does not: there the next
/// keystroke's frame, when keys come back to back, paid for the chart
/// instead. On a slow machine it waits for a pause in typing:
/// [`use_after_pause_if`], docs/performance.md.)
#[hook]
pub fn use_one_frame_behind<T: PartialEq + 'static>(value: T) -> Rc<T> {
    // What the view shows, and the value it will show next frame. Compared
    // and scheduled as the component renders: a state hook and an effect
    // for each type cost over twice the code (1.5 KB gzip when the page's
    // chart by role used it).
    struct Behind<T> {
        shown: Rc<T>,
        next: Option<T>,
    }
    let behind = use_mut_ref(|| None::<Behind<T>>);
    let redraw = use_force_update();
    let mut slot = behind.borrow_mut();
    match &mut *slot {
        None => {
            *slot = Some(Behind {
                shown: Rc::new(value),
                next: None,
            })
        }
        Some(b) if *b.shown == value => b.next = None,
        Some(b) => {
            if b.next.replace(value).is_none() {
                let behind = behind.clone();
                in_frame_after_next(move || {
                    if let Some(b) = &mut *behind.borrow_mut() {
                        if let Some(next) = b.next.take() {
                            b.shown = Rc::new(next);
                            redraw.force_update();
                        }
                    }
                });
            }
        }
    }
    slot.as_ref().map(|b| b.shown.clone()).expect("set above")
}

/// How fast the page's renders have been lately: a slow machine's, or a
/// fast one's. What a slow machine is spared: see [`use_after_pause_if`].
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct RenderPace {
    /// Renders timed so far.
    count: u32,
    /// Their time, smoothed (ms).
    smoothed_ms: f64,
    slow: bool,
}

impl RenderPace {
    /// A render (smoothed) longer than this marks a slow machine...
    pub const SLOW_MS: f64 = 5.0;
    /// ...and one shorter than this a fast one again. Between the two
    /// nothing changes, so renders made shorter by what a slow machine is
    /// spared do not flip it back. Measured on this project's machine, a
    /// keystroke's render (median, 90th percentile): 1.3 and 1.9 ms; at 4x
    /// CPU throttling 8 ms with the chart by role, 3 to 4 ms without.
    pub const FAST_MS: f64 = 2.5;

    /// After a render that took `took_ms`. The first two (the first
    /// screen, then the whole page) do not count: they are long on any
    /// machine. One render counts for a quarter, and at most twice
    /// [`Self::SLOW_MS`] (one long pause is not a slow machine).
    pub fn after(self, took_ms: f64) -> Self {
        let took = took_ms.clamp(0.0, 2.0 * Self::SLOW_MS);
        let smoothed_ms = match self.count {
            0 | 1 => self.smoothed_ms,
            2 => took,
            _ => 0.75 * self.smoothed_ms + 0.25 * took,
        };
        let slow = if self.slow {
            smoothed_ms > Self::FAST_MS
        } else {
            self.count > 2 && smoothed_ms > Self::SLOW_MS
        };
        RenderPace {
            count: self.count.saturating_add(1),
            smoothed_ms,
            slow,
        }
    }

    pub fn slow(&self) -> bool {
        self.slow
    }
}

thread_local! {
    static RENDER_PACE: std::cell::Cell<RenderPace> = std::cell::Cell::new(RenderPace::default());
}

/// Times the page's renders ([`RenderPace`]): from the start of the app's
/// render to its effects, which run once every part it changed has
/// rendered.
#[hook]
pub fn use_render_timer() {
    let now = || gloo::utils::window().performance().map_or(0.0, |p| p.now());
    let start = now();
    use_effect(move || {
        let took = now() - start;
        RENDER_PACE.with(|pace| pace.set(pace.get().after(took)));
    });
}

/// Whether the page's renders have been a slow machine's lately.
pub fn renders_are_slow() -> bool {
    RENDER_PACE.with(|pace| pace.get().slow())
}

/// How long typing must pause before a part shown [`use_after_pause_if`]
/// catches up.
pub const PAUSE_MS: u32 = 200;

/// `value`, or while `lag`, the value it had when changes last paused for
/// [`PAUSE_MS`]: a part of the view that shows what this returns repaints
/// once a burst of keystrokes ends, not on each. The first render has it
/// at once, and so does every render while `lag` is false.
#[hook]
pub fn use_after_pause_if<T: PartialEq + 'static>(value: T, lag: bool) -> Rc<T> {
    struct Paused<T> {
        shown: Rc<T>,
        next: Option<T>,
        timer: Option<gloo::timers::callback::Timeout>,
    }
    let paused = use_mut_ref(|| None::<Paused<T>>);
    let redraw = use_force_update();
    let mut slot = paused.borrow_mut();
    match &mut *slot {
        None => {
            *slot = Some(Paused {
                shown: Rc::new(value),
                next: None,
                timer: None,
            })
        }
        Some(p) if *p.shown == value => {
            p.next = None;
            p.timer = None;
        }
        Some(p) if !lag => {
            p.shown = Rc::new(value);
            p.next = None;
            p.timer = None;
        }
        Some(p) => {
            p.next = Some(value);
            // A new timer in place of the last cancels it.
            // Weak: the timer lives in what it points to.
            let paused = Rc::downgrade(&paused);
            p.timer = Some(gloo::timers::callback::Timeout::new(PAUSE_MS, move || {
                let Some(paused) = paused.upgrade() else {
                    return;
                };
                let mut slot = paused.borrow_mut();
                if let Some(p) = &mut *slot {
                    if let Some(next) = p.next.take() {
                        p.shown = Rc::new(next);
                        redraw.force_update();
                    }
                }
            }));
        }
    }
    slot.as_ref().map(|p| p.shown.clone()).expect("set above")
}

/// Run `then` at the start of the frame after the next one (two animation
/// frames): what it renders paints one frame after what the current task
/// rendered.
fn in_frame_after_next(then: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let second = wasm_bindgen::closure::Closure::once_into_js(then);
    let first = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = gloo::utils::window().request_animation_frame(second.unchecked_ref());
    });
    let _ = gloo::utils::window().request_animation_frame(first.unchecked_ref());
}

#[cfg(test)]
mod tests {
    use super::RenderPace;

    fn after(renders: &[f64]) -> RenderPace {
        renders
            .iter()
            .fold(RenderPace::default(), |pace, &took| pace.after(took))
    }

    #[test]
    fn a_fast_machine_is_never_slow_and_its_first_two_renders_do_not_count() {
        assert!(!after(&[120.0, 40.0, 1.3, 1.1, 1.9, 1.4, 1.2, 2.4, 1.3]).slow());
        assert!(!after(&[120.0, 40.0]).slow());
    }

    #[test]
    fn renders_of_a_slow_machine_mark_it_slow() {
        assert!(after(&[200.0, 90.0, 8.0, 7.5, 9.0]).slow());
    }

    #[test]
    fn one_long_render_is_not_a_slow_machine() {
        assert!(!after(&[120.0, 40.0, 1.3, 1.3, 400.0, 1.3]).slow());
    }

    #[test]
    fn a_slow_machine_stays_slow_while_its_renders_are_shorter_for_what_it_is_spared() {
        // Slow, then renders of 3 to 4.5 ms (the chart no longer in them).
        let slow = after(&[
            200.0, 90.0, 8.0, 8.0, 8.0, 3.5, 4.0, 3.0, 4.2, 3.8, 3.1, 4.5, 3.2,
        ]);
        assert!(slow.slow());
        // Renders of a fast machine again: fast.
        let fast = [1.3; 8].iter().fold(slow, |pace, &took| pace.after(took));
        assert!(!fast.slow());
    }
}
