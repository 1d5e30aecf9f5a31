//! Zoom: the cursor's cell alone on the whole grid area, to read and edit a
//! long note.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::matches::mark_matches;
use super::theme::Theme;
use crate::app::{Action, App, KeyMode};
use crate::text;

pub struct Zoom<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for &Zoom<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (app, t) = (self.app, self.theme);
        if area.height == 0 || area.width < 3 {
            return;
        }
        let (phase, row) = app.cursor_names();
        let key = app.keymap.label(KeyMode::Normal, Action::Zoom).unwrap_or_else(|| "z".into());
        let title = Line::from(vec![
            Span::styled(
                format!(" {} {} › {} ", app.cursor.phase + 1, text::sanitize(phase), text::sanitize(row)),
                t.header_focus,
            ),
            Span::styled(format!("  zoomed; {key} or Esc: back to the grid"), t.dim),
        ]);
        title.render(Rect { height: 1, ..area }, buf);
        let body = Rect { x: area.x + 1, y: area.y + 2, width: area.width - 2, height: area.height.saturating_sub(2) };
        if body.height == 0 {
            return;
        }
        if let Some(editor) = app.editor() {
            buf.set_style(body, t.editing_cell);
            editor.area.render(body, buf);
            return;
        }
        let width = usize::from(body.width);
        let height = usize::from(body.height);
        let cell = app.journey.cell(app.cursor);
        // Lines are only wrapped as far as they are shown (and counted a little further).
        let wanted = usize::from(app.zoom.unwrap_or(0));
        let limit = wanted + 2 * height + 10_000;
        let total = text::wrapped_height(cell, width, limit);
        let max_scroll = total.saturating_sub(height);
        let scroll = wanted.min(max_scroll);
        for (dy, (line, _)) in text::wrapped_lines(cell, width).skip(scroll).take(height).enumerate() {
            let y = body.y + dy as u16;
            buf.set_stringn(body.x, y, &line, width, t.cell);
            mark_matches(app, t, &line, body.x, y, width, buf);
        }
        if scroll < max_scroll {
            let more = if total >= limit {
                " ▼ many more lines (PgDn) ".to_owned()
            } else {
                format!(" ▼ {} more lines (PgDn) ", max_scroll - scroll)
            };
            let w = text::width(&more).min(width) as u16;
            buf.set_stringn(body.right() - w, body.bottom() - 1, &more, usize::from(w), t.more);
        }
    }
}
