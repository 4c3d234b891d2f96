//! The panels module's side of the lazily loaded panels
//! (`src/bin/panels.rs` publishes [`mount`] and [`update`] to the page).
//!
//! Each panel is a Yew app of its own over a mirror of the page's state
//! ([`crate::ui::runtime::bridge`]): the panel's components are the same ones, reading
//! [`AppHandle`] from context; what they change in the page they send with
//! [`crate::ui::runtime::bridge::use_panel_dispatch`] (a [`PanelAction`]), and the
//! page's reducer applies it and sends the mirror again.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::panels::{
    about::about, analysis::Analysis, area_picker::AreaPicker, compare::CompareSection,
    embed_snippet::EmbedSnippet, explain::CardExplanation, presentation::Presentation,
    ranges::RangesEditor, share_export::ShareExport, sources::SourcesPanel,
    staff_import::StaffImport,
};
use crate::ui::runtime::bridge::{
    decode_mirror, encode_panel_action, Panel, PanelAction, PanelDispatch,
};
use crate::ui::state::{Action, AppState, MirrorState};
use crate::ui::AppHandle;

/// One mounted panel: the mirror it was last sent, and (once its app has
/// rendered) the dispatcher that takes the next one.
struct Mounted {
    mirror: Rc<RefCell<MirrorState>>,
    dispatcher: Option<UseReducerDispatcher<AppState>>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

#[derive(Properties, Clone)]
pub struct PanelAppProps {
    pub panel: Panel,
    pub handle: usize,
    pub mirror: Rc<RefCell<MirrorState>>,
    /// Where the panel's changes go: the page that mounted it.
    pub to_page: PanelDispatch,
}

impl PartialEq for PanelAppProps {
    fn eq(&self, other: &Self) -> bool {
        self.panel == other.panel && self.handle == other.handle
    }
}

#[function_component(PanelApp)]
pub fn panel_app(props: &PanelAppProps) -> Html {
    let app: AppHandle = use_reducer({
        let first = props.mirror.borrow().clone();
        move || {
            let mut blank = AppState::new(first.scenario.clone(), Vec::new());
            blank.host = Rc::new(crate::ui::hooks::host_options());
            let blank = Rc::new(blank);
            let mirrored = yew::Reducible::reduce(blank, Action::Mirror(Box::new(first)));
            Rc::try_unwrap(mirrored).unwrap_or_else(|rc| (*rc).clone())
        }
    });
    {
        // Register, then take any mirror that arrived before the first render.
        let (handle, dispatcher, mirror) = (props.handle, app.dispatcher(), props.mirror.clone());
        let panel = props.panel.clone();
        use_effect_with((), move |_| {
            MOUNTED.with(|m| {
                if let Some(entry) = m.borrow_mut().get_mut(handle) {
                    entry.dispatcher = Some(dispatcher.clone());
                }
            });
            dispatcher.dispatch(Action::Mirror(Box::new(mirror.borrow().clone())));
            if panel == Panel::AreaPicker {
                if let Some(input) = gloo::utils::document().get_element_by_id("area-search") {
                    use wasm_bindgen::JsCast;
                    if let Ok(input) = input.dyn_into::<web_sys::HtmlElement>() {
                        let _ = input.focus();
                    }
                }
            }
        });
    }
    let body = match &props.panel {
        Panel::AreaPicker => html! { <AreaPicker /> },
        Panel::Analysis => html! { <Analysis /> },
        Panel::StaffImport => html! { <StaffImport /> },
        Panel::Ranges => html! { <RangesEditor /> },
        Panel::Presentation => html! { <Presentation /> },
        Panel::Embed => embed_panel(),
        Panel::Explain { role, id } => html! { <CardExplanation role={*role} id={id.clone()} /> },
        Panel::More => html! {
            <>
                <CompareSection />
                <ShareExport />
                <EmbedSnippet />
                <SourcesPanel />
                { about() }
            </>
        },
    };
    html! {
        <ContextProvider<AppHandle> context={app}>
            <ContextProvider<PanelDispatch> context={props.to_page.clone()}>
                { body }
            </ContextProvider<PanelDispatch>>
        </ContextProvider<AppHandle>>
    }
}

#[cfg(target_arch = "wasm32")]
fn embed_panel() -> Html {
    html! { <crate::ui::runtime::embed::EmbedBridge /> }
}

#[cfg(not(target_arch = "wasm32"))]
fn embed_panel() -> Html {
    html! {}
}

#[function_component(Nothing)]
fn nothing() -> Html {
    html! {}
}

/// Yew numbers each app it mounts (its "subtree") from 1, per WebAssembly
/// module, and tells which app an event belongs to by that number. The page
/// and this module are two modules in one document, so the panels' first
/// numbers would be the page's: the page's app would take a panel's events
/// as its own (a slider moved in presentation mode set an input of the page).
/// The page mounts one app (number 1); before its first panel this module
/// uses up its first numbers on empty apps, so its panels never share one.
fn skip_the_pages_app_numbers() {
    thread_local! {
        static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if DONE.with(|d| d.replace(true)) {
        return;
    }
    let document = gloo::utils::document();
    for _ in 0..PAGE_APP_NUMBERS {
        if let Ok(el) = document.create_element("div") {
            yew::Renderer::<Nothing>::with_root(el).render().destroy();
        }
    }
}

/// App numbers kept for the page (it uses 1; the rest is margin).
const PAGE_APP_NUMBERS: u32 = 32;

/// Render the panel called `panel` ([`Panel::name`]) into `host` over the
/// page's state (`payload`, from [`crate::ui::runtime::bridge::MirrorSender`]); its
/// changes go to `send` ([`crate::ui::runtime::bridge::decode_panel_action`] reads
/// them). The number to pass to [`update`].
pub fn mount(
    panel: &str,
    host: web_sys::Element,
    payload: &str,
    send: Callback<String>,
) -> Result<usize, String> {
    let panel = Panel::from_name(panel).ok_or_else(|| {
        format!(
            "There is no panel called \"{}\".",
            crate::format::shorten(panel, 30)
        )
    })?;
    let mirror = Rc::new(RefCell::new(decode_mirror(payload)?));
    skip_the_pages_app_numbers();
    let to_page =
        PanelDispatch::new(send.reform(|action: PanelAction| encode_panel_action(&action)));
    let handle = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.push(Mounted {
            mirror: mirror.clone(),
            dispatcher: None,
        });
        m.len() - 1
    });
    host.set_inner_html("");
    yew::Renderer::<PanelApp>::with_root_and_props(
        host,
        PanelAppProps {
            panel,
            handle,
            mirror,
            to_page,
        },
    )
    .render();
    Ok(handle)
}

/// The page's state changed: mirror it in panel `handle`.
pub fn update(handle: usize, payload: &str) -> Result<(), String> {
    let next = decode_mirror(payload)?;
    MOUNTED.with(|m| {
        let m = m.borrow();
        let entry = m
            .get(handle)
            .ok_or_else(|| format!("There is no panel number {handle}."))?;
        {
            // Kept for a first render still to come: with the saved
            // scenarios the last mirror that had them sent.
            let mut kept = entry.mirror.borrow_mut();
            let library = next.library.clone().or_else(|| kept.library.take());
            *kept = MirrorState {
                library,
                ..next.clone()
            };
        }
        if let Some(dispatcher) = &entry.dispatcher {
            dispatcher.dispatch(Action::Mirror(Box::new(next)));
        }
        Ok(())
    })
}

/// This module's panels as the page's component tests load them
/// ([`crate::ui::runtime::panel_host::load_panels_in_process`]).
pub const IN_PROCESS: crate::ui::runtime::panel_host::InProcess =
    crate::ui::runtime::panel_host::InProcess { mount, update };
