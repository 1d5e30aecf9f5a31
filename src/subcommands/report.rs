//! `jgrid report FILE [--format markdown|json] [-o OUT]`.

use std::path::Path;
use std::process::ExitCode;

use super::error::Outcome;
use super::files;
use crate::checks;
use crate::cli::ReportFormat;
use crate::report;

/// Write the report of a journey to stdout or to OUT; exit 0, or 2 when the
/// journey cannot be read or OUT cannot be written.
pub fn report(file: &Path, format: ReportFormat, output: Option<&Path>) -> Outcome {
    let (journey, _) = files::load_in_portfolio(file)?;
    // The findings the report lists as open.
    let findings = checks::review(&journey).open;
    let text = match format {
        ReportFormat::Markdown => report::to_markdown(&journey, &findings),
        ReportFormat::Json => report::to_json(&journey, &findings),
    };
    match output {
        None => {
            crate::stdout::print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(out) => {
            let extension = if format == ReportFormat::Json { "json" } else { "md" };
            files::write_output(file, out, extension, &text)
        }
    }
}
