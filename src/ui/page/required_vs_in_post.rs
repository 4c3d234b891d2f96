//! WTE required against WTE in post, one pair of horizontal bars per role.
//! Role names sit on the left (shortened if long; the table and text
//! alternative keep them whole); each bar carries its value at its end.

use yew::prelude::*;

use crate::format;
use crate::ui::shared::charts::figure::{
    finite, hatch, legend_swatch, n, nice_range, truncate, x_axis, ChartFigure, Scale, BLUE, DARK,
    FONT, VIEW_WIDTH, YELLOW,
};

/// One role: the WTE the model says it needs and the WTE in post.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub required: f64,
    pub in_post: f64,
}

#[derive(Properties, Clone, Debug, PartialEq)]
pub struct RequiredVsInPostProps {
    pub title: AttrValue,
    /// Id prefix for the chart's elements, unique in the page (fixed by
    /// the caller, or [`crate::ui::shared::charts::figure::use_chart_id`]).
    #[prop_or_default]
    pub id: AttrValue,
    pub rows: Vec<BarRow>,
}

const LABEL_RIGHT: f64 = 186.0;
const PLOT_LEFT: f64 = 196.0;
const PLOT_RIGHT: f64 = VIEW_WIDTH - 64.0;
const PLOT_TOP: f64 = 44.0;
const BAND: f64 = 46.0;
const BAR: f64 = 16.0;
const LABEL_CHARS: usize = 26;

/// The text alternative: totals and the role with the largest shortfall.
pub fn describe(rows: &[BarRow]) -> String {
    if rows.is_empty() {
        return "No roles to chart yet.".to_string();
    }
    let gap = |r: &BarRow| finite(r.required) - finite(r.in_post);
    if let [row] = rows {
        let g = gap(row);
        let tail = if g > 0.0 {
            format!("a gap of {} WTE", format::wte(g))
        } else if g < 0.0 {
            format!("{} WTE more in post than required", format::wte(-g))
        } else {
            "no gap".to_string()
        };
        return format!(
            "{} needs {} WTE against {} in post: {tail}.",
            row.label,
            format::wte(finite(row.required)),
            format::wte(finite(row.in_post)),
        );
    }
    let required: f64 = rows.iter().map(|r| finite(r.required)).sum();
    let in_post: f64 = rows.iter().map(|r| finite(r.in_post)).sum();
    let biggest = rows
        .iter()
        .filter(|r| gap(r) > 0.0)
        .max_by(|a, b| gap(a).total_cmp(&gap(b)));
    let tail = match biggest {
        Some(r) => format!(
            "the largest gap is {}: {} WTE ({} required, {} in post).",
            r.label,
            format::wte(gap(r)),
            format::wte(finite(r.required)),
            format::wte(finite(r.in_post)),
        ),
        None => "no role has fewer WTE in post than required.".to_string(),
    };
    format!(
        "Across {} roles, {} WTE are required against {} in post; {tail}",
        rows.len(),
        format::wte(required),
        format::wte(in_post),
    )
}

/// Horizontal grouped bars: required (solid blue) and in post (hatched
/// yellow with a dark outline), legend, x axis "WTE", and a data table.
/// A view function, not a component: it keeps no state of its own, and
/// each component type costs about 600 bytes gzip in the WebAssembly.
pub fn required_vs_in_post(props: &RequiredVsInPostProps) -> Html {
    let id = props.id.clone();
    let rows = &props.rows;
    let plot_bottom = PLOT_TOP + BAND * rows.len() as f64;
    let height = plot_bottom + 56.0;
    let (lo, hi) = rows.iter().fold((0.0f64, 0.0f64), |(lo, hi), r| {
        let (a, b) = (finite(r.required), finite(r.in_post));
        (lo.min(a).min(b), hi.max(a).max(b))
    });
    let ticks = nice_range(lo, hi);
    let scale = Scale::from_ticks(&ticks, PLOT_LEFT, PLOT_RIGHT);
    let in_post_fill = format!("url(#{id}-in-post)");
    let svg = html! {
        <>
            <defs>{ hatch(&format!("{id}-in-post"), YELLOW, DARK) }</defs>
            { legend(&in_post_fill) }
            { x_axis(&scale, &ticks, plot_bottom, PLOT_TOP - 6.0, "WTE") }
            { for rows.iter().enumerate().map(|(i, r)| bar_row(&scale, i, r, &in_post_fill)) }
            <line x1={n(scale.at(0.0))} y1={n(PLOT_TOP - 6.0)} x2={n(scale.at(0.0))} y2={n(plot_bottom)}
                stroke={DARK} stroke-width="1.5" />
        </>
    };
    html! {
        <ChartFigure title={props.title.clone()} id={id.clone()} desc={describe(rows)}
            height={height} svg={svg} table={table(rows)} empty={rows.is_empty()}
            class={classes!("chart--bar")} />
    }
}

fn legend(in_post_fill: &str) -> Html {
    let (required, x) = legend_swatch(PLOT_LEFT, 20.0, BLUE, "Required");
    let (in_post, _) = legend_swatch(x, 20.0, in_post_fill, "In post");
    html! { <g class="chart-legend">{required}{in_post}</g> }
}

/// A bar from zero to `value` (leftwards if negative) with its value label.
fn bar(scale: &Scale, y: f64, value: f64, fill: &str, class: &'static str) -> Html {
    let v = finite(value);
    let (x0, x1) = (scale.at(0.0), scale.at(v));
    let label_x = x1.max(x0) + 5.0;
    html! {
        <>
            <rect class={classes!("chart-bar", class)} x={n(x0.min(x1))} y={n(y)}
                width={n((x1 - x0).abs())} height={n(BAR)} fill={fill.to_string()}
                stroke={DARK} stroke-width="1.5" />
            <text class="chart-value" x={n(label_x)} y={n(y + BAR - 3.5)} font-size={n(FONT)} fill={DARK}>
                {format::wte(v)}
            </text>
        </>
    }
}

fn bar_row(scale: &Scale, index: usize, row: &BarRow, in_post_fill: &str) -> Html {
    let top = PLOT_TOP + BAND * index as f64;
    let mid = top + BAND / 2.0;
    html! {
        <g class="chart-row">
            <text class="chart-label" x={n(LABEL_RIGHT)} y={n(mid + 4.5)} text-anchor="end"
                font-size={n(FONT + 1.0)} fill={DARK}>
                <title>{row.label.clone()}</title>
                {truncate(&row.label, LABEL_CHARS)}
            </text>
            { bar(scale, mid - BAR - 1.0, row.required, BLUE, "chart-bar--required") }
            { bar(scale, mid + 1.0, row.in_post, in_post_fill, "chart-bar--in-post") }
        </g>
    }
}

fn table(rows: &[BarRow]) -> Html {
    html! {
        <>
            <thead>
                <tr>
                    <th scope="col">{"Role"}</th>
                    <th scope="col" class="chart-num">{"Required (WTE)"}</th>
                    <th scope="col" class="chart-num">{"In post (WTE)"}</th>
                    <th scope="col" class="chart-num">{"Gap (WTE)"}</th>
                </tr>
            </thead>
            <tbody>
                { for rows.iter().map(|r| html! {
                    <tr>
                        <th scope="row">{r.label.clone()}</th>
                        <td class="chart-num">{format::wte(finite(r.required))}</td>
                        <td class="chart-num">{format::wte(finite(r.in_post))}</td>
                        <td class="chart-num">{format::wte(finite(r.required) - finite(r.in_post))}</td>
                    </tr>
                }) }
            </tbody>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, required: f64, in_post: f64) -> BarRow {
        BarRow {
            label: label.into(),
            required,
            in_post,
        }
    }

    #[test]
    fn one_role_reads_as_a_sentence() {
        let d = describe(&[row("Mental health nurse", 180.23, 120.0)]);
        assert_eq!(
            d,
            "Mental health nurse needs 180.2 WTE against 120.0 in post: a gap of 60.2 WTE."
        );
    }

    #[test]
    fn several_roles_name_the_largest_gap() {
        let d = describe(&[
            row("Psychiatrist", 40.0, 35.0),
            row("Clinical psychologist", 1_250.0, 1_000.0),
            row("Nurse", f64::NAN, 3.0),
        ]);
        assert!(d.starts_with("Across 3 roles, 1,290.0 WTE are required against 1,038.0 in post"));
        assert!(
            d.contains("the largest gap is Clinical psychologist: 250.0 WTE"),
            "{d}"
        );
    }

    #[test]
    fn no_shortfall_is_said_plainly() {
        let d = describe(&[row("A", 1.0, 2.0), row("B", 0.0, 0.0)]);
        assert!(
            d.ends_with("no role has fewer WTE in post than required."),
            "{d}"
        );
        assert_eq!(describe(&[]), "No roles to chart yet.");
    }
}
