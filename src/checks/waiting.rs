//! Which Organization and Systems rows wait for the organisation's side
//! (see `Grid::waits`), kept cell by cell for [`super::Checker`]: whether
//! the notes come from interviews, and which of those rows are empty.

use super::grid::names_a_source;
use crate::journey::{CellRef, Journey, Role};

pub(super) struct Waiting {
    /// Rows in the grid.
    width: usize,
    inbox: bool,
    /// Per cell (phase-major): it names a `@source`; it has text.
    sourced: Vec<bool>,
    filled: Vec<bool>,
    sourced_cells: usize,
    /// The Organization and Systems rows, and how many of their cells have text.
    inside: Vec<(usize, usize)>,
    /// The rows that wait now.
    pub rows: Vec<usize>,
}

impl Waiting {
    pub fn new(journey: &Journey) -> Self {
        let width = journey.row_count();
        let texts =
            || journey.phases().iter().flat_map(|p| (0..width).map(|r| p.cells().get(r).map_or("", String::as_str)));
        let sourced: Vec<bool> = texts().map(names_a_source).collect();
        let filled: Vec<bool> = texts().map(|t| !t.trim().is_empty()).collect();
        let inside = [Role::Organization, Role::Systems].into_iter().filter_map(|role| journey.row_with_role(role));
        let inside = inside.map(|r| (r, filled.iter().skip(r).step_by(width.max(1)).filter(|f| **f).count())).collect();
        let sourced_cells = sourced.iter().filter(|s| **s).count();
        let mut waiting =
            Self { width, inbox: !journey.inbox.is_empty(), sourced, filled, sourced_cells, inside, rows: Vec::new() };
        waiting.rows = waiting.find();
        waiting
    }

    fn find(&self) -> Vec<usize> {
        if !self.inbox && self.sourced_cells == 0 {
            return Vec::new();
        }
        self.inside.iter().filter(|(_, filled)| *filled == 0).map(|(r, _)| *r).collect()
    }

    /// Note the cells' new texts; true when the same rows still wait.
    pub fn note(&mut self, journey: &Journey, cells: &[CellRef]) -> bool {
        for &at in cells {
            let (i, text) = (at.phase * self.width + at.row, journey.cell(at));
            let sourced = names_a_source(text);
            if sourced != self.sourced[i] {
                self.sourced[i] = sourced;
                self.sourced_cells = if sourced { self.sourced_cells + 1 } else { self.sourced_cells - 1 };
            }
            let filled = !text.trim().is_empty();
            if filled != self.filled[i] {
                self.filled[i] = filled;
                for (_, count) in self.inside.iter_mut().filter(|(r, _)| *r == at.row) {
                    *count = if filled { *count + 1 } else { *count - 1 };
                }
            }
        }
        self.find() == self.rows
    }
}
