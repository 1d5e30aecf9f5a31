//! The grid: a sticky header row of numbered phase names, a sticky column of
//! row names, and cells with soft-wrapped text.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::matches::mark_matches;
use super::theme::{Theme, severity_symbol};
use crate::app::App;
use crate::app::layout::{Col, GridLayout, RowBand};
use crate::checks;
use crate::insights::Backing;
use crate::journey::CellRef;
use crate::text;

pub struct GridView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for &GridView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.height == 0 || area.width == 0 {
            return;
        }
        let layout = self.app.layout();
        self.header(&layout, area, buf);
        if area.height > 1 {
            rule(&layout, area.x, area.y + 1, area.width, self.theme.rule, buf);
        }
        let body = Rect { y: area.y + 2, height: area.height.saturating_sub(2), ..area };
        for (i, band) in layout.rows.iter().enumerate() {
            self.row(&layout, band, body, buf);
            let below = body.y + band.y + band.height;
            if i + 1 < layout.rows.len() && below < body.bottom() {
                rule(&layout, body.x, below, body.width, self.theme.rule, buf);
            }
        }
        self.scroll_marks(&layout, body, buf);
    }
}

/// A phase's mood for its header: a face and the signed number (`☹-1`, `·0`, `☺+2`).
pub fn mood_badge(mood: i8) -> String {
    let face = match mood {
        m if m < 0 => '☹',
        0 => '·',
        _ => '☺',
    };
    format!("{face}{}", crate::insights::mood::number(mood))
}

/// A horizontal rule with crossings under the column separators.
fn rule(layout: &GridLayout, x: u16, y: u16, width: u16, style: Style, buf: &mut Buffer) {
    let line = "─".repeat(usize::from(width));
    buf.set_stringn(x, y, &line, usize::from(width), style);
    for col in &layout.cols {
        if col.x > 0 && col.x - 1 < width {
            buf.set_stringn(x + col.x - 1, y, "┼", 1, style);
        }
    }
}

impl GridView<'_> {
    fn header(&self, layout: &GridLayout, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let phases = self.app.journey.phases();
        for col in &layout.cols {
            let focus = col.phase == self.app.cursor.phase;
            let style = if focus { t.header_focus } else { t.phase_header };
            let label = format!(" {} {}", col.phase + 1, phases[col.phase].name);
            let label = text::sanitize(&label);
            let x = area.x + col.x;
            let width = usize::from(col.width);
            buf.set_stringn(x - 1, area.y, "│", 1, t.rule);
            buf.set_style(Rect::new(x, area.y, col.width.min(area.width - col.x), 1), style);
            // The mood at the right of the header, e.g. `☹-1`; the name gives way to it.
            let mood = phases[col.phase].mood.map(mood_badge).unwrap_or_default();
            let mood_w = text::width(&mood);
            let name_w = if mood_w + 6 <= width { width - mood_w - 1 } else { width };
            buf.set_stringn(x, area.y, text::truncate(&label, name_w), name_w, style);
            if name_w < width {
                let mx = x + (width - mood_w) as u16;
                buf.set_stringn(mx, area.y, &mood, mood_w, style.patch(t.badge));
            }
        }
    }

    fn row(&self, layout: &GridLayout, band: &RowBand, body: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let y = body.y + band.y;
        let height = band.height.min(body.bottom().saturating_sub(y));
        if height == 0 {
            return;
        }
        let name = text::sanitize(&self.app.journey.rows()[band.row]);
        let focus = band.row == self.app.cursor.row;
        let name_style = if focus { t.header_focus } else { t.row_name };
        let name_w = usize::from(layout.names_width);
        buf.set_stringn(body.x, y, text::truncate(&name, name_w), name_w, name_style);
        for col in &layout.cols {
            let rect = Rect::new(body.x + col.x, y, col.width, height);
            for dy in 0..height {
                buf.set_stringn(rect.x - 1, y + dy, "│", 1, t.rule);
            }
            self.cell(CellRef::new(col.phase, band.row), col, rect, buf);
        }
        // The cursor's cell gets a heavy bar on its left, under its highlighted
        // phase header and beside its highlighted row name: clear without
        // colour, and cheap over SSH, since a move redraws the bar, not the text.
        if let Some(col) = layout.cols.iter().find(|c| focus && c.phase == self.app.cursor.phase) {
            for dy in 0..height {
                buf.set_stringn(body.x + col.x - 1, y + dy, "┃", 1, t.cursor_bar);
            }
        }
    }

    fn cell(&self, at: CellRef, col: &Col, rect: Rect, buf: &mut Buffer) {
        let t = self.theme;
        if let Some(editor) = self.app.editor().filter(|e| e.at == at) {
            buf.set_style(rect, t.editing_cell);
            let inner = Rect { x: rect.x + 1, width: rect.width.saturating_sub(1), ..rect };
            editor.area.render(inner, buf);
            return;
        }
        let style = t.cell;
        buf.set_style(rect, style);
        let width = usize::from(col.width.saturating_sub(1)).max(1);
        let cell_text = self.app.journey.cell(at);
        if let Some(severity) = checks::worst_at(self.app.marked(), at) {
            let mark = style.patch(t.severity(severity));
            buf.set_stringn(rect.x, rect.y, severity_symbol(severity), 1, mark);
            if cell_text.is_empty() {
                buf.set_stringn(rect.x + 1, rect.y, "(empty)", width, style.patch(t.gap));
            }
        }
        let shown = usize::from(rect.height);
        // Counting stops somewhere: a huge cell says "many" rather than wrapping it all.
        const COUNT_LIMIT: usize = 10_000;
        let (lines, total) = text::wrap_head(cell_text, width, shown, COUNT_LIMIT);
        let hidden = total.saturating_sub(shown);
        for (dy, (line, starts)) in lines.iter().take(shown).enumerate() {
            let y = rect.y + dy as u16;
            buf.set_stringn(rect.x + 1, y, line, width, style);
            if let Some(mark) = starts.then(|| crate::journey::Mark::of(line)).flatten() {
                let lead = line.len() - line.trim_start().len();
                let mx = rect.x + 1 + text::width(&line[..lead]) as u16;
                if usize::from(mx - rect.x) <= width {
                    buf.set_style(Rect::new(mx, y, 1, 1), t.marks[mark as usize]);
                }
            }
            mark_matches(self.app, t, line, rect.x + 1, y, width, buf);
            if hidden > 0 && dy + 1 == shown {
                let count = if total >= COUNT_LIMIT { "many".to_owned() } else { hidden.to_string() };
                let mark = if width >= 14 { format!(" +{count} (z)") } else { format!(" +{count}") };
                let mark_w = text::width(&mark).min(width);
                let x = rect.x + 1 + (width - mark_w) as u16;
                buf.set_stringn(x, y, &mark, mark_w, style.patch(t.more));
            }
        }
        if let Some(evidence) = &self.app.evidence {
            // How many sources back the cell, at the right of its first line.
            let badge = match evidence.cell(at) {
                Backing::Empty => return,
                Backing::Unbacked if width >= 14 => " unbacked".to_owned(),
                Backing::Unbacked => " ∅".to_owned(),
                Backing::Backed(sources) => format!(" ✓{}", sources.len()),
            };
            let badge_w = text::width(&badge).min(width);
            let x = rect.x + 1 + (width - badge_w) as u16;
            buf.set_stringn(x, rect.y, &badge, badge_w, style.patch(t.badge));
        }
    }

    /// Arrows where the grid continues beyond the screen.
    fn scroll_marks(&self, layout: &GridLayout, body: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let header_y = body.y.saturating_sub(2);
        let journey = &self.app.journey;
        let mut corner = String::new();
        if layout.cols.first().is_some_and(|c| c.phase > 0) {
            corner.push_str("◀ ");
        }
        if layout.rows.first().is_some_and(|r| r.row > 0) {
            corner.push_str("▲ ");
        }
        buf.set_stringn(body.x, header_y, &corner, usize::from(layout.names_width), t.more);
        if layout.cols.last().is_some_and(|c| c.phase + 1 < journey.phase_count()) && body.width > 0 {
            buf.set_stringn(body.right() - 1, header_y, "▶", 1, t.more);
        }
        let last_row = layout.rows.last().map_or(0, |r| r.row);
        let last_full = layout.rows.last().is_some_and(|r| layout.is_row_visible(r.row));
        if (last_row + 1 < journey.row_count() || !last_full) && body.height > 0 {
            buf.set_stringn(body.x, body.bottom() - 1, "▼ more", usize::from(layout.names_width), t.more);
        }
    }
}
