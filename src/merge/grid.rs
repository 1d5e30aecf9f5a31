//! The grid of a merge: which phases and rows there are, which survive a
//! deletion, and the text of every cell.
//!
//! A phase (or row) deleted on one side and left alone on the other is gone.
//! When the other side changed a cell of it, it stays (a deletion is easy to
//! repeat, an edit is not), and every cell the other side changed holds a
//! conflict: the deleting side's version is empty and its label says
//! `(deleted this phase)`. (A rename or a new mood alone keeps it too, as a
//! recorded choice: see `items`.)

use super::identity::Matching;
use super::lines::{ConflictStyle, Labels, Piece, Style, merge3, render};
use super::markers::lines;
use super::order::{BASE, Ident, OURS, THEIRS};
use crate::journey::{CellRef, Journey};

/// The three versions.
pub type Versions<'a> = [&'a Journey; 3];

/// Items (phases or rows) of the three versions, followed by identity. Items
/// both sides added under the same name are one item.
pub fn identities(base_len: usize, names: [&[String]; 3], ours: &Matching, theirs: &Matching) -> Vec<Ident> {
    let mut out: Vec<Ident> = (0..base_len).map(|b| [Some(b), ours.to_side[b], theirs.to_side[b]]).collect();
    for (s, to) in ours.to_base.iter().enumerate() {
        if to.is_none() {
            out.push([None, Some(s), None]);
        }
    }
    for (s, to) in theirs.to_base.iter().enumerate() {
        if to.is_some() {
            continue;
        }
        let same = out.iter().position(|id| {
            id[BASE].is_none() && id[THEIRS].is_none() && id[OURS].is_some_and(|o| names[OURS][o] == names[THEIRS][s])
        });
        match same {
            Some(i) => out[i][THEIRS] = Some(s),
            None => out.push([None, None, Some(s)]),
        }
    }
    out
}

/// One side's view of a cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SideCell<'a> {
    Text(&'a str),
    /// The side deleted the cell's phase (or row): the word says which.
    Deleted(&'static str),
}

/// The phases and rows of a merge, followed across the versions.
pub struct Grid<'a> {
    pub versions: Versions<'a>,
    pub phases: Vec<Ident>,
    pub rows: Vec<Ident>,
}

impl<'a> Grid<'a> {
    fn side_cell(&self, v: usize, p: &Ident, r: &Ident) -> SideCell<'a> {
        match (p[v], r[v]) {
            (Some(pi), Some(ri)) => SideCell::Text(self.versions[v].cell(CellRef::new(pi, ri))),
            _ if p[v].is_none() && p[BASE].is_some() => SideCell::Deleted("phase"),
            _ if r[v].is_none() && r[BASE].is_some() => SideCell::Deleted("row"),
            _ => SideCell::Text(""),
        }
    }

    fn base_cell(&self, p: &Ident, r: &Ident) -> &'a str {
        match (p[BASE], r[BASE]) {
            (Some(pi), Some(ri)) => self.versions[BASE].cell(CellRef::new(pi, ri)),
            _ => "",
        }
    }

    /// True when side `v` changed a cell of phase `p` and row `r`.
    fn changed(&self, v: usize, p: &Ident, r: &Ident) -> bool {
        matches!(self.side_cell(v, p, r), SideCell::Text(t) if t != self.base_cell(p, r))
    }

    /// Whether phase `p` (when `phase`) or row `p` is in the merge.
    pub fn kept(&self, item: &Ident, phase: bool) -> bool {
        let others = if phase { &self.rows } else { &self.phases };
        let changed_on =
            |v: usize| others.iter().any(|o| if phase { self.changed(v, item, o) } else { self.changed(v, o, item) });
        match *item {
            [None, _, _] | [_, Some(_), Some(_)] => true,
            [Some(_), None, None] => false,
            [Some(_), None, Some(_)] => changed_on(THEIRS),
            [Some(_), Some(_), None] => changed_on(OURS),
        }
    }

    /// The merged text of one cell, and what its conflicts are, if it has any.
    pub fn cell(&self, p: &Ident, r: &Ident, labels: &Labels) -> (String, Option<String>) {
        let base = self.base_cell(p, r);
        match (self.side_cell(OURS, p, r), self.side_cell(THEIRS, p, r)) {
            (SideCell::Text(o), SideCell::Text(t)) => {
                let (b, o, t) = (lines(base), lines(o), lines(t));
                let trim = labels.style != ConflictStyle::Diff3;
                let (text, n) = render(&merge3(&b, &o, &t, Style::Notes, trim), [&b, &o, &t], labels);
                let what = match n {
                    0 => None,
                    1 => Some("the same lines changed in two ways".to_owned()),
                    n => Some(format!("the same lines changed in two ways, in {n} places")),
                };
                (text, what)
            }
            (SideCell::Deleted(what), SideCell::Text(t)) => deleted_against(base, t, what, true, labels),
            (SideCell::Text(o), SideCell::Deleted(what)) => deleted_against(base, o, what, false, labels),
            (SideCell::Deleted(_), SideCell::Deleted(_)) => (base.to_owned(), None),
        }
    }
}

/// One side deleted the cell's phase or row; the other has `kept` in it.
fn deleted_against(
    base: &str,
    kept: &str,
    what: &str,
    ours_deleted: bool,
    labels: &Labels,
) -> (String, Option<String>) {
    if kept == base || kept.is_empty() {
        return (kept.to_owned(), None);
    }
    let k = lines(kept);
    let b = lines(base);
    let mut labels = labels.clone();
    let (piece, label, why) = if ours_deleted {
        (
            Piece::Conflict { ours: Vec::new(), base: b.clone(), theirs: k.clone() },
            &mut labels.ours,
            "deleted on ours, changed on theirs",
        )
    } else {
        (
            Piece::Conflict { ours: k.clone(), base: b.clone(), theirs: Vec::new() },
            &mut labels.theirs,
            "changed on ours, deleted on theirs",
        )
    };
    *label = format!("{label} (deleted this {what})");
    let (text, _) = render(&[piece], [&b, &k, &[]], &labels);
    (text, Some(format!("the {what} was {why}")))
}
