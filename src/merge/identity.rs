//! Which phase (or row) of one version of a journey is which phase of
//! another: by name, and across a rename by evidence.
//!
//! A phase is matched by its name first. Of the phases left over on both
//! sides, a base phase and a side phase are the same phase renamed when
//! - their cells are identical and not all empty (wherever they stand), or
//! - they stand at the same place (the same index, or right after or before
//!   the same name-matched phase) and their cells are identical, or share at
//!   least half of their lines (renamed and edited at once).
//!
//! The best pairs are taken first: identical and in place, then identical,
//! then in place by most lines shared, then nearest. Rows are matched the same
//! way, comparing a row's cells across the phases.

use crate::journey::{CellRef, Journey};

/// How alike two phases (or two rows) are, by their cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Likeness {
    /// Every compared cell is equal.
    pub identical: bool,
    /// Some compared cell holds text.
    pub filled: bool,
    /// Lines found in both (per cell, counted once each).
    pub shared: usize,
    /// Lines of the larger of the two.
    pub total: usize,
}

impl Likeness {
    /// Compare cells pairwise.
    pub fn of<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Likeness {
        let mut like = Likeness { identical: true, ..Likeness::default() };
        let (mut left, mut right) = (0, 0);
        for (a, b) in pairs {
            like.identical &= a == b;
            like.filled |= !a.is_empty() || !b.is_empty();
            let (la, lb) = (super::markers::lines(a), super::markers::lines(b));
            left += la.len();
            right += lb.len();
            like.shared += la.len() + lb.len() - super::markers::union(&la, &lb).len();
        }
        like.total = left.max(right);
        like
    }

    fn similar(&self) -> bool {
        self.identical || (self.shared > 0 && 2 * self.shared >= self.total)
    }
}

/// Items of a base matched to the items of a side, both ways.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matching {
    /// For each base item, the same item in the side (`None`: not there).
    pub to_side: Vec<Option<usize>>,
    /// For each side item, the same item in the base (`None`: new).
    pub to_base: Vec<Option<usize>>,
}

impl Matching {
    fn link(&mut self, b: usize, s: usize) {
        self.to_side[b] = Some(s);
        self.to_base[s] = Some(b);
    }
}

/// Match items by exact name only.
pub fn by_name(base: &[String], side: &[String]) -> Matching {
    let mut m = Matching { to_side: vec![None; base.len()], to_base: vec![None; side.len()] };
    for (b, name) in base.iter().enumerate() {
        if let Some(s) = side.iter().position(|n| n == name) {
            m.link(b, s);
        }
    }
    m
}

/// Match items by name, then recognise renames by likeness and place.
pub fn by_name_and_content(base: &[String], side: &[String], like: impl Fn(usize, usize) -> Likeness) -> Matching {
    let named = by_name(base, side);
    let mut m = named.clone();
    let in_place = |b: usize, s: usize| {
        b == s
            || (b > 0 && s > 0 && named.to_side[b - 1] == Some(s - 1))
            || (b + 1 < base.len() && s + 1 < side.len() && named.to_side[b + 1] == Some(s + 1))
    };
    let mut candidates = Vec::new();
    for b in (0..base.len()).filter(|&b| named.to_side[b].is_none()) {
        for s in (0..side.len()).filter(|&s| named.to_base[s].is_none()) {
            let l = like(b, s);
            let place = in_place(b, s);
            if (l.identical && l.filled) || (place && l.similar()) {
                let rank = (l.identical && place, l.identical, place, l.shared, std::cmp::Reverse(b.abs_diff(s)));
                candidates.push((rank, b, s));
            }
        }
    }
    candidates.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    for (_, b, s) in candidates {
        if m.to_side[b].is_none() && m.to_base[s].is_none() {
            m.link(b, s);
        }
    }
    m
}

/// The phases and the rows of a base matched to those of a side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Correspondence {
    pub phases: Matching,
    pub rows: Matching,
}

fn names(items: impl Iterator<Item = String>) -> Vec<String> {
    items.collect()
}

/// Match the phases and rows of `side` to those of `base`. Rows are first
/// matched by name to compare phases; phases then decide the rows' renames.
pub fn correspond(base: &Journey, side: &Journey) -> Correspondence {
    let base_phases = names(base.phases().iter().map(|p| p.name.clone()));
    let side_phases = names(side.phases().iter().map(|p| p.name.clone()));
    let named_rows = by_name(base.rows(), side.rows());
    let phases = by_name_and_content(&base_phases, &side_phases, |b, s| {
        Likeness::of(
            named_rows
                .to_side
                .iter()
                .enumerate()
                .filter_map(|(r, to)| to.map(|r2| (base.cell(CellRef::new(b, r)), side.cell(CellRef::new(s, r2))))),
        )
    });
    let rows = by_name_and_content(base.rows(), side.rows(), |b, s| {
        Likeness::of(
            phases
                .to_side
                .iter()
                .enumerate()
                .filter_map(|(p, to)| to.map(|p2| (base.cell(CellRef::new(p, b)), side.cell(CellRef::new(p2, s))))),
        )
    });
    Correspondence { phases, rows }
}
