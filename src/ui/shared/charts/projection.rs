//! The projection: WTE required (solid line, round markers) against supply
//! (dashed line, square markers) year by year, with the gap as hatched bars
//! and the two lines labelled directly at their ends; optionally a third
//! line (dotted, green, diamond markers): supply with the retention needed.

use yew::prelude::*;

use super::figure::{
    finite, hatch, legend_line, legend_swatch, n, nice_range, tick_decimals, ChartFigure, Scale,
    BLUE, DARK, FONT, GREY, GRID, VIEW_WIDTH,
};
use crate::format;

/// One projected year.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectionPoint {
    pub year: u32,
    pub required: f64,
    pub supply: f64,
    pub gap: f64,
    /// A third line, when given: supply under the retention a role needs
    /// (the role's projection in "what it takes").
    pub target: Option<f64>,
}

impl ProjectionPoint {
    /// The system's projected year, as the chart draws it (no third line).
    pub fn of_system(row: &crate::model::results::ProjectionRow) -> ProjectionPoint {
        ProjectionPoint {
            year: row.year,
            required: row.required_wte,
            supply: row.supply_wte,
            gap: row.gap_wte,
            target: None,
        }
    }
}

#[derive(Properties, Clone, Debug, PartialEq)]
pub struct ProjectionChartProps {
    pub title: AttrValue,
    /// Id prefix for the chart's elements, unique in the page (fixed by
    /// the caller, or [`super::figure::use_chart_id`]).
    #[prop_or_default]
    pub id: AttrValue,
    pub points: Vec<ProjectionPoint>,
}

const PLOT_LEFT: f64 = 72.0;
const PLOT_RIGHT: f64 = VIEW_WIDTH - 116.0;
const PLOT_TOP: f64 = 48.0;
const PLOT_BOTTOM: f64 = 300.0;
const HEIGHT: f64 = 356.0;
/// Space between the first/last year and the plot edges, for the gap bars.
const INSET: f64 = 18.0;

/// The points in year order.
fn sorted(points: &[ProjectionPoint]) -> Vec<ProjectionPoint> {
    let mut p = points.to_vec();
    crate::model::order::sort_by(&mut p, |a, b| a.year.cmp(&b.year));
    p
}

/// "rises from 1.0 to 2.0", "falls from …", or "stays at 1.0".
fn change(from: f64, to: f64) -> String {
    let (a, b) = (format::wte(finite(from)), format::wte(finite(to)));
    if a == b {
        format!("stays at {a}")
    } else if finite(to) > finite(from) {
        format!("rises from {a} to {b}")
    } else {
        format!("falls from {a} to {b}")
    }
}

/// The text alternative: how required and supply move and when the gap is
/// largest.
pub fn describe(points: &[ProjectionPoint]) -> String {
    let points = sorted(points);
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return "No projection to chart yet.".to_string();
    };
    if points.len() == 1 {
        return format!(
            "In {}, {} WTE are required against a supply of {}; the gap is {} WTE.",
            first.year,
            format::wte(finite(first.required)),
            format::wte(finite(first.supply)),
            format::wte(finite(first.gap)),
        );
    }
    let widest = points
        .iter()
        .max_by(|a, b| finite(a.gap).total_cmp(&finite(b.gap)))
        .filter(|p| finite(p.gap) > 0.0);
    let tail = match widest {
        Some(p) => format!(
            "the gap is largest in {} at {} WTE.",
            p.year,
            format::wte(finite(p.gap))
        ),
        None => "supply meets what is required in every year.".to_string(),
    };
    let target = match last.target {
        Some(t) => format!(
            " With the retention needed, supply {}.",
            change(first.target.unwrap_or(first.supply), t)
        ),
        None => String::new(),
    };
    format!(
        "From {} to {}, WTE required {} while supply {}; {tail}{target}",
        first.year,
        last.year,
        change(first.required, last.required),
        change(first.supply, last.supply),
    )
}

/// Year positions across the plot (a single year sits in the middle).
fn year_scale(points: &[ProjectionPoint]) -> Scale {
    let first = points.first().map_or(0.0, |p| p.year as f64);
    let last = points.last().map_or(0.0, |p| p.year as f64);
    let (lo, hi) = if last > first {
        (first, last)
    } else {
        (first - 1.0, first + 1.0)
    };
    Scale {
        domain_min: lo,
        domain_max: hi,
        range_start: PLOT_LEFT + INSET,
        range_end: PLOT_RIGHT - INSET,
    }
}

/// Line chart over years with gap bars, legend and data table.
/// A view function, not a component: it keeps no state of its own, and
/// each component type costs about 600 bytes gzip in the WebAssembly.
pub fn projection_chart(props: &ProjectionChartProps) -> Html {
    let id = props.id.clone();
    let points = sorted(&props.points);
    let (lo, hi) = points.iter().fold((0.0f64, 0.0f64), |(lo, hi), p| {
        let values = [
            finite(p.required),
            finite(p.supply),
            finite(p.gap),
            finite(p.target.unwrap_or(0.0)),
        ];
        (
            values.iter().fold(lo, |m, v| m.min(*v)),
            values.iter().fold(hi, |m, v| m.max(*v)),
        )
    });
    let ticks = nice_range(lo, hi);
    let y = Scale::from_ticks(&ticks, PLOT_BOTTOM, PLOT_TOP);
    let x = year_scale(&points);
    let gap_fill = format!("url(#{id}-gap)");
    let svg = html! {
        <>
            <defs>{ hatch(&format!("{id}-gap"), "#ffffff", GREY) }</defs>
            { legend(&gap_fill, has_target(&points)) }
            { y_axis(&y, &ticks) }
            { year_axis(&x, &points) }
            { gap_bars(&x, &y, &points, &gap_fill) }
            { lines(&x, &y, &points) }
            { end_labels(&x, &y, &points) }
        </>
    };
    html! {
        <ChartFigure title={props.title.clone()} id={id.clone()} desc={describe(&points)}
            height={HEIGHT} svg={svg} table={table(&points)} empty={points.is_empty()}
            class={classes!("chart--projection")} />
    }
}

/// Green (AA on white) for the third line.
const GREEN: &str = "#007f3b";
const TARGET_LABEL: &str = "With retention needed";

fn has_target(points: &[ProjectionPoint]) -> bool {
    points.iter().any(|p| p.target.is_some())
}

fn legend(gap_fill: &str, target: bool) -> Html {
    let (required, x) = legend_line(PLOT_LEFT, 20.0, BLUE, false, "Required");
    let (supply, x) = legend_line(x, 20.0, DARK, true, "Supply");
    let (gap, x) = legend_swatch(x, 20.0, gap_fill, "Gap");
    let third = if target {
        legend_line(x, 20.0, GREEN, true, TARGET_LABEL).0
    } else {
        Html::default()
    };
    html! { <g class="chart-legend">{required}{supply}{gap}{third}</g> }
}

fn y_axis(y: &Scale, ticks: &[f64]) -> Html {
    let decimals = tick_decimals(ticks);
    let mid = (PLOT_TOP + PLOT_BOTTOM) / 2.0;
    html! {
        <g class="chart-axis chart-axis--y">
            { for ticks.iter().map(|&t| {
                let ty = n(y.at(t));
                html! {
                    <g class="chart-tick">
                        <line x1={n(PLOT_LEFT)} y1={ty.clone()} x2={n(PLOT_RIGHT)} y2={ty.clone()}
                            stroke={if t == 0.0 { DARK } else { GRID }} stroke-width={if t == 0.0 { "1.5" } else { "1" }} />
                        <text x={n(PLOT_LEFT - 8.0)} y={n(y.at(t) + 4.5)} text-anchor="end"
                            font-size={n(FONT)} fill={DARK}>{format::number(t, decimals)}</text>
                    </g>
                }
            }) }
            <line x1={n(PLOT_LEFT)} y1={n(PLOT_TOP)} x2={n(PLOT_LEFT)} y2={n(PLOT_BOTTOM)} stroke={DARK} stroke-width="1.5" />
            <text class="chart-axis-title" x="0" y="0" text-anchor="middle" font-size={n(FONT + 1.0)}
                font-weight="bold" fill={DARK} transform={format!("translate(18 {}) rotate(-90)", n(mid))}>
                {"WTE"}
            </text>
        </g>
    }
}

fn year_axis(x: &Scale, points: &[ProjectionPoint]) -> Html {
    let every = points.len().div_ceil(12).max(1);
    let last = points.len().saturating_sub(1);
    html! {
        <g class="chart-axis chart-axis--x">
            <line x1={n(PLOT_LEFT)} y1={n(PLOT_BOTTOM)} x2={n(PLOT_RIGHT)} y2={n(PLOT_BOTTOM)} stroke={DARK} stroke-width="1.5" />
            { for points.iter().enumerate().filter(|(i, _)| i % every == 0 || *i == last).map(|(_, p)| {
                let px = n(x.at(p.year as f64));
                html! {
                    <g class="chart-tick">
                        <line x1={px.clone()} y1={n(PLOT_BOTTOM)} x2={px.clone()} y2={n(PLOT_BOTTOM + 5.0)} stroke={DARK} stroke-width="1.5" />
                        <text x={px} y={n(PLOT_BOTTOM + 20.0)} text-anchor="middle" font-size={n(FONT)} fill={DARK}>
                            {p.year.to_string()}
                        </text>
                    </g>
                }
            }) }
            <text class="chart-axis-title" x={n((PLOT_LEFT + PLOT_RIGHT) / 2.0)} y={n(PLOT_BOTTOM + 44.0)}
                text-anchor="middle" font-size={n(FONT + 1.0)} font-weight="bold" fill={DARK}>{"Year"}</text>
        </g>
    }
}

fn gap_bars(x: &Scale, y: &Scale, points: &[ProjectionPoint], fill: &str) -> Html {
    let slot = (x.range_end - x.range_start) / points.len().max(2).saturating_sub(1) as f64;
    let width = (slot * 0.5).clamp(4.0, 2.0 * INSET - 4.0);
    let zero = y.at(0.0);
    html! {
        <g class="chart-gap">
            { for points.iter().map(|p| {
                let top = y.at(finite(p.gap));
                html! {
                    <rect class="chart-bar chart-bar--gap" x={n(x.at(p.year as f64) - width / 2.0)}
                        y={n(top.min(zero))} width={n(width)} height={n((top - zero).abs())}
                        fill={fill.to_string()} stroke={GREY} stroke-width="1.5" />
                }
            }) }
        </g>
    }
}

fn polyline(
    x: &Scale,
    y: &Scale,
    points: &[ProjectionPoint],
    value: fn(&ProjectionPoint) -> f64,
) -> String {
    points
        .iter()
        .map(|p| format!("{},{}", n(x.at(p.year as f64)), n(y.at(value(p)))))
        .collect::<Vec<_>>()
        .join(" ")
}

fn lines(x: &Scale, y: &Scale, points: &[ProjectionPoint]) -> Html {
    html! {
        <g class="chart-lines">
            <polyline class="chart-line chart-line--required" fill="none" stroke={BLUE} stroke-width="3"
                stroke-linejoin="round" points={polyline(x, y, points, |p| finite(p.required))} />
            <polyline class="chart-line chart-line--supply" fill="none" stroke={DARK} stroke-width="3"
                stroke-dasharray="8 5" stroke-linejoin="round" points={polyline(x, y, points, |p| finite(p.supply))} />
            if has_target(points) {
                <polyline class="chart-line chart-line--target" fill="none" stroke={GREEN} stroke-width="3"
                    stroke-dasharray="2 4" stroke-linecap="round" stroke-linejoin="round"
                    points={polyline(x, y, points, |p| finite(p.target.unwrap_or(0.0)))} />
                { for points.iter().filter_map(|p| p.target.map(|t| (p.year, t))).map(|(year, t)| {
                    let (px, ty) = (x.at(year as f64), y.at(finite(t)));
                    html! {
                        <path class="chart-marker chart-marker--target" fill={GREEN} stroke="#ffffff" stroke-width="1"
                            d={format!("M{} {}l5 5l-5 5l-5-5z", n(px), n(ty - 5.0))} />
                    }
                }) }
            }
            { for points.iter().map(|p| {
                let px = x.at(p.year as f64);
                let ry = y.at(finite(p.required));
                let sy = y.at(finite(p.supply));
                html! {
                    <>
                        <circle class="chart-marker chart-marker--required" cx={n(px)} cy={n(ry)} r="5"
                            fill={BLUE} stroke="#ffffff" stroke-width="1.5" />
                        <rect class="chart-marker chart-marker--supply" x={n(px - 4.5)} y={n(sy - 4.5)}
                            width="9" height="9" fill="#ffffff" stroke={DARK} stroke-width="2" />
                    </>
                }
            }) }
        </g>
    }
}

/// Label positions for the two line ends, pushed apart so they never
/// overlap (each label is two lines of text).
fn spread(a: f64, b: f64, gap: f64) -> (f64, f64) {
    if (a - b).abs() >= gap {
        return (a, b);
    }
    let mid = (a + b) / 2.0;
    let (a2, b2) = if a <= b {
        (mid - gap / 2.0, mid + gap / 2.0)
    } else {
        (mid + gap / 2.0, mid - gap / 2.0)
    };
    // Keep both inside the viewBox.
    let shift =
        (PLOT_TOP - 8.0 - a2.min(b2)).max(0.0) - (a2.max(b2) - (PLOT_BOTTOM + 4.0)).max(0.0);
    (a2 + shift, b2 + shift)
}

fn end_labels(x: &Scale, y: &Scale, points: &[ProjectionPoint]) -> Html {
    let Some(last) = points.last() else {
        return Html::default();
    };
    let lx = x.at(last.year as f64) + 12.0;
    let (ry, sy) = spread(y.at(finite(last.required)), y.at(finite(last.supply)), 34.0);
    let label = |ty: f64, name: &'static str, value: f64, class: &'static str| {
        html! {
            <text class={classes!("chart-end-label", class)} x={n(lx)} y={n(ty - 2.0)} font-size={n(FONT)} fill={DARK}>
                <tspan font-weight="bold">{name}</tspan>
                <tspan x={n(lx)} dy={n(FONT + 2.0)}>{format!("{} WTE", format::wte(finite(value)))}</tspan>
            </text>
        }
    };
    html! {
        <g class="chart-end-labels">
            { label(ry, "Required", last.required, "chart-end-label--required") }
            { label(sy, "Supply", last.supply, "chart-end-label--supply") }
        </g>
    }
}

fn table(points: &[ProjectionPoint]) -> Html {
    html! {
        <>
            <thead>
                <tr>
                    <th scope="col">{"Year"}</th>
                    <th scope="col" class="chart-num">{"Required (WTE)"}</th>
                    <th scope="col" class="chart-num">{"Supply (WTE)"}</th>
                    <th scope="col" class="chart-num">{"Gap (WTE)"}</th>
                    if has_target(points) { <th scope="col" class="chart-num">{"Supply with retention needed (WTE)"}</th> }
                </tr>
            </thead>
            <tbody>
                { for points.iter().map(|p| html! {
                    <tr>
                        <th scope="row">{p.year.to_string()}</th>
                        <td class="chart-num">{format::wte(finite(p.required))}</td>
                        <td class="chart-num">{format::wte(finite(p.supply))}</td>
                        <td class="chart-num">{format::wte(finite(p.gap))}</td>
                        if has_target(points) { <td class="chart-num">{p.target.map(|t| format::wte(finite(t))).unwrap_or_default()}</td> }
                    </tr>
                }) }
            </tbody>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn point(year: u32, required: f64, supply: f64) -> ProjectionPoint {
        ProjectionPoint {
            year,
            required,
            supply,
            gap: required - supply,
            target: None,
        }
    }

    #[test]
    fn describes_trend_and_widest_gap() {
        let d = describe(&[
            point(2026, 190.0, 125.0),
            point(2025, 180.0, 120.0),
            point(2027, 200.0, 118.0),
        ]);
        assert_eq!(
            d,
            "From 2025 to 2027, WTE required rises from 180.0 to 200.0 while supply falls \
             from 120.0 to 118.0; the gap is largest in 2027 at 82.0 WTE."
        );
    }

    #[test]
    fn describes_single_year_and_no_gap() {
        assert_eq!(
            describe(&[point(2025, 10.0, 4.0)]),
            "In 2025, 10.0 WTE are required against a supply of 4.0; the gap is 6.0 WTE."
        );
        let d = describe(&[point(2025, 1.0, 2.0), point(2026, 1.0, f64::NAN)]);
        assert!(d.contains("required stays at 1.0"), "{d}");
        assert!(
            d.ends_with("supply meets what is required in every year."),
            "{d}"
        );
        assert_eq!(describe(&[]), "No projection to chart yet.");
    }

    #[test]
    fn end_labels_never_overlap() {
        let (a, b) = spread(100.0, 104.0, 34.0);
        assert!((a - b).abs() >= 34.0 - 1e-9 && a < b);
        let (a, b) = spread(PLOT_TOP, PLOT_TOP, 34.0);
        assert!((a - b).abs() >= 34.0 - 1e-9 && a.min(b) >= PLOT_TOP - 8.0);
        assert_eq!(spread(50.0, 200.0, 34.0), (50.0, 200.0));
    }
}
