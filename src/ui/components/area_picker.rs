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

use crate::areas::{AreaLevel, AreaTable, PlacesKind};
use crate::format;
use crate::model::scenario::Place;
use crate::ui::state::Action;
use crate::ui::{use_app, AppHandle};

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
#[cfg(target_arch = "wasm32")]
async fn fetch_tables() -> Result<AreaTable, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let failed = |what: &str| format!("The list of areas could not be loaded ({what}).");
    let window = gloo::utils::window();
    let response = JsFuture::from(window.fetch_with_str(AREAS_URL))
        .await
        .map_err(|_| failed("no answer from the server"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| failed("not a response"))?;
    if !response.ok() {
        return Err(failed(&format!("the server said {}", response.status())));
    }
    let text = response.text().map_err(|_| failed("no text"))?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| failed("the download broke off"))?
        .as_string()
        .unwrap_or_default();
    AreaTable::parse(&text).map_err(|e| format!("The list of areas is damaged: {e}"))
}

#[cfg(not(target_arch = "wasm32"))]
async fn fetch_tables() -> Result<AreaTable, String> {
    Err("The list of areas is only available in the browser.".to_string())
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

#[function_component(AreaPicker)]
pub fn area_picker() -> Html {
    let app = use_app();
    let tables = use_state(|| Tables::NotLoaded);
    let query = use_state(String::new);
    let expanded = use_state(|| false);
    let active = use_state(|| None::<usize>);
    let scale = use_state(|| true);
    let chosen = use_state(|| None::<usize>);
    // Which place a chosen area fills: an index, or None for a new place.
    let target = use_state(|| Some(0usize));
    let status = use_state(String::new);

    let load = {
        let tables = tables.clone();
        Callback::from(move |_: ()| {
            if matches!(*tables, Tables::NotLoaded | Tables::Failed(_)) {
                tables.set(Tables::Loading);
                let tables = tables.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    tables.set(match fetch_tables().await {
                        Ok(t) => Tables::Ready(Rc::new(t)),
                        Err(e) => Tables::Failed(e),
                    });
                });
            }
        })
    };

    let table = match &*tables {
        Tables::Ready(t) => Some(t.clone()),
        _ => None,
    };
    let matches: Vec<usize> = match (&table, *expanded) {
        (Some(t), true) => t.search(&query, MATCHES),
        _ => Vec::new(),
    };
    let places_count = app.scenario.places.len();
    let target_index = target.filter(|i| *i < places_count);

    let choose = {
        let app = app.clone();
        let table = table.clone();
        let query = query.clone();
        let expanded = expanded.clone();
        let chosen = chosen.clone();
        let status = status.clone();
        let scale = *scale;
        Callback::from(move |index: usize| {
            let Some(t) = &table else { return };
            let place = place_for(t, index, 1.0, scale);
            let area = &t.areas[index];
            status.set(format!(
                "{}: population {}, need index {}.",
                area.name,
                format::people(place.population.total()),
                format::plain(place.need_index, 3)
            ));
            query.set(area.name.clone());
            expanded.set(false);
            chosen.set(Some(index));
            app.dispatch(Action::FillPlace {
                index: target_index,
                place: Box::new(place),
            });
        })
    };

    let oninput = {
        let query = query.clone();
        let expanded = expanded.clone();
        let active = active.clone();
        let load = load.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
            expanded.set(true);
            active.set(None);
            load.emit(());
        })
    };
    let onfocus = {
        let load = load.clone();
        Callback::from(move |_: FocusEvent| load.emit(()))
    };
    let onkeydown = {
        let expanded = expanded.clone();
        let active = active.clone();
        let matches = matches.clone();
        let choose = choose.clone();
        let query = query.clone();
        Callback::from(move |e: KeyboardEvent| {
            let last = matches.len().checked_sub(1);
            match e.key().as_str() {
                "ArrowDown" => {
                    e.prevent_default();
                    expanded.set(true);
                    active.set(match (*active, last) {
                        (_, None) => None,
                        (Some(i), Some(l)) if i < l => Some(i + 1),
                        _ => Some(0),
                    });
                }
                "ArrowUp" => {
                    e.prevent_default();
                    expanded.set(true);
                    active.set(match (*active, last) {
                        (_, None) => None,
                        (Some(i), Some(_)) if i > 0 => Some(i - 1),
                        (_, Some(l)) => Some(l),
                    });
                }
                "Enter" => {
                    if let Some(i) = active.and_then(|i| matches.get(i)) {
                        e.prevent_default();
                        choose.emit(*i);
                    }
                }
                "Escape" => {
                    if *expanded {
                        expanded.set(false);
                    } else {
                        query.set(String::new());
                    }
                    active.set(None);
                }
                _ => {}
            }
        })
    };
    let onblur = {
        let expanded = expanded.clone();
        Callback::from(move |_: FocusEvent| expanded.set(false))
    };
    let on_scale = {
        let scale = scale.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            scale.set(input.checked());
        })
    };
    let on_target = {
        let target = target.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            target.set(select.value().parse::<usize>().ok());
        })
    };

    let open = *expanded && table.is_some();
    let active_id = active
        .and_then(|i| matches.get(i))
        .map(|a| format!("area-option-{a}"));
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
                        value={(*query).clone()} {oninput} {onfocus} {onkeydown} {onblur} />
                    { listbox(open, &table, &matches, *active, &choose) }
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
                <input type="checkbox" id="area-scale" checked={*scale} onchange={on_scale} />
                <label for="area-scale">{"Scale Census 2021 counts to mid-2023 (by England's change in each age band, ONS mid-year estimates)"}</label>
            </div>
            <p id="area-picker-status" class="area-picker__status" role="status" aria-live="polite">
                { match &*tables {
                    Tables::Loading => "Loading England's areas...".to_string(),
                    Tables::Failed(e) => format!("{e} You can still type your population and need index below."),
                    _ if status.is_empty() => String::new(),
                    _ => format!("Filled from {}", *status),
                } }
            </p>
            if let (Some(t), Some(index)) = (&table, *chosen) {
                { icb_places(&app, t, index, *scale) }
            }
            if let Some(t) = &table {
                <p class="area-picker__attribution">{t.attribution.join(" ")}</p>
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
fn icb_places(app: &AppHandle, table: &Rc<AreaTable>, index: usize, scale: bool) -> Html {
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
            let app = app.clone();
            let table = table.clone();
            Callback::from(move |_| {
                let places = members
                    .iter()
                    .map(|(member, share)| place_for(&table, *member, *share, scale))
                    .collect();
                app.dispatch(Action::ReplacePlaces(unique_places(places)));
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
