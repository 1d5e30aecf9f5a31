//! What capturing and sorting a note does to a journey, as one change each
//! (so undo, redo, recovery and the merge's tests all see the same steps):
//! a captured note goes into the inbox, or straight into a cell, and into
//! the interview log; sorting it moves it from the inbox to a cell and says
//! so in its log entry; editing or deleting an unsorted note edits or
//! removes its log entry with it.

use super::change::Change;
use super::lines::with_source;
use super::log::{LogEntry, log_of, log_position};
use super::model::{CellRef, Journey, Note};

/// The line a note becomes in a cell: its text with its `@source`.
pub fn line_of(note: &Note) -> String {
    match &note.source {
        Some(source) => with_source(&note.text, source),
        None => note.text.clone(),
    }
}

/// The cell at `at` with `line` (one line or more) added at its end.
pub fn appended(journey: &Journey, at: CellRef, line: String) -> Change {
    let old = journey.cell(at);
    let text = if old.is_empty() { line } else { format!("{old}\n{line}") };
    Change::SetCell { at, text }
}

/// Capture `note` into the inbox, and log it.
pub fn capture(journey: &Journey, note: Note) -> Change {
    let entry = LogEntry::of_note(&note);
    let log_at = log_position(journey, &entry.at);
    Change::Batch(vec![Change::InsertNote { at: journey.inbox.len(), note }, Change::InsertLog { at: log_at, entry }])
}

/// Capture `note` straight into the cell at `at` (a route: `2/msg text`),
/// and log it as gone there.
pub fn capture_into(journey: &Journey, note: Note, at: CellRef) -> Change {
    let entry = LogEntry::of_note(&note).sent_to(journey, at);
    let log_at = log_position(journey, &entry.at);
    Change::Batch(vec![appended(journey, at, line_of(&note)), Change::InsertLog { at: log_at, entry }])
}

/// Sort the inbox note at `index` into the cell at `at`: it leaves the
/// inbox, becomes the cell's last line (with its `@source`), and its log
/// entry names the cell. A note from before the log (no entry) gets one.
/// `None` when there is no such note or cell.
pub fn sort(journey: &Journey, index: usize, at: CellRef) -> Option<Change> {
    let note = journey.inbox.get(index)?;
    if !journey.contains(at) {
        return None;
    }
    let log = match log_of(journey, note) {
        Some(i) => Change::SetLog { at: i, entry: journey.log[i].sent_to(journey, at) },
        None => {
            let entry = LogEntry::of_note(note).sent_to(journey, at);
            Change::InsertLog { at: log_position(journey, &entry.at), entry }
        }
    };
    Some(Change::Batch(vec![Change::RemoveNote { at: index }, appended(journey, at, line_of(note)), log]))
}

/// Delete the inbox note at `index`, and its log entry: a deleted note was
/// not meant to be a note (undo brings both back).
pub fn delete(journey: &Journey, index: usize) -> Option<Change> {
    let note = journey.inbox.get(index)?;
    let mut changes = vec![Change::RemoveNote { at: index }];
    changes.extend(log_of(journey, note).map(|at| Change::RemoveLog { at }));
    Some(Change::Batch(changes))
}

/// Give the inbox note at `index` new text; its log entry follows.
pub fn edit(journey: &Journey, index: usize, text: &str) -> Option<Change> {
    let old = journey.inbox.get(index)?;
    let note = Note { text: text.to_owned(), ..old.clone() };
    let mut changes = Vec::new();
    if let Some(i) = log_of(journey, old) {
        changes.push(Change::SetLog { at: i, entry: LogEntry { text: text.to_owned(), ..journey.log[i].clone() } });
    }
    changes.insert(0, Change::SetNote { at: index, note });
    Some(Change::Batch(changes))
}

/// The cell at `at` without the last line that is exactly `line` (a note
/// sorted there); `None` when the cell has no such line.
pub fn without_line(journey: &Journey, at: CellRef, line: &str) -> Option<Change> {
    let lines: Vec<&str> = journey.cell(at).split('\n').collect();
    let i = lines.iter().rposition(|l| *l == line)?;
    let text: Vec<&str> = lines.iter().enumerate().filter(|(k, _)| *k != i).map(|(_, l)| *l).collect();
    Some(Change::SetCell { at, text: text.join("\n") })
}

#[cfg(test)]
#[path = "notes_tests.rs"]
mod tests;
