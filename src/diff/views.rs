//! How a line, a note, an accepted finding and a recorded merge choice
//! show in a diff (text and JSON).

use serde::Serialize;

use crate::journey::{Acceptance, Note, Unresolved};

/// One line of a cell's change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Line {
    /// `-` removed, `+` added.
    pub sign: char,
    pub text: String,
}

/// An inbox note, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NoteView {
    pub text: String,
    pub source: Option<String>,
    pub at: String,
}

impl From<&Note> for NoteView {
    fn from(n: &Note) -> Self {
        Self { text: n.text.clone(), source: n.source.clone(), at: n.at.clone() }
    }
}

/// An accepted finding, as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AcceptedView {
    pub check: String,
    pub phase: String,
    pub rows: Vec<String>,
    pub subject: Option<String>,
    pub reason: String,
}

impl From<&Acceptance> for AcceptedView {
    fn from(a: &Acceptance) -> Self {
        let a = a.clone();
        Self { check: a.check, phase: a.phase, rows: a.rows, subject: a.subject, reason: a.reason }
    }
}

/// A choice a merge recorded (`[[conflict]]`), as shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConflictView {
    /// `mood`, `role`, `lang`, `phase-order`, `row-order`, `deleted-phase`, `deleted-row`.
    pub about: String,
    /// The phase or row it is about.
    pub subject: Option<String>,
    /// Theirs' value (a mood, a role, a language, an order of names joined by `, `).
    pub theirs: Option<String>,
    /// Who deleted it (`ours`, `theirs`), for a deletion.
    pub by: Option<String>,
}

impl From<&Unresolved> for ConflictView {
    fn from(u: &Unresolved) -> Self {
        let mut subject = u.phase().or(u.row()).map(str::to_owned);
        let (theirs, by) = match u {
            Unresolved::Plan { title, field, theirs } => {
                subject = Some(format!("{title} › {}", field.id()));
                (Some(field.show(theirs)), None)
            }
            Unresolved::Source { name, theirs } => {
                subject = Some(name.clone());
                (Some(theirs.clone()), None)
            }
            Unresolved::Mood { theirs, .. } => (theirs.map(|m| m.to_string()), None),
            Unresolved::SourceMood { phase, source, theirs } => {
                subject = Some(format!("{phase} › @{source}"));
                (theirs.map(|m| m.to_string()), None)
            }
            Unresolved::Role { theirs, .. } => (theirs.map(|r| r.id().to_owned()), None),
            Unresolved::Lang { theirs } => (theirs.map(|l| l.code().to_owned()), None),
            Unresolved::Order { theirs, .. } => (Some(theirs.join(", ")), None),
            Unresolved::Deleted { by, .. } => (None, Some(by.word().to_owned())),
            Unresolved::Log { at, source, text, theirs } => {
                let who = source.as_ref().map_or_else(String::new, |s| format!(" @{s}"));
                subject = Some(format!("{at}{who}: {}", crate::journey::log_short(text)));
                (Some(crate::journey::log_cell_words(theirs.as_ref())), None)
            }
        };
        Self { about: u.about().to_owned(), subject, theirs, by }
    }
}
