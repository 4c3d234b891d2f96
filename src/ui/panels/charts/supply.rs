//! Where supply comes from (MODEL.md section 8), year by year: today's
//! staff still in post, joiners at today's rate, qualifiers from extra
//! training places and international recruits, stacked, against the WTE
//! required on its coverage ramp (a solid line with round markers). Each
//! band has its own pattern or shade as well as its colour, and the last
//! year's bands are labelled directly.

use yew::prelude::*;

use crate::format;
use crate::model::compute::RoleFlow;
use crate::ui::shared::charts::figure::{
    finite, hatch, legend_line, legend_swatch, n, nice_range, tick_decimals, ChartFigure, Scale,
    BLUE, DARK, FONT, GREY, GRID, VIEW_WIDTH,
};

/// One year: the requirement and the supply by source, in WTE.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SupplyPoint {
    pub year: u32,
    pub required: f64,
    pub remaining: f64,
    pub joiners: f64,
    pub trained: f64,
    pub international: f64,
}

impl SupplyPoint {
    /// Add one role's flow for the year (the system chart sums its roles).
    pub fn add(&mut self, flow: &RoleFlow) {
        self.year = flow.year;
        self.required += flow.required_wte;
        self.remaining += flow.remaining_wte;
        self.joiners += flow.joiners_wte;
        self.trained += flow.trained_wte;
        self.international += flow.international_wte;
    }

    pub fn supply(&self) -> f64 {
        self.remaining + self.joiners + self.trained + self.international
    }

    /// The four sources in stacking order, bottom first.
    fn bands(&self) -> [f64; 4] {
        [
            finite(self.remaining),
            finite(self.joiners),
            finite(self.trained),
            finite(self.international),
        ]
    }
}

#[derive(Properties, Clone, Debug, PartialEq)]
pub struct SupplyChartProps {
    pub title: AttrValue,
    /// Id prefix for the chart's elements, unique in the page.
    pub id: AttrValue,
    pub points: Vec<SupplyPoint>,
}

/// The sources' names, in stacking order.
pub const SOURCES: [&str; 4] = [
    "Today's staff still in post",
    "Joiners at today's rate",
    "Extra training places",
    "International recruits",
];

const PLOT_LEFT: f64 = 72.0;
const PLOT_RIGHT: f64 = VIEW_WIDTH - 150.0;
const PLOT_TOP: f64 = 70.0;
const PLOT_BOTTOM: f64 = 320.0;
const HEIGHT: f64 = 376.0;

/// The bands' fills: light blue, a hatch, a darker blue, a dotted yellow.
fn fills(id: &str) -> [String; 4] {
    [
        "#cfe3f5".to_string(),
        format!("url(#{id}-joiners)"),
        "#41b6e6".to_string(),
        format!("url(#{id}-international)"),
    ]
}

/// The text alternative: what supply is made of at the start and the end,
/// and where it stands against the requirement.
pub fn describe(points: &[SupplyPoint]) -> String {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return "No projection to chart yet.".to_string();
    };
    let wte = |v: f64| format::wte(finite(v));
    let mut parts = vec![format!(
        "{} of today's staff still in post",
        wte(last.remaining)
    )];
    parts.push(format!("{} joiners at today's rate", wte(last.joiners)));
    if last.trained > 0.0 {
        parts.push(format!("{} from extra training places", wte(last.trained)));
    }
    if last.international > 0.0 {
        parts.push(format!(
            "{} international recruits",
            wte(last.international)
        ));
    }
    let against = if last.supply() >= last.required {
        format!("meeting the {} WTE required", wte(last.required))
    } else {
        format!(
            "against {} WTE required, {} short",
            wte(last.required),
            wte(last.required - last.supply())
        )
    };
    format!(
        "In {}, supply of {} WTE is {}. By {}, supply of {} WTE is {}, {against}.",
        first.year,
        wte(first.supply()),
        if first.supply() >= first.required {
            format!("enough for the {} required", wte(first.required))
        } else {
            format!("against {} required", wte(first.required))
        },
        last.year,
        wte(last.supply()),
        parts.join(", "),
    )
}

/// Stacked areas of supply by source, with the requirement as a line.
/// A view function: the chart keeps no state of its own.
pub fn supply_chart(props: &SupplyChartProps) -> Html {
    let id = props.id.to_string();
    let points = &props.points;
    let hi = points.iter().fold(0.0f64, |m, p| {
        m.max(finite(p.supply())).max(finite(p.required))
    });
    let ticks = nice_range(0.0, hi);
    let y = Scale::from_ticks(&ticks, PLOT_BOTTOM, PLOT_TOP);
    let first = points.first().map_or(0.0, |p| p.year as f64);
    let last = points.last().map_or(1.0, |p| p.year as f64);
    let x = Scale {
        domain_min: first,
        domain_max: if last > first { last } else { first + 1.0 },
        range_start: PLOT_LEFT,
        range_end: PLOT_RIGHT,
    };
    let fills = fills(&id);
    // The bands' tops and bottoms, cumulative from the bottom.
    let stacked: Vec<[f64; 5]> = points
        .iter()
        .map(|p| {
            let b = p.bands();
            [
                0.0,
                b[0],
                b[0] + b[1],
                b[0] + b[1] + b[2],
                b[0] + b[1] + b[2] + b[3],
            ]
        })
        .collect();
    let band = |k: usize| -> String {
        let top = points
            .iter()
            .zip(&stacked)
            .map(|(p, s)| format!("{},{}", n(x.at(p.year as f64)), n(y.at(s[k + 1]))));
        let bottom = points
            .iter()
            .zip(&stacked)
            .rev()
            .map(|(p, s)| format!("{},{}", n(x.at(p.year as f64)), n(y.at(s[k]))));
        top.chain(bottom).collect::<Vec<_>>().join(" ")
    };
    let required_line = points
        .iter()
        .map(|p| format!("{},{}", n(x.at(p.year as f64)), n(y.at(finite(p.required)))))
        .collect::<Vec<_>>()
        .join(" ");
    let decimals = tick_decimals(&ticks);
    let used: Vec<usize> = (0..4)
        .filter(|&k| k < 2 || points.iter().any(|p| p.bands()[k] > 0.0))
        .collect();
    let legend = {
        let (required, x1) = legend_line(PLOT_LEFT, 20.0, BLUE, false, "Required");
        let (staff, x2) = legend_swatch(x1, 20.0, &fills[0], SOURCES[0]);
        let (joiners, _) = legend_swatch(x2, 20.0, &fills[1], SOURCES[1]);
        let mut x3 = PLOT_LEFT;
        let mut second = Vec::new();
        for &k in used.iter().filter(|&&k| k >= 2) {
            let (swatch, next) = legend_swatch(x3, 44.0, &fills[k], SOURCES[k]);
            second.push(swatch);
            x3 = next;
        }
        html! { <g class="chart-legend">{required}{staff}{joiners}{ for second }</g> }
    };
    let end = stacked.last().copied().unwrap_or_default();
    let svg = html! {
        <>
            <defs>
                { hatch(&format!("{id}-joiners"), "#ffffff", BLUE) }
                <pattern id={format!("{id}-international")} width="6" height="6" patternUnits="userSpaceOnUse">
                    <rect width="6" height="6" fill="#ffeb99" />
                    <circle cx="3" cy="3" r="1.4" fill={DARK} />
                </pattern>
            </defs>
            { legend }
            <g class="chart-axis chart-axis--y">
                { for ticks.iter().map(|&t| html! {
                    <g class="chart-tick">
                        <line x1={n(PLOT_LEFT)} y1={n(y.at(t))} x2={n(PLOT_RIGHT)} y2={n(y.at(t))} stroke={GRID} stroke-width="1" />
                        <text x={n(PLOT_LEFT - 8.0)} y={n(y.at(t) + 4.5)} text-anchor="end" font-size={n(FONT)} fill={DARK}>
                            {format::number(t, decimals)}
                        </text>
                    </g>
                }) }
                <text class="chart-axis-title" x="0" y="0" text-anchor="middle" font-size={n(FONT + 1.0)} font-weight="bold"
                    fill={DARK} transform={format!("translate(18 {}) rotate(-90)", n((PLOT_TOP + PLOT_BOTTOM) / 2.0))}>{"WTE"}</text>
            </g>
            <g class="chart-bands">
                { for used.iter().map(|&k| html! {
                    <polygon class={format!("chart-band chart-band--{k}")} points={band(k)} fill={fills[k].clone()}
                        stroke={GREY} stroke-width="1" />
                }) }
            </g>
            <g class="chart-axis chart-axis--x">
                <line x1={n(PLOT_LEFT)} y1={n(PLOT_BOTTOM)} x2={n(PLOT_RIGHT)} y2={n(PLOT_BOTTOM)} stroke={DARK} stroke-width="1.5" />
                { for points.iter().map(|p| html! {
                    <text x={n(x.at(p.year as f64))} y={n(PLOT_BOTTOM + 20.0)} text-anchor="middle" font-size={n(FONT)} fill={DARK}>
                        {p.year.to_string()}
                    </text>
                }) }
                <text class="chart-axis-title" x={n((PLOT_LEFT + PLOT_RIGHT) / 2.0)} y={n(PLOT_BOTTOM + 44.0)}
                    text-anchor="middle" font-size={n(FONT + 1.0)} font-weight="bold" fill={DARK}>{"Year"}</text>
            </g>
            <g class="chart-lines">
                <polyline class="chart-line chart-line--required" fill="none" stroke={BLUE} stroke-width="3"
                    stroke-linejoin="round" points={required_line} />
                { for points.iter().map(|p| html! {
                    <circle class="chart-marker chart-marker--required" cx={n(x.at(p.year as f64))} cy={n(y.at(finite(p.required)))}
                        r="5" fill={BLUE} stroke="#ffffff" stroke-width="1.5" />
                }) }
            </g>
            <g class="chart-end-labels">
                <text x={n(PLOT_RIGHT + 10.0)} y={n(y.at(end[4]).min(PLOT_BOTTOM - 4.0) - 2.0)} font-size={n(FONT)} fill={DARK}>
                    <tspan font-weight="bold">{"Supply"}</tspan>
                    <tspan x={n(PLOT_RIGHT + 10.0)} dy={n(FONT + 2.0)}>{format!("{} WTE", format::wte(end[4]))}</tspan>
                </text>
            </g>
        </>
    };
    html! {
        <ChartFigure title={props.title.clone()} id={props.id.clone()} desc={describe(points)}
            height={HEIGHT} svg={svg} table={table(points)} empty={points.is_empty()}
            class={classes!("chart--supply")} />
    }
}

fn table(points: &[SupplyPoint]) -> Html {
    html! {
        <>
            <thead>
                <tr>
                    <th scope="col">{"Year"}</th>
                    <th scope="col" class="chart-num">{"Required (WTE)"}</th>
                    { for SOURCES.iter().map(|s| html! { <th scope="col" class="chart-num">{format!("{s} (WTE)")}</th> }) }
                    <th scope="col" class="chart-num">{"Supply (WTE)"}</th>
                </tr>
            </thead>
            <tbody>
                { for points.iter().map(|p| html! {
                    <tr>
                        <th scope="row">{p.year.to_string()}</th>
                        <td class="chart-num">{format::wte(finite(p.required))}</td>
                        { for p.bands().iter().map(|v| html! { <td class="chart-num">{format::wte(*v)}</td> }) }
                        <td class="chart-num">{format::wte(finite(p.supply()))}</td>
                    </tr>
                }) }
            </tbody>
        </>
    }
}

/// The system's supply by source: every role's flows summed, year by year.
pub fn system_supply(
    scenario: &crate::model::Scenario,
    results: &crate::model::Results,
) -> Vec<SupplyPoint> {
    let mut points: Vec<SupplyPoint> = Vec::new();
    for i in 0..scenario.roles.len() {
        for (t, year) in crate::model::compute::role_projection(scenario, results, i)
            .iter()
            .enumerate()
        {
            if points.len() <= t {
                points.push(SupplyPoint::default());
            }
            points[t].add(&year.flow);
        }
    }
    points
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{compute, example_place};

    #[test]
    fn the_system_supply_adds_up_to_the_projection() {
        let mut s = example_place();
        s.projection.ramp_years = 4.0;
        s.roles[0]
            .pipeline
            .get_or_insert_with(Default::default)
            .extra_places_per_year = 12.0;
        s.roles[0].pipeline.as_mut().unwrap().international_per_year = 2.0;
        let r = compute(&s);
        let points = system_supply(&s, &r);
        assert_eq!(points.len(), r.projection.len());
        for (p, row) in points.iter().zip(&r.projection) {
            assert!((p.supply() - row.supply_wte).abs() < 1e-6 * row.supply_wte.max(1.0));
            assert!((p.required - row.required_wte).abs() < 1e-6 * row.required_wte.max(1.0));
        }
        assert!(points.last().unwrap().trained > 0.0);
        let d = describe(&points);
        assert!(d.contains("from extra training places"), "{d}");
        assert!(d.contains("international recruits"), "{d}");
    }

    #[test]
    fn describes_an_empty_chart() {
        assert_eq!(describe(&[]), "No projection to chart yet.");
    }
}
