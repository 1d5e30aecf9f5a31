//! Journey file format 1: TOML, human-readable, diff-friendly.
//!
//! `parse` reads any valid format-1 file and refuses everything else with a
//! line and column; `to_toml` writes the one canonical form, so a file jgrid
//! wrote loads and saves to the same bytes, and changing one cell changes
//! only that cell's lines.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use serde::Deserialize;
use toml::Spanned;

use crate::journey::{CellRef, Journey, Role};
use crate::text::line_column;

/// The newest format this build reads and the one it writes.
pub const FORMAT_VERSION: i64 = 1;

/// A problem in a journey file, with its 1-based position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub line: usize,
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// What the user can do about it.
    pub hint: String,
}

impl FormatError {
    fn at(text: &str, offset: usize, message: impl Into<String>, hint: impl Into<String>) -> Self {
        let (line, column) = line_column(text, offset);
        Self { line, column, message: message.into(), hint: hint.into() }
    }

    /// `FILE:LINE:COLUMN: message` followed by the hint on its own line.
    pub fn render(&self, file: &str) -> String {
        format!("{file}:{}:{}: {}\n  hint: {}", self.line, self.column, self.message, self.hint)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    format: Option<Spanned<i64>>,
    #[serde(default)]
    title: String,
    #[serde(default)]
    persona: String,
    rows: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    roles: BTreeMap<Spanned<String>, Spanned<String>>,
    checks: Option<RawChecks>,
    #[serde(default)]
    phase: Vec<Spanned<RawPhase>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawChecks {
    #[serde(default)]
    off: Vec<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhase {
    name: Option<Spanned<String>>,
    #[serde(default)]
    cells: BTreeMap<Spanned<String>, String>,
}

const FIX_HINT: &str = "fix the file in a text editor and open it again; jgrid did not change it";

/// Parse a journey file from its bytes.
///
/// ```
/// let text = "format = 1\nrows = [\"Need\"]\n\n[[phase]]\nname = \"Use\"\n\n[phase.cells]\nNeed = \"fast\"\n";
/// let journey = jgrid::format::parse(text.as_bytes()).unwrap();
/// assert_eq!(journey.cell(jgrid::journey::CellRef::new(0, 0)), "fast");
/// // What jgrid writes is canonical (here: the empty title and persona are written out).
/// assert!(jgrid::format::to_toml(&journey).starts_with("format = 1\ntitle = \"\"\npersona = \"\"\n"));
/// let bad = text.replace("Need = ", "Nede = ");
/// let e = jgrid::format::parse(bad.as_bytes()).unwrap_err();
/// assert_eq!((e.line, e.column), (8, 1));
/// ```
pub fn parse(bytes: &[u8]) -> Result<Journey, FormatError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let valid = &bytes[..e.valid_up_to()];
        let text = String::from_utf8_lossy(valid);
        FormatError::at(
            &text,
            text.len(),
            "the file is not UTF-8 text",
            "save it as UTF-8 (for example `iconv -f latin1 -t utf-8`) and open it again",
        )
    })?;
    if text.trim().is_empty() {
        return Err(FormatError::at(
            text,
            0,
            "the file is empty",
            "start with `format = 1`, a `rows` list and one `[[phase]]`, or remove the file and jgrid starts a new journey",
        ));
    }
    let raw: RawFile = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = e.message().trim().trim_end_matches('.').to_owned();
        FormatError::at(text, offset, message, FIX_HINT)
    })?;
    build(text, raw)
}

fn build(text: &str, raw: RawFile) -> Result<Journey, FormatError> {
    let err = |span: Range<usize>, message: String, hint: &str| FormatError::at(text, span.start, message, hint);
    match &raw.format {
        None => {
            return Err(err(0..0, "missing `format = 1` at the top".into(), "add the line `format = 1` at the top"));
        }
        Some(f) if *f.get_ref() > FORMAT_VERSION => {
            return Err(err(
                f.span(),
                format!("format {} is newer than this jgrid reads (format {FORMAT_VERSION})", f.get_ref()),
                "update jgrid to open this file",
            ));
        }
        Some(f) if *f.get_ref() < 1 => {
            return Err(err(f.span(), format!("format {} does not exist", f.get_ref()), "use `format = 1`"));
        }
        Some(_) => {}
    }
    let Some(rows) = raw.rows else {
        return Err(err(
            0..0,
            "missing `rows = [...]`".into(),
            "add for example `rows = [\"Need\", \"Touchpoints\", \"Message\", \"Organization\", \"Systems\"]`",
        ));
    };
    if rows.get_ref().is_empty() {
        return Err(err(rows.span(), "`rows` is empty".into(), "name at least one row"));
    }
    let mut row_names: Vec<String> = Vec::new();
    for row in rows.get_ref() {
        let name = row.get_ref();
        if name.trim().is_empty() {
            return Err(err(row.span(), "a row name is empty".into(), "give every row a name"));
        }
        if row_names.contains(name) {
            return Err(err(
                row.span(),
                format!("the row \"{name}\" is listed twice"),
                "give every row a different name",
            ));
        }
        row_names.push(name.clone());
    }
    if raw.phase.is_empty() {
        return Err(err(
            text.len()..text.len(),
            "the journey has no phases".into(),
            "add at least one `[[phase]]` with a `name = \"...\"`",
        ));
    }
    let mut phase_names: Vec<String> = Vec::new();
    for phase in &raw.phase {
        let Some(name) = &phase.get_ref().name else {
            return Err(err(phase.span(), "this phase has no name".into(), "add `name = \"...\"` under `[[phase]]`"));
        };
        let n = name.get_ref();
        if n.trim().is_empty() {
            return Err(err(name.span(), "the phase name is empty".into(), "give every phase a name"));
        }
        if phase_names.contains(n) {
            return Err(err(
                name.span(),
                format!("the phase \"{n}\" appears twice"),
                "give every phase a different name",
            ));
        }
        phase_names.push(n.clone());
    }
    let mut journey = Journey::new(&raw.title, &raw.persona, row_names, phase_names);
    for (row, role) in &raw.roles {
        if journey.row_index(row.get_ref()).is_none() {
            return Err(err(
                row.span(),
                format!(
                    "[roles] names \"{}\", which is not one of the rows ({})",
                    row.get_ref(),
                    journey.rows().join(", ")
                ),
                "correct the row name or remove the line",
            ));
        }
        let Some(r) = Role::from_id(role.get_ref()) else {
            let ids: Vec<&str> = Role::ALL.iter().map(|r| r.id()).collect();
            return Err(err(
                role.span(),
                format!("\"{}\" is not a role", role.get_ref()),
                &format!("use one of: {}", ids.join(", ")),
            ));
        };
        if let Some(index) = journey.row_index(row.get_ref()) {
            journey.set_explicit_role(index, Some(r));
        }
    }
    for id in raw.checks.iter().flat_map(|c| &c.off) {
        if !crate::checks::IDS.contains(&id.get_ref().as_str()) {
            return Err(err(
                id.span(),
                format!("\"{}\" is not a check", id.get_ref()),
                &format!("use one of: {}", crate::checks::IDS.join(", ")),
            ));
        }
        if !journey.checks_off.contains(id.get_ref()) {
            journey.checks_off.push(id.get_ref().clone());
        }
    }
    // Report unknown rows in file order, so the first one in the file is named.
    let mut cells: Vec<(usize, &Spanned<String>, &String)> = Vec::new();
    for (p, phase) in raw.phase.iter().enumerate() {
        cells.extend(phase.get_ref().cells.iter().map(|(k, v)| (p, k, v)));
    }
    cells.sort_by_key(|(_, k, _)| k.span().start);
    for (p, key, value) in cells {
        let Some(r) = journey.row_index(key.get_ref()) else {
            return Err(err(
                key.span(),
                format!("\"{}\" is not one of the rows ({})", key.get_ref(), journey.rows().join(", ")),
                "add the row to `rows` at the top, or correct the name",
            ));
        };
        let change = crate::journey::Change::SetCell { at: CellRef::new(p, r), text: value.clone() };
        change.apply(&mut journey).map_err(|e| err(key.span(), e.to_string(), FIX_HINT))?;
    }
    Ok(journey)
}

/// Write a journey in canonical format-1 form.
pub fn to_toml(journey: &Journey) -> String {
    let mut out = String::with_capacity(256 + journey.filled_cells() * 64);
    let _ = writeln!(out, "format = {FORMAT_VERSION}");
    let _ = writeln!(out, "title = {}", basic_string(&journey.title));
    let _ = writeln!(out, "persona = {}", basic_string(&journey.persona));
    let rows: Vec<String> = journey.rows().iter().map(|r| basic_string(r)).collect();
    let _ = writeln!(out, "rows = [{}]", rows.join(", "));
    let roles: Vec<(&String, Role)> =
        journey.rows().iter().enumerate().filter_map(|(i, r)| journey.explicit_role(i).map(|role| (r, role))).collect();
    if !roles.is_empty() {
        out.push_str("\n[roles]\n");
        for (row, role) in roles {
            let _ = writeln!(out, "{} = {}", key(row), basic_string(role.id()));
        }
    }
    if !journey.checks_off.is_empty() {
        let off: Vec<String> = journey.checks_off.iter().map(|c| basic_string(c)).collect();
        let _ = write!(out, "\n[checks]\noff = [{}]\n", off.join(", "));
    }
    for phase in journey.phases() {
        let _ = write!(out, "\n[[phase]]\nname = {}\n", basic_string(&phase.name));
        if phase.is_empty() {
            continue;
        }
        out.push_str("\n[phase.cells]\n");
        for (row, text) in journey.rows().iter().zip(phase.cells()) {
            if !text.is_empty() {
                let _ = writeln!(out, "{} = {}", key(row), value(text));
            }
        }
    }
    out
}

fn key(name: &str) -> String {
    let bare = name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if bare { name.to_owned() } else { basic_string(name) }
}

fn value(text: &str) -> String {
    if text.contains('\n') { multiline_string(text) } else { basic_string(text) }
}

fn push_escaped_control(out: &mut String, c: char) {
    match c {
        '\u{8}' => out.push_str("\\b"),
        '\u{c}' => out.push_str("\\f"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        c => {
            let _ = write!(out, "\\u{:04X}", c as u32);
        }
    }
}

fn basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() && (c as u32) < 0x80 => push_escaped_control(&mut out, c),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `"""` + newline + the text + `"""`. A quote is escaped where it would end
/// the string early or run into the closing delimiter.
fn multiline_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str("\"\"\"\n");
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if matches!(chars.peek(), None | Some('"')) => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() && (c as u32) < 0x80 => push_escaped_control(&mut out, c),
            c => out.push(c),
        }
    }
    out.push_str("\"\"\"");
    out
}

#[cfg(test)]
mod tests;
