//! Importing staff in post (issue 16): a 200 MB CSV in the layout of NHS
//! Workforce Statistics' 'staff excluding medical' file, generated a chunk
//! at a time (never held whole), read by the chunked reader in 4 MB chunks
//! as the page reads a `File.slice`. Prints MB/s and the process's peak
//! resident memory (Linux's VmHWM), which stays near the chunk size, not
//! the file's. `SIZE_MB` sets the size. Run by scripts/bench.sh:
//!
//!     cargo bench --bench staff_import --features staff-import

use std::time::Instant;

use workforce_gap::io::staff_import::aggregate::{Columns, CsvImport};

const CHUNK: usize = 4 << 20;

const GROUPS: [&str; 8] = [
    "Nurses & health visitors",
    "Support to doctors, nurses & midwives",
    "Scientific, therapeutic & technical staff",
    "Central functions",
    "Hotel, property & estates",
    "Senior managers",
    "Managers",
    "Ambulance staff",
];
const SETTINGS: [&str; 4] = ["Mental health", "Acute", "Community", "Other"];

/// The next `CHUNK` bytes or so of the generated file, from row `row` on.
fn chunk(row: &mut u64, out: &mut String) {
    out.clear();
    while out.len() < CHUNK {
        let r = *row;
        *row += 1;
        let group = GROUPS[(r % 8) as usize];
        let setting = SETTINGS[(r / 8 % 4) as usize];
        let org = r / 32 % 220;
        let band = 2 + r % 8;
        let fte = (r % 97) as f64 / 10.0;
        out.push_str(&format!(
            "2025-06,North East and Yorkshire,West Yorkshire,Organisation {org} NHS Trust,Professionally qualified clinical staff,\"{group}\",\"{group}\",{setting},Organisation,Band {band},{fte}\n"
        ));
    }
}

fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` passes nothing
    // and wants a quick run.
    let quick = !std::env::args().any(|a| a == "--bench");
    let size_mb: usize = std::env::var("SIZE_MB")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(if quick { 8 } else { 200 });
    let target = size_mb * 1_000_000;
    let header = "Period,NHSE_Region_Name,ICS name,Org name,Main Staff Group,Staff Group 1,Staff Group 2,Care Setting,Level,AfC Band,FTE\n";
    let columns = Columns {
        role: 5,
        fte: 10,
        vacancies: None,
        filter: Some(7),
    };
    let before = peak_memory_kb();
    let mut import = CsvImport::new(columns);
    import.feed(header.as_bytes()).expect("the header");
    let (mut row, mut text, mut read, mut generating) = (0u64, String::new(), 0usize, 0f64);
    let start = Instant::now();
    while read < target {
        let made = Instant::now();
        chunk(&mut row, &mut text);
        generating += made.elapsed().as_secs_f64();
        import.feed(text.as_bytes()).expect("a generated chunk");
        read += text.len();
    }
    let aggregate = import.finish().expect("the generated file");
    let seconds = start.elapsed().as_secs_f64() - generating;
    assert_eq!(aggregate.rows, row);
    assert_eq!(aggregate.groups.len(), GROUPS.len() * SETTINGS.len());
    let mb = read as f64 / 1e6;
    println!(
        "staff import: {mb:.0} MB CSV ({} rows, {} role x filter values) in {CHUNK_MB} MB chunks: {:.2} s reading, {:.0} MB/s",
        aggregate.rows,
        aggregate.groups.len(),
        seconds,
        mb / seconds,
        CHUNK_MB = CHUNK >> 20
    );
    if let (Some(before), Some(peak)) = (before, peak_memory_kb()) {
        println!(
            "staff import: peak resident memory {:.1} MB (before the import {:.1} MB; the generator's chunk is {} MB of it)",
            peak as f64 / 1024.0,
            before as f64 / 1024.0,
            CHUNK >> 20
        );
    }
}
