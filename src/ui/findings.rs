//! The findings panel of highlight mode: every finding that touches the
//! cursor's cell, in full sentences. Zoomed, the panel grows to show them
//! all; when they do not fit, its last line says how many lines are left.

use crate::app::input::action::Grid;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme::{Theme, severity_symbol};
use crate::app::viewport::panel::{self, SYMBOL};
use crate::app::{Action, App, KeyMode};
use crate::text;

pub struct FindingsPanel<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for &FindingsPanel<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        buf.set_style(area, t.panel);
        let lines = panel::lines(app.findings(), app.cursor(), usize::from(area.width));
        if lines.is_empty() {
            let key = |c| app.keymap().label(KeyMode::Normal, c).unwrap_or_default();
            let line = Line::from(vec![
                Span::styled("✓ ", t.hint_key),
                Span::raw("Nothing flagged in this cell. "),
                Span::styled(key(Action::Grid(Grid::NextFinding)), t.hint_key),
                Span::raw(" / "),
                Span::styled(key(Action::Grid(Grid::PrevFinding)), t.hint_key),
                Span::raw(" next / previous flagged cell, "),
                Span::styled(key(Action::Grid(Grid::ToggleHighlight)), t.hint_key),
                Span::raw(" hides the marks."),
            ]);
            Paragraph::new(line).wrap(Wrap { trim: true }).render(area, buf);
            return;
        }
        let room = usize::from(area.height);
        let left = lines.len().saturating_sub(room);
        let x = area.x + SYMBOL as u16;
        for (dy, line) in lines.iter().take(room).enumerate() {
            let y = area.y + dy as u16;
            let width = usize::from(area.width).saturating_sub(SYMBOL);
            let f = line.finding;
            if line.first {
                buf.set_stringn(area.x, y, severity_symbol(f.severity), 1, t.severity(f.severity));
            }
            buf.set_stringn(x, y, &line.text, width, t.panel);
            if line.first {
                // "warning [id]": the severity in its style, the id dimmed.
                let severity = f.severity.id();
                if line.text.starts_with(severity) {
                    buf.set_stringn(x, y, severity, width, t.severity(f.severity));
                }
                let id = format!("[{}]", f.id);
                let id_x = text::width(severity) + 1;
                let id_follows = line.text.get(severity.len()..).is_some_and(|r| r.starts_with(&format!(" {id}")));
                if id_follows && id_x < width {
                    buf.set_stringn(x + id_x as u16, y, &id, width - id_x, t.dim);
                }
            }
        }
        if left > 0 && room > 0 {
            let key = app.keymap().label(KeyMode::Normal, Action::Grid(Grid::Zoom)).unwrap_or_else(|| "z".into());
            let more = if app.zoom().is_some() { format!(" ▼ +{left} ") } else { format!(" ▼ +{left} ({key}) ") };
            let w = text::width(&more).min(usize::from(area.width)) as u16;
            buf.set_stringn(area.right() - w, area.bottom() - 1, &more, usize::from(w), t.more);
        }
    }
}
