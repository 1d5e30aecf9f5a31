//! The grid: a sticky header row of numbered phase names, a sticky column of
//! row names, and cells with soft-wrapped text (one line each in the
//! overview). A frozen phase stays first, set off by a double rule.

use crate::app::input::action::Grid;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::cell;
use super::put::{fill, put};
use super::theme::Theme;
use crate::app::viewport::columns;
use crate::app::viewport::layout::{GridLayout, RowBand};
use crate::app::{Action, App, KeyMode};
use crate::journey::CellRef;
use crate::text;

pub struct GridView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for &GridView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
    }
}

impl GridView<'_> {
    /// Draw the grid; returns where the text cursor of the cell being edited is.
    pub fn draw(&self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        if area.height == 0 || area.width == 0 {
            return None;
        }
        let layout = self.app.layout();
        let frozen = self.frozen(&layout);
        self.header(&layout, area, buf);
        if area.height > 1 {
            rule(&layout, frozen, area.x, area.y + 1, area.width, self.theme.rule, buf);
        }
        let body = Rect { y: area.y + 2, height: area.height.saturating_sub(2), ..area };
        for (i, band) in layout.rows.iter().enumerate() {
            self.row(&layout, band, body, buf);
            let below = body.y + band.y + band.height;
            if i + 1 < layout.rows.len() && below < body.bottom() {
                rule(&layout, frozen, body.x, below, body.width, self.theme.rule, buf);
            }
        }
        let caret = self.edited_cell(body, buf);
        self.scroll_marks(&layout, body, buf);
        caret
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

/// A source's mood in a phase's header: `@sara☹-1`, or `@☹-1` when `short`
/// (the status bar names the source); `?` when that source's mood is unknown.
pub fn source_mood_badge(source: &str, mood: Option<i8>, short: bool) -> String {
    let name = if short { "" } else { source };
    format!("@{name}{}", mood.map_or_else(|| "?".to_owned(), mood_badge))
}

/// A horizontal rule with crossings under the column separators (a double
/// one right of a frozen phase, whose column is `frozen`).
fn rule(layout: &GridLayout, frozen: Option<usize>, x: u16, y: u16, width: u16, style: Style, buf: &mut Buffer) {
    fill(buf, x, y, "─", usize::from(width), style);
    for (i, col) in layout.cols.iter().enumerate() {
        if col.x > 0 && col.x - 1 < width {
            let cross = if frozen.is_some_and(|f| f + 1 == i) { "╫" } else { "┼" };
            fill(buf, x + col.x - 1, y, cross, 1, style);
        }
    }
}

/// The separator left of the `i`-th column.
fn bar(frozen: Option<usize>, i: usize) -> &'static str {
    if frozen.is_some_and(|f| f + 1 == i) { "║" } else { "│" }
}

impl GridView<'_> {
    /// The index among the visible columns of the frozen phase's, if any.
    fn frozen(&self, layout: &GridLayout) -> Option<usize> {
        let app = self.app;
        let frozen = app.view().frozen_phase(app.journey(), app.width())?;
        layout.cols.iter().position(|c| c.phase == frozen)
    }

    /// A phase's header: its number and name; a frozen phase's ends with the
    /// key that releases it, e.g. `[F]`, which is kept when the name is cut.
    fn label(&self, phase: usize, width: usize, frozen: bool) -> String {
        let name = &self.app.journey().phases()[phase].name;
        let label = text::sanitize(&format!(" {} {name}", phase + 1)).into_owned();
        let key = self
            .app
            .keymap()
            .label(KeyMode::Normal, Action::Grid(Grid::ToggleFreeze))
            .unwrap_or_else(|| "frozen".into());
        let tag = format!(" [{key}]");
        if !frozen || text::width(&tag) + 3 > width {
            return columns::cut(&label, width);
        }
        let room = width - text::width(&tag);
        format!("{}{tag}", columns::cut(&label, room))
    }

    /// The mood badge of a phase's header. With a source it is `@sara☹-1`
    /// in every column when that fits beside every name, else `@☹-1` (the
    /// status bar names the source), so all the header reads alike.
    fn mood_badge(&self, layout: &GridLayout, phase: usize) -> String {
        let mood = self.app.shown_mood(phase);
        let Some(source) = self.app.mood_source() else {
            return mood.map(mood_badge).unwrap_or_default();
        };
        let source = text::sanitize(source);
        let frozen = self.frozen(layout);
        let long_fits = layout.cols.iter().enumerate().all(|(i, col)| {
            let name = text::width(&self.label(col.phase, usize::MAX, frozen == Some(i)));
            let badge = text::width(&source_mood_badge(&source, self.app.shown_mood(col.phase), false));
            name + 1 + badge <= usize::from(col.width)
        });
        source_mood_badge(&source, mood, !long_fits)
    }

    fn header(&self, layout: &GridLayout, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let frozen = self.frozen(layout);
        for (i, col) in layout.cols.iter().enumerate() {
            let focus = col.phase == self.app.cursor().phase;
            let style = if focus { t.header_focus } else { t.phase_header };
            let x = area.x + col.x;
            let width = usize::from(col.width);
            // The mood at the right of the header, e.g. `☹-1`, or a source's,
            // `@sara☹-1` (`@☹-1` where the name does not fit); the name gives way to it.
            let full = self.label(col.phase, usize::MAX, frozen == Some(i));
            let mood = self.mood_badge(layout, col.phase);
            let mood_w = text::width(&mood);
            // The mood shows when the whole name (and a frozen tag) fits beside it.
            let name_w =
                if mood_w > 0 && text::width(&full) + 1 + mood_w <= width { width - mood_w - 1 } else { width };
            let label = self.label(col.phase, name_w, frozen == Some(i));
            fill(buf, x - 1, area.y, bar(frozen, i), 1, t.rule);
            // Only the name is highlighted, a space after it: a cursor move
            // redraws the names, not the whole header.
            let label_w = (text::width(&label) + 1).min(name_w) as u16;
            buf.set_style(Rect::new(x, area.y, label_w.min(area.width - col.x), 1), style);
            put(buf, x, area.y, &label, name_w, style);
            if name_w < width {
                let mx = x + (width - mood_w) as u16;
                buf.set_stringn(mx, area.y, &mood, mood_w, t.phase_header.patch(t.badge));
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
        let name = text::sanitize(&self.app.journey().rows()[band.row]);
        let focus = band.row == self.app.cursor().row;
        let name_style = if focus { t.header_focus } else { t.row_name };
        let name_w = usize::from(layout.names_width);
        put(buf, body.x, y, &text::truncate(&name, name_w), name_w, name_style);
        let frozen = self.frozen(layout);
        for (i, col) in layout.cols.iter().enumerate() {
            let rect = Rect::new(body.x + col.x, y, col.width, height);
            for dy in 0..height {
                fill(buf, rect.x - 1, y + dy, bar(frozen, i), 1, t.rule);
            }
            // (The cell being edited is drawn again, over its neighbours, by `edited_cell`.)
            cell::draw(self.app, t, CellRef::new(col.phase, band.row), col, rect, buf);
        }
        // The cursor's cell gets a heavy bar on its left, under its highlighted
        // phase header and beside its highlighted row name: clear without
        // colour, and cheap over SSH, since a move redraws the bar, not the text.
        if let Some(col) = layout.cols.iter().find(|c| focus && c.phase == self.app.cursor().phase) {
            for dy in 0..height {
                fill(buf, body.x + col.x - 1, y + dy, "┃", 1, t.cursor_bar);
            }
        }
    }

    /// The cell being edited, in a box over the grid that grows over the
    /// cells below (or above) it as its text needs lines; the rows stay put.
    /// Returns where its text cursor is.
    fn edited_cell(&self, body: Rect, buf: &mut Buffer) -> Option<Position> {
        let (Some(editor), Some((col, top, height))) = (self.app.editor(), self.app.edit_area()) else { return None };
        let layout = self.app.layout();
        let y = body.y + top;
        let height = height.min(body.bottom().saturating_sub(y));
        let rect = Rect::new(body.x + col.x, y, col.width.min(body.right().saturating_sub(body.x + col.x)), height);
        // Right of the box: the next column's bar, also across the rules it covers.
        let next = layout.cols.iter().position(|c| c.phase == col.phase).map(|i| i + 1);
        let right = next.filter(|&i| i < layout.cols.len()).map(|i| bar(self.frozen(&layout), i));
        for dy in 0..height {
            let under = buf.cell((rect.right(), y + dy)).map(|c| c.symbol().to_owned());
            // Blank, in no style: styles only patch, so the italic of a cut
            // cell's `+3 (z)` under the box would show through.
            for x in rect.x..=rect.right() {
                if let Some(cell) = buf.cell_mut((x, y + dy)) {
                    cell.reset();
                }
            }
            fill(buf, rect.x - 1, y + dy, "┃", 1, self.theme.cursor_bar);
            if let (Some(right), Some(under)) = (right, under) {
                // A rule the box covers ends at the next column's bar.
                let right = match under.as_str() {
                    "┼" | "─" => "├",
                    "╫" => "╟",
                    _ => right,
                };
                fill(buf, rect.right(), y + dy, right, 1, self.theme.rule);
            }
        }
        cell::draw(self.app, self.theme, editor.at, &col, rect, buf)
    }

    /// Arrows where the grid continues beyond the screen.
    fn scroll_marks(&self, layout: &GridLayout, body: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let header_y = body.y.saturating_sub(2);
        let journey = &self.app.journey();
        let mut corner = String::new();
        // Phases hidden left of the scrolling ones (a frozen phase comes first) or right of them.
        let hidden = |p: usize| !layout.is_phase_visible(p);
        let scrolling = layout.cols.get(usize::from(self.frozen(layout).is_some()));
        if scrolling.is_some_and(|c| (0..c.phase).any(hidden)) {
            corner.push_str("◀ ");
        }
        if layout.rows.first().is_some_and(|r| r.row > 0) {
            corner.push_str("▲ ");
        }
        buf.set_stringn(body.x, header_y, &corner, usize::from(layout.names_width), t.more);
        if layout.cols.last().is_some_and(|c| (c.phase + 1..journey.phase_count()).any(hidden)) && body.width > 0 {
            buf.set_stringn(body.right() - 1, header_y, "▶", 1, t.more);
        }
        let last_row = layout.rows.last().map_or(0, |r| r.row);
        let last_full = layout.rows.last().is_some_and(|r| layout.is_row_visible(r.row));
        if (last_row + 1 < journey.row_count() || !last_full) && body.height > 0 {
            buf.set_stringn(body.x, body.bottom() - 1, "▼ more", usize::from(layout.names_width), t.more);
        }
    }
}
