//! Sensitivity (tornado) chart: for each input, how far the result moves
//! from the central estimate when that input is lowered and raised. Each row
//! has two half-height bars from the base line (lowered: solid blue; raised:
//! hatched yellow with a dark outline), each labelled with its result.

use yew::prelude::*;

use crate::format;
use crate::ui::shared::charts::figure::{
    finite, hatch, legend_swatch, n, nice_range, truncate, x_axis, ChartFigure, Scale, BLUE, DARK,
    FONT, GREY, VIEW_WIDTH, YELLOW,
};

/// One input: its name, the input's values when lowered and raised (display
/// text such as "-20%: 18.1%"), and the result at each.
#[derive(Clone, Debug, PartialEq)]
pub struct TornadoRow {
    pub label: String,
    pub low_input: String,
    pub high_input: String,
    pub at_low: f64,
    pub at_high: f64,
}

#[derive(Properties, Clone, Debug, PartialEq)]
pub struct TornadoChartProps {
    pub title: AttrValue,
    /// Id prefix for the chart's elements, unique in the page (fixed by
    /// the caller, or [`crate::ui::shared::charts::figure::use_chart_id`]).
    #[prop_or_default]
    pub id: AttrValue,
    /// The central estimate the bars start from.
    pub base: f64,
    /// What the result measures: the axis title, e.g. "Extra WTE needed".
    pub measure: AttrValue,
    /// Already sorted by the caller, most influential first.
    pub rows: Vec<TornadoRow>,
    /// At most this many rows are charted (and tabled).
    #[prop_or(10)]
    pub max_rows: usize,
    /// Decimal places for result values.
    #[prop_or(1)]
    pub decimals: usize,
    /// Legend text for the lowered-input bars.
    #[prop_or(AttrValue::Static("Input lowered 20%"))]
    pub low_label: AttrValue,
    /// Legend text for the raised-input bars.
    #[prop_or(AttrValue::Static("Input raised 20%"))]
    pub high_label: AttrValue,
}

const LABEL_RIGHT: f64 = 262.0;
const PLOT_LEFT: f64 = 272.0;
const PLOT_RIGHT: f64 = VIEW_WIDTH - 28.0;
const PLOT_TOP: f64 = 64.0;
const BAND: f64 = 44.0;
const BAR: f64 = 14.0;
const LABEL_CHARS: usize = 36;
const NOTE_CHARS: usize = 40;

/// The rows that are charted.
fn shown(rows: &[TornadoRow], max_rows: usize) -> &[TornadoRow] {
    &rows[..rows.len().min(max_rows)]
}

fn swing(r: &TornadoRow) -> f64 {
    (finite(r.at_high) - finite(r.at_low)).abs()
}

/// The text alternative: the central estimate and the input that moves the
/// result most (of those shown).
pub fn describe(
    base: f64,
    measure: &str,
    rows: &[TornadoRow],
    max_rows: usize,
    decimals: usize,
) -> String {
    let num = |v: f64| format::number(finite(v), decimals);
    let visible = shown(rows, max_rows);
    let Some(top) = visible.iter().max_by(|a, b| swing(a).total_cmp(&swing(b))) else {
        return format!(
            "{measure}: central estimate {}. No inputs to compare yet.",
            num(base)
        );
    };
    let mut text = format!(
        "{measure}: central estimate {}. The most influential input is {}, which moves it \
         from {} ({}) to {} ({}).",
        num(base),
        top.label,
        num(top.at_low),
        top.low_input,
        num(top.at_high),
        top.high_input,
    );
    if visible.len() < rows.len() {
        text.push_str(&format!(
            " Showing {} of {} inputs.",
            visible.len(),
            rows.len()
        ));
    }
    text
}

/// Horizontal bars from the central estimate to the result at each end of
/// every input's range, with a labelled base line, legend and data table.
/// A view function, not a component: it keeps no state of its own, and
/// each component type costs about 600 bytes gzip in the WebAssembly.
pub fn tornado_chart(props: &TornadoChartProps) -> Html {
    let id = props.id.clone();
    let rows = shown(&props.rows, props.max_rows);
    let base = finite(props.base);
    let plot_bottom = PLOT_TOP + BAND * rows.len() as f64;
    let height = plot_bottom + 56.0;
    let (lo, hi) = rows.iter().fold((base, base), |(lo, hi), r| {
        let (a, b) = (finite(r.at_low), finite(r.at_high));
        (lo.min(a).min(b), hi.max(a).max(b))
    });
    // Room beyond the longest bars for their value labels.
    let pad = (hi - lo) * 0.12;
    let ticks = nice_range(lo - pad, hi + pad);
    let scale = Scale::from_ticks(&ticks, PLOT_LEFT, PLOT_RIGHT);
    let high_fill = format!("url(#{id}-high)");
    let svg = html! {
        <>
            <defs>{ hatch(&format!("{id}-high"), YELLOW, DARK) }</defs>
            { legend(&props.low_label, &props.high_label, &high_fill) }
            { x_axis(&scale, &ticks, plot_bottom, PLOT_TOP - 4.0, &props.measure) }
            { for rows.iter().enumerate().map(|(i, r)| tornado_row(&scale, base, i, r, &high_fill, props.decimals)) }
            { base_line(&scale, base, plot_bottom, props.decimals) }
        </>
    };
    let desc = describe(
        props.base,
        &props.measure,
        &props.rows,
        props.max_rows,
        props.decimals,
    );
    html! {
        <ChartFigure title={props.title.clone()} id={id.clone()} desc={desc}
            height={height} svg={svg} table={table(props, rows)} empty={rows.is_empty()}
            class={classes!("chart--tornado")} />
    }
}

fn legend(low: &str, high: &str, high_fill: &str) -> Html {
    let (low, x) = legend_swatch(PLOT_LEFT, 20.0, BLUE, low);
    let (high, _) = legend_swatch(x, 20.0, high_fill, high);
    html! { <g class="chart-legend">{low}{high}</g> }
}

fn base_line(scale: &Scale, base: f64, bottom: f64, decimals: usize) -> Html {
    let x = scale.at(base);
    let text = format!("Central estimate {}", format::number(base, decimals));
    let half = text.chars().count() as f64 * FONT * 0.29;
    let (anchor, tx) = if x - half < 4.0 {
        ("start", 4.0f64.max(x - 4.0))
    } else if x + half > VIEW_WIDTH - 4.0 {
        ("end", (VIEW_WIDTH - 4.0).min(x + 4.0))
    } else {
        ("middle", x)
    };
    html! {
        <g class="chart-base">
            <line class="chart-base-line" x1={n(x)} y1={n(PLOT_TOP - 10.0)} x2={n(x)} y2={n(bottom)}
                stroke={DARK} stroke-width="2.5" />
            <text class="chart-base-label" x={n(tx)} y={n(PLOT_TOP - 16.0)} text-anchor={anchor}
                font-size={n(FONT)} font-weight="bold" fill={DARK}>{text}</text>
        </g>
    }
}

/// One bar from the base to `value`, with the value at its outer end.
fn bar(
    scale: &Scale,
    base: f64,
    y: f64,
    value: f64,
    fill: &str,
    class: &'static str,
    decimals: usize,
) -> Html {
    let v = finite(value);
    let (x0, x1) = (scale.at(base), scale.at(v));
    let (label_x, anchor) = if v < base {
        (x1 - 5.0, "end")
    } else {
        (x1 + 5.0, "start")
    };
    html! {
        <>
            <rect class={classes!("chart-bar", class)} x={n(x0.min(x1))} y={n(y)}
                width={n((x1 - x0).abs())} height={n(BAR)} fill={fill.to_string()}
                stroke={DARK} stroke-width="1.5" />
            <text class="chart-value" x={n(label_x)} y={n(y + BAR - 3.0)} text-anchor={anchor}
                font-size={n(FONT - 1.0)} fill={DARK}>{format::number(v, decimals)}</text>
        </>
    }
}

fn tornado_row(
    scale: &Scale,
    base: f64,
    index: usize,
    row: &TornadoRow,
    high_fill: &str,
    decimals: usize,
) -> Html {
    let top = PLOT_TOP + BAND * index as f64;
    let mid = top + BAND / 2.0;
    let note = truncate(
        &format!("{} | {}", row.low_input, row.high_input),
        NOTE_CHARS,
    );
    html! {
        <g class="chart-row">
            <text class="chart-label" x={n(LABEL_RIGHT)} y={n(mid - 2.0)} text-anchor="end"
                font-size={n(FONT + 1.0)} fill={DARK}>
                <title>{row.label.clone()}</title>
                {truncate(&row.label, LABEL_CHARS)}
            </text>
            <text class="chart-note" x={n(LABEL_RIGHT)} y={n(mid + 13.0)} text-anchor="end"
                font-size={n(FONT - 2.0)} fill={GREY}>{note}</text>
            { bar(scale, base, mid - BAR - 1.0, row.at_low, BLUE, "chart-bar--low", decimals) }
            { bar(scale, base, mid + 1.0, row.at_high, high_fill, "chart-bar--high", decimals) }
        </g>
    }
}

fn table(props: &TornadoChartProps, rows: &[TornadoRow]) -> Html {
    let num = |v: f64| format::number(finite(v), props.decimals);
    let measure = &props.measure;
    html! {
        <>
            <thead>
                <tr>
                    <th scope="col">{"Input"}</th>
                    <th scope="col">{"Lowered to"}</th>
                    <th scope="col" class="chart-num">{format!("{measure} (lowered)")}</th>
                    <th scope="col">{"Raised to"}</th>
                    <th scope="col" class="chart-num">{format!("{measure} (raised)")}</th>
                </tr>
            </thead>
            <tbody>
                { for rows.iter().map(|r| html! {
                    <tr>
                        <th scope="row">{r.label.clone()}</th>
                        <td>{r.low_input.clone()}</td>
                        <td class="chart-num">{num(r.at_low)}</td>
                        <td>{r.high_input.clone()}</td>
                        <td class="chart-num">{num(r.at_high)}</td>
                    </tr>
                }) }
            </tbody>
            <tfoot>
                <tr>
                    <th scope="row">{"Central estimate"}</th>
                    <td colspan="4" class="chart-num">{num(props.base)}</td>
                </tr>
            </tfoot>
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(label: &str, at_low: f64, at_high: f64) -> TornadoRow {
        TornadoRow {
            label: label.into(),
            low_input: "-20%: 18.1%".into(),
            high_input: "+20%: 27.1%".into(),
            at_low,
            at_high,
        }
    }

    #[test]
    fn names_the_widest_swing() {
        let rows = [row("Prevalence", 90.0, 130.0), row("Caseload", 95.0, 104.0)];
        let d = describe(110.0, "Extra WTE needed", &rows, 10, 1);
        assert_eq!(
            d,
            "Extra WTE needed: central estimate 110.0. The most influential input is Prevalence, \
             which moves it from 90.0 (-20%: 18.1%) to 130.0 (+20%: 27.1%)."
        );
    }

    #[test]
    fn says_when_rows_are_cut() {
        let rows: Vec<_> = (0..12)
            .map(|i| row(&format!("R{i}"), 1.0, 2.0 + i as f64))
            .collect();
        let d = describe(1.5, "Cost", &rows, 10, 0);
        assert!(d.contains("most influential input is R9"), "{d}");
        assert!(d.ends_with("Showing 10 of 12 inputs."), "{d}");
    }

    #[test]
    fn empty_and_nan_do_not_panic() {
        assert_eq!(
            describe(f64::NAN, "X", &[], 10, 1),
            "X: central estimate 0.0. No inputs to compare yet."
        );
        let d = describe(1.0, "X", &[row("A", f64::NAN, f64::INFINITY)], 10, 1);
        assert!(d.contains("from 0.0"), "{d}");
        assert!(shown(&[row("A", 1.0, 2.0)], 0).is_empty());
    }
}
