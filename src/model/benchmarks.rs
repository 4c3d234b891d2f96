//! Published references to set a scenario's WTE per 100,000 beside (issue
//! 9): England's NHS mental health workforce, WHO's Mental Health Atlas, and
//! the needs-based method of Bruckner et al. 2011. The figures and their
//! sources are data (`data/builtins/benchmarks.csv`), read here.

use super::compute::per_100k;
use super::csv_record::csv_record;
use super::{Results, Scenario};

const BENCHMARKS: &str = include_str!("../../data/builtins/benchmarks.csv");

/// How a reference's figure was arrived at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// As the source publishes it.
    Published,
    /// Worked out from published figures (a count over a population).
    Derived,
    /// Cited for its method; its own figures are not shown.
    NotShown,
}

/// One published reference.
#[derive(Clone, Debug, PartialEq)]
pub struct Benchmark {
    pub id: String,
    pub label: String,
    /// WTE (or workers) per 100,000 residents; `None` when not shown.
    pub per_100k: Option<f64>,
    /// "about", "more than", or empty.
    pub qualifier: String,
    /// Which staff it counts.
    pub counts: String,
    pub source: String,
    pub kind: Kind,
}

/// Every reference, in the file's order. Rows that cannot be read are
/// skipped (the tests check that none are).
pub fn benchmarks() -> Vec<Benchmark> {
    let (_, mut rest) = csv_record(BENCHMARKS);
    let mut out = Vec::new();
    while !rest.is_empty() {
        let (record, next) = csv_record(rest);
        rest = next;
        let [id, label, per_100k, qualifier, counts, source, kind] = record.as_slice() else {
            continue;
        };
        let kind = match kind.as_str() {
            "published" => Kind::Published,
            "derived" => Kind::Derived,
            "not_shown" => Kind::NotShown,
            _ => continue,
        };
        let per_100k = if per_100k.is_empty() {
            None
        } else {
            // The app's one float reader (serde_json's): the standard
            // library's would add its own 10 KB table to the WebAssembly.
            match crate::format::parse_decimal(per_100k) {
                Some(v) if v.is_finite() && v > 0.0 => Some(v),
                _ => continue,
            }
        };
        out.push(Benchmark {
            id: id.clone(),
            label: label.clone(),
            per_100k,
            qualifier: qualifier.clone(),
            counts: counts.clone(),
            source: source.clone(),
            kind,
        });
    }
    out
}

/// The scenario's own figures per 100,000 residents: (required WTE, staff
/// in post WTE). Both 0 for a scenario with no residents.
pub fn scenario_per_100k(scenario: &Scenario, results: &Results) -> (f64, f64) {
    let residents = scenario.total_population().total();
    (
        results.total.required_wte_per_100k,
        per_100k(results.total.in_post_wte, residents),
    )
}

/// What the comparison can and cannot say, in one paragraph.
pub const SCOPE: &str = "These figures count different things. The scenario counts only the service lines listed, in whole-time equivalents, for its own residents. England's figures count every member of staff of NHS mental health and learning disability providers, including learning disability, inpatient services the scenario may leave out, and non-clinical staff; WHO's count every paid mental health worker a country reports. A scenario below England's figure is expected and is not a surplus; one far above it is worth a second look at its inputs. Read them as orders of magnitude, not as targets.";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{compute, example_place};

    #[test]
    fn every_row_of_the_file_is_read_with_a_source() {
        let rows = benchmarks();
        let lines = BENCHMARKS.lines().filter(|l| !l.trim().is_empty()).count() - 1;
        assert_eq!(rows.len(), lines, "every row parses");
        for b in &rows {
            assert!(
                !b.label.is_empty() && !b.counts.is_empty() && b.source.len() > 40,
                "{b:?}"
            );
            assert_eq!(b.per_100k.is_none(), b.kind == Kind::NotShown, "{b:?}");
        }
        let england = rows.iter().find(|b| b.id == "england_nhs_2018").unwrap();
        // 183,476 FTE / 55,977,178 residents x 100,000.
        assert!((england.per_100k.unwrap() - 183_476.0 / 55_977_178.0 * 1e5).abs() < 0.05);
        let hee = rows.iter().find(|b| b.id == "england_hee_2017").unwrap();
        assert!((hee.per_100k.unwrap() - 194_000.0 / 55_619_430.0 * 1e5).abs() < 0.05);
        assert!(rows.iter().any(|b| b.id == "bruckner_2011"));
    }

    #[test]
    fn the_scenario_per_100k_is_its_totals_over_its_residents() {
        let s = example_place();
        let r = compute(&s);
        let (required, in_post) = scenario_per_100k(&s, &r);
        assert!((required - r.total.required_wte_per_100k).abs() < 1e-9);
        assert!((in_post - 560.0 / 500_000.0 * 1e5).abs() < 1e-9);
        let mut empty = s.clone();
        for place in &mut empty.places {
            place.population = crate::model::scenario::Population::NONE;
        }
        assert_eq!(scenario_per_100k(&empty, &compute(&empty)), (0.0, 0.0));
    }
}
