//! The writer's own tests (the recalculation in LibreOffice is
//! `tests/workbook_recalc.rs`).

use super::layout::{
    Layout, PJ_ARRIVALS, PJ_RAMP, PJ_REQUIRED, PJ_SHARE_COL, PJ_SHORTFALL, PJ_SUPPLY,
};
use super::sheet::Book;
use super::*;
use crate::model::examples::example_place;
use crate::model::field::{Field, ProjectionField, RoleField};

fn meta() -> Meta {
    Meta {
        app_version: "0.1.0".into(),
        exported_on: "2026-11-26".into(),
    }
}

#[test]
fn a_scenario_with_errors_is_refused_with_how_many() {
    let mut s = example_place();
    s.working_time.hours_per_week = -1.0;
    s.services[0].prevalence = 2.0;
    let err = workbook(&s, &meta(), Options::default()).unwrap_err();
    assert_eq!(
        err,
        "The scenario has 2 errors: correct them first, then download the workbook."
    );
}

#[test]
fn every_formula_cell_is_recorded_once_with_a_finite_value() {
    let s = example_place();
    let book = workbook(&s, &meta(), Options::default()).unwrap();
    assert_eq!(&book.bytes[..2], b"PK", "an xlsx file is a zip");
    let mut cells = std::collections::HashSet::new();
    for check in &book.checks {
        assert!(
            cells.insert((check.sheet, check.row, check.col)),
            "{check:?} written twice"
        );
        assert!(check.formula.starts_with('='));
        assert!(!check.formula.contains("#REF!"), "{check:?}");
        if let Expected::Number(v) = check.expected {
            assert!(v.is_finite(), "{check:?}");
        }
    }
    // Summary: extra WTE is a formula over Roles, with the model's value.
    let results = compute(&s);
    let extra = book
        .checks
        .iter()
        .find(|c| c.sheet == SUMMARY && c.row == 12)
        .unwrap();
    assert!(extra.formula.starts_with("=Roles!"), "{extra:?}");
    assert_eq!(extra.expected, Expected::Number(results.total.extra_wte));
}

#[test]
fn the_method_sheet_says_versions_date_scope_and_notes() {
    let mut s = example_place();
    s.notes.insert("working_time.sickness_rate", "ESR 2025");
    let lines = method_lines(&s, &meta());
    let text: String = lines.iter().map(|(a, b)| format!("{a}: {b}\n")).collect();
    for part in [
        "Exported on: 2026-11-26",
        "Calculator 0.1.0",
        "workforce-gap/scenario version 3",
        "early intervention in psychosis",
        "1 input carries your note",
        "14.38%",
        "MODEL.md sections 2, 7 and 8",
        "5. Coverage ramp: Services grow from today's coverage to the target",
        "6. Training pipeline: Extra training places",
        "\"not by training in time\"",
    ] {
        assert!(text.contains(part), "{part} in\n{text}");
    }
}

/// Example place as a decade plan: a five-year coverage ramp, extra
/// places and international recruits for every role, and one role whose
/// training outlasts the horizon.
fn decade_plan() -> Scenario {
    let mut s = example_place();
    s.projection.ramp_years = 5.0;
    for role in &mut s.roles {
        let mut pipeline = role.pipeline();
        pipeline.extra_places_per_year = 4.0;
        pipeline.international_per_year = 1.5;
        role.pipeline = Some(pipeline);
    }
    if let Some(p) = s.roles[1].pipeline.as_mut() {
        p.training_years = 12.0;
    }
    s
}

#[test]
fn the_decade_plan_is_formulas_over_the_inputs() {
    let s = decade_plan();
    assert!(validate(&s).is_empty(), "{:?}", validate(&s));
    let results = compute(&s);
    let book = workbook(&s, &meta(), Options::default()).unwrap();
    let cell = |sheet: &str, row: u32, col: u16| {
        book.checks
            .iter()
            .find(|c| c.sheet == sheet && c.row == row && c.col == col)
            .unwrap_or_else(|| panic!("no formula at {sheet} R{row}C{col}"))
    };
    let layout = Layout::new(&s);
    let mut scratch = Book::new(false);
    let (_, inputs) = inputs::sheet(&mut scratch, &s).unwrap();
    let ramp_years = inputs.projection(ProjectionField::RampYears);
    for year in 0..=layout.years {
        let share = cell(
            PROJECTION,
            layout.projection_row(PJ_RAMP, year),
            PJ_SHARE_COL,
        );
        assert!(share.formula.contains(&ramp_years), "{share:?}");
        assert_eq!(
            share.expected,
            Expected::Number(s.projection.ramp_share(year))
        );
        let total = layout.projection_total_col();
        let row = &results.projection[year as usize];
        for (block, value) in [
            (PJ_REQUIRED, row.required_wte),
            (PJ_ARRIVALS, row.arrivals_wte),
            (PJ_SUPPLY, row.supply_wte),
            (PJ_SHORTFALL, row.gap_wte),
        ] {
            let c = cell(PROJECTION, layout.projection_row(block, year), total);
            assert_eq!(c.expected, Expected::Number(value), "{c:?}");
        }
    }
    let mut never = 0;
    for (r, role) in results.roles.iter().enumerate() {
        let row = layout.role_row(r);
        assert_eq!(
            cell(ROLES, row, roles::REQUIRED_TODAY).expected,
            Expected::Number(role.required_wte_today)
        );
        assert_eq!(
            cell(ROLES, row, roles::ARRIVALS).expected,
            Expected::Number(role.arrivals_per_year)
        );
        assert_eq!(
            cell(ROLES, row, roles::JOINERS_NEEDED).expected,
            Expected::Number(role.joiners_needed)
        );
        let places = cell(ROLES, row, roles::PLACES_NEEDED);
        match role.places_needed {
            Some(v) => assert_eq!(places.expected, Expected::Number(v)),
            None => {
                never += 1;
                assert_eq!(places.expected, Expected::Text(NOT_BY_TRAINING.into()));
            }
        }
        for field in RoleField::PIPELINE {
            let key = Field::Role(r, field).key(&s).unwrap();
            assert!(inputs.has(&key), "{key} on Inputs");
        }
    }
    assert_eq!(never, 1, "training longer than the horizon");
    assert_eq!(
        cell(ROLES, layout.roles_total_row(), roles::REQUIRED_TODAY).expected,
        Expected::Number(results.total.required_wte_today)
    );
}
