//! Questions asked in a box over the grid (unsaved changes found at start,
//! a file changed on disk): the question's text and its answers, each with
//! the key the keymap binds to it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::app::{App, KeyMode, Shown};
use crate::text;

pub struct Dialog<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for &Dialog<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(question) = self.app.mode().question().filter(|q| q.spec().shown == Shown::Dialog) else { return };
        let t = self.theme;
        let width = area.width.min(70);
        let mut lines = vec![Line::raw(text::sanitize(&question.text).into_owned()), Line::raw("")];
        let mode = KeyMode::Question(question.kind());
        for answer in question.answers() {
            let key = self.app.keymap().label(mode, answer.action).unwrap_or_else(|| "any other key".into());
            lines.push(Line::from(vec![Span::styled(format!("  {key:<4}"), t.hint_key), Span::raw(answer.long)]));
        }
        let inner_width = usize::from(width.saturating_sub(2)).max(1);
        let needed: usize = lines.iter().map(|l| l.width().div_ceil(inner_width).max(1)).sum();
        let height = ((needed + 2) as u16).min(area.height);
        let rect = Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
        Clear.render(rect, buf);
        let block = Block::default().borders(Borders::ALL).title(question.spec().title).border_style(t.modified);
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(block).render(rect, buf);
    }
}
