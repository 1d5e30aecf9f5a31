//! One cell of the grid or the overview: its highlight-mode mark, its text
//! (wrapped, or on one line cut with `…` in the overview), search matches,
//! and marks where the text goes on beyond what is shown. The cursor's cell
//! shows the line of a search match even when it is further down.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};

use super::editor::{self, ABOVE};
use super::matches::{found_in, mark_found, mark_matches};
use super::put::put;
use super::theme::{Theme, severity_symbol};
use crate::app::App;
use crate::app::viewport::columns;
use crate::app::viewport::layout::Col;
use crate::checks;
use crate::insights::Backing;
use crate::journey::{CellRef, Mark};
use crate::text;

/// Draw the cell at `at` into `rect` (its column `col`); for the cell being
/// edited, returns where its text cursor is.
pub fn draw(app: &App, t: &Theme, at: CellRef, col: &Col, rect: Rect, buf: &mut Buffer) -> Option<Position> {
    if let Some(editing) = app.editor().filter(|e| e.at == at) {
        buf.set_style(rect, t.editing_cell);
        let inner = Rect { x: rect.x + 1, width: rect.width.saturating_sub(1), ..rect };
        return editor::draw(editing, inner, t, buf);
    }
    let style = t.cell;
    buf.set_style(rect, style);
    let width = usize::from(col.width.saturating_sub(1)).max(1);
    let cell_text = app.shown().cell(at);
    if let Some(severity) = checks::worst_at(app.marked(), at) {
        buf.set_stringn(rect.x, rect.y, severity_symbol(severity), 1, style.patch(t.severity(severity)));
        if cell_text.is_empty() {
            put(buf, rect.x + 1, rect.y, "(empty)", width, style.patch(t.gap));
            return None;
        }
    }
    if app.view().one_line(at, app.cursor(), rect.height) {
        one_line(app, t, at, rect, width, buf);
    } else {
        wrapped(app, t, at, rect, width, buf);
    }
    evidence_badge(app, t, at, rect, width, buf);
    None
}

/// In the evidence view: how many sources back the cell, at the right of
/// its first line (`✓2`), or `unbacked` when it has text and names none.
fn evidence_badge(app: &App, t: &Theme, at: CellRef, rect: Rect, width: usize, buf: &mut Buffer) {
    let Some(evidence) = &app.evidence() else { return };
    let badge = match evidence.cell(at) {
        Backing::Empty => return,
        Backing::Unbacked if width >= 14 => " unbacked".to_owned(),
        Backing::Unbacked => " ∅".to_owned(),
        Backing::Backed(sources) => format!(" ✓{}", sources.len()),
    };
    let badge_w = text::width(&badge).min(width);
    let x = rect.x + 1 + (width - badge_w) as u16;
    buf.set_stringn(x, rect.y, &badge, badge_w, t.cell.patch(t.badge));
}

/// The mark at the start of a line of a cell (`! `, `+ `, `? `, `> `), styled
/// by its kind; `start` says whether the drawn line starts a line of the text.
fn style_mark(t: &Theme, line: &str, start: bool, x: u16, y: u16, width: usize, buf: &mut Buffer) {
    let Some(mark) = start.then(|| Mark::of(line)).flatten() else { return };
    let lead = text::width(&line[..line.len() - line.trim_start().len()]);
    if lead < width {
        buf.set_style(Rect::new(x + lead as u16, y, 1, 1), t.marks[mark as usize]);
    }
}

/// The overview's cell: its first line (or, for the cursor's cell, the line
/// of a search match), cut with `…`; an empty cell shows a dot.
fn one_line(app: &App, t: &Theme, at: CellRef, rect: Rect, width: usize, buf: &mut Buffer) {
    let cell_text = app.shown().cell(at);
    if cell_text.is_empty() {
        buf.set_stringn(rect.x + 1, rect.y, "·", width, t.cell.patch(t.dim));
        return;
    }
    let show = if at == app.cursor() { app.first_match(at) } else { None };
    let line = columns::one_line(cell_text, width, show);
    put(buf, rect.x + 1, rect.y, &line, width, t.cell);
    style_mark(t, &line, true, rect.x + 1, rect.y, width, buf);
    mark_matches(app, t, &line, rect.x + 1, rect.y, width, buf);
}

/// The grid's cell: its text wrapped, as many lines as the row has, with
/// `+N (z)` when lines are cut below and `▲` when the cursor's cell is
/// scrolled to show a search match.
fn wrapped(app: &App, t: &Theme, at: CellRef, rect: Rect, width: usize, buf: &mut Buffer) {
    // Counting stops somewhere: a huge cell says "many" rather than wrapping it all.
    const COUNT_LIMIT: usize = 10_000;
    let style = t.cell;
    let shown = usize::from(rect.height);
    let skip = match app.match_line(at, width).filter(|_| at == app.cursor()) {
        Some(line) if line >= shown => line + 1 - shown,
        _ => 0,
    };
    let limit = skip + shown + COUNT_LIMIT;
    // Only as much of a huge cell as can fill `limit` lines is looked at.
    let shown_text = text::sanitize(text::head(app.shown().cell(at), width, limit));
    let lines = text::wrap_ranges_up_to(&shown_text, width, limit);
    let found = found_in(app, &shown_text);
    let hidden = lines.len().saturating_sub(skip + shown);
    for (dy, range) in lines.iter().skip(skip).take(shown).enumerate() {
        let y = rect.y + dy as u16;
        put(buf, rect.x + 1, y, &shown_text[range.clone()], width, style);
        let starts = range.start == 0 || shown_text.as_bytes()[range.start - 1] == b'\n';
        style_mark(t, &shown_text[range.clone()], starts, rect.x + 1, y, width, buf);
        mark_found(t, &shown_text, range, &found, Rect::new(rect.x + 1, y, width as u16, 1), buf);
        if hidden > 0 && dy + 1 == shown {
            let count = if lines.len() >= limit { "many".to_owned() } else { hidden.to_string() };
            let mark = if width >= 14 { format!(" +{count} (z)") } else { format!(" +{count}") };
            let mark_w = text::width(&mark).min(width);
            let x = rect.x + 1 + (width - mark_w) as u16;
            put(buf, x, y, &mark, mark_w, style.patch(t.more));
        }
    }
    if skip > 0 {
        buf.set_stringn(rect.x, rect.y, ABOVE, 1, style.patch(t.more));
    }
}
