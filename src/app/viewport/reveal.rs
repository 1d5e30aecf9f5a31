//! How the grid is looked at: the overview, a frozen phase, present mode,
//! a search match shown in the cursor's cell and in zoom, the findings
//! panel's height, and the scroll of a cell being edited. The changes these
//! make are to the view state only; the journey is never touched here.

use crate::app::input::action::Grid;
use std::ops::Range;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::app::grid::search::{self, Target};
use crate::app::input::action::Action;
use crate::app::present::page::{self, Page, Present, Step};
use crate::app::state::{App, Mode, Status};
use crate::app::text::caret::{self, Screen};
use crate::app::viewport::layout::{Chrome, Col};
use crate::app::viewport::panel;
use crate::journey::CellRef;
use crate::text;

impl App {
    /// `v`: the overview on or off.
    pub(in crate::app) fn toggle_overview(&mut self) {
        self.viewport.view.overview = !self.viewport.view.overview;
        if self.viewport.view.overview {
            self.info("Overview: every phase on one screen, one line per cell (v: back to the grid)");
        } else {
            self.info("Back to the grid");
        }
    }

    /// `F`: keep the cursor's phase at the left while the others scroll, or release it.
    pub(in crate::app) fn toggle_freeze(&mut self) {
        let name = |app: &App, phase: usize| {
            let name = app.doc.journey.phases().get(phase).map_or("", |p| p.name.as_str());
            format!("{} {}", phase + 1, text::sanitize(name))
        };
        if let Some(phase) = self.viewport.view.frozen.take() {
            let released = name(self, phase);
            self.info(format!("Released phase {released}: every phase scrolls again"));
            return;
        }
        self.viewport.view.frozen = Some(self.cursor.phase);
        let frozen = name(self, self.cursor.phase);
        if self.viewport.view.frozen_phase(&self.doc.journey, self.viewport.width).is_some() {
            self.info(format!("Froze phase {frozen} at the left; the others scroll beside it (F releases it)"));
        } else {
            self.info(format!("Froze phase {frozen}; it stays at the left once two phases fit the width"));
        }
    }

    /// The name of the frozen phase (phase names are unique).
    pub(in crate::app) fn frozen_name(&self) -> Option<String> {
        Some(self.doc.journey.phases().get(self.viewport.view.frozen?)?.name.clone())
    }

    /// Keep the frozen phase frozen when phases move, come or go (a phase
    /// renamed keeps its place; a phase deleted is released).
    pub(in crate::app) fn follow_frozen(&mut self, name: Option<String>) {
        let (Some(name), Some(_)) = (name, self.viewport.view.frozen) else { return };
        let phases = self.doc.journey.phases();
        if let Some(at) = phases.iter().position(|p| p.name == name) {
            self.viewport.view.frozen = Some(at);
        } else if self.viewport.view.frozen.is_some_and(|f| f >= phases.len()) {
            self.viewport.view.frozen = None;
        }
    }

    /// `:present`: one phase per screen, from the cursor's phase.
    pub(in crate::app) fn start_present(&mut self) {
        self.viewport.zoom = None;
        self.mode = Mode::Present(Present::new(self.cursor.phase));
    }

    /// A phase's page in present mode, laid out for the screen.
    pub fn present_page(&self, phase: usize) -> Page {
        page::fitted(&self.doc.journey, phase, self.findings(), self.viewport.width, self.viewport.height)
    }

    /// An action in present mode: step through the phases, or leave with the
    /// cursor on the phase shown last.
    pub(in crate::app) fn present_step(&mut self, action: Action) {
        let Mode::Present(shown) = self.mode else { return };
        if action == Action::Grid(Grid::ToggleHighlight) {
            if !self.highlight_off() {
                self.highlight_on();
            }
            return;
        }
        let lines = self.present_page(shown.phase).lines.len();
        let height = page::body_height(&self.doc.journey, shown.phase, self.viewport.width, self.viewport.height);
        match page::step(shown, action, self.doc.journey.phase_count(), lines, height) {
            Step::To(next) => self.mode = Mode::Present(next),
            Step::Edge(said) => self.info(said),
            Step::Leave => {
                self.cursor.phase = shown.phase;
                self.mode = Mode::Normal;
            }
            Step::Ignored => {}
        }
    }

    /// The status message, or else, while the cursor is on the search match
    /// it went to, where that match is (`match 1 of 3`).
    pub fn shown_status(&self) -> Option<Status> {
        if self.status.is_some() {
            return self.status.clone();
        }
        let search = self.search.as_ref()?;
        let current = search.current.and_then(|i| search.matches.get(i));
        let on_it = current == Some(&Target::Cell(self.cursor)) && matches!(self.mode, Mode::Normal);
        on_it.then(|| Status { text: search.describe(), error: false })
    }

    /// The first search match in a cell, as a byte range of its sanitized text.
    pub fn first_match(&self, at: CellRef) -> Option<Range<usize>> {
        let pattern = &self.search.as_ref()?.pattern;
        search::find(&text::sanitize(self.doc.journey.cell(at)), pattern).into_iter().next()
    }

    /// The wrapped line (at `width` columns) of the first search match in a cell.
    pub fn match_line(&self, at: CellRef, width: usize) -> Option<usize> {
        let found = self.first_match(at)?;
        let shown = text::sanitize(self.doc.journey.cell(at));
        text::wrap_ranges(&shown, width).iter().rposition(|r| r.start <= found.start)
    }

    /// The line of the cursor's cell that must show because a search match
    /// is there (not on its first line); the cursor's row grows to it.
    pub(in crate::app) fn reveal_line(&self, cols: &[Col]) -> Option<usize> {
        if self.viewport.view.overview || self.editor().is_some() {
            return None;
        }
        let col = cols.iter().find(|c| c.phase == self.cursor.phase)?;
        let width = usize::from(col.width.saturating_sub(1)).max(1);
        self.match_line(self.cursor, width).filter(|&line| line > 0)
    }

    /// Zoomed: scroll to the search match in the cursor's cell.
    pub(in crate::app) fn zoom_to_match(&mut self) {
        let Some(scroll) = self.viewport.zoom else { return };
        let (width, height) = self.zoom_body();
        if let Some(line) = self.match_line(self.cursor, width) {
            let to = caret::scroll_to(line, height, usize::from(scroll));
            self.viewport.zoom = Some(u16::try_from(to).unwrap_or(u16::MAX));
        }
    }

    /// The width and height of the text of a zoomed cell.
    pub fn zoom_body(&self) -> (usize, usize) {
        let chrome = Chrome::for_height(self.viewport.height);
        let outside = chrome.top() + chrome.bottom();
        let panel = self.panel_height().min(self.viewport.height.saturating_sub(outside));
        let area = self.viewport.height.saturating_sub(outside + panel);
        (usize::from(self.viewport.width.saturating_sub(2)).max(1), usize::from(area.saturating_sub(2)))
    }

    /// Lines the findings panel needs for the cursor's cell.
    pub(in crate::app) fn panel_lines(&self) -> u16 {
        let lines = panel::lines(self.findings(), self.cursor, usize::from(self.viewport.width)).len();
        u16::try_from(lines.max(1)).unwrap_or(u16::MAX)
    }

    /// The width and height of the text of the cell being edited.
    pub fn edit_viewport(&self) -> Option<(usize, usize)> {
        self.editor()?;
        if self.viewport.zoom.is_some() {
            return Some(self.zoom_body());
        }
        let (col, _, height) = self.edit_area()?;
        Some((usize::from(col.width.saturating_sub(1)).max(1), usize::from(height).max(1)))
    }

    /// Scroll the cell being edited so its text cursor is on screen.
    pub(in crate::app) fn keep_caret_visible(&mut self) {
        let Some((width, height)) = self.edit_viewport() else { return };
        let Mode::Edit(editor) = &mut self.mode else { return };
        editor.scroll = Screen::new(editor.as_ref(), width).follow(editor.scroll, height, editor.cursor());
    }

    /// A key that edits a cell. Up and down (and the page keys) move along
    /// the lines as the grid wraps them; the rest is the text editor's.
    pub(in crate::app) fn edit_key(&mut self, key: KeyEvent) {
        let viewport = self.edit_viewport();
        let Mode::Edit(editor) = &mut self.mode else { return };
        let page = viewport.map_or(1, |(_, h)| h.saturating_sub(1).max(1)) as isize;
        let by = match (key.code, key.modifiers) {
            (KeyCode::Up, KeyModifiers::NONE) | (KeyCode::Char('p'), KeyModifiers::CONTROL) => Some(-1),
            (KeyCode::Down, KeyModifiers::NONE) | (KeyCode::Char('n'), KeyModifiers::CONTROL) => Some(1),
            (KeyCode::PageUp, _) => Some(-page),
            (KeyCode::PageDown, _) => Some(page),
            _ => None,
        };
        match (by, viewport) {
            (Some(by), Some((width, _))) => {
                let (line, ch) = editor.cursor();
                let (line, ch) = Screen::new(editor.as_ref(), width).moved(line, ch, by);
                editor.jump(line, ch);
            }
            _ => editor.input(key),
        }
    }
}
