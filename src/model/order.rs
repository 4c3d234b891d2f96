//! Stable sorting through one copy of the sort algorithm.
//!
//! `slice::sort_by` is generic over the element type and the comparison, so
//! every call site with its own closure adds another copy of the sort to the
//! WebAssembly (about 3 KB each). Every sort in the app goes through
//! [`sort_by`], which sorts positions with one non-generic comparison and
//! then moves the items into place: one copy, whatever is sorted.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives them (stable).
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Sort `items` stably by `compare`, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    // Each position appears exactly once, so every slot is taken once.
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        let mut pairs: Vec<(u8, usize)> = [3u8, 1, 2, 1, 3, 0, 2, 1]
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i))
            .collect();
        let mut expected = pairs.clone();
        expected.sort_by_key(|a| a.0);
        sort_by(&mut pairs, |a, b| a.0.cmp(&b.0));
        assert_eq!(pairs, expected);
        assert_eq!(
            pairs.iter().map(|p| p.1).collect::<Vec<_>>(),
            [5, 1, 3, 7, 2, 6, 0, 4]
        );
    }

    #[test]
    fn sorts_empty_and_single_lists() {
        let mut empty: Vec<f64> = Vec::new();
        sort_by(&mut empty, f64::total_cmp);
        assert!(empty.is_empty());
        let mut one = vec!["only".to_string()];
        sort_by(&mut one, |a, b| a.cmp(b));
        assert_eq!(one, ["only"]);
    }
}
