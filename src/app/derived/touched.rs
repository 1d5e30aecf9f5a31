//! What the changes since the checks last ran touched: only the text of
//! some cells (the checks then redo only what those cells can change, see
//! `checks::Checker`), or anything else (they check everything again).

use crate::journey::{CellRef, Change};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Touched {
    /// No change went through `App::change`, undo or redo.
    #[default]
    Nothing,
    /// Only the text of these cells changed.
    Cells(Vec<CellRef>),
    /// Something else may have changed.
    Anything,
}

impl Touched {
    /// Note a change that is being applied.
    pub fn note(&mut self, change: &Change) {
        let mut cells = match std::mem::take(self) {
            Touched::Nothing => Vec::new(),
            Touched::Cells(cells) => cells,
            Touched::Anything => return *self = Touched::Anything,
        };
        *self = if set_cells(change, &mut cells) { Touched::Cells(cells) } else { Touched::Anything };
    }
}

/// Add the cells a change sets to `cells`; false when it changes anything else.
fn set_cells(change: &Change, cells: &mut Vec<CellRef>) -> bool {
    match change {
        Change::SetCell { at, .. } => {
            if !cells.contains(at) {
                cells.push(*at);
            }
            true
        }
        Change::Batch(changes) => changes.iter().all(|c| set_cells(c, cells)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(phase: usize) -> Change {
        Change::SetCell { at: CellRef::new(phase, 0), text: "x".into() }
    }

    #[test]
    fn cell_edits_are_collected_and_anything_else_means_everything() {
        let mut t = Touched::default();
        t.note(&set(1));
        t.note(&Change::Batch(vec![set(2), set(1)]));
        assert_eq!(t, Touched::Cells(vec![CellRef::new(1, 0), CellRef::new(2, 0)]));
        t.note(&Change::RenamePhase { at: 0, name: "N".into() });
        assert_eq!(t, Touched::Anything);
        t.note(&set(3));
        assert_eq!(t, Touched::Anything, "stays until the checks ran");
        let mut t = Touched::default();
        t.note(&Change::Batch(vec![set(2), Change::SetTitle("T".into())]));
        assert_eq!(t, Touched::Anything);
    }
}
