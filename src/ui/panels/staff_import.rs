//! "Import staff in post" (issue 16): staff in post from a workforce file
//! (an ESR staff list, the NHS Workforce Statistics CSV, any spreadsheet),
//! in four steps, each undone by Cancel, nothing changed until Apply:
//! the file's first rows; its columns (role, FTE, and optionally vacancies
//! and a filter); every role value with its FTE mapped to one of the
//! scenario's roles or "Not counted" (suggested by name, remembered in this
//! browser); what each role's staff in post would become. Apply sends the
//! edit to the page as one undo step.
//!
//! The file is read by the fourth WebAssembly module
//! (`src/bin/staff_import.rs`, csv-core and calamine), imported the first
//! time a file is chosen: a CSV 4 MB at a time from `File.slice`, never
//! whole, yielding to the browser between chunks (the page stays
//! responsive, with a progress bar and Cancel); an XLSX whole, up to 50 MB.

use std::cell::Cell;
use std::collections::BTreeMap;
use std::rc::Rc;

use js_sys::{Array, Function, Reflect, Uint8Array};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::format;
use crate::model::edit::{apply as apply_edit, Edit};
use crate::model::paste::{copy_block, StaffColumn};
use crate::model::staff_in_post::{RoleInPost, StaffInPost};
use crate::ui::panels::fetch::load_module;
use crate::ui::runtime::bridge::{use_panel_dispatch, PanelAction, PanelDispatch};
use crate::ui::state::{Notice, NoticeKind};
use crate::ui::use_app;

/// Where the remembered mappings are kept in this browser.
const REMEMBERED_KEY: &str = "workforce-gap.staff-import.mappings";
/// A CSV is read this many bytes at a time.
const CHUNK_BYTES: f64 = 4.0 * 1024.0 * 1024.0;
/// The first bytes read for the preview.
const FIRST_BYTES: f64 = 1024.0 * 1024.0;
/// The largest XLSX read (calamine reads whole files).
const XLSX_LIMIT: f64 = 50_000_000.0;

fn text_of(e: JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| "the file could not be read".into())
}

/// `obj.method(...args)`, its exception as the message.
fn call(obj: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let f: Function = Reflect::get(obj, &method.into())
        .map_err(text_of)?
        .dyn_into()
        .map_err(|_| format!("the import module has no {method}"))?;
    f.apply(obj, &args.iter().collect::<Array>())
        .map_err(text_of)
}

/// A method's JSON text answer, read.
fn call_json(obj: &JsValue, method: &str, args: &[JsValue]) -> Result<Value, String> {
    let text = call(obj, method, args)?.as_string().unwrap_or_default();
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

async fn bytes(blob: &web_sys::Blob) -> Result<Uint8Array, String> {
    let buffer = JsFuture::from(blob.array_buffer()).await.map_err(text_of)?;
    Ok(Uint8Array::new(&buffer))
}

/// A task's turn ends: the browser paints and takes input before the next
/// chunk is read.
async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = JsFuture::from(promise).await;
}

/// The importer of a file: its first bytes (the whole file for an XLSX).
async fn open(file: &web_sys::File) -> Result<(JsValue, JsValue), String> {
    let module = JsFuture::from(load_module("staff-import", "staffImport"))
        .await
        .map_err(|e| format!("the import module could not be loaded ({})", text_of(e)))?;
    let size = file.size();
    let head = bytes(
        &file
            .slice_with_f64_and_f64(0.0, FIRST_BYTES)
            .map_err(text_of)?,
    )
    .await?;
    let zip = head.length() >= 4 && head.subarray(0, 4).to_vec() == b"PK\x03\x04";
    let first = if zip && size <= XLSX_LIMIT && (head.length() as f64) < size {
        bytes(file).await?
    } else {
        head
    };
    let complete = first.length() as f64 >= size;
    let class = Reflect::get(&module, &"Importer".into()).map_err(text_of)?;
    let args: [JsValue; 3] = [first.into(), JsValue::from(size), JsValue::from(complete)];
    let importer = Reflect::construct(
        class.unchecked_ref::<Function>(),
        &args.iter().collect::<Array>(),
    )
    .map_err(text_of)?;
    Ok((module, importer))
}

/// The columns chosen: indices into the header.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Chosen {
    role: Option<usize>,
    fte: Option<usize>,
    vacancies: Option<usize>,
    filter: Option<usize>,
}

/// One role value of the file.
#[derive(Clone, Debug, PartialEq)]
struct RoleValue {
    value: String,
    fte: f64,
}

#[derive(Clone, Debug, PartialEq)]
enum Step {
    /// No file chosen.
    Idle,
    /// The file's first bytes are being read.
    Opening,
    /// The preview, and the columns to choose.
    Columns {
        header: Rc<Vec<String>>,
        rows: Rc<Vec<Vec<String>>>,
        sheets: Rc<Vec<String>>,
        sheet: String,
    },
    /// The whole file is being read.
    Reading { read: f64, total: f64 },
    /// Every role value mapped, and what it would do.
    Mapping {
        filter_values: Rc<Vec<(String, f64)>>,
        keep: Rc<Vec<String>>,
        values: Rc<Vec<RoleValue>>,
        mapping: Rc<BTreeMap<String, Option<String>>>,
        plan: Rc<Value>,
        skipped: u64,
    },
}

/// Everything the steps share.
#[derive(Clone)]
struct Import {
    step: UseStateHandle<Step>,
    error: UseStateHandle<Option<String>>,
    chosen: UseStateHandle<Chosen>,
    file: Rc<std::cell::RefCell<Option<(web_sys::File, JsValue, JsValue)>>>,
    cancelled: Rc<Cell<bool>>,
    to_page: PanelDispatch,
    app: crate::ui::AppHandle,
    input: NodeRef,
}

impl Import {
    fn importer(&self) -> Option<JsValue> {
        self.file.borrow().as_ref().map(|(_, _, i)| i.clone())
    }

    /// Back to the start; nothing changed.
    fn reset(&self) {
        self.cancelled.set(true);
        *self.file.borrow_mut() = None;
        self.step.set(Step::Idle);
        if let Some(input) = self.input.cast::<web_sys::HtmlInputElement>() {
            input.set_value("");
        }
    }

    fn fail(&self, message: String) {
        self.reset();
        self.error.set(Some(message));
    }

    fn choose_file(&self, file: web_sys::File) {
        self.error.set(None);
        self.cancelled.set(false);
        self.step.set(Step::Opening);
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match open(&file).await {
                Ok((module, importer)) => {
                    *this.file.borrow_mut() = Some((file, module, importer));
                    this.show_preview(None);
                }
                Err(message) => this.fail(message),
            }
        });
    }

    /// The preview of the file (of `sheet` for an XLSX).
    fn show_preview(&self, sheet: Option<String>) {
        let Some(importer) = self.importer() else {
            return;
        };
        let result = (|| {
            if let Some(sheet) = &sheet {
                call(&importer, "chooseSheet", &[sheet.into()])?;
            }
            let described = call_json(&importer, "describe", &[])?;
            // A sheet without a table: say so, and let another be chosen.
            let preview = match call_json(&importer, "preview", &[]) {
                Ok(preview) => preview,
                Err(message) if described["sheets"].as_array().is_some_and(|s| s.len() > 1) => {
                    self.error.set(Some(message));
                    Value::Null
                }
                Err(message) => return Err(message),
            };
            if !preview.is_null() {
                self.error.set(None);
            }
            Ok::<_, String>((described, preview))
        })();
        match result {
            Ok((described, preview)) => {
                let strings = |v: &Value| -> Vec<String> {
                    v.as_array()
                        .map(|a| {
                            a.iter()
                                .map(|x| x.as_str().unwrap_or_default().to_string())
                                .collect()
                        })
                        .unwrap_or_default()
                };
                let header = strings(&preview["header"]);
                let rows: Vec<Vec<String>> = preview["rows"]
                    .as_array()
                    .map(|r| r.iter().map(strings).collect())
                    .unwrap_or_default();
                let at = |k: &str| preview["suggested"][k].as_u64().map(|i| i as usize);
                self.chosen.set(Chosen {
                    role: at("role"),
                    fte: at("fte"),
                    vacancies: at("vacancies"),
                    filter: at("filter"),
                });
                self.step.set(Step::Columns {
                    header: Rc::new(header),
                    rows: Rc::new(rows),
                    sheets: Rc::new(strings(&described["sheets"])),
                    sheet: described["sheet"].as_str().unwrap_or_default().to_string(),
                });
            }
            Err(message) => self.fail(message),
        }
    }

    /// Read the whole file for the chosen columns.
    fn read(&self) {
        let chosen = *self.chosen;
        let (Some(role), Some(fte)) = (chosen.role, chosen.fte) else {
            self.error
                .set(Some("Choose the role column and the FTE column.".into()));
            return;
        };
        let Some((file, _, importer)) = self.file.borrow().clone() else {
            return;
        };
        self.error.set(None);
        let index = |i: Option<usize>| JsValue::from(i.map_or(-1, |i| i as i32));
        let started = call(
            &importer,
            "start",
            &[
                (role as u32).into(),
                (fte as u32).into(),
                index(chosen.vacancies),
                index(chosen.filter),
            ],
        );
        if let Err(message) = started {
            self.error.set(Some(message));
            return;
        }
        let total = file.size();
        self.cancelled.set(false);
        let this = self.clone();
        let csv = call_json(&importer, "describe", &[]).is_ok_and(|d| d["kind"] == "csv");
        self.step.set(Step::Reading { read: 0.0, total });
        wasm_bindgen_futures::spawn_local(async move {
            if csv {
                let mut at = 0.0;
                while at < total {
                    if this.cancelled.get() {
                        return;
                    }
                    let end = (at + CHUNK_BYTES).min(total);
                    let chunk = match file.slice_with_f64_and_f64(at, end) {
                        Ok(blob) => bytes(&blob).await,
                        Err(e) => Err(text_of(e)),
                    };
                    if this.cancelled.get() {
                        return;
                    }
                    if let Err(message) = chunk.and_then(|c| call(&importer, "feed", &[c.into()])) {
                        this.fail(message);
                        return;
                    }
                    at = end;
                    this.step.set(Step::Reading { read: at, total });
                    // Let the browser paint and take input between chunks.
                    yield_to_browser().await;
                }
            }
            if this.cancelled.get() {
                return;
            }
            match call_json(&importer, "finish", &[]) {
                Ok(read) => {
                    let filter_values: Vec<(String, f64)> = read["filter_values"]
                        .as_array()
                        .map(|a| {
                            a.iter()
                                .map(|v| {
                                    (
                                        v[0].as_str().unwrap_or_default().to_string(),
                                        v[1].as_f64().unwrap_or(0.0),
                                    )
                                })
                                .collect()
                        })
                        .unwrap_or_default();
                    let keep: Vec<String> = filter_values.iter().map(|(v, _)| v.clone()).collect();
                    let skipped = read["fte_skipped"].as_u64().unwrap_or(0);
                    this.map(
                        Rc::new(filter_values),
                        Rc::new(keep),
                        Rc::new(BTreeMap::new()),
                        skipped,
                    );
                }
                Err(message) => this.fail(message),
            }
        });
    }

    /// The role values the filter keeps, mapped (the choices made so far
    /// kept, the rest suggested), and the plan.
    fn map(
        &self,
        filter_values: Rc<Vec<(String, f64)>>,
        keep: Rc<Vec<String>>,
        chosen: Rc<BTreeMap<String, Option<String>>>,
        skipped: u64,
    ) {
        let Some(importer) = self.importer() else {
            return;
        };
        let scenario_json = self.app.scenario.to_json_pretty();
        let keep_json = if filter_values.is_empty() {
            "null".to_string()
        } else {
            serde_json::to_string(&*keep).unwrap_or_default()
        };
        let remembered = gloo::utils::window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(REMEMBERED_KEY).ok().flatten())
            .unwrap_or_default();
        let values = match call_json(
            &importer,
            "roleValues",
            &[
                keep_json.as_str().into(),
                scenario_json.as_str().into(),
                remembered.as_str().into(),
            ],
        ) {
            Ok(v) => v,
            Err(message) => {
                // No rows left after the filter: say so, keep the step.
                self.error.set(Some(message));
                self.step.set(Step::Mapping {
                    filter_values,
                    keep,
                    values: Rc::new(Vec::new()),
                    mapping: chosen,
                    plan: Rc::new(Value::Null),
                    skipped,
                });
                return;
            }
        };
        self.error.set(None);
        let mut mapping = BTreeMap::new();
        let values: Vec<RoleValue> = values
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| {
                        let value = v["value"].as_str().unwrap_or_default().to_string();
                        let target = match chosen.get(&value) {
                            Some(t) => t.clone(),
                            None => v["target"].as_str().map(str::to_string),
                        };
                        mapping.insert(value.clone(), target);
                        RoleValue {
                            value,
                            fte: v["fte"].as_f64().unwrap_or(0.0),
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mapping = Rc::new(mapping);
        let plan = call_json(
            &importer,
            "plan",
            &[
                keep_json.as_str().into(),
                scenario_json.as_str().into(),
                mapping_json(&mapping).as_str().into(),
            ],
        );
        match plan {
            Ok(plan) => self.step.set(Step::Mapping {
                filter_values,
                keep,
                values: Rc::new(values),
                mapping,
                plan: Rc::new(plan),
                skipped,
            }),
            Err(message) => self.fail(message),
        }
    }

    fn apply(&self) {
        let Step::Mapping { plan, mapping, .. } = &*self.step else {
            return;
        };
        let roles: Vec<RoleInPost> = plan["edit"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|r| {
                        Some(RoleInPost {
                            role_id: r["role_id"].as_str()?.to_string(),
                            in_post_wte: r["in_post_wte"].as_f64()?,
                            vacant_wte: r["vacant_wte"].as_f64(),
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        if roles.is_empty() {
            self.error.set(Some(
                "No role value is mapped to a role: choose a role for at least one value, or Cancel.".into(),
            ));
            return;
        }
        let name = self
            .file
            .borrow()
            .as_ref()
            .map(|(f, _, _)| f.name())
            .unwrap_or_default();
        // Remembered in this browser for the next file.
        if let Some((_, module, _)) = self.file.borrow().as_ref() {
            if let Some(storage) = gloo::utils::window().local_storage().ok().flatten() {
                let before = storage
                    .get_item(REMEMBERED_KEY)
                    .ok()
                    .flatten()
                    .unwrap_or_default();
                if let Ok(after) = call(
                    module,
                    "remember",
                    &[before.into(), mapping_json(mapping).into()],
                ) {
                    if let Some(after) = after.as_string() {
                        let _ = storage.set_item(REMEMBERED_KEY, &after);
                    }
                }
            }
        }
        let count = roles.len();
        // The edit applied to the page's scenario, sent as the scenario to
        // open: one undo step, and the page needs no decoder of its own for
        // it (its first load stays small).
        let mut scenario = (*self.app.scenario).clone();
        if apply_edit(&mut scenario, Edit::StaffInPost(StaffInPost { roles })).is_err() {
            return;
        }
        self.to_page.send(PanelAction::Load {
            scenario: Box::new(scenario),
            origin: self.app.origin.clone(),
            notice: Some(Notice {
                kind: NoticeKind::Success,
                text: format!(
                    "Imported staff in post for {count} role{} from {}. Undo puts them back.",
                    if count == 1 { "" } else { "s" },
                    format::shorten(&name, 80)
                ),
            }),
        });
        self.reset();
    }
}

fn mapping_json(mapping: &BTreeMap<String, Option<String>>) -> String {
    serde_json::to_string(mapping).unwrap_or_default()
}

#[function_component(StaffImport)]
pub fn staff_import() -> Html {
    let app = use_app();
    let import = Import {
        step: use_state(|| Step::Idle),
        error: use_state(|| None::<String>),
        chosen: use_state(Chosen::default),
        file: use_mut_ref(|| None),
        cancelled: use_memo((), |_| Cell::new(false)),
        to_page: use_panel_dispatch(),
        app: app.clone(),
        input: use_node_ref(),
    };
    let copy = {
        let (app, to_page) = (app.clone(), import.to_page.clone());
        Callback::from(move |_| copy_table(&app.scenario, &to_page))
    };
    html! {
        <section class="staff-import" aria-labelledby="staff-import-heading">
            <div class="staff-table__tools">
                <button type="button" class="button button--secondary button--small" onclick={copy}>{"Copy table"}</button>
            </div>
            <h4 id="staff-import-heading" class="card__title">{"Import staff in post from a file"}</h4>
            { file_input(&import) }
            if let Some(message) = &*import.error {
                <p class="field__error" role="alert" id="staff-import-error">
                    <span class="visually-hidden">{"Error: "}</span>{message}
                </p>
            }
            { step_view(&import, &app.scenario) }
        </section>
    }
}

fn file_input(import: &Import) -> Html {
    let onchange = {
        let import = import.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Some(file) = input.files().and_then(|f| f.get(0)) {
                import.choose_file(file);
            }
        })
    };
    html! {
        <div class="field">
            <label class="field__label" for="staff-import-file">{"Import staff in post"}</label>
            <div class="field__hint" id="staff-import-hint">
                {"A CSV (comma, semicolon or tab separated) or an Excel .xlsx file with a row per person or per staff group and an FTE column: an ESR staff list, the NHS Workforce Statistics files, your own spreadsheet. It is read in this browser and never leaves it; nothing changes until you press Apply."}
            </div>
            <input type="file" id="staff-import-file" ref={import.input.clone()} class="field__file"
                accept=".csv,.tsv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby="staff-import-hint" {onchange} />
        </div>
    }
}

fn step_view(import: &Import, scenario: &crate::model::Scenario) -> Html {
    let cancel = {
        let import = import.clone();
        Callback::from(move |_| import.reset())
    };
    let cancel_button = html! {
        <button type="button" class="button button--secondary" onclick={cancel}>{"Cancel"}</button>
    };
    match &*import.step {
        Step::Idle => html! {},
        Step::Opening => html! { <p role="status">{"Reading the start of the file…"}</p> },
        Step::Columns {
            header,
            rows,
            sheets,
            sheet,
        } => columns_view(import, header, rows, sheets, sheet, cancel_button),
        Step::Reading { read, total } => html! {
            <div class="staff-import__progress">
                <label for="staff-import-progress">{"Reading the file"}</label>
                <progress id="staff-import-progress" max={total.to_string()} value={read.to_string()}></progress>
                <p role="status">{format!("{} MB of {} MB read", format::plain(read / 1e6, 1), format::plain(total / 1e6, 1))}</p>
                {cancel_button}
            </div>
        },
        Step::Mapping {
            filter_values,
            keep,
            values,
            mapping,
            plan,
            skipped,
        } => mapping_view(
            import,
            scenario,
            filter_values,
            keep,
            values,
            mapping,
            plan,
            *skipped,
            cancel_button,
        ),
    }
}

fn column_select(
    import: &Import,
    header: &[String],
    label: &str,
    id: &str,
    value: Option<usize>,
    optional: bool,
    set: fn(&mut Chosen, Option<usize>),
) -> Html {
    let onchange = {
        let chosen = import.chosen.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = *chosen;
            set(&mut next, select.value().parse::<usize>().ok());
            chosen.set(next);
        })
    };
    html! {
        <div class="field">
            <label class="field__label" for={id.to_string()}>{label.to_string()}</label>
            <select class="field__select" id={id.to_string()} {onchange}>
                <option value="" selected={value.is_none()}>{if optional { "None" } else { "Choose a column" }}</option>
                { for header.iter().enumerate().map(|(i, h)| html! {
                    <option value={i.to_string()} selected={value == Some(i)}>{h.clone()}</option>
                }) }
            </select>
        </div>
    }
}

fn columns_view(
    import: &Import,
    header: &[String],
    rows: &[Vec<String>],
    sheets: &[String],
    sheet: &str,
    cancel_button: Html,
) -> Html {
    let chosen = *import.chosen;
    let read = {
        let import = import.clone();
        Callback::from(move |_| import.read())
    };
    let on_sheet = {
        let import = import.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            import.show_preview(Some(select.value()));
        })
    };
    html! {
        <div class="staff-import__step">
            if sheets.len() > 1 {
                <div class="field">
                    <label class="field__label" for="staff-import-sheet">{"Sheet"}</label>
                    <select class="field__select" id="staff-import-sheet" onchange={on_sheet}>
                        { for sheets.iter().map(|s| html! { <option value={s.clone()} selected={s == sheet}>{s.clone()}</option> }) }
                    </select>
                </div>
            }
            <div class="table-wrap table-wrap--cue" tabindex="0" role="region" aria-label="The file's first rows (scrolls sideways)">
                <table class="table table--compact" id="staff-import-preview">
                    <caption>{"The file's first rows"}</caption>
                    <thead><tr>{ for header.iter().map(|h| html! { <th scope="col">{h.clone()}</th> }) }</tr></thead>
                    <tbody>
                        { for rows.iter().take(5).map(|r| html! {
                            <tr>{ for r.iter().map(|c| html! { <td>{c.clone()}</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </div>
            <div class="grid-2">
                { column_select(import, header, "Role column", "staff-import-role", chosen.role, false, |c, v| c.role = v) }
                { column_select(import, header, "FTE column", "staff-import-fte", chosen.fte, false, |c, v| c.fte = v) }
                { column_select(import, header, "Vacancies column", "staff-import-vacancies", chosen.vacancies, true, |c, v| c.vacancies = v) }
                { column_select(import, header, "Filter column", "staff-import-filter", chosen.filter, true, |c, v| c.filter = v) }
            </div>
            <div class="staff-import__actions">
                <button type="button" class="button" onclick={read} disabled={header.is_empty()}>{"Read the file"}</button>
                {cancel_button}
            </div>
        </div>
    }
}

#[allow(clippy::too_many_arguments)]
fn mapping_view(
    import: &Import,
    scenario: &crate::model::Scenario,
    filter_values: &Rc<Vec<(String, f64)>>,
    keep: &Rc<Vec<String>>,
    values: &Rc<Vec<RoleValue>>,
    mapping: &Rc<BTreeMap<String, Option<String>>>,
    plan: &Rc<Value>,
    skipped: u64,
    cancel_button: Html,
) -> Html {
    let apply = {
        let import = import.clone();
        Callback::from(move |_| import.apply())
    };
    html! {
        <div class="staff-import__step">
            if skipped > 0 {
                <p class="notice notice--info">{format!("{skipped} row{} had no FTE (empty or not a number) and {} not counted.", if skipped == 1 { "" } else { "s" }, if skipped == 1 { "was" } else { "were" })}</p>
            }
            if !filter_values.is_empty() {
                <fieldset class="staff-import__filter">
                    <legend>{"Keep the rows whose filter column is"}</legend>
                    { for filter_values.iter().map(|(value, fte)| {
                        let kept = keep.contains(value);
                        let onchange = {
                            let (import, filter_values, keep, mapping) = (import.clone(), filter_values.clone(), keep.clone(), mapping.clone());
                            let value = value.clone();
                            Callback::from(move |_| {
                                let mut next: Vec<String> = keep.iter().filter(|v| **v != value).cloned().collect();
                                if !kept { next.push(value.clone()); }
                                import.map(filter_values.clone(), Rc::new(next), mapping.clone(), skipped);
                            })
                        };
                        html! {
                            <label class="staff-import__check">
                                <input type="checkbox" checked={kept} {onchange} />
                                {format!(" {} ({} FTE)", if value.is_empty() { "(blank)" } else { value.as_str() }, format::wte(*fte))}
                            </label>
                        }
                    }) }
                </fieldset>
            }
            if !values.is_empty() {
                <div class="table-wrap" tabindex="0" role="region" aria-label="Map each role in the file">
                    <table class="table table--compact" id="staff-import-values">
                        <caption>{"Each role in the file: count it as one of your roles, or not"}</caption>
                        <thead><tr>
                            <th scope="col">{"In the file"}</th>
                            <th scope="col" class="num">{"FTE"}</th>
                            <th scope="col">{"Counted as"}</th>
                        </tr></thead>
                        <tbody>
                            { for values.iter().map(|v| value_row(import, scenario, filter_values, keep, mapping, v, skipped)) }
                        </tbody>
                    </table>
                </div>
                { plan_view(plan) }
            }
            <div class="staff-import__actions">
                <button type="button" class="button" onclick={apply} disabled={values.is_empty()}>{"Apply"}</button>
                {cancel_button}
            </div>
        </div>
    }
}

fn value_row(
    import: &Import,
    scenario: &crate::model::Scenario,
    filter_values: &Rc<Vec<(String, f64)>>,
    keep: &Rc<Vec<String>>,
    mapping: &Rc<BTreeMap<String, Option<String>>>,
    v: &RoleValue,
    skipped: u64,
) -> Html {
    let target = mapping.get(&v.value).cloned().flatten();
    let onchange = {
        let (import, filter_values, keep, mapping) = (
            import.clone(),
            filter_values.clone(),
            keep.clone(),
            mapping.clone(),
        );
        let value = v.value.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let mut next = (*mapping).clone();
            let role = select.value();
            next.insert(value.clone(), (!role.is_empty()).then_some(role));
            import.map(filter_values.clone(), keep.clone(), Rc::new(next), skipped);
        })
    };
    html! {
        <tr>
            <th scope="row">{v.value.clone()}</th>
            <td class="num">{format::wte(v.fte)}</td>
            <td>
                <select class="field__select" aria-label={v.value.clone()} {onchange}>
                    <option value="" selected={target.is_none()}>{"Not counted"}</option>
                    { for scenario.roles.iter().map(|r| html! {
                        <option value={r.id.clone()} selected={target.as_deref() == Some(r.id.as_str())}>{r.name.clone()}</option>
                    }) }
                </select>
            </td>
        </tr>
    }
}

fn plan_view(plan: &Value) -> Html {
    let Some(roles) = plan["roles"].as_array() else {
        return html! {};
    };
    let with_vacancies = plan["with_vacancies"] == true;
    html! {
        <>
            <p id="staff-import-counted">{format!(
                "{} FTE counted, {} FTE not counted.",
                format::wte(plan["counted_fte"].as_f64().unwrap_or(0.0)),
                format::wte(plan["not_counted_fte"].as_f64().unwrap_or(0.0)),
            )}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-label="Staff in post before and after">
                <table class="table table--compact" id="staff-import-plan">
                    <caption>{"Staff in post before and after the import"}</caption>
                    <thead><tr>
                        <th scope="col">{"Role"}</th>
                        <th scope="col" class="num">{"In post now"}</th>
                        <th scope="col" class="num">{"After the import"}</th>
                        if with_vacancies { <th scope="col" class="num">{"Vacancies after"}</th> }
                    </tr></thead>
                    <tbody>
                        { for roles.iter().map(|r| {
                            let set = r["set"] == true;
                            html! {
                                <tr class={classes!(set.then_some("staff-import__set"))}>
                                    <th scope="row">{r["name"].as_str().unwrap_or_default().to_string()}</th>
                                    <td class="num">{format::wte(r["in_post_before"].as_f64().unwrap_or(0.0))}</td>
                                    <td class="num">{if set { format::wte(r["in_post_after"].as_f64().unwrap_or(0.0)) } else { "unchanged".into() }}</td>
                                    if with_vacancies {
                                        <td class="num">{if set { format::wte(r["vacant_after"].as_f64().unwrap_or(0.0)) } else { "unchanged".into() }}</td>
                                    }
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </div>
        </>
    }
}

/// "Copy table": the staff table (name, in post, vacancies, cost, leavers,
/// joiners) as tab-separated text on the clipboard, for a spreadsheet; it
/// pastes back into the table.
fn copy_table(scenario: &crate::model::Scenario, to_page: &PanelDispatch) {
    let text = copy_block(scenario, &StaffColumn::STAFF);
    let roles = scenario.roles.len();
    let navigator = gloo::utils::window().navigator();
    let to_page = to_page.clone();
    let notify = move |kind, text: String| to_page.send(PanelAction::Notify(Notice { kind, text }));
    // The clipboard exists only on a secure page (https or this machine).
    if !Reflect::get(&navigator, &"clipboard".into()).is_ok_and(|c| c.is_object()) {
        notify(
            NoticeKind::Error,
            "This page cannot reach the clipboard (it needs https): select the table and copy it instead.".into(),
        );
        return;
    }
    let promise = navigator.clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        match JsFuture::from(promise).await {
            Ok(_) => notify(
                NoticeKind::Success,
                format!("Copied the table ({roles} roles) as tab-separated text: paste it into a spreadsheet."),
            ),
            Err(_) => notify(
                NoticeKind::Error,
                "The browser did not allow copying to the clipboard: select the table and copy it instead.".into(),
            ),
        }
    });
}
