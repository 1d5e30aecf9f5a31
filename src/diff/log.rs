//! The interview log in a diff: notes logged or gone, and notes whose cell
//! changed (sorted, moved back to the inbox, a merge choice taken), each
//! named by its text, source and time.

use serde::Serialize;

use super::Edit;
use crate::journey::{Journey, LogEntry, log_cell_words};

/// A note of the log as a diff shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LogView {
    pub text: String,
    pub source: Option<String>,
    pub at: String,
    /// Where it went: `Phase › Row`, or `the inbox`.
    pub cell: String,
}

impl From<&LogEntry> for LogView {
    fn from(e: &LogEntry) -> Self {
        Self { text: e.text.clone(), source: e.source.clone(), at: e.at.clone(), cell: log_cell_words(e.cell.as_ref()) }
    }
}

/// For each entry, the same entry of `other`: the one with its key that
/// comes as often before it (a note captured twice in one second is two).
fn matches(log: &[LogEntry], other: &[LogEntry]) -> Vec<Option<usize>> {
    let mut seen: std::collections::HashMap<_, usize> = std::collections::HashMap::new();
    let mut found: std::collections::HashMap<_, Vec<usize>> = std::collections::HashMap::new();
    for (i, e) in other.iter().enumerate() {
        found.entry(e.key()).or_default().push(i);
    }
    log.iter()
        .map(|e| {
            let n = seen.entry(e.key()).or_default();
            *n += 1;
            found.get(&e.key()).and_then(|v| v.get(*n - 1)).copied()
        })
        .collect()
}

/// The log's edits from `old` to `new`, in new's order: removed, added, moved.
pub(super) fn edits(old: &Journey, new: &Journey, out: &mut Vec<Edit>) {
    for (e, m) in old.log.iter().zip(matches(&old.log, &new.log)) {
        if m.is_none() {
            out.push(Edit::LogRemoved { note: e.into() });
        }
    }
    for (e, m) in new.log.iter().zip(matches(&new.log, &old.log)) {
        match m.map(|i| &old.log[i]) {
            None => out.push(Edit::LogAdded { note: e.into() }),
            Some(was) if was.cell != e.cell => {
                out.push(Edit::LogMoved { note: e.into(), from: log_cell_words(was.cell.as_ref()) });
            }
            Some(_) => {}
        }
    }
}
