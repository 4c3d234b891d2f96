//! Fuzzing every decoder of outside input: scenario JSON (files, the API),
//! share links, stored state (the autosave and the saved scenarios), the area
//! asset, typed numbers, and what the page and its panels send each other. None may panic, and every refusal must be a
//! clear, short message.
//!
//! cargo-fuzz (libFuzzer) needs a nightly toolchain, which this project's
//! machines do not have, so this is the fallback the issue allows: a
//! mutation fuzzer over the seed corpus in `tests/fuzz-corpus/` (valid
//! scenarios of both versions, a saved-scenario list, an area sample,
//! hostile JSON), plus arbitrary bytes. Mutations: flipped, inserted and
//! deleted bytes, JSON tokens spliced in (`1e309`, `null`, `"\u0000"`,
//! brackets), duplicated and truncated ranges, and two seeds spliced
//! together. Deterministic (a fixed seed), bounded in time:
//! `FUZZ_SECONDS` per decoder (default 2; the test command runs 15).
//! A panicking input is written to `target/fuzz-crashes/` before the test
//! fails, so it can be added to the corpus once fixed.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use workforce_gap::format::parse_input;
use workforce_gap::io::areas::AreaTable;
use workforce_gap::io::share::{self, Fragment};
use workforce_gap::io::stored;
use workforce_gap::model::field::Unit;
use workforce_gap::model::{compute, parse_scenario, validate};
use workforce_gap::ui::runtime::bridge;

/// The longest message a refusal may give: it says what is wrong and where,
/// and never echoes a whole input back.
const MAX_MESSAGE: usize = 600;

fn corpus() -> Vec<Vec<u8>> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    let mut seeds: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .expect("tests/fuzz-corpus exists")
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    seeds.sort();
    assert!(seeds.len() >= 8, "the corpus has its seeds");
    seeds
}

/// xorshift64*: small, fast and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const TOKENS: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "null",
    "true",
    "1e309",
    "-0",
    "NaN",
    "\\u0000",
    "\"\\ud800\"",
    "18446744073709551616",
    "-1",
    "0.5",
    "\"version\":1",
    "\"version\":2",
    "\"places\":[]",
    "\"schema\":\"workforce-gap/scenario\"",
    "\u{feff}",
    "\n",
    "é",
    "\"need_index\":",
    "\"population\":{}",
    "\"ranges\":{\"x\":[1,0]}",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], input: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(6) {
        let len = input.len();
        match rng.below(8) {
            0 if len > 0 => {
                let i = rng.below(len);
                input[i] ^= 1 << rng.below(8);
            }
            1 => {
                let i = rng.below(len + 1);
                input.insert(i, rng.next() as u8);
            }
            2 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(64)).min(len);
                input.drain(start..end);
            }
            3 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let i = rng.below(len + 1);
                input.splice(i..i, token.iter().copied());
            }
            4 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(256)).min(len);
                let copy = input[start..end].to_vec();
                let at = rng.below(len + 1);
                input.splice(at..at, copy);
            }
            5 if len > 0 => input.truncate(rng.below(len)),
            6 => {
                let other = &seeds[rng.below(seeds.len())];
                let cut = rng.below(input.len() + 1);
                let from = rng.below(other.len() + 1);
                input.truncate(cut);
                input.extend_from_slice(&other[from..]);
            }
            _ => {
                // Arbitrary bytes.
                let n = rng.below(64);
                for _ in 0..n {
                    input.push(rng.next() as u8);
                }
            }
        }
    }
}

/// Run `check` on mutated inputs for the time budget; returns how many ran.
fn fuzz(name: &str, seed: u64, check: impl Fn(&str)) -> u64 {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2);
    let seeds = corpus();
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let mut runs = 0u64;
    // The seeds themselves first.
    let mut queue: Vec<Vec<u8>> = seeds.clone();
    queue.push(Vec::new());
    loop {
        let input = match queue.pop() {
            Some(seed) => seed,
            None => {
                let mut input = seeds[rng.below(seeds.len())].clone();
                mutate(&mut rng, &seeds, &mut input);
                input
            }
        };
        let text = String::from_utf8_lossy(&input).into_owned();
        let outcome = catch_unwind(AssertUnwindSafe(|| check(&text)));
        if let Err(panic) = outcome {
            let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-crashes");
            std::fs::create_dir_all(&dir).ok();
            let path = dir.join(format!("{name}-{runs}.txt"));
            std::fs::write(&path, &text).ok();
            std::panic::resume_unwind(panic_with_path(panic, &path));
        }
        runs += 1;
        if runs.is_multiple_of(64) && Instant::now() > deadline {
            break;
        }
    }
    println!("fuzz {name}: {runs} inputs in {seconds} s, no panic");
    runs
}

fn panic_with_path(
    panic: Box<dyn std::any::Any + Send>,
    path: &std::path::Path,
) -> Box<dyn std::any::Any + Send> {
    let what = panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_default();
    Box::new(format!("{what} (input saved to {})", path.display()))
}

fn clear(message: &str, input: &str) {
    assert!(!message.trim().is_empty(), "an empty message for {input:?}");
    assert!(
        message.chars().count() <= MAX_MESSAGE,
        "a message of {} characters for an input of {}: {}",
        message.chars().count(),
        input.len(),
        message.chars().take(200).collect::<String>()
    );
}

#[test]
fn scenario_json_never_panics_and_refuses_clearly() {
    let runs = fuzz("scenario", 0x5eed_0001, |text| match parse_scenario(text) {
        Ok(scenario) => {
            // Whatever opens can be checked, and if valid computed.
            let errors = validate(&scenario);
            for e in &errors {
                clear(&e.message, text);
            }
            if errors.is_empty() {
                let results = compute(&scenario);
                assert!(results.total.required_wte.is_finite());
            }
        }
        Err(e) => clear(&e.to_string(), text),
    });
    assert!(runs > 100);
}

#[test]
fn share_links_never_panic_and_refuse_clearly() {
    // Fuzz the link text itself, and links made from fuzzed JSON (so the
    // JSON reader is reached through the link too).
    let runs = fuzz("share", 0x5eed_0002, |text| {
        for fragment in [
            format!("#scenario={text}"),
            format!(
                "#{}{}",
                share::PREFIX,
                lz_str::compress_to_encoded_uri_component(text)
            ),
        ] {
            match share::decode(&fragment) {
                Fragment::Broken(message) => clear(&message, text),
                Fragment::Scenario(_) | Fragment::None => {}
            }
        }
    });
    assert!(runs > 100);
}

#[test]
fn stored_state_never_panics_and_refuses_clearly() {
    let runs = fuzz("stored", 0x5eed_0003, |text| {
        let (_, problems) = stored::decode_library(text);
        for p in &problems {
            clear(p, text);
        }
        if let Err(message) = stored::decode_current(text) {
            clear(&message, text);
        }
    });
    assert!(runs > 100);
}

#[test]
fn the_area_asset_reader_never_panics() {
    let runs = fuzz("areas", 0x5eed_0004, |text| {
        if let Err(message) = AreaTable::parse(text) {
            clear(&message, text);
        }
    });
    assert!(runs > 100);
}

#[test]
fn typed_numbers_never_panic_and_refuse_clearly() {
    let runs = fuzz("typed", 0x5eed_0005, |text| {
        for unit in [
            Unit::People,
            Unit::Percent,
            Unit::Money,
            Unit::Years,
            Unit::Index,
        ] {
            if let Err(message) = parse_input(text, unit) {
                // Typed text is quoted back only by its start.
                assert!(message.chars().count() <= 200, "{message}");
            }
        }
    });
    assert!(runs > 100);
}

#[test]
fn the_page_and_panel_messages_never_panic_and_refuse_clearly() {
    let runs = fuzz("bridge", 0x5eed_0006, |text| {
        if let Err(message) = bridge::decode_panel_action(text) {
            clear(&message, text);
        }
        if let Err(message) = bridge::decode_mirror(text) {
            clear(&message, text);
        }
    });
    assert!(runs > 100);
}

/// The staff import's readers (issue 16): the chunked CSV reader on the
/// mutated inputs as bytes, in chunks of every size from 1 up, the preview
/// of their first bytes, and the remembered mappings' decoder.
#[cfg(feature = "staff-import")]
#[test]
fn the_staff_import_readers_never_panic_and_refuse_clearly() {
    use workforce_gap::io::staff_import::aggregate::{csv_aggregate, csv_preview, Columns};
    use workforce_gap::io::staff_import::mapping::{decode_remembered, encode_remembered};
    let columns = Columns {
        role: 0,
        fte: 1,
        vacancies: Some(2),
        filter: Some(3),
    };
    let runs = fuzz("staff-import", 0x5eed_0007, |text| {
        let bytes = text.as_bytes();
        let chunk = 1 + bytes.len() % 97;
        match csv_aggregate(bytes, columns, chunk) {
            Ok(aggregate) => {
                let _ = aggregate.filter_values();
                let _ = aggregate.role_values(None);
            }
            Err(e) => clear(&e.to_string(), text),
        }
        if let Err(e) = csv_preview(bytes, bytes.len() % 2 == 0) {
            clear(&e.to_string(), text);
        }
        let remembered = decode_remembered(text);
        assert_eq!(
            decode_remembered(&encode_remembered(&remembered)),
            remembered
        );
    });
    assert!(runs > 100);
}
