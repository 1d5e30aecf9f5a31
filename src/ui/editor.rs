//! A cell being edited, drawn with the grid's own wrapping (so the text does
//! not move when editing starts or ends), its text cursor, and marks in the
//! margin where the text continues above or below what is shown.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::app::Editor;
use crate::app::caret::Wrapped;

/// Mark in the margin: text continues above the first shown line.
pub const ABOVE: &str = "▲";
/// Mark in the margin: text continues below the last shown line.
pub const BELOW: &str = "▼";

/// Draw the editor's text into `area`; the column left of it is the margin.
pub fn draw(editor: &Editor, area: Rect, t: &Theme, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    let wrapped = Wrapped::new(editor.area.lines(), width);
    let scroll = editor.scroll.min(wrapped.len().saturating_sub(1));
    for dy in 0..height.min(wrapped.len() - scroll) {
        buf.set_stringn(area.x, area.y + dy as u16, wrapped.row(scroll + dy), width, t.editing_cell);
    }
    let cursor = editor.area.cursor();
    let (row, x) = wrapped.locate(cursor.0, cursor.1);
    if (scroll..scroll + height).contains(&row) {
        // At the end of a full line the cursor stands just right of the text.
        let (cx, cy) = (area.x + x as u16, area.y + (row - scroll) as u16);
        if cx < buf.area.right() {
            buf.set_style(Rect::new(cx, cy, 1, 1), t.text_cursor);
        }
    }
    if area.x > buf.area.x {
        if scroll > 0 {
            buf.set_stringn(area.x - 1, area.y, ABOVE, 1, t.more);
        }
        if scroll + height < wrapped.len() {
            buf.set_stringn(area.x - 1, area.bottom() - 1, BELOW, 1, t.more);
        }
    }
}
