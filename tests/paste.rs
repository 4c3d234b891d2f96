#![cfg(not(target_arch = "wasm32"))]
//! Pasting a block from a spreadsheet into the staff table (issue 16),
//! natively: how the block is read, where each cell lands, how rates are
//! read, what falls outside, and that the whole paste is one edit that keeps
//! bad cells as pasted.

use workforce_gap::model::edit::TextField;
use workforce_gap::model::edit::{apply, Edit, Typed};
use workforce_gap::model::examples::example_place;
use workforce_gap::model::field::{Field, RoleField};
use workforce_gap::model::paste::{
    copy_block, is_block, plan, read_block, service_cell, staff_cell, StaffColumn,
};

const STAFF: [StaffColumn; 6] = StaffColumn::STAFF;

#[test]
fn a_block_reads_as_spreadsheets_write_it() {
    assert_eq!(
        read_block("1\t2\r\n3\t4\r\n"),
        vec![vec!["1", "2"], vec!["3", "4"]]
    );
    // Quoted cells hold tabs, line breaks and doubled quotes.
    assert_eq!(
        read_block("\"a\tb\"\t\"line\nbreak\"\t\"say \"\"hi\"\"\"\n"),
        vec![vec!["a\tb", "line\nbreak", "say \"hi\""]]
    );
    // Empty cells stay in place.
    assert_eq!(read_block("1\t\t3"), vec![vec!["1", "", "3"]]);
    assert!(is_block("1\t2"));
    assert!(is_block("1\n2"));
    assert!(!is_block("1,200\n"));
    assert!(!is_block("1,200"));
}

#[test]
fn a_13_by_5_block_fills_every_role_as_one_edit() {
    let mut s = example_place();
    let n = s.roles.len();
    assert_eq!(n, 13);
    let block: String = (0..n)
        .map(|r| {
            format!(
                "{}\t{}\t{}\t{}%\t{}\r\n",
                100 + r,
                r,
                50_000 + r,
                10 + r,
                r + 1
            )
        })
        .collect();
    let plan = plan(staff_cell(n, &STAFF), 0, 1, &block);
    assert_eq!((plan.cells, plan.beyond), (65, 0));
    assert_eq!(plan.message(), "Pasted 65 cells. Undo puts them all back.");
    let typed = apply(&mut s, plan.edit.unwrap()).unwrap();
    let Typed::Many(all) = typed else {
        panic!("one edit for the whole paste")
    };
    assert_eq!(all.len(), 65);
    assert!(all.iter().all(|t| matches!(t, Typed::Forget(_))));
    for (r, role) in s.roles.iter().enumerate() {
        assert_eq!(role.in_post_wte, (100 + r) as f64);
        assert_eq!(role.vacant_wte, r as f64);
        assert_eq!(role.annual_cost, (50_000 + r) as f64);
        assert!((role.leaver_rate - (10 + r) as f64 / 100.0).abs() < 1e-12);
        assert_eq!(role.joiners_per_year, (r + 1) as f64);
        // Pasted staff are the user's own.
        assert_eq!(role.in_post_example, None);
    }
}

#[test]
fn rates_as_fractions_or_percentages_both_mean_percent() {
    let s = example_place();
    let n = s.roles.len();
    // A rate column copied from cells holding 0.11: fractions.
    let fractions = plan(staff_cell(n, &STAFF), 0, 4, "0.11\n0.115\n1\n");
    let percents = plan(staff_cell(n, &STAFF), 0, 4, "11\n11.5\n100\n");
    let signs = plan(staff_cell(n, &STAFF), 0, 4, "11%\n11.5%\n100%\n");
    for p in [fractions, percents, signs] {
        let mut s = s.clone();
        apply(&mut s, p.edit.unwrap()).unwrap();
        assert!((s.roles[0].leaver_rate - 0.11).abs() < 1e-12);
        assert!((s.roles[1].leaver_rate - 0.115).abs() < 1e-12);
        assert!((s.roles[2].leaver_rate - 1.0).abs() < 1e-12);
    }
    // Thousands separators read as typed.
    let mut s = s.clone();
    apply(
        &mut s,
        plan(staff_cell(n, &STAFF), 0, 1, "1,200\t3").edit.unwrap(),
    )
    .unwrap();
    assert_eq!(s.roles[0].in_post_wte, 1200.0);
    assert_eq!(s.roles[0].vacant_wte, 3.0);
}

#[test]
fn bad_cells_are_kept_as_pasted_and_flagged_and_the_rest_land() {
    let mut s = example_place();
    let before = s.roles[1].vacant_wte;
    let p = plan(
        staff_cell(s.roles.len(), &STAFF),
        0,
        1,
        "150\tmany\n160\t7\n",
    );
    let Typed::Many(all) = apply(&mut s, p.edit.unwrap()).unwrap() else {
        panic!()
    };
    assert_eq!(s.roles[0].in_post_wte, 150.0);
    assert_eq!(s.roles[1].in_post_wte, 160.0);
    assert_eq!(s.roles[1].vacant_wte, 7.0);
    let kept: Vec<_> = all
        .iter()
        .filter_map(|t| match t {
            Typed::Keep {
                path,
                text,
                problem: Some(problem),
            } => Some((path.clone(), text.clone(), problem.clone())),
            _ => None,
        })
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].0, "roles[0].vacant_wte");
    assert_eq!(kept[0].1, "many");
    assert!(
        kept[0].2.starts_with("Mental health nurse: vacant posts"),
        "{}",
        kept[0].2
    );
    // The bad cell's value is left as it was.
    assert_eq!(s.roles[0].vacant_wte, example_place().roles[0].vacant_wte);
    let _ = before;
}

#[test]
fn cells_beyond_the_table_are_counted_not_pasted() {
    let s = example_place();
    let n = s.roles.len();
    // Two rows from the last role: one lands, one falls outside; three
    // columns from joiners: one lands, two fall outside.
    let p = plan(staff_cell(n, &STAFF), n - 1, 5, "1\t2\t3\n4\t5\t6\n");
    assert_eq!((p.cells, p.beyond), (1, 5));
    assert_eq!(
        p.message(),
        "Pasted 1 cell; 5 cells fell outside the table and were not pasted. Undo puts them all back."
    );
    // Empty trailing cells are not values lost.
    let p = plan(staff_cell(n, &STAFF), n - 1, 5, "1\t\t\n");
    assert_eq!((p.cells, p.beyond), (1, 0));
    // Nothing inside the table: no edit.
    let p = plan(staff_cell(n, &STAFF), n, 0, "1\t2");
    assert_eq!(p.edit, None);
}

#[test]
fn a_block_with_names_renames_roles() {
    let mut s = example_place();
    let p = plan(
        staff_cell(s.roles.len(), &STAFF),
        0,
        0,
        "Nurse (community)\t210\nPsychiatrist\t30\n",
    );
    let Some(Edit::Paste { names, numbers }) = &p.edit else {
        panic!()
    };
    assert_eq!(names.len(), 2);
    assert_eq!(
        numbers[1],
        (Field::Role(1, RoleField::InPostWte), "30".to_string())
    );
    apply(&mut s, p.edit.unwrap()).unwrap();
    assert_eq!(s.roles[0].name, "Nurse (community)");
    assert_eq!(s.roles[1].in_post_wte, 30.0);
}

#[test]
fn copy_and_paste_back_round_trips() {
    let s = example_place();
    let text = copy_block(&s, &STAFF);
    let rows = read_block(&text);
    assert_eq!(rows.len(), s.roles.len() + 1, "a header and a row per role");
    assert_eq!(
        rows[0],
        [
            "Role name",
            "In post WTE",
            "Funded vacancies WTE",
            "Annual cost",
            "Leaver rate",
            "Joiners a year"
        ]
    );
    assert_eq!(rows[1][0], s.roles[0].name);
    assert_eq!(rows[1][4], "11.5%");
    // Pasting the body back (from the name column) changes nothing.
    let body: String = text.split_once('\n').unwrap().1.to_string();
    let mut back = s.clone();
    apply(
        &mut back,
        plan(staff_cell(s.roles.len(), &STAFF), 0, 0, &body)
            .edit
            .unwrap(),
    )
    .unwrap();
    for (a, b) in back.roles.iter().zip(&s.roles) {
        assert_eq!(a.name, b.name);
        assert!((a.leaver_rate - b.leaver_rate).abs() < 1e-12);
        assert_eq!(
            (
                a.in_post_wte,
                a.vacant_wte,
                a.annual_cost,
                a.joiners_per_year
            ),
            (
                b.in_post_wte,
                b.vacant_wte,
                b.annual_cost,
                b.joiners_per_year
            )
        );
    }
}

#[test]
fn a_paste_into_a_role_that_went_is_skipped() {
    let mut s = example_place();
    let edit = Edit::Paste {
        numbers: vec![(Field::Role(99, RoleField::InPostWte), "5".into())],
        names: vec![(TextField::RoleName(99), "Nobody".into())],
    };
    let before = s.clone();
    assert_eq!(apply(&mut s, edit), Ok(Typed::Many(vec![])));
    assert_eq!(s, before);
}

#[test]
fn any_table_pastes_through_its_cells_and_a_rate_column_reads_per_cell() {
    // The services table: name, prevalence, current and target coverage,
    // then the workload's numbers (which differ by service).
    let s = example_place();
    let cell = service_cell(&s);
    let p = plan(cell, 0, 1, "0.2\t0.1\t0.3\t7\n0.1\t0.15\t0.25\t8\n");
    let mut after = s.clone();
    apply(&mut after, p.edit.unwrap()).unwrap();
    assert!(
        (after.services[0].prevalence - 0.2).abs() < 1e-12,
        "0.2 is 20%"
    );
    assert!((after.services[1].target_coverage - 0.25).abs() < 1e-12);
    assert_eq!(
        Field::Service(
            0,
            workforce_gap::model::field::ServiceField::ContactsPerPerson
        )
        .get(&after),
        Some(7.0)
    );
}
