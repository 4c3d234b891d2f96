//! Stable sorting through one copy of the sort algorithm.
//!
//! `slice::sort_by` is generic over the element type and the comparison, so
//! every call site with its own closure adds another copy of the sort to the
//! WebAssembly (about 3 KB each). Every sort in the app goes through
//! [`sort_by`], which sorts positions with one non-generic comparison and
//! then moves the items into place: one copy, whatever is sorted.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives them (stable).
///
/// A bottom-up merge sort of our own: runs of 1, 2, 4, ... positions are
/// merged pairwise, the left run first on ties. The standard library's
/// stable sort is faster on large inputs but is about 4 KB of WebAssembly;
/// the app sorts at most tens of thousands of numbers (uncertainty draws).
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    let mut merged = positions.clone();
    let mut width = 1;
    while width < len {
        let mut start = 0;
        while start < len {
            let mid = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, mid);
            for slot in &mut merged[start..end] {
                let take_left = left < mid
                    && (right >= end || compare(positions[left], positions[right]).is_le());
                if take_left {
                    *slot = positions[left];
                    left += 1;
                } else {
                    *slot = positions[right];
                    right += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut positions, &mut merged);
        width *= 2;
    }
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
    fn sorts_any_list_as_the_standard_library_does() {
        // Lengths around powers of two, with many ties and none.
        let mut seed = 12345u64;
        for len in [2usize, 3, 5, 8, 9, 16, 17, 31, 100, 1000, 4097] {
            for spread in [3u64, 1_000_000] {
                let mut items: Vec<(u64, usize)> = (0..len)
                    .map(|i| {
                        seed = seed
                            .wrapping_mul(6364136223846793005)
                            .wrapping_add(1442695040888963407);
                        ((seed >> 33) % spread, i)
                    })
                    .collect();
                let mut expected = items.clone();
                expected.sort_by_key(|a| a.0);
                sort_by(&mut items, |a, b| a.0.cmp(&b.0));
                assert_eq!(items, expected, "len {len}, spread {spread}");
            }
        }
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
