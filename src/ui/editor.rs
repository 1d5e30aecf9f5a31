//! A cell being edited, drawn with the grid's own wrapping (so the text does
//! not move when editing starts or ends), and marks in the margin where the
//! text continues above or below what is shown. The text cursor is the
//! terminal's own: `draw` says where it goes, and the shell puts it there
//! (typing a character then sends that character, and nothing else).

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::theme::Theme;
use crate::app::Editor;
use crate::app::text::caret::{Lines, Row, Screen};

/// Mark in the margin: text continues above the first shown line.
pub const ABOVE: &str = "▲";
/// Mark in the margin: text continues below the last shown line.
pub const BELOW: &str = "▼";

/// Draw the editor's text into `area`; the column left of it is the margin.
/// Only the lines shown are wrapped, however long the text. Returns where the
/// text cursor is, when it is on screen.
pub fn draw(editor: &Editor, area: Rect, t: &Theme, buf: &mut Buffer) -> Option<Position> {
    if area.width == 0 || area.height == 0 {
        return None;
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
    // At the end of a full line the cursor stands just right of the text.
    let caret = (at >= first && dy < height)
        .then(|| Position { x: area.x + x as u16, y: area.y + dy as u16 })
        .filter(|c| c.x < buf.area.right());
    if area.x > buf.area.x {
        if first > Row::default() {
            buf.set_stringn(area.x - 1, area.y, ABOVE, 1, t.more);
        }
        if more {
            buf.set_stringn(area.x - 1, area.bottom() - 1, BELOW, 1, t.more);
        }
    }
    caret
}
