//! Zoom: the cursor's cell alone on the whole grid area, to read and edit a
//! long note.

use crate::app::input::action::Grid;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::editor;
use super::matches::{found_in, mark_found};
use super::theme::Theme;
use crate::app::{Action, App, KeyMode};
use crate::text;

pub struct Zoom<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for &Zoom<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
    }
}

impl Zoom<'_> {
    /// Draw the zoomed cell; returns where its text cursor is while it is edited.
    pub fn draw(&self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let (app, t) = (self.app, self.theme);
        if area.height == 0 || area.width < 3 {
            return None;
        }
        let (phase, row) = app.cursor_names();
        let key = app.keymap().label(KeyMode::Normal, Action::Grid(Grid::Zoom)).unwrap_or_else(|| "z".into());
        let title = Line::from(vec![
            Span::styled(
                format!(" {} {} › {} ", app.cursor().phase + 1, text::sanitize(phase), text::sanitize(row)),
                t.header_focus,
            ),
            Span::styled(format!("  zoomed; {key} or Esc: back to the grid"), t.dim),
        ]);
        title.render(Rect { height: 1, ..area }, buf);
        let body = Rect { x: area.x + 1, y: area.y + 2, width: area.width - 2, height: area.height.saturating_sub(2) };
        if body.height == 0 {
            return None;
        }
        if let Some(editing) = app.editor() {
            buf.set_style(body, t.editing_cell);
            return editor::draw(editing, body, t, buf);
        }
        let width = usize::from(body.width);
        let shown = text::sanitize(app.shown().cell(app.cursor()));
        // Lines are only wrapped as far as they are shown (and counted a little further).
        let wanted = usize::from(app.zoom().unwrap_or(0));
        let limit = wanted + 2 * usize::from(body.height) + 10_000;
        let lines = text::wrap_ranges_up_to(&shown, width, limit);
        let total = lines.len();
        let found = found_in(app, &shown);
        let max_scroll = total.saturating_sub(usize::from(body.height));
        let scroll = wanted.min(max_scroll);
        for (dy, range) in lines.iter().skip(scroll).take(usize::from(body.height)).enumerate() {
            let y = body.y + dy as u16;
            buf.set_stringn(body.x, y, &shown[range.clone()], width, t.cell);
            mark_found(t, &shown, range, &found, Rect::new(body.x, y, body.width, 1), buf);
        }
        if scroll > 0 {
            buf.set_stringn(body.x - 1, body.y, editor::ABOVE, 1, t.more);
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
        None
    }
}
