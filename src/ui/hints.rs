//! The key hints of each mode: which actions the hint line names, and what
//! it calls them (the keys come from the keymap).

use crate::app::input::action::{Edit, Grid, Inbox, Move};
use crate::app::{Action, KeyMode, LineKind, Mode};

/// (action, what to call it) pairs shown for a mode.
pub(super) fn hints_for(mode: &Mode) -> (KeyMode, &'static [(Action, &'static str)]) {
    match mode {
        Mode::Normal | Mode::Ask(_) => (
            KeyMode::Normal,
            &[
                (Action::Grid(Grid::Edit), "edit"),
                (Action::Grid(Grid::Append), "add line"),
                (Action::Grid(Grid::Clear), "clear"),
                (Action::Grid(Grid::Undo), "undo"),
                (Action::Grid(Grid::Save), "save"),
                (Action::Grid(Grid::Help), "help"),
                (Action::Grid(Grid::Quit), "quit"),
            ],
        ),
        Mode::Edit(_) => (
            KeyMode::Edit,
            &[
                (Action::Edit(Edit::Keep), "keep"),
                (Action::Edit(Edit::Abandon), "abandon"),
                (Action::Edit(Edit::KeepAndSave), "keep+save"),
            ],
        ),
        Mode::Line(line) if matches!(line.kind, LineKind::Capture { .. }) => {
            (KeyMode::Line, &[(Action::Submit, "file the note"), (Action::Cancel, "close")])
        }
        Mode::Line(_) => (KeyMode::Line, &[(Action::Submit, "run"), (Action::Cancel, "cancel")]),
        Mode::Help { .. } => (KeyMode::Help, &[(Action::Move(Move::Down), "scroll"), (Action::Cancel, "close")]),
        Mode::Inbox { .. } => (
            KeyMode::Inbox,
            &[
                (Action::Inbox(Inbox::PickNote), "sort"),
                (Action::Move(Move::Down), "next"),
                (Action::Inbox(Inbox::DeleteNote), "delete"),
                (Action::Inbox(Inbox::EditNote), "edit"),
                (Action::Grid(Grid::Undo), "undo"),
                (Action::Cancel, "close"),
            ],
        ),
        Mode::Place { .. } => {
            (KeyMode::Place, &[(Action::Inbox(Inbox::DropNote), "drop it here"), (Action::Cancel, "put it back")])
        }
        Mode::List(list) if matches!(list.kind, crate::app::lists::ListKind::Plan(_)) => (
            KeyMode::List,
            &[
                (Action::Submit, "evidence"),
                (Action::List(crate::app::input::action::List::EditOpportunity), "edit"),
                (Action::List(crate::app::input::action::List::NextStatus), "status"),
                (Action::Cancel, "close"),
            ],
        ),
        Mode::List(list) if matches!(list.kind, crate::app::lists::ListKind::Insights(_)) => (
            KeyMode::List,
            &[
                (Action::Submit, "go to the cell"),
                (Action::List(crate::app::input::action::List::Opportunity), "opportunity"),
                (Action::Cancel, "close"),
            ],
        ),
        Mode::List(_) => (
            KeyMode::List,
            &[(Action::Submit, "go to the cell"), (Action::Move(Move::Down), "next"), (Action::Cancel, "close")],
        ),
        Mode::Present(_) => {
            (KeyMode::Present, &[(Action::Move(Move::NextPhase), "next phase"), (Action::Cancel, "back")])
        }
    }
}
