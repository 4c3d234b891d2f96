//! Roles and their staff as one table you can type and paste into, as in a
//! spreadsheet (issue 16): a row per role (name, staff group, employer
//! sector, then in post, funded vacancies, cost, leavers and joiners, and
//! the training pipeline's columns when shown). Every cell is an input
//! named by its role and column ("Mental health nurse: In post WTE");
//! arrow keys and Enter move between cells; a block copied from a
//! spreadsheet pasted into any cell fills rightwards and downwards as one
//! undo step ([`crate::model::paste`]); "Copy table" (with the import,
//! `ui::panels::staff_import`) puts it on the clipboard for a spreadsheet.
//! What only a few need (each default's
//! source, "How is this calculated?") opens from the row.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::field::{Field, RoleField, Unit};
use crate::model::paste::{self, StaffColumn};
use crate::model::scenario::{Group, Role, Sector};
use crate::ui::runtime::panel_host::{Panel, PanelHost, Trigger};
use crate::ui::shared::confirm::confirm;
use crate::ui::shared::memo::memo;
use crate::ui::state::{
    role_details_section, Action, Edit, Notice, NoticeKind, TextField, UiAction,
};
use crate::ui::{dom_id, AppHandle};

/// The id of the cost column's hint (what the default cost counts).
const COST_HINT: &str = "staff-annual_cost-hint";

/// The open-section id of the training pipeline's columns.
const PIPELINE_COLUMNS: &str = "staff-pipeline";

/// A cell of the table: a typed column, or one of the two lists.
#[derive(Clone, Copy, PartialEq)]
enum Cell {
    Typed(StaffColumn),
    Group,
    Sector,
}

/// The cells of a row, in order: the name, the two lists, then the numbers.
fn cells(pipeline: bool) -> Vec<Cell> {
    let mut cells = vec![Cell::Typed(StaffColumn::Name), Cell::Group, Cell::Sector];
    cells.extend(
        RoleField::STAFF
            .iter()
            .map(|f| Cell::Typed(StaffColumn::Number(*f))),
    );
    if pipeline {
        cells.extend(
            RoleField::PIPELINE
                .iter()
                .map(|f| Cell::Typed(StaffColumn::Number(*f))),
        );
    }
    cells
}

/// The columns a paste fills and a copy writes: the lists are chosen, never
/// pasted.
fn typed_columns(cells: &[Cell]) -> Vec<StaffColumn> {
    cells
        .iter()
        .filter_map(|c| match c {
            Cell::Typed(t) => Some(*t),
            _ => None,
        })
        .collect()
}

/// "Role 3" for a role with no name yet.
fn heading(role: &Role, i: usize) -> String {
    if role.name.trim().is_empty() {
        format!("Role {}", i + 1)
    } else {
        role.name.clone()
    }
}

pub fn roles_editor(app: &AppHandle) -> Html {
    let add = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::Edit(Edit::AddRole)))
    };
    let count = app.scenario.roles.len();
    let pipeline_error = (0..count).any(|i| {
        RoleField::PIPELINE
            .iter()
            .any(|f| app.error_for(&Field::Role(i, *f).path()).is_some())
    });
    let pipeline_open = app.open_sections.iter().any(|s| s == PIPELINE_COLUMNS);
    // Shown while one of them has a problem, so the error summary's link
    // has an input to go to.
    let pipeline = pipeline_open || pipeline_error;
    let cells = cells(pipeline);
    let toggle_pipeline = {
        let app = app.clone();
        Callback::from(move |_| {
            app.dispatch(Action::Ui(UiAction::ToggleSection {
                id: PIPELINE_COLUMNS.into(),
                open: !pipeline_open,
            }))
        })
    };
    let onkeydown = Callback::from(|e: KeyboardEvent| move_between_cells(&e));
    let onpaste = {
        let app = app.clone();
        let cells = cells.clone();
        Callback::from(move |e: Event| paste_block(&app, &cells, e))
    };
    html! {
        <details class="panel" open=true id="staff">
            <summary class="panel__summary"><h3 class="panel__title">{format!("Roles ({count})")}</h3></summary>
            <p class="panel__intro">{"New roles and the voluntary sector (VCSE) are counted in their own groups: they complement registered professions and are never netted against them."}</p>
            <p class="panel__intro scope-note">{"Staff in post: count only the people who work in the service lines above, not a trust's whole workforce (that shows a surplus that is not there)."}</p>
            <p class="panel__intro" id="staff-table-hint">
                {"Type into the table as into a spreadsheet: the up and down arrows and Enter move between cells. Paste a block copied from Excel, LibreOffice or Google Sheets into any cell and it fills rightwards and downwards (rates as 11% or 0.11); Undo puts it all back."}
            </p>
            <div class="staff-table__tools">
                <button type="button" class="button button--secondary button--small" onclick={toggle_pipeline}
                    aria-pressed={pipeline.to_string()} disabled={pipeline_error}>
                    {"Show training pipeline columns"}
                </button>
            </div>
            // Import staff in post from a workforce file: the panels module
            // (its form) and the fourth module (the file's reading), loaded
            // when this comes near the screen and when a file is chosen.
            <PanelHost panel={Panel::StaffImport} id="staff-import"
                trigger={Trigger::Near("Show import staff in post from a file".into())} />
            <div class="table-wrap table-wrap--cue staff-table__wrap" tabindex="0" role="region" aria-label="Staff in post by role (scrolls sideways)">
                <table class="table staff-table" id="staff-table" aria-describedby="staff-table-hint" {onkeydown} {onpaste}>
                    <caption class="visually-hidden">{"Roles and staff in post"}</caption>
                    <thead><tr>
                        { for cells.iter().map(|c| column_header(*c)) }
                        <th scope="col"><span class="visually-hidden">{"Role actions"}</span></th>
                    </tr></thead>
                    // A row group per role: its cells, and its details when open.
                    { for (0..count).map(|i| role_rows_memo(app, i, &cells)) }
                </table>
            </div>
            <p class="field__hint" id={COST_HINT}>
                {"Annual cost: "}{RoleField::AnnualCost.spec().hint}
            </p>
            <button type="button" class="button button--secondary" onclick={add}>{"Add a role"}</button>
        </details>
    }
}

fn column_header(cell: Cell) -> Html {
    let (text, unit) = match cell {
        Cell::Group => ("Staff group", None),
        Cell::Sector => ("Employer sector", None),
        Cell::Typed(StaffColumn::Name) => ("Role", None),
        Cell::Typed(column @ StaffColumn::Number(f)) => (column.title(), Some(f.spec().unit)),
    };
    let unit = unit.and_then(|u| match u {
        Unit::Percent => Some("%"),
        Unit::Money => Some("£ a year"),
        Unit::Years => Some("years"),
        _ => None,
    });
    let numeric = matches!(cell, Cell::Typed(StaffColumn::Number(_)));
    html! {
        <th scope="col" class={classes!(numeric.then_some("num"))}>
            {text}
            if let Some(unit) = unit { <span class="staff-table__unit">{format!(" ({unit})")}</span> }
        </th>
    }
}

/// A role's row group, rendered again only when what it shows changed: the
/// role, its cells' typed text and problems, whether its details are open,
/// the columns, and the inputs the host page locked.
fn role_rows_memo(app: &AppHandle, i: usize, cells: &[Cell]) -> Html {
    let Some(role) = app.scenario.roles.get(i) else {
        return html! {};
    };
    let deps = (
        i,
        role.clone(),
        cells.to_vec(),
        app.open_sections.contains(&role_details_section(&role.id)),
        app.marks_under(&format!("roles[{i}]")),
    );
    let (app, cells) = (app.clone(), cells.to_vec());
    memo(deps, move || role_rows(&app, i, &cells))
}

/// A role's row group: its row, and under it its details when open.
fn role_rows(app: &AppHandle, i: usize, cells: &[Cell]) -> Html {
    let Some(role) = app.scenario.roles.get(i) else {
        return html! {};
    };
    let heading = heading(role, i);
    let details_id = role_details_section(&role.id);
    let open = app.open_sections.contains(&details_id);
    let toggle = {
        let (app, id) = (app.clone(), details_id.clone());
        Callback::from(move |_| {
            app.dispatch(Action::Ui(UiAction::ToggleSection {
                id: id.clone(),
                open: !open,
            }))
        })
    };
    let remove = {
        let app = app.clone();
        let heading = heading.clone();
        Callback::from(move |_| {
            if confirm(&format!(
                "Remove the role \"{heading}\"? Its shares in every service's role mix go too."
            )) {
                app.dispatch(Action::Edit(Edit::RemoveRole(i)));
            }
        })
    };
    html! {
        <tbody class="staff-table__role">
            <tr>
                { for cells.iter().enumerate().map(|(c, cell)| cell_view(app, i, c, *cell, role, &heading)) }
                <td class="staff-table__actions">
                    <button type="button" class="button button--small button--secondary" onclick={toggle}
                        aria-expanded={open.to_string()} aria-controls={details_id.clone()}
                        aria-label={format!("Details of {heading}")}>{"Details"}</button>
                    <button type="button" class="button button--small button--warning" onclick={remove}
                        aria-label={format!("Remove {heading}")}>{"Remove"}</button>
                </td>
            </tr>
            if open {
                <tr class="staff-table__details" id={details_id}>
                    <td colspan={(cells.len() + 1).to_string()}>{ role_details(app, i, &heading) }</td>
                </tr>
            }
        </tbody>
    }
}

fn cell_view(app: &AppHandle, i: usize, c: usize, cell: Cell, role: &Role, heading: &str) -> Html {
    let at = format!("{i}:{c}");
    match cell {
        Cell::Typed(StaffColumn::Name) => name_cell(
            app,
            TextField::RoleName(i),
            &role.name,
            format!("{heading}: Role name"),
            at,
            Some(format!("roles[{i}].id")),
        ),
        Cell::Group => {
            let onchange = {
                let app = app.clone();
                Callback::from(move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    if let Some(g) = Group::from_key(&select.value()) {
                        app.dispatch(Action::Edit(Edit::SetRoleGroup(i, g)));
                    }
                })
            };
            html! {
                <td>
                    <select class="field__select" id={dom_id(&format!("roles[{i}].group"))} data-cell={at}
                        aria-label={format!("{heading}: Staff group")} {onchange}>
                        { for Group::ALL.iter().map(|g| html! {
                            <option value={g.key()} selected={*g == role.group}>{g.label()}</option>
                        }) }
                    </select>
                </td>
            }
        }
        Cell::Sector => {
            let onchange = {
                let app = app.clone();
                Callback::from(move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    if let Some(s) = Sector::from_key(&select.value()) {
                        app.dispatch(Action::Edit(Edit::SetRoleSector(i, s)));
                    }
                })
            };
            html! {
                <td>
                    <select class="field__select" id={dom_id(&format!("roles[{i}].sector"))} data-cell={at}
                        aria-label={format!("{heading}: Employer sector")} {onchange}>
                        { for Sector::ALL.iter().map(|s| html! {
                            <option value={s.key()} selected={*s == role.sector}>{s.label()}</option>
                        }) }
                    </select>
                </td>
            }
        }
        Cell::Typed(column @ StaffColumn::Number(f)) => number_cell(
            app,
            &Field::Role(i, f),
            &format!("{heading}: {}", column.title()),
            at,
            (f == RoleField::AnnualCost).then_some(COST_HINT),
        ),
    }
}

/// The name cell that heads a row of a table (a role's, a service's): the
/// text as typed, named by the row (`label`), with its problem under it
/// (or, failing that, the problem at `also`: a role's id).
pub fn name_cell(
    app: &AppHandle,
    field: TextField,
    value: &str,
    label: String,
    at: String,
    also: Option<String>,
) -> Html {
    let path = field.path();
    let id = dom_id(&path);
    let error_id = format!("{id}-error");
    let error = app
        .error_for(&path)
        .or_else(|| also.and_then(|p| app.error_for(&p)));
    let oninput = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::Edit(Edit::SetText {
                field: field.clone(),
                value: input.value(),
            }));
        })
    };
    html! {
        <th scope="row" class={classes!("staff-table__name", error.is_some().then_some("field--error"))}>
            <input class="field__input" id={id} type="text" value={value.to_string()}
                data-cell={at} aria-label={label} {oninput}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={error.is_some().then(|| error_id.clone())} />
            if let Some(e) = &error { <p class="field__error" id={error_id}>{e}</p> }
        </th>
    }
}

/// One numeric cell of a table: its input and its problem.
pub fn number_cell(
    app: &AppHandle,
    field: &Field,
    label: &str,
    at: String,
    hint: Option<&'static str>,
) -> Html {
    let error = app.error_for(&field.path()).is_some();
    html! {
        <td class={classes!("num", error.then_some("field--error"))}>
            { cell_input(app, field, label, Some(at), hint) }
        </td>
    }
}

/// A table's numeric input, named by its row and column (`label`): the text
/// as typed, its problem under it; `at` places it for the arrow keys,
/// `hint` is the id of a column's hint that describes it.
pub fn cell_input(
    app: &AppHandle,
    field: &Field,
    label: &str,
    at: Option<String>,
    hint: Option<&'static str>,
) -> Html {
    let path = field.path();
    let id = dom_id(&path);
    let error_id = format!("{id}-error");
    let error = app.error_for(&path);
    let oninput = {
        let app = app.clone();
        let field = field.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            app.dispatch(Action::Edit(Edit::SetNumber {
                field: field.clone(),
                text: input.value(),
            }));
        })
    };
    html! {
        <>
            <input class="field__input staff-table__input" id={id} name={path} type="text"
                inputmode="decimal" autocomplete="off" spellcheck="false"
                value={app.text_for(field)} readonly={app.is_locked(field)}
                data-cell={at} data-unit={format!("({})", field.unit().hint())} aria-label={label.to_string()}
                aria-invalid={error.is_some().then_some("true")}
                aria-describedby={match (&error, hint) {
                    (Some(_), Some(h)) => Some(format!("{error_id} {h}")),
                    (Some(_), None) => Some(error_id.clone()),
                    (None, h) => h.map(String::from),
                }} {oninput} />
            if let Some(message) = &error {
                <span class="field__error" id={error_id}>
                    <span class="visually-hidden">{"Error: "}</span>{message}
                </span>
            }
        </>
    }
}

/// What only a few need: where each default comes from, what each column
/// means, and how the role's numbers are calculated.
fn role_details(app: &AppHandle, i: usize, heading: &str) -> Html {
    let Some(role) = app.scenario.roles.get(i) else {
        return html! {};
    };
    // Where each default comes from and the calculation, from the panels
    // module (`ui::panels::explain::CardExplanation`).
    let panel = Panel::Explain {
        role: true,
        id: AttrValue::from(role.id.clone()),
    };
    html! {
        <div class="staff-table__more">
            <h4 class="card__title">{format!("{heading}: sources and calculation")}</h4>
            <PanelHost id={format!("{}-steps", panel.name())} {panel}
                trigger={Trigger::Now("Loading the sources and the calculation…".into())} />
        </div>
    }
}

/// Up and down arrows, Enter and Shift+Enter move between a column's cells,
/// as in a spreadsheet (a list keeps its own arrows); the text of the cell
/// reached is selected, so typing replaces it.
pub fn move_between_cells(e: &KeyboardEvent) {
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some((r, c)) = cell_at_of(&input) else {
        return;
    };
    let up = match e.key().as_str() {
        "ArrowUp" => true,
        "Enter" => e.shift_key(),
        "ArrowDown" => false,
        _ => return,
    };
    let Some(r) = (if up { r.checked_sub(1) } else { Some(r + 1) }) else {
        return;
    };
    let found = input
        .closest("table")
        .ok()
        .flatten()
        .and_then(|table| {
            table
                .query_selector(&format!("[data-cell=\"{r}:{c}\"]"))
                .ok()
        })
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
    if let Some(next) = found {
        e.prevent_default();
        let _ = next.focus();
        next.select();
    }
}

/// The (row, column) of a cell of the table.
fn cell_at_of(el: &web_sys::Element) -> Option<(usize, usize)> {
    let at = el.get_attribute("data-cell")?;
    let (r, c) = at.split_once(':')?;
    Some((r.parse().ok()?, c.parse().ok()?))
}

/// A block pasted into a cell (tab-separated, rows on lines) fills the
/// table from that cell; one value pastes as into any input.
fn paste_block(app: &AppHandle, cells: &[Cell], e: Event) {
    // The lists are chosen, never pasted: a block goes along the typed
    // columns.
    let columns = typed_columns(cells);
    let column_of = |c: usize| match cells.get(c) {
        Some(Cell::Typed(t)) => columns.iter().position(|x| x == t),
        _ => None,
    };
    paste_into(
        app,
        e,
        &paste::staff_cell(app.scenario.roles.len(), &columns),
        &column_of,
    );
}

/// A paste into a table's cell: a block (tab-separated, rows on lines)
/// fills the table from that cell as one undo step, through `cell_at`
/// (which takes the table's own columns: `column_of` turns a cell's place
/// into one); one value pastes as into any input, and one over several
/// lines is kept and refused.
pub fn paste_into(
    app: &AppHandle,
    e: Event,
    cell_at: &dyn Fn(usize, usize) -> Option<paste::PasteCell>,
    column_of: &dyn Fn(usize) -> Option<usize>,
) {
    let Some(target) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some((r, c)) = cell_at_of(&target) else {
        return;
    };
    let Some(column) = column_of(c) else {
        return;
    };
    let Some(text) = e
        .dyn_ref::<web_sys::ClipboardEvent>()
        .and_then(|c| c.clipboard_data())
        .and_then(|d| d.get_data("text").ok())
    else {
        return;
    };
    if !paste::is_block(&text) {
        if text.trim().contains(['\n', '\r']) {
            if let Some(paste::PasteCell::Number(field)) = cell_at(r, column) {
                e.prevent_default();
                app.dispatch(Action::Edit(Edit::SetNumber { field, text }));
            }
        }
        return;
    }
    e.prevent_default();
    let plan = paste::plan(cell_at, r, column, &text);
    let message = plan.message();
    if let Some(edit) = plan.edit {
        app.dispatch(Action::Edit(edit));
    }
    app.dispatch(Action::Ui(UiAction::Notify(Notice {
        kind: if plan.beyond == 0 {
            NoticeKind::Success
        } else {
            NoticeKind::Info
        },
        text: message,
    })));
}
