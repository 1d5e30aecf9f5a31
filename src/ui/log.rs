//! The interview log over the grid (`:log`): every captured note, oldest
//! first, two lines each: its time, source and text, then the cell it went
//! to (`→ 5 Service › Touchpoints`, `→ inbox`, or a phase or row no longer
//! in the grid). Only the notes in view are laid out, so a log of ten
//! thousand notes draws as fast as one of ten.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::inbox::when;
use super::theme::Theme;
use crate::app::App;
use crate::journey::LogEntry;
use crate::text;

pub struct LogOverlay<'a> {
    pub app: &'a App,
    /// Indices into the journey's log, as the list holds them.
    pub items: &'a [usize],
    pub selected: usize,
    pub theme: &'a Theme,
}

/// The note's text on one line, at most `width` columns, with placeholders
/// for what a terminal must not get. Only the start of a huge note is read.
fn one_line(note: &str, width: usize) -> String {
    let start: String = note.chars().take(width.saturating_mul(2) + 1).collect();
    let shown = text::sanitize(&start.replace('\n', " ⏎ ")).into_owned();
    text::truncate(&shown, width).into_owned()
}

impl LogOverlay<'_> {
    /// Where the note went, in words.
    fn place(&self, e: &LogEntry) -> String {
        let journey = self.app.journey();
        match (&e.cell, e.cell_ref(journey)) {
            (None, _) => "→ inbox (not sorted yet)".to_owned(),
            (Some(cell), Some(at)) => format!("→ {} {} › {}", at.phase + 1, cell.phase, cell.row),
            (Some(cell), None) => format!("→ {} › {} (no longer in the grid)", cell.phase, cell.row),
        }
    }

    fn lines(&self, first: usize, count: usize, width: usize) -> Vec<Line<'static>> {
        let t = self.theme;
        let log = &self.app.journey().log;
        let mut lines = Vec::with_capacity(count * 2);
        for (k, e) in self.items.iter().enumerate().skip(first).take(count).filter_map(|(k, &i)| Some((k, log.get(i)?)))
        {
            let focus = k == self.selected;
            let style = if focus { t.header_focus } else { t.cell };
            let stamp = format!("{} ", when(&e.at));
            let who = e.source.as_ref().map_or_else(String::new, |s| format!("@{} ", text::sanitize(s)));
            let used = 2 + text::width(&stamp) + text::width(&who);
            lines.push(Line::from(vec![
                Span::styled(if focus { "› " } else { "  " }, style),
                Span::styled(stamp, t.dim),
                Span::styled(who, t.persona),
                Span::styled(one_line(&e.text, width.saturating_sub(used)), style),
            ]));
            let place = one_line(&self.place(e), width.saturating_sub(4));
            lines.push(Line::styled(format!("    {place}"), t.dim));
        }
        lines
    }
}

impl Widget for &LogOverlay<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width.min(100);
        let rect = Rect { x: area.x + (area.width - width) / 2, width, ..area };
        Clear.render(rect, buf);
        let total = self.app.journey().log.len();
        let notes = if total == 1 { "note" } else { "notes" };
        let title = match self.app.only_source() {
            Some(name) => format!(
                " Interview log: {} of {total} {notes} (only @{}), oldest first ",
                self.items.len(),
                text::sanitize(name)
            ),
            None => format!(" Interview log: {total} {notes}, oldest first "),
        };
        let keys = " j/k select · Enter go to the cell · Esc close ";
        let block = Block::default().borders(Borders::ALL).title(title).title_bottom(keys);
        let inner = block.inner(rect);
        block.render(rect, buf);
        let per_page = (usize::from(inner.height) / 2).max(1);
        let first = self.selected.saturating_sub(per_page - 1);
        Paragraph::new(self.lines(first, per_page, usize::from(inner.width))).render(inner, buf);
    }
}
