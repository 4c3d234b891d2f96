//! Results as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a
//! comma, quote or line break).
//!
//! One file, several sections, documented in docs/model.md: each section is a
//! title row (one field), a header row, data rows, then an empty line.
//! Sections: Summary, Roles, Groups, Sectors, Services, Places, Projection,
//! Plan (the decade plan, a sentence per role), then Notes when there are
//! any.

use crate::format::plain;
use crate::model::scenario::{Group, Scenario, Sector};
use crate::model::Results;

/// Quote a field if RFC 4180 needs it. Text that a spreadsheet would run as
/// a formula (beginning with `=`, `+`, `-`, `@`, a tab or a carriage return,
/// as OWASP's CSV injection advice lists) gets a leading `'`, so a name taken
/// from someone else's share link is shown, never run. Plain numbers
/// ("-12.5") are left as they are.
pub fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r'])
        && crate::format::parse_decimal(text).is_none()
    {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn row(out: &mut String, cells: &[String]) {
    let line: Vec<String> = cells.iter().map(|c| field(c)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

fn n(v: f64) -> String {
    plain(v, 3)
}

fn opt(v: Option<f64>) -> String {
    v.map(n).unwrap_or_default()
}

/// The whole results as one multi-section CSV file.
pub fn results_csv(scenario: &Scenario, results: &Results) -> String {
    let mut out = String::new();
    let s = |x: &str| x.to_string();

    let borrowed = crate::model::examples::borrowed_staff(scenario);
    row(&mut out, &[s("Summary")]);
    row(&mut out, &[s("measure"), s("value")]);
    let t = &results.total;
    for (k, v) in [
        ("scenario", scenario.name.clone()),
        ("population", n(scenario.total_population().total())),
        (
            "available_hours_per_wte",
            n(results.available_hours_per_wte),
        ),
        ("clinical_hours_per_wte", n(results.clinical_hours_per_wte)),
        ("people_in_need", n(t.people_in_need)),
        ("people_to_treat", n(t.people_to_treat)),
        ("untreated_today", n(t.untreated_today)),
        ("required_wte", n(t.required_wte)),
        ("in_post_wte", n(t.in_post_wte)),
        ("extra_wte", n(t.extra_wte)),
        ("unfunded_wte", n(t.unfunded_wte)),
        ("vacancy_fill_wte", n(t.vacancy_fill_wte)),
        ("extra_cost", n(t.extra_cost)),
        ("unfunded_cost", n(t.unfunded_cost)),
        ("required_wte_per_100k", n(t.required_wte_per_100k)),
        ("required_wte_today", n(t.required_wte_today)),
        // Said when staff in post are a built-in's, not this place's.
        (
            "staff_in_post_note",
            borrowed
                .as_ref()
                .map(|b| b.sentence.clone())
                .unwrap_or_default(),
        ),
    ] {
        row(&mut out, &[s(k), v]);
    }
    out.push_str("\r\n");

    row(&mut out, &[s("Roles")]);
    row(
        &mut out,
        &[
            "id",
            "name",
            "group",
            "sector",
            "required_wte",
            "in_post_wte",
            "gap_wte",
            "extra_wte",
            "unfunded_wte",
            "vacancy_fill_wte",
            "wisn_ratio",
            "extra_cost",
            "unfunded_cost",
            "year_gap_closes",
            "joiners_needed",
            "retention_needed",
            "required_wte_today",
            "places_needed",
            "arrivals_per_year",
            "first_qualify_year",
            "in_post_from_example",
        ]
        .map(s),
    );
    for (r, role) in results.roles.iter().zip(&scenario.roles) {
        let pipeline = role.pipeline();
        // The year the extra places' first cohort qualifies: only where
        // places are set or needed.
        let first_qualify =
            if pipeline.extra_places_per_year > 0.0 || r.places_needed.is_some_and(|p| p > 0.0) {
                pipeline.first_arrival_year().to_string()
            } else {
                String::new()
            };
        row(
            &mut out,
            &[
                r.id.clone(),
                role.name.clone(),
                s(role.group.key()),
                s(role.sector.key()),
                n(r.required_wte),
                n(r.in_post_wte),
                n(r.gap_wte),
                n(r.extra_wte),
                n(r.unfunded_wte),
                n(r.vacancy_fill_wte),
                opt(r.wisn_ratio),
                n(r.extra_cost),
                n(r.unfunded_cost),
                r.year_gap_closes.map(|y| y.to_string()).unwrap_or_default(),
                n(r.joiners_needed),
                opt(r.retention_needed),
                n(r.required_wte_today),
                opt(r.places_needed),
                n(r.arrivals_per_year),
                first_qualify,
                // "yes": staff in post are a built-in's figures, not yours.
                s(if borrowed.as_ref().is_some_and(|b| b.has(&r.id)) {
                    "yes"
                } else {
                    ""
                }),
            ],
        );
    }
    out.push_str("\r\n");

    for (title, keys) in [
        ("Groups", Group::ALL.map(|g| (g.key(), g.label())).to_vec()),
        (
            "Sectors",
            Sector::ALL.map(|g| (g.key(), g.label())).to_vec(),
        ),
    ] {
        let map = if title == "Groups" {
            &results.groups
        } else {
            &results.sectors
        };
        row(&mut out, &[s(title)]);
        row(
            &mut out,
            &["key", "label", "required_wte", "in_post_wte", "extra_wte"].map(s),
        );
        for (key, label) in keys {
            if let Some(sub) = map.get(key) {
                row(
                    &mut out,
                    &[
                        s(key),
                        s(label),
                        n(sub.required_wte),
                        n(sub.in_post_wte),
                        n(sub.extra_wte),
                    ],
                );
            }
        }
        out.push_str("\r\n");
    }

    row(&mut out, &[s("Services")]);
    row(
        &mut out,
        &[
            "id",
            "name",
            "population",
            "people_in_need",
            "people_to_treat",
            "untreated_today",
            "required_wte",
            "beds",
        ]
        .map(s),
    );
    for (r, svc) in results.services.iter().zip(&scenario.services) {
        row(
            &mut out,
            &[
                r.id.clone(),
                svc.name.clone(),
                n(r.population),
                n(r.people_in_need),
                n(r.people_to_treat),
                n(r.untreated_today),
                n(r.required_wte),
                opt(r.beds),
            ],
        );
    }
    out.push_str("\r\n");

    row(&mut out, &[s("Places")]);
    let mut header = [
        "id",
        "name",
        "code",
        "population",
        "need_index",
        "people_in_need",
        "people_to_treat",
        "untreated_today",
        "required_wte",
        "required_wte_per_100k",
        "population_source",
        "need_index_source",
    ]
    .map(s)
    .to_vec();
    header.extend(
        scenario
            .roles
            .iter()
            .map(|r| format!("required_wte.{}", r.id)),
    );
    row(&mut out, &header);
    for (r, place) in results.places.iter().zip(&scenario.places) {
        let source = |key: &str| place.sources.get(key).cloned().unwrap_or_default();
        let mut cells = vec![
            r.id.clone(),
            place.name.clone(),
            place.code.clone().unwrap_or_default(),
            n(r.population),
            n(place.need_index),
            n(r.people_in_need),
            n(r.people_to_treat),
            n(r.untreated_today),
            n(r.required_wte),
            n(r.required_wte_per_100k),
            source("population"),
            source("need_index"),
        ];
        cells.extend(
            scenario
                .roles
                .iter()
                .map(|role| n(r.roles.get(&role.id).copied().unwrap_or(0.0))),
        );
        row(&mut out, &cells);
    }
    out.push_str("\r\n");

    row(&mut out, &[s("Projection")]);
    row(
        &mut out,
        &[
            "year",
            "required_wte",
            "supply_wte",
            "gap_wte",
            "arrivals_wte",
        ]
        .map(s),
    );
    for p in &results.projection {
        row(
            &mut out,
            &[
                p.year.to_string(),
                n(p.required_wte),
                n(p.supply_wte),
                n(p.gap_wte),
                n(p.arrivals_wte),
            ],
        );
    }
    out.push_str("\r\n");

    row(&mut out, &[s("Plan")]);
    row(&mut out, &[s("id"), s("name"), s("plan")]);
    for line in crate::model::plan::plan(scenario, results) {
        row(&mut out, &[line.role_id, line.name, line.text]);
    }
    if !scenario.notes.is_empty() {
        out.push_str("\r\n");
        row(&mut out, &[s("Notes")]);
        row(&mut out, &[s("input"), s("note")]);
        for (key, note) in scenario.notes.iter() {
            row(&mut out, &[key.clone(), note.clone()]);
        }
    }
    out
}
