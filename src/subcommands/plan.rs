//! `jgrid plan FILE... [--format markdown|csv|json] [-o OUT]`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::error::Outcome;
use super::files;
use crate::checks;
use crate::cli::PlanFormat;
use crate::export::plan::{plan_items, to_csv, to_json, to_markdown};
use crate::text::one_line_path;

/// Write the ranked plan of the journeys to stdout or to OUT; exit 0, or 2
/// when a journey cannot be read or OUT cannot be written.
pub fn plan(files: &[PathBuf], format: PlanFormat, output: Option<&Path>) -> Outcome {
    let mut loaded = Vec::with_capacity(files.len());
    for file in files {
        let (journey, _) = files::load_in_portfolio(file)?;
        loaded.push((file, journey));
    }
    let named: Vec<_> = loaded
        .iter()
        .map(|(file, journey)| {
            let name = file.file_name().map_or_else(|| one_line_path(file), |n| one_line_path(Path::new(n)));
            // The findings a `why` may name: open and accepted.
            let review = checks::review(journey);
            let findings = review.open.into_iter().chain(review.accepted.into_iter().map(|a| a.finding)).collect();
            (name, journey, findings)
        })
        .collect();
    let items = plan_items(&named);
    let (text, extension) = match format {
        PlanFormat::Markdown => (to_markdown(&items), "md"),
        PlanFormat::Csv => (to_csv(&items), "csv"),
        PlanFormat::Json => (to_json(&items), "json"),
    };
    match output {
        None => {
            crate::stdout::print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(out) => {
            for (file, _) in &loaded[1..] {
                files::refuse_input(file, out, extension)?;
            }
            files::write_output(files[0].as_path(), out, extension, &text)
        }
    }
}

/// `jgrid export FILE --to xlsx -o OUT.xlsx`: the grid, the findings and the plan as a workbook.
pub fn xlsx(file: &Path, journey: &crate::journey::Journey, output: Option<&Path>) -> Outcome {
    use super::error::{CliError, shown};
    let Some(out) = output else {
        return Err(CliError::Refused {
            file: shown(file),
            what: "an xlsx workbook is not text for the terminal".into(),
            hint: format!("give it a file: -o {}", shown(&file.with_extension("xlsx"))),
        });
    };
    files::refuse_input(file, out, "xlsx")?;
    let review = checks::review(journey);
    let name = file.file_name().map_or_else(|| one_line_path(file), |n| one_line_path(Path::new(n)));
    let findings = review.open.iter().chain(review.accepted.iter().map(|a| &a.finding)).cloned().collect();
    let named = vec![(name, journey, findings)];
    let items = plan_items(&named);
    let bytes = crate::export::to_xlsx(journey, &review.open, &items)
        .map_err(|e| CliError::Write { file: shown(out), reason: e.to_string() })?;
    crate::store::save_atomic_bytes(out, &bytes)
        .map_err(|e| CliError::Write { file: shown(out), reason: crate::store::describe_io_error(&e) })?;
    Ok(ExitCode::SUCCESS)
}
