//! Questions that need an answer before anything else: unsaved changes found
//! at start, a file changed on disk. A centred box over the grid.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::app::{App, Mode, recovery_summary};
use crate::text;

/// A question: its title, why it is asked, and (key, what it does) answers.
struct Question {
    title: &'static str,
    why: String,
    answers: Vec<(&'static str, &'static str)>,
}

pub struct Dialog<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Dialog<'_> {
    /// The open question, if any.
    fn content(&self) -> Option<Question> {
        let app = self.app;
        let file = text::sanitize(&app.file_label()).into_owned();
        match &app.mode {
            Mode::Recover(found) => Some(Question {
                title: " Unsaved changes found ",
                why: format!(
                    "jgrid was stopped on {} with unsaved changes to {file} ({}).",
                    crate::journey::readable(found.written),
                    recovery_summary(app, found)
                ),
                answers: vec![
                    ("r", "recover them (they open as unsaved changes)"),
                    ("d", "discard them"),
                    ("q", "quit and keep them for later"),
                ],
            }),
            Mode::Conflict { path, .. } => {
                let target = text::sanitize(&path.display().to_string()).into_owned();
                let own = app.path.as_ref() == Some(path);
                let why = if own {
                    format!("{target} changed on disk since you opened it. Saving now would overwrite those changes.")
                } else {
                    format!("{target} already exists.")
                };
                let mut answers = vec![("o", "overwrite it with this journey")];
                if own {
                    answers.push(("r", "reload it from disk (your changes are kept in a recovery file)"));
                }
                answers.push(("w", "save under another name"));
                answers.push(("Esc", "cancel; nothing is saved, nothing is lost"));
                Some(Question { title: " File changed on disk ", why, answers })
            }
            _ => None,
        }
    }
}

impl Widget for &Dialog<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(Question { title, why, answers }) = self.content() else { return };
        let t = self.theme;
        let width = area.width.min(70);
        let mut lines = vec![Line::raw(why), Line::raw("")];
        for (key, what) in answers {
            lines.push(Line::from(vec![Span::styled(format!("  {key:<4}"), t.hint_key), Span::raw(what)]));
        }
        let inner_width = usize::from(width.saturating_sub(2)).max(1);
        let needed: usize = lines.iter().map(|l| l.width().div_ceil(inner_width).max(1)).sum();
        let height = ((needed + 2) as u16).min(area.height);
        let rect = Rect { x: area.x + (area.width - width) / 2, y: area.y + (area.height - height) / 2, width, height };
        Clear.render(rect, buf);
        let block = Block::default().borders(Borders::ALL).title(title).border_style(t.modified);
        Paragraph::new(lines).wrap(Wrap { trim: false }).block(block).render(rect, buf);
    }
}
