//! `window.workforceGap`: the calculator's JavaScript API, for pages that
//! embed or script it. It comes with the panels module: the first time a
//! script asks for `window.workforceGap` it is `undefined` and starts the
//! load; a `workforce-gap-ready` event on `window` follows.
//!
//! ```js
//! window.addEventListener('workforce-gap-ready', () => {
//!   const r = window.workforceGap.compute(window.workforceGap.exampleScenario());
//!   if (r.ok) console.log(r.results.total.extra_wte); else console.table(r.errors);
//! });
//! ```
//! Every function takes a scenario as a plain object (or a JSON string) in
//! the contract's format and never throws on bad input: it answers
//! `{ ok: false, errors: [{ path, message }] }`.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::model::examples::example_place;
use crate::model::sensitivity::sensitivity;
use crate::model::uncertainty::uncertainty;
use crate::model::{compute, parse_scenario, validate, InputError, Scenario};

fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

#[derive(Serialize)]
struct Failure<'a> {
    ok: bool,
    errors: &'a [InputError],
}

pub fn failure(errors: &[InputError]) -> JsValue {
    to_js(&Failure { ok: false, errors })
}

/// `{ ok: true, <key>: body }`, or `{ ok: false, errors }`.
fn answer<T: Serialize>(key: &str, outcome: Result<T, Vec<InputError>>) -> JsValue {
    match outcome {
        Ok(body) => {
            let object = js_sys::Object::new();
            set(&object, "ok", &JsValue::TRUE);
            set(&object, key, &to_js(&body));
            object.into()
        }
        Err(errors) => failure(&errors),
    }
}

/// Read a scenario from a JS object or a JSON string. Objects go through
/// `JSON.stringify`, so there is one scenario decoder (text to
/// [`Scenario`]) in the whole app.
fn scenario_text(value: &JsValue) -> Result<String, Vec<InputError>> {
    match value.as_string() {
        Some(text) => Ok(text),
        None => js_sys::JSON::stringify(value)
            .ok()
            .and_then(|s| s.as_string())
            .ok_or_else(|| {
                vec![InputError::new(
                    "",
                    "The scenario must be a plain object or its JSON text.",
                )]
            }),
    }
}

fn read_scenario(value: &JsValue) -> Result<Scenario, Vec<InputError>> {
    parse_scenario(&scenario_text(value)?).map_err(|e| vec![InputError::new("", e.to_string())])
}

/// Read a scenario and check it: the scenario, or every problem with it.
fn read_valid(value: &JsValue) -> Result<Scenario, Vec<InputError>> {
    crate::model::validate::read_valid(&scenario_text(value)?)
}

/// `compute(scenario)`: `{ ok: true, results }` or `{ ok: false, errors }`.
pub fn js_compute(value: JsValue) -> JsValue {
    answer("results", read_valid(&value).map(|s| compute(&s)))
}

/// `validate(scenario)`: `{ ok, errors }` (ok is true when errors is empty).
pub fn js_validate(value: JsValue) -> JsValue {
    let errors = match read_scenario(&value) {
        Err(errors) => errors,
        Ok(scenario) => validate(&scenario),
    };
    #[derive(Serialize)]
    struct Body<'a> {
        ok: bool,
        errors: &'a [InputError],
    }
    to_js(&Body {
        ok: errors.is_empty(),
        errors: &errors,
    })
}

/// `sensitivity(scenario)`: `{ ok: true, rows }` sorted by swing.
pub fn js_sensitivity(value: JsValue) -> JsValue {
    answer("rows", read_valid(&value).map(|s| sensitivity(&s)))
}

/// `uncertainty(scenario, draws, seed)`: `{ ok: true, result }` with the
/// 10th, 50th and 90th percentiles.
pub fn js_uncertainty(value: JsValue, draws: JsValue, seed: JsValue) -> JsValue {
    // Undefined or null take the defaults; anything else must be a whole number.
    let number_or = |v: &JsValue, default: f64| {
        if v.is_undefined() || v.is_null() {
            Some(default)
        } else {
            v.as_f64()
        }
    };
    let max = crate::model::uncertainty::MAX_DRAWS as f64;
    let draws = match number_or(&draws, 10_000.0) {
        Some(d) if (1.0..=max).contains(&d) && d.fract() == 0.0 => d,
        _ => {
            return failure(&[InputError::new(
                "draws",
                format!(
                    "draws must be a whole number from 1 to {}.",
                    crate::format::people(max)
                ),
            )])
        }
    };
    let seed = match number_or(&seed, 1.0) {
        Some(s)
            if s.is_finite() && s >= 0.0 && s.fract() == 0.0 && s <= 9_007_199_254_740_991.0 =>
        {
            s
        }
        _ => {
            return failure(&[InputError::new(
                "seed",
                "seed must be a whole number, 0 or more.",
            )])
        }
    };
    answer(
        "result",
        read_valid(&value).and_then(|s| uncertainty(&s, draws as u32, seed as u64)),
    )
}

/// `benchmark(kind, iterations)`: times the model inside WebAssembly, with no
/// conversion to or from JavaScript, for comparing wasm with native
/// (`cargo bench --bench model` runs the same workloads). `kind` is
/// "compute" (Example place), "uncertainty" (10,000 draws of Example place
/// with six ranges) or "sensitivity". Answers `{ ok, kind, iterations,
/// total_ms, per_call_ms }`.
///
/// Only in the benchmark build (`--features bench-api`, made by
/// `scripts/bench.sh`): in the published app a page embedding the calculator
/// could otherwise ask for a million runs and freeze itself.
#[cfg(feature = "bench-api")]
pub fn js_benchmark(kind: JsValue, iterations: JsValue) -> JsValue {
    use std::hint::black_box;
    let Some(perf) = gloo::utils::window().performance() else {
        return failure(&[InputError::new(
            "",
            "This browser has no performance clock.",
        )]);
    };
    let n = match iterations.as_f64() {
        Some(n) if (1.0..=1_000_000.0).contains(&n) && n.fract() == 0.0 => n as u32,
        _ => {
            return failure(&[InputError::new(
                "iterations",
                "iterations must be a whole number from 1 to 1,000,000.",
            )])
        }
    };
    let kind = kind.as_string().unwrap_or_default();
    let example = example_place();
    let ranged = crate::model::examples::ranged_example();
    let start = perf.now();
    match kind.as_str() {
        "compute" => (0..n).for_each(|_| {
            black_box(compute(black_box(&example)));
        }),
        "uncertainty" => (0..n).for_each(|_| {
            let _ = black_box(uncertainty(black_box(&ranged), 10_000, 42));
        }),
        "sensitivity" => (0..n).for_each(|_| {
            black_box(sensitivity(black_box(&example)));
        }),
        _ => {
            return failure(&[InputError::new(
                "kind",
                "kind must be \"compute\", \"uncertainty\" or \"sensitivity\".",
            )])
        }
    }
    let total_ms = perf.now() - start;
    #[derive(Serialize)]
    struct Body {
        ok: bool,
        kind: String,
        iterations: u32,
        total_ms: f64,
        per_call_ms: f64,
    }
    to_js(&Body {
        ok: true,
        kind,
        iterations: n,
        total_ms,
        per_call_ms: total_ms / n as f64,
    })
}

fn set(target: &js_sys::Object, name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(name), value);
}

/// The API object. It lives in the panels module: the page publishes
/// `window.workforceGap` as a property that loads it the first time a
/// script asks for it (`ui::runtime::panel_host`), then announces it
/// with `workforce-gap-ready`.
pub fn api() -> js_sys::Object {
    let api = js_sys::Object::new();
    set(
        &api,
        "compute",
        &Closure::<dyn Fn(JsValue) -> JsValue>::new(js_compute).into_js_value(),
    );
    set(
        &api,
        "validate",
        &Closure::<dyn Fn(JsValue) -> JsValue>::new(js_validate).into_js_value(),
    );
    set(
        &api,
        "sensitivity",
        &Closure::<dyn Fn(JsValue) -> JsValue>::new(js_sensitivity).into_js_value(),
    );
    set(
        &api,
        "uncertainty",
        &Closure::<dyn Fn(JsValue, JsValue, JsValue) -> JsValue>::new(js_uncertainty)
            .into_js_value(),
    );
    #[cfg(feature = "bench-api")]
    set(
        &api,
        "benchmark",
        &Closure::<dyn Fn(JsValue, JsValue) -> JsValue>::new(js_benchmark).into_js_value(),
    );
    set(
        &api,
        "exampleScenario",
        &Closure::<dyn Fn() -> JsValue>::new(|| to_js(&example_place())).into_js_value(),
    );
    set(
        &api,
        "version",
        &JsValue::from_str(env!("CARGO_PKG_VERSION")),
    );
    set(
        &api,
        "scenarioVersion",
        &JsValue::from_f64(crate::model::scenario::CURRENT_VERSION as f64),
    );
    api
}

/// Test builds only (`--features test-hooks`): `window.workforceGapTest.panic()`
/// makes the page's WebAssembly panic, to prove the recovery message.
#[cfg(feature = "test-hooks")]
pub fn install_test_hooks() {
    let hooks = js_sys::Object::new();
    set(
        &hooks,
        "panic",
        &Closure::<dyn Fn()>::new(|| panic!("workforceGapTest.panic() was called")).into_js_value(),
    );
    set(gloo::utils::window().as_ref(), "workforceGapTest", &hooks);
}
