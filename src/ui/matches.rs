//! Search matches, highlighted in a drawn line of the grid, the overview or
//! a zoomed cell.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::theme::Theme;
use crate::app::App;
use crate::text;

/// Highlight the search matches in one drawn line (matched on the line alone).
pub fn mark_matches(app: &App, t: &Theme, line: &str, x: u16, y: u16, width: usize, buf: &mut Buffer) {
    let Some(search) = app.search().as_ref().filter(|s| !s.pattern.is_empty()) else { return };
    let found = crate::app::grid::search::find(line, &search.pattern);
    mark_found(t, line, &(0..line.len()), &found, Rect::new(x, y, width as u16, 1), buf);
}

/// The search matches in a whole (sanitized) text, as byte ranges.
pub fn found_in(app: &App, shown: &str) -> Vec<Range<usize>> {
    match app.search().as_ref().filter(|s| !s.pattern.is_empty()) {
        Some(search) => crate::app::grid::search::find(shown, &search.pattern),
        None => Vec::new(),
    }
}

/// Highlight the parts of a drawn line, `shown[line]`, that a search matched
/// (`found`: byte ranges of `shown`), so a match broken across two lines is
/// highlighted on both. The line is drawn at `at` (one line high).
pub fn mark_found(t: &Theme, shown: &str, line: &Range<usize>, found: &[Range<usize>], at: Rect, buf: &mut Buffer) {
    let width = usize::from(at.width);
    for m in found {
        let (start, end) = (m.start.max(line.start), m.end.min(line.end));
        if start >= end {
            continue;
        }
        let from = text::width(&shown[line.start..start]);
        if from >= width {
            continue;
        }
        let len = text::width(&shown[start..end]).min(width - from);
        buf.set_style(Rect::new(at.x + from as u16, at.y, len as u16, 1), t.search);
    }
}
