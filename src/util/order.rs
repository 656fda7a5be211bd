//! One stable sort for the whole app.
//!
//! Why: `slice::sort_by_key` is compiled again for every element type and key closure. Here
//! only the ranking is generic; the sort itself runs once, on `(rank, position)` pairs,
//! whatever is being sorted (docs/decisions/0003).
//!
//! ```
//! use angleshot::util::order::sort_by_rank;
//! let mut ids = vec![3u64, 1, 2];
//! sort_by_rank(&mut ids, |id| -i128::from(*id)); // newest (highest) first
//! assert_eq!(ids, [3, 2, 1]);
//! ```

/// Sorts `items` by `rank`, lowest first; items of equal rank keep their order.
pub fn sort_by_rank<T>(items: &mut Vec<T>, rank: impl Fn(&T) -> i128) {
    let mut order: Vec<(i128, usize)> = items
        .iter()
        .enumerate()
        .map(|(position, item)| (rank(item), position))
        .collect();
    sort_pairs(&mut order);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&(_, position)| slots.get_mut(position).and_then(Option::take)),
    );
}

/// Adds the `restored` items whose id `items` does not hold yet (they come oldest first, as
/// the database hands them), then orders everything newest (highest id) first.
pub fn merge_newest_first<T: Copy>(items: &mut Vec<T>, restored: &[T], id: impl Fn(&T) -> u64) {
    let known: Vec<u64> = items.iter().map(&id).collect();
    items.extend(
        restored
            .iter()
            .rev()
            .filter(|item| !known.contains(&id(item)))
            .copied(),
    );
    sort_by_rank(items, |item| -i128::from(id(item)));
}

/// A rank for a pair of `i32` keys compared first by `major`, then by `minor`.
pub fn pair_rank(major: i32, minor: i32) -> i128 {
    (i128::from(major) << 32) + i128::from(minor)
}

// Insertion sort: lists here are a few hundred items and mostly in order already (linear
// then), and it is far smaller in the wasm than `sort_unstable`. The position makes every
// pair distinct, so equal ranks keep their order.
#[inline(never)]
fn sort_pairs(order: &mut [(i128, usize)]) {
    for i in 1..order.len() {
        let mut j = i;
        while j > 0 && order[j - 1] > order[j] {
            order.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_ranks_keep_their_order() {
        let mut items = vec![(1, 'a'), (0, 'b'), (1, 'c'), (0, 'd')];
        sort_by_rank(&mut items, |(rank, _)| i128::from(*rank));
        assert_eq!(items, [(0, 'b'), (0, 'd'), (1, 'a'), (1, 'c')]);
    }

    #[test]
    fn pair_rank_orders_like_a_tuple() {
        let mut pairs = vec![(1, -5), (0, 7), (-1, i32::MAX), (1, -6), (0, i32::MIN)];
        let mut expected = pairs.clone();
        expected.sort();
        sort_by_rank(&mut pairs, |&(a, b)| pair_rank(a, b));
        assert_eq!(pairs, expected);
    }

    #[test]
    fn a_reversed_thousand_comes_out_in_order() {
        let mut ids: Vec<u64> = (0..1000).collect();
        sort_by_rank(&mut ids, |id| -i128::from(*id));
        assert!(ids.windows(2).all(|w| w[0] > w[1]));
        assert_eq!(ids.len(), 1000);
    }

    #[test]
    fn restored_items_join_newest_first_without_duplicates() {
        let mut shown = vec![7u64, 3];
        merge_newest_first(&mut shown, &[1, 3, 5, 9], |id| *id);
        assert_eq!(shown, [9, 7, 5, 3, 1]);
    }

    #[test]
    fn empty_and_single_lists_are_fine() {
        let mut empty: Vec<u8> = Vec::new();
        sort_by_rank(&mut empty, |b| i128::from(*b));
        assert!(empty.is_empty());
        let mut one = vec![5u8];
        sort_by_rank(&mut one, |b| i128::from(*b));
        assert_eq!(one, [5]);
    }
}
