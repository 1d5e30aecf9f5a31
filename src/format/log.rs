//! The file's `[[log]]` tables, the interview log: every captured note in
//! the order taken, with the cell it went to. Written last, so a note
//! captured adds lines at the end of the file and a note sorted changes only
//! its own entry's lines.
//!
//! ```toml
//! [[log]]
//! text = "waited 25 minutes on the phone"
//! source = "sara"
//! at = "2026-12-01T14:03:12Z"
//! phase = "Service"
//! row = "Touchpoints"
//! ```
//!
//! `phase` and `row` come together; without them the note is still in the
//! inbox. They may name a phase or row that is gone (deleted after the note
//! was sorted): the entry loads and keeps the name.

use std::fmt::Write as _;

use serde::Deserialize;
use toml::Spanned;

use super::FormatError;
use crate::journey::{LogCell, LogEntry, Unresolved};

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLog {
    pub text: Option<Spanned<String>>,
    pub source: Option<Spanned<String>>,
    pub at: Option<Spanned<String>>,
    pub phase: Option<Spanned<String>>,
    pub row: Option<Spanned<String>>,
}

const HINT: &str = "a [[log]] entry needs `text` and `at`, may have `source`, and names its cell with `phase` and `row` together (neither: still in the inbox)";

/// Read one `[[log]]` table of `text`.
pub(super) fn read(text: &str, raw: &Spanned<RawLog>) -> Result<LogEntry, FormatError> {
    let l = raw.get_ref();
    let err =
        |span: std::ops::Range<usize>, message: String, hint: &str| FormatError::at(text, span.start, message, hint);
    let missing = |what: &str| err(raw.span(), format!("this [[log]] entry has no `{what}`"), HINT);
    let body = l.text.as_ref().ok_or_else(|| missing("text"))?;
    let at = l.at.as_ref().ok_or_else(|| missing("at"))?;
    let source = super::build::note_time_and_source(text, at, l.source.as_ref())?;
    let named = |n: &Spanned<String>, what: &str| -> Result<String, FormatError> {
        if n.get_ref().trim().is_empty() {
            return Err(err(n.span(), format!("the log entry's `{what}` is empty"), HINT));
        }
        Ok(n.get_ref().clone())
    };
    let cell = match (&l.phase, &l.row) {
        (Some(phase), Some(row)) => Some(LogCell { phase: named(phase, "phase")?, row: named(row, "row")? }),
        (None, None) => None,
        (Some(one), None) | (None, Some(one)) => {
            let what = if l.phase.is_some() { "a `phase` without a `row`" } else { "a `row` without a `phase`" };
            return Err(err(one.span(), format!("this log entry has {what}"), HINT));
        }
    };
    Ok(LogEntry { text: body.get_ref().clone(), source, at: at.get_ref().clone(), cell })
}

/// Write one `[[log]]` table (preceded by an empty line).
pub(super) fn write(out: &mut String, e: &LogEntry, string: &dyn Fn(&str) -> String) {
    let _ = write!(out, "\n[[log]]\ntext = {}\n", super::write::value(&e.text));
    if let Some(source) = &e.source {
        let _ = writeln!(out, "source = {}", string(source));
    }
    let _ = writeln!(out, "at = {}", string(&e.at));
    if let Some(cell) = &e.cell {
        let _ = writeln!(out, "phase = {}\nrow = {}", string(&cell.phase), string(&cell.row));
    }
}

/// Read a `[[conflict]]` about the log: the note by `text`, `source` and
/// `at`; `theirs = { phase = "...", row = "..." }` (left out: theirs has it
/// in the inbox).
pub(super) fn read_conflict(
    file: &str,
    table: std::ops::Range<usize>,
    text: &Option<Spanned<String>>,
    source: &Option<Spanned<String>>,
    at: &Option<Spanned<String>>,
    theirs: Option<&Spanned<toml::Value>>,
) -> Result<Unresolved, FormatError> {
    let hint = "a log conflict names the note by `text`, `at` and `source`, and theirs' cell as theirs = { phase = \"...\", row = \"...\" }";
    let raw = RawLog { text: text.clone(), source: source.clone(), at: at.clone(), phase: None, row: None };
    let entry = read(file, &Spanned::new(table.clone(), raw)).map_err(|mut e| {
        e.message = e.message.replace("[[log]] entry", "log conflict");
        e
    })?;
    let theirs = match theirs {
        None => None,
        Some(v) => {
            let cell = v.get_ref().as_table().and_then(|t| {
                let get = |k: &str| t.get(k).and_then(toml::Value::as_str).filter(|s| !s.trim().is_empty());
                (t.len() == 2).then_some(())?;
                Some(LogCell { phase: get("phase")?.to_owned(), row: get("row")?.to_owned() })
            });
            Some(cell.ok_or_else(|| FormatError::at(file, v.span().start, "`theirs` is not a cell", hint))?)
        }
    };
    Ok(Unresolved::Log { at: entry.at, source: entry.source, text: entry.text, theirs })
}

/// Write the fields of a `[[conflict]]` about the log (after its `about`).
pub(super) fn write_conflict(
    out: &mut String,
    (at, source, text): (&str, Option<&str>, &str),
    theirs: Option<&LogCell>,
    string: &dyn Fn(&str) -> String,
) {
    let _ = writeln!(out, "text = {}", super::write::value(text));
    if let Some(source) = source {
        let _ = writeln!(out, "source = {}", string(source));
    }
    let _ = writeln!(out, "at = {}", string(at));
    if let Some(c) = theirs {
        let _ = writeln!(out, "theirs = {{ phase = {}, row = {} }}", string(&c.phase), string(&c.row));
    }
}

#[cfg(test)]
#[path = "log_tests.rs"]
mod tests;
