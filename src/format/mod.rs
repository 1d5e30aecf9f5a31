//! Journey file format 1: TOML, human-readable, diff-friendly.
//!
//! `parse` reads any valid format-1 file and refuses everything else with a
//! line and column; `to_toml` writes the one canonical form, so a file jgrid
//! wrote loads and saves to the same bytes, and changing one cell changes
//! only that cell's lines.

mod build;
mod plan;
mod raw;
mod unresolved;
mod write;

pub use write::to_toml;

use crate::journey::{Journey, LineEnds};
use crate::text::{line_column, one_line, sanitize};

/// The newest format this build reads and the one it writes.
pub const FORMAT_VERSION: i64 = 1;

/// A problem in a journey file, with its 1-based position.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message} (hint: {hint})")]
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
    /// Control characters from the file (or its name) are shown as visible
    /// placeholders, so an error message can never reach the terminal raw.
    pub fn render(&self, file: &str) -> String {
        let message = sanitize(&self.message.replace('\n', " ")).into_owned();
        let hint = sanitize(&self.hint.replace('\n', " ")).into_owned();
        format!("{}:{}:{}: {message}\n  hint: {hint}", one_line(file), self.line, self.column)
    }
}

pub(crate) const FIX_HINT: &str = "fix the file in a text editor and open it again; jgrid did not change it";

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
    // CRLF line ends are newlines, wherever they are (in a multi-line string
    // too): read as `\n`, so no cell gets a `\r`; written back as they were.
    let line_ends = LineEnds::of(text);
    let text = &*LineEnds::to_lf(text);
    let raw: raw::RawFile = toml::from_str(text).map_err(|e| {
        let offset = e.span().map_or(0, |s| s.start);
        let message = e.message().trim().trim_end_matches('.').to_owned();
        FormatError::at(text, offset, message, FIX_HINT)
    })?;
    let mut journey = build::build(text, raw)?;
    journey.line_ends = line_ends;
    Ok(journey)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod roundtrip_tests;

#[cfg(test)]
mod moods_tests;
