//! "Start from your area": a combobox (WAI-ARIA Authoring Practices, list
//! autocomplete) that finds an English area by name or code and fills a
//! place's population and need index from the area tables, with their
//! sources. For an integrated care board, one click makes its sub-ICB
//! locations or local authorities the places.
//!
//! The tables (`areas.tsv`, built from `data/areas/`) are fetched from the
//! page's own origin the first time the picker is focused: nothing else on
//! the page needs them, so the first load does not carry them.

use std::rc::Rc;

use yew::prelude::*;

use crate::format;
use crate::io::areas::{AreaLevel, AreaTable, PlacesKind};
use crate::model::scenario::Place;
use crate::ui::runtime::bridge::{use_panel_dispatch, PanelAction, PanelDispatch};
use crate::ui::use_app;

/// Where the asset is, relative to the page (so a sub-path host works).
pub const AREAS_URL: &str = "areas.tsv";

/// At most this many areas are listed as the user types.
const MATCHES: usize = 12;

#[derive(Clone, PartialEq)]
enum Tables {
    NotLoaded,
    Loading,
    Ready(Rc<AreaTable>),
    Failed(String),
}

/// Fetch and decode the area tables; a message saying what went wrong
/// otherwise.
async fn fetch_tables() -> Result<AreaTable, String> {
    let text = crate::ui::panels::fetch::fetch_text(AREAS_URL, "the list of areas").await?;
    AreaTable::parse(&text).map_err(|e| format!("The list of areas is damaged: {e}"))
}

/// Ids for new places from areas: the area's code, made unique against
/// `taken` and each other.
fn unique_places(mut places: Vec<Place>) -> Vec<Place> {
    let mut seen: Vec<String> = Vec::new();
    for place in &mut places {
        let base = place.id_base();
        let mut id = base.clone();
        let mut n = 2;
        while seen.contains(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        seen.push(id.clone());
        place.id = id;
    }
    places
}

/// A place filled from area `index` of the tables, with the other method's
/// need index and GP-recorded SMI prevalence noted beside it.
fn place_for(table: &AreaTable, index: usize, share: f64, scale: bool) -> Place {
    let mut place = table.place_from(index, share, scale, String::new());
    if let Some((value, method)) = table.other_need_index(index) {
        place.sources.insert(
            "need_index_other".to_string(),
            format!("Other estimate: {} ({method})", format::plain(value, 3)),
        );
    }
    if let Some(smi) = table.areas[index].smi_register_pct {
        place.sources.insert(
            "smi_register".to_string(),
            format!(
                "Local cross-check: GP-recorded serious mental illness {}% of registered patients (QOF 2024/25)",
                format::plain(smi, 2)
            ),
        );
    }
    place
}

/// The picker's own state: one reducer, so that its handlers share one
/// dispatcher rather than a handle per value.
#[derive(Clone, PartialEq)]
struct Picker {
    tables: Tables,
    query: String,
    open: bool,
    /// The highlighted option, by its position in the list shown.
    active: Option<usize>,
    scale: bool,
    /// The area chosen last (an index into the tables).
    chosen: Option<usize>,
    /// Which place a chosen area fills: an index, or None for a new place.
    target: Option<usize>,
    status: String,
}

enum Msg {
    Tables(Tables),
    Typed(String),
    /// Move the highlight down (true) or up through `count` options.
    Move(bool, usize),
    Close,
    Escape,
    Scale(bool),
    Target(Option<usize>),
    /// An area chosen: its index, its name (the input's new text) and what
    /// was filled.
    Chosen(usize, String, String),
}

impl Reducible for Picker {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut s = (*self).clone();
        match msg {
            Msg::Tables(t) => s.tables = t,
            Msg::Typed(text) => {
                s.query = text;
                s.open = true;
                s.active = None;
            }
            Msg::Move(down, count) => {
                s.open = true;
                s.active = match (s.active, count.checked_sub(1)) {
                    (_, None) => None,
                    (Some(i), Some(last)) if down && i < last => Some(i + 1),
                    (Some(i), Some(_)) if !down && i > 0 => Some(i - 1),
                    (_, Some(last)) => Some(if down { 0 } else { last }),
                };
            }
            Msg::Close => s.open = false,
            Msg::Escape => {
                if s.open {
                    s.open = false;
                } else {
                    s.query.clear();
                }
                s.active = None;
            }
            Msg::Scale(on) => s.scale = on,
            Msg::Target(t) => s.target = t,
            Msg::Chosen(index, name, status) => {
                s.chosen = Some(index);
                s.query = name;
                s.status = status;
                s.open = false;
                s.active = None;
            }
        }
        Rc::new(s)
    }
}

#[function_component(AreaPicker)]
pub fn area_picker() -> Html {
    let app = use_app();
    let to_page = use_panel_dispatch();
    let picker = use_reducer(|| Picker {
        tables: Tables::NotLoaded,
        query: String::new(),
        open: false,
        active: None,
        scale: true,
        chosen: None,
        target: Some(0),
        status: String::new(),
    });
    // The picker's own state (what is typed, the list, the choice) stays
    // here; the places it fills go to the page.
    let local = picker.dispatcher();

    // The tables are fetched the first time the picker is used (and again
    // after a failure).
    let load = {
        let local = local.clone();
        let idle = matches!(picker.tables, Tables::NotLoaded | Tables::Failed(_));
        move || {
            if idle {
                local.dispatch(Msg::Tables(Tables::Loading));
                let local = local.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    local.dispatch(Msg::Tables(match fetch_tables().await {
                        Ok(t) => Tables::Ready(Rc::new(t)),
                        Err(e) => Tables::Failed(e),
                    }));
                });
            }
        }
    };

    let table = match &picker.tables {
        Tables::Ready(t) => Some(t.clone()),
        _ => None,
    };
    let matches: Vec<usize> = match (&table, picker.open) {
        (Some(t), true) => t.search(&picker.query, MATCHES),
        _ => Vec::new(),
    };
    let places_count = app.scenario.places.len();
    let target_index = picker.target.filter(|i| *i < places_count);

    let choose = {
        let to_page = to_page.clone();
        let table = table.clone();
        let local = local.clone();
        let scale = picker.scale;
        Callback::from(move |index: usize| {
            let Some(t) = &table else { return };
            let place = place_for(t, index, 1.0, scale);
            let area = &t.areas[index];
            let status = format!(
                "Filled from {}: population {}, need index {}.",
                area.name,
                format::people(place.population.total()),
                format::plain(place.need_index, 3)
            );
            local.dispatch(Msg::Chosen(index, area.name.clone(), status));
            to_page.send(PanelAction::FillPlace {
                index: target_index,
                place: Box::new(place),
            });
        })
    };

    let oninput = {
        let local = local.clone();
        let load = load.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            local.dispatch(Msg::Typed(input.value()));
            load();
        })
    };
    let onfocus = Callback::from(move |_: FocusEvent| load());
    let onkeydown = {
        let local = local.clone();
        let active = picker.active.and_then(|i| matches.get(i).copied());
        let count = matches.len();
        let choose = choose.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            key @ ("ArrowDown" | "ArrowUp") => {
                e.prevent_default();
                local.dispatch(Msg::Move(key == "ArrowDown", count));
            }
            "Enter" => {
                if let Some(i) = active {
                    e.prevent_default();
                    choose.emit(i);
                }
            }
            "Escape" => local.dispatch(Msg::Escape),
            _ => {}
        })
    };
    let onblur = {
        let local = local.clone();
        Callback::from(move |_: FocusEvent| local.dispatch(Msg::Close))
    };
    let on_scale = {
        let local = local.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            local.dispatch(Msg::Scale(input.checked()));
        })
    };
    let on_target = Callback::from(move |e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        local.dispatch(Msg::Target(select.value().parse::<usize>().ok()));
    });

    let open = picker.open && table.is_some();
    let active_id = picker
        .active
        .and_then(|i| matches.get(i))
        .map(|a| format!("area-option-{a}"));
    let status = match &picker.tables {
        Tables::Loading => "Loading England's areas...".to_string(),
        Tables::Failed(e) => {
            format!("{e} You can still type your population and need index below.")
        }
        _ => picker.status.clone(),
    };
    html! {
        <div class="area-picker">
            <h4 class="area-picker__title">{"Start from your area"}</h4>
            <div class="field">
                <label class="field__label" for="area-search">{"Find your area"}</label>
                <div class="field__hint" id="area-search-hint">
                    {"Type a name or code: an integrated care board (\"West Yorkshire\", \"QWO\"), a sub-ICB location (\"02P\") or a local authority (\"Leeds\", \"E08000035\"). Choosing one fills the population and need index, with their sources; services, roles and staff stay as they are."}
                </div>
                <div class="combobox">
                    <input id="area-search" class="field__input field__input--wide" type="text"
                        role="combobox" aria-autocomplete="list" aria-controls="area-listbox"
                        aria-expanded={if open { "true" } else { "false" }}
                        aria-activedescendant={active_id}
                        aria-describedby="area-search-hint area-picker-status"
                        autocomplete="off" spellcheck="false"
                        value={picker.query.clone()} {oninput} {onfocus} {onkeydown} {onblur} />
                    { listbox(open, &table, &matches, picker.active, &choose) }
                </div>
            </div>
            if places_count > 1 {
                <div class="field">
                    <label class="field__label" for="area-target">{"Fill which place?"}</label>
                    <select id="area-target" class="field__input field__input--wide" onchange={on_target}>
                        { for app.scenario.places.iter().enumerate().map(|(i, p)| html! {
                            <option value={i.to_string()} selected={target_index == Some(i)}>{p.name.clone()}</option>
                        }) }
                        <option value="new" selected={target_index.is_none()}>{"A new place"}</option>
                    </select>
                </div>
            }
            <div class="checkbox">
                <input type="checkbox" id="area-scale" checked={picker.scale} onchange={on_scale} />
                <label for="area-scale">{"Scale Census 2021 counts to mid-2023 (by England's change in each age band, ONS mid-year estimates)"}</label>
            </div>
            <p id="area-picker-status" class="area-picker__status" role="status" aria-live="polite">{status}</p>
            if let (Some(t), Some(index)) = (&table, picker.chosen) {
                { icb_places(&to_page, t, index, picker.scale) }
            }
            if let Some((licence, sources)) = table.as_ref().and_then(|t| t.attribution.split_first()) {
                <div class="area-picker__attribution">
                    <p>{licence.clone()}</p>
                    <details>
                        <summary>{"Where the area figures come from"}</summary>
                        { for sources.iter().map(|s| html! { <p>{s.clone()}</p> }) }
                    </details>
                </div>
            }
        </div>
    }
}

fn listbox(
    open: bool,
    table: &Option<Rc<AreaTable>>,
    matches: &[usize],
    active: Option<usize>,
    choose: &Callback<usize>,
) -> Html {
    let Some(table) = table.as_ref().filter(|_| open) else {
        return html! { <ul id="area-listbox" role="listbox" aria-label="Areas" class="combobox__list" hidden=true></ul> };
    };
    if matches.is_empty() {
        return html! {
            <ul id="area-listbox" role="listbox" aria-label="Areas" class="combobox__list">
                <li class="combobox__empty" role="presentation">{"No area matches. Try a shorter name or a code."}</li>
            </ul>
        };
    }
    let mut groups: Vec<(AreaLevel, Vec<(usize, usize)>)> = Vec::new();
    for (position, &index) in matches.iter().enumerate() {
        let level = table.areas[index].level;
        match groups.iter_mut().find(|(l, _)| *l == level) {
            Some((_, items)) => items.push((position, index)),
            None => groups.push((level, vec![(position, index)])),
        }
    }
    html! {
        <div id="area-listbox" role="listbox" aria-label="Areas" class="combobox__list">
            { for groups.into_iter().enumerate().map(|(g, (level, items))| html! {
                <div role="group" aria-label={level.label()} key={g}>
                    <div class="combobox__group" aria-hidden="true">{level.label()}</div>
                    { for items.into_iter().map(|(position, index)| {
                        let area = &table.areas[index];
                        let selected = active == Some(position);
                        let onmousedown = {
                            let choose = choose.clone();
                            // mousedown, not click: it comes before the input's blur closes the list.
                            Callback::from(move |e: MouseEvent| {
                                e.prevent_default();
                                choose.emit(index);
                            })
                        };
                        let codes = match &area.ods {
                            Some(ods) => format!("{ods} · {}", area.code),
                            None => area.code.clone(),
                        };
                        html! {
                            <div id={format!("area-option-{index}")} role="option" class={classes!("combobox__option", selected.then_some("combobox__option--active"))}
                                aria-selected={if selected { "true" } else { "false" }} {onmousedown}>
                                <span class="combobox__name">{area.name.clone()}</span>
                                <span class="combobox__code">{codes}</span>
                            </div>
                        }
                    }) }
                </div>
            }) }
        </div>
    }
}

/// For a chosen 2026 ICB: buttons that make its sub-ICB locations or its
/// local authorities the scenario's places.
fn icb_places(to_page: &PanelDispatch, table: &Rc<AreaTable>, index: usize, scale: bool) -> Html {
    if table.areas[index].level != AreaLevel::Icb {
        return html! {};
    }
    let button = |kind: PlacesKind, words: &str| {
        let members = table.places_of(index, kind);
        if members.is_empty() {
            return html! {};
        }
        let label = format!("Use its {} {words} as the places", members.len());
        let onclick = {
            let to_page = to_page.clone();
            let table = table.clone();
            Callback::from(move |_| {
                let places = members
                    .iter()
                    .map(|(member, share)| place_for(&table, *member, *share, scale))
                    .collect();
                to_page.send(PanelAction::ReplacePlaces(unique_places(places)));
            })
        };
        html! { <button type="button" class="button button--secondary" {onclick}>{label}</button> }
    };
    html! {
        <div class="area-picker__icb">
            <p>{format!("{} is an integrated care board. Model its places side by side (this replaces the places below; services, roles and staff stay):", table.areas[index].name)}</p>
            <div class="button-row">
                { button(PlacesKind::SubIcb, "sub-ICB locations") }
                { button(PlacesKind::LocalAuthority, "local authorities") }
            </div>
        </div>
    }
}
