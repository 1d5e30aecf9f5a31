//! Search matches, highlighted in a drawn line of the grid or of a zoomed cell.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::app::App;
use crate::text;

/// Highlight the search matches in one drawn line.
pub fn mark_matches(app: &App, t: &Theme, line: &str, x: u16, y: u16, width: usize, buf: &mut Buffer) {
    let Some(search) = app.search.as_ref().filter(|s| !s.pattern.is_empty()) else { return };
    for range in crate::app::search::find(line, &search.pattern) {
        let start = text::width(&line[..range.start]);
        let len = text::width(&line[range]);
        if start >= width {
            break;
        }
        let len = len.min(width - start);
        buf.set_style(Rect::new(x + start as u16, y, len as u16, 1), t.search);
    }
}
