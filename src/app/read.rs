//! What the view, the shell and the tests read of the app. Every field of
//! [`App`] is private to `crate::app`, so only `update` (and the rooms it
//! calls) changes state; outside it, these are the only way in, and they only
//! read.

use std::path::PathBuf;

use crate::app::grid::search::Search;
use crate::app::history::History;
use crate::app::input::keymap::Keymap;
use crate::app::recovered::Recovered;
use crate::app::state::{App, Mode, OnDisk, Settings, Status};
use crate::app::viewport::columns::View;
use crate::checks::{Finding, Review};
use crate::insights::{Evidence, MarkCounts};
use crate::journey::{CellRef, Journey};
use crate::recovery::RecoveryTarget;

impl App {
    pub fn journey(&self) -> &Journey {
        &self.doc.journey
    }
    /// Where the journey is saved; `None` for an untitled journey.
    pub fn path(&self) -> &Option<PathBuf> {
        &self.doc.path
    }
    pub fn on_disk(&self) -> OnDisk {
        self.doc.on_disk
    }
    /// Saving over the file needs `:w!`.
    pub fn read_only(&self) -> bool {
        self.doc.read_only
    }
    pub fn cursor(&self) -> CellRef {
        self.cursor
    }
    pub fn mode(&self) -> &Mode {
        &self.mode
    }
    pub fn history(&self) -> &History {
        &self.doc.history
    }
    pub fn keymap(&self) -> &Keymap {
        &self.workspace.keymap
    }
    pub fn status(&self) -> &Option<Status> {
        &self.status
    }
    /// The terminal's size in columns and rows.
    pub fn width(&self) -> u16 {
        self.viewport.width
    }
    pub fn height(&self) -> u16 {
        self.viewport.height
    }
    /// The first phase and row on screen.
    pub fn first_phase(&self) -> usize {
        self.viewport.first_phase
    }
    pub fn first_row(&self) -> usize {
        self.viewport.first_row
    }
    /// Where unsaved changes are kept; `None` when there is no data directory.
    pub fn recovery(&self) -> &Option<RecoveryTarget> {
        &self.workspace.recovery
    }
    /// Highlight mode's review of the journey; `None` when it is off.
    pub fn review(&self) -> &Option<Review> {
        self.derived.review()
    }
    pub fn marks(&self) -> &Option<MarkCounts> {
        self.derived.marks()
    }
    pub fn clipboard(&self) -> &Option<String> {
        &self.workspace.clipboard
    }
    pub fn search(&self) -> &Option<Search> {
        &self.search
    }
    /// Zoom: the cursor's cell alone on the screen, scrolled by this many lines.
    pub fn zoom(&self) -> Option<u16> {
        self.viewport.zoom
    }
    pub fn settings(&self) -> Settings {
        self.workspace.settings
    }
    /// Who is speaking (`:source`).
    pub fn source(&self) -> &Option<String> {
        &self.workspace.source
    }
    /// The evidence view's sources per cell; `None` when it is off.
    pub fn evidence(&self) -> &Option<Evidence> {
        self.derived.evidence()
    }
    /// The merge conflicts in the journey, marked whether highlight mode is on or not.
    pub fn conflicts(&self) -> &[Finding] {
        self.derived.conflicts()
    }
    /// The overview and the frozen phase.
    pub fn view(&self) -> &View {
        &self.viewport.view
    }
    pub fn save_note(&self) -> &Option<String> {
        &self.doc.save_note
    }
    /// Changes recovered from an earlier session that are in no file yet.
    pub fn recovered(&self) -> &Recovered {
        &self.doc.recovered
    }
    /// Opened from the portfolio screen: Esc goes back to the list.
    pub fn from_list(&self) -> bool {
        self.workspace.from_list
    }
}
