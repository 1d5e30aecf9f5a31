//! What the user can ask for. Keys become `Command`s through the keymap;
//! everything that reaches `update` is an `Action`.

use ratatui::crossterm::event::KeyEvent;
use std::path::PathBuf;

use crate::journey::{CellRef, Journey};

/// A bindable command. Each has a stable name used by the config file and help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Command {
    MoveLeft,
    MoveRight,
    MoveUp,
    MoveDown,
    NextPhase,
    PrevPhase,
    FirstPhase,
    LastPhase,
    FirstRow,
    LastRow,
    PageUp,
    PageDown,
    Edit,
    Append,
    Clear,
    Undo,
    Redo,
    Save,
    Quit,
    Help,
    CommandLine,
    /// Mark gaps and discrepancies, and explain them.
    ToggleHighlight,
    NextFinding,
    PrevFinding,
    Copy,
    Paste,
    Cut,
    Search,
    SearchNext,
    SearchPrev,
    Zoom,
    ExternalEditor,
    AddPhase,
    InsertPhase,
    RenamePhase,
    DeletePhase,
    MovePhaseLeft,
    MovePhaseRight,
    AddRow,
    RenameRow,
    MoveRowUp,
    MoveRowDown,
    EditTitle,
    EditPersona,
    Complete,
    /// Edit mode: keep the edit and return to the grid.
    KeepEdit,
    /// Edit mode: throw the edit away.
    AbandonEdit,
    /// Edit mode: keep the edit and save the file.
    KeepAndSave,
    /// Line input (command line, prompts): run it.
    Submit,
    /// Line input, help: close without doing anything.
    Cancel,
}

impl Command {
    /// Every command, in the order help lists them.
    pub const ALL: [Command; 50] = [
        Command::MoveLeft,
        Command::MoveRight,
        Command::MoveUp,
        Command::MoveDown,
        Command::NextPhase,
        Command::PrevPhase,
        Command::FirstPhase,
        Command::LastPhase,
        Command::FirstRow,
        Command::LastRow,
        Command::PageUp,
        Command::PageDown,
        Command::Edit,
        Command::Append,
        Command::Clear,
        Command::Undo,
        Command::Redo,
        Command::Save,
        Command::Quit,
        Command::Help,
        Command::CommandLine,
        Command::ToggleHighlight,
        Command::NextFinding,
        Command::PrevFinding,
        Command::Copy,
        Command::Paste,
        Command::Cut,
        Command::Search,
        Command::SearchNext,
        Command::SearchPrev,
        Command::Zoom,
        Command::ExternalEditor,
        Command::AddPhase,
        Command::InsertPhase,
        Command::RenamePhase,
        Command::DeletePhase,
        Command::MovePhaseLeft,
        Command::MovePhaseRight,
        Command::AddRow,
        Command::RenameRow,
        Command::MoveRowUp,
        Command::MoveRowDown,
        Command::EditTitle,
        Command::EditPersona,
        Command::Complete,
        Command::KeepEdit,
        Command::AbandonEdit,
        Command::KeepAndSave,
        Command::Submit,
        Command::Cancel,
    ];

    /// The name used in the config file, e.g. `move-left`.
    pub fn name(self) -> &'static str {
        self.info().0
    }

    /// What the command does, for help.
    pub fn describe(self) -> &'static str {
        self.info().1
    }

    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.name() == name)
    }

    fn info(self) -> (&'static str, &'static str) {
        match self {
            Command::MoveLeft => ("move-left", "previous phase (left)"),
            Command::MoveRight => ("move-right", "next phase (right)"),
            Command::MoveUp => ("move-up", "row above"),
            Command::MoveDown => ("move-down", "row below"),
            Command::NextPhase => ("next-phase", "next phase"),
            Command::PrevPhase => ("prev-phase", "previous phase"),
            Command::FirstPhase => ("first-phase", "first phase"),
            Command::LastPhase => ("last-phase", "last phase"),
            Command::FirstRow => ("first-row", "first row"),
            Command::LastRow => ("last-row", "last row"),
            Command::PageUp => ("page-up", "a screen of rows up"),
            Command::PageDown => ("page-down", "a screen of rows down"),
            Command::Edit => ("edit", "edit the cell"),
            Command::Append => ("append", "add a new line to the cell and edit"),
            Command::Clear => ("clear", "clear the cell"),
            Command::Undo => ("undo", "undo the last change"),
            Command::Redo => ("redo", "redo what was undone"),
            Command::Save => ("save", "save the journey"),
            Command::Quit => ("quit", "quit (asks first if there are unsaved changes)"),
            Command::Help => ("help", "show this help"),
            Command::CommandLine => ("command-line", "command line (:w :q :q! :wq)"),
            Command::ToggleHighlight => {
                ("toggle-highlight", "highlight mode: mark gaps and discrepancies, explain them")
            }
            Command::NextFinding => ("next-finding", "next flagged cell (highlight mode)"),
            Command::PrevFinding => ("prev-finding", "previous flagged cell (highlight mode)"),
            Command::Copy => ("copy", "copy the cell (also to the terminal's clipboard)"),
            Command::Paste => ("paste", "paste over the cell"),
            Command::Cut => ("cut", "cut the cell (copy, then clear)"),
            Command::Search => ("search", "search cells, title and persona"),
            Command::SearchNext => ("search-next", "next match"),
            Command::SearchPrev => ("search-prev", "previous match"),
            Command::Zoom => ("zoom", "show the cell alone on the whole screen (again: back)"),
            Command::ExternalEditor => ("external-editor", "edit the cell in $VISUAL / $EDITOR"),
            Command::AddPhase => ("add-phase", "add a phase after this one (:phase add)"),
            Command::InsertPhase => ("insert-phase", "insert a phase before this one (:phase insert)"),
            Command::RenamePhase => ("rename-phase", "rename this phase (:phase rename)"),
            Command::DeletePhase => ("delete-phase", "delete this phase (asks when it has text)"),
            Command::MovePhaseLeft => ("move-phase-left", "move this phase left"),
            Command::MovePhaseRight => ("move-phase-right", "move this phase right"),
            Command::AddRow => ("add-row", "add a row below this one (:row add)"),
            Command::RenameRow => ("rename-row", "rename this row (:row rename)"),
            Command::MoveRowUp => ("move-row-up", "move this row up"),
            Command::MoveRowDown => ("move-row-down", "move this row down"),
            Command::EditTitle => ("edit-title", "edit the title (:title)"),
            Command::EditPersona => ("edit-persona", "edit the persona (:persona)"),
            Command::Complete => ("complete", "complete the command"),
            Command::KeepEdit => ("keep-edit", "keep the edit, back to the grid"),
            Command::AbandonEdit => ("abandon-edit", "abandon the edit"),
            Command::KeepAndSave => ("keep-and-save", "keep the edit and save"),
            Command::Submit => ("submit", "run the command / answer"),
            Command::Cancel => ("cancel", "cancel"),
        }
    }
}

/// Everything `update` reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Run(Command),
    /// A key with no binding in a text mode: it edits the text.
    Input(KeyEvent),
    /// Text pasted with bracketed paste.
    Paste(String),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The shell finished a save that `update` asked for; `Ok` holds the
    /// hash of what is now on disk.
    Saved {
        path: PathBuf,
        result: Result<u64, String>,
        then_quit: bool,
    },
    /// The external editor finished: the new text, or why not.
    ExternalEdited {
        at: CellRef,
        result: Result<String, String>,
    },
    /// A mouse click on the screen (0-based column and row); `double` for a double click.
    Click {
        col: u16,
        row: u16,
        double: bool,
    },
    /// The mouse wheel turned.
    Scroll {
        down: bool,
    },
    /// The file changed on disk since it was loaded or saved; nothing was written.
    SaveConflict {
        path: PathBuf,
        then_quit: bool,
    },
    /// The shell reloaded the file from disk (after a conflict); `kept` is
    /// where the unsaved changes were set aside.
    Reloaded {
        result: Result<(Box<Journey>, u64), String>,
        kept: Option<PathBuf>,
    },
}

/// Work `update` asks the shell to do: everything with side effects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the journey to `path`; unless `force`, first make sure the file
    /// on disk is still what was loaded.
    Save { path: PathBuf, then_quit: bool, force: bool },
    /// Bring the recovery file up to date (or remove it when nothing is unsaved).
    WriteRecovery,
    /// Remove the recovery file: the user discarded the unsaved changes.
    DiscardRecovery,
    /// Set the unsaved changes aside and load the file from disk again.
    Reload,
    /// Put text on the terminal's clipboard (OSC 52), so it reaches the laptop over SSH.
    Clipboard(String),
    /// Edit a cell's text in `$VISUAL` / `$EDITOR`.
    ExternalEdit { at: CellRef, text: String },
    /// End the session; nothing unsaved is wanted any more.
    Quit,
    /// End the session but leave the recovery file for a later start.
    QuitKeepingRecovery,
}
