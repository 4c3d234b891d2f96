//! Required WTE per 100,000 residents, one bar per place, with the whole
//! system's figure as a dashed reference line: where need (and so the
//! requirement) is highest for the size of the population.

use yew::prelude::*;

use crate::format;
use crate::ui::shared::charts::figure::{
    finite, n, nice_range, truncate, x_axis, ChartFigure, Scale, BLUE, DARK, FONT, VIEW_WIDTH,
};

/// One place: its requirement per 100,000 residents and in WTE.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceBar {
    pub label: String,
    pub per_100k: f64,
    pub required_wte: f64,
}

#[derive(Properties, Clone, Debug, PartialEq)]
pub struct PlacesChartProps {
    pub title: AttrValue,
    /// Id prefix for the chart's elements, unique in the page (fixed by
    /// the caller, or [`crate::ui::shared::charts::figure::use_chart_id`]).
    #[prop_or_default]
    pub id: AttrValue,
    pub rows: Vec<PlaceBar>,
    pub system_per_100k: f64,
}

const LABEL_RIGHT: f64 = 186.0;
const PLOT_LEFT: f64 = 196.0;
const PLOT_RIGHT: f64 = VIEW_WIDTH - 64.0;
const PLOT_TOP: f64 = 40.0;
const BAND: f64 = 30.0;
const BAR: f64 = 18.0;
const LABEL_CHARS: usize = 26;

/// The text alternative: the highest and lowest place against the system.
pub fn describe(rows: &[PlaceBar], system: f64) -> String {
    let by_rate = |a: &&PlaceBar, b: &&PlaceBar| finite(a.per_100k).total_cmp(&finite(b.per_100k));
    let (Some(high), Some(low)) = (rows.iter().max_by(by_rate), rows.iter().min_by(by_rate)) else {
        return "No places to chart yet.".to_string();
    };
    format!(
        "Across {} places the system needs {} WTE per 100,000 residents; the highest is {} at {}, the lowest {} at {}.",
        rows.len(),
        format::wte(finite(system)),
        high.label,
        format::wte(finite(high.per_100k)),
        low.label,
        format::wte(finite(low.per_100k)),
    )
}

/// A view function, not a component: it keeps no state of its own, and
/// each component type costs about 600 bytes gzip in the WebAssembly.
pub fn places_chart(props: &PlacesChartProps) -> Html {
    let id = props.id.clone();
    let rows = &props.rows;
    let system = finite(props.system_per_100k);
    let plot_bottom = PLOT_TOP + BAND * rows.len() as f64;
    let hi = rows.iter().fold(system, |hi, r| hi.max(finite(r.per_100k)));
    let ticks = nice_range(0.0, hi);
    let scale = Scale::from_ticks(&ticks, PLOT_LEFT, PLOT_RIGHT);
    let x_system = scale.at(system);
    let svg = html! {
        <>
            <g class="chart-legend">
                <line x1={n(PLOT_LEFT)} y1="16" x2={n(PLOT_LEFT + 24.0)} y2="16" stroke={DARK} stroke-width="2" stroke-dasharray="5 4" />
                <text x={n(PLOT_LEFT + 30.0)} y="20" font-size={n(FONT)} fill={DARK}>
                    {format!("All places: {} per 100,000", format::wte(system))}
                </text>
            </g>
            { x_axis(&scale, &ticks, plot_bottom, PLOT_TOP - 6.0, "Required WTE per 100,000 residents") }
            { for rows.iter().enumerate().map(|(i, r)| {
                let top = PLOT_TOP + BAND * i as f64 + (BAND - BAR) / 2.0;
                let (x0, x1) = (scale.at(0.0), scale.at(finite(r.per_100k)));
                html! {
                    <g class="chart-row">
                        <text class="chart-label" x={n(LABEL_RIGHT)} y={n(top + BAR - 4.0)} text-anchor="end"
                            font-size={n(FONT + 1.0)} fill={DARK}>
                            <title>{r.label.clone()}</title>
                            {truncate(&r.label, LABEL_CHARS)}
                        </text>
                        <rect class="chart-bar chart-bar--required" x={n(x0)} y={n(top)} width={n((x1 - x0).max(0.0))}
                            height={n(BAR)} fill={BLUE} stroke={DARK} stroke-width="1.5" />
                        <text class="chart-value" x={n(x1.max(x0) + 5.0)} y={n(top + BAR - 4.0)} font-size={n(FONT)} fill={DARK}>
                            {format::wte(finite(r.per_100k))}
                        </text>
                    </g>
                }
            }) }
            <line x1={n(x_system)} y1={n(PLOT_TOP - 6.0)} x2={n(x_system)} y2={n(plot_bottom)}
                stroke={DARK} stroke-width="2" stroke-dasharray="5 4" />
        </>
    };
    let table = html! {
        <>
            <thead><tr>
                <th scope="col">{"Place"}</th>
                <th scope="col" class="chart-num">{"Required WTE"}</th>
                <th scope="col" class="chart-num">{"Per 100,000 residents"}</th>
            </tr></thead>
            <tbody>
                { for rows.iter().map(|r| html! {
                    <tr>
                        <th scope="row">{r.label.clone()}</th>
                        <td class="chart-num">{format::wte(finite(r.required_wte))}</td>
                        <td class="chart-num">{format::wte(finite(r.per_100k))}</td>
                    </tr>
                }) }
            </tbody>
        </>
    };
    html! {
        <ChartFigure title={props.title.clone()} id={id.clone()} desc={describe(rows, system)}
            height={plot_bottom + 56.0} svg={svg} {table} empty={rows.is_empty()}
            class={classes!("chart--bar")} />
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_highest_and_lowest_place() {
        let rows = [
            PlaceBar {
                label: "North".into(),
                per_100k: 93.6,
                required_wte: 46.8,
            },
            PlaceBar {
                label: "South".into(),
                per_100k: 58.5,
                required_wte: 29.3,
            },
        ];
        assert_eq!(
            describe(&rows, 76.1),
            "Across 2 places the system needs 76.1 WTE per 100,000 residents; the highest is North at 93.6, the lowest South at 58.5."
        );
        assert_eq!(describe(&[], 0.0), "No places to chart yet.");
    }
}
