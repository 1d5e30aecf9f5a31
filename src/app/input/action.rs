//! Actions: what a key can be bound to, grouped by the mode that carries
//! them out, so each mode's handler matches its own group exhaustively and
//! a new action cannot be forgotten. Each action's config name and help line
//! come from one exhaustive match per group: the keymap, the config file,
//! help and the manual read them, so they can never disagree.

use strum::VariantArray;

/// A bindable action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// A move: of the cursor in the grid, of the selection in a list, of a page.
    Move(Move),
    /// What the grid (normal mode) does.
    Grid(Grid),
    /// Leaving a cell being edited.
    Edit(Edit),
    /// Sorting the inbox.
    Inbox(Inbox),
    /// In a list over the grid.
    List(List),
    /// An answer to a question (see `questions`).
    Answer(Answer),
    /// Line input, a list: run it, choose it.
    Submit,
    /// Line input, help, a list, a question: close without doing anything.
    Cancel,
    /// Line input: complete the command.
    Complete,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, VariantArray)]
pub enum Move {
    Left,
    Right,
    Up,
    Down,
    NextPhase,
    PrevPhase,
    FirstPhase,
    LastPhase,
    FirstRow,
    LastRow,
    PageUp,
    PageDown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, VariantArray)]
pub enum Grid {
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
    /// Open the capture line: notes go into the inbox.
    Capture,
    /// Show the inbox and move the focus to it.
    ShowInbox,
    /// The cursor phase's mood one step happier / unhappier.
    RaiseMood,
    LowerMood,
    /// The list of every marked line (pains, opportunities, questions, quotes).
    ShowInsights,
    /// Show how many sources back each cell.
    ToggleEvidence,
    /// Resolve the merge conflict at the cursor (asks which side).
    ResolveConflict,
    /// Accept a finding of the cursor's cell, with a reason.
    AcceptFinding,
    /// Every phase on one screen, one line per cell.
    ToggleOverview,
    /// Keep the cursor's phase at the left while the others scroll.
    ToggleFreeze,
    /// Make an opportunity from the cell's marked line (or the finding here), or link one.
    NewOpportunity,
    /// The plan: the value × effort matrix and the ranked opportunities.
    ShowPlan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, VariantArray)]
pub enum Edit {
    /// Keep the edit and return to the grid.
    Keep,
    /// Throw the edit away (one `u` brings it back).
    Abandon,
    /// Keep the edit and save the file.
    KeepAndSave,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, VariantArray)]
pub enum Inbox {
    PickNote,
    DeleteNote,
    EditNote,
    DropNote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, VariantArray)]
pub enum List {
    /// In the list of accepted findings: accept it no more.
    Unaccept,
    /// In the insights list: make an opportunity from the line, or link one.
    Opportunity,
    /// In the plan: edit the opportunity, field by field.
    EditOpportunity,
    /// In the plan: the opportunity's next status.
    NextStatus,
    /// In the plan: delete the opportunity.
    DeleteOpportunity,
}

/// The answers to questions; what each does is in the question table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, VariantArray)]
pub enum Answer {
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
    TakeOver,
    TakeOurs,
    TakeTheirs,
    TakeBoth,
    UseMerge,
}

impl Move {
    /// Where this move takes the selection in a list of `count` items,
    /// `page` of them on the screen; moves across phases leave it.
    pub fn select(self, selected: usize, count: usize, page: usize) -> usize {
        let last = count.saturating_sub(1);
        match self {
            Move::Up => selected.saturating_sub(1),
            Move::Down => (selected + 1).min(last),
            Move::FirstRow => 0,
            Move::LastRow => last,
            Move::PageUp => selected.saturating_sub(page.max(1)),
            Move::PageDown => (selected + page.max(1)).min(last),
            Move::Left | Move::Right | Move::NextPhase | Move::PrevPhase | Move::FirstPhase | Move::LastPhase => {
                selected.min(last)
            }
        }
    }
}

/// An action's name in the config file and what it does, for help.
type Info = (&'static str, &'static str);

impl Move {
    fn info(self) -> Info {
        match self {
            Move::Left => ("move-left", "previous phase (left)"),
            Move::Right => ("move-right", "next phase (right)"),
            Move::Up => ("move-up", "row above"),
            Move::Down => ("move-down", "row below"),
            Move::NextPhase => ("next-phase", "next phase"),
            Move::PrevPhase => ("prev-phase", "previous phase"),
            Move::FirstPhase => ("first-phase", "first phase"),
            Move::LastPhase => ("last-phase", "last phase"),
            Move::FirstRow => ("first-row", "first row"),
            Move::LastRow => ("last-row", "last row"),
            Move::PageUp => ("page-up", "a screen of rows up"),
            Move::PageDown => ("page-down", "a screen of rows down"),
        }
    }
}

impl Grid {
    fn info(self) -> Info {
        match self {
            Grid::Edit => ("edit", "edit the cell"),
            Grid::Append => ("append", "add a new line to the cell and edit"),
            Grid::Clear => ("clear", "clear the cell"),
            Grid::Undo => ("undo", "undo the last change"),
            Grid::Redo => ("redo", "redo what was undone"),
            Grid::Save => ("save", "save the journey"),
            Grid::Quit => ("quit", "quit (asks first if there are unsaved changes)"),
            Grid::Help => ("help", "show this help"),
            Grid::CommandLine => ("command-line", "command line (:w :q :q! :wq)"),
            Grid::ToggleHighlight => ("toggle-highlight", "highlight mode: mark gaps and discrepancies, explain them"),
            Grid::NextFinding => ("next-finding", "next flagged cell (highlight mode)"),
            Grid::PrevFinding => ("prev-finding", "previous flagged cell (highlight mode)"),
            Grid::Copy => ("copy", "copy the cell (also to the terminal's clipboard)"),
            Grid::Paste => ("paste", "paste over the cell"),
            Grid::Cut => ("cut", "cut the cell (copy, then clear)"),
            Grid::Search => ("search", "search cells, title and persona"),
            Grid::SearchNext => ("search-next", "next match"),
            Grid::SearchPrev => ("search-prev", "previous match"),
            Grid::Zoom => ("zoom", "show the cell alone on the whole screen (again: back)"),
            Grid::ExternalEditor => ("external-editor", "edit the cell in $VISUAL / $EDITOR"),
            Grid::AddPhase => ("add-phase", "add a phase after this one (:phase add)"),
            Grid::InsertPhase => ("insert-phase", "insert a phase before this one (:phase insert)"),
            Grid::RenamePhase => ("rename-phase", "rename this phase (:phase rename)"),
            Grid::DeletePhase => ("delete-phase", "delete this phase (asks when it has text)"),
            Grid::MovePhaseLeft => ("move-phase-left", "move this phase left"),
            Grid::MovePhaseRight => ("move-phase-right", "move this phase right"),
            Grid::AddRow => ("add-row", "add a row below this one (:row add)"),
            Grid::RenameRow => ("rename-row", "rename this row (:row rename)"),
            Grid::MoveRowUp => ("move-row-up", "move this row up"),
            Grid::MoveRowDown => ("move-row-down", "move this row down"),
            Grid::EditTitle => ("edit-title", "edit the title (:title)"),
            Grid::EditPersona => ("edit-persona", "edit the persona (:persona)"),
            Grid::Capture => ("capture", "capture interview notes into the inbox (Enter files one, Esc closes)"),
            Grid::ShowInbox => ("show-inbox", "show the inbox of captured notes, to sort them into cells"),
            Grid::RaiseMood => ("raise-mood", "mood up a step: the source's, else the phase's"),
            Grid::LowerMood => ("lower-mood", "mood down a step: the source's, else the phase's"),
            Grid::ShowInsights => ("show-insights", "list every pain, opportunity, open question and quote"),
            Grid::ToggleEvidence => ("toggle-evidence", "evidence: how many sources back each cell; unbacked cells"),
            Grid::ResolveConflict => ("resolve-conflict", "resolve the merge conflict here: take ours, theirs or both"),
            Grid::AcceptFinding => ("accept-finding", "accept a finding of this cell, with a reason (highlight mode)"),
            Grid::ToggleOverview => {
                ("toggle-overview", "overview: every phase on one screen, one line per cell (again: back)")
            }
            Grid::ToggleFreeze => {
                ("toggle-freeze", "freeze this phase at the left while the others scroll (again: release)")
            }
            Grid::NewOpportunity => {
                ("new-opportunity", "an opportunity from this cell's marked line (or finding), or a link to one")
            }
            Grid::ShowPlan => ("show-plan", "the plan: value × effort matrix and the ranked opportunities"),
        }
    }
}

impl Edit {
    fn info(self) -> Info {
        match self {
            Edit::Keep => ("keep-edit", "keep the edit, back to the grid"),
            Edit::Abandon => ("abandon-edit", "abandon the edit (u brings it back)"),
            Edit::KeepAndSave => ("keep-and-save", "keep the edit and save"),
        }
    }
}

impl Inbox {
    fn info(self) -> Info {
        match self {
            Inbox::PickNote => ("pick-note", "pick up the note: the cursor chooses its cell"),
            Inbox::DeleteNote => ("delete-note", "delete the note (u undoes)"),
            Inbox::EditNote => ("edit-note", "edit the note's text"),
            Inbox::DropNote => ("drop-note", "drop the note here, as a new line of this cell"),
        }
    }
}

impl List {
    fn info(self) -> Info {
        match self {
            List::Unaccept => ("unaccept", "accept the finding no more (in the list of accepted findings)"),
            List::Opportunity => ("opportunity", "an opportunity from this line, or a link to one (insights list)"),
            List::EditOpportunity => ("edit-opportunity", "edit the opportunity field by field (plan)"),
            List::NextStatus => {
                ("next-status", "the opportunity's next status: idea, planned, doing, done, dropped (plan)")
            }
            List::DeleteOpportunity => ("delete-opportunity", "delete the opportunity (plan; u undoes)"),
        }
    }
}

impl Answer {
    fn info(self) -> Info {
        match self {
            Answer::SaveAndQuit => ("save-and-quit", "save, then quit"),
            Answer::QuitWithoutSaving => ("quit-without-saving", "quit; the unsaved changes are lost"),
            Answer::Recover => ("recover", "take the unsaved changes back (they open as unsaved changes)"),
            Answer::Discard => ("discard", "throw the unsaved changes away"),
            Answer::KeepForLater => ("keep-for-later", "quit and keep the unsaved changes for a later start"),
            Answer::Overwrite => ("overwrite", "save over the file on disk"),
            Answer::Reload => ("reload", "load the file from disk; your changes are kept aside"),
            Answer::SaveAs => ("save-as", "save under another name"),
            Answer::ConfirmDelete => ("confirm-delete", "delete it (u undoes)"),
            Answer::KeepIt => ("keep-it", "keep it; nothing is deleted"),
            Answer::OpenAnyway => ("open-anyway", "open the journey although another jgrid has it open"),
            Answer::OpenReadOnly => ("open-read-only", "open the journey read-only (:w! still saves)"),
            Answer::TakeOver => {
                ("take-over", "ask the other jgrid to write its unsaved changes and quit, then recover them here")
            }
            Answer::TakeOurs => ("take-ours", "take our side of the conflict"),
            Answer::TakeTheirs => ("take-theirs", "take their side of the conflict"),
            Answer::TakeBoth => ("take-both", "take both sides of the conflict, ours first"),
            Answer::UseMerge => {
                ("use-merge", "use jgrid's cell-by-cell merge of a file git left with conflict markers")
            }
        }
    }
}

impl Action {
    /// Every action, in the order help lists them.
    pub fn all() -> impl Iterator<Item = Action> {
        let common = [Action::Complete, Action::Submit, Action::Cancel];
        Move::VARIANTS
            .iter()
            .map(|&m| Action::Move(m))
            .chain(Grid::VARIANTS.iter().map(|&g| Action::Grid(g)))
            .chain(Edit::VARIANTS.iter().map(|&e| Action::Edit(e)))
            .chain(common)
            .chain(Inbox::VARIANTS.iter().map(|&i| Action::Inbox(i)))
            .chain(List::VARIANTS.iter().map(|&l| Action::List(l)))
            .chain(Answer::VARIANTS.iter().map(|&a| Action::Answer(a)))
    }

    fn info(self) -> Info {
        match self {
            Action::Move(m) => m.info(),
            Action::Grid(g) => g.info(),
            Action::Edit(e) => e.info(),
            Action::Inbox(i) => i.info(),
            Action::List(l) => l.info(),
            Action::Answer(a) => a.info(),
            Action::Submit => ("submit", "run the command / answer"),
            Action::Cancel => ("cancel", "cancel"),
            Action::Complete => ("complete", "complete the command"),
        }
    }

    /// The name used in the config file, e.g. `move-left`.
    pub fn name(self) -> &'static str {
        self.info().0
    }

    /// What the action does, for help.
    pub fn describe(self) -> &'static str {
        self.info().1
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::all().find(|a| a.name() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_unique_name_that_finds_it() {
        let all: Vec<Action> = Action::all().collect();
        for &action in &all {
            assert_eq!(all.iter().filter(|a| a.name() == action.name()).count(), 1, "{}", action.name());
            assert_eq!(Action::from_name(action.name()), Some(action));
            assert!(!action.describe().is_empty());
        }
    }
}
