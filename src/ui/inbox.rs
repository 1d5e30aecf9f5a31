//! The inbox panel: the captured notes not sorted into a cell yet, oldest
//! first, each with its time and source; the selected one is marked with `›`
//! and reversed, so it reads without colour.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::app::{App, Mode};
use crate::journey::{parse_rfc3339, readable};
use crate::text;

pub struct InboxPanel<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

/// `12-01 14:03` (UTC) for a note's time; the text as written when it is not RFC 3339.
pub(super) fn when(at: &str) -> String {
    match parse_rfc3339(at) {
        // A time past year 9999 (`9999-12-31T23:59:59-10:00`) has no short form.
        Some((secs, _)) => readable(u64::try_from(secs).unwrap_or(0)).get(5..16).unwrap_or(at).to_owned(),
        None => at.to_owned(),
    }
}

impl Widget for &InboxPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        let (selected, carrying) = match app.mode() {
            Mode::Inbox { selected } => (selected, false),
            Mode::Place { note } => (note, true),
            _ => return,
        };
        let notes = &app.journey().inbox;
        // Under `:only @NAME`: that source's notes and those with no source.
        let shown = app.inbox_shown();
        let title = match (carrying, app.only_source()) {
            (true, _) => " Inbox: carrying the marked note; move to its cell, Enter drops it ".to_owned(),
            (false, None) => format!(" Inbox: {} unsorted, oldest first ", notes.len()),
            (false, Some(name)) => format!(
                " Inbox: {} of {} unsorted (only @{}), oldest first ",
                shown.len(),
                notes.len(),
                text::sanitize(name)
            ),
        };
        Clear.render(area, buf);
        let block = Block::default().borders(Borders::TOP).title(title).border_style(t.rule);
        let inner = block.inner(area);
        block.render(area, buf);
        let height = usize::from(inner.height).max(1);
        // Keep the selected note in view.
        let position = shown.iter().position(|i| i == selected).unwrap_or(0);
        let first = position.saturating_sub(height - 1);
        let lines: Vec<Line> = shown
            .iter()
            .filter_map(|&i| Some((i, notes.get(i)?)))
            .skip(first)
            .take(height)
            .map(|(i, note)| {
                let focus = i == *selected;
                let style = if focus { t.header_focus } else { t.cell };
                let mut spans = vec![
                    Span::styled(if focus { "› " } else { "  " }, style),
                    Span::styled(format!("{} ", when(&note.at)), t.dim),
                ];
                if let Some(source) = &note.source {
                    spans.push(Span::styled(format!("@{} ", text::sanitize(source)), t.persona));
                }
                spans.push(Span::styled(text::sanitize(&note.text.replace('\n', " ⏎ ")).into_owned(), style));
                Line::from(spans)
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}
