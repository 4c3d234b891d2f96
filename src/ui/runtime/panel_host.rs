//! Where a lazily loaded panel goes in the page (see [`crate::ui::runtime::bridge`]).
//!
//! The panels module (bin `panels`, built by Trunk beside the app,
//! precached by the service worker) is imported the first time a panel is
//! needed: when the user presses the panel's button, or when the place it
//! goes scrolls near the screen. Until then the page carries none of its
//! code. The module renders into an element of its own that this component
//! keeps (`Html::VRef`), and gets the page's state after every change.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

pub use crate::ui::runtime::bridge::Panel;
use crate::ui::runtime::bridge::{decode_panel_action, MirrorSender};
use crate::ui::state::{Action, Notice, NoticeKind, UiAction};
use crate::ui::{use_app, AppHandle};

#[wasm_bindgen(inline_js = r#"
let loading = null;
export function importPanels() {
  if (!loading) {
    // In a host page, www/element.js says where the app's files are.
    const assets = globalThis.workforceGapAssets;
    const meta = document.querySelector('meta[name="wg-panels"]');
    const url = assets
      ? new URL(assets.panels, assets.base).href
      : new URL(meta ? meta.content : 'panels.js', document.baseURI).href;
    // Its styles (panels-<hash>.css beside it) load alongside; a panel is
    // shown once they have (or failed: it then still works, unstyled).
    const styles = new Promise((done) => {
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = url.replace(/\.js$/, '.css');
      link.onload = link.onerror = done;
      document.head.append(link);
    });
    loading = import(url)
      .then(async (m) => { await m.default({ module_or_path: url.replace(/\.js$/, '_bg.wasm') }); await styles; return m; })
      .catch((e) => { loading = null; throw e; });
  }
  return loading;
}
export function publishApiOnDemand(name, readyEvent) {
  let api = null;
  let loading = null;
  Object.defineProperty(window, name, {
    configurable: true,
    enumerable: true,
    get() {
      if (api) return api;
      if (!loading) {
        loading = importPanels().then((m) => {
          api = m.api();
          dispatchEvent(new CustomEvent(readyEvent));
        }, (e) => { loading = null; console.error('The calculator\'s API could not be loaded:', e); });
      }
      return undefined;
    },
  });
}
export function whenNear(element, margin, then) {
  if (!('IntersectionObserver' in window)) { then(); return; }
  let done = false;
  const once = () => { if (!done) { done = true; observer.disconnect(); removeEventListener('beforeprint', once); then(); } };
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) once();
  }, { rootMargin: margin });
  observer.observe(element);
  // Printing starts loading what the report needs (ready for the next print).
  addEventListener('beforeprint', once);
}
"#)]
extern "C" {
    /// The panels module, initialised (one import per page; retried after a
    /// failure).
    #[wasm_bindgen(js_name = importPanels)]
    fn import_panels() -> js_sys::Promise;
    /// `window[name]` as a property that loads the API from the second
    /// module the first time it is read, then dispatches `ready_event`.
    #[wasm_bindgen(js_name = publishApiOnDemand)]
    fn publish_api_on_demand_js(name: &str, ready_event: &str);
    /// Call `then` once, when `element` comes within `margin` of the screen.
    #[wasm_bindgen(js_name = whenNear)]
    fn when_near(element: &web_sys::Element, margin: &str, then: &js_sys::Function);
}

/// Publish `window.workforceGap` (`js_api`, whose names these are): the API is in the second
/// module, loaded the first time a script reads the property (which is
/// `undefined` until then), and announced with `workforce-gap-ready`.
pub fn publish_api_on_demand() {
    publish_api_on_demand_js("workforceGap", "workforce-gap-ready");
}

/// When the panel is loaded.
#[derive(Clone, PartialEq)]
pub enum Trigger {
    /// When the user presses a button with this text.
    Button(AttrValue),
    /// When its place comes near the screen (or its button is pressed).
    Near(AttrValue),
    /// As soon as it is on the page (this text while it loads).
    Now(AttrValue),
}

#[derive(Properties, PartialEq)]
pub struct PanelHostProps {
    /// Which of the panels module's panels.
    pub panel: Panel,
    pub trigger: Trigger,
    /// The id of the element the panel renders into.
    pub id: AttrValue,
}

#[derive(Clone, PartialEq)]
enum Status {
    Idle,
    Loading,
    Ready,
    Failed(String),
}

/// The panels' two entry points (`ui::runtime::panel_app::mount` and `update`).
#[derive(Clone, Copy)]
pub struct InProcess {
    pub mount: fn(&str, web_sys::Element, &str, Callback<String>) -> Result<usize, String>,
    pub update: fn(usize, &str) -> Result<(), String>,
}

thread_local! {
    static IN_PROCESS: std::cell::Cell<Option<InProcess>> = const { std::cell::Cell::new(None) };
}

/// Component tests: mount panels from this module's own copy of them
/// instead of importing the panels module (which a test page does not have).
/// The published app never calls this, so its WebAssembly has no panel code.
pub fn load_panels_in_process(entry_points: InProcess) {
    IN_PROCESS.with(|p| p.set(Some(entry_points)));
}

/// Where a mounted panel is: the panels module and the panel's number in it,
/// or this module's own copy.
enum Mounted {
    Module(JsValue, u32),
    InProcess(InProcess, usize),
}

/// The mounted panel, and what it was last sent.
type Loaded = Rc<RefCell<Option<(Mounted, MirrorSender)>>>;

impl Mounted {
    fn update(&self, payload: &str) {
        match self {
            Mounted::Module(module, handle) => {
                if let Some(update) = method(module, "update") {
                    let _ = update.call2(
                        &JsValue::NULL,
                        &JsValue::from(*handle),
                        &JsValue::from_str(payload),
                    );
                }
            }
            Mounted::InProcess(p, handle) => {
                let _ = (p.update)(*handle, payload);
            }
        }
    }
}

fn method(module: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(module, &JsValue::from_str(name))
        .ok()?
        .dyn_into()
        .ok()
}

fn error_text(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "the browser gave no reason".to_string())
}

async fn load_into(
    app: AppHandle,
    panel: Panel,
    host: web_sys::Element,
    loaded: Loaded,
) -> Result<(), String> {
    let dispatcher = app.dispatcher();
    let receive = move |change: String| {
        dispatcher.dispatch(match decode_panel_action(&change) {
            Ok(action) => action.into_action(crate::ui::hooks::saved_at_now),
            Err(text) => Action::Ui(UiAction::Notify(Notice {
                kind: NoticeKind::Error,
                text,
            })),
        })
    };
    let panel = panel.name();
    let mut sender = MirrorSender::default();
    if let Some(p) = IN_PROCESS.with(|p| p.get()) {
        let payload = sender.encode(&app);
        let handle = (p.mount)(&panel, host, &payload, Callback::from(receive))?;
        *loaded.borrow_mut() = Some((Mounted::InProcess(p, handle), sender));
        return Ok(());
    }
    let module = JsFuture::from(import_panels())
        .await
        .map_err(|e| error_text(&e))?;
    let mount = method(&module, "mount").ok_or("the file has no panels")?;
    let send = Closure::<dyn Fn(String)>::new(receive);
    let handle = js_sys::Reflect::apply(
        &mount,
        &JsValue::NULL,
        &js_sys::Array::of4(
            &JsValue::from_str(&panel),
            &host,
            &JsValue::from_str(&sender.encode(&app)),
            send.as_ref(),
        ),
    )
    .map_err(|e| error_text(&e))?;
    // The panel lives as long as the page.
    send.forget();
    let handle = handle.as_f64().unwrap_or(0.0) as u32;
    *loaded.borrow_mut() = Some((Mounted::Module(module, handle), sender));
    Ok(())
}

/// The page's state to a mounted panel; the saved scenarios go only when
/// they changed.
fn send_mirror(loaded: &Loaded, app: &AppHandle) {
    if let Some((mounted, sender)) = &mut *loaded.borrow_mut() {
        mounted.update(&sender.encode(app));
    }
}

#[function_component(PanelHost)]
pub fn panel_host(props: &PanelHostProps) -> Html {
    let app = use_app();
    let status = use_state(|| Status::Idle);
    let loaded: Loaded = use_mut_ref(|| None);
    // The latest state not yet sent to this panel (see below).
    let pending: Rc<RefCell<Option<AppHandle>>> = use_mut_ref(|| None);
    let host = use_memo((), |_| {
        gloo::utils::document()
            .create_element("div")
            .expect("a document can create a div")
    });

    let start = {
        let (app, status, loaded, host, panel) = (
            app.clone(),
            status.clone(),
            loaded.clone(),
            (*host).clone(),
            props.panel.clone(),
        );
        Callback::from(move |_: ()| {
            if matches!(*status, Status::Loading | Status::Ready) {
                return;
            }
            status.set(Status::Loading);
            let (app, status, loaded, host, panel) = (
                app.clone(),
                status.clone(),
                loaded.clone(),
                host.clone(),
                panel.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                status.set(match load_into(app, panel, host, loaded).await {
                    Ok(()) => Status::Ready,
                    Err(e) => Status::Failed(e),
                });
            });
        })
    };

    {
        // Load when the place comes near the screen, or now.
        let (start, host, near) = (start.clone(), (*host).clone(), props.trigger.clone());
        use_effect_with((), move |_| match near {
            Trigger::Near(_) => {
                let then = Closure::once_into_js(move || start.emit(()));
                when_near(&host, "300px", then.unchecked_ref());
            }
            Trigger::Now(_) => start.emit(()),
            Trigger::Button(_) => {}
        });
    }
    {
        // Send the page's state after every change. While presentation mode
        // covers the page, only it and the embed bridge are sent changes
        // (the room's levers repaint sooner); the others catch up when it
        // ends. Presentation mode and the embed bridge are sent each change
        // at once (they are what the room or the host page sees); the other
        // panels just after the page's next paint, with the latest state
        // only: the headline repaints first, and a burst of keystrokes costs
        // a panel one render, not one each (the analysis alone tripled a
        // keystroke's work on a slow laptop).
        let (app, loaded, pending) = (app.clone(), loaded.clone(), pending.clone());
        let ready = *status == Status::Ready;
        let at_once = matches!(props.panel, Panel::Presentation | Panel::Embed);
        let paused = app.presenting && !at_once;
        let revision = if paused { u64::MAX } else { app.revision };
        use_effect_with((revision, ready), move |_| {
            // Not loaded yet: it is sent the latest state once it is ready
            // (`ready` is part of what this effect follows).
            if paused || !ready {
                return;
            }
            if at_once {
                send_mirror(&loaded, &app);
            } else {
                crate::ui::hooks::latest_after_next_paint(&pending, app, move |app| {
                    send_mirror(&loaded, &app)
                });
            }
        });
    }

    let label = match &props.trigger {
        Trigger::Button(label) | Trigger::Near(label) | Trigger::Now(label) => label.clone(),
    };
    let onclick = start.reform(|_: MouseEvent| ());
    let placeholder = match &*status {
        Status::Ready => html! {},
        Status::Idle => html! {
            <button type="button" class="button button--secondary" {onclick}>{label}</button>
        },
        Status::Loading => html! {
            <p class="muted" role="status">{"Loading..."}</p>
        },
        Status::Failed(reason) => html! {
            <div class="field__error" role="alert">
                <p>{format!("This part of the calculator could not be loaded ({reason}). Everything above still works.")}</p>
                <button type="button" class="button button--secondary" {onclick}>{"Try again"}</button>
            </div>
        },
    };
    // Set once: an id written again on every render is a change of
    // attribute the browser checks its style rules for.
    if host.id() != *props.id {
        host.set_id(&props.id);
    }
    html! {
        <div class="panel-host" aria-busy={(*status == Status::Loading).then_some("true")}>
            { placeholder }
            { Html::VRef((*host).clone().into()) }
        </div>
    }
}
