#![cfg(not(target_arch = "wasm32"))]
//! The decade plan in plain words (`model::plan`, issue 18, MODEL.md
//! section 8): one sentence per role, built from the role's own numbers.

use serde_json::Value;
use workforce_gap::model::plan::{plan, whole_places};
use workforce_gap::model::scenario::Pipeline;
use workforce_gap::model::{compute, examples::example_place, parse_scenario, Scenario};

const FIXTURE: &str = include_str!("fixtures/reference-cases.json");

/// The reference case whose name begins `name_start`.
fn case(name_start: &str) -> Scenario {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let case = fixture["cases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"].as_str().unwrap().starts_with(name_start))
        .unwrap_or_else(|| panic!("no reference case {name_start}"));
    parse_scenario(&case["scenario"].to_string()).unwrap()
}

fn sentences(s: &Scenario) -> Vec<String> {
    plan(s, &compute(s)).into_iter().map(|l| l.text).collect()
}

/// Reference case 5 (a ramp and pipelines): the three roles' sentences,
/// word for word. Nurses need 13.9 places a year (14 whole places, 4 more
/// than the 10 set); peer support 1.7 (2, as set); the VCSE role none.
#[test]
fn reference_case_5_reads_as_a_plan() {
    let s = case("A decade plan");
    let r = compute(&s);
    assert!((r.roles[0].places_needed.unwrap() - 13.905442724321468).abs() < 1e-6);
    let lines = plan(&s, &r);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].role_id, "mh_nurse");
    assert_eq!(lines[0].name, "Mh nurse");
    assert_eq!(
        lines[0].text,
        "Mh nurse: commission 14 extra training places a year from next year (4 more than \
         the 10 planned); the first qualify in year 3; or, with what is planned, 35% fewer \
         leavers would close it; with today's joiners, the 10 extra training places a year \
         planned and 2 international recruits a year, the gap is not closed by year 10."
    );
    assert_eq!(
        lines[1].text,
        "Peer support: commission 2 extra training places a year from next year (the 2 \
         planned are enough); the first qualify in year 1; with today's joiners and the 2 \
         extra training places a year planned, the gap closes in year 6."
    );
    assert_eq!(
        lines[2].text,
        "Vcse worker: today's staff and joiners meet the need by year 10; no extra training \
         places are needed."
    );
}

/// Reference case 6: nurses' training (8 years) is longer than the
/// horizon (5); peer support has no course completion; the VCSE role needs
/// no places and its one planned place closes its gap in year 4.
#[test]
fn reference_case_6_says_why_training_cannot_close_the_gap() {
    let s = case("Training longer");
    let r = compute(&s);
    assert_eq!(r.roles[0].places_needed, None);
    assert_eq!(r.roles[1].places_needed, None);
    let lines = sentences(&s);
    assert_eq!(
        lines[0],
        "Mh nurse: training cannot close this gap by year 5: it takes 8 years to qualify; \
         fewer leavers alone cannot close it; 10.5 joiners a year instead of today's 3 would; \
         with today's joiners and the 20 extra training places a year planned, the gap is \
         not closed by year 5."
    );
    assert_eq!(
        lines[1],
        "Peer support: training cannot close this gap by year 5: no course completion or \
         take-up is set; 97% fewer leavers, or 2.1 joiners a year instead of today's 1, \
         would close it; with today's joiners, the 5 extra training places a year planned \
         and 0.5 international recruits a year, the gap is not closed by year 5."
    );
    assert_eq!(
        lines[2],
        "Vcse worker: today's staff and joiners meet the need by year 5; no extra training \
         places are needed; with today's joiners and the 1 extra training place a year \
         planned, the gap closes in year 4."
    );
}

/// A role with no pipeline at all: training cannot close its gap because
/// no course completion or take-up is set, whatever its course length.
#[test]
fn no_pipeline_means_no_completion_or_take_up_is_set() {
    let mut s = example_place();
    s.roles[0].pipeline = None;
    let r = compute(&s);
    assert!(r.roles[0].extra_wte > 0.0);
    assert_eq!(r.roles[0].places_needed, None);
    let line = &sentences(&s)[0];
    assert!(
        line.starts_with(&format!(
            "{}: training cannot close this gap by year 10: no course completion or take-up is set; ",
            s.roles[0].name
        )),
        "{line}"
    );
    assert!(
        line.ends_with("with today's joiners, the gap is not closed by year 10."),
        "{line}"
    );
}

/// "Surplus of staff": every role is met today and in the last year.
#[test]
fn no_gap_says_todays_staff_and_joiners_meet_the_need() {
    let s = case("Surplus of staff");
    for line in sentences(&s) {
        assert!(
            line.ends_with(
                ": today's staff and joiners meet the need, now and in year 3; no extra training places are needed."
            ),
            "{line}"
        );
        assert!(!line.contains("commission"), "{line}");
    }
}

/// International recruits that close the gap are named among who meets
/// the need.
#[test]
fn international_recruits_are_named_when_they_meet_the_need() {
    let mut s = case("Small place");
    s.roles[0].pipeline = Some(Pipeline {
        international_per_year: 40.0,
        ..Pipeline::default()
    });
    let r = compute(&s);
    assert_eq!(r.roles[0].places_needed, Some(0.0));
    let line = &sentences(&s)[0];
    assert!(
        line.contains(
            "today's staff, joiners and 40 international recruits a year meet the need by year 3"
        ),
        "{line}"
    );
}

/// Every role of the built-in example: one sentence each, beginning with
/// its name, ending with a full stop; the places said are the model's
/// places needed rounded up, and the first year is the pipeline's.
#[test]
fn every_role_of_the_example_has_a_sentence_from_its_own_numbers() {
    let s = example_place();
    let r = compute(&s);
    let lines = plan(&s, &r);
    assert_eq!(lines.len(), s.roles.len());
    for ((line, role), result) in lines.iter().zip(&s.roles).zip(&r.roles) {
        assert_eq!(line.role_id, role.id);
        assert!(
            line.text.starts_with(&format!("{}: ", role.name)),
            "{}",
            line.text
        );
        assert!(line.text.ends_with('.'), "{}", line.text);
        match result.places_needed {
            Some(p) if p > 0.0 => {
                let whole = whole_places(p);
                assert!(whole >= p && whole < p + 1.0);
                let places = if whole == 1.0 { "place" } else { "places" };
                assert!(
                    line.text.contains(&format!(
                        "commission {} extra training {places} a year from next year",
                        workforce_gap::format::number(whole, 0)
                    )),
                    "{}",
                    line.text
                );
                assert!(
                    line.text.contains(&format!(
                        "the first qualify in year {}",
                        role.pipeline().first_arrival_year()
                    )),
                    "{}",
                    line.text
                );
            }
            Some(_) => assert!(line.text.contains("no extra training places are needed")),
            None => assert!(line.text.contains("training cannot close this gap")),
        }
        match result.retention_needed {
            Some(x) if x > 0.0 && result.places_needed.is_some_and(|p| p > 0.0) => assert!(
                line.text.contains(&format!(
                    "{} fewer leavers",
                    workforce_gap::format::percent(x, 0)
                )),
                "{}",
                line.text
            ),
            None if result.places_needed != Some(0.0) => {
                assert!(line.text.contains("fewer leavers alone cannot close it"))
            }
            _ => {}
        }
        match result.year_gap_closes {
            None => assert!(line.text.contains("the gap is not closed by year 10")),
            Some(y) if y > 0 && result.places_needed != Some(0.0) => {
                assert!(line.text.contains(&format!("year {y}")), "{}", line.text)
            }
            _ => {}
        }
    }
}

/// Met today but short by the last year (demand grows, no joiners): said
/// so, not "closes now".
#[test]
fn met_today_but_short_later_is_said_so() {
    let mut s = example_place();
    let r = compute(&s);
    s.roles[0].in_post_wte = r.roles[0].required_wte * 1.01;
    s.roles[0].joiners_per_year = 0.0;
    let r = compute(&s);
    assert_eq!(r.roles[0].year_gap_closes, Some(0));
    let line = &plan(&s, &r)[0].text;
    assert!(
        line.contains("supply meets the need now but falls short by year 10"),
        "{line}"
    );
    assert!(line.contains("commission "), "{line}");
}

/// A tiny cut in leavers is not "0% fewer leavers".
#[test]
fn a_cut_that_rounds_to_nothing_is_under_one_percent() {
    let mut s = case("A decade plan");
    let mut r = compute(&s);
    r.roles[0].retention_needed = Some(0.001);
    s.roles[0].pipeline = None;
    let text = &plan(&s, &r)[0].text;
    assert!(
        text.contains("or under 1% fewer leavers would close it"),
        "{text}"
    );
}

#[test]
fn places_are_rounded_up_to_whole_places() {
    assert_eq!(whole_places(13.2), 14.0);
    assert_eq!(whole_places(14.0), 14.0);
    assert_eq!(whole_places(14.0 + 1e-12), 14.0);
    assert_eq!(whole_places(0.3), 1.0);
    assert_eq!(whole_places(0.0), 0.0);
    assert_eq!(whole_places(f64::NAN), 0.0);
}

/// One place and one recruit are singular.
#[test]
fn one_place_is_singular() {
    let s = case("A decade plan");
    let mut r = compute(&s);
    r.roles[1].places_needed = Some(0.4);
    let text = &plan(&s, &r)[1].text;
    assert!(
        text.contains("commission 1 extra training place a year from next year"),
        "{text}"
    );
}

/// RFC 4180 records of `text` (CRLF line ends, quoted fields).
fn records(text: &str) -> Vec<Vec<String>> {
    workforce_gap::model::csv_record::rows(text)
}

/// A section of the results CSV: its header and data rows.
fn section(text: &str, title: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let all = records(text);
    let start = all
        .iter()
        .position(|r| r.len() == 1 && r[0] == title)
        .unwrap_or_else(|| panic!("no {title} section"));
    let header = all[start + 1].clone();
    let rows = all[start + 2..]
        .iter()
        .take_while(|r| !(r.len() == 1 && r[0].is_empty()))
        .cloned()
        .collect();
    (header, rows)
}

fn cell<'a>(header: &[String], row: &'a [String], name: &str) -> &'a str {
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"));
    &row[i]
}

/// The results CSV carries the decade plan's numbers: per role
/// required_wte_today, places_needed (empty: places cannot close it in
/// time), arrivals_per_year and first_qualify_year; the projection's
/// arrivals; the total required_wte_today; and the plan, a sentence a role.
#[test]
fn csv_carries_the_plans_numbers_and_sentences() {
    use workforce_gap::io::csv::results_csv;
    for name in ["A decade plan", "Training longer"] {
        let s = case(name);
        let r = compute(&s);
        let text = results_csv(&s, &r);
        let (header, rows) = section(&text, "Roles");
        assert_eq!(rows.len(), s.roles.len());
        for ((row, role), result) in rows.iter().zip(&s.roles).zip(&r.roles) {
            let number = |c: &str| cell(&header, row, c).parse::<f64>().unwrap();
            assert!((number("required_wte_today") - result.required_wte_today).abs() < 5e-4);
            assert!((number("arrivals_per_year") - result.arrivals_per_year).abs() < 5e-4);
            match result.places_needed {
                Some(p) => assert!((number("places_needed") - p).abs() < 5e-4),
                None => assert_eq!(cell(&header, row, "places_needed"), ""),
            }
            let first = cell(&header, row, "first_qualify_year");
            let pipeline = role.pipeline();
            if pipeline.extra_places_per_year > 0.0 || result.places_needed.unwrap_or(0.0) > 0.0 {
                assert_eq!(first, pipeline.first_arrival_year().to_string());
            } else {
                assert_eq!(first, "", "{}", role.id);
            }
        }
        let (header, rows) = section(&text, "Projection");
        assert_eq!(
            header,
            [
                "year",
                "required_wte",
                "supply_wte",
                "gap_wte",
                "arrivals_wte"
            ]
        );
        for (row, p) in rows.iter().zip(&r.projection) {
            assert!((row[4].parse::<f64>().unwrap() - p.arrivals_wte).abs() < 5e-4);
        }
        let (_, summary) = section(&text, "Summary");
        let today = summary
            .iter()
            .find(|row| row[0] == "required_wte_today")
            .unwrap();
        assert!((today[1].parse::<f64>().unwrap() - r.total.required_wte_today).abs() < 5e-4);
        let (header, rows) = section(&text, "Plan");
        assert_eq!(header, ["id", "name", "plan"]);
        let lines = plan(&s, &r);
        assert_eq!(rows.len(), lines.len());
        for (row, line) in rows.iter().zip(&lines) {
            assert_eq!(
                row,
                &[line.role_id.clone(), line.name.clone(), line.text.clone()]
            );
        }
    }
    // Reference case 5's nurses: 13.905 places, first qualifying in year 3.
    let s = case("A decade plan");
    let text = results_csv(&s, &compute(&s));
    let (header, rows) = section(&text, "Roles");
    assert_eq!(cell(&header, &rows[0], "places_needed"), "13.905");
    assert_eq!(cell(&header, &rows[0], "first_qualify_year"), "3");
    assert_eq!(cell(&header, &rows[0], "arrivals_per_year"), "6.5");
}

/// The plan's sentences begin with a role's name: a name that a
/// spreadsheet would run as a formula is written with a leading `'` there
/// too, and the file stays CRLF throughout.
#[test]
fn csv_plan_cells_never_start_a_formula() {
    use workforce_gap::io::csv::results_csv;
    let mut s = case("A decade plan");
    s.roles[0].name = "=HYPERLINK(\"http://x\")".into();
    s.roles[1].name = "@SUM(A1)".into();
    let text = results_csv(&s, &compute(&s));
    assert!(!text.replace("\r\n", "").contains('\n'));
    let (_, rows) = section(&text, "Plan");
    for row in &rows {
        for c in row {
            assert!(!c.starts_with(['=', '+', '@']), "{c:?}");
        }
    }
    assert!(rows[0][2].starts_with("'=HYPERLINK(\"http://x\"): commission 14"));
    assert!(rows[1][2].starts_with("'@SUM(A1): commission 2"));
}
