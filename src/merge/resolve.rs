//! Resolving a conflict where the cursor is, as one undoable change: what the
//! editor's `:take ours|theirs|both` does.

use super::markers::{Side, has_conflict, parse_inline, take, take_inline};
use crate::journey::{CellRef, Change, Journey};

/// What holds the conflict that `:take` at a cell resolves: the cell itself,
/// else the name of its phase, the name of its row, the title, the persona.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConflictAt {
    Cell,
    PhaseName,
    RowName,
    Title,
    Persona,
}

/// The conflict `:take` would resolve at this cell, if any.
pub fn conflict_at(journey: &Journey, at: CellRef) -> Option<ConflictAt> {
    if !journey.contains(at) {
        return None;
    }
    let inline = |v: &str| parse_inline(v).is_some();
    if has_conflict(journey.cell(at)) {
        Some(ConflictAt::Cell)
    } else if inline(&journey.phases()[at.phase].name) {
        Some(ConflictAt::PhaseName)
    } else if inline(&journey.rows()[at.row]) {
        Some(ConflictAt::RowName)
    } else if inline(&journey.title) {
        Some(ConflictAt::Title)
    } else if inline(&journey.persona) {
        Some(ConflictAt::Persona)
    } else {
        None
    }
}

/// The change that resolves the conflict at this cell by taking a side
/// (see [`conflict_at`] for which conflict); `None` when there is none.
/// Apply it through the history so it is one undoable step. A resolved name
/// that another phase (or row) already has is refused by `Change::apply`.
///
/// ```
/// use jgrid::journey::{CellRef, Change, Journey};
/// use jgrid::merge::{Side, resolve_at};
/// let mut j = Journey::new("T", "P", ["Need"], ["Use"]);
/// let at = CellRef::new(0, 0);
/// Change::SetCell { at, text: "<<<<<<< ours\nfast\n=======\nquick\n>>>>>>> theirs".into() }.apply(&mut j).unwrap();
/// resolve_at(&j, at, Side::Theirs).unwrap().apply(&mut j).unwrap();
/// assert_eq!(j.cell(at), "quick");
/// assert_eq!(resolve_at(&j, at, Side::Theirs), None);
/// ```
pub fn resolve_at(journey: &Journey, at: CellRef, side: Side) -> Option<Change> {
    Some(match conflict_at(journey, at)? {
        ConflictAt::Cell => Change::SetCell { at, text: take(journey.cell(at), side) },
        ConflictAt::PhaseName => {
            Change::RenamePhase { at: at.phase, name: take_inline(&journey.phases()[at.phase].name, side)? }
        }
        ConflictAt::RowName => Change::RenameRow { at: at.row, name: take_inline(&journey.rows()[at.row], side)? },
        ConflictAt::Title => Change::SetTitle(take_inline(&journey.title, side)?),
        ConflictAt::Persona => Change::SetPersona(take_inline(&journey.persona, side)?),
    })
}
