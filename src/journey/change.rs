//! Changes to a journey as values. `Change::apply` is the one function that
//! edits a journey; it returns the inverse change, so undo, redo and recovery
//! are built on plain data.

use super::model::{Acceptance, CellRef, Journey, MOOD_RANGE, Note, Role};

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
    /// Insert a phase at this index with the given mood and cells (missing cells are empty).
    InsertPhase {
        at: usize,
        name: String,
        mood: Option<i8>,
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
    /// Set a phase's mood (`None`: unknown).
    SetMood {
        phase: usize,
        mood: Option<i8>,
    },
    /// Set one source's mood in a phase (`None`: unknown); `source` is a
    /// source name, kept in lower case without `@` (see `source_key`).
    SetSourceMood {
        phase: usize,
        source: String,
        mood: Option<i8>,
    },
    /// Put a note into the inbox at this index.
    InsertNote {
        at: usize,
        note: Note,
    },
    RemoveNote {
        at: usize,
    },
    /// Replace the note at this index (editing it).
    SetNote {
        at: usize,
        note: Note,
    },
    /// Accept a finding (added at this index of the accepted list).
    InsertAcceptance {
        at: usize,
        acceptance: Acceptance,
    },
    RemoveAcceptance {
        at: usize,
    },
    /// Set the channels the organisation does not run (tags without `#`).
    SetExternal(Vec<String>),
    /// Set the choices a merge left for a person (the file's `[[conflict]]`).
    SetUnresolved(Vec<super::Unresolved>),
    /// Set the opportunities (the plan), all at once.
    SetOpportunities(Vec<super::Opportunity>),
    /// Set the descriptions of the sources (the file's `[sources]`).
    SetSources(std::collections::BTreeMap<String, String>),
    /// Set the journey's language (`None`: from the row names).
    SetLang(Option<super::Language>),
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
    #[error("a mood is from -2 to 2, not {0}")]
    Mood(i8),
    #[error("\"{0}\" is not a source name (letters, digits, - and _)")]
    SourceName(String),
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

fn check_mood(mood: Option<i8>) -> Result<(), ChangeError> {
    match mood {
        Some(m) if !MOOD_RANGE.contains(&m) => Err(ChangeError::Mood(m)),
        _ => Ok(()),
    }
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
            Change::InsertPhase { at, name, mood, cells } => {
                in_range("phase", at, phases + 1)?;
                check_name("phase", &name, journey.phases().iter().map(|p| p.name.as_str()))?;
                check_mood(mood)?;
                let phase = journey.new_phase(name, mood, cells);
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
                let insert = Change::InsertPhase { at, name: phase.name, mood: phase.mood, cells };
                if phase.moods.is_empty() {
                    insert
                } else {
                    // The sources' moods come back with the phase.
                    let moods = phase.moods.into_iter();
                    let moods = moods.map(|(source, m)| Change::SetSourceMood { phase: at, source, mood: Some(m) });
                    Change::Batch(std::iter::once(insert).chain(moods).collect())
                }
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
            Change::SetMood { phase, mood } => {
                in_range("phase", phase, phases)?;
                check_mood(mood)?;
                Change::SetMood { phase, mood: std::mem::replace(&mut journey.phases_mut()[phase].mood, mood) }
            }
            Change::SetSourceMood { phase, source, mood } => {
                in_range("phase", phase, phases)?;
                check_mood(mood)?;
                let key = super::source_key(&source);
                if !super::is_source_name(&key) {
                    return Err(ChangeError::SourceName(source));
                }
                let moods = &mut journey.phases_mut()[phase].moods;
                let old = match mood {
                    Some(m) => moods.insert(key.clone(), m),
                    None => moods.remove(&key),
                };
                Change::SetSourceMood { phase, source: key, mood: old }
            }
            Change::InsertNote { at, note } => {
                in_range("note", at, journey.inbox.len() + 1)?;
                journey.inbox.insert(at, note);
                Change::RemoveNote { at }
            }
            Change::RemoveNote { at } => {
                in_range("note", at, journey.inbox.len())?;
                Change::InsertNote { at, note: journey.inbox.remove(at) }
            }
            Change::SetNote { at, note } => {
                in_range("note", at, journey.inbox.len())?;
                Change::SetNote { at, note: std::mem::replace(&mut journey.inbox[at], note) }
            }
            Change::InsertAcceptance { at, acceptance } => {
                in_range("acceptance", at, journey.accepted.len() + 1)?;
                journey.accepted.insert(at, acceptance);
                Change::RemoveAcceptance { at }
            }
            Change::RemoveAcceptance { at } => {
                in_range("acceptance", at, journey.accepted.len())?;
                Change::InsertAcceptance { at, acceptance: journey.accepted.remove(at) }
            }
            Change::SetExternal(tags) => {
                Change::SetExternal(std::mem::replace(&mut journey.external, external_tags(tags)))
            }
            Change::SetUnresolved(list) => Change::SetUnresolved(std::mem::replace(&mut journey.unresolved, list)),
            Change::SetLang(lang) => Change::SetLang(std::mem::replace(&mut journey.lang, lang)),
            Change::SetSources(map) => Change::SetSources(std::mem::replace(&mut journey.sources, map)),
            Change::SetOpportunities(list) => {
                Change::SetOpportunities(std::mem::replace(&mut journey.opportunities, list))
            }
            // The portfolio's rules stay: they are the folder's, not the journey's.
            Change::Replace(mut other) => {
                other.shared = journey.shared.clone();
                Change::Replace(Box::new(std::mem::replace(journey, *other)))
            }
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
            Change::SetMood { phase, .. } | Change::SetSourceMood { phase, .. } => CellRef::new(*phase, cursor.row),
            // A batch focuses on the first cell it changes (sorting a note: the
            // cell it lands in), else on its first change.
            Change::Batch(changes) => changes
                .iter()
                .find(|c| matches!(c, Change::SetCell { .. }))
                .or(changes.first())
                .map_or(cursor, |c| c.focus(cursor)),
            Change::SetTitle(_)
            | Change::SetPersona(_)
            | Change::Replace(_)
            | Change::InsertNote { .. }
            | Change::RemoveNote { .. }
            | Change::SetNote { .. }
            | Change::InsertAcceptance { .. }
            | Change::RemoveAcceptance { .. }
            | Change::SetExternal(_)
            | Change::SetUnresolved(_)
            | Change::SetOpportunities(_)
            | Change::SetSources(_)
            | Change::SetLang(_) => cursor,
        }
    }
}

/// External channel tags as the file reads them back: without `#` and
/// surrounding spaces, each named once (compared without case), in order.
fn external_tags(tags: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(tags.len());
    for tag in tags {
        let name = tag.trim().trim_start_matches('#');
        if !out.iter().any(|t| t.to_lowercase() == name.to_lowercase()) {
            out.push(name.to_owned());
        }
    }
    out
}

#[cfg(test)]
#[path = "change_tests.rs"]
pub(crate) mod tests;
