//! The results by role: a sortable table with a totals row, and subtotals by
//! staff group and by sector (new roles and VCSE shown in their own rows).
//! Beside staff in post, the WTE today's coverage needs (MODEL.md section
//! 8): today's pressure on today's staff, before any expansion.

use std::cmp::Ordering;

use yew::prelude::*;

use crate::format;
use crate::model::scenario::{Group, Scenario, Sector};
use crate::model::Results;
use crate::ui::shared::text::closes_text;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Role,
    Group,
    Required,
    InPost,
    RequiredToday,
    Gap,
    NewPosts,
    Wisn,
    ExtraCost,
    Closes,
    Joiners,
}

impl Column {
    const ALL: [Column; 11] = [
        Column::Role,
        Column::Group,
        Column::Required,
        Column::InPost,
        Column::RequiredToday,
        Column::Gap,
        Column::NewPosts,
        Column::Wisn,
        Column::ExtraCost,
        Column::Closes,
        Column::Joiners,
    ];

    fn title(self) -> &'static str {
        match self {
            Column::Role => "Role",
            Column::Group => "Group and sector",
            Column::Required => "Required WTE",
            Column::InPost => "In post WTE",
            Column::RequiredToday => "Required for today's coverage",
            Column::Gap => "Gap WTE",
            Column::NewPosts => "New posts WTE (beyond funded vacancies)",
            Column::Wisn => "WISN ratio",
            Column::ExtraCost => "Extra cost a year",
            Column::Closes => "Gap closes",
            Column::Joiners => "Joiners needed a year",
        }
    }

    fn numeric(self) -> bool {
        !matches!(self, Column::Role | Column::Group)
    }
}

/// One row of the table, in display-ready form plus sort keys.
#[derive(Clone, Debug, PartialEq)]
pub struct RoleRow {
    pub name: String,
    pub group: Group,
    pub sector: Sector,
    pub required: f64,
    pub in_post: f64,
    /// WTE today's coverage needs: beside staff in post, today's pressure
    /// on today's staff.
    pub required_today: f64,
    pub gap: f64,
    /// Extra WTE beyond the role's funded vacancies: posts that need new money.
    pub new_posts: f64,
    pub wisn: Option<f64>,
    pub extra_cost: f64,
    pub closes: Option<u32>,
    pub joiners: f64,
    /// Staff in post are a built-in's figures, not this place's.
    pub example_staff: bool,
}

/// Rows in scenario order, joining results to the scenario's role names.
pub fn role_rows(scenario: &Scenario, results: &Results) -> Vec<RoleRow> {
    let borrowed = crate::model::examples::borrowed_staff(scenario);
    results
        .roles
        .iter()
        .map(|r| {
            let role = scenario.roles.iter().find(|x| x.id == r.id);
            RoleRow {
                name: role.map(|x| x.name.clone()).unwrap_or_else(|| r.id.clone()),
                group: role.map(|x| x.group).unwrap_or(Group::Registered),
                sector: role.map(|x| x.sector).unwrap_or(Sector::Nhs),
                required: r.required_wte,
                in_post: r.in_post_wte,
                required_today: r.required_wte_today,
                gap: r.gap_wte,
                new_posts: r.unfunded_wte,
                wisn: r.wisn_ratio,
                extra_cost: r.extra_cost,
                closes: r.year_gap_closes,
                joiners: r.joiners_needed,
                example_staff: borrowed.as_ref().is_some_and(|b| b.has(&r.id)),
            }
        })
        .collect()
}

fn compare(a: &RoleRow, b: &RoleRow, column: Column) -> Ordering {
    let f = |x: f64, y: f64| x.partial_cmp(&y).unwrap_or(Ordering::Equal);
    match column {
        // Letters compare without case ("nurse" beside "Nurse").
        Column::Role => a
            .name
            .bytes()
            .map(|c| c.to_ascii_lowercase())
            .cmp(b.name.bytes().map(|c| c.to_ascii_lowercase())),
        Column::Group => (a.group, a.sector).cmp(&(b.group, b.sector)),
        Column::Required => f(a.required, b.required),
        Column::InPost => f(a.in_post, b.in_post),
        Column::RequiredToday => f(a.required_today, b.required_today),
        Column::Gap => f(a.gap, b.gap),
        Column::NewPosts => f(a.new_posts, b.new_posts),
        Column::Wisn => f(
            a.wisn.unwrap_or(f64::INFINITY),
            b.wisn.unwrap_or(f64::INFINITY),
        ),
        Column::ExtraCost => f(a.extra_cost, b.extra_cost),
        // Never closing sorts after any year.
        Column::Closes => a
            .closes
            .unwrap_or(u32::MAX)
            .cmp(&b.closes.unwrap_or(u32::MAX)),
        Column::Joiners => f(a.joiners, b.joiners),
    }
}

/// Sort rows by a column; `None` keeps scenario order.
pub fn sorted(mut rows: Vec<RoleRow>, sort: Option<(Column, bool)>) -> Vec<RoleRow> {
    if let Some((column, ascending)) = sort {
        crate::model::order::sort_by(&mut rows, |a, b| {
            let o = compare(a, b, column);
            if ascending {
                o
            } else {
                o.reverse()
            }
        });
    }
    rows
}

#[derive(Properties, PartialEq)]
pub struct RoleTableProps {
    pub scenario: std::rc::Rc<Scenario>,
    pub results: std::rc::Rc<Results>,
    #[prop_or_default]
    pub stale: bool,
}

#[function_component(RoleTable)]
pub fn role_table(props: &RoleTableProps) -> Html {
    let sort = use_state(|| None::<(Column, bool)>);
    let rows = sorted(role_rows(&props.scenario, &props.results), *sort);
    let years = props.scenario.projection.years;
    let t = &props.results.total;

    let header = |column: Column| {
        let state = *sort;
        let aria_sort = match state {
            Some((c, true)) if c == column => "ascending",
            Some((c, false)) if c == column => "descending",
            _ => "none",
        };
        let onclick = {
            let sort = sort.clone();
            Callback::from(move |_| {
                let next = match *sort {
                    // Numbers first sort biggest first; names A to Z.
                    Some((c, asc)) if c == column => Some((column, !asc)),
                    _ => Some((column, !column.numeric())),
                };
                sort.set(next);
            })
        };
        html! {
            // The long title of today's coverage wraps; the others' nowrap.
            <th scope="col" aria-sort={aria_sort} class={classes!(column.numeric().then_some("num"), (column == Column::RequiredToday).then_some("num--wrap"))}>
                <button type="button" class="sort-button" {onclick}>
                    {column.title()}
                    <span class="sort-button__icon" aria-hidden="true">
                        {match aria_sort { "ascending" => "▲", "descending" => "▼", _ => "↕" }}
                    </span>
                </button>
            </th>
        }
    };

    html! {
        <div class={classes!("table-wrap", props.stale.then_some("stale"))} tabindex="0" role="region" aria-label="Extra roles required by role (scrolls sideways)">
            <table class="table" id="role-table">
                <caption>
                    {"Extra roles required, by role"}
                    if props.stale { <span class="stale-tag">{" (out of date: fix the inputs above)"}</span> }
                </caption>
                <thead><tr>{ for Column::ALL.iter().map(|c| header(*c)) }</tr></thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr>
                            <th scope="row">{&r.name}</th>
                            <td>{r.group.label()}<br/><span class="muted">{r.sector.label()}</span></td>
                            <td class="num">{format::wte(r.required)}</td>
                            <td class="num">
                                {format::wte(r.in_post)}
                                if r.example_staff { <br/><span class="muted example-staff">{"example's figure"}</span> }
                            </td>
                            <td class={classes!("num", (r.required_today > r.in_post).then_some("gap"))}>{format::wte(r.required_today)}</td>
                            <td class={classes!("num", (r.gap > 0.0).then_some("gap"))}>{format::wte(r.gap)}</td>
                            <td class="num">{format::wte(r.new_posts)}</td>
                            <td class="num">{r.wisn.map(|w| format::number(w, 2)).unwrap_or_else(|| "–".into())}</td>
                            <td class="num">{format::money(r.extra_cost)}</td>
                            <td class="num">{closes_text(r.closes, years)}</td>
                            <td class="num">{format::wte(r.joiners)}</td>
                        </tr>
                    }) }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{"Total"}</th>
                        <td></td>
                        <td class="num">{format::wte(t.required_wte)}</td>
                        <td class="num">{format::wte(t.in_post_wte)}</td>
                        <td class="num">{format::wte(t.required_wte_today)}</td>
                        <td class="num">{format!("{} extra", format::wte(t.extra_wte))}</td>
                        <td class="num">{format::wte(t.unfunded_wte)}</td>
                        <td class="num">{if t.required_wte > 0.0 { format::number(t.in_post_wte / t.required_wte, 2) } else { "–".into() }}</td>
                        <td class="num">{format::money(t.extra_cost)}</td>
                        <td></td>
                        <td></td>
                    </tr>
                </tfoot>
            </table>
            {subtotals(&props.results)}
        </div>
    }
}

fn subtotals(results: &Results) -> Html {
    let table =
        |caption: &str, head: &str, rows: Vec<(&'static str, &crate::model::results::Subtotal)>| {
            html! {
                <table class="table table--compact">
                    <caption>{caption.to_string()}</caption>
                    <thead><tr>
                        <th scope="col">{head.to_string()}</th>
                        <th scope="col" class="num">{"Required WTE"}</th>
                        <th scope="col" class="num">{"In post WTE"}</th>
                        <th scope="col" class="num">{"Extra WTE"}</th>
                    </tr></thead>
                    <tbody>
                    { for rows.iter().map(|(label, s)| html! {
                        <tr>
                            <th scope="row">{*label}</th>
                            <td class="num">{format::wte(s.required_wte)}</td>
                            <td class="num">{format::wte(s.in_post_wte)}</td>
                            <td class="num">{format::wte(s.extra_wte)}</td>
                        </tr>
                    }) }
                    </tbody>
                </table>
            }
        };
    let groups = Group::ALL
        .iter()
        .filter_map(|g| results.groups.get(g.key()).map(|s| (g.label(), s)))
        .collect();
    let sectors = Sector::ALL
        .iter()
        .filter_map(|g| results.sectors.get(g.key()).map(|s| (g.label(), s)))
        .collect();
    html! {
        <div class="grid-2 subtotals">
            {table("By staff group", "Staff group", groups)}
            {table("By employer sector", "Sector", sectors)}
        </div>
    }
}
