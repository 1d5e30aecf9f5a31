//! The view: reads the app state and draws it. Never changes anything.

mod cell;
mod dialog;
mod editor;
mod findings;
pub mod glyphs;
mod grid;
mod help;
mod hints;
mod inbox;
mod lists;
mod log;
mod matches;
mod plan;
mod portfolio;
mod present;
mod put;
mod status;
pub mod theme;
mod zoom;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::viewport::layout::{Chrome, MIN_HEIGHT, MIN_WIDTH};
use crate::app::{App, Mode};
pub use portfolio::PortfolioScreen;
pub use theme::Theme;

/// The whole screen for one frame.
pub struct Screen<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for &Screen<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.render_with_caret(area, buf);
    }
}

impl Screen<'_> {
    /// Draw the screen; returns where the terminal's cursor goes: the text
    /// cursor of the cell being edited (elsewhere the cursor is hidden).
    pub fn render_with_caret(&self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let caret = self.draw(area, buf);
        self.theme.glyphs.apply(buf, area);
        caret
    }

    fn draw(&self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let (app, theme) = (self.app, self.theme);
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            let msg = format!(
                "Terminal too small: jgrid needs {MIN_WIDTH}x{MIN_HEIGHT}, this is {}x{}. Enlarge it, or q to quit.",
                area.width, area.height
            );
            Paragraph::new(msg).wrap(Wrap { trim: true }).render(area, buf);
            return None;
        }
        if let Mode::Present(shown) = app.mode() {
            (&present::PresentView { app, theme, shown: *shown }).render(area, buf);
            return None;
        }
        let chrome = Chrome::for_height(area.height);
        let mut y = area.y;
        if chrome.title {
            (&status::TitleBar { app, theme }).render(Rect { y, height: 1, ..area }, buf);
            y += 1;
        }
        let panel = app.panel_height().min(area.height - chrome.top() - chrome.bottom());
        let grid_height = area.height - chrome.top() - chrome.bottom() - panel;
        let grid_area = Rect { y, height: grid_height, ..area };
        let caret = if app.zoom().is_some() {
            zoom::Zoom { app, theme }.draw(grid_area, buf)
        } else {
            grid::GridView { app, theme }.draw(grid_area, buf)
        };
        y += grid_height;
        let inbox_panel = app.inbox_height().min(panel);
        let findings_panel = panel - inbox_panel;
        if findings_panel > 0 {
            (&findings::FindingsPanel { app, theme }).render(Rect { y, height: findings_panel, ..area }, buf);
            y += findings_panel;
        }
        if inbox_panel > 0 {
            (&inbox::InboxPanel { app, theme }).render(Rect { y, height: inbox_panel, ..area }, buf);
            y += inbox_panel;
        }
        (&status::StatusLine { app, theme }).render(Rect { y, height: 1, ..area }, buf);
        if chrome.hints {
            (&status::Hints { app, theme }).render(Rect { y: y + 1, height: 1, ..area }, buf);
        }
        (&dialog::Dialog { app, theme }).render(Rect { height: area.height - chrome.bottom(), ..area }, buf);
        if let Mode::List(list) = app.mode() {
            let list_area = Rect { height: area.height - chrome.bottom(), ..area };
            match &list.kind {
                crate::app::lists::ListKind::Plan(order) => {
                    (&plan::PlanOverlay { app, order, selected: list.selected, theme }).render(list_area, buf);
                }
                crate::app::lists::ListKind::Log(items) => {
                    (&log::LogOverlay { app, items, selected: list.selected, theme }).render(list_area, buf);
                }
                _ => (&lists::ListOverlay { app, list, theme }).render(list_area, buf),
            }
        }
        if let Mode::Help { scroll } = app.mode() {
            let help_area = Rect { height: area.height - chrome.bottom(), ..area };
            (&help::Help { app, theme, scroll: *scroll }).render(help_area, buf);
        }
        caret
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod view_tests;

#[cfg(test)]
mod portfolio_tests;

#[cfg(test)]
mod plan_tests;

#[cfg(test)]
mod mood_tests;

#[cfg(test)]
mod log_tests;
