//! Actions: what a key can be bound to. One table gives each its stable
//! name (used by the config file) and what it does (used by help), so the
//! keymap, the config file and help can never disagree.

/// A bindable action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
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
    /// Edit mode: throw the edit away (one `u` brings it back).
    AbandonEdit,
    /// Edit mode: keep the edit and save the file.
    KeepAndSave,
    /// Line input (command line, prompts): run it.
    Submit,
    /// Line input, help, a question: close without doing anything.
    Cancel,
    // Answers to questions (see `question.rs`).
    SaveAndQuit,
    QuitWithoutSaving,
    Recover,
    Discard,
    KeepForLater,
    Overwrite,
    Reload,
    SaveAs,
    ConfirmDelete,
    KeepIt,
    OpenAnyway,
    OpenReadOnly,
    /// Open the capture line: notes go into the inbox.
    Capture,
    /// Show the inbox and move the focus to it.
    ShowInbox,
    PickNote,
    DeleteNote,
    EditNote,
    DropNote,
    /// The cursor phase's mood one step happier / unhappier.
    RaiseMood,
    LowerMood,
    /// The list of every marked line (pains, opportunities, questions, quotes).
    ShowInsights,
    /// Show how many sources back each cell.
    ToggleEvidence,
    /// Resolve the merge conflict at the cursor (asks which side).
    ResolveConflict,
    TakeOurs,
    TakeTheirs,
    TakeBoth,
    /// Accept a finding of the cursor's cell, with a reason.
    AcceptFinding,
    /// In the list of accepted findings: accept it no more.
    Unaccept,
    /// Every phase on one screen, one line per cell.
    ToggleOverview,
    /// Keep the cursor's phase at the left while the others scroll.
    ToggleFreeze,
}

/// An action's name in the config file and what it does, for help.
struct Info {
    action: Action,
    name: &'static str,
    doc: &'static str,
}

const fn info(action: Action, name: &'static str, doc: &'static str) -> Info {
    Info { action, name, doc }
}

/// Every action, in the order help lists them.
const TABLE: [Info; 80] = [
    info(Action::MoveLeft, "move-left", "previous phase (left)"),
    info(Action::MoveRight, "move-right", "next phase (right)"),
    info(Action::MoveUp, "move-up", "row above"),
    info(Action::MoveDown, "move-down", "row below"),
    info(Action::NextPhase, "next-phase", "next phase"),
    info(Action::PrevPhase, "prev-phase", "previous phase"),
    info(Action::FirstPhase, "first-phase", "first phase"),
    info(Action::LastPhase, "last-phase", "last phase"),
    info(Action::FirstRow, "first-row", "first row"),
    info(Action::LastRow, "last-row", "last row"),
    info(Action::PageUp, "page-up", "a screen of rows up"),
    info(Action::PageDown, "page-down", "a screen of rows down"),
    info(Action::Edit, "edit", "edit the cell"),
    info(Action::Append, "append", "add a new line to the cell and edit"),
    info(Action::Clear, "clear", "clear the cell"),
    info(Action::Undo, "undo", "undo the last change"),
    info(Action::Redo, "redo", "redo what was undone"),
    info(Action::Save, "save", "save the journey"),
    info(Action::Quit, "quit", "quit (asks first if there are unsaved changes)"),
    info(Action::Help, "help", "show this help"),
    info(Action::CommandLine, "command-line", "command line (:w :q :q! :wq)"),
    info(Action::ToggleHighlight, "toggle-highlight", "highlight mode: mark gaps and discrepancies, explain them"),
    info(Action::NextFinding, "next-finding", "next flagged cell (highlight mode)"),
    info(Action::PrevFinding, "prev-finding", "previous flagged cell (highlight mode)"),
    info(Action::Copy, "copy", "copy the cell (also to the terminal's clipboard)"),
    info(Action::Paste, "paste", "paste over the cell"),
    info(Action::Cut, "cut", "cut the cell (copy, then clear)"),
    info(Action::Search, "search", "search cells, title and persona"),
    info(Action::SearchNext, "search-next", "next match"),
    info(Action::SearchPrev, "search-prev", "previous match"),
    info(Action::Zoom, "zoom", "show the cell alone on the whole screen (again: back)"),
    info(Action::ExternalEditor, "external-editor", "edit the cell in $VISUAL / $EDITOR"),
    info(Action::AddPhase, "add-phase", "add a phase after this one (:phase add)"),
    info(Action::InsertPhase, "insert-phase", "insert a phase before this one (:phase insert)"),
    info(Action::RenamePhase, "rename-phase", "rename this phase (:phase rename)"),
    info(Action::DeletePhase, "delete-phase", "delete this phase (asks when it has text)"),
    info(Action::MovePhaseLeft, "move-phase-left", "move this phase left"),
    info(Action::MovePhaseRight, "move-phase-right", "move this phase right"),
    info(Action::AddRow, "add-row", "add a row below this one (:row add)"),
    info(Action::RenameRow, "rename-row", "rename this row (:row rename)"),
    info(Action::MoveRowUp, "move-row-up", "move this row up"),
    info(Action::MoveRowDown, "move-row-down", "move this row down"),
    info(Action::EditTitle, "edit-title", "edit the title (:title)"),
    info(Action::EditPersona, "edit-persona", "edit the persona (:persona)"),
    info(Action::Complete, "complete", "complete the command"),
    info(Action::KeepEdit, "keep-edit", "keep the edit, back to the grid"),
    info(Action::AbandonEdit, "abandon-edit", "abandon the edit (u brings it back)"),
    info(Action::KeepAndSave, "keep-and-save", "keep the edit and save"),
    info(Action::Submit, "submit", "run the command / answer"),
    info(Action::Cancel, "cancel", "cancel"),
    info(Action::SaveAndQuit, "save-and-quit", "save, then quit"),
    info(Action::QuitWithoutSaving, "quit-without-saving", "quit; the unsaved changes are lost"),
    info(Action::Recover, "recover", "take the unsaved changes back (they open as unsaved changes)"),
    info(Action::Discard, "discard", "throw the unsaved changes away"),
    info(Action::KeepForLater, "keep-for-later", "quit and keep the unsaved changes for a later start"),
    info(Action::Overwrite, "overwrite", "save over the file on disk"),
    info(Action::Reload, "reload", "load the file from disk; your changes are kept aside"),
    info(Action::SaveAs, "save-as", "save under another name"),
    info(Action::ConfirmDelete, "confirm-delete", "delete it (u undoes)"),
    info(Action::KeepIt, "keep-it", "keep it; nothing is deleted"),
    info(Action::OpenAnyway, "open-anyway", "open the journey although another jgrid has it open"),
    info(Action::OpenReadOnly, "open-read-only", "open the journey read-only (:w! still saves)"),
    info(Action::Capture, "capture", "capture interview notes into the inbox (Enter files one, Esc closes)"),
    info(Action::ShowInbox, "show-inbox", "show the inbox of captured notes, to sort them into cells"),
    info(Action::PickNote, "pick-note", "pick up the note: the cursor chooses its cell"),
    info(Action::DeleteNote, "delete-note", "delete the note (u undoes)"),
    info(Action::EditNote, "edit-note", "edit the note's text"),
    info(Action::DropNote, "drop-note", "drop the note here, as a new line of this cell"),
    info(Action::RaiseMood, "raise-mood", "the customer's mood in this phase one step happier (up to +2)"),
    info(Action::LowerMood, "lower-mood", "the customer's mood in this phase one step unhappier (down to -2)"),
    info(Action::ShowInsights, "show-insights", "list every pain, opportunity, open question and quote"),
    info(Action::ToggleEvidence, "toggle-evidence", "evidence: how many sources back each cell; unbacked cells"),
    info(Action::ResolveConflict, "resolve-conflict", "resolve the merge conflict here: take ours, theirs or both"),
    info(Action::TakeOurs, "take-ours", "take our side of the conflict"),
    info(Action::TakeTheirs, "take-theirs", "take their side of the conflict"),
    info(Action::TakeBoth, "take-both", "take both sides of the conflict, ours first"),
    info(Action::AcceptFinding, "accept-finding", "accept a finding of this cell, with a reason (highlight mode)"),
    info(Action::Unaccept, "unaccept", "accept the finding no more (in the list of accepted findings)"),
    info(
        Action::ToggleOverview,
        "toggle-overview",
        "overview: every phase on one screen, one line per cell (again: back)",
    ),
    info(
        Action::ToggleFreeze,
        "toggle-freeze",
        "freeze this phase at the left while the others scroll (again: release)",
    ),
];

impl Action {
    /// Every action, in the order help lists them.
    pub const ALL: [Action; TABLE.len()] = {
        let mut all = [Action::MoveLeft; TABLE.len()];
        let mut i = 0;
        while i < TABLE.len() {
            all[i] = TABLE[i].action;
            i += 1;
        }
        all
    };

    fn info(self) -> &'static Info {
        // Every action has one row; the table test below checks it.
        TABLE.iter().find(|i| i.action == self).unwrap_or(&TABLE[0])
    }

    /// The name used in the config file, e.g. `move-left`.
    pub fn name(self) -> &'static str {
        self.info().name
    }

    /// What the action does, for help.
    pub fn describe(self) -> &'static str {
        self.info().doc
    }

    pub fn from_name(name: &str) -> Option<Action> {
        TABLE.iter().find(|i| i.name == name).map(|i| i.action)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_row_and_a_unique_name() {
        for (i, row) in TABLE.iter().enumerate() {
            assert_eq!(TABLE.iter().filter(|r| r.action == row.action).count(), 1, "{}", row.name);
            assert_eq!(TABLE.iter().filter(|r| r.name == row.name).count(), 1, "{}", row.name);
            assert_eq!(Action::from_name(row.name), Some(row.action));
            assert_eq!(Action::ALL[i], row.action);
        }
    }
}
