//! The mouse: a click selects a cell, a double click edits it, the wheel
//! moves the cursor (or scrolls a zoomed cell).

use crate::app::state::{App, Mode};
use crate::app::viewport::layout::Chrome;
use crate::journey::CellRef;

/// A click selects the cell under the mouse; a double click edits it.
pub fn click(app: &mut App, col: u16, row: u16, double: bool) {
    if !matches!(app.mode, Mode::Normal) {
        return;
    }
    let layout = app.layout();
    let top = Chrome::for_height(app.viewport.height).top();
    let Some(phase) = layout.cols.iter().find(|c| col + 1 >= c.x && col < c.x + c.width).map(|c| c.phase) else {
        return;
    };
    let body_y = row.checked_sub(top + 2);
    let row_index = match body_y {
        // The phase header selects the phase and keeps the row.
        None if row >= top => Some(app.cursor.row),
        None => None,
        Some(y) => layout.rows.iter().find(|r| y >= r.y && y < r.y + r.height).map(|r| r.row),
    };
    let Some(r) = row_index else { return };
    app.cursor = CellRef::new(phase, r);
    if double {
        app.start_edit(false);
    }
}

/// The wheel moves the cursor a row (scrolling the grid with it).
pub fn scroll(app: &mut App, down: bool) {
    if let Some(scroll) = app.viewport.zoom {
        app.viewport.zoom = Some(if down { scroll.saturating_add(1) } else { scroll.saturating_sub(1) });
        return;
    }
    if !matches!(app.mode, Mode::Normal) {
        return;
    }
    let last = app.doc.journey.row_count().saturating_sub(1);
    app.cursor.row = if down { (app.cursor.row + 1).min(last) } else { app.cursor.row.saturating_sub(1) };
}
