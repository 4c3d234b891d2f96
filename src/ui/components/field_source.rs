//! "Default 5%: sourced" under an input, and its citation when opened.
//!
//! The summary comes from the page's compact table of sources
//! ([`crate::model::examples::source_flag`]); the citations (most of
//! `data/builtins/sources.csv`) are not in the first load: the first time a
//! reader opens one, the page fetches `sources.csv` from its own origin
//! (copied beside the page by Trunk, precached for offline use), and every
//! opened source shows its citation from then on.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

/// The file the citations come from, beside the page.
pub const SOURCES_URL: &str = "sources.csv";

enum Citations {
    NotAsked,
    /// Fetching; the sources waiting for it re-render when it ends.
    Loading(Vec<Callback<()>>),
    Loaded(Rc<Vec<(String, String)>>),
    Failed(String),
}

thread_local! {
    static CITATIONS: RefCell<Citations> = const { RefCell::new(Citations::NotAsked) };
}

/// What a source shows in its body now.
enum Body {
    Citation(String),
    Waiting,
    Failed(String),
}

fn body_for(key: &str) -> Body {
    CITATIONS.with(|c| match &*c.borrow() {
        Citations::Loaded(all) => Body::Citation(
            all.iter()
                .find(|(k, _)| k == key)
                .map(|(_, citation)| citation.clone())
                .unwrap_or_else(|| "No source is recorded for this input.".to_string()),
        ),
        Citations::Failed(message) => Body::Failed(message.clone()),
        _ => Body::Waiting,
    })
}

/// Start fetching the citations unless done or under way; `wake` is called
/// when they arrive (or fail).
fn fetch_citations(wake: Callback<()>) {
    let start = CITATIONS.with(|c| {
        let mut c = c.borrow_mut();
        match &mut *c {
            Citations::NotAsked => {
                *c = Citations::Loading(vec![wake]);
                true
            }
            Citations::Loading(waiting) => {
                waiting.push(wake);
                false
            }
            _ => false,
        }
    });
    if start {
        wasm_bindgen_futures::spawn_local(async {
            let next = match crate::ui::fetch_text(SOURCES_URL, "the sources").await {
                Ok(text) => Citations::Loaded(Rc::new(
                    crate::model::examples::citations(&text)
                        .into_iter()
                        .collect(),
                )),
                Err(message) => Citations::Failed(message),
            };
            let waiting = CITATIONS.with(|c| match std::mem::replace(&mut *c.borrow_mut(), next) {
                Citations::Loading(waiting) => waiting,
                _ => Vec::new(),
            });
            for wake in waiting {
                wake.emit(());
            }
        });
    }
}

#[derive(Properties, Clone, PartialEq)]
pub struct FieldSourceProps {
    /// The element's id (the input's `aria-describedby` names it).
    pub id: AttrValue,
    /// "Default 5%: sourced".
    pub summary: AttrValue,
    /// The input's key in `sources.csv`.
    pub source_key: AttrValue,
}

#[function_component(FieldSource)]
pub fn field_source(props: &FieldSourceProps) -> Html {
    let open = use_state(|| false);
    let update = use_force_update();
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let is_open = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                .is_some_and(|d| d.open());
            if is_open {
                let update = update.clone();
                fetch_citations(Callback::from(move |_| update.force_update()));
            }
            open.set(is_open);
        })
    };
    html! {
        <details class="field__source" id={props.id.clone()} {ontoggle}>
            <summary>{props.summary.clone()}</summary>
            if *open {
                {
                    match body_for(&props.source_key) {
                        Body::Citation(text) => html! { <p>{text}</p> },
                        Body::Waiting => html! { <p class="field__source-wait">{"Opening the source..."}</p> },
                        Body::Failed(message) => html! {
                            <p class="field__source-wait">{format!("{message} Every source is also listed under \"Sources and assumptions\" below.")}</p>
                        },
                    }
                }
            }
        </details>
    }
}
