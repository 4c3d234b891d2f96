#![cfg(not(target_arch = "wasm32"))]
//! The area asset against the tables it is built from: the build script
//! (`scripts/build-areas.mjs`, run here with node) writes `areas.tsv`; the
//! app's decoder (`workforce_gap::io::areas`) reads it; every figure is checked
//! against `data/areas/*.csv` read independently here. Populations add up
//! to England at every level, every lookup resolves, and the decoder never
//! panics on damaged text.

use std::collections::HashMap;
use std::path::PathBuf;
use std::process::Command;
use std::sync::OnceLock;

use proptest::prelude::*;
use workforce_gap::io::areas::{AreaLevel, AreaTable, PlacesKind, DEPRIVATION_INDEX, NHSE_INDEX};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The asset as the build makes it.
fn asset() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        let out = std::env::temp_dir().join(format!("areas-test-{}.tsv", std::process::id()));
        let status = Command::new("node")
            .arg(root().join("scripts/build-areas.mjs"))
            .arg(&out)
            .status()
            .expect("node runs the build script");
        assert!(status.success(), "the build script failed");
        let text = std::fs::read_to_string(&out).unwrap();
        let _ = std::fs::remove_file(out);
        text
    })
}

fn table() -> &'static AreaTable {
    static TABLE: OnceLock<AreaTable> = OnceLock::new();
    TABLE.get_or_init(|| AreaTable::parse(asset()).expect("the asset parses"))
}

/// A CSV of data/areas/ as rows of column -> text (names hold quoted
/// commas: the app's one CSV reader).
fn csv(name: &str) -> Vec<HashMap<String, String>> {
    let text = std::fs::read_to_string(root().join("data/areas").join(name)).unwrap();
    let mut rows = workforce_gap::model::csv_record::rows(&text);
    let header = rows.remove(0);
    rows.into_iter()
        .map(|r| header.iter().cloned().zip(r).collect())
        .collect()
}

/// A column of a table, the level its key names, and the field it fills.
type Check = (
    &'static str,
    &'static str,
    &'static str,
    AreaLevel,
    fn(&workforce_gap::io::areas::Area) -> Option<f64>,
);

fn num(row: &HashMap<String, String>, column: &str) -> f64 {
    row[column]
        .parse()
        .unwrap_or_else(|_| panic!("{column}: {:?}", row[column]))
}

fn find(level: AreaLevel, code: &str) -> usize {
    table()
        .areas
        .iter()
        .position(|a| a.level == level && a.code == code)
        .unwrap_or_else(|| panic!("no {level:?} {code}"))
}

#[test]
fn every_area_of_every_table_is_in_the_asset_with_its_figures() {
    let levels = [
        (AreaLevel::Icb, "icb26_population_census2021.csv", 36),
        (AreaLevel::Icb2024, "icb_population_census2021.csv", 42),
        (AreaLevel::SubIcb, "sicbl_population_census2021.csv", 106),
        (AreaLevel::UpperTier, "utla_population_census2021.csv", 153),
        (AreaLevel::District, "la_population_census2021.csv", 296),
    ];
    for (level, file, count) in levels {
        let rows = csv(file);
        assert_eq!(rows.len(), count, "{file}");
        assert_eq!(
            table().areas.iter().filter(|a| a.level == level).count(),
            count
        );
        for row in &rows {
            let area = &table().areas[find(level, &row["code"])];
            assert_eq!(area.name, row["name"]);
            assert_eq!(
                area.census2021.children,
                num(row, "children"),
                "{}",
                row["code"]
            );
            assert_eq!(area.census2021.adults, num(row, "adults"));
            assert_eq!(area.census2021.older, num(row, "older"));
            if let Some(ods) = row.get("ods_code") {
                assert_eq!(area.ods.as_deref(), Some(ods.as_str()));
            }
        }
    }
    let checks: [Check; 6] = [
        (
            "icb26_mh_need_index_2425.csv",
            "icb26_code",
            "mh_need_index_2425",
            AreaLevel::Icb,
            |a| a.need_index_nhse,
        ),
        (
            "icb26_cmd_need_index_apms_imd.csv",
            "code",
            "cmd_need_index_apms_imd",
            AreaLevel::Icb,
            |a| a.need_index_deprivation,
        ),
        (
            "sicbl_mh_need_index_2425.csv",
            "code",
            "mh_need_index_2425",
            AreaLevel::SubIcb,
            |a| a.need_index_nhse,
        ),
        (
            "icb_mh_need_index_2425.csv",
            "code",
            "mh_need_index_2425",
            AreaLevel::Icb2024,
            |a| a.need_index_nhse,
        ),
        (
            "la_cmd_need_index_apms_imd.csv",
            "code",
            "cmd_need_index_apms_imd",
            AreaLevel::District,
            |a| a.need_index_deprivation,
        ),
        (
            "icb26_recorded_mh_qof_2425.csv",
            "icb26_code",
            "smi_qof_prev_pct",
            AreaLevel::Icb,
            |a| a.smi_register_pct,
        ),
    ];
    for (file, key, column, level, get) in checks {
        for row in csv(file) {
            let area = &table().areas[find(level, &row[key])];
            assert_eq!(get(area), Some(num(&row, column)), "{file} {}", row[key]);
        }
    }
}

#[test]
fn populations_add_up_to_england_at_every_level() {
    let england: HashMap<String, f64> = csv("england_band_totals.csv")
        .iter()
        .map(|r| (r["band"].clone(), num(r, "census2021_lsoa_sum")))
        .collect();
    for level in AreaLevel::ALL {
        let areas = table().areas.iter().filter(|a| a.level == level);
        let (mut c, mut a, mut o) = (0.0, 0.0, 0.0);
        for area in areas {
            c += area.census2021.children;
            a += area.census2021.adults;
            o += area.census2021.older;
        }
        // The 16-17 estimate is rounded per area: a few people either way.
        for (band, sum) in [("children", c), ("adults", a), ("older", o)] {
            let diff = (sum - england[band]).abs();
            assert!(
                diff <= 200.0,
                "{level:?} {band}: {sum} vs England {}",
                england[band]
            );
        }
        assert!(
            (c + a + o - 56_489_608.0).abs() <= 10.0,
            "{level:?}: {}",
            c + a + o
        );
    }
}

#[test]
fn every_lookup_resolves_and_each_icb_is_the_sum_of_its_places() {
    for row in csv("sicbl24_icb26_lookup.csv") {
        find(AreaLevel::SubIcb, &row["sicbl24_code"]);
        find(AreaLevel::Icb, &row["icb26_code"]);
    }
    for row in csv("lad_icb26_lookup.csv") {
        find(AreaLevel::District, &row["ltla24_code"]);
        find(AreaLevel::Icb, &row["icb26_code"]);
    }
    for row in csv("lad_utla_lookup.csv") {
        find(AreaLevel::District, &row["ltla24_code"]);
        find(AreaLevel::UpperTier, &row["utla23_code"]);
    }
    let t = table();
    let mut worst: (f64, String) = (0.0, String::new());
    for (i, icb) in t
        .areas
        .iter()
        .enumerate()
        .filter(|(_, a)| a.level == AreaLevel::Icb)
    {
        let total = icb.census2021.total();
        for kind in [PlacesKind::SubIcb, PlacesKind::LocalAuthority] {
            let members = t.places_of(i, kind);
            assert!(!members.is_empty(), "{} has no {kind:?}", icb.name);
            let sum: f64 = members
                .iter()
                .map(|(m, share)| t.areas[*m].census2021.total() * share)
                .sum();
            let off = (sum - total).abs() / total;
            if off > worst.0 {
                worst = (off, format!("{} {kind:?}", icb.name));
            }
            assert!(
                off < 0.005,
                "{} {kind:?}: places {sum} vs ICB {total}",
                icb.name
            );
        }
    }
    println!(
        "largest difference between an ICB and its places: {:.4}% ({})",
        worst.0 * 100.0,
        worst.1
    );
}

#[test]
fn a_director_finds_her_area_by_name_or_code() {
    let t = table();
    let leeds = t.search("Leeds", 10);
    assert!(leeds
        .iter()
        .take(3)
        .any(|&i| t.areas[i].code == "E08000035"));
    assert_eq!(t.areas[t.search("E08000035", 10)[0]].code, "E08000035");
    let qwo = &t.areas[t.search("QWO", 10)[0]];
    assert_eq!(
        (qwo.level, qwo.name.as_str()),
        (AreaLevel::Icb, "NHS West Yorkshire Integrated Care Board")
    );
    let south_yorkshire = &t.areas[t.search("02P", 10)[0]];
    assert_eq!(south_yorkshire.level, AreaLevel::SubIcb);
    assert_eq!(south_yorkshire.ods.as_deref(), Some("02P"));
    assert_eq!(
        t.search("", 50).len(),
        36,
        "an empty query lists the 36 ICBs of 2026"
    );
    assert!(t.search("zzzz", 10).is_empty());
    assert_eq!(
        t.attribution[0],
        "Contains public sector information licensed under the Open Government Licence v3.0."
    );
    assert!(t.attribution[1].contains("Office for National Statistics"));
    assert!(t.attribution[2].contains("NHS England"));
}

#[test]
fn places_take_their_figures_and_sources_from_the_tables() {
    let t = table();
    let leeds = find(AreaLevel::District, "E08000035");
    let p = t.place_from(leeds, 1.0, true, "leeds".into());
    let row = csv("la_population_census2021.csv")
        .into_iter()
        .find(|r| r["code"] == "E08000035")
        .unwrap();
    assert_eq!(
        p.population.adults,
        (num(&row, "adults") * t.mid2023_ratio[1]).round()
    );
    assert_eq!(p.sources["need_index"], DEPRIVATION_INDEX);
    assert_eq!(p.code.as_deref(), Some("E08000035"));
    let unscaled = t.place_from(leeds, 1.0, false, "leeds".into());
    assert_eq!(unscaled.population.adults, num(&row, "adults"));

    let qwo = t.search("QWO", 1)[0];
    let icb = t.place_from(qwo, 1.0, false, String::new());
    assert_eq!(icb.sources["need_index"], NHSE_INDEX);
    assert_eq!(icb.code.as_deref(), Some("QWO"));
    // West Yorkshire's sub-ICB locations together are the ICB.
    let parts: f64 = t
        .places_of(qwo, PlacesKind::SubIcb)
        .iter()
        .map(|(m, share)| {
            t.place_from(*m, *share, false, String::new())
                .population
                .total()
        })
        .sum();
    assert!(
        (parts - icb.population.total()).abs() <= 5.0,
        "{parts} vs {}",
        icb.population.total()
    );
}

#[test]
fn damaged_assets_are_refused_with_their_line() {
    let text = asset();
    let lines: Vec<&str> = text.lines().collect();
    let refused = |t: &str| match AreaTable::parse(t) {
        Ok(_) => panic!("the damaged asset was read"),
        Err(e) => e,
    };
    // A number made text.
    let err = refused(&text.replacen("\t1.022\t", "\tabc\t", 1));
    let ratio_line = lines.iter().position(|l| l.starts_with("ratio\t")).unwrap() + 1;
    assert!(err.starts_with(&format!("line {ratio_line}: ")), "{err}");
    // A field dropped from an area.
    let at = lines.iter().position(|l| l.starts_with("area\t")).unwrap();
    let shorter = lines[at].rsplit_once('\t').unwrap().0.to_string();
    let mut cut = lines.clone();
    cut[at] = &shorter;
    assert_eq!(
        refused(&cut.join("\n")),
        format!("line {}: wrong number of fields", at + 1)
    );
    // A member that names no area.
    let at = lines
        .iter()
        .position(|l| l.starts_with("member\t"))
        .unwrap();
    let mut cells: Vec<&str> = lines[at].split('\t').collect();
    cells[3] = "E99999999";
    let nowhere = cells.join("\t");
    let mut bad = lines.clone();
    bad[at] = &nowhere;
    let err = refused(&bad.join("\n"));
    assert!(err.contains("with code E99999999"), "{err}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn the_decoder_never_panics_on_text(text in ".{0,400}") {
        let _ = AreaTable::parse(&text);
        let _ = AreaTable::parse(&format!("workforce-gap-areas\t1\n{text}"));
    }

    #[test]
    fn the_decoder_never_panics_on_a_cut_or_altered_asset(cut in 0usize..70_000, at in 0usize..70_000, byte in any::<char>()) {
        let text = asset();
        let end = text.floor_char_boundary(cut.min(text.len()));
        let _ = AreaTable::parse(&text[..end]);
        let at = text.floor_char_boundary(at.min(text.len()));
        let altered = format!("{}{byte}{}", &text[..at], &text[at..]);
        if let Ok(t) = AreaTable::parse(&altered) {
            for query in ["leeds", "q", ""] {
                for i in t.search(query, 5) {
                    let _ = t.place_from(i, 1.0, true, String::new());
                    let _ = t.other_need_index(i);
                }
            }
        }
    }
}
