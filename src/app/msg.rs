//! What `update` reacts to (`Msg`), and the work it asks the shell to do
//! (`Effect`). The shell turns each effect's outcome back into a `Msg`, so the
//! state changes in one place only.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use crate::app::input::action::Action;
use crate::app::questions::{Discovered, Found};
use crate::journey::{CellRef, Journey};
use crate::recovery::RecoveryTarget;

/// Everything `update` reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A bound key's action.
    Run(Action),
    /// A key with no binding in a text mode (it edits the text), or any key
    /// while a question waits for its answer.
    Input(KeyEvent),
    /// A key to resolve in the mode the messages before it left: the key
    /// after a quick Esc that arrived as Alt+key.
    Key(KeyEvent),
    /// Text pasted with bracketed paste.
    Paste(String),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The shell finished a save that `update` asked for: the hash of what is
    /// now on disk, or why not. `recovery` is where the journey's unsaved
    /// changes are kept from now on, when the save moved it to a new file.
    Saved { path: PathBuf, result: Result<u64, SaveFailure>, then_quit: bool, recovery: Option<RecoveryTarget> },
    /// The file changed on disk since it was loaded or saved; nothing was written.
    SaveConflict { path: PathBuf, then_quit: bool },
    /// The external editor finished: the new text, or why not.
    ExternalEdited { at: CellRef, result: Result<EditorText, EditorFailure> },
    /// The shell reloaded the file from disk (after a conflict); `kept` is
    /// where the unsaved changes were set aside.
    Reloaded { result: Result<(Box<Journey>, u64), ReloadFailure>, kept: Option<PathBuf> },
    /// At start: other jgrids that have this journey open (their pids and
    /// start times), the recovery files no running jgrid owns, and the ones
    /// that cannot be read (left alone).
    Opened { others: Vec<crate::recovery::Other>, found: Vec<Found>, unreadable: Vec<(PathBuf, String)> },
    /// At start: the file held git's conflict markers and did not load; the
    /// journey is jgrid's cell-by-cell merge of its versions (`text` says how,
    /// with `conflicts` left). Then what `Opened` says.
    Unmerged {
        text: String,
        conflicts: usize,
        others: Vec<crate::recovery::Other>,
        found: Vec<Found>,
        unreadable: Vec<(PathBuf, String)>,
    },
    /// Other jgrids on this journey were asked to hand it over (`take over`):
    /// why any of them could not be, then what is there now, as at start.
    TakenOver { failures: Vec<String>, found: Discovered },
    /// The recovery file could not be written (or removed).
    RecoveryFailed { file: PathBuf, reason: String },
    /// A message for the status bar from outside (start-up notices).
    Notice { text: String, error: bool },
    /// A mouse click on the screen (0-based column and row); `double` for a double click.
    Click { col: u16, row: u16, double: bool },
    /// The mouse wheel turned.
    Scroll { down: bool },
}

/// Why a save did not happen, in terms a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SaveFailure {
    #[error("the file is read-only; :w! overwrites it")]
    ReadOnly,
    #[error("{0}")]
    Io(String),
}

/// Why the journey could not be loaded again.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReloadFailure {
    #[error("the journey has no file yet")]
    NoFile,
    /// The file cannot be read as a journey (the rendered `FILE:LINE:COLUMN` message).
    #[error("{0}")]
    Unreadable(String),
}

/// What came back from the external editor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorText {
    pub text: String,
    /// The editor saved bytes that are not UTF-8: they were decoded with
    /// replacement characters, and the file was kept here.
    pub not_utf8: Option<PathBuf>,
}

/// Why the external editor gave no text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditorFailure {
    #[error("No editor set: export VISUAL or EDITOR (for example EDITOR=nano) to use e")]
    NoEditor,
    #[error("Cannot start the editor ({editor}): {reason}; the cell is unchanged")]
    CannotStart { editor: String, reason: String },
    #[error("Kept {kept}: the editor ({editor}) failed ({status}); the cell is unchanged")]
    Failed { editor: String, status: String, kept: String },
    #[error("{0}")]
    TempFile(String),
    #[error("Cannot take the terminal back: {0}")]
    Terminal(String),
}

/// Work `update` asks the shell to do: everything with side effects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the journey to `path`; unless `force`, first make sure the file
    /// on disk is still what was loaded and that it is not read-only.
    Save { path: PathBuf, then_quit: bool, force: bool },
    /// Bring the recovery file up to date (or remove it when nothing is unsaved).
    WriteRecovery,
    /// Remove a recovery file found at start: the user discarded its changes.
    DiscardRecovery { file: PathBuf },
    /// Make a recovery file found at start this session's own (its changes
    /// were recovered): it is renamed, so its content is never lost.
    AdoptRecovery { file: PathBuf },
    /// Set the unsaved changes aside and load the file from disk again.
    Reload,
    /// Put text on the terminal's clipboard (OSC 52), so it reaches the laptop over SSH.
    Clipboard(String),
    /// Edit a cell's text in `$VISUAL` / `$EDITOR`.
    ExternalEdit { at: CellRef, text: String },
    /// End the session; nothing is unsaved. The recovery file goes only if
    /// it reads back as holding nothing unsaved, else it stays and is named.
    Quit,
    /// End the session, the user having discarded what is unsaved in words
    /// ("quit without saving", `:q!`, "quit, discard it").
    QuitDiscarding,
    /// End the session but leave the recovery file for a later start.
    QuitKeepingRecovery,
    /// A recovery file found at start had damaged parts: what could be used
    /// was recovered; the file is moved aside whole (`recovery/damaged/`).
    SetAsideRecovery { file: PathBuf },
    /// Ask these other jgrids on the journey to write their recovery files
    /// and quit, wait for them (bounded), then say what is there now.
    TakeOver { others: Vec<crate::recovery::Other> },
}
