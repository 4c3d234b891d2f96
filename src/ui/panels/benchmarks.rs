//! "Benchmarks side by side" (issue 9): the scenario's required WTE and
//! staff in post per 100,000 residents beside published references
//! (`model::benchmarks`, from `data/builtins/benchmarks.csv`), each with
//! what it counts and its source, and a plain paragraph on what the
//! comparison can and cannot say. In the panels module, with the analysis.

use yew::prelude::*;

use crate::format;
use crate::model::benchmarks::{benchmarks, scenario_per_100k, Kind, SCOPE};
use crate::model::{Results, Scenario};

/// One row: label, value (none: not shown), what it counts, source, tag.
struct Row {
    label: String,
    per_100k: Option<f64>,
    qualifier: String,
    counts: String,
    source: String,
    tag: Option<&'static str>,
    own: bool,
}

/// Width of the little bar beside each figure (SVG user units = px).
const BAR_WIDTH: f64 = 120.0;

pub fn benchmarks_panel(scenario: &Scenario, results: &Results) -> Html {
    let (required, in_post) = scenario_per_100k(scenario, results);
    let mut rows = vec![
        Row {
            label: format!("{}: required", scenario.name),
            per_100k: Some(required),
            qualifier: String::new(),
            counts: "The WTE the service lines listed need, by this scenario's inputs.".into(),
            source: "Calculated from your inputs.".into(),
            tag: None,
            own: true,
        },
        Row {
            label: format!("{}: staff in post", scenario.name),
            per_100k: Some(in_post),
            qualifier: String::new(),
            counts: "Staff in post in the service lines listed, as entered.".into(),
            source: "Your inputs.".into(),
            tag: None,
            own: true,
        },
    ];
    rows.extend(benchmarks().into_iter().map(|b| Row {
        label: b.label,
        per_100k: b.per_100k,
        qualifier: b.qualifier,
        counts: b.counts,
        source: b.source,
        tag: match b.kind {
            Kind::Published => None,
            Kind::Derived => Some("Worked out from published figures"),
            Kind::NotShown => Some("Method only"),
        },
        own: false,
    }));
    let largest = rows
        .iter()
        .filter_map(|r| r.per_100k)
        .fold(0.0_f64, f64::max);
    html! {
        <section class="panel" aria-labelledby="benchmarks-heading" id="benchmarks">
            <h2 id="benchmarks-heading">{"Benchmarks side by side"}</h2>
            <p class="panel__intro">{format!(
                "{} needs {} WTE per 100,000 residents in the service lines listed and has {} in post. Published references, each with what it counts and its source:",
                scenario.name, format::wte(required), format::wte(in_post)
            )}</p>
            <div class="table-wrap" tabindex="0" role="region" aria-labelledby="benchmarks-caption">
                <table class="table benchmarks-table">
                    <caption id="benchmarks-caption">{"WTE per 100,000 residents: this scenario and published references"}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{"Reference: what it counts, and its source"}</th>
                            <th scope="col" class="num">{"Per 100,000 residents"}</th>
                        </tr>
                    </thead>
                    <tbody>{ for rows.iter().map(|row| benchmark_row(row, largest)) }</tbody>
                </table>
            </div>
            <p class="benchmarks-scope"><strong>{"What this comparison can and cannot say. "}</strong>{SCOPE}</p>
        </section>
    }
}

fn benchmark_row(row: &Row, largest: f64) -> Html {
    let value = match row.per_100k {
        Some(v) if row.qualifier.is_empty() => format::plain(v, 1),
        Some(v) => format!("{} {}", row.qualifier, format::plain(v, 1)),
        None => "Not shown".to_string(),
    };
    let bar = row.per_100k.filter(|_| largest > 0.0).map(|v| {
        let width = (v / largest * BAR_WIDTH).clamp(0.0, BAR_WIDTH);
        html! {
            <svg class="benchmark-bar" width={BAR_WIDTH.to_string()} height="10" aria-hidden="true" focusable="false">
                <rect width={format!("{width:.1}")} height="10"
                    class={if row.own { "benchmark-bar__own" } else { "benchmark-bar__ref" }} />
            </svg>
        }
    });
    html! {
        <tr class={classes!(row.own.then_some("benchmarks-table__own"))}>
            <th scope="row">
                <span class="benchmark-label">{row.label.clone()}</span>
                if let Some(tag) = row.tag {
                    {" "}<span class="tag">{tag}</span>
                }
                <span class="benchmark-detail">{row.counts.clone()}</span>
                <span class="benchmark-detail">{"Source: "}{row.source.clone()}</span>
            </th>
            <td class="num">
                <span class="benchmark-value">{value}</span>
                { for bar }
            </td>
        </tr>
    }
}
