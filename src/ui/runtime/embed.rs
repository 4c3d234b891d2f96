//! The calculator in another page (issue 10), in the panels module: loaded
//! when the page is framed, in the embed view, or given a host's scenario.
//!
//! - A host's scenario (`scenario-url`, a file of this site only, or
//!   `scenario-json`) opens as a shared scenario does: not autosaved until
//!   the reader keeps it.
//! - The postMessage protocol for iframe hosts. Messages are objects with a
//!   `type`; anything else, and anything from an origin this build does not
//!   accept, is ignored. Accepted origins: this page's own, and those the
//!   build lists (`WG_ALLOWED_ORIGINS` at build time, written into
//!   `<meta name="wg-allowed-origins">`; none by default). Answers go only to
//!   the window and origin that asked, never to `*`.
//!
//! | host sends | the calculator answers |
//! | --- | --- |
//! | `{ type: "workforce-gap:subscribe" }` | `{ type: "workforce-gap:ready", version, scenarioVersion }`, then `workforce-gap:results` after every change |
//! | `{ type: "workforce-gap:set-scenario", scenario }` (object or JSON text) | the scenario opens; `workforce-gap:results`, or `{ type: "workforce-gap:errors", errors: [{ path, message }] }` and nothing changes |
//! | `{ type: "workforce-gap:get-results" }` | one `workforce-gap:results` |
//!
//! `workforce-gap:results` is `{ type, ok: true, results }` (the JS API's
//! `compute` answer) or `{ type, ok: false, errors }` while the page's
//! inputs have problems.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::model::validate::read_valid;
use crate::model::{InputError, Scenario};
use crate::ui::runtime::bridge::{use_panel_dispatch, PanelAction, PanelDispatch};
use crate::ui::runtime::host_options::allowed_origins;
use crate::ui::state::{Notice, NoticeKind, Origin};
use crate::ui::{use_app, AppHandle};

/// The message types, as hosts write them.
pub const SUBSCRIBE: &str = "workforce-gap:subscribe";
pub const SET_SCENARIO: &str = "workforce-gap:set-scenario";
pub const GET_RESULTS: &str = "workforce-gap:get-results";
pub const READY: &str = "workforce-gap:ready";
pub const RESULTS: &str = "workforce-gap:results";
pub const ERRORS: &str = "workforce-gap:errors";

fn open_from_host(to_page: &PanelDispatch, scenario: Scenario, how: &str) {
    let name = scenario.name.clone();
    to_page.send(PanelAction::Load {
        scenario: Box::new(scenario),
        origin: Origin::SharedLink,
        notice: Some(Notice {
            kind: NoticeKind::Info,
            text: format!(
                "{how} \"{name}\". Changes are not kept in this browser unless you save them."
            ),
        }),
    });
}

fn refuse(to_page: &PanelDispatch, text: String) {
    to_page.send(PanelAction::Notify(Notice {
        kind: NoticeKind::Error,
        text,
    }));
}

fn describe(errors: &[InputError]) -> String {
    errors
        .iter()
        .take(3)
        .map(|e| {
            if e.path.is_empty() {
                e.message.clone()
            } else {
                format!("{}: {}", e.path, e.message)
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// `scenario-url`: only a file of this site, read as a scenario.
async fn fetch_host_scenario(url: &str) -> Result<Scenario, String> {
    let window = gloo::utils::window();
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    let resolved = web_sys::Url::new_with_base(url, &base).map_err(|_| {
        format!(
            "\"{}\" is not a web address",
            crate::format::shorten(url, 60)
        )
    })?;
    let own = window.location().origin().unwrap_or_default();
    if resolved.origin() != own {
        return Err(format!(
            "it is on another site ({}); only this site's files are opened",
            crate::format::shorten(&resolved.origin(), 60)
        ));
    }
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&resolved.href()))
        .await
        .map_err(|_| "it could not be fetched".to_string())?
        .dyn_into()
        .map_err(|_| "it could not be fetched".to_string())?;
    if !response.ok() {
        return Err(format!("the site answered {}", response.status()));
    }
    let text = JsFuture::from(
        response
            .text()
            .map_err(|_| "it could not be read".to_string())?,
    )
    .await
    .ok()
    .and_then(|t| t.as_string())
    .ok_or("it could not be read")?;
    read_valid(&text).map_err(|e| describe(&e))
}

/// Who subscribed: the window to answer and its origin.
type Subscribers = Rc<RefCell<Vec<(JsValue, String)>>>;

fn post(target: &JsValue, origin: &str, message: &JsValue) {
    let post = js_sys::Reflect::get(target, &"postMessage".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(post) = post {
        let _ = post.call2(target, message, &JsValue::from_str(origin));
    }
}

fn with_type(value: JsValue, kind: &str) -> JsValue {
    let object: js_sys::Object = value.dyn_into().unwrap_or_default();
    let _ = js_sys::Reflect::set(&object, &"type".into(), &JsValue::from_str(kind));
    object.into()
}

/// The page's results (or the problems with its inputs) as a message.
fn results_message(app: &AppHandle) -> JsValue {
    let answer = if app.has_errors() {
        crate::ui::runtime::js_api::failure(&app.all_errors())
    } else {
        crate::ui::runtime::js_api::js_compute(JsValue::from_str(&app.scenario.to_json_pretty()))
    };
    with_type(answer, RESULTS)
}

#[function_component(EmbedBridge)]
pub fn embed_bridge() -> Html {
    let app = use_app();
    let to_page = use_panel_dispatch();
    let subscribers: Subscribers = use_mut_ref(Vec::new);
    // The latest state, for the message listener (set up once).
    let latest = use_mut_ref(|| app.clone());
    *latest.borrow_mut() = app.clone();

    {
        let (app, to_page, subscribers, latest) = (
            app.clone(),
            to_page.clone(),
            subscribers.clone(),
            latest.clone(),
        );
        use_effect_with((), move |_| {
            // The host's scenario, once.
            if let Some(json) = app.host.scenario_json.clone() {
                match read_valid(&json) {
                    Ok(s) => open_from_host(&to_page, s, "Opened the scenario this page was given,"),
                    Err(e) => refuse(&to_page, format!("The scenario this page was given could not be opened: {}. The calculator's own is open instead.", describe(&e))),
                }
            } else if let Some(url) = app.host.scenario_url.clone() {
                let to_page = to_page.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch_host_scenario(&url).await {
                        Ok(s) => open_from_host(&to_page, s, "Opened the scenario this page asked for,"),
                        Err(e) => refuse(&to_page, format!("The scenario file \"{}\" could not be opened: {e}. The calculator's own is open instead.", crate::format::shorten(&url, 80))),
                    }
                });
            }

            let window = gloo::utils::window();
            let own = window.location().origin().unwrap_or_default();
            let meta = gloo::utils::document()
                .query_selector("meta[name=wg-allowed-origins]")
                .ok()
                .flatten()
                .and_then(|m| m.get_attribute("content"));
            let allowed = allowed_origins(meta.as_deref(), &own);
            let listener = gloo::events::EventListener::new(&window, "message", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                    return;
                };
                let origin = e.origin();
                if !allowed.contains(&origin) {
                    return;
                }
                let data = e.data();
                let kind = js_sys::Reflect::get(&data, &"type".into())
                    .ok()
                    .and_then(|t| t.as_string());
                let Some(source) = e.source().map(JsValue::from) else {
                    return;
                };
                let app = latest.borrow().clone();
                match kind.as_deref() {
                    Some(SUBSCRIBE) => {
                        let mut subs = subscribers.borrow_mut();
                        if !subs
                            .iter()
                            .any(|(w, o)| js_sys::Object::is(w, &source) && *o == origin)
                        {
                            subs.push((source.clone(), origin.clone()));
                        }
                        let ready = js_sys::Object::new();
                        let _ = js_sys::Reflect::set(&ready, &"type".into(), &READY.into());
                        let _ = js_sys::Reflect::set(
                            &ready,
                            &"version".into(),
                            &env!("CARGO_PKG_VERSION").into(),
                        );
                        let _ = js_sys::Reflect::set(
                            &ready,
                            &"scenarioVersion".into(),
                            &JsValue::from(crate::model::scenario::CURRENT_VERSION),
                        );
                        post(&source, &origin, &ready);
                        post(&source, &origin, &results_message(&app));
                    }
                    Some(GET_RESULTS) => post(&source, &origin, &results_message(&app)),
                    Some(SET_SCENARIO) => {
                        let value =
                            js_sys::Reflect::get(&data, &"scenario".into()).unwrap_or_default();
                        let text = value.as_string().or_else(|| {
                            js_sys::JSON::stringify(&value)
                                .ok()
                                .and_then(|s| s.as_string())
                        });
                        match text.as_deref().map(read_valid) {
                            Some(Ok(s)) => {
                                open_from_host(&to_page, s, "The page this calculator is in opened")
                            }
                            Some(Err(errors)) => post(
                                &source,
                                &origin,
                                &with_type(crate::ui::runtime::js_api::failure(&errors), ERRORS),
                            ),
                            None => post(
                                &source,
                                &origin,
                                &with_type(
                                    crate::ui::runtime::js_api::failure(&[InputError::new(
                                        "",
                                        "The message has no scenario: send { type, scenario }.",
                                    )]),
                                    ERRORS,
                                ),
                            ),
                        }
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }

    {
        // After every change: results to whoever subscribed.
        let (app, subscribers) = (app.clone(), subscribers.clone());
        use_effect_with((app.revision, app.results.clone()), move |_| {
            let subs = subscribers.borrow();
            if !subs.is_empty() {
                let message = results_message(&app);
                for (window, origin) in subs.iter() {
                    post(window, origin, &message);
                }
            }
        });
    }
    html! {}
}
