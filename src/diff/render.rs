//! A journey diff as text for people (and git) or as JSON for scripts.
//! Control characters from the files are shown as visible placeholders.

use std::fmt::Write as _;

use super::{AcceptedView, ConflictView, Edit};
use crate::text::{json_safe, sanitize};

/// A value on one line: newlines shown as `\n`, control characters made visible.
fn one(text: &str) -> String {
    sanitize(&text.replace('\n', "\\n")).into_owned()
}

fn quoted(text: &str) -> String {
    format!("\"{}\"", one(text))
}

fn opt(value: Option<&str>, none: &str) -> String {
    value.map_or_else(|| none.to_owned(), one)
}

fn mood(m: Option<i8>) -> String {
    m.map_or_else(|| "unknown".to_owned(), |m| format!("{m:+}").replace("+0", "0"))
}

fn signed(removed: &[String], added: &[String]) -> String {
    let minus = removed.iter().map(|x| format!("-{}", one(x)));
    let plus = added.iter().map(|x| format!("+{}", one(x)));
    minus.chain(plus).collect::<Vec<_>>().join(" ")
}

fn accepted(a: &AcceptedView) -> String {
    let mut s = format!("{} in {}", one(&a.check), quoted(&a.phase));
    if !a.rows.is_empty() {
        let rows: Vec<String> = a.rows.iter().map(|r| one(r)).collect();
        let _ = write!(s, " ({})", rows.join(", "));
    }
    if let Some(subject) = &a.subject {
        let _ = write!(s, " about {}", quoted(subject));
    }
    if !a.reason.is_empty() {
        let _ = write!(s, ": {}", one(&a.reason));
    }
    s
}

fn conflict(c: &ConflictView) -> String {
    let mut s = one(&c.about);
    if let Some(subject) = &c.subject {
        let _ = write!(s, " of {}", quoted(subject));
    }
    if let Some(by) = &c.by {
        let _ = write!(s, " (deleted on {})", one(by));
    }
    if let Some(theirs) = &c.theirs {
        let _ = write!(s, ", theirs {}", one(theirs));
    }
    s
}

/// One line per change, a `Phase › Row` header with `-`/`+` lines per cell.
/// Empty when there is no change.
///
/// ```
/// use jgrid::journey::{CellRef, Change, Journey};
/// let old = Journey::new("T", "P", ["Need"], ["Use"]);
/// let mut new = old.clone();
/// Change::SetCell { at: CellRef::new(0, 0), text: "fast".into() }.apply(&mut new).unwrap();
/// assert_eq!(jgrid::diff::to_text(&jgrid::diff::diff(&old, &new)), "Use › Need\n+fast\n");
/// ```
pub fn to_text(edits: &[Edit]) -> String {
    let mut out = String::new();
    for edit in edits {
        let line = match edit {
            Edit::Title { old, new } => format!("title: {} → {}", quoted(old), quoted(new)),
            Edit::Persona { old, new } => format!("persona: {} → {}", quoted(old), quoted(new)),
            Edit::Lang { old, new } => {
                format!("lang: {} → {}", opt(old.as_deref(), "from the rows"), opt(new.as_deref(), "from the rows"))
            }
            Edit::ChecksOff { removed, added } => format!("checks off: {}", signed(removed, added)),
            Edit::External { removed, added } => format!("external channels: {}", signed(removed, added)),
            Edit::RowAdded { name, at } => format!("row added: {} (position {at})", quoted(name)),
            Edit::RowRemoved { name } => format!("row removed: {}", quoted(name)),
            Edit::RowRenamed { old, new } => format!("row renamed: {} → {}", quoted(old), quoted(new)),
            Edit::RowMoved { name, from, to } => format!("row moved: {} (position {from} → {to})", quoted(name)),
            Edit::Role { row, old, new } => {
                format!("role of {}: {} → {}", quoted(row), opt(old.as_deref(), "none"), opt(new.as_deref(), "none"))
            }
            Edit::PhaseAdded { name, at } => format!("phase added: {} (position {at})", quoted(name)),
            Edit::PhaseRemoved { name } => format!("phase removed: {}", quoted(name)),
            Edit::PhaseRenamed { old, new } => format!("phase renamed: {} → {}", quoted(old), quoted(new)),
            Edit::PhaseMoved { name, from, to } => format!("phase moved: {} (position {from} → {to})", quoted(name)),
            Edit::Mood { phase, old, new } => format!("mood of {}: {} → {}", quoted(phase), mood(*old), mood(*new)),
            Edit::SourceMood { phase, source, old, new } => {
                format!("mood of @{} in {}: {} → {}", one(source), quoted(phase), mood(*old), mood(*new))
            }
            Edit::Cell { phase, row, lines } => {
                let mut s = format!("{} › {}", one(phase), one(row));
                for l in lines {
                    let _ = write!(s, "\n{}{}", l.sign, one(&l.text));
                }
                s
            }
            Edit::NoteAdded { note } | Edit::NoteRemoved { note } => {
                let sign = if matches!(edit, Edit::NoteAdded { .. }) { '+' } else { '-' };
                let source = note.source.as_deref().map_or(String::new(), |s| format!(" @{}", one(s)));
                format!("inbox: {sign}{}{source} {}", quoted(&note.text), one(&note.at))
            }
            Edit::AcceptedAdded { accepted: a } => format!("accepted: +{}", accepted(a)),
            Edit::AcceptedRemoved { accepted: a } => format!("accepted: -{}", accepted(a)),
            Edit::ConflictAdded { conflict: c } => format!("merge conflict: +{}", conflict(c)),
            Edit::ConflictRemoved { conflict: c } => format!("merge conflict: -{}", conflict(c)),
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// `{"equal": bool, "changes": [...]}`, each change with a `kind`
/// (`title`, `phase-renamed`, `cell`, `note-added`, ...).
pub fn to_json(edits: &[Edit]) -> String {
    let value = serde_json::json!({ "equal": edits.is_empty(), "changes": edits });
    let text = serde_json::to_string_pretty(&value).unwrap_or_else(|_| "{}".to_owned());
    json_safe(&text)
}
