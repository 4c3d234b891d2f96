//! Share, import and export: a link that carries the whole scenario in its
//! fragment, scenario JSON in and out, results as CSV, the Excel workbook
//! (written by the third module, imported on the first ask), print, reset.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::io::{csv, share};
use crate::model::examples::example_place;
use crate::model::parse_scenario;
use crate::ui::panels::fetch::load_module;
use crate::ui::runtime::bridge::{use_panel_dispatch, PanelAction, PanelDispatch};
use crate::ui::shared::confirm::confirm;
use crate::ui::state::{Notice, NoticeKind, Origin};
use crate::ui::use_app;

/// The .xlsx bytes (a `Uint8Array`) of a scenario's JSON, from the third
/// module (`src/bin/workbook.rs`), loaded the first time; or the message
/// that says why not.
async fn write_workbook(scenario_json: &str, exported_on: &str) -> Result<JsValue, JsValue> {
    let module = JsFuture::from(load_module("workbook", "workbook")).await?;
    let write: js_sys::Function = js_sys::Reflect::get(&module, &"workbook".into())?.dyn_into()?;
    write.call2(&JsValue::NULL, &scenario_json.into(), &exported_on.into())
}

/// Today's date on the user's clock: `2026-11-26`.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// Offer text as a file download, without any server.
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    download_part(filename, mime, &JsValue::from_str(text))
}

/// Offer a string or a byte array as a file download, without any server.
fn download_part(filename: &str, mime: &str, part: &JsValue) -> Result<(), String> {
    let parts = js_sys::Array::of1(part);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_blob_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not create the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "the browser could not create the file".to_string())?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "the browser could not start the download".to_string())?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A file name from a scenario name: "Example place" -> "example-place".
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "scenario".to_string()
    } else {
        out
    }
}

fn notify(to_page: &PanelDispatch, kind: NoticeKind, text: String) {
    to_page.send(PanelAction::Notify(Notice { kind, text }));
}

/// The share link for the current page and scenario.
pub fn share_url(scenario: &crate::model::Scenario) -> String {
    let location = gloo::utils::window().location();
    let base = format!(
        "{}{}{}",
        location.origin().unwrap_or_default(),
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    format!("{base}#{}", share::encode(scenario))
}

#[function_component(ShareExport)]
pub fn share_export() -> Html {
    let app = use_app();
    let to_page = use_panel_dispatch();
    let link = use_state(|| None::<String>);
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);

    let make_link = {
        let app = app.clone();
        let link = link.clone();
        Callback::from(move |_| {
            let url = share_url(&app.scenario);
            // Best effort: the link is also shown in a box to copy by hand.
            let _ = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&url);
            link.set(Some(url));
        })
    };
    let export_json = {
        let (app, to_page) = (app.clone(), to_page.clone());
        Callback::from(move |_| {
            let name = format!("{}.json", slug(&app.scenario.name));
            match download(&name, "application/json", &app.scenario.to_json_pretty()) {
                Ok(()) => notify(&to_page, NoticeKind::Success, format!("Downloaded {name}.")),
                Err(e) => notify(&to_page, NoticeKind::Error, format!("Export failed: {e}.")),
            }
        })
    };
    let export_csv = {
        let (app, to_page) = (app.clone(), to_page.clone());
        Callback::from(move |_| {
            let (Some(results), Some(scenario)) =
                (app.results.clone(), app.results_scenario.clone())
            else {
                notify(
                    &to_page,
                    NoticeKind::Error,
                    "There are no results to export yet: fix the inputs first.".into(),
                );
                return;
            };
            let name = format!("{}-results.csv", slug(&scenario.name));
            let text = csv::results_csv(&scenario, &results);
            match download(&name, "text/csv;charset=utf-8", &text) {
                Ok(()) => notify(
                    &to_page,
                    NoticeKind::Success,
                    if app.stale {
                        format!("Downloaded {name}, from your last valid inputs (the current ones have problems).")
                    } else {
                        format!("Downloaded {name}.")
                    },
                ),
                Err(e) => notify(&to_page, NoticeKind::Error, format!("Export failed: {e}.")),
            }
        })
    };
    let preparing = use_state(|| false);
    let export_xlsx = {
        let (app, to_page) = (app.clone(), to_page.clone());
        let preparing = preparing.clone();
        Callback::from(move |_| {
            let Some(scenario) = app.results_scenario.clone() else {
                notify(
                    &to_page,
                    NoticeKind::Error,
                    "There are no results to export yet: fix the inputs first.".into(),
                );
                return;
            };
            if *preparing {
                return;
            }
            preparing.set(true);
            let (to_page, preparing) = (to_page.clone(), preparing.clone());
            let stale = app.stale;
            wasm_bindgen_futures::spawn_local(async move {
                let name = format!("{}-workbook.xlsx", slug(&scenario.name));
                let written = write_workbook(&scenario.to_json_pretty(), &today()).await;
                preparing.set(false);
                let outcome = written
                    .map_err(|e| {
                        e.as_string()
                            .unwrap_or_else(|| "the workbook writer could not be loaded".into())
                    })
                    .and_then(|bytes| {
                        download_part(
                            &name,
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            &bytes,
                        )
                    });
                match outcome {
                    Ok(()) => notify(
                        &to_page,
                        NoticeKind::Success,
                        if stale {
                            format!("Downloaded {name}, from your last valid inputs (the current ones have problems).")
                        } else {
                            format!("Downloaded {name}: every figure is a formula over the Inputs sheet.")
                        },
                    ),
                    Err(e) => notify(
                        &to_page,
                        NoticeKind::Error,
                        format!(
                            "The workbook was not downloaded: {}",
                            e.trim_end_matches('.')
                        ) + ".",
                    ),
                }
            });
        })
    };
    let import = {
        let to_page = to_page.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let file = gloo::file::File::from(file);
            let name = file.name();
            let limit = crate::model::scenario::Limits::TEXT_BYTES as u64;
            if file.size() > limit {
                // Refused before reading: a 20 MB file would freeze the page.
                notify(
                    &to_page,
                    NoticeKind::Error,
                    format!(
                        "\"{name}\" was not imported: it is {} bytes, and a scenario file is at most {} (2 MB). Nothing was changed.",
                        crate::format::people(file.size() as f64),
                        crate::format::people(limit as f64)
                    ),
                );
                return;
            }
            let to_page = to_page.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |result| match result {
                Err(_) => notify(
                    &to_page,
                    NoticeKind::Error,
                    format!("\"{name}\" could not be read. Nothing was changed."),
                ),
                Ok(text) => match parse_scenario(&text) {
                    Ok(scenario) => to_page.send(PanelAction::Load {
                        scenario: Box::new(scenario),
                        origin: Origin::Local,
                        notice: Some(Notice {
                            kind: NoticeKind::Success,
                            text: format!("Imported \"{name}\"."),
                        }),
                    }),
                    Err(err) => notify(
                        &to_page,
                        NoticeKind::Error,
                        format!("\"{name}\" was not imported. {err} Nothing was changed."),
                    ),
                },
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let print = Callback::from(|_| {
        let _ = gloo::utils::window().print();
    });
    let reset = {
        let to_page = to_page.clone();
        Callback::from(move |_| {
            if confirm("Reset to the built-in example? The scenario you are editing will be replaced (your saved scenarios stay).") {
                to_page.send(PanelAction::Load {
                    scenario: Box::new(example_place()),
                    origin: Origin::Local,
                    notice: Some(Notice { kind: NoticeKind::Success, text: "Reset to the built-in example.".into() }),
                });
            }
        })
    };

    html! {
        <section class="panel panel--plain no-print" aria-labelledby="share-heading">
            <h2 id="share-heading">{"Share, import and export"}</h2>
            <div class="button-row">
                <button type="button" class="button" onclick={make_link}>{"Create a share link"}</button>
                <button type="button" class="button button--secondary" onclick={export_json}>{"Export scenario (JSON)"}</button>
                <button type="button" class="button button--secondary" onclick={export_csv}>{"Export results (CSV)"}</button>
                <button type="button" class="button button--secondary" onclick={export_xlsx} aria-describedby="xlsx-hint" aria-disabled={(*preparing).to_string()}>
                    {if *preparing { "Preparing the workbook…" } else { "Download Excel (.xlsx)" }}
                </button>
                <button type="button" class="button button--secondary" onclick={print}>{"Print report"}</button>
                <button type="button" class="button button--warning" onclick={reset}>{"Reset to defaults"}</button>
            </div>
            <p class="field__hint" id="xlsx-hint">{"The Excel workbook has the inputs with their sources and your notes, and every result as a formula over them, for a finance team to audit."}</p>
            if let Some(url) = &*link {
                <div class="field">
                    <label class="field__label" for="share-link">{"Share link"}</label>
                    <div class="field__hint" id="share-link-hint">{"Copied to your clipboard where the browser allows. The whole scenario is inside the link, after the #: it is never sent to a server."}</div>
                    <input class="field__input field__input--wide" id="share-link" type="text" readonly=true value={url.clone()} aria-describedby="share-link-hint" />
                </div>
            }
            <div class="field">
                <label class="field__label" for="import-file">{"Import a scenario (JSON)"}</label>
                <div class="field__hint" id="import-file-hint">{"A file exported from this calculator. A file that cannot be read changes nothing."}</div>
                <input class="file-input" id="import-file" type="file" accept=".json,application/json" onchange={import} aria-describedby="import-file-hint" />
            </div>
        </section>
    }
}
