//! Moving the cursor: where each move takes it, inside the grid.

use crate::app::input::action::Move;
use crate::app::state::App;
use crate::journey::CellRef;

/// Where a move takes the cursor in the grid.
pub fn movement(app: &App, m: Move) -> CellRef {
    let last_phase = app.doc.journey.phase_count().saturating_sub(1);
    let last_row = app.doc.journey.row_count().saturating_sub(1);
    let c = app.cursor;
    match m {
        Move::Left | Move::PrevPhase => CellRef::new(c.phase.saturating_sub(1), c.row),
        Move::Right | Move::NextPhase => CellRef::new((c.phase + 1).min(last_phase), c.row),
        Move::Up => CellRef::new(c.phase, c.row.saturating_sub(1)),
        Move::Down => CellRef::new(c.phase, (c.row + 1).min(last_row)),
        Move::FirstPhase => CellRef::new(0, c.row),
        Move::LastPhase => CellRef::new(last_phase, c.row),
        Move::FirstRow => CellRef::new(c.phase, 0),
        Move::LastRow => CellRef::new(c.phase, last_row),
        Move::PageUp => CellRef::new(c.phase, c.row.saturating_sub(app.rows_per_page())),
        Move::PageDown => CellRef::new(c.phase, (c.row + app.rows_per_page()).min(last_row)),
    }
}
