//! The headline figures, big enough for a projector: extra WTE needed, its
//! yearly cost, people in need untreated today, and the share of required WTE
//! in post; with the 10th-90th percentile band when ranges are set.

use yew::prelude::*;

use crate::format;
use crate::model::uncertainty::Uncertainty;
use crate::model::Results;

/// The sentence announced to screen readers when the results change.
pub fn summary_sentence(results: &Results) -> String {
    let t = &results.total;
    format!(
        "Extra staff needed: {} WTE ({} to fill funded vacancies, {} new posts), costing {} a year, of which {} is new money. {} people in need are untreated today.",
        format::wte(t.extra_wte),
        format::wte(t.vacancy_fill_wte),
        format::wte(t.unfunded_wte),
        format::money_short(t.extra_cost),
        format::money_short(t.unfunded_cost),
        format::people(t.untreated_today)
    )
}

/// A plain view function, not a component: it has no hooks, and each
/// function component costs about 600 bytes gzip of Yew machinery.
pub fn headline(r: &Results, band: Option<&Uncertainty>, stale: bool) -> Html {
    let t = &r.total;
    let share = r
        .share_in_post()
        .map(|s| format::percent(s, 0))
        .unwrap_or_else(|| "–".to_string());
    html! {
        <>
            <p class="visually-hidden" aria-live="polite" aria-atomic="true" id="results-announcement">
                { if stale { "Results are out of date until the inputs are fixed.".to_string() } else { summary_sentence(r) } }
            </p>
            <dl class={classes!("headline", stale.then_some("stale"))} id="headline">
                <div class="headline__item headline__item--main">
                    <dt class="headline__label">{"Extra WTE needed"}</dt>
                    <dd class="headline__value" id="headline-extra-wte">{format::wte(t.extra_wte)}</dd>
                    <dd class="headline__band" id="headline-wte-split">
                        {format!("{} to fill funded vacancies, {} new posts", format::wte(t.vacancy_fill_wte), format::wte(t.unfunded_wte))}
                    </dd>
                    if let Some(u) = band {
                        <dd class="headline__band">{format!("10th-90th percentile: {} to {}", format::wte(u.extra_wte.p10), format::wte(u.extra_wte.p90))}</dd>
                    }
                </div>
                <div class="headline__item">
                    <dt class="headline__label">{"Extra cost a year"}</dt>
                    <dd class="headline__value" id="headline-extra-cost">{format::money_short(t.extra_cost)}</dd>
                    <dd class="headline__band" id="headline-new-money">
                        {format!("of which new money: {} a year", format::money_short(t.unfunded_cost))}
                    </dd>
                    if let Some(u) = band {
                        <dd class="headline__band">{format!("10th-90th: {} to {}", format::money_short(u.extra_cost.p10), format::money_short(u.extra_cost.p90))}</dd>
                    }
                </div>
                <div class="headline__item">
                    <dt class="headline__label">{"People in need untreated today"}</dt>
                    <dd class="headline__value" id="headline-untreated">{format::people(t.untreated_today)}</dd>
                    <dd class="headline__band">{format!("of {} in need", format::people(t.people_in_need))}</dd>
                </div>
                <div class="headline__item">
                    <dt class="headline__label">{"Required WTE in post today"}</dt>
                    <dd class="headline__value" id="headline-share">{share}</dd>
                    <dd class="headline__band">{format!("{} of {} WTE", format::wte(t.required_wte - t.extra_wte), format::wte(t.required_wte))}</dd>
                </div>
            </dl>
        </>
    }
}
