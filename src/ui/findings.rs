//! The findings panel of highlight mode: every finding that touches the
//! cursor's cell, in full sentences.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme::{Theme, severity_symbol};
use crate::app::{Action, App, KeyMode};
use crate::checks;
use crate::text;

pub struct FindingsPanel<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for &FindingsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        buf.set_style(area, t.panel);
        let here: Vec<&checks::Finding> = checks::findings_at(app.findings(), app.cursor).collect();
        let mut lines: Vec<Line> = here
            .iter()
            .map(|f| {
                Line::from(vec![
                    Span::styled(
                        format!("{} {}", severity_symbol(f.severity), f.severity.id()),
                        t.severity(f.severity),
                    ),
                    Span::styled(format!(" [{}] ", f.id), t.dim),
                    Span::raw(text::sanitize(&f.message).into_owned()),
                ])
            })
            .collect();
        if lines.is_empty() {
            let key = |c| app.keymap.label(KeyMode::Normal, c).unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled("✓ ", t.hint_key),
                Span::raw("Nothing flagged in this cell. "),
                Span::styled(key(Action::NextFinding), t.hint_key),
                Span::raw(" / "),
                Span::styled(key(Action::PrevFinding), t.hint_key),
                Span::raw(" next / previous flagged cell, "),
                Span::styled(key(Action::ToggleHighlight), t.hint_key),
                Span::raw(" hides the marks."),
            ]));
        }
        Paragraph::new(lines).wrap(Wrap { trim: true }).render(area, buf);
    }
}
