//! Importing staff in post (issue 16): the chunked CSV reader, the XLSX
//! sheet, the aggregation, the suggestions, the remembered mappings and the
//! edit, on fixtures made here in the layouts of NHS Workforce Statistics
//! and of an ESR staff list, and every bad input.

use std::collections::{BTreeMap, BTreeSet};

use workforce_gap::io::staff_import::aggregate::{
    csv_aggregate, csv_preview, Columns, CsvImport, RoleValue, Totals,
};
use workforce_gap::io::staff_import::csv_stream::{sniff_delimiter, CsvStream};
use workforce_gap::io::staff_import::mapping::{
    decode_remembered, encode_remembered, plan, remember, suggest, suggestion_roles, suggestions,
    Remembered, Target,
};
use workforce_gap::io::staff_import::{file_kind, FileKind, ImportError};
use workforce_gap::model::example_place;

const NHS_HEADER: [&str; 11] = [
    "Period",
    "NHSE_Region_Name",
    "ICS name",
    "Org name",
    "Main Staff Group",
    "Staff Group 1",
    "Staff Group 2",
    "Care Setting",
    "Level",
    "AfC Band",
    "FTE",
];

/// Rows in the layout of NHS Workforce Statistics' 'staff excluding
/// medical' CSV (one row per organisation, staff group, care setting and
/// band), with FTE that sum to known totals.
fn nhs_rows() -> Vec<Vec<String>> {
    let groups = [
        ("Nurses & health visitors", "Mental health", "Band 5", 120.5),
        ("Nurses & health visitors", "Mental health", "Band 6", 80.25),
        ("Nurses & health visitors", "Acute", "Band 5", 900.0),
        (
            "Support to doctors, nurses & midwives",
            "Mental health",
            "Band 3",
            60.0,
        ),
        (
            "Scientific, therapeutic & technical staff",
            "Mental health",
            "Band 7",
            33.3,
        ),
        ("Central functions", "Mental health", "Band 4", 15.0),
    ];
    let orgs = [
        "Leeds and York Partnership NHS Foundation Trust",
        "Leeds Teaching Hospitals NHS Trust",
    ];
    let mut rows = Vec::new();
    for org in orgs {
        for (group, setting, band, fte) in groups {
            rows.push(vec![
                "2025-06".to_string(),
                "North East and Yorkshire".to_string(),
                "West Yorkshire".to_string(),
                org.to_string(),
                "Professionally qualified clinical staff".to_string(),
                group.to_string(),
                group.to_string(),
                setting.to_string(),
                "Organisation".to_string(),
                band.to_string(),
                fte.to_string(),
            ]);
        }
    }
    rows
}

/// A CSV field, quoted when it must be.
fn field(text: &str, delimiter: char) -> String {
    if text.contains(delimiter) || text.contains('"') || text.contains('\n') || text.contains('\r')
    {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn csv(header: &[&str], rows: &[Vec<String>], delimiter: char, line_end: &str) -> String {
    let mut out = String::new();
    let line = |fields: Vec<String>| fields.join(&delimiter.to_string()) + line_end;
    out += &line(header.iter().map(|h| field(h, delimiter)).collect());
    for row in rows {
        out += &line(row.iter().map(|f| field(f, delimiter)).collect());
    }
    out
}

fn nhs_csv(delimiter: char) -> String {
    csv(&NHS_HEADER, &nhs_rows(), delimiter, "\r\n")
}

fn column(name: &str) -> usize {
    NHS_HEADER.iter().position(|h| *h == name).unwrap()
}

fn nhs_columns() -> Columns {
    Columns {
        role: column("Staff Group 1"),
        fte: column("FTE"),
        vacancies: None,
        filter: Some(column("Care Setting")),
    }
}

fn fte_of(values: &[RoleValue], value: &str) -> f64 {
    values
        .iter()
        .find(|v| v.value == value)
        .map_or(f64::NAN, |v| v.totals.fte)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

#[test]
fn an_nhs_workforce_statistics_csv_totals_fte_per_staff_group_after_the_filter() {
    let bytes = nhs_csv(',');
    let preview = csv_preview(bytes.as_bytes(), true).unwrap();
    assert_eq!(preview.header, NHS_HEADER);
    assert_eq!(preview.rows.len(), 10);
    assert_eq!(preview.rows[3][5], "Support to doctors, nurses & midwives");
    assert_eq!(preview.column("care setting"), Some(7));

    let aggregate = csv_aggregate(bytes.as_bytes(), nhs_columns(), 1 << 20).unwrap();
    assert_eq!(aggregate.rows, 12);
    assert_eq!(aggregate.fte_skipped.rows, 0);
    let settings: Vec<String> = aggregate
        .filter_values()
        .into_iter()
        .map(|(v, _)| v)
        .collect();
    assert_eq!(settings, ["Acute", "Mental health"]);

    let keep: BTreeSet<String> = ["Mental health".to_string()].into();
    let values = aggregate.role_values(Some(&keep)).unwrap();
    assert_eq!(values.len(), 4);
    assert!(close(
        fte_of(&values, "Nurses & health visitors"),
        2.0 * (120.5 + 80.25)
    ));
    assert!(close(
        fte_of(&values, "Support to doctors, nurses & midwives"),
        120.0
    ));
    let nurses = values
        .iter()
        .find(|v| v.value == "Nurses & health visitors")
        .unwrap();
    assert_eq!(nurses.totals.rows, 4);

    let all = aggregate.role_values(None).unwrap();
    assert!(close(
        fte_of(&all, "Nurses & health visitors"),
        2.0 * (120.5 + 80.25 + 900.0)
    ));
}

#[test]
fn every_chunk_size_gives_the_same_totals() {
    let bytes = nhs_csv(',');
    let whole = csv_aggregate(bytes.as_bytes(), nhs_columns(), bytes.len()).unwrap();
    for chunk in [1, 2, 3, 7, 64, 1000] {
        assert_eq!(
            csv_aggregate(bytes.as_bytes(), nhs_columns(), chunk).unwrap(),
            whole,
            "chunk {chunk}"
        );
    }
}

#[test]
fn semicolons_tabs_a_bom_and_line_ends_read_alike() {
    let comma = csv_aggregate(nhs_csv(',').as_bytes(), nhs_columns(), 5).unwrap();
    let semicolon = csv_aggregate(nhs_csv(';').as_bytes(), nhs_columns(), 5).unwrap();
    let tab = csv_aggregate(nhs_csv('\t').as_bytes(), nhs_columns(), 5).unwrap();
    let mut bom = vec![0xEF, 0xBB, 0xBF];
    bom.extend_from_slice(csv(&NHS_HEADER, &nhs_rows(), ',', "\n").as_bytes());
    let bom = csv_aggregate(&bom, nhs_columns(), 2).unwrap();
    assert_eq!(semicolon, comma);
    assert_eq!(tab, comma);
    assert_eq!(bom, comma);
    assert_eq!(
        bom.header[0], "Period",
        "the byte order mark is not part of the first header"
    );
    assert_eq!(sniff_delimiter(b"a;b;c\n1,5;2;3"), Some(b';'));
    assert_eq!(sniff_delimiter(b"a\tb\n"), Some(b'\t'));
    assert_eq!(sniff_delimiter(b"\"a,b\";c\n"), Some(b';'));
    assert_eq!(sniff_delimiter(b"just words\n"), None);
}

#[test]
fn quoted_fields_hold_delimiters_quotes_and_line_breaks() {
    let rows = vec![
        vec!["Nurse, band 5 \"staff\"".to_string(), "1.5".to_string()],
        vec!["Line one\nline two".to_string(), "2".to_string()],
        vec!["Nurse, band 5 \"staff\"".to_string(), "0.5".to_string()],
    ];
    let text = csv(&["Job Role", "FTE"], &rows, ',', "\r\n");
    let columns = Columns {
        role: 0,
        fte: 1,
        vacancies: None,
        filter: None,
    };
    for chunk in [1, 4, 100] {
        let aggregate = csv_aggregate(text.as_bytes(), columns, chunk).unwrap();
        let values = aggregate.role_values(None).unwrap();
        assert!(close(fte_of(&values, "Nurse, band 5 \"staff\""), 2.0));
        assert!(close(fte_of(&values, "Line one\nline two"), 2.0));
    }
}

#[test]
fn a_semicolon_csv_may_write_decimals_with_a_comma_and_a_comma_csv_thousands() {
    let semicolon = "Staff group;FTE\nNurses;0,5\nNurses;1.234,5\nNurses;2.25\n";
    let columns = Columns {
        role: 0,
        fte: 1,
        vacancies: None,
        filter: None,
    };
    let values = csv_aggregate(semicolon.as_bytes(), columns, 3)
        .unwrap()
        .role_values(None)
        .unwrap();
    assert!(close(fte_of(&values, "Nurses"), 0.5 + 1234.5 + 2.25));
    let comma = "Staff group,FTE\nNurses,\"1,234.5\"\nNurses,0.5\n";
    let values = csv_aggregate(comma.as_bytes(), columns, 3)
        .unwrap()
        .role_values(None)
        .unwrap();
    assert!(close(fte_of(&values, "Nurses"), 1235.0));
}

/// An ESR staff list: one row per assignment, with job role, FTE and a
/// vacancies column (funded establishment not filled), and a blank row.
fn esr_csv() -> String {
    let header = [
        "Employee Number",
        "Organisation",
        "Position Title",
        "Job Role",
        "Staff Group",
        "Assignment Category",
        "FTE",
        "Vacant FTE",
    ];
    let people = [
        (
            "Community Mental Health Team",
            "Staff Nurse",
            "Nursing and Midwifery Registered",
            "1",
            "0.5",
        ),
        (
            "Community Mental Health Team",
            "Staff Nurse",
            "Nursing and Midwifery Registered",
            "0.8",
            "",
        ),
        (
            "Community Mental Health Team",
            "Clinical Psychologist",
            "Allied Health Professionals",
            "1",
            "1",
        ),
        (
            "Acute Ward",
            "Healthcare Assistant",
            "Additional Clinical Services",
            "0.6",
            "0",
        ),
        ("Acute Ward", "Consultant", "Medical and Dental", "1", "0"),
        (
            "Acute Ward",
            "Medical Secretary",
            "Administrative and Clerical",
            "1",
            "0",
        ),
        (
            "Acute Ward",
            "Peer Support Worker",
            "Additional Clinical Services",
            "not known",
            "0",
        ),
    ];
    let mut rows: Vec<Vec<String>> = people
        .iter()
        .enumerate()
        .map(|(i, (org, role, group, fte, vacant))| {
            vec![
                format!("{:08}", 1000 + i),
                org.to_string(),
                format!("{role} | {org}"),
                role.to_string(),
                group.to_string(),
                "Permanent".to_string(),
                fte.to_string(),
                vacant.to_string(),
            ]
        })
        .collect();
    rows.insert(3, vec![String::new(); 8]);
    csv(&header, &rows, ',', "\n")
}

#[test]
fn an_esr_staff_list_sums_job_roles_counts_the_rows_skipped_and_reads_vacancies() {
    let columns = Columns {
        role: 3,
        fte: 6,
        vacancies: Some(7),
        filter: None,
    };
    let aggregate = csv_aggregate(esr_csv().as_bytes(), columns, 10).unwrap();
    assert_eq!(aggregate.rows, 7, "the blank row is not a row");
    assert_eq!(aggregate.fte_skipped.rows, 1);
    assert_eq!(
        aggregate.fte_skipped.first_row,
        Some(9),
        "the header is row 1, the blank row 5"
    );
    let values = aggregate.role_values(None).unwrap();
    assert!(close(fte_of(&values, "Staff Nurse"), 1.8));
    let nurse = values.iter().find(|v| v.value == "Staff Nurse").unwrap();
    assert!(close(nurse.totals.vacancies, 0.5));
    assert!(values.iter().all(|v| v.value != "Peer Support Worker"));

    let scenario = example_place();
    let mapping = suggestions(&values, &scenario, &Remembered::new());
    assert_eq!(mapping["Staff Nurse"], Target::Role("mh_nurse".into()));
    assert_eq!(
        mapping["Clinical Psychologist"],
        Target::Role("clinical_psychologist".into())
    );
    assert_eq!(
        mapping["Healthcare Assistant"],
        Target::Role("support_worker".into())
    );
    assert_eq!(mapping["Consultant"], Target::Role("psychiatrist".into()));
    assert_eq!(mapping["Medical Secretary"], Target::NotCounted);

    let preview = plan(&scenario, &values, &mapping, true);
    let nurse = preview
        .roles
        .iter()
        .find(|r| r.role_id == "mh_nurse")
        .unwrap();
    assert_eq!((nurse.in_post_before, nurse.in_post_after), (200.0, 1.8));
    assert_eq!((nurse.vacant_before, nurse.vacant_after), (46.9, 0.5));
    assert!(close(preview.counted_fte, 1.8 + 1.0 + 0.6 + 1.0));
    assert!(close(preview.not_counted_fte, 1.0));
    let untouched = preview.roles.iter().find(|r| r.role_id == "pwp").unwrap();
    assert!(!untouched.set);
    assert_eq!(untouched.in_post_after, untouched.in_post_before);

    let mut edited = scenario.clone();
    preview.edit().apply(&mut edited);
    let role = |s: &workforce_gap::model::Scenario, id: &str| {
        s.roles.iter().find(|r| r.id == id).unwrap().clone()
    };
    assert_eq!(role(&edited, "mh_nurse").in_post_wte, 1.8);
    assert_eq!(role(&edited, "mh_nurse").vacant_wte, 0.5);
    assert_eq!(role(&edited, "psychiatrist").in_post_wte, 1.0);
    assert_eq!(role(&edited, "pwp"), role(&scenario, "pwp"));
    assert_eq!(preview.edit().roles.len(), 4);
}

#[test]
fn nhs_staff_groups_are_suggested_by_name() {
    let scenario = example_place();
    let none = Remembered::new();
    let cases = [
        ("Nurses & health visitors", Target::Role("mh_nurse".into())),
        (
            "Support to doctors, nurses & midwives",
            Target::Role("support_worker".into()),
        ),
        (
            "Support to ST&T staff",
            Target::Role("support_worker".into()),
        ),
        ("HCPs (doctors)", Target::Role("psychiatrist".into())),
        (
            "Psychological Wellbeing Practitioner",
            Target::Role("pwp".into()),
        ),
        ("Peer Support Worker", Target::Role("peer_support".into())),
        (
            "Occupational Therapist",
            Target::Role("occupational_therapist".into()),
        ),
        ("Central functions", Target::NotCounted),
        ("Senior managers", Target::NotCounted),
        (
            "Scientific, therapeutic & technical staff",
            Target::NotCounted,
        ),
        ("Ambulance staff", Target::NotCounted),
        ("Something else entirely", Target::NotCounted),
    ];
    for (value, target) in cases {
        assert_eq!(suggest(value, &scenario, &none), target, "{value}");
    }
    // A role the table does not know is found by its name in the scenario.
    let mut custom = scenario.clone();
    custom.roles[0].id = "crisis_nurse".into();
    custom.roles[0].name = "Crisis team nurse".into();
    assert_eq!(
        suggest("Crisis nurse", &custom, &none),
        Target::Role("crisis_nurse".into())
    );
}

#[test]
fn the_suggestion_table_names_only_built_in_roles() {
    let ids: BTreeSet<String> = example_place().roles.into_iter().map(|r| r.id).collect();
    let named = suggestion_roles();
    assert!(named.len() > 30);
    for role in named {
        assert!(role == "-" || ids.contains(&role), "{role}");
    }
}

#[test]
fn remembered_mappings_win_round_trip_and_bad_stored_data_is_ignored() {
    let scenario = example_place();
    let mut mapping = BTreeMap::new();
    mapping.insert("Band 5 staff".to_string(), Target::Role("mh_nurse".into()));
    mapping.insert("Nurses & health visitors".to_string(), Target::NotCounted);
    let remembered = remember(Remembered::new(), &mapping);
    let stored = encode_remembered(&remembered);
    assert_eq!(decode_remembered(&stored), remembered);
    let back = decode_remembered(&stored);
    assert_eq!(
        suggest("Band 5 staff", &scenario, &back),
        Target::Role("mh_nurse".into())
    );
    assert_eq!(
        suggest("Nurses & health visitors", &scenario, &back),
        Target::NotCounted
    );
    // A remembered role the scenario no longer has falls back to the name.
    let gone = decode_remembered(r#"{"version":1,"mappings":{"Staff Nurse":"deleted_role"}}"#);
    assert_eq!(
        suggest("Staff Nurse", &scenario, &gone),
        Target::Role("mh_nurse".into())
    );

    for bad in [
        "",
        "not json",
        "[]",
        "null",
        r#"{"version":2,"mappings":{"a":"mh_nurse"}}"#,
        r#"{"version":"1","mappings":{"a":"mh_nurse"}}"#,
        r#"{"version":1,"mappings":[]}"#,
        r#"{"version":1}"#,
    ] {
        assert!(decode_remembered(bad).is_empty(), "{bad}");
    }
    let mixed = decode_remembered(
        r#"{"version":1,"mappings":{"a":"mh_nurse","b":3,"c":"","d":null,"e":{"x":1}}}"#,
    );
    assert_eq!(mixed.len(), 2);
    assert_eq!(mixed["a"], Target::Role("mh_nurse".into()));
    assert_eq!(mixed["d"], Target::NotCounted);
    let long = format!(
        r#"{{"version":1,"mappings":{{"{}":"mh_nurse"}}}}"#,
        "x".repeat(5000)
    );
    assert!(decode_remembered(&long).is_empty());
}

#[test]
fn file_kinds_from_the_first_bytes() {
    assert_eq!(file_kind(b"a,b\n1,2\n"), Ok(FileKind::Csv));
    assert_eq!(file_kind(b"PK\x03\x04rest"), Ok(FileKind::Xlsx));
    assert_eq!(file_kind(b""), Err(ImportError::Empty));
    assert_eq!(
        file_kind(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1]),
        Err(ImportError::Xls)
    );
    assert_eq!(file_kind(&[0xFF, 0xFE, b'a', 0]), Err(ImportError::Utf16));
    assert_eq!(
        file_kind(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        Err(ImportError::Binary)
    );
    let pdf_like: Vec<u8> = b"%PDF-1.7\n"
        .iter()
        .copied()
        .chain((0..200u8).map(|i| i % 9))
        .collect();
    assert_eq!(file_kind(&pdf_like), Err(ImportError::Binary));
}

fn columns01() -> Columns {
    Columns {
        role: 0,
        fte: 1,
        vacancies: None,
        filter: None,
    }
}

#[test]
fn bad_input_gets_a_clear_message() {
    let message = |e: ImportError| e.to_string();
    // Empty.
    let empty = csv_preview(b"", true).unwrap_err();
    assert_eq!(empty, ImportError::Empty);
    assert_eq!(message(empty), "The file is empty.");
    assert_eq!(
        csv_aggregate(b"", columns01(), 10).unwrap_err(),
        ImportError::Empty
    );
    // Binary.
    let binary: Vec<u8> = (0..=255u8).cycle().take(4000).collect();
    assert_eq!(csv_preview(&binary, true).unwrap_err(), ImportError::Binary);
    assert!(message(ImportError::Binary).contains("not a CSV or XLSX file"));
    // Text that is not a table.
    let prose = b"Dear colleague\nPlease find attached the figures.\n";
    assert_eq!(
        csv_preview(prose, true).unwrap_err(),
        ImportError::OneColumn
    );
    assert_eq!(
        csv_aggregate(prose, columns01(), 4).unwrap_err(),
        ImportError::OneColumn
    );
    // Not UTF-8 (Windows-1252's pound sign), naming the row.
    let latin1 = b"Staff group,FTE\nNurses,1\nNurses \xA3,2\n";
    assert_eq!(
        csv_aggregate(latin1, columns01(), 3).unwrap_err(),
        ImportError::NotUtf8 { row: 3 }
    );
    assert_eq!(
        csv_preview(latin1, true).unwrap_err(),
        ImportError::NotUtf8 { row: 3 }
    );
    assert!(message(ImportError::NotUtf8 { row: 3 }).starts_with("Row 3 is not UTF-8"));
    // A header and no rows.
    assert_eq!(
        csv_preview(b"Staff group,FTE\r\n", true).unwrap_err(),
        ImportError::NoRows
    );
    assert_eq!(
        csv_aggregate(b"Staff group,FTE\r\n\r\n", columns01(), 4).unwrap_err(),
        ImportError::NoRows
    );
    // An FTE column of text: every row skipped, counted.
    let text_fte = b"Staff group,FTE\nNurses,full time\nDoctors,n/a\n";
    let no_fte = csv_aggregate(text_fte, columns01(), 4).unwrap_err();
    assert_eq!(no_fte, ImportError::NoFte { skipped: 2 });
    assert!(message(no_fte).contains("2 rows skipped"));
    // Negative or infinite FTE is not a number of staff.
    let odd = b"Staff group,FTE\nNurses,-1\nNurses,inf\nNurses,NaN\nNurses,2\n";
    let aggregate = csv_aggregate(odd, columns01(), 4).unwrap();
    assert_eq!(aggregate.fte_skipped.rows, 3);
    assert!(close(
        fte_of(&aggregate.role_values(None).unwrap(), "Nurses"),
        2.0
    ));
    // No rows left after the filter.
    let aggregate = csv_aggregate(nhs_csv(',').as_bytes(), nhs_columns(), 100).unwrap();
    let keep: BTreeSet<String> = ["Community".to_string()].into();
    assert_eq!(
        aggregate.role_values(Some(&keep)).unwrap_err(),
        ImportError::NoRowsAfterFilter
    );
    assert_eq!(
        aggregate.role_values(Some(&BTreeSet::new())).unwrap_err(),
        ImportError::NoRowsAfterFilter
    );
    // A column the file does not have.
    let columns = Columns {
        role: 0,
        fte: 5,
        vacancies: None,
        filter: None,
    };
    assert_eq!(
        csv_aggregate(b"a,b\n1,2\n", columns, 4).unwrap_err(),
        ImportError::NoColumn(5)
    );
}

#[test]
fn a_role_column_of_numbers_is_refused_before_it_fills_memory() {
    let mut text = String::from("Staff group,FTE\n");
    for i in 0..60_000 {
        text += &format!("{i},1\n");
    }
    let error = csv_aggregate(text.as_bytes(), columns01(), 1 << 16).unwrap_err();
    assert_eq!(
        error,
        ImportError::TooManyValues {
            column: "Staff group".into()
        }
    );
    assert!(error
        .to_string()
        .contains("'Staff group' has more than 50000 distinct values"));
}

#[test]
fn a_preview_needs_only_the_first_chunk_and_a_long_first_line_is_waited_for() {
    let text = nhs_csv(',');
    assert!(text.len() > 2000);
    // The first 1,500 bytes end inside a row, which the preview leaves out.
    let first = &text.as_bytes()[..1500];
    let preview = csv_preview(first, false).unwrap();
    assert_eq!(preview.header.len(), 11);
    assert!(preview.rows.len() < 10);
    assert!(preview.rows.iter().all(|r| r.len() == 11));
    assert!(!preview.rows.is_empty());

    let mut stream = CsvStream::new();
    let mut seen = Vec::new();
    let mut sink = |record: workforce_gap::io::staff_import::csv_stream::Record<'_>| {
        seen.push((record.row, record.fields.len()));
        Ok(())
    };
    stream.feed(b"a;b", &mut sink).unwrap();
    assert_eq!(
        stream.delimiter(),
        None,
        "the first line is not complete yet"
    );
    stream.feed(b";c\r\n1;2;3", &mut sink).unwrap();
    assert_eq!(stream.delimiter(), Some(b';'));
    stream.finish(&mut sink).unwrap();
    assert_eq!(seen, [(1, 3), (2, 3)]);
    assert_eq!(stream.records(), 2);
}

#[test]
fn a_large_csv_streams_in_chunks_with_the_same_totals() {
    // About 5 MB, read in 1 MB chunks as the page does.
    let row = "2025-06,North East and Yorkshire,West Yorkshire,Leeds and York Partnership NHS Foundation Trust,Professionally qualified clinical staff,Nurses & health visitors,Nurses & health visitors,Mental health,Organisation,Band 5,0.5\n";
    let header = NHS_HEADER.join(",") + "\n";
    let count = 5_000_000 / row.len();
    let mut import = CsvImport::new(nhs_columns());
    import.feed(header.as_bytes()).unwrap();
    let block: String = row.repeat(1000);
    let mut fed = 0;
    while fed < count {
        import.feed(block.as_bytes()).unwrap();
        fed += 1000;
    }
    let aggregate = import.finish().unwrap();
    assert_eq!(aggregate.rows as usize, fed);
    let values = aggregate.role_values(None).unwrap();
    assert!(close(
        fte_of(&values, "Nurses & health visitors"),
        fed as f64 * 0.5
    ));
    assert_eq!(
        values[0].totals,
        Totals {
            fte: fed as f64 * 0.5,
            vacancies: 0.0,
            rows: fed as u64
        }
    );
}

#[cfg(feature = "workbook")]
mod xlsx {
    use super::*;
    use rust_xlsxwriter::Workbook as Writer;
    use workforce_gap::io::staff_import::xlsx::{check_size, Workbook, XLSX_LIMIT_BYTES};

    /// An XLSX in the NHS Workforce Statistics layout, on its second sheet
    /// after a notes sheet, with FTE as numbers and one as text.
    fn nhs_xlsx() -> Vec<u8> {
        let mut book = Writer::new();
        let notes = book.add_worksheet();
        notes.set_name("Notes").unwrap();
        notes.write_string(0, 0, "Provisional statistics").unwrap();
        let data = book.add_worksheet();
        data.set_name("Data").unwrap();
        for (c, h) in NHS_HEADER.iter().enumerate() {
            data.write_string(0, c as u16, *h).unwrap();
        }
        for (r, row) in nhs_rows().iter().enumerate() {
            for (c, value) in row.iter().enumerate() {
                let (r, c) = (r as u32 + 1, c as u16);
                if c as usize == column("FTE") {
                    data.write_number(r, c, value.parse::<f64>().unwrap())
                        .unwrap();
                } else {
                    data.write_string(r, c, value).unwrap();
                }
            }
        }
        let last = nhs_rows().len() as u32 + 1;
        data.write_string(
            last,
            column("Staff Group 1") as u16,
            "Nurses & health visitors",
        )
        .unwrap();
        data.write_string(last, column("Care Setting") as u16, "Mental health")
            .unwrap();
        data.write_string(last, column("FTE") as u16, "unknown")
            .unwrap();
        book.save_to_buffer().unwrap()
    }

    #[test]
    fn an_xlsx_sheet_totals_like_the_csv() {
        let bytes = nhs_xlsx();
        assert_eq!(file_kind(&bytes), Ok(FileKind::Xlsx));
        let mut book = Workbook::open(bytes).unwrap();
        assert_eq!(book.sheet_names(), ["Notes", "Data"]);
        assert_eq!(book.preview("Notes").unwrap_err(), ImportError::OneColumn);
        let preview = book.preview("Data").unwrap();
        assert_eq!(preview.header, NHS_HEADER);
        assert_eq!(preview.rows[0][column("FTE")], "120.5");
        let from_xlsx = book.aggregate("Data", nhs_columns()).unwrap();
        assert_eq!(from_xlsx.fte_skipped.rows, 1);
        assert_eq!(from_xlsx.fte_skipped.first_row, Some(14));
        let from_csv = csv_aggregate(nhs_csv(',').as_bytes(), nhs_columns(), 64).unwrap();
        assert_eq!(from_xlsx.groups, from_csv.groups);
        assert_eq!(
            book.preview("Missing").unwrap_err(),
            ImportError::NoSheet("Missing".into())
        );
    }

    #[test]
    fn an_xlsx_over_the_limit_or_broken_is_refused_with_the_limit() {
        let error = check_size(XLSX_LIMIT_BYTES + 1).unwrap_err();
        assert!(
            error
                .to_string()
                .contains("files over 50 MB cannot be read"),
            "{error}"
        );
        assert!(check_size(XLSX_LIMIT_BYTES).is_ok());
        let mut broken = nhs_xlsx();
        broken.truncate(broken.len() / 2);
        assert!(matches!(Workbook::open(broken), Err(ImportError::Xlsx(_))));
        assert!(matches!(
            Workbook::open(b"PK\x03\x04not a zip".to_vec()),
            Err(ImportError::Xlsx(_))
        ));
    }
}

/// The import as the page drives it (`io::staff_import::session`, the
/// fourth module's one type): open, preview with suggested columns, read in
/// chunks, filter values, role values with suggestions, the plan and its
/// edit, all as JSON.
mod session {
    use super::*;
    use serde_json::Value;
    use workforce_gap::io::staff_import::session::{
        keep_from_json, mapping_from_json, remember_json, Session,
    };
    use workforce_gap::model::edit::{apply, Edit};
    use workforce_gap::model::examples::borrowed_staff;
    use workforce_gap::model::staff_in_post::{RoleInPost, StaffInPost};

    fn json(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn a_csv_is_previewed_read_in_chunks_mapped_and_planned() {
        let bytes = nhs_csv(',').into_bytes();
        // The first bytes only: the preview waits for no more.
        let mut session = Session::open(bytes[..400].to_vec(), bytes.len() as u64, false).unwrap();
        assert_eq!(session.describe(), json(r#"{"kind":"csv"}"#));
        let preview = session.preview().unwrap();
        assert_eq!(preview["header"][10], "FTE");
        // NHS Workforce Statistics' header suggests its columns.
        assert_eq!(preview["suggested"]["role"], column("Staff Group 2"));
        assert_eq!(preview["suggested"]["fte"], column("FTE"));
        assert_eq!(preview["suggested"]["filter"], column("Care Setting"));
        assert_eq!(preview["suggested"]["vacancies"], Value::Null);

        session.start(nhs_columns()).unwrap();
        for chunk in bytes.chunks(97) {
            session.feed(chunk).unwrap();
        }
        let read = session.finish().unwrap();
        assert_eq!(read["rows"], 12);
        assert_eq!(read["fte_skipped"], 0);
        assert_eq!(read["filter_values"][1][0], "Mental health");

        let scenario = example_place();
        let keep = keep_from_json(r#"["Mental health"]"#);
        let values = session
            .role_values(keep.as_ref(), &scenario.to_json_pretty(), "")
            .unwrap();
        let values = values.as_array().unwrap();
        assert_eq!(values.len(), 4);
        let nurses = values
            .iter()
            .find(|v| v["value"] == "Nurses & health visitors")
            .unwrap();
        assert!(close(
            nurses["fte"].as_f64().unwrap(),
            2.0 * (120.5 + 80.25)
        ));
        assert_eq!(nurses["target"], "mh_nurse");

        let mapping = mapping_from_json(
            r#"{"Nurses & health visitors":"mh_nurse","Central functions":null}"#,
        );
        let plan = session
            .plan(keep.as_ref(), &scenario.to_json_pretty(), &mapping)
            .unwrap();
        assert!(close(plan["counted_fte"].as_f64().unwrap(), 401.5));
        assert_eq!(plan["with_vacancies"], false);
        let edit = plan["edit"].as_array().unwrap();
        assert_eq!(edit.len(), 1);
        assert_eq!(edit[0]["role_id"], "mh_nurse");
        assert_eq!(edit[0]["in_post_wte"], 401.5);
        let nurse = plan["roles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["role_id"] == "mh_nurse")
            .unwrap();
        assert_eq!(nurse["in_post_before"], 200.0);
        assert_eq!(nurse["set"], true);

        // Remembered for the next file: the stored text reads back.
        let stored = remember_json("", &mapping);
        let again = session
            .role_values(keep.as_ref(), &scenario.to_json_pretty(), &stored)
            .unwrap();
        let central = again
            .as_array()
            .unwrap()
            .iter()
            .find(|v| v["value"] == "Central functions")
            .unwrap();
        assert_eq!(central["target"], Value::Null);
    }

    #[test]
    fn applied_the_import_is_one_edit_and_the_staff_are_hers() {
        let mut scenario = example_place();
        scenario.places[0].name = "Leeds".into();
        assert!(borrowed_staff(&scenario).is_some());
        let edit = Edit::StaffInPost(StaffInPost {
            roles: vec![RoleInPost {
                role_id: "mh_nurse".into(),
                in_post_wte: 401.5,
                vacant_wte: Some(12.0),
            }],
        });
        apply(&mut scenario, edit).unwrap();
        assert_eq!(scenario.roles[0].in_post_wte, 401.5);
        assert_eq!(scenario.roles[0].vacant_wte, 12.0);
        assert_eq!(scenario.roles[0].in_post_example, None);
        assert!(!borrowed_staff(&scenario).unwrap().has("mh_nurse"));
    }

    #[test]
    fn bad_files_and_choices_get_a_message_and_no_session() {
        let message = |bytes: &[u8]| {
            Session::open(bytes.to_vec(), bytes.len() as u64, true)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        };
        assert_eq!(message(b""), "The file is empty.");
        assert!(message(b"\x00\x01\x02binary").contains("binary"));
        // An XLSX over the limit is refused before it is read.
        let big = Session::open(b"PK\x03\x04".to_vec(), 60_000_000, false);
        assert!(big.err().unwrap().to_string().contains("50"));
        // A filter that keeps nothing.
        let bytes = nhs_csv(',').into_bytes();
        let mut session = Session::open(bytes.clone(), bytes.len() as u64, true).unwrap();
        session.start(nhs_columns()).unwrap();
        session.feed(&bytes).unwrap();
        session.finish().unwrap();
        let none = session.role_values(
            keep_from_json(r#"["Nowhere"]"#).as_ref(),
            &example_place().to_json_pretty(),
            "",
        );
        assert_eq!(none.err(), Some(ImportError::NoRowsAfterFilter));
        // Bad JSON from the page reads as nothing chosen, never a panic.
        assert!(mapping_from_json("not json").is_empty());
        assert_eq!(keep_from_json("null"), None);
    }
}
