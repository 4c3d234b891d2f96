//! Seeded Monte Carlo over the scenario's `ranges`.
//!
//! `ranges` maps an input key ([`Field::key`]) to `[low, high]`:
//!
//! ```json
//! "ranges": { "need_index": [0.9, 1.3], "services.cmh.caseload_per_wte": [20, 35] }
//! ```
//!
//! Each draw samples every ranged input from a triangular distribution on
//! `[low, high]` whose mode is the scenario's own value (clamped into the
//! range): the user's number stays the most likely, and the range says how
//! far it could plausibly be off. Inputs are sampled independently. Each draw
//! recomputes total extra WTE, extra cost and the gap in the final
//! projection year; the answer is the 10th, 50th and 90th percentiles of
//! each (linear interpolation between order statistics).
//!
//! The random numbers come from xoshiro256** seeded through SplitMix64
//! (written out below, no crates): the same scenario, draws and seed give the
//! same answer on every machine.

use serde::Serialize;

use super::compute::{headline_with, joiners_needed_by_role, Headline, Required};
use super::field::Field;
use super::scenario::Scenario;
use super::validate::{validate, InputError};

/// Draws are capped at this many (memory is two f64 per draw per measure).
pub const MAX_DRAWS: u32 = 100_000;

/// The 10th, 50th and 90th percentiles of one output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Percentiles {
    pub p10: f64,
    pub p50: f64,
    pub p90: f64,
}

/// The result of an uncertainty run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Uncertainty {
    /// Draws made (the request, clamped to 1..=[`MAX_DRAWS`]).
    pub draws: u32,
    pub seed: u64,
    /// The ranged input keys, in the order they are sampled.
    pub ranged: Vec<String>,
    /// Total extra WTE today.
    pub extra_wte: Percentiles,
    /// Total extra cost a year.
    pub extra_cost: Percentiles,
    /// Gap in the final projection year (moved by leaver-rate, joiner and
    /// demand-growth ranges, which leave today's answer alone).
    pub final_gap_wte: Percentiles,
    /// Joiners a year, all roles, that close the gap by the final year.
    pub joiners_needed: Percentiles,
    /// Its 80th percentile: joiners a year that close the gap in 80% of the
    /// draws (an 80% chance, as far as the ranges go).
    pub joiners_needed_p80: f64,
    /// Each role's 80th percentile of joiners needed, in scenario order.
    /// Taken over at most [`ROLE_DRAWS`] role-draws (the first
    /// `ROLE_DRAWS / roles` draws), so memory stays bounded.
    pub roles_joiners_needed_p80: Vec<RoleQuantile>,
    /// The scenario's own answer, every input at its value.
    pub point: Point,
}

/// One role's quantile.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleQuantile {
    pub id: String,
    pub p80: f64,
}

/// At most this many role-draws are kept for the per-role percentiles.
pub const ROLE_DRAWS: usize = 2_000_000;

/// The point estimate the percentiles sit around.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Point {
    pub extra_wte: f64,
    pub extra_cost: f64,
    pub final_gap_wte: f64,
}

impl From<Headline> for Point {
    fn from(h: Headline) -> Point {
        Point {
            extra_wte: h.extra_wte,
            extra_cost: h.extra_cost,
            final_gap_wte: h.final_gap_wte,
        }
    }
}

/// SplitMix64: expands a 64-bit seed into xoshiro's state.
fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256** (Blackman and Vigna), a small fast generator.
#[derive(Clone, Debug)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut sm = seed;
        let s = [
            splitmix64(&mut sm),
            splitmix64(&mut sm),
            splitmix64(&mut sm),
            splitmix64(&mut sm),
        ];
        Rng { s }
    }

    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1), 53 random bits.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
}

/// A draw from the triangular distribution on `[low, high]` with `mode`
/// (already within the range), by inverting its distribution function.
pub fn triangular(low: f64, mode: f64, high: f64, u: f64) -> f64 {
    let width = high - low;
    if width.is_nan() || width <= 0.0 {
        return low;
    }
    let split = (mode - low) / width;
    let x = if u < split {
        low + (u * width * (mode - low)).sqrt()
    } else {
        high - ((1.0 - u) * width * (high - mode)).sqrt()
    };
    x.clamp(low, high)
}

/// The `q` quantile (0..=1) of sorted values, interpolating linearly between
/// order statistics (Hyndman and Fan type 7, as R and NumPy default to).
fn quantile(sorted: &[f64], q: f64) -> f64 {
    match sorted.len() {
        0 => f64::NAN,
        1 => sorted[0],
        n => {
            let h = (n - 1) as f64 * q;
            let i = h.floor() as usize;
            let j = (i + 1).min(n - 1);
            sorted[i] + (h - i as f64) * (sorted[j] - sorted[i])
        }
    }
}

/// The `k`-th smallest of `values` (0-based), leaving every value before it
/// no larger and every value after it no smaller: Hoare's quickselect with a
/// median-of-three pivot and a three-way partition (so runs of equal values
/// cost nothing). Linear time on average, and written out here because the
/// standard library's `select_nth_unstable` costs about 3 KB gzip in the
/// WebAssembly. Values must not be NaN (joiners needed never are).
fn select(values: &mut [f64], k: usize) -> f64 {
    let (mut lo, mut hi) = (0isize, values.len() as isize - 1);
    let k = k as isize;
    loop {
        if lo >= hi {
            return values[lo as usize];
        }
        let mid = lo + (hi - lo) / 2;
        let (a, b, c) = (
            values[lo as usize],
            values[mid as usize],
            values[hi as usize],
        );
        let pivot = a.max(b.min(c)).min(b.max(c));
        // values[lo..lt] < pivot, values[lt..i] == pivot, values[gt+1..=hi] > pivot.
        let (mut lt, mut i, mut gt) = (lo, lo, hi);
        while i <= gt {
            let v = values[i as usize];
            if v < pivot {
                values.swap(lt as usize, i as usize);
                lt += 1;
                i += 1;
            } else if v > pivot {
                values.swap(i as usize, gt as usize);
                gt -= 1;
            } else {
                i += 1;
            }
        }
        if k < lt {
            hi = lt - 1;
        } else if k > gt {
            lo = gt + 1;
        } else {
            return pivot;
        }
    }
}

/// [`quantile`] of values in any order, by selection (linear time) rather
/// than a sort: one per role per run, so it must be cheap. The same two
/// order statistics, so the same answer as sorting first.
fn quantile_unsorted(values: &mut [f64], q: f64) -> f64 {
    let n = values.len();
    if n < 2 {
        return values.first().copied().unwrap_or(f64::NAN);
    }
    let h = (n - 1) as f64 * q;
    let i = h.floor() as usize;
    let low = select(values, i);
    let high = values[i + 1..]
        .iter()
        .copied()
        .fold(f64::INFINITY, f64::min);
    let high = if high.is_finite() { high } else { low };
    low + (h - i as f64) * (high - low)
}

fn percentiles(values: &mut Vec<f64>) -> Percentiles {
    super::order::sort_by(values, f64::total_cmp);
    Percentiles {
        p10: quantile(values, 0.1),
        p50: quantile(values, 0.5),
        p90: quantile(values, 0.9),
    }
}

/// One ranged input, resolved.
struct Ranged {
    field: Field,
    low: f64,
    mode: f64,
    high: f64,
}

/// Run `draws` seeded Monte Carlo draws over the scenario's ranges. The
/// scenario (ranges included) must be valid; otherwise every problem is
/// returned, bad ranges at `ranges.<key>`. With no ranges every percentile
/// equals the point estimate. Same scenario, draws and seed: same answer.
pub fn uncertainty(
    scenario: &Scenario,
    draws: u32,
    seed: u64,
) -> Result<Uncertainty, Vec<InputError>> {
    let errors = validate(scenario);
    if !errors.is_empty() {
        return Err(errors);
    }
    let draws = draws.clamp(1, MAX_DRAWS);
    let mut ranged = Vec::with_capacity(scenario.ranges.len());
    for (key, &[low, high]) in &scenario.ranges {
        // validate() has checked the key resolves; skip defensively if not.
        let Some(field) = Field::from_key(scenario, key) else {
            continue;
        };
        let field = &field;
        let value = field.get(scenario).unwrap_or(low);
        ranged.push(Ranged {
            field: field.clone(),
            low,
            mode: value.clamp(low, high),
            high,
        });
    }

    let mut buffer = Required::default();
    let point = headline_with(scenario, &mut buffer);
    let n = draws as usize;
    let (mut wte, mut cost, mut gap, mut joiners) = (
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
        Vec::with_capacity(n),
    );
    let roles = scenario.roles.len();
    let role_draws = ROLE_DRAWS.checked_div(roles).unwrap_or(0).min(n);
    let mut by_role: Vec<Vec<f64>> = vec![Vec::with_capacity(role_draws); roles];
    // Each role's joiners needed (kept for the first `role_draws` draws),
    // and their sum, from the required WTE `headline_with` left in `buffer`.
    let mut record_joiners = |s: &Scenario, buffer: &Required, joiners: &mut Vec<f64>| {
        let keep = joiners.len() < role_draws;
        let mut total = 0.0;
        for (values, j) in by_role.iter_mut().zip(joiners_needed_by_role(s, buffer)) {
            total += j;
            if keep {
                values.push(j);
            }
        }
        joiners.push(total);
    };
    if ranged.is_empty() {
        wte.resize(n, point.extra_wte);
        cost.resize(n, point.extra_cost);
        gap.resize(n, point.final_gap_wte);
        record_joiners(scenario, &buffer, &mut joiners);
        let total = joiners[0];
        joiners.resize(n, total);
    } else {
        let mut rng = Rng::new(seed);
        let mut work = scenario.clone();
        for _ in 0..draws {
            for r in &ranged {
                let x = triangular(r.low, r.mode, r.high, rng.next_f64());
                r.field.set(&mut work, x);
            }
            let h = headline_with(&work, &mut buffer);
            wte.push(h.extra_wte);
            cost.push(h.extra_cost);
            gap.push(h.final_gap_wte);
            record_joiners(&work, &buffer, &mut joiners);
        }
    }
    let joiners_needed = percentiles(&mut joiners);
    let joiners_needed_p80 = quantile(&joiners, 0.8);
    let roles_joiners_needed_p80 = scenario
        .roles
        .iter()
        .zip(by_role.iter_mut())
        .map(|(role, values)| RoleQuantile {
            id: role.id.clone(),
            p80: quantile_unsorted(values, 0.8),
        })
        .collect();

    Ok(Uncertainty {
        draws,
        seed,
        ranged: ranged
            .iter()
            .filter_map(|r| r.field.key(scenario))
            .collect(),
        extra_wte: percentiles(&mut wte),
        extra_cost: percentiles(&mut cost),
        final_gap_wte: percentiles(&mut gap),
        joiners_needed,
        joiners_needed_p80,
        roles_joiners_needed_p80,
        point: point.into(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::examples::{example_place, ranged_example};

    #[test]
    fn selection_gives_the_same_quantile_as_sorting() {
        let mut rng = Rng::new(5);
        for n in [1usize, 2, 3, 10, 101, 1000] {
            // Many repeats too (a role whose joiners needed no range moves).
            let values: Vec<f64> = (0..n)
                .map(|i| {
                    if i % 3 == 0 {
                        7.0
                    } else {
                        (rng.next_f64() * 100.0).floor()
                    }
                })
                .collect();
            let mut sorted = values.clone();
            sorted.sort_by(f64::total_cmp);
            for q in [0.0, 0.1, 0.5, 0.8, 0.9, 1.0] {
                let mut v = values.clone();
                assert_eq!(
                    quantile_unsorted(&mut v, q),
                    quantile(&sorted, q),
                    "n {n} q {q}"
                );
            }
        }
    }

    /// Issue 9: the joiners needed for an 80% chance of closing the gap.
    #[test]
    fn joiners_needed_percentiles_match_the_model_and_order() {
        use crate::model::compute;
        // No ranges: every percentile is the model's own figure, per role too.
        let s = example_place();
        let r = compute(&s);
        let u = uncertainty(&s, 50, 1).unwrap();
        let total: f64 = r.roles.iter().map(|x| x.joiners_needed).sum();
        assert!((u.joiners_needed_p80 - total).abs() < 1e-9 * total.max(1.0));
        assert!((u.joiners_needed.p50 - total).abs() < 1e-9 * total.max(1.0));
        assert_eq!(u.roles_joiners_needed_p80.len(), r.roles.len());
        for (q, role) in u.roles_joiners_needed_p80.iter().zip(&r.roles) {
            assert_eq!(q.id, role.id);
            assert_eq!(q.p80, role.joiners_needed, "{} is bit for bit", role.id);
        }
        // With ranges: the 80th percentile sits between the median and the
        // 90th, and is repeatable.
        let ranged = ranged_example();
        let a = uncertainty(&ranged, 3_000, 9).unwrap();
        assert!(a.joiners_needed.p50 <= a.joiners_needed_p80);
        assert!(a.joiners_needed_p80 <= a.joiners_needed.p90);
        assert!(
            a.joiners_needed.p10 < a.joiners_needed.p90,
            "the ranges move it"
        );
        assert_eq!(a, uncertainty(&ranged, 3_000, 9).unwrap());
        for q in &a.roles_joiners_needed_p80 {
            assert!(q.p80.is_finite() && q.p80 >= 0.0, "{}: {}", q.id, q.p80);
        }
    }

    #[test]
    fn same_seed_same_answer() {
        let s = ranged_example();
        let a = uncertainty(&s, 2_000, 42).unwrap();
        let b = uncertainty(&s, 2_000, 42).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.draws, 2_000);
        assert_eq!(a.seed, 42);
        assert_eq!(a.ranged.len(), 6);
    }

    #[test]
    fn different_seed_differs() {
        let s = ranged_example();
        let a = uncertainty(&s, 2_000, 1).unwrap();
        let b = uncertainty(&s, 2_000, 2).unwrap();
        assert_ne!(a.extra_wte, b.extra_wte);
        // ... but not by much: 2,000 draws pin the median down.
        assert!((a.extra_wte.p50 - b.extra_wte.p50).abs() < 0.05 * a.extra_wte.p50);
    }

    #[test]
    fn percentiles_are_ordered_and_straddle_the_point() {
        let u = uncertainty(&ranged_example(), 5_000, 7).unwrap();
        for p in [u.extra_wte, u.extra_cost, u.final_gap_wte] {
            assert!(p.p10 <= p.p50 && p.p50 <= p.p90, "{p:?}");
            assert!(p.p10 < p.p90, "{p:?}");
        }
        assert!(u.extra_wte.p10 < u.point.extra_wte && u.point.extra_wte < u.extra_wte.p90);
    }

    #[test]
    fn no_ranges_gives_the_point_estimate() {
        let s = example_place();
        let u = uncertainty(&s, 500, 3).unwrap();
        let r = crate::model::compute(&s);
        for (p, point) in [
            (u.extra_wte, r.total.extra_wte),
            (u.extra_cost, r.total.extra_cost),
            (u.final_gap_wte, r.projection.last().unwrap().gap_wte),
        ] {
            assert_eq!(p.p10, p.p50);
            assert_eq!(p.p50, p.p90);
            assert!((p.p50 - point).abs() <= 1e-9 * point.abs().max(1.0));
        }
        assert!(u.ranged.is_empty());
    }

    #[test]
    fn a_point_range_is_no_uncertainty() {
        let mut s = example_place();
        s.ranges.insert("need_index", [1.0, 1.0]);
        let u = uncertainty(&s, 100, 3).unwrap();
        assert_eq!(u.extra_wte.p10, u.extra_wte.p90);
    }

    #[test]
    fn bad_ranges_are_reported_at_their_key() {
        let mut s = example_place();
        s.ranges.insert("need_index", [1.3, 0.8]);
        s.ranges.insert("services.nowhere.prevalence", [0.1, 0.2]);
        s.ranges.insert("working_time.sickness_rate", [0.02, 1.5]);
        s.ranges
            .insert("services.cmh.caseload_per_wte", [f64::NAN, 30.0]);
        s.ranges
            .insert("services.cmh.role_mix.mh_nurse", [0.3, 0.5]);
        let errors = uncertainty(&s, 100, 1).unwrap_err();
        let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "ranges.need_index",
                "ranges.services.cmh.caseload_per_wte",
                "ranges.services.cmh.role_mix.mh_nurse",
                "ranges.services.nowhere.prevalence",
                "ranges.working_time.sickness_rate",
            ]
        );
    }

    #[test]
    fn draws_are_clamped() {
        let s = ranged_example();
        assert_eq!(uncertainty(&s, 0, 1).unwrap().draws, 1);
        let one = uncertainty(&s, 1, 1).unwrap();
        assert_eq!(one.extra_wte.p10, one.extra_wte.p90);
    }

    #[test]
    fn triangular_stays_in_range_and_peaks_at_the_mode() {
        let mut rng = Rng::new(9);
        let (mut below, n) = (0, 20_000);
        for _ in 0..n {
            let x = triangular(0.0, 0.25, 1.0, rng.next_f64());
            assert!((0.0..=1.0).contains(&x));
            if x < 0.25 {
                below += 1;
            }
        }
        // P(X < mode) = (mode - low) / (high - low) = 25%.
        let share = below as f64 / n as f64;
        assert!((share - 0.25).abs() < 0.02, "{share}");
        assert_eq!(triangular(2.0, 2.0, 2.0, 0.7), 2.0);
        assert_eq!(triangular(0.0, 0.0, 1.0, 0.0), 0.0);
    }

    #[test]
    fn xoshiro_matches_its_reference_sequence() {
        // SplitMix64 from seed 0 (Vigna's reference values).
        let mut sm = 0u64;
        assert_eq!(splitmix64(&mut sm), 0xE220_A839_7B1D_CDAF);
        assert_eq!(splitmix64(&mut sm), 0x6E78_9E6A_A1B9_65F4);
        let mut rng = Rng::new(0);
        let first: Vec<u64> = (0..3).map(|_| rng.next_u64()).collect();
        let mut again = Rng::new(0);
        assert_eq!(first, (0..3).map(|_| again.next_u64()).collect::<Vec<_>>());
        let u = Rng::new(5).next_f64();
        assert!((0.0..1.0).contains(&u));
    }

    #[test]
    fn quantiles_interpolate() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(quantile(&v, 0.5), 3.0);
        assert!((quantile(&v, 0.1) - 1.4).abs() < 1e-12);
        assert!((quantile(&v, 0.9) - 4.6).abs() < 1e-12);
    }
}
