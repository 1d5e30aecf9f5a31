//! The interview log (the file's `[[log]]`): every note captured in an
//! interview, in the order taken, with its source and time and the cell it
//! went to. A note is logged when it is captured (into the inbox, or routed
//! straight into a cell) and its entry names its cell once it is sorted, so
//! the record of what was said survives sorting. Lines typed into a cell
//! directly are not interview notes and are not logged.
//!
//! An entry names its cell by phase and row name, never by position: a
//! rename follows it (see `Change::RenamePhase`), and a deleted phase or row
//! leaves the old name, which the log shows as no longer in the grid.

use super::change::Change;
use super::model::{CellRef, Journey, Note};

/// The cell a logged note went to, by name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct LogCell {
    pub phase: String,
    pub row: String,
}

/// One note of the interview log.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LogEntry {
    /// What was said, as captured (without the `@source` the cell line gets).
    pub text: String,
    /// Who said it: a source name without `@`; `None`: the interviewer's own.
    pub source: Option<String>,
    /// When it was captured, RFC 3339, as the inbox note had it.
    pub at: String,
    /// The cell it went to; `None` while it waits in the inbox.
    pub cell: Option<LogCell>,
}

#[cfg(test)]
impl LogEntry {
    /// An entry captured at one fixed time (2026-12-01T14:03:12Z), for tests.
    pub fn sample(text: &str, source: Option<&str>, cell: Option<(&str, &str)>) -> Self {
        Self {
            text: text.into(),
            source: source.map(Into::into),
            at: "2026-12-01T14:03:12Z".into(),
            cell: cell.map(|(phase, row)| LogCell { phase: phase.into(), row: row.into() }),
        }
    }
}

impl LogEntry {
    /// The entry of a note captured into the inbox.
    pub fn of_note(note: &Note) -> Self {
        Self { text: note.text.clone(), source: note.source.clone(), at: note.at.clone(), cell: None }
    }

    /// True when this entry logs that note (same text, source and time).
    pub fn is_of(&self, note: &Note) -> bool {
        self.text == note.text && self.source == note.source && self.at == note.at
    }

    /// The same entry, gone to the cell at `at` of `journey`.
    pub fn sent_to(&self, journey: &Journey, at: CellRef) -> Self {
        let phase = journey.phases().get(at.phase).map_or_else(String::new, |p| p.name.clone());
        let row = journey.rows().get(at.row).cloned().unwrap_or_default();
        Self { cell: Some(LogCell { phase, row }), ..self.clone() }
    }

    /// The cell this entry went to, if its phase and row are still in the grid.
    pub fn cell_ref(&self, journey: &Journey) -> Option<CellRef> {
        let cell = self.cell.as_ref()?;
        Some(CellRef::new(journey.phase_index(&cell.phase)?, journey.row_index(&cell.row)?))
    }

    /// What the merge follows an entry by: its time, source and text.
    pub fn key(&self) -> (&str, Option<&str>, &str) {
        (&self.at, self.source.as_deref(), &self.text)
    }
}

/// The index of the entry logging `note` that is still in the inbox, if any
/// (the last such, as a note captured twice at one second logs twice).
pub fn log_of(journey: &Journey, note: &Note) -> Option<usize> {
    journey.log.iter().rposition(|e| e.cell.is_none() && e.is_of(note))
}

/// Where a new entry taken at `at` goes so the log stays in time order: after
/// every entry at the same time or earlier (an entry whose time cannot be
/// read counts as earlier).
pub fn log_position(journey: &Journey, at: &str) -> usize {
    let Some(t) = super::parse_rfc3339(at) else { return journey.log.len() };
    journey.log.iter().rposition(|e| super::parse_rfc3339(&e.at).is_none_or(|x| x <= t)).map_or(0, |i| i + 1)
}

/// Rename a phase (`phase = true`) or a row in every entry's cell, and
/// return the inverse of the rename (`back`). Entries that already named the
/// new name (a deleted phase's, kept) are put back by the inverse, so undo
/// is exact.
pub(super) fn rename(log: &mut [LogEntry], phase: bool, old: &str, new: &str, back: Change) -> Change {
    let mut restore = vec![back];
    if old == new {
        return restore.remove(0);
    }
    for (i, entry) in log.iter_mut().enumerate() {
        let Some(cell) = &entry.cell else { continue };
        let name = if phase { &cell.phase } else { &cell.row };
        if name == new {
            restore.push(Change::SetLog { at: i, entry: entry.clone() });
        } else if name == old
            && let Some(cell) = entry.cell.as_mut()
        {
            let name = if phase { &mut cell.phase } else { &mut cell.row };
            new.clone_into(name);
        }
    }
    if restore.len() == 1 { restore.remove(0) } else { Change::Batch(restore) }
}

/// The entry with this time, source and text, if the log has one.
pub fn find<'a>(journey: &'a Journey, at: &str, source: Option<&str>, text: &str) -> Option<&'a LogEntry> {
    journey.log.iter().find(|e| e.key() == (at, source, text))
}

/// `Service › Touchpoints`, or `the inbox`.
pub fn cell_words(cell: Option<&LogCell>) -> String {
    cell.map_or_else(|| "the inbox".to_owned(), |c| format!("{} › {}", c.phase, c.row))
}

/// A note's text on one line, cut after 60 characters.
pub fn short(text: &str) -> String {
    let line = text.replace('\n', " ");
    if line.chars().count() <= 60 { line } else { format!("{}…", line.chars().take(59).collect::<String>()) }
}
