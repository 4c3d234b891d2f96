#![cfg(target_arch = "wasm32")]
//! In-browser tests of the SVG chart components: accessible names, text
//! alternatives computed from the data, one mark per data row, the data-table
//! toggle, and empty or odd data.
//!
//! Run: `wasm_env env CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//!       cargo test --target wasm32-unknown-unknown --test web_charts`

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use std::time::Duration;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlElement};
use yew::BaseComponent;

use yew::prelude::{function_component, Html};

use workforce_gap::ui::shared::charts::figure::use_chart_id;

use workforce_gap::ui::page::required_vs_in_post::{
    required_vs_in_post, BarRow, RequiredVsInPostProps,
};
use workforce_gap::ui::panels::charts::{tornado_chart, TornadoChartProps, TornadoRow};
use workforce_gap::ui::shared::charts::{projection_chart, ProjectionChartProps, ProjectionPoint};

// The charts are view functions; these hosts mount each as a component.
#[function_component(RequiredVsInPost)]
fn required_vs_in_post_host(props: &RequiredVsInPostProps) -> Html {
    let id = use_chart_id();
    required_vs_in_post(&RequiredVsInPostProps {
        id,
        ..props.clone()
    })
}

#[function_component(ProjectionChart)]
fn projection_chart_host(props: &ProjectionChartProps) -> Html {
    let id = use_chart_id();
    projection_chart(&ProjectionChartProps {
        id,
        ..props.clone()
    })
}

#[function_component(TornadoChart)]
fn tornado_chart_host(props: &TornadoChartProps) -> Html {
    let id = use_chart_id();
    tornado_chart(&TornadoChartProps {
        id,
        ..props.clone()
    })
}

const LONG_ROLE: &str = "Clinical psychologist and psychological therapist (band 8a and above)";

/// Render a component into a fresh `<div>` on the page and let Yew finish.
async fn mount<C>(props: C::Properties) -> Element
where
    C: BaseComponent,
{
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    settle().await;
    root
}

/// Yield to the browser so Yew's scheduler runs pending renders.
async fn settle() {
    for _ in 0..3 {
        yew::platform::time::sleep(Duration::ZERO).await;
    }
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

/// `root.querySelectorAll(selector)` as a list (web-sys NodeList is not a
/// crate feature, so go through JS reflection).
fn all(root: &Element, selector: &str) -> Vec<Element> {
    let qsa = js_sys::Reflect::get(root, &JsValue::from_str("querySelectorAll"))
        .unwrap()
        .unchecked_into::<js_sys::Function>();
    let list = qsa.call1(root, &JsValue::from_str(selector)).unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(|node| node.unchecked_into::<Element>())
        .collect()
}

fn count(root: &Element, selector: &str) -> usize {
    all(root, selector).len()
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default().trim().to_string()
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name)
        .unwrap_or_else(|| panic!("<{}> has no {name}", el.tag_name()))
}

/// The svg is `role="img"`, labelled by its own `<title>` and `<desc>`.
/// Returns (title text, desc text).
fn accessible_name(root: &Element) -> (String, String) {
    let svg = one(root, "figure svg");
    assert_eq!(attr(&svg, "role"), "img");
    let ids: Vec<String> = attr(&svg, "aria-labelledby")
        .split_whitespace()
        .map(str::to_string)
        .collect();
    assert_eq!(ids.len(), 2, "aria-labelledby names a title and a desc");
    let document = gloo::utils::document();
    let resolve = |id: &str, tag: &str| {
        let el = document
            .get_element_by_id(id)
            .unwrap_or_else(|| panic!("aria-labelledby id {id} does not resolve"));
        assert_eq!(el.tag_name().to_lowercase(), tag);
        assert!(svg.contains(Some(&el)), "<{tag}> is inside the svg");
        text(&el)
    };
    (resolve(&ids[0], "title"), resolve(&ids[1], "desc"))
}

/// The toggle starts closed with the table hidden, opens and closes it, and
/// keeps aria-expanded and its text in step.
async fn check_table_toggle(root: &Element) -> Element {
    let button = one(root, "figure button.chart-toggle");
    assert_eq!(attr(&button, "type"), "button");
    assert_eq!(attr(&button, "aria-expanded"), "false");
    assert_eq!(text(&button), "Show data table");
    let controlled = gloo::utils::document()
        .get_element_by_id(&attr(&button, "aria-controls"))
        .expect("aria-controls resolves");
    assert!(controlled.has_attribute("hidden"), "table hidden at first");
    let table = one(&controlled, "table");
    assert!(!text(&one(&table, "caption")).is_empty());

    button.clone().unchecked_into::<HtmlElement>().click();
    settle().await;
    let button = one(root, "figure button.chart-toggle");
    assert_eq!(attr(&button, "aria-expanded"), "true");
    assert_eq!(text(&button), "Hide data table");
    assert!(
        !controlled.has_attribute("hidden"),
        "table shown after click"
    );

    button.clone().unchecked_into::<HtmlElement>().click();
    settle().await;
    let button = one(root, "figure button.chart-toggle");
    assert_eq!(attr(&button, "aria-expanded"), "false");
    assert!(controlled.has_attribute("hidden"), "table hidden again");
    table
}

fn bar_rows() -> Vec<BarRow> {
    vec![
        BarRow {
            label: "Psychiatrist".into(),
            required: 40.0,
            in_post: 35.5,
        },
        BarRow {
            label: "Mental health nurse".into(),
            required: 180.23,
            in_post: 120.0,
        },
        BarRow {
            label: LONG_ROLE.into(),
            required: 55.0,
            in_post: 41.0,
        },
    ]
}

#[wasm_bindgen_test]
async fn bar_chart_is_an_accessible_figure() {
    let root = mount::<RequiredVsInPost>(RequiredVsInPostProps {
        id: Default::default(),
        title: "WTE required and in post, by role".into(),
        rows: bar_rows(),
    })
    .await;
    assert_eq!(
        text(&one(&root, "figure > figcaption")),
        "WTE required and in post, by role"
    );
    let (title, desc) = accessible_name(&root);
    assert_eq!(title, "WTE required and in post, by role");
    assert!(
        desc.contains("the largest gap is Mental health nurse: 60.2 WTE"),
        "{desc}"
    );
    assert!(desc.contains("Across 3 roles"), "{desc}");

    let svg = one(&root, "svg");
    assert_eq!(count(&svg, ".chart-row"), 3);
    assert_eq!(count(&svg, ".chart-bar--required"), 3);
    assert_eq!(count(&svg, ".chart-bar--in-post"), 3);
    assert!(count(&svg, ".chart-legend-item") >= 2);
    let axis_titles: Vec<String> = all(&svg, ".chart-axis-title").iter().map(text).collect();
    assert_eq!(axis_titles, vec!["WTE".to_string()]);
    assert!(
        count(&svg, ".chart-tick text") >= 2,
        "tick labels are svg text"
    );
    // Long names are shortened in the chart but whole in the table.
    let labels: Vec<String> = all(&svg, ".chart-label").iter().map(text).collect();
    assert!(labels.iter().any(|l| l.ends_with('…')), "{labels:?}");
    assert!(!svg.inner_html().contains("NaN"));

    let table = check_table_toggle(&root).await;
    assert_eq!(count(&table, "thead th[scope=col]"), 4);
    assert_eq!(count(&table, "tbody tr"), 3);
    let row_heads: Vec<String> = all(&table, "tbody th[scope=row]")
        .iter()
        .map(text)
        .collect();
    assert_eq!(row_heads[2], LONG_ROLE);
    let cells: Vec<String> = all(&table, "tbody tr:nth-child(2) td")
        .iter()
        .map(text)
        .collect();
    assert_eq!(cells, vec!["180.2", "120.0", "60.2"]);
}

#[wasm_bindgen_test]
async fn charts_get_unique_ids() {
    let props = || RequiredVsInPostProps {
        id: Default::default(),
        title: "Same title".into(),
        rows: bar_rows(),
    };
    let a = mount::<RequiredVsInPost>(props()).await;
    let b = mount::<RequiredVsInPost>(props()).await;
    let id_a = attr(&one(&a, "svg"), "aria-labelledby");
    let id_b = attr(&one(&b, "svg"), "aria-labelledby");
    assert_ne!(id_a, id_b);
    let toggle_a = attr(&one(&a, "button"), "aria-controls");
    let toggle_b = attr(&one(&b, "button"), "aria-controls");
    assert_ne!(toggle_a, toggle_b);
}

#[wasm_bindgen_test]
async fn bar_chart_survives_nan_and_negative_values() {
    let root = mount::<RequiredVsInPost>(RequiredVsInPostProps {
        id: Default::default(),
        title: "Odd data".into(),
        rows: vec![
            BarRow {
                label: "Not a number".into(),
                required: f64::NAN,
                in_post: f64::INFINITY,
            },
            BarRow {
                label: "Negative".into(),
                required: -12.0,
                in_post: 0.0,
            },
            BarRow {
                label: "All zero".into(),
                required: 0.0,
                in_post: 0.0,
            },
        ],
    })
    .await;
    let svg = one(&root, "svg");
    assert_eq!(count(&svg, ".chart-row"), 3);
    let html = svg.outer_html();
    assert!(!html.contains("NaN") && !html.contains("inf\""), "{html}");
    let (_, desc) = accessible_name(&root);
    assert!(
        desc.contains("no role has fewer WTE in post than required"),
        "{desc}"
    );
}

fn projection_points() -> Vec<ProjectionPoint> {
    (0..10)
        .map(|i| {
            let required = 180.0 + 4.0 * i as f64;
            let supply = 120.0 + 2.0 * i as f64;
            ProjectionPoint {
                year: 2025 + i,
                required,
                supply,
                gap: required - supply,
                target: None,
            }
        })
        .collect()
}

#[wasm_bindgen_test]
async fn projection_chart_draws_each_year() {
    let root = mount::<ProjectionChart>(ProjectionChartProps {
        id: Default::default(),
        title: "Ten-year projection".into(),
        points: projection_points(),
    })
    .await;
    let (title, desc) = accessible_name(&root);
    assert_eq!(title, "Ten-year projection");
    assert!(desc.starts_with("From 2025 to 2034"), "{desc}");
    assert!(
        desc.contains("the gap is largest in 2034 at 78.0 WTE"),
        "{desc}"
    );

    let svg = one(&root, "svg");
    assert_eq!(count(&svg, ".chart-marker--required"), 10);
    assert_eq!(count(&svg, ".chart-marker--supply"), 10);
    assert_eq!(count(&svg, ".chart-bar--gap"), 10);
    assert_eq!(count(&svg, "polyline.chart-line"), 2);
    let dashed = one(&svg, ".chart-line--supply");
    assert!(
        dashed.has_attribute("stroke-dasharray"),
        "supply line is dashed"
    );
    let mut axis_titles: Vec<String> = all(&svg, ".chart-axis-title").iter().map(text).collect();
    axis_titles.sort();
    assert_eq!(axis_titles, vec!["WTE".to_string(), "Year".to_string()]);
    let year_labels: Vec<String> = all(&svg, ".chart-axis--x .chart-tick text")
        .iter()
        .map(text)
        .collect();
    assert_eq!(year_labels.first().map(String::as_str), Some("2025"));
    assert_eq!(year_labels.last().map(String::as_str), Some("2034"));
    let ends = text(&one(&svg, ".chart-end-label--required"));
    assert!(
        ends.contains("Required") && ends.contains("216.0"),
        "{ends}"
    );

    let table = check_table_toggle(&root).await;
    assert_eq!(count(&table, "tbody tr"), 10);
    assert_eq!(count(&table, "tbody th[scope=row]"), 10);
}

fn tornado_rows(n: usize) -> Vec<TornadoRow> {
    (0..n)
        .map(|i| {
            let swing = 40.0 - 3.0 * i as f64;
            TornadoRow {
                label: format!("Input {i}"),
                low_input: "-20%: 18.1%".into(),
                high_input: "+20%: 27.1%".into(),
                at_low: 1_100.0 - swing * 5.0,
                at_high: 1_100.0 + swing * 4.0,
            }
        })
        .collect()
}

#[wasm_bindgen_test]
async fn tornado_chart_caps_rows_and_labels_the_base() {
    let root = mount::<TornadoChart>(yew::props!(TornadoChartProps {
        title: "What moves the answer most",
        base: 1_100.0,
        measure: "Extra WTE needed",
        rows: tornado_rows(12),
    }))
    .await;
    let (_, desc) = accessible_name(&root);
    assert!(
        desc.starts_with("Extra WTE needed: central estimate 1,100.0."),
        "{desc}"
    );
    assert!(desc.contains("most influential input is Input 0"), "{desc}");
    assert!(desc.contains("Showing 10 of 12 inputs."), "{desc}");

    let svg = one(&root, "svg");
    assert_eq!(count(&svg, ".chart-row"), 10, "max_rows defaults to 10");
    assert_eq!(count(&svg, ".chart-bar--low"), 10);
    assert_eq!(count(&svg, ".chart-bar--high"), 10);
    assert_eq!(
        text(&one(&svg, ".chart-base-label")),
        "Central estimate 1,100.0"
    );
    assert_eq!(text(&one(&svg, ".chart-axis-title")), "Extra WTE needed");
    assert!(count(&svg, ".chart-legend-item") >= 2);

    let table = check_table_toggle(&root).await;
    assert_eq!(count(&table, "tbody tr"), 10);
    assert!(text(&one(&table, "tbody tr td")).contains("-20%: 18.1%"));
}

#[wasm_bindgen_test]
async fn tornado_chart_respects_max_rows() {
    let root = mount::<TornadoChart>(yew::props!(TornadoChartProps {
        title: "Top three",
        base: 10.0,
        measure: "Cost",
        rows: tornado_rows(5),
        max_rows: 3usize,
    }))
    .await;
    let svg = one(&root, "svg");
    assert_eq!(count(&svg, ".chart-row"), 3);
}

#[wasm_bindgen_test]
async fn empty_data_says_so() {
    let bar = mount::<RequiredVsInPost>(RequiredVsInPostProps {
        id: Default::default(),
        title: "Nothing yet".into(),
        rows: vec![],
    })
    .await;
    let projection = mount::<ProjectionChart>(ProjectionChartProps {
        id: Default::default(),
        title: "Nothing yet".into(),
        points: vec![],
    })
    .await;
    let tornado = mount::<TornadoChart>(yew::props!(TornadoChartProps {
        title: "Nothing yet",
        base: f64::NAN,
        measure: "Extra WTE needed",
        rows: Vec::<TornadoRow>::new(),
    }))
    .await;
    for root in [bar, projection, tornado] {
        assert_eq!(text(&one(&root, "figure > figcaption")), "Nothing yet");
        assert_eq!(text(&one(&root, "p.chart-empty")), "Nothing to chart yet.");
        assert_eq!(count(&root, "svg"), 0);
        assert_eq!(count(&root, "button"), 0);
    }
}
