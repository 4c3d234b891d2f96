//! criterion benchmarks for the model. Run: cargo bench --bench model
//! (or `-- --quick` for a fast check).
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use workforce_gap::model::{compute, example_place, sensitivity, uncertainty, Scenario};

/// Example place with six uncertainty ranges, as a user might set them.
fn ranged_example() -> Scenario {
    let mut s = example_place();
    for (key, range) in [
        ("need_index", [0.8, 1.3]),
        ("working_time.non_clinical_share", [0.2, 0.4]),
        ("services.cmh.caseload_per_wte", [18.0, 35.0]),
        ("services.talking_li.target_coverage", [0.18, 0.3]),
        ("services.acute_beds.length_of_stay_days", [30.0, 45.0]),
        ("roles.mh_nurse.leaver_rate", [0.09, 0.15]),
    ] {
        s.ranges.insert(key.to_string(), range);
    }
    s
}

fn bench(c: &mut Criterion) {
    let example = example_place();
    c.bench_function("compute/example_place", |b| {
        b.iter(|| compute(black_box(&example)))
    });

    let ranged = ranged_example();
    c.bench_function("uncertainty/10000_draws", |b| {
        b.iter(|| uncertainty(black_box(&ranged), 10_000, 42).expect("valid"))
    });

    c.bench_function("sensitivity/example_place", |b| {
        b.iter(|| sensitivity(black_box(&example)))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
