//! Component tests in a real browser (headless Chromium): the whole app,
//! its input widgets, the results table, and the JavaScript API.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use workforce_gap::model::examples::example_place;
use workforce_gap::model::{compute, Scenario};
use workforce_gap::ui::hooks::RENDERED_ATTRIBUTE;
use workforce_gap::ui::App;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    gloo::utils::document()
}

/// [`host`] for a test of the whole app: the apps of earlier tests are taken
/// down first. An app taken down writes its last state as it goes (the
/// autosave waits half a second after a change: `hooks::use_persistence`),
/// and Yew takes it down in its next run, which could otherwise come after
/// this test has cleared the storage and before its app has read it.
async fn fresh_host() -> Element {
    yew::scheduler::flush().await;
    host()
}

/// A fresh host element and a clean localStorage, so tests do not leak.
fn host() -> Element {
    gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    let _ = gloo::utils::window()
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&gloo::utils::window().location().pathname().unwrap()),
        );
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// In the app, the panels off the first screen come from the second
/// WebAssembly module, imported when first needed; a test page has no such
/// file, so they come from this test's own copy of the same code, through
/// the same host component and the same bridge.
fn panels_in_process() {
    workforce_gap::ui::runtime::panel_host::load_panels_in_process(
        workforce_gap::ui::runtime::panel_app::IN_PROCESS,
    );
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Render and wait (up to 3 s) until `done` holds; whether it did.
async fn wait_until(mut done: impl FnMut() -> bool) -> bool {
    for _ in 0..300 {
        yew::scheduler::flush().await;
        if done() {
            return true;
        }
        sleep(10).await;
    }
    false
}

/// Press a lazily loaded panel's button and wait until `ready` is in it.
async fn open_panel(root: &Element, label: &str, ready: &str) {
    button(root, label).click();
    let shown = wait_until(|| root.query_selector(ready).unwrap().is_some()).await;
    assert!(shown, "the panel behind \"{label}\" did not show {ready}");
}

const ANALYSIS: &str = "Show the ten-year projection, the results by role, what closes the gap, results by service and place, what moves the answer most, and how it is calculated";
const MORE: &str = "Show comparison, sharing and export, sources and about";
const RANGES: &str = "Show the uncertainty ranges";

/// Wait for the first render, and for the inputs below the first screen,
/// which render just after the first paint.
async fn whole_page(root: &Element) {
    yew::scheduler::flush().await;
    let whole = wait_until(|| root.query_selector("#staff-table").unwrap().is_some()).await;
    assert!(
        whole,
        "the page's lower inputs did not render after the first paint"
    );
}

async fn render_app() -> (Element, yew::AppHandle<App>) {
    panels_in_process();
    let root = fresh_host().await;
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    whole_page(&root).await;
    (root, handle)
}

fn by_id<T: JsCast>(root: &Element, id: &str) -> T {
    root.query_selector(&format!("#{id}"))
        .unwrap()
        .unwrap_or_else(|| panic!("no element #{id}"))
        .dyn_into::<T>()
        .unwrap_or_else(|_| panic!("#{id} is not the expected element type"))
}

fn text(root: &Element, id: &str) -> String {
    by_id::<HtmlElement>(root, id)
        .text_content()
        .unwrap_or_default()
}

async fn type_into(root: &Element, id: &str, value: &str) {
    let input: HtmlInputElement = by_id(root, id);
    input.set_value(value);
    let event = web_sys::InputEvent::new("input").unwrap();
    input.dispatch_event(&event).unwrap();
    settled().await;
}

/// Let the page render and paint, and the panels below the headline catch
/// up: they get the page's state just after its next paint (a frame, then
/// a task: `ui::runtime::panel_host`), as a reader sees them.
async fn settled() {
    yew::scheduler::flush().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let after_frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            gloo::utils::window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        gloo::utils::window()
            .request_animation_frame(after_frame.unchecked_ref())
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    yew::scheduler::flush().await;
}

fn wte_number(s: &str) -> f64 {
    s.replace(',', "").parse().unwrap()
}

#[wasm_bindgen_test]
async fn app_shows_the_example_results() {
    let (root, handle) = render_app().await;
    let expected = compute(&example_place()).total.extra_wte;
    let shown = wte_number(&text(&root, "headline-extra-wte"));
    assert!((shown - expected).abs() < 0.051, "{shown} vs {expected}");
    handle.destroy();
}

/// Issue 17's load: the first render is the first screen (the headline,
/// the levers, the inputs at the top); the chart by role, the lower inputs
/// and the analysis below render just after the first paint.
#[wasm_bindgen_test]
async fn the_first_render_is_the_first_screen_and_the_rest_follows_the_first_paint() {
    panels_in_process();
    let html = gloo::utils::document().document_element().unwrap();
    // Another test's page may have said it before.
    html.remove_attribute(RENDERED_ATTRIBUTE).unwrap();
    let root = fresh_host().await;
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    let expected = compute(&example_place()).total.extra_wte;
    let shown = wte_number(&text(&root, "headline-extra-wte"));
    assert!((shown - expected).abs() < 0.051, "{shown} vs {expected}");
    for (id, what) in [
        ("lever-need_index", "the first lever"),
        ("f-name", "the scenario's name, at the top of Your area"),
    ] {
        let present = root.query_selector(&format!("#{id}")).unwrap();
        assert!(present.is_some(), "{what} (#{id}) is on the first screen");
    }
    for (selector, what) in [
        (
            "#f-places-0-name",
            "the place's inputs (below the first screen at every width)",
        ),
        ("#chart-roles", "the chart by role"),
        ("#staff-table", "the staff table"),
        ("#analysis", "the analysis panel's host"),
    ] {
        assert!(
            root.query_selector(selector).unwrap().is_none(),
            "{what} ({selector}) waits for the first paint"
        );
    }
    assert!(
        !html.has_attribute(RENDERED_ATTRIBUTE),
        "the page says it has rendered before the rest of it has"
    );
    whole_page(&root).await;
    for selector in [
        "#f-places-0-name",
        "#f-places-0-population-adults",
        "#chart-roles",
        "#staff-table",
        "#analysis",
    ] {
        assert!(
            root.query_selector(selector).unwrap().is_some(),
            "{selector} after the first paint"
        );
    }
    // Then, once that has painted, the page's scripts are told (www/offline.js
    // registers the service worker only then).
    let said = wait_until(|| html.has_attribute(RENDERED_ATTRIBUTE)).await;
    assert!(said, "the page did not say it had rendered the whole page");
    handle.destroy();
}
/// Issue 9: the extra WTE and its cost are split into filling funded
/// vacancies and new posts (new money), from the model's own figures, and
/// the role table shows each role's new posts.
#[wasm_bindgen_test]
async fn the_headline_splits_funded_vacancies_from_new_posts() {
    let (root, handle) = render_app().await;
    let total = compute(&example_place()).total;
    let split = text(&root, "headline-wte-split");
    assert_eq!(
        split,
        format!(
            "{} to fill funded vacancies, {} new posts",
            workforce_gap::format::wte(total.vacancy_fill_wte),
            workforce_gap::format::wte(total.unfunded_wte)
        )
    );
    assert!((total.vacancy_fill_wte + total.unfunded_wte - total.extra_wte).abs() < 1e-9);
    let money = text(&root, "headline-new-money");
    assert!(
        money.contains(&workforce_gap::format::money_short(total.unfunded_cost)),
        "{money}"
    );
    open_panel(&root, ANALYSIS, "#role-table").await;
    let heads: Vec<String> = {
        let list = root.query_selector_all("#role-table thead th").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|n| n.text_content()))
            .collect()
    };
    assert!(
        heads.iter().any(|h| h.starts_with("New posts WTE")),
        "the role table has a new posts column: {heads:?}"
    );
    handle.destroy();
}

/// Issue 9: "what it takes" gives, for every role, the joiners needed, the
/// retention improvement needed (or that retention alone cannot), and when
/// the gap closes, as the model computes them.
#[wasm_bindgen_test]
async fn what_it_takes_shows_joiners_and_retention_needed_per_role() {
    use workforce_gap::ui::panels::what_it_takes::retention_text;
    let (root, handle) = render_app().await;
    open_panel(&root, ANALYSIS, "#what-it-takes").await;
    let scenario = example_place();
    let results = compute(&scenario);
    let rows = root.query_selector_all("#what-it-takes tbody tr").unwrap();
    assert_eq!(rows.length() as usize, results.roles.len());
    for (i, role) in results.roles.iter().enumerate() {
        let row: Element = rows.item(i as u32).unwrap().dyn_into().unwrap();
        let cells = row.query_selector_all("td").unwrap();
        let cell = |n: u32| cells.item(n).unwrap().text_content().unwrap();
        assert_eq!(cell(1), workforce_gap::format::wte(role.joiners_needed));
        assert_eq!(cell(2), retention_text(role.retention_needed));
    }
    assert!(
        results.roles.iter().any(|r| r.retention_needed.is_none()),
        "the example has a role retention alone cannot fix"
    );
    assert!(text(&root, "what-it-takes").contains("Not by retention alone"));
    handle.destroy();
}

/// The benchmarks panel: the scenario's own figures per 100,000 first, then
/// every published reference with what it counts and its source.
#[wasm_bindgen_test]
async fn benchmarks_set_the_scenario_beside_published_references() {
    use workforce_gap::model::benchmarks::{benchmarks, scenario_per_100k};
    let (root, handle) = render_app().await;
    open_panel(&root, ANALYSIS, "#benchmarks").await;
    let scenario = example_place();
    let results = compute(&scenario);
    let (required, in_post) = scenario_per_100k(&scenario, &results);
    let rows = root.query_selector_all("#benchmarks tbody tr").unwrap();
    let references = benchmarks();
    assert_eq!(rows.length() as usize, 2 + references.len());
    let row_text = |i: u32| rows.item(i).unwrap().text_content().unwrap();
    assert!(row_text(0).starts_with("Example place: required"));
    assert!(row_text(0).contains(&workforce_gap::format::plain(required, 1)));
    assert!(row_text(1).contains(&workforce_gap::format::plain(in_post, 1)));
    for (i, reference) in references.iter().enumerate() {
        let text = row_text(2 + i as u32);
        assert!(text.contains(&reference.label), "{text}");
        assert!(text.contains(&reference.source), "{text}");
        match reference.per_100k {
            Some(v) => assert!(text.contains(&workforce_gap::format::plain(v, 1)), "{text}"),
            None => assert!(text.contains("Not shown"), "{text}"),
        }
    }
    assert!(text(&root, "benchmarks").contains("What this comparison can and cannot say"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn number_field_has_label_hint_and_source() {
    let (root, handle) = render_app().await;
    let input: HtmlInputElement = by_id(&root, "f-working_time-sickness_rate");
    assert_eq!(input.value(), "5", "percentages are shown as percentages");
    let label = root
        .query_selector("label[for='f-working_time-sickness_rate']")
        .unwrap()
        .expect("a label for the input");
    assert_eq!(label.text_content().unwrap(), "Sickness absence");
    let described = input.get_attribute("aria-describedby").unwrap();
    let hint_id = described.split_whitespace().next().unwrap();
    let hint = text(&root, hint_id);
    assert!(hint.contains('%'), "hint names the unit: {hint}");
    let source_id = format!("{}-source", input.id());
    assert!(
        input
            .get_attribute("aria-describedby")
            .unwrap()
            .contains(&source_id),
        "the source is part of the input's description"
    );
    let source = text(&root, &source_id);
    assert!(source.contains("Default 5%"), "{source}");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn typing_a_number_updates_results_and_bad_text_is_kept_with_a_message() {
    let (root, handle) = render_app().await;
    let before = wte_number(&text(&root, "headline-extra-wte"));

    type_into(&root, "f-places-0-population-adults", "600,000").await;
    let more = wte_number(&text(&root, "headline-extra-wte"));
    assert!(more > before, "{before} -> {more}");

    type_into(&root, "f-places-0-population-adults", "six hundred").await;
    let input: HtmlInputElement = by_id(&root, "f-places-0-population-adults");
    assert_eq!(input.value(), "six hundred", "what was typed stays");
    assert_eq!(input.get_attribute("aria-invalid").as_deref(), Some("true"));
    let message = text(&root, "f-places-0-population-adults-error");
    assert!(message.contains("Enter a number"), "{message}");
    assert!(root.query_selector("#error-summary").unwrap().is_some());
    let link = root
        .query_selector("#error-summary a[href='#f-places-0-population-adults']")
        .unwrap();
    assert!(link.is_some(), "the summary links to the field");
    assert!(root.query_selector("#stale-banner").unwrap().is_some());
    let kept = wte_number(&text(&root, "headline-extra-wte"));
    assert_eq!(kept, more, "the last good results stay");

    type_into(&root, "f-places-0-population-adults", "300000").await;
    assert!(root.query_selector("#error-summary").unwrap().is_none());
    assert!(root.query_selector("#stale-banner").unwrap().is_none());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn validation_errors_from_the_model_reach_the_field() {
    let (root, handle) = render_app().await;
    type_into(&root, "f-working_time-sickness_rate", "150").await;
    let message = text(&root, "f-working_time-sickness_rate-error");
    assert!(message.contains("between 0% and 100%"), "{message}");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn role_table_sorts_by_a_column_and_says_so() {
    let (root, handle) = render_app().await;
    open_panel(&root, ANALYSIS, "#role-table").await;
    let table: Element = by_id(&root, "role-table");
    let headers = table.query_selector_all("thead th").unwrap();
    let gap_th = (0..headers.length())
        .map(|i| headers.item(i).unwrap().dyn_into::<Element>().unwrap())
        .find(|th| th.text_content().unwrap().contains("Gap WTE"))
        .expect("a Gap WTE column");
    assert_eq!(gap_th.get_attribute("aria-sort").as_deref(), Some("none"));
    gap_th
        .query_selector("button")
        .unwrap()
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(
        gap_th.get_attribute("aria-sort").as_deref(),
        Some("descending")
    );
    let rows = table.query_selector_all("tbody tr").unwrap();
    let gaps: Vec<f64> = (0..rows.length())
        .map(|i| {
            let tr = rows.item(i).unwrap().dyn_into::<Element>().unwrap();
            let cells = tr.query_selector_all("td").unwrap();
            // Group, required, in post, required for today's coverage, gap.
            wte_number(&cells.item(4).unwrap().text_content().unwrap())
        })
        .collect();
    assert!(gaps.len() >= 10);
    assert!(gaps.windows(2).all(|w| w[0] >= w[1]), "{gaps:?}");
    let footer = table.query_selector("tfoot").unwrap().unwrap();
    assert!(footer.text_content().unwrap().contains("Total"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_corrupt_autosave_gives_a_message_and_is_kept_aside() {
    let root = fresh_host().await;
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    storage
        .set_item(workforce_gap::io::stored::CURRENT_KEY, "{not json")
        .unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    whole_page(&root).await;
    let notice = root
        .query_selector(".notice--error")
        .unwrap()
        .expect("a notice");
    assert!(notice.text_content().unwrap().contains("could not be read"));
    // Kept under a timestamped key that the notice names.
    let prefix = format!(
        "{}{}:",
        workforce_gap::io::stored::BACKUP_PREFIX,
        workforce_gap::io::stored::CURRENT_KEY
    );
    let backup = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .find(|k| k.starts_with(&prefix))
        .expect("a backup key");
    assert!(notice.text_content().unwrap().contains(&backup));
    assert_eq!(
        storage.get_item(&backup).unwrap().as_deref(),
        Some("{not json")
    );
    assert!(
        root.query_selector("#headline").unwrap().is_some(),
        "the example opens instead"
    );
    storage.remove_item(&backup).unwrap();
    handle.destroy();
}

/// A scenario as a page script would build it: plain objects, not Maps.
fn to_js(scenario: &Scenario) -> wasm_bindgen::JsValue {
    use serde::Serialize;
    scenario
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap()
}

#[wasm_bindgen_test]
fn js_api_computes_validates_and_reports_errors() {
    use workforce_gap::ui::runtime::js_api::{js_compute, js_validate};
    let scenario = example_place();
    let value = to_js(&scenario);
    let answer = js_compute(value);
    let ok = js_sys::Reflect::get(&answer, &"ok".into()).unwrap();
    assert_eq!(ok.as_bool(), Some(true));
    let results = js_sys::Reflect::get(&answer, &"results".into()).unwrap();
    let total = js_sys::Reflect::get(&results, &"total".into()).unwrap();
    let extra = js_sys::Reflect::get(&total, &"extra_wte".into())
        .unwrap()
        .as_f64()
        .unwrap();
    assert!((extra - compute(&scenario).total.extra_wte).abs() < 1e-9);

    let mut bad: Scenario = example_place();
    bad.working_time.sickness_rate = 2.0;
    let answer = js_validate(to_js(&bad));
    assert_eq!(
        js_sys::Reflect::get(&answer, &"ok".into())
            .unwrap()
            .as_bool(),
        Some(false)
    );
    let errors: js_sys::Array = js_sys::Reflect::get(&answer, &"errors".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let first = errors.get(0);
    assert_eq!(
        js_sys::Reflect::get(&first, &"path".into())
            .unwrap()
            .as_string()
            .as_deref(),
        Some("working_time.sickness_rate")
    );

    let garbage = js_compute(wasm_bindgen::JsValue::from_str("{ nope"));
    assert_eq!(
        js_sys::Reflect::get(&garbage, &"ok".into())
            .unwrap()
            .as_bool(),
        Some(false)
    );
}

#[wasm_bindgen_test]
async fn sources_panel_lists_every_default_once_opened() {
    let (root, handle) = render_app().await;
    assert!(
        root.query_selector("#sources-details").unwrap().is_none(),
        "not part of the first screen"
    );
    open_panel(&root, MORE, "#sources-details").await;
    assert!(
        root.query_selector("#sources-table").unwrap().is_none(),
        "built only when opened"
    );
    let details: Element = by_id(&root, "sources-details");
    details.set_attribute("open", "").unwrap();
    details
        .dispatch_event(&web_sys::Event::new("toggle").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let table: Element = by_id(&root, "sources-table");
    let rows = table.query_selector_all("tbody tr").unwrap();
    let inputs = workforce_gap::model::field::Field::all(&example_place()).len();
    assert_eq!(rows.length() as usize, inputs, "one row per input");
    for i in 0..rows.length() {
        let cells = rows
            .item(i)
            .unwrap()
            .dyn_into::<Element>()
            .unwrap()
            .query_selector_all("td")
            .unwrap();
        let status = cells.item(2).unwrap().text_content().unwrap();
        assert_eq!(status, "Default", "row {i}: the example is all defaults");
        let citation = cells.item(3).unwrap().text_content().unwrap();
        assert!(
            !citation.trim().is_empty(),
            "row {i} has a source or says illustrative"
        );
    }
    // A note typed into the register lands in the scenario.
    let note: HtmlInputElement = by_id(&root, "f-note-working_time-sickness_rate");
    note.set_value("Our 2025 ESR extract");
    note.dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    wait_until(|| text(&root, "register-summary").contains("1 with a note")).await;
    assert!(text(&root, "register-summary").contains("1 with a note"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn explanation_shows_the_chain_with_the_users_numbers() {
    let (root, handle) = render_app().await;
    type_into(&root, "f-places-0-population-adults", "400,000").await;
    open_panel(&root, ANALYSIS, "#explain-choice").await;
    let select: web_sys::HtmlSelectElement = by_id(&root, "explain-choice");
    select.set_value("service:0");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let picker = root
        .query_selector(".explain-picker")
        .unwrap()
        .expect("the explanation picker");
    let text = picker.text_content().unwrap();
    assert!(
        text.contains("400,000"),
        "uses the typed population: {text}"
    );
    assert!(text.contains("WTE"), "{text}");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn an_uncertainty_range_puts_a_band_on_the_headline() {
    let (root, handle) = render_app().await;
    assert!(!root
        .text_content()
        .unwrap()
        .contains("10th-90th percentile"));
    open_panel(&root, ANALYSIS, "#what-it-takes").await;
    open_panel(&root, RANGES, "#range-choice").await;
    let choice: web_sys::HtmlSelectElement = by_id(&root, "range-choice");
    choice.set_value("places.place.need_index");
    choice
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let add = root
        .query_selector("#ranges button.button--secondary")
        .unwrap()
        .expect("the Add range button")
        .dyn_into::<HtmlElement>()
        .unwrap();
    add.click();
    settled().await;
    let headline = text(&root, "headline");
    assert!(headline.contains("10th-90th percentile"), "{headline}");
    // "What it takes" gains the joiners needed for an 80% chance, from the
    // same draws as the band.
    let table = text(&root, "what-it-takes");
    assert!(table.contains("For an 80% chance"), "{table}");
    let mut ranged = example_place();
    let central = ranged.places[0].need_index;
    ranged
        .ranges
        .insert("places.place.need_index", [central * 0.8, central * 1.2]);
    let shown_total = root
        .query_selector("#what-it-takes tfoot td:nth-of-type(3)")
        .unwrap()
        .expect("the all-roles 80% cell")
        .text_content()
        .unwrap();
    let u = workforce_gap::model::uncertainty::uncertainty(
        &ranged,
        workforce_gap::ui::shared::results::BAND_DRAWS,
        workforce_gap::ui::shared::results::BAND_SEED,
    )
    .unwrap();
    assert_eq!(
        shown_total,
        workforce_gap::format::wte(u.joiners_needed_p80)
    );

    // A bad low value is kept as typed, says what is wrong, and changes nothing.
    type_into(&root, "f-ranges-places-place-need_index", "lots").await;
    let low: HtmlInputElement = by_id(&root, "f-ranges-places-place-need_index");
    assert_eq!(low.value(), "lots");
    let message = text(&root, "f-ranges-places-place-need_index-error");
    assert!(message.contains("Low"), "{message}");
    // A low above the high is the model's to refuse, at the range's path.
    type_into(&root, "f-ranges-places-place-need_index", "5").await;
    let message = text(&root, "f-ranges-places-place-need_index-error");
    assert!(!message.is_empty());
    assert!(root.query_selector("#stale-banner").unwrap().is_some());
    type_into(&root, "f-ranges-places-place-need_index", "0.9").await;
    assert!(root.query_selector("#stale-banner").unwrap().is_none());
    handle.destroy();
}

fn click(root: &Element, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

/// The button whose text is `label`.
fn button(root: &Element, label: &str) -> HtmlElement {
    let buttons = root.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|n| n.dyn_into::<HtmlElement>().unwrap())
        .find(|b| b.text_content().unwrap_or_default().trim() == label)
        .unwrap_or_else(|| panic!("no button \"{label}\""))
}

#[wasm_bindgen_test]
async fn a_second_place_adds_its_need_and_shows_results_by_place() {
    let (root, handle) = render_app().await;
    open_panel(&root, ANALYSIS, "#services-table").await;
    assert!(
        root.query_selector("#places-table").unwrap().is_none(),
        "one place: no by-place table"
    );
    let before = wte_number(&text(&root, "headline-untreated"));
    button(&root, "Add a place").click();
    yew::scheduler::flush().await;
    type_into(&root, "f-places-1-population-adults", "100,000").await;
    type_into(&root, "f-places-1-need_index", "1.5").await;
    let table = text(&root, "places-table");
    assert!(
        table.contains("Example place") && table.contains("Place 2"),
        "{table}"
    );
    let after = wte_number(&text(&root, "headline-untreated"));
    assert!(
        after > before,
        "a second place adds need: {before} -> {after}"
    );
    // The chart has one bar per place and a sentence that names them.
    let descs: Vec<String> = {
        let all = root.query_selector_all("figure desc").unwrap();
        (0..all.length())
            .filter_map(|i| all.item(i))
            .map(|d| d.text_content().unwrap_or_default())
            .collect()
    };
    assert!(
        descs.iter().any(|d| d.starts_with("Across 2 places")),
        "{descs:?}"
    );
    // The roles-by-place table has a column per place and a total.
    let roles = text(&root, "place-roles-table");
    assert!(roles.contains("All places"), "{roles}");

    // A bad place name is refused at its field; results stay, marked stale.
    type_into(&root, "f-places-1-name", " ").await;
    let message = text(&root, "f-places-1-name-error");
    assert!(message.contains("Give the place a name"), "{message}");
    assert!(root.query_selector("#stale-banner").unwrap().is_some());
    type_into(&root, "f-places-1-name", "North").await;
    assert!(root.query_selector("#stale-banner").unwrap().is_none());

    // Removing a place (confirmed) goes back to one place.
    let window = gloo::utils::window();
    let confirm = wasm_bindgen::closure::Closure::<dyn Fn() -> bool>::new(|| true);
    js_sys::Reflect::set(&window, &"confirm".into(), confirm.as_ref()).unwrap();
    click(&root, "button[aria-label='Remove North']");
    confirm.forget();
    settled().await;
    assert!(root.query_selector("#places-table").unwrap().is_none());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn with_stale_results_the_explanation_is_of_the_last_valid_inputs() {
    let (root, handle) = render_app().await;
    type_into(&root, "f-places-0-population-adults", "600,000").await;
    open_panel(&root, ANALYSIS, "#explain-choice").await;
    let choice: web_sys::HtmlSelectElement = by_id(&root, "explain-choice");
    choice.set_value("service:0");
    choice
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    let good = text(&root, "explain-picked");
    assert!(good.contains("600,000"), "{good}");
    // A number the model refuses: the results go stale, and the
    // explanation stays with the inputs they came from.
    type_into(&root, "f-places-0-population-adults", "-5").await;
    assert!(root.query_selector("#stale-banner").unwrap().is_some());
    let stale = text(&root, "explain-picked");
    assert!(stale.contains("600,000"), "{stale}");
    assert!(!stale.contains("-5"), "{stale}");
    assert!(stale.contains("last valid inputs"), "{stale}");
    handle.destroy();
}

/// A card's "How is this calculated?" loads its chain when opened (from the
/// panels module in the app) and follows what the user types.
#[wasm_bindgen_test]
async fn a_cards_explanation_loads_when_opened_and_follows_the_inputs() {
    let (root, handle) = render_app().await;
    // A service's full card, opened from its row of the services table.
    assert!(
        root.query_selector("article details.explain")
            .unwrap()
            .is_none(),
        "no card is built before it is opened"
    );
    root.query_selector("#services-editor button[aria-label^='Full card of']")
        .unwrap()
        .expect("a Full card button")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
    let details = root
        .query_selector("article details.explain")
        .unwrap()
        .expect("a card with a calculation");
    assert!(
        details.query_selector("ol").unwrap().is_none(),
        "nothing is built before it is opened"
    );
    details.set_attribute("open", "").unwrap();
    details
        .query_selector("button")
        .unwrap()
        .expect("the panel's button")
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    wait_until(|| details.query_selector("ol").unwrap().is_some()).await;
    let before = details.text_content().unwrap();
    assert!(before.contains("WTE"), "{before}");
    type_into(&root, "f-places-0-population-adults", "450,000").await;
    yew::scheduler::flush().await;
    let after = details.text_content().unwrap();
    assert_ne!(before, after, "the chain follows the inputs");
    handle.destroy();
}

/// Issue 10: inputs a host page locks are read-only, say why, and refuse
/// edits that reach them anyway; the others still work.
#[wasm_bindgen_test]
async fn inputs_a_host_locks_are_read_only_and_refuse_edits() {
    panels_in_process();
    let root = fresh_host().await;
    let path = gloo::utils::window().location().pathname().unwrap();
    gloo::utils::window()
        .history()
        .unwrap()
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some(&format!("{path}?lock=places.*.need_index,working_time.*")),
        )
        .unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    whole_page(&root).await;
    let need: HtmlInputElement = by_id(&root, "f-places-0-need_index");
    assert!(need.read_only(), "a locked input is read-only");
    let hint = text(&root, "f-places-0-need_index-hint");
    assert!(
        hint.contains("Set by the page this calculator is in"),
        "{hint}"
    );
    let before = text(&root, "headline-extra-wte");
    type_into(&root, "f-places-0-need_index", "1.5").await;
    assert_eq!(
        text(&root, "headline-extra-wte"),
        before,
        "the edit is refused"
    );
    let sickness = root
        .query_selector("#lever-sickness_rate")
        .unwrap()
        .expect("the sickness lever")
        .dyn_into::<HtmlInputElement>()
        .unwrap();
    assert!(sickness.disabled(), "a locked lever is disabled");
    // Not locked: the population.
    type_into(&root, "f-places-0-population-adults", "400,000").await;
    assert_ne!(text(&root, "headline-extra-wte"), before);
    handle.destroy();
    gloo::utils::window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .unwrap();
}

/// Issue 18: "what it takes" gives each role's training places needed a
/// year ("Not by training in time" where the course is longer than the
/// horizon) and the year the first qualify, with a total; "The decade
/// plan" below it reads a sentence per role, the model's own (`plan`).
#[wasm_bindgen_test]
async fn what_it_takes_shows_training_places_and_the_decade_plan() {
    use workforce_gap::format;
    use workforce_gap::model::plan::plan;
    use workforce_gap::model::scenario::Pipeline;
    use workforce_gap::ui::panels::what_it_takes::{
        first_qualify_text, places_text, places_total_text,
    };
    let mut scenario = example_place();
    scenario.roles[0].pipeline = Some(Pipeline {
        training_years: 3.0,
        completion_rate: 0.75,
        join_rate: 0.6,
        extra_places_per_year: 10.0,
        international_per_year: 2.0,
    });
    scenario.roles[1].pipeline = Some(Pipeline {
        training_years: 15.0,
        completion_rate: 0.8,
        join_rate: 0.9,
        extra_places_per_year: 0.0,
        international_per_year: 0.0,
    });
    let results = compute(&scenario);
    assert!(results.roles[0].places_needed.is_some_and(|p| p > 0.0));
    assert_eq!(results.roles[1].places_needed, None);

    panels_in_process();
    let root = fresh_host().await;
    gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item(
            workforce_gap::io::stored::CURRENT_KEY,
            &scenario.to_json_pretty(),
        )
        .unwrap();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    whole_page(&root).await;
    open_panel(&root, ANALYSIS, "#decade-plan").await;

    let heads = text(&root, "what-it-takes");
    assert!(heads.contains("Training places needed a year"), "{heads}");
    assert!(heads.contains("First qualify"), "{heads}");
    let rows = root.query_selector_all("#what-it-takes tbody tr").unwrap();
    assert_eq!(rows.length() as usize, results.roles.len());
    for (i, (role, r)) in scenario.roles.iter().zip(&results.roles).enumerate() {
        let row: Element = rows.item(i as u32).unwrap().dyn_into().unwrap();
        let cells = row.query_selector_all("td").unwrap();
        let cell = |n: u32| cells.item(n).unwrap().text_content().unwrap();
        // Joiners now, needed, fewer leavers, places, first qualify, closes.
        assert_eq!(cell(1), format::wte(r.joiners_needed));
        assert_eq!(cell(3), places_text(r.places_needed), "{}", role.id);
        assert_eq!(
            cell(4),
            first_qualify_text(r.places_needed, role.pipeline().first_arrival_year()),
            "{}",
            role.id
        );
    }
    let first: Element = rows.item(0).unwrap().dyn_into().unwrap();
    let first = first.text_content().unwrap();
    assert!(
        first.contains(&format::number(results.roles[0].places_needed.unwrap(), 1)),
        "{first}"
    );
    assert!(first.contains("Year 3"), "{first}");
    let second: Element = rows.item(1).unwrap().dyn_into().unwrap();
    assert!(second
        .text_content()
        .unwrap()
        .contains("Not by training in time"));
    let footer = root
        .query_selector("#what-it-takes tfoot")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(footer.contains(&places_total_text(&results)), "{footer}");
    assert!(footer.contains("not by training in time"), "{footer}");

    // The decade plan: a sentence per role, the model's, in order.
    assert!(text(&root, "decade-plan-heading").starts_with("The decade plan"));
    let items = root.query_selector_all("#decade-plan li").unwrap();
    let lines = plan(&scenario, &results);
    assert_eq!(items.length() as usize, lines.len());
    for (i, line) in lines.iter().enumerate() {
        assert_eq!(
            items.item(i as u32).unwrap().text_content().unwrap(),
            line.text
        );
    }
    let nurse = items.item(0).unwrap().text_content().unwrap();
    assert!(
        nurse.starts_with(&format!(
            "{}: commission {} extra training places a year from next year",
            scenario.roles[0].name,
            format::number(
                workforce_gap::model::plan::whole_places(results.roles[0].places_needed.unwrap()),
                0
            )
        )),
        "{nurse}"
    );
    assert!(nurse.contains("the first qualify in year 3"), "{nurse}");
    assert!(nurse.contains("2 international recruits a year"), "{nurse}");
    let psychiatrist = items.item(1).unwrap().text_content().unwrap();
    assert!(
        psychiatrist
            .contains("training cannot close this gap by year 10: it takes 15 years to qualify"),
        "{psychiatrist}"
    );
    handle.destroy();
}

/// Issue 18: the role table has "Required for today's coverage" right after
/// staff in post (today's pressure on today's staff), with its total.
#[wasm_bindgen_test]
async fn the_role_table_shows_what_todays_coverage_needs_beside_in_post() {
    let (root, handle) = render_app().await;
    let results = compute(&example_place());
    open_panel(&root, ANALYSIS, "#role-table").await;
    let heads: Vec<String> = {
        let list = root.query_selector_all("#role-table thead th").unwrap();
        (0..list.length())
            .filter_map(|i| list.item(i).and_then(|n| n.text_content()))
            .collect()
    };
    let at = heads
        .iter()
        .position(|h| h.starts_with("Required for today's coverage"))
        .unwrap_or_else(|| panic!("no column for today's coverage: {heads:?}"));
    assert!(heads[at - 1].starts_with("In post WTE"), "{heads:?}");
    // Header cells count the row header; data cells (td) do not.
    let td = (at - 1) as u32;
    let rows = root.query_selector_all("#role-table tbody tr").unwrap();
    assert_eq!(rows.length() as usize, results.roles.len());
    for (i, r) in results.roles.iter().enumerate() {
        let row: Element = rows.item(i as u32).unwrap().dyn_into().unwrap();
        let cell = row.query_selector_all("td").unwrap().item(td).unwrap();
        assert_eq!(
            cell.text_content().unwrap(),
            workforce_gap::format::wte(r.required_wte_today),
            "{}",
            r.id
        );
    }
    let total = root
        .query_selector_all("#role-table tfoot td")
        .unwrap()
        .item(td)
        .unwrap()
        .text_content()
        .unwrap();
    assert_eq!(
        total,
        workforce_gap::format::wte(results.total.required_wte_today)
    );
    assert!(results.total.required_wte_today > 0.0);
    handle.destroy();
}

/// The staff table's training pipeline columns are built only once shown;
/// a problem in one of them keeps them shown (so the error summary can
/// link there); typing in them is an ordinary, undoable edit.
#[wasm_bindgen_test]
async fn the_staff_tables_pipeline_columns_are_built_when_shown_and_edit_the_scenario() {
    let (root, handle) = render_app().await;
    let places = "f-roles-0-pipeline-extra_places_per_year";
    assert!(
        root.query_selector(&format!("#{places}"))
            .unwrap()
            .is_none(),
        "not built while hidden"
    );
    let rows = root
        .query_selector_all("#staff-table > tbody")
        .unwrap()
        .length();
    let cells_before = root
        .query_selector_all("#staff-table input")
        .unwrap()
        .length();
    let toggle = button(&root, "Show training pipeline columns");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    toggle.click();
    yew::scheduler::flush().await;
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    let cells_after = root
        .query_selector_all("#staff-table input")
        .unwrap()
        .length();
    assert_eq!(
        cells_after - cells_before,
        5 * rows,
        "five pipeline cells a role"
    );
    let input: HtmlInputElement = by_id(&root, places);
    assert_eq!(
        input.get_attribute("aria-label").as_deref(),
        Some("Mental health nurse: Extra training places a year"),
        "a cell is named by its role and column"
    );
    let before = text(&root, "headline-extra-wte");
    type_into(&root, places, "14").await;
    assert_eq!(input.value(), "14");
    assert_eq!(
        text(&root, "headline-extra-wte"),
        before,
        "places change the decade, not today's gap"
    );
    type_into(&root, places, "-3").await;
    assert!(text(&root, &format!("{places}-error")).contains("0 or more"));
    // Hidden with a problem: still shown, the toggle held until it is fixed.
    assert!(
        toggle.has_attribute("disabled"),
        "held open while a cell has a problem"
    );
    assert!(root
        .query_selector(&format!("#{places}"))
        .unwrap()
        .is_some());
    type_into(&root, places, "0").await;
    toggle.click();
    yew::scheduler::flush().await;
    assert!(root
        .query_selector(&format!("#{places}"))
        .unwrap()
        .is_none());
    handle.destroy();
}

/// Issue 16: the example's staff in post under a place that is no longer
/// the example's: the headline says so, the link goes to the staff table,
/// each role is marked; typing a role's staff takes its mark away.
#[wasm_bindgen_test]
async fn the_headline_says_when_staff_in_post_are_the_examples() {
    let (root, handle) = render_app().await;
    assert!(root.query_selector("#staff-warning").unwrap().is_none());
    type_into(&root, "f-places-0-population-adults", "450,000").await;
    let warning = text(&root, "staff-warning");
    assert!(
        warning.contains("Staff in post are Example place's illustrative figures, not your place's: enter or import yours."),
        "{warning}"
    );
    let link = root
        .query_selector("#staff-warning a")
        .unwrap()
        .expect("a link to the staff table");
    assert_eq!(link.get_attribute("href").as_deref(), Some("#staff"));
    assert!(root.query_selector("#staff").unwrap().is_some());
    open_panel(&root, ANALYSIS, "#role-table").await;
    let marks = || {
        root.query_selector_all("#role-table .example-staff")
            .unwrap()
            .length()
    };
    assert_eq!(marks(), 13);
    type_into(&root, "f-roles-0-in_post_wte", "180").await;
    assert!(
        wait_until(|| marks() == 12).await,
        "the panel's table follows"
    );
    assert!(text(&root, "staff-warning").contains("Staff in post of 12 roles"));
    handle.destroy();
}

/// Issue 16: services as a table: a row per service whose cells are named
/// by service and column; typing in one moves the results; the full card
/// (who it serves, the role mix) opens from the row, and a service just
/// added shows its own card.
#[wasm_bindgen_test]
async fn services_are_a_table_with_each_full_card_a_click_away() {
    let (root, handle) = render_app().await;
    let rows = root
        .query_selector_all("#services-editor > tbody")
        .unwrap()
        .length();
    assert_eq!(rows as usize, example_place().services.len());
    let target: HtmlInputElement = by_id(&root, "f-services-1-target_coverage");
    assert_eq!(
        target.get_attribute("aria-label").as_deref(),
        Some("NHS Talking Therapies: high intensity (step 3): Target coverage")
    );
    let before = text(&root, "headline-extra-wte");
    type_into(&root, "f-services-1-target_coverage", "40").await;
    assert_ne!(
        text(&root, "headline-extra-wte"),
        before,
        "the table's cell is the input"
    );
    assert!(
        root.query_selector("#services-editor article")
            .unwrap()
            .is_none(),
        "cards are closed"
    );
    button(&root, "Full card").click();
    yew::scheduler::flush().await;
    let card = root
        .query_selector("#services-editor article")
        .unwrap()
        .expect("the first service's card");
    assert!(card
        .query_selector("fieldset legend")
        .unwrap()
        .is_some_and(|l| l.text_content().unwrap_or_default() == "Who it serves"));
    button(&root, "Add a service").click();
    yew::scheduler::flush().await;
    let cards = root
        .query_selector_all("#services-editor article")
        .unwrap()
        .length();
    assert_eq!(cards, 2, "the new service's card is open beside the first");
    handle.destroy();
}

#[derive(yew::Properties, PartialEq)]
struct LaggingProps {
    value: u32,
}

/// Shows a value now and one frame behind (presentation mode's chart).
#[yew::function_component(Lagging)]
fn lagging(props: &LaggingProps) -> yew::Html {
    let shown = workforce_gap::ui::hooks::use_one_frame_behind(props.value);
    yew::html! {
        <p><span id="lag-now">{props.value}</span><span id="lag-shown">{*shown}</span></p>
    }
}

/// Two animation frames, then Yew's renders.
async fn two_frames() {
    for _ in 0..2 {
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            gloo::utils::window()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    }
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_value_one_frame_behind_shows_the_latest_of_a_burst_a_frame_later() {
    let root = host();
    let mut handle =
        yew::Renderer::<Lagging>::with_root_and_props(root.clone(), LaggingProps { value: 1 })
            .render();
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, "lag-shown"),
        "1",
        "the first render has it at once"
    );

    // A burst of changes: the view has each at once, the lagging part none yet.
    handle.update(LaggingProps { value: 2 });
    yew::scheduler::flush().await;
    handle.update(LaggingProps { value: 3 });
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "lag-now"), "3");
    assert_eq!(
        text(&root, "lag-shown"),
        "1",
        "not in the change's own frame"
    );
    two_frames().await;
    two_frames().await;
    assert_eq!(text(&root, "lag-shown"), "3", "the latest, a frame later");

    // A change taken back before its frame: nothing moves.
    handle.update(LaggingProps { value: 4 });
    yew::scheduler::flush().await;
    handle.update(LaggingProps { value: 3 });
    yew::scheduler::flush().await;
    two_frames().await;
    two_frames().await;
    assert_eq!(text(&root, "lag-shown"), "3");
    handle.destroy();
}

#[derive(yew::Properties, PartialEq)]
struct PausedProps {
    value: u32,
    lag: bool,
}

/// Shows a value now and as of the last pause in its changes (the page's
/// chart by role on a slow machine).
#[yew::function_component(Paused)]
fn paused(props: &PausedProps) -> yew::Html {
    let shown = workforce_gap::ui::hooks::use_after_pause_if(props.value, props.lag);
    yew::html! {
        <p><span id="pause-now">{props.value}</span><span id="pause-shown">{*shown}</span></p>
    }
}

/// `ms` milliseconds, then Yew's renders.
async fn wait_ms(ms: i32) {
    sleep(ms).await;
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn a_value_after_a_pause_follows_a_burst_once_it_ends_and_at_once_on_a_fast_machine() {
    use workforce_gap::ui::hooks::PAUSE_MS;
    let root = host();
    let mut handle = yew::Renderer::<Paused>::with_root_and_props(
        root.clone(),
        PausedProps {
            value: 1,
            lag: true,
        },
    )
    .render();
    yew::scheduler::flush().await;
    assert_eq!(
        text(&root, "pause-shown"),
        "1",
        "the first render has it at once"
    );

    // A burst of changes closer together than the pause: none shown yet.
    for value in 2..=4 {
        handle.update(PausedProps { value, lag: true });
        yew::scheduler::flush().await;
        wait_ms(PAUSE_MS as i32 / 3).await;
    }
    assert_eq!(text(&root, "pause-now"), "4");
    assert_eq!(
        text(&root, "pause-shown"),
        "1",
        "not while changes keep coming"
    );
    wait_ms(PAUSE_MS as i32 + 50).await;
    assert_eq!(
        text(&root, "pause-shown"),
        "4",
        "the latest, once they paused"
    );

    // A change taken back before the pause ends: nothing moves, and nothing is left to come.
    handle.update(PausedProps {
        value: 5,
        lag: true,
    });
    yew::scheduler::flush().await;
    handle.update(PausedProps {
        value: 4,
        lag: true,
    });
    yew::scheduler::flush().await;
    wait_ms(PAUSE_MS as i32 + 50).await;
    assert_eq!(text(&root, "pause-shown"), "4");

    // Not lagging (a fast machine): each change at once, and a change still
    // waiting for its pause is overtaken.
    handle.update(PausedProps {
        value: 6,
        lag: true,
    });
    yew::scheduler::flush().await;
    handle.update(PausedProps {
        value: 7,
        lag: false,
    });
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "pause-shown"), "7");
    wait_ms(PAUSE_MS as i32 + 50).await;
    assert_eq!(
        text(&root, "pause-shown"),
        "7",
        "the overtaken change does not come back"
    );
    handle.destroy();
}
