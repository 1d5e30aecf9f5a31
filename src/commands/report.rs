//! `jgrid report FILE [--format markdown|json] [-o OUT]`.

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use super::files;
use crate::checks;
use crate::cli::ReportFormat;
use crate::report;

/// Write the report of a journey to stdout or to OUT; exit 0, or 2 when the
/// journey cannot be read or OUT cannot be written.
pub fn report(file: &Path, format: ReportFormat, output: Option<&Path>) -> ExitCode {
    let journey = match files::load(file) {
        Ok(j) => j,
        Err(code) => return code,
    };
    // The findings the report lists as open.
    let findings = checks::review(&journey).open;
    let text = match format {
        ReportFormat::Markdown => report::to_markdown(&journey, &findings),
        ReportFormat::Json => report::to_json(&journey, &findings),
    };
    match output {
        None => {
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Some(out) => files::write_new_or_replace(out, &text),
    }
}
