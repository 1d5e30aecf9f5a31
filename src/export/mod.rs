//! Export a journey to Markdown, CSV, HTML, Mermaid and JSON, and import a
//! grid from CSV. Pure: every function takes a journey (and its findings) and
//! returns text; nothing here touches a file or a terminal.
//!
//! | format | function | lossless? |
//! | --- | --- | --- |
//! | Markdown | [`to_markdown`] | grid, title, persona, moods and unsorted notes; no roles, checks or findings |
//! | CSV | [`to_csv`] | rows, phases and cells only; [`import_csv`] reads it back |
//! | HTML | [`to_html`] | grid, title, persona, mood curve, unsorted notes and findings, for reading and printing |
//! | Mermaid | [`to_mermaid`] | a lossy `journey` diagram of the touchpoints |
//! | JSON | [`to_json`] | the whole journey plus its findings |

mod csv;
mod html;
mod import;
#[cfg(test)]
mod interview_tests;
mod json;
mod markdown;
mod mermaid;
#[cfg(test)]
mod moods_tests;
pub mod plan;
#[cfg(test)]
pub(crate) mod tests;
mod xlsx;

use std::fmt;
use std::str::FromStr;

pub use self::csv::to_csv;
pub(crate) use html::curve::{SourceCurve, svg_of as mood_curves_svg};
pub use html::to_html;
pub(crate) use html::{STYLE as HTML_STYLE, escape as html_escape, to_html_with};
pub use import::{ImportError, import_csv};
pub use json::to_json;
pub(crate) use json::{CellDoc, FindingDoc};
pub(crate) use markdown::starts_entity;
pub use markdown::to_markdown;
pub use mermaid::to_mermaid;
pub use xlsx::to_xlsx;

use crate::checks;
use crate::journey::Journey;

/// The formats a journey can be exported to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum ExportFormat {
    Markdown,
    Csv,
    Html,
    Mermaid,
    Json,
}

impl ExportFormat {
    pub const ALL: &[ExportFormat] = <ExportFormat as strum::VariantArray>::VARIANTS;

    /// The name used on the command line: `markdown`, `csv`, `html`, `mermaid`, `json`.
    pub fn id(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "markdown",
            ExportFormat::Csv => "csv",
            ExportFormat::Html => "html",
            ExportFormat::Mermaid => "mermaid",
            ExportFormat::Json => "json",
        }
    }

    /// The usual file extension, without the dot: `md`, `csv`, `html`, `mmd`, `json`.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::Csv => "csv",
            ExportFormat::Html => "html",
            ExportFormat::Mermaid => "mmd",
            ExportFormat::Json => "json",
        }
    }

    /// The format named by an id or a file extension, ignoring case
    /// (`markdown`/`md`, `csv`, `html`/`htm`, `mermaid`/`mmd`, `json`).
    pub fn from_name(name: &str) -> Option<ExportFormat> {
        Some(match name.trim().to_ascii_lowercase().as_str() {
            "markdown" | "md" => ExportFormat::Markdown,
            "csv" => ExportFormat::Csv,
            "html" | "htm" => ExportFormat::Html,
            "mermaid" | "mmd" => ExportFormat::Mermaid,
            "json" => ExportFormat::Json,
            _ => return None,
        })
    }
}

/// What `jgrid export --to` writes: a text format, or an Excel workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTarget {
    Text(ExportFormat),
    /// `.xlsx`: the grid, the findings and the plan on their own sheets (needs `-o`).
    Xlsx,
}

impl FromStr for ExportTarget {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.trim().eq_ignore_ascii_case("xlsx") {
            return Ok(ExportTarget::Xlsx);
        }
        ExportFormat::from_str(s)
            .map(ExportTarget::Text)
            .map_err(|_| format!("unknown export format \"{s}\"; use markdown, csv, html, mermaid, json or xlsx"))
    }
}

impl fmt::Display for ExportFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl FromStr for ExportFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ExportFormat::from_name(s)
            .ok_or_else(|| format!("unknown export format \"{s}\"; use markdown, csv, html, mermaid or json"))
    }
}

/// The journey in this format. HTML and JSON include the journey's findings
/// (the open ones of [`checks::review`]: not the accepted ones, nor the checks
/// the journey switches off).
pub fn export(journey: &Journey, format: ExportFormat) -> String {
    match format {
        ExportFormat::Markdown => to_markdown(journey),
        ExportFormat::Csv => to_csv(journey),
        ExportFormat::Html => to_html(journey, &checks::review(journey).open),
        ExportFormat::Mermaid => to_mermaid(journey),
        ExportFormat::Json => to_json(journey, &checks::review(journey).open),
    }
}

/// The lines of a cell: split at LF, CR LF and a lone CR.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let s = rest?;
        match s.find(['\r', '\n']) {
            None => {
                rest = None;
                Some(s)
            }
            Some(i) => {
                let skip = if s[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&s[i + skip..]);
                Some(&s[..i])
            }
        }
    })
}

/// When an inbox note was taken, for reading: `2026-12-01 14:03 UTC`; the
/// text as written (on one line, control characters made visible) when it
/// is no RFC 3339 time.
fn taken(at: &str) -> String {
    match crate::journey::parse_rfc3339(at) {
        Some((secs, _)) if secs >= 0 => crate::journey::readable(secs.unsigned_abs()),
        _ => one_line(at).trim().to_owned(),
    }
}

/// Text for a one-line place (a title, a name): its lines joined by a space,
/// with control and bidi characters shown as visible placeholders.
pub(crate) fn one_line(text: &str) -> String {
    let joined: Vec<&str> = lines(text).collect();
    crate::text::sanitize(&joined.join(" ")).into_owned()
}
