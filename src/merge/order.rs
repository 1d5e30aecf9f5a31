//! The order of the merged phases (or rows).
//!
//! A side "moved" items when the items both sides kept stand in another order
//! there than in the base. The order of the side that moved is taken (ours
//! when both did, and then the merge says so). Items only one side has (added
//! there, or kept although the other side deleted them) are then put right
//! after the item they follow on their side; at the same place ours come
//! first.

/// An item (phase or row) followed across the versions: its index in the
/// base, ours and theirs (`None`: not in that version).
pub type Ident = [Option<usize>; 3];

pub const BASE: usize = 0;
pub const OURS: usize = 1;
pub const THEIRS: usize = 2;

/// The items of one version (among `keep`), in that version's order.
fn sequence(idents: &[Ident], keep: &[usize], version: usize) -> Vec<usize> {
    let mut seq: Vec<usize> = keep.iter().copied().filter(|&i| idents[i][version].is_some()).collect();
    seq.sort_by_key(|&i| idents[i][version]);
    seq
}

/// The items of `placed` that stand elsewhere than in the base order.
fn moved(idents: &[Ident], placed: &[usize]) -> Vec<usize> {
    let mut base = placed.to_vec();
    base.sort_by_key(|&i| idents[i][BASE]);
    let mut out = Vec::new();
    for op in super::lines::diff_ops(&base, placed) {
        let (tag, _, new) = op.as_tag_tuple();
        if tag != similar::DiffTag::Equal {
            out.extend_from_slice(&placed[new]);
        }
    }
    out
}

/// The merged order of the kept items (indices into `idents`), and whether
/// both sides moved items differently (then ours' order was taken).
///
/// An item only one side has goes right after the item it follows there,
/// unless that one was moved: then right before the item it precedes there
/// (or at the start or end, where it stands).
pub fn merge_order(idents: &[Ident], keep: &[usize]) -> (Vec<usize>, bool) {
    let common: Vec<usize> = keep.iter().copied().filter(|&i| idents[i].iter().all(Option::is_some)).collect();
    let [base, ours, theirs] = [BASE, OURS, THEIRS].map(|v| sequence(idents, &common, v));
    let ours_moved = ours != base;
    let both_moved = ours_moved && theirs != base && ours != theirs;
    let primary = if ours_moved { OURS } else { THEIRS };
    let from_base: Vec<usize> = keep.iter().copied().filter(|&i| idents[i][BASE].is_some()).collect();
    let mut placed = sequence(idents, &from_base, primary);
    let moved = moved(idents, &placed);
    for side in [OURS, THEIRS] {
        let seq = sequence(idents, keep, side);
        for (k, &item) in seq.iter().enumerate() {
            if placed.contains(&item) {
                continue;
            }
            let position = |p: &usize| placed.iter().position(|x| x == p);
            let before = seq[..k].iter().rev().find_map(position);
            let after = seq[k + 1..].iter().find_map(position);
            let mut at = match (before, after) {
                (Some(b), _) if !moved.contains(&placed[b]) => b + 1,
                (_, Some(a)) if !moved.contains(&placed[a]) => a,
                (None, _) => 0,
                (Some(_), None) => placed.len(),
                (Some(b), Some(_)) => b + 1,
            };
            // At the same place, what ours added comes before what theirs added.
            while side == THEIRS && at < placed.len() && idents[placed[at]][THEIRS].is_none() {
                at += 1;
            }
            placed.insert(at, item);
        }
    }
    (placed, both_moved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn order(idents: &[Ident]) -> Vec<usize> {
        let keep: Vec<usize> = (0..idents.len()).collect();
        merge_order(idents, &keep).0
    }

    #[test]
    fn additions_of_both_sides_after_the_same_item_come_ours_first() {
        // Base A B; ours adds X after A; theirs adds Y after A.
        let idents =
            [[Some(0), Some(0), Some(0)], [Some(1), Some(2), Some(2)], [None, Some(1), None], [None, None, Some(1)]];
        assert_eq!(order(&idents), [0, 2, 3, 1]);
    }

    #[test]
    fn a_move_on_one_side_is_kept() {
        // Base A B C; theirs moves C first; ours adds X at the end.
        let idents = [
            [Some(0), Some(0), Some(1)],
            [Some(1), Some(1), Some(2)],
            [Some(2), Some(2), Some(0)],
            [None, Some(3), None],
        ];
        assert_eq!(order(&idents), [2, 0, 1, 3]);
    }
}
