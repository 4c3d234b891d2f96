//! criterion benchmarks for the model. Run: cargo bench --bench model
//! (or `-- --quick` for a fast check).
use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
#[cfg(feature = "workbook")]
use workforce_gap::io::workbook;
use workforce_gap::model::examples::ranged_example;
use workforce_gap::model::{compute, example_place, sensitivity, uncertainty};

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

    // The Excel workbook of the ranged example (formulas, register,
    // uncertainty and sensitivity sheets, zipped).
    #[cfg(feature = "workbook")]
    let meta = workbook::Meta {
        app_version: "bench".into(),
        exported_on: "2026-11-26".into(),
    };
    #[cfg(feature = "workbook")]
    c.bench_function("workbook/ranged_example", |b| {
        b.iter(|| {
            workbook::workbook(black_box(&ranged), &meta, workbook::Options::default())
                .expect("valid")
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
