//! What of the journey is on screen: the grid's geometry, the panels under
//! it, and the scrolling that keeps the cursor in view.

use crate::app::state::{App, Mode};
use crate::app::text::caret::{Row, Screen};
use crate::app::viewport::layout::{self, Col, Geometry, GridLayout};

impl App {
    /// The layout of the grid for the current state.
    pub fn layout(&self) -> GridLayout {
        self.viewport.view.grid(self.shown(), self.geometry())
    }

    /// Where the cell being edited is drawn: its column, and the first line
    /// (below the grid's header) and number of lines of its box. The layout
    /// stays as it was: the box starts on the cell's row and grows over the
    /// cells below it (or, at the bottom of the grid, above it) as the text
    /// needs lines, so entering, typing and leaving redraw only that box.
    pub fn edit_area(&self) -> Option<(Col, u16, u16)> {
        let editor = self.editor()?;
        let layout = self.layout();
        let col = *layout.cols.iter().find(|c| c.phase == editor.at.phase)?;
        let text = Screen::new(editor, usize::from(col.width.saturating_sub(1)).max(1));
        // One spare line so the cursor has room to start a new one.
        let needed = text.rows_from(Row::default(), usize::from(layout.body_height).max(1)) + 1;
        let (top, height) = layout.overlay(editor.at.row, needed)?;
        Some((col, top, height))
    }

    fn geometry(&self) -> Geometry {
        let cols = self.viewport.view.columns(&self.doc.journey, self.viewport.width, self.viewport.first_phase);
        // A search match further down the cursor's cell shows.
        let focus_min = self.reveal_line(&cols).map_or(0, |line| line + 1);
        Geometry {
            width: self.viewport.width,
            height: self.viewport.height,
            panel: self.panel_height(),
            first_phase: self.viewport.first_phase,
            first_row: self.viewport.first_row,
            focus_row: self.cursor.row,
            focus_min,
        }
    }

    /// Lines under the grid for the panels: the findings and the inbox.
    pub fn panel_height(&self) -> u16 {
        self.findings_height() + self.inbox_height()
    }

    /// Lines under the grid for explaining the cursor cell's findings.
    pub fn findings_height(&self) -> u16 {
        match (self.highlight(), self.viewport.height) {
            (false, _) | (_, 0..10) => 0,
            (true, 10..16) => 2,
            // Zoomed, the panel grows to show every finding of the cell.
            (true, _) if self.viewport.zoom.is_some() => self.panel_lines().clamp(4, self.viewport.height / 2),
            (true, _) => 4,
        }
    }

    /// Lines under the grid for the inbox panel while it is in use: its
    /// title and notes, at most a third of the screen.
    pub fn inbox_height(&self) -> u16 {
        if !matches!(self.mode, Mode::Inbox { .. } | Mode::Place { .. }) || self.viewport.height < 10 {
            return 0;
        }
        // A title line, then one line a note.
        let wanted = self.doc.journey.inbox.len().saturating_add(1);
        wanted.min(usize::from(self.viewport.height / 3).max(2)) as u16
    }

    /// Keep the cursor inside the grid and the viewport around the cursor.
    pub fn scroll_to_cursor(&mut self) {
        let phases = self.doc.journey.phase_count();
        let rows = self.doc.journey.row_count();
        self.cursor.phase = self.cursor.phase.min(phases.saturating_sub(1));
        self.cursor.row = self.cursor.row.min(rows.saturating_sub(1));
        self.viewport.view.frozen = self.viewport.view.frozen.filter(|&f| f < phases);
        self.viewport.first_phase = self.viewport.view.first_for(
            &self.doc.journey,
            self.viewport.width,
            self.viewport.first_phase,
            self.cursor.phase,
        );
        if self.cursor.row < self.viewport.first_row {
            self.viewport.first_row = self.cursor.row;
        }
        self.viewport.first_row = self.viewport.first_row.min(rows.saturating_sub(1));
        // Measure every row once; trying first rows below only re-fits the heights.
        let cols = self.viewport.view.columns(&self.doc.journey, self.viewport.width, self.viewport.first_phase);
        // The rows are as tall as what is shown (`:only` can hide lines).
        let shown = self.workspace.only.as_ref().map_or(&self.doc.journey, |o| &o.shown);
        let natural = self.viewport.view.natural_heights(shown, &cols, 0..rows);
        let geometry = self.geometry();
        let visible = |first_row: usize| {
            let f = Geometry { first_row, ..geometry };
            layout::grid_with(shown, f, cols.clone(), &natural[first_row..]).is_row_visible(self.cursor.row)
        };
        while self.viewport.first_row < self.cursor.row && !visible(self.viewport.first_row) {
            self.viewport.first_row += 1;
        }
        // Scroll back up while that still shows the cursor's row in full.
        while self.viewport.first_row > 0 && visible(self.viewport.first_row - 1) {
            self.viewport.first_row -= 1;
        }
        self.keep_caret_visible();
    }

    /// Rows fully visible on screen now (at least one), for paging.
    pub fn rows_per_page(&self) -> usize {
        let layout = self.layout();
        layout.rows.iter().filter(|r| layout.is_row_visible(r.row)).count().max(1)
    }
}
