//! The whole state of a running jgrid.

use std::path::PathBuf;

use crate::app::derived::Derived;
use crate::app::grid::search::Search;
use crate::app::history::History;
use crate::app::input::keymap::{KeyMode, Keymap};
use crate::app::lists::items::{ListKind, ListView};
use crate::app::present::page::Present;
use crate::app::questions::Question;
use crate::app::recovered::Recovered;
use crate::app::text::cell_editor::Editor;
use crate::app::text::line_input::LineInput;
use crate::app::viewport::columns::View;
use crate::checks::Finding;
use crate::journey::{CellRef, Journey};
use crate::recovery::RecoveryTarget;

/// What the keys do right now.
#[derive(Debug, Clone)]
pub enum Mode {
    Normal,
    Edit(Box<Editor>),
    Line(Box<LineInput>),
    Help {
        scroll: u16,
    },
    /// A question waits for its answer.
    Ask(Box<Question>),
    /// The inbox panel has the focus; `selected` is a note's index.
    Inbox {
        selected: usize,
    },
    /// The inbox note at this index was picked up; the cursor chooses its cell.
    Place {
        note: usize,
    },
    /// A list over the grid: the insights, findings to accept, the accepted ones.
    List(Box<ListView>),
    /// One phase per screen, for a workshop; nothing can be edited.
    Present(Present),
}

impl Mode {
    pub fn name(&self) -> &'static str {
        match self {
            Mode::Normal => "NORMAL",
            Mode::Edit(_) => "EDIT",
            Mode::Line(_) => "COMMAND",
            Mode::Help { .. } => "HELP",
            Mode::Ask(q) => q.spec().mode,
            Mode::Inbox { .. } => "INBOX",
            Mode::Place { .. } => "SORT",
            Mode::List(list) if matches!(list.kind, ListKind::Plan(_)) => "PLAN",
            Mode::List(list) if matches!(list.kind, ListKind::Log(_)) => "LOG",
            Mode::List(_) => "LIST",
            Mode::Present(_) => "PRESENT",
        }
    }

    pub fn key_mode(&self) -> KeyMode {
        match self {
            Mode::Normal => KeyMode::Normal,
            Mode::Edit(_) => KeyMode::Edit,
            Mode::Line(_) => KeyMode::Line,
            Mode::Help { .. } => KeyMode::Help,
            Mode::Ask(q) => KeyMode::Question(q.kind()),
            Mode::Inbox { .. } => KeyMode::Inbox,
            Mode::Place { .. } => KeyMode::Place,
            Mode::List(_) => KeyMode::List,
            Mode::Present(_) => KeyMode::Present,
        }
    }

    /// The question being asked, if any.
    pub fn question(&self) -> Option<&Question> {
        match self {
            Mode::Ask(q) => Some(q),
            _ => None,
        }
    }
}

/// What jgrid knows of the journey's file on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDisk {
    /// Nothing is known (an untitled journey, or a journey built in a test).
    Unknown,
    /// The file does not exist yet: it is written on the first save.
    Absent,
    /// The hash of the file's bytes when last loaded or saved.
    Hash(u64),
}

impl OnDisk {
    /// The hash of what should be on disk, if any.
    pub fn hash(self) -> Option<u64> {
        match self {
            OnDisk::Hash(h) => Some(h),
            _ => None,
        }
    }
}

/// A one-line message in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// The journey being edited, its file and its history: what `:w` writes and
/// `u` undoes.
#[derive(Debug)]
pub struct Doc {
    pub(in crate::app) journey: Journey,
    /// Where the journey is saved; `None` for an untitled journey.
    pub(in crate::app) path: Option<PathBuf>,
    /// What is on disk at `path`.
    pub(in crate::app) on_disk: OnDisk,
    /// Saving over `path` needs `:w!` (the file is read-only, or the user
    /// opened it read-only because another jgrid has it open).
    pub(in crate::app) read_only: bool,
    pub(in crate::app) history: History,
    /// Changes recovered from an earlier session that are in no file yet.
    pub(in crate::app) recovered: Recovered,
    /// Said after the next "Saved" (e.g. that `.toml` was added to the name).
    pub(in crate::app) save_note: Option<String>,
}

/// What of the journey is on screen: the terminal's size, the first phase
/// and row shown, zoom, the overview and the frozen phase.
#[derive(Debug)]
pub struct Viewport {
    pub(in crate::app) width: u16,
    pub(in crate::app) height: u16,
    pub(in crate::app) first_phase: usize,
    pub(in crate::app) first_row: usize,
    /// Zoom: the cursor's cell alone on the whole screen, scrolled by this many lines.
    pub(in crate::app) zoom: Option<u16>,
    /// The overview and the frozen phase.
    pub(in crate::app) view: View,
}

/// Who works, how, and with what at hand: the keymap and settings, the
/// recovery file, the current source and `:only`, the clipboard.
#[derive(Debug)]
pub struct Workspace {
    pub(in crate::app) keymap: Keymap,
    /// Settings from the config file.
    pub(in crate::app) settings: Settings,
    /// Where unsaved changes are kept; `None` when there is no data directory.
    pub(in crate::app) recovery: Option<RecoveryTarget>,
    /// Who is speaking (`:source`): new lines and captured notes get `@source`.
    pub(in crate::app) source: Option<String>,
    /// `:only @NAME`: that source's lines alone in the grid.
    pub(in crate::app) only: Option<crate::app::interview::only::Only>,
    /// The last copied or cut cell text.
    pub(in crate::app) clipboard: Option<String>,
    /// Opened from the portfolio screen: Esc in the grid, with nothing else
    /// to cancel, goes back to the list (as `q` does, with the save guard).
    pub(in crate::app) from_list: bool,
}

/// A running jgrid, split the way helix-view splits its editor: the
/// document, what is on screen, the workspace, and what is derived from the
/// journey (refreshed in one place, `Derived`).
#[derive(Debug)]
pub struct App {
    pub(in crate::app) doc: Doc,
    pub(in crate::app) viewport: Viewport,
    pub(in crate::app) workspace: Workspace,
    pub(in crate::app) cursor: CellRef,
    pub(in crate::app) mode: Mode,
    pub(in crate::app) status: Option<Status>,
    /// What is derived from the journey: conflicts, highlight mode, evidence.
    pub(in crate::app) derived: Derived,
    /// The current search, whose matches are highlighted.
    pub(in crate::app) search: Option<Search>,
}

/// What the config file decides about the app's behaviour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub mouse: bool,
    pub osc52: bool,
    /// Save the journey file after each committed change.
    pub autosave: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self { mouse: true, osc52: true, autosave: false }
    }
}

/// Everything the shell knows about a journey when it opens it.
#[derive(Debug, Clone)]
pub struct Opening {
    pub journey: Journey,
    pub path: Option<PathBuf>,
    pub on_disk: OnDisk,
    pub read_only: bool,
    pub recovery: Option<RecoveryTarget>,
    pub keymap: Keymap,
    pub settings: Settings,
    pub source: Option<String>,
    /// Opened from the portfolio screen (Esc goes back to the list).
    pub from_list: bool,
}

impl App {
    /// The app for a journey as the shell opened it.
    pub fn open(o: Opening) -> Self {
        let history = if o.path.is_some() { History::saved() } else { History::unsaved() };
        let mut app = Self::new(o.journey, o.path, history);
        app.doc.on_disk = o.on_disk;
        app.doc.read_only = o.read_only;
        app.workspace = Workspace {
            keymap: o.keymap,
            settings: o.settings,
            recovery: o.recovery,
            source: o.source,
            from_list: o.from_list,
            ..app.workspace
        };
        app
    }

    pub fn new(journey: Journey, path: Option<PathBuf>, history: History) -> Self {
        Self {
            derived: Derived::new(&journey),
            doc: Doc {
                journey,
                path,
                on_disk: OnDisk::Unknown,
                read_only: false,
                history,
                recovered: Recovered::default(),
                save_note: None,
            },
            viewport: Viewport {
                width: 80,
                height: 24,
                first_phase: 0,
                first_row: 0,
                zoom: None,
                view: View::default(),
            },
            workspace: Workspace {
                keymap: Keymap::default(),
                settings: Settings::default(),
                recovery: None,
                source: None,
                only: None,
                clipboard: None,
                from_list: false,
            },
            cursor: CellRef::default(),
            mode: Mode::Normal,
            status: None,
            search: None,
        }
    }

    pub fn is_modified(&self) -> bool {
        self.doc.history.is_modified()
    }

    /// True when the journey's file does not exist yet.
    pub fn is_new_file(&self) -> bool {
        self.doc.on_disk == OnDisk::Absent
    }

    /// True in highlight mode.
    pub fn highlight(&self) -> bool {
        self.derived.review().is_some()
    }

    /// The findings shown in highlight mode (none when it is off).
    pub fn findings(&self) -> &[Finding] {
        self.derived.review().as_ref().map_or(&[], |r| &r.open)
    }

    /// The findings marked in the grid: all of them in highlight mode, else
    /// the merge conflicts, which are always marked.
    pub fn marked(&self) -> &[Finding] {
        self.derived.review().as_ref().map_or(self.derived.conflicts(), |r| &r.open)
    }

    /// The names of the cursor's phase and row.
    pub fn cursor_names(&self) -> (&str, &str) {
        let phase = self.doc.journey.phases().get(self.cursor.phase).map_or("", |p| p.name.as_str());
        let row = self.doc.journey.rows().get(self.cursor.row).map_or("", String::as_str);
        (phase, row)
    }

    /// The path shown to the user.
    pub fn file_label(&self) -> String {
        self.doc.path.as_ref().map_or_else(|| "[untitled]".to_owned(), |p| p.display().to_string())
    }
}
