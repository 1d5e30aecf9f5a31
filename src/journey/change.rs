//! Changes to a journey as values. `Change::apply` is the one function that
//! edits a journey; it returns the inverse change, so undo, redo and recovery
//! are built on plain data.

use super::model::{CellRef, Journey, Role};

/// One edit of a journey.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// Replace the text of one cell ("" clears it).
    SetCell {
        at: CellRef,
        text: String,
    },
    SetTitle(String),
    SetPersona(String),
    /// Insert a phase at this index with the given cells (missing cells are empty).
    InsertPhase {
        at: usize,
        name: String,
        cells: Vec<String>,
    },
    RemovePhase {
        at: usize,
    },
    RenamePhase {
        at: usize,
        name: String,
    },
    MovePhase {
        from: usize,
        to: usize,
    },
    /// Insert a row at this index with one cell per phase (missing cells are
    /// empty) and, if given, an explicit role.
    InsertRow {
        at: usize,
        name: String,
        cells: Vec<String>,
        role: Option<Role>,
    },
    RemoveRow {
        at: usize,
    },
    RenameRow {
        at: usize,
        name: String,
    },
    MoveRow {
        from: usize,
        to: usize,
    },
    /// Give a row a role explicitly, or take it away (`None`).
    SetRole {
        row: usize,
        role: Option<Role>,
    },
    /// Replace the whole journey (recovering unsaved changes).
    Replace(Box<Journey>),
    /// Several changes as one step (undone together).
    Batch(Vec<Change>),
}

/// Why a change could not be applied. The journey is untouched when this is returned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChangeError {
    #[error("there is no {0} at that position")]
    OutOfRange(&'static str),
    #[error("a {0} needs a name")]
    EmptyName(&'static str),
    #[error("there is already a {0} named \"{1}\"")]
    Duplicate(&'static str, String),
    #[error("a journey needs at least one {0}")]
    LastOne(&'static str),
}

fn check_name<'a>(
    kind: &'static str,
    name: &str,
    mut existing: impl Iterator<Item = &'a str>,
) -> Result<(), ChangeError> {
    if name.trim().is_empty() {
        return Err(ChangeError::EmptyName(kind));
    }
    if existing.any(|n| n == name) {
        return Err(ChangeError::Duplicate(kind, name.to_owned()));
    }
    Ok(())
}

fn in_range(kind: &'static str, index: usize, len: usize) -> Result<(), ChangeError> {
    if index < len { Ok(()) } else { Err(ChangeError::OutOfRange(kind)) }
}

impl Change {
    /// Apply this change and return the change that undoes it.
    pub fn apply(self, journey: &mut Journey) -> Result<Change, ChangeError> {
        let phases = journey.phase_count();
        let rows = journey.row_count();
        Ok(match self {
            Change::SetCell { at, text } => {
                if !journey.contains(at) {
                    return Err(ChangeError::OutOfRange("cell"));
                }
                let old = std::mem::replace(journey.cell_mut(at), text);
                Change::SetCell { at, text: old }
            }
            Change::SetTitle(title) => Change::SetTitle(std::mem::replace(&mut journey.title, title)),
            Change::SetPersona(p) => Change::SetPersona(std::mem::replace(&mut journey.persona, p)),
            Change::InsertPhase { at, name, cells } => {
                in_range("phase", at, phases + 1)?;
                check_name("phase", &name, journey.phases().iter().map(|p| p.name.as_str()))?;
                let phase = journey.new_phase(name, cells);
                journey.phases_mut().insert(at, phase);
                Change::RemovePhase { at }
            }
            Change::RemovePhase { at } => {
                in_range("phase", at, phases)?;
                if phases == 1 {
                    return Err(ChangeError::LastOne("phase"));
                }
                let phase = journey.phases_mut().remove(at);
                let cells = phase.cells().to_vec();
                Change::InsertPhase { at, name: phase.name, cells }
            }
            Change::RenamePhase { at, name } => {
                in_range("phase", at, phases)?;
                let others = journey.phases().iter().enumerate().filter(|(i, _)| *i != at);
                check_name("phase", &name, others.map(|(_, p)| p.name.as_str()))?;
                let old = std::mem::replace(&mut journey.phases_mut()[at].name, name);
                Change::RenamePhase { at, name: old }
            }
            Change::MovePhase { from, to } => {
                in_range("phase", from, phases)?;
                in_range("phase", to, phases)?;
                let phase = journey.phases_mut().remove(from);
                journey.phases_mut().insert(to, phase);
                Change::MovePhase { from: to, to: from }
            }
            Change::InsertRow { at, name, cells, role } => {
                in_range("row", at, rows + 1)?;
                check_name("row", &name, journey.rows().iter().map(String::as_str))?;
                let mut cells = cells;
                cells.resize(phases, String::new());
                journey.insert_row_raw(at, name, role, cells);
                Change::RemoveRow { at }
            }
            Change::RemoveRow { at } => {
                in_range("row", at, rows)?;
                if rows == 1 {
                    return Err(ChangeError::LastOne("row"));
                }
                let (name, role, cells) = journey.remove_row_raw(at);
                Change::InsertRow { at, name, cells, role }
            }
            Change::RenameRow { at, name } => {
                in_range("row", at, rows)?;
                let others = journey.rows().iter().enumerate().filter(|(i, _)| *i != at);
                check_name("row", &name, others.map(|(_, r)| r.as_str()))?;
                let old = std::mem::replace(&mut journey.rows_mut()[at], name);
                Change::RenameRow { at, name: old }
            }
            Change::Replace(other) => Change::Replace(Box::new(std::mem::replace(journey, *other))),
            Change::SetRole { row, role } => {
                in_range("row", row, rows)?;
                let old = journey.explicit_role(row);
                journey.set_explicit_role(row, role);
                Change::SetRole { row, role: old }
            }
            Change::Batch(changes) => {
                let mut inverses = Vec::with_capacity(changes.len());
                for change in changes {
                    match change.apply(journey) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(e) => {
                            // Leave the journey as it was.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(journey);
                            }
                            return Err(e);
                        }
                    }
                }
                inverses.reverse();
                Change::Batch(inverses)
            }
            Change::MoveRow { from, to } => {
                in_range("row", from, rows)?;
                in_range("row", to, rows)?;
                let (name, role, cells) = journey.remove_row_raw(from);
                journey.insert_row_raw(to, name, role, cells);
                Change::MoveRow { from: to, to: from }
            }
        })
    }

    /// The cell a user should look at after this change was applied, if any.
    pub fn focus(&self, cursor: CellRef) -> CellRef {
        match self {
            Change::SetCell { at, .. } => *at,
            Change::InsertPhase { at, .. } | Change::RenamePhase { at, .. } => CellRef::new(*at, cursor.row),
            Change::RemovePhase { at } => CellRef::new(at.saturating_sub(1), cursor.row),
            Change::MovePhase { to, .. } => CellRef::new(*to, cursor.row),
            Change::InsertRow { at, .. } | Change::RenameRow { at, .. } => CellRef::new(cursor.phase, *at),
            Change::RemoveRow { at } => CellRef::new(cursor.phase, at.saturating_sub(1)),
            Change::MoveRow { to, .. } => CellRef::new(cursor.phase, *to),
            Change::SetRole { row, .. } => CellRef::new(cursor.phase, *row),
            Change::Batch(changes) => changes.first().map_or(cursor, |c| c.focus(cursor)),
            Change::SetTitle(_) | Change::SetPersona(_) | Change::Replace(_) => cursor,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(crate) fn sample() -> Journey {
        let mut j = Journey::new("T", "P", ["Need", "Touchpoints"], ["A", "B", "C"]);
        Change::SetCell { at: CellRef::new(1, 0), text: "wants speed".into() }.apply(&mut j).unwrap();
        Change::SetCell { at: CellRef::new(2, 1), text: "#shop\n#web".into() }.apply(&mut j).unwrap();
        j
    }

    #[test]
    fn set_cell_returns_the_old_text_as_inverse() {
        let mut j = sample();
        let inv = Change::SetCell { at: CellRef::new(1, 0), text: "new".into() }.apply(&mut j).unwrap();
        assert_eq!(j.cell(CellRef::new(1, 0)), "new");
        assert_eq!(inv, Change::SetCell { at: CellRef::new(1, 0), text: "wants speed".into() });
    }

    #[test]
    fn out_of_range_cell_is_refused_and_journey_untouched() {
        let mut j = sample();
        let before = j.clone();
        let err = Change::SetCell { at: CellRef::new(3, 0), text: "x".into() }.apply(&mut j);
        assert_eq!(err, Err(ChangeError::OutOfRange("cell")));
        assert_eq!(j, before);
    }

    #[test]
    fn duplicate_and_empty_names_are_refused() {
        let mut j = sample();
        let dup = Change::InsertPhase { at: 0, name: "B".into(), cells: vec![] }.apply(&mut j);
        assert_eq!(dup, Err(ChangeError::Duplicate("phase", "B".into())));
        let empty = Change::RenameRow { at: 0, name: "  ".into() }.apply(&mut j);
        assert_eq!(empty, Err(ChangeError::EmptyName("row")));
        // Renaming to its own name is fine.
        assert!(Change::RenameRow { at: 0, name: "Need".into() }.apply(&mut j).is_ok());
    }

    #[test]
    fn the_last_phase_and_row_cannot_be_removed() {
        let mut j = Journey::new("", "", ["Need"], ["Only"]);
        assert_eq!(Change::RemovePhase { at: 0 }.apply(&mut j), Err(ChangeError::LastOne("phase")));
        assert_eq!(Change::RemoveRow { at: 0 }.apply(&mut j), Err(ChangeError::LastOne("row")));
    }

    #[test]
    fn a_batch_is_one_step_and_rolls_back_on_error() {
        let mut j = Journey::default();
        let before = j.clone();
        let batch = Change::Batch(vec![
            Change::RenameRow { at: 2, name: "Key message".into() },
            Change::SetRole { row: 2, role: Some(Role::Message) },
        ]);
        let inverse = batch.apply(&mut j).unwrap();
        assert_eq!(j.role_of(2), Some(Role::Message));
        inverse.apply(&mut j).unwrap();
        assert_eq!(j, before);
        let failing = Change::Batch(vec![Change::SetTitle("x".into()), Change::RemovePhase { at: 9 }]);
        assert!(failing.apply(&mut j).is_err());
        assert_eq!(j, before, "nothing of a failed batch stays");
    }

    #[test]
    fn explicit_roles_move_and_return_with_their_rows() {
        let mut j = Journey::new("", "", ["Wants", "Channels"], ["A"]);
        j.set_explicit_role(0, Some(Role::Need));
        let before = j.clone();
        let inverse = Change::RemoveRow { at: 0 }.apply(&mut j).unwrap();
        assert_eq!(j.role_of(0), None);
        inverse.apply(&mut j).unwrap();
        assert_eq!(j, before);
        Change::MoveRow { from: 0, to: 1 }.apply(&mut j).unwrap();
        assert_eq!(j.role_of(1), Some(Role::Need));
    }

    #[test]
    fn moving_a_row_carries_its_cells() {
        let mut j = sample();
        Change::MoveRow { from: 1, to: 0 }.apply(&mut j).unwrap();
        assert_eq!(j.rows(), ["Touchpoints", "Need"]);
        assert_eq!(j.cell(CellRef::new(2, 0)), "#shop\n#web");
        assert_eq!(j.cell(CellRef::new(1, 1)), "wants speed");
    }

    fn role() -> impl Strategy<Value = Role> {
        proptest::sample::select(Role::ALL.to_vec())
    }

    pub(crate) fn arb_change() -> impl Strategy<Value = Change> {
        let name = "[A-D]{1,2}|Need|Message|Behov|Systems";
        prop_oneof![
            (0..4usize, 0..3usize, ".{0,12}").prop_map(|(p, r, text)| Change::SetCell { at: CellRef::new(p, r), text }),
            ".{0,8}".prop_map(Change::SetTitle),
            ".{0,8}".prop_map(Change::SetPersona),
            (0..5usize, name, proptest::collection::vec(".{0,4}", 0..3))
                .prop_map(|(at, name, cells)| Change::InsertPhase { at, name, cells }),
            (0..4usize).prop_map(|at| Change::RemovePhase { at }),
            (0..4usize, name).prop_map(|(at, name)| Change::RenamePhase { at, name }),
            (0..4usize, 0..4usize).prop_map(|(from, to)| Change::MovePhase { from, to }),
            (0..4usize, name, proptest::collection::vec(".{0,4}", 0..5), proptest::option::of(role()))
                .prop_map(|(at, name, cells, role)| Change::InsertRow { at, name, cells, role }),
            (0..3usize, proptest::option::of(role())).prop_map(|(row, role)| Change::SetRole { row, role }),
            (0..3usize).prop_map(|at| Change::RemoveRow { at }),
            (0..3usize, name).prop_map(|(at, name)| Change::RenameRow { at, name }),
            (0..3usize, 0..3usize).prop_map(|(from, to)| Change::MoveRow { from, to }),
        ]
    }

    proptest! {
        /// Any sequence of changes, undone in reverse with the returned inverses,
        /// restores the original journey; redoing them restores the final one.
        #[test]
        fn inverses_undo_and_redo_exactly(changes in proptest::collection::vec(arb_change(), 0..30)) {
            let original = sample();
            let mut j = original.clone();
            let mut undo = Vec::new();
            for c in changes {
                let before = j.clone();
                match c.apply(&mut j) {
                    Ok(inv) => undo.push(inv),
                    Err(_) => prop_assert_eq!(&j, &before),
                }
                for p in j.phases() {
                    prop_assert_eq!(p.cells().len(), j.row_count());
                }
            }
            let last = j.clone();
            let mut redo = Vec::new();
            while let Some(inv) = undo.pop() {
                redo.push(inv.apply(&mut j).unwrap());
            }
            prop_assert_eq!(&j, &original);
            while let Some(c) = redo.pop() {
                c.apply(&mut j).unwrap();
            }
            prop_assert_eq!(&j, &last);
        }
    }
}
