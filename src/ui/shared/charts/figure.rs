//! The parts every chart shares: the accessible `<figure>` wrapper with its
//! "Show data table" toggle, unique ids, axis ticks and small SVG helpers.
//!
//! A chart is a `<figure>` with a `<figcaption>` title. Its `<svg>` has
//! `role="img"` and `aria-labelledby` pointing at the `<title>` and `<desc>`
//! inside it, so a screen reader announces the title and a sentence or two
//! computed from the data. The same numbers are in a real `<table>` that a
//! button shows and hides.

use std::sync::atomic::{AtomicU32, Ordering};

use yew::prelude::*;

/// Width of every chart's viewBox; the SVG scales to its container.
pub const VIEW_WIDTH: f64 = 640.0;
/// Font size of tick labels, legends and value labels (viewBox units).
pub const FONT: f64 = 13.0;

/// NHS blue: the first series.
pub const BLUE: &str = "#005eb8";
/// NHS dark grey: text, axes and outlines.
pub const DARK: &str = "#212b32";
/// NHS warm yellow: only as a fill, always with a dark outline.
pub const YELLOW: &str = "#ffb81c";
/// NHS mid grey (AA on white): secondary marks.
pub const GREY: &str = "#4c6272";
/// Light grey gridlines (decoration only; no meaning).
pub const GRID: &str = "#d8dde0";

static NEXT_ID: AtomicU32 = AtomicU32::new(1);

/// A new id prefix, unique in the page, for one chart's ids.
pub fn next_chart_id() -> String {
    format!("chart-{}", NEXT_ID.fetch_add(1, Ordering::Relaxed))
}

/// This component's id prefix, fixed for its lifetime.
#[hook]
pub fn use_chart_id() -> AttrValue {
    let id = use_state(|| AttrValue::from(next_chart_id()));
    (*id).clone()
}

/// NaN and infinities count as zero, so bad data never breaks the layout.
pub fn finite(value: f64) -> f64 {
    if value.is_finite() {
        value
    } else {
        0.0
    }
}

/// Round away floating-point noise such as 0.30000000000000004.
fn tidy(value: f64) -> f64 {
    if value.abs() >= 1e6 {
        return value;
    }
    let t = (value * 1e9).round() / 1e9;
    if t == 0.0 {
        0.0
    } else {
        t
    }
}

/// A 1, 2 or 5 times a power of ten step giving about `target` intervals
/// over `span` (> 0).
fn nice_step(span: f64, target: f64) -> f64 {
    let raw = span / target;
    let magnitude = 10f64.powf(raw.log10().floor());
    let norm = raw / magnitude;
    let factor = if norm <= 1.0 + 1e-9 {
        1.0
    } else if norm <= 2.0 + 1e-9 {
        2.0
    } else if norm <= 5.0 + 1e-9 {
        5.0
    } else {
        10.0
    };
    factor * magnitude
}

/// Evenly spaced round tick values from 0 up to at least `max` (about five
/// intervals): `nice_ticks(173.0)` is `[0, 50, 100, 150, 200]`. A `max` that
/// is zero, negative or not a number gives `[0, 1]`.
pub fn nice_ticks(max: f64) -> Vec<f64> {
    nice_range(0.0, max)
}

/// Round ticks covering `min..=max` (either may be negative), about five
/// intervals, first tick <= min and last >= max. Not-a-number counts as
/// zero; an empty range is widened so there are always at least two ticks.
pub fn nice_range(min: f64, max: f64) -> Vec<f64> {
    let (mut lo, mut hi) = (finite(min), finite(max));
    if lo > hi {
        std::mem::swap(&mut lo, &mut hi);
    }
    if hi - lo <= f64::EPSILON * hi.abs().max(lo.abs()).max(1.0) {
        if lo == 0.0 && hi == 0.0 {
            return vec![0.0, 1.0];
        }
        let pad = hi.abs().max(lo.abs()) * 0.1;
        lo -= pad;
        hi += pad;
    }
    let step = nice_step(hi - lo, 5.0);
    let first = (lo / step + 1e-9).floor() as i64;
    let last = (hi / step - 1e-9).ceil() as i64;
    let last = last.max(first + 1);
    // Guards against absurd inputs (e.g. 1e300 wide ranges) producing
    // thousands of ticks: the step already makes this about five.
    (first..=last.min(first + 50))
        .map(|k| tidy(k as f64 * step))
        .collect()
}

/// Decimal places that show every tick distinctly: 0 for whole steps, 1 for
/// steps of 0.5 or 0.1 and so on (at most 6).
pub fn tick_decimals(ticks: &[f64]) -> usize {
    let step = match ticks {
        [a, b, ..] => (b - a).abs(),
        _ => return 0,
    };
    if step <= 0.0 || !step.is_finite() || step >= 1.0 {
        return 0;
    }
    (0..=6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6
        })
        .unwrap_or(6)
}

/// A linear map from data values to viewBox coordinates.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub domain_min: f64,
    pub domain_max: f64,
    pub range_start: f64,
    pub range_end: f64,
}

impl Scale {
    /// A scale over the first and last of `ticks`.
    pub fn from_ticks(ticks: &[f64], range_start: f64, range_end: f64) -> Self {
        let domain_min = ticks.first().copied().unwrap_or(0.0);
        let domain_max = ticks.last().copied().unwrap_or(1.0);
        Self {
            domain_min,
            domain_max,
            range_start,
            range_end,
        }
    }

    /// Where `value` goes (clamped to the range, NaN as zero).
    pub fn at(&self, value: f64) -> f64 {
        let span = self.domain_max - self.domain_min;
        let t = if span > 0.0 {
            ((finite(value) - self.domain_min) / span).clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.range_start + t * (self.range_end - self.range_start)
    }
}

/// Shorten a label to at most `max_chars` characters with an ellipsis. The
/// chart shows this; the table and description keep the full name.
pub fn truncate(label: &str, max_chars: usize) -> String {
    if label.chars().count() <= max_chars {
        return label.to_string();
    }
    let keep: String = label.chars().take(max_chars.saturating_sub(1)).collect();
    format!("{}…", keep.trim_end())
}

/// A number for SVG attributes: two decimals at most, no trailing zeros.
pub fn n(value: f64) -> String {
    crate::format::plain(finite(value), 2)
}

/// A diagonal hatch `<pattern>` over a solid background, for fills that must
/// not rely on colour alone.
pub fn hatch(id: &str, background: &str, line: &str) -> Html {
    html! {
        <pattern id={id.to_string()} patternUnits="userSpaceOnUse" width="6" height="6"
            patternTransform="rotate(45)">
            <rect width="6" height="6" fill={background.to_string()} />
            <line x1="0" y1="0" x2="0" y2="6" stroke={line.to_string()} stroke-width="2.5" />
        </pattern>
    }
}

/// One legend entry: a swatch (any SVG fill, with a dark outline) and its
/// label, starting at `x`. Returns the entry and the x after it.
pub fn legend_swatch(x: f64, y: f64, fill: &str, label: &str) -> (Html, f64) {
    let width = 22.0 + label.chars().count() as f64 * FONT * 0.58 + 18.0;
    let html = html! {
        <g class="chart-legend-item">
            <rect x={n(x)} y={n(y - 10.0)} width="14" height="14" fill={fill.to_string()}
                stroke={DARK} stroke-width="1.5" />
            <text x={n(x + 20.0)} y={n(y + 1.5)} font-size={n(FONT)} fill={DARK}>{label.to_string()}</text>
        </g>
    };
    (html, x + width)
}

/// A legend entry for a line series: a short line (solid or dashed) with a
/// marker, and its label.
pub fn legend_line(x: f64, y: f64, colour: &str, dashed: bool, label: &str) -> (Html, f64) {
    let width = 34.0 + label.chars().count() as f64 * FONT * 0.58 + 18.0;
    let dash = dashed.then_some("6 4");
    let html = html! {
        <g class="chart-legend-item">
            <line x1={n(x)} y1={n(y - 3.0)} x2={n(x + 26.0)} y2={n(y - 3.0)} stroke={colour.to_string()}
                stroke-width="3" stroke-dasharray={dash} />
            <text x={n(x + 32.0)} y={n(y + 1.5)} font-size={n(FONT)} fill={DARK}>{label.to_string()}</text>
        </g>
    };
    (html, x + width)
}

/// A horizontal value axis along `y`: gridlines up to `grid_top`, tick
/// labels under the axis and the axis title centred below them.
pub fn x_axis(scale: &Scale, ticks: &[f64], y: f64, grid_top: f64, title: &str) -> Html {
    let decimals = tick_decimals(ticks);
    let mid = (scale.range_start + scale.range_end) / 2.0;
    html! {
        <g class="chart-axis chart-axis--x">
            { for ticks.iter().map(|&t| {
                let x = n(scale.at(t));
                html! {
                    <g class="chart-tick">
                        <line x1={x.clone()} y1={n(grid_top)} x2={x.clone()} y2={n(y)} stroke={GRID} stroke-width="1" />
                        <line x1={x.clone()} y1={n(y)} x2={x.clone()} y2={n(y + 5.0)} stroke={DARK} stroke-width="1.5" />
                        <text x={x} y={n(y + 20.0)} text-anchor="middle" font-size={n(FONT)} fill={DARK}>
                            {crate::format::number(t, decimals)}
                        </text>
                    </g>
                }
            }) }
            <line x1={n(scale.range_start)} y1={n(y)} x2={n(scale.range_end)} y2={n(y)} stroke={DARK} stroke-width="1.5" />
            <text class="chart-axis-title" x={n(mid)} y={n(y + 42.0)} text-anchor="middle"
                font-size={n(FONT + 1.0)} font-weight="bold" fill={DARK}>{title.to_string()}</text>
        </g>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartFigureProps {
    /// Visible caption, SVG `<title>` and table caption.
    pub title: AttrValue,
    /// Id prefix from [`use_chart_id`].
    pub id: AttrValue,
    /// The text alternative: one or two sentences computed from the data.
    pub desc: AttrValue,
    /// Height of the viewBox (its width is [`VIEW_WIDTH`]).
    pub height: f64,
    /// The SVG body (defs, axes, marks, legend).
    pub svg: Html,
    /// The table's `<thead>` and `<tbody>` (same numbers as the chart).
    pub table: Html,
    /// Show "Nothing to chart yet" instead of the chart and table.
    #[prop_or_default]
    pub empty: bool,
    /// Extra class on the `<figure>` (e.g. `chart--bar`).
    #[prop_or_default]
    pub class: Classes,
}

/// The figure, caption, accessible SVG and data-table toggle.
#[function_component(ChartFigure)]
pub fn chart_figure(props: &ChartFigureProps) -> Html {
    let open = use_state(|| false);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let classes = classes!("chart", props.class.clone());
    if props.empty {
        return html! {
            <figure class={classes}>
                <figcaption class="chart-title">{props.title.clone()}</figcaption>
                <p class="chart-empty">{"Nothing to chart yet."}</p>
            </figure>
        };
    }
    let id = &props.id;
    let table_id = format!("{id}-table");
    html! {
        <figure class={classes} id={id.clone()}>
            <figcaption class="chart-title" id={format!("{id}-caption")}>{props.title.clone()}</figcaption>
            { chart_svg(props) }
            <button type="button" class="chart-toggle" aria-expanded={open.to_string()}
                aria-controls={table_id.clone()} onclick={toggle}>
                { if *open { "Hide data table" } else { "Show data table" } }
            </button>
            <div class="chart-table-wrap" id={table_id} hidden={!*open} tabindex="0" role="region"
                aria-label={format!("{}: data table", props.title)}>
                <table class="chart-table">
                    <caption class="chart-table-caption">{props.title.clone()}</caption>
                    { props.table.clone() }
                </table>
            </div>
        </figure>
    }
}

fn chart_svg(props: &ChartFigureProps) -> Html {
    let id = &props.id;
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    html! {
        // Focusable so keyboard users can scroll it sideways on a phone.
        <div class="chart-scroll" tabindex="0" role="group" aria-labelledby={format!("{id}-caption")}>
            <svg class="chart-svg" xmlns="http://www.w3.org/2000/svg"
                viewBox={format!("0 0 {} {}", n(VIEW_WIDTH), n(props.height))}
                role="img" aria-labelledby={format!("{title_id} {desc_id}")} focusable="false"
                font-family="Frutiger W01, Arial, sans-serif">
                <title id={title_id}>{props.title.clone()}</title>
                <desc id={desc_id}>{props.desc.clone()}</desc>
                { props.svg.clone() }
            </svg>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: &[f64], b: &[f64]) -> bool {
        a.len() == b.len() && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 1e-9)
    }

    #[test]
    fn ticks_cover_max_with_round_steps() {
        assert!(close(&nice_ticks(173.0), &[0.0, 50.0, 100.0, 150.0, 200.0]));
        assert!(close(
            &nice_ticks(100.0),
            &[0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        ));
        assert!(close(&nice_ticks(9.0), &[0.0, 2.0, 4.0, 6.0, 8.0, 10.0]));
        assert!(close(&nice_ticks(1.0), &[0.0, 0.2, 0.4, 0.6, 0.8, 1.0]));
        assert!(close(&nice_ticks(0.3), &[0.0, 0.1, 0.2, 0.3]));
        let big = nice_ticks(12_345.0);
        assert_eq!(big.first(), Some(&0.0));
        assert!(*big.last().unwrap() >= 12_345.0);
        assert!(big.len() >= 3 && big.len() <= 12);
    }

    #[test]
    fn ticks_have_no_float_noise() {
        for t in nice_ticks(0.7) {
            let s = format!("{t}");
            assert!(s.len() <= 4, "{s}");
        }
    }

    #[test]
    fn degenerate_max_gives_unit_axis() {
        assert_eq!(nice_ticks(0.0), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(f64::NAN), vec![0.0, 1.0]);
        assert_eq!(nice_ticks(f64::INFINITY), vec![0.0, 1.0]);
        // A negative max still gives a range that includes it.
        let neg = nice_ticks(-40.0);
        assert!(neg[0] <= -40.0 && *neg.last().unwrap() >= 0.0);
    }

    #[test]
    fn range_spans_negative_and_non_zero_values() {
        let r = nice_range(-35.0, 120.0);
        assert!(r[0] <= -35.0 && *r.last().unwrap() >= 120.0);
        assert!(r.contains(&0.0));
        let r = nice_range(950.0, 1_260.0);
        assert!(r[0] <= 950.0 && r[0] >= 800.0, "{r:?}");
        assert!(*r.last().unwrap() >= 1_260.0);
        let same = nice_range(5.0, 5.0);
        assert!(same[0] < 5.0 && *same.last().unwrap() > 5.0);
        let swapped = nice_range(10.0, 0.0);
        assert!(close(&swapped, &nice_ticks(10.0)));
    }

    #[test]
    fn ticks_ascend_strictly() {
        for max in [0.01, 0.9, 3.0, 47.0, 180.2, 999.0, 1e6, 7.3e7] {
            let t = nice_ticks(max);
            assert!(t.windows(2).all(|w| w[1] > w[0]), "{max}: {t:?}");
            assert!(*t.last().unwrap() >= max);
            assert!(t.len() <= 12, "{max}: {t:?}");
        }
    }

    #[test]
    fn decimals_match_step() {
        assert_eq!(tick_decimals(&[0.0, 50.0]), 0);
        assert_eq!(tick_decimals(&[0.0, 0.5]), 1);
        assert_eq!(tick_decimals(&[0.0, 0.05]), 2);
        assert_eq!(tick_decimals(&[1.0]), 0);
    }

    #[test]
    fn scale_maps_and_clamps() {
        let s = Scale::from_ticks(&[0.0, 100.0], 10.0, 110.0);
        assert_eq!(s.at(50.0), 60.0);
        assert_eq!(s.at(-10.0), 10.0);
        assert_eq!(s.at(f64::NAN), 10.0);
        assert_eq!(s.at(1e9), 110.0);
    }

    #[test]
    fn truncates_long_labels() {
        assert_eq!(truncate("Nurse", 10), "Nurse");
        let t = truncate("Clinical psychologist (band 8a and above)", 20);
        assert_eq!(t.chars().count(), 20);
        assert!(t.ends_with('…'));
    }

    #[test]
    fn finite_treats_nan_as_zero() {
        assert_eq!(finite(f64::NAN), 0.0);
        assert_eq!(finite(f64::NEG_INFINITY), 0.0);
        assert_eq!(finite(-2.5), -2.5);
    }
}
