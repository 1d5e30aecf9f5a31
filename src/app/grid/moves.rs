//! Moving the cursor: where each moving action takes it, inside the grid.

use crate::app::input::action::Action;
use crate::app::state::App;
use crate::journey::CellRef;

/// Where a moving action takes the cursor; `None` for other actions.
pub fn movement(app: &App, action: Action) -> Option<CellRef> {
    let last_phase = app.journey.phase_count().saturating_sub(1);
    let last_row = app.journey.row_count().saturating_sub(1);
    let c = app.cursor;
    Some(match action {
        Action::MoveLeft | Action::PrevPhase => CellRef::new(c.phase.saturating_sub(1), c.row),
        Action::MoveRight | Action::NextPhase => CellRef::new((c.phase + 1).min(last_phase), c.row),
        Action::MoveUp => CellRef::new(c.phase, c.row.saturating_sub(1)),
        Action::MoveDown => CellRef::new(c.phase, (c.row + 1).min(last_row)),
        Action::FirstPhase => CellRef::new(0, c.row),
        Action::LastPhase => CellRef::new(last_phase, c.row),
        Action::FirstRow => CellRef::new(c.phase, 0),
        Action::LastRow => CellRef::new(c.phase, last_row),
        _ => return None,
    })
}
