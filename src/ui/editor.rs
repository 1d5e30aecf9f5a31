//! A cell being edited, drawn with the grid's own wrapping (so the text does
//! not move when editing starts or ends), its text cursor, and marks in the
//! margin where the text continues above or below what is shown.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::app::Editor;
use crate::app::text::caret::{Lines, Row, Screen};

/// Mark in the margin: text continues above the first shown line.
pub const ABOVE: &str = "▲";
/// Mark in the margin: text continues below the last shown line.
pub const BELOW: &str = "▼";

/// Draw the editor's text into `area`; the column left of it is the margin.
/// Only the lines shown are wrapped, however long the text.
pub fn draw(editor: &Editor, area: Rect, t: &Theme, buf: &mut Buffer) {
    if area.width == 0 || area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let height = usize::from(area.height);
    let screen = Screen::new(editor, width);
    let first = screen.clamp(editor.scroll);
    let (rows, more) = screen.shown(first, height);
    for (dy, (line, range)) in rows.into_iter().enumerate() {
        buf.set_stringn(area.x, area.y + dy as u16, &editor.line(line)[range], width, t.editing_cell);
    }
    let (line, ch) = editor.cursor();
    let (at, x) = screen.locate(line, ch);
    let dy = screen.between(first, at);
    if at >= first && dy < height {
        // At the end of a full line the cursor stands just right of the text.
        let (cx, cy) = (area.x + x as u16, area.y + dy as u16);
        if cx < buf.area.right() {
            buf.set_style(Rect::new(cx, cy, 1, 1), t.text_cursor);
        }
    }
    if area.x > buf.area.x {
        if first > Row::default() {
            buf.set_stringn(area.x - 1, area.y, ABOVE, 1, t.more);
        }
        if more {
            buf.set_stringn(area.x - 1, area.bottom() - 1, BELOW, 1, t.more);
        }
    }
}
