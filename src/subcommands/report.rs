//! `jgrid report FILE [--format markdown|json] [-o OUT]`.

use std::path::Path;
use std::process::ExitCode;

use super::error::CliError;
use super::error::Outcome;
use super::error::shown;
use super::files;
use crate::checks;
use crate::cli::{Audience, ReportFormat};
use crate::report;

/// Write the report of a journey to stdout or to OUT; exit 0, or 2 when the
/// journey cannot be read or OUT cannot be written.
pub fn report(file: &Path, format: ReportFormat, audience: Audience, output: Option<&Path>) -> Outcome {
    let (journey, _) = files::load_in_portfolio(file)?;
    let review = checks::review(&journey);
    let text = match (audience, format) {
        // The findings the team's report lists as open.
        (Audience::Team, ReportFormat::Markdown) => report::to_markdown(&journey, &review.open),
        (Audience::Team, ReportFormat::Json) => report::to_json(&journey, &review.open),
        (Audience::Team, ReportFormat::Html) => {
            return Err(CliError::Refused {
                file: shown(file),
                what: "the team's report is Markdown or JSON".into(),
                hint: "use --for client --format html for a printable page, or jgrid export --to html".into(),
            });
        }
        (Audience::Client, ReportFormat::Json) => {
            return Err(CliError::Refused {
                file: shown(file),
                what: "the client's report is Markdown or HTML".into(),
                hint: "use --format markdown or --format html (jgrid plan --format json gives the plan)".into(),
            });
        }
        // The client hears of every disagreement, accepted or not.
        (Audience::Client, f) => {
            let all: Vec<_> = review.open.iter().chain(review.accepted.iter().map(|a| &a.finding)).cloned().collect();
            if f == ReportFormat::Html {
                report::client_html(&journey, &all)
            } else {
                report::client::to_markdown(&journey, &all)
            }
        }
    };
    match output {
        None => {
            crate::stdout::print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(out) => {
            let extension = match format {
                ReportFormat::Json => "json",
                ReportFormat::Html => "html",
                ReportFormat::Markdown => "md",
            };
            files::write_output(file, out, extension, &text)
        }
    }
}
