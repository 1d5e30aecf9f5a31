//! `jgrid report FILE [--format markdown|json] [--only NAME] [-o OUT]`.

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
pub fn report(
    file: &Path,
    format: ReportFormat,
    audience: Audience,
    output: Option<&Path>,
    only: Option<&str>,
) -> Outcome {
    let (journey, _) = files::load_in_portfolio(file)?;
    let journey = only_view(file, journey, only)?;
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

/// `--only NAME`: the journey with only that source's lines (and the lines
/// with no source), as `:only @NAME` shows it; the journey itself without it.
pub fn only_view(
    file: &Path,
    journey: crate::journey::Journey,
    only: Option<&str>,
) -> Result<crate::journey::Journey, CliError> {
    let Some(name) = only else { return Ok(journey) };
    let name = name.trim().trim_start_matches('@');
    if !crate::journey::is_source_name(name) {
        return Err(CliError::Refused {
            file: shown(file),
            what: format!("--only needs a source name, not \"{}\"", crate::text::sanitize(name)),
            hint: "a name of letters, digits, - and _, for example --only omar".into(),
        });
    }
    Ok(crate::journey::only(&journey, name))
}
