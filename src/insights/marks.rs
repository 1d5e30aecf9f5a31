//! How many lines carry each mark (pain, opportunity, question, quote),
//! counted per cell so that a change to a few cells recounts only those.

use crate::journey::{CellRef, Journey, Mark};

/// The number of lines with each mark, in the order of [`Mark::ALL`].
pub type Counts = [usize; Mark::ALL.len()];

/// The mark counts of every cell, and their total.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarkCounts {
    rows: usize,
    /// Phase-major: the cell (p, r) is at `p * rows + r`.
    cells: Vec<Counts>,
    total: Counts,
}

fn count(text: &str) -> Counts {
    let mut counts = Counts::default();
    for line in text.lines() {
        if let Some(m) = Mark::of(line) {
            counts[m as usize] += 1;
        }
    }
    counts
}

impl MarkCounts {
    /// Count every cell of the journey.
    pub fn of(journey: &Journey) -> MarkCounts {
        let rows = journey.row_count();
        let cells: Vec<Counts> = journey.phases().iter().flat_map(|p| p.cells().iter().map(|c| count(c))).collect();
        let mut marks = MarkCounts { rows, cells, total: Counts::default() };
        marks.add_up();
        marks
    }

    /// Bring the counts up to date after only the text of these cells
    /// changed (the journey's shape is as it was).
    pub fn cells_changed(&mut self, journey: &Journey, changed: &[CellRef]) {
        if self.rows != journey.row_count() || self.cells.len() != self.rows * journey.phase_count() {
            *self = MarkCounts::of(journey);
            return;
        }
        for &at in changed {
            if let Some(slot) = self.cells.get_mut(at.phase * self.rows + at.row) {
                *slot = count(journey.cell(at));
            }
        }
        self.add_up();
    }

    fn add_up(&mut self) {
        self.total = Counts::default();
        for cell in &self.cells {
            for (t, n) in self.total.iter_mut().zip(cell) {
                *t += n;
            }
        }
    }

    /// How many lines carry each mark, in the order of [`Mark::ALL`].
    pub fn total(&self) -> Counts {
        self.total
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::Change;

    #[test]
    fn a_change_to_one_cell_gives_the_counts_of_a_full_count() {
        let mut j = Journey::new("", "", ["Need", "Message", "Systems"], ["A", "B"]);
        Change::SetCell { at: CellRef::new(0, 0), text: "! slow\n+ faster\n> quote".into() }.apply(&mut j).unwrap();
        let mut marks = MarkCounts::of(&j);
        assert_eq!(marks.total(), [1, 1, 0, 1]);
        let at = CellRef::new(1, 2);
        Change::SetCell { at, text: "? why\n! again".into() }.apply(&mut j).unwrap();
        marks.cells_changed(&j, &[at]);
        assert_eq!(marks, MarkCounts::of(&j));
        assert_eq!(marks.total(), [2, 1, 1, 1]);
    }
}
