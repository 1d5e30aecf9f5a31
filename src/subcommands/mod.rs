//! The subcommands for scripts and shells: `check`, `export`, `import`,
//! `new`, `add`, `report`, `merge`, `diff`, `git-setup`, `blueprint`,
//! `site`, `completions`, `man`. Each returns its exit status, or a [`CliError`] that `main`
//! prints as `jgrid: FILE:LINE:COLUMN: what` with a hint (exit status 2).

mod add;
mod check;
mod conflicts;
mod diff;
mod error;
mod files;
mod git;
mod git_coverage;
mod git_setup;
mod merge;
mod plan;
mod portfolio;
mod report;
mod resolve;

use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory as _;

use crate::cli::{Cli, Subcommand};
use crate::export;
use crate::journey::Journey;
use crate::stdout;

pub use add::add;
pub use check::check;
pub use error::{CliError, Outcome};
pub use report::report;

/// Run a subcommand.
pub fn run(subcommand: Subcommand) -> Outcome {
    match subcommand {
        Subcommand::Check { files, conflicts: true, staged, .. } => conflicts::check(&files, staged),
        Subcommand::Check { files, format, all, .. } => check(&files, format, all),
        Subcommand::Resolve { file, take } => resolve::resolve(&file, take.map(crate::cli::TakeSide::side)),
        Subcommand::Export { file, to, output } => export_file(&file, to, output.as_deref()),
        Subcommand::Import { table, output } => import(&table, &output),
        Subcommand::New { file, title, persona, phases, lang } => new(&file, &title, &persona, phases.as_deref(), lang),
        Subcommand::Add { file, phase, row, source, text } => add(&file, &phase, &row, source.as_deref(), &text),
        Subcommand::Merge {
            base,
            ours,
            theirs,
            output,
            label_ours,
            label_theirs,
            label_base,
            conflict_style,
            path,
        } => {
            let labels =
                crate::merge::Labels { ours: label_ours, theirs: label_theirs, base: label_base, ..Default::default() };
            let style = conflict_style.map(crate::cli::ConflictStyleArg::style);
            merge::merge(merge::Request { files: [base, ours, theirs], output, labels, style, path })
        }
        Subcommand::Diff { files, format } => diff::diff(&files, format),
        Subcommand::GitSetup { pattern, hook, absolute_path } => git_setup::git_setup(&pattern, hook, absolute_path),
        Subcommand::Report { file, format, audience, output } => report(&file, format, audience, output.as_deref()),
        Subcommand::Plan { files, format, output } => plan::plan(&files, format, output.as_deref()),
        Subcommand::Blueprint { dir, format, output } => portfolio::blueprint(&dir, format, output.as_deref()),
        Subcommand::Site { dir, output } => portfolio::site(&dir, &output),
        Subcommand::Completions { shell } => {
            // Made whole first: clap_complete panics when its writer fails.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "jgrid", &mut script);
            stdout::print(&String::from_utf8_lossy(&script))?;
            Ok(ExitCode::SUCCESS)
        }
        Subcommand::Man { dir: None } => {
            let mut out = Vec::new();
            clap_mangen::Man::new(Cli::command())
                .render(&mut out)
                .map_err(|e| CliError::Other(format!("cannot write the manual page: {e}")))?;
            stdout::print(&String::from_utf8_lossy(&out))?;
            Ok(ExitCode::SUCCESS)
        }
        Subcommand::Man { dir: Some(dir) } => {
            std::fs::create_dir_all(&dir).and_then(|()| clap_mangen::generate_to(Cli::command(), &dir)).map_err(
                |e| {
                    CliError::Other(format!(
                        "cannot write the manual pages into {}: {e}",
                        crate::text::sanitize(&dir.display().to_string())
                    ))
                },
            )?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn export_file(file: &Path, to: export::ExportTarget, output: Option<&Path>) -> Outcome {
    let (journey, _) = files::load_in_portfolio(file)?;
    let to = match to {
        export::ExportTarget::Text(format) => format,
        export::ExportTarget::Xlsx => return plan::xlsx(file, &journey, output),
    };
    let text = export::export(&journey, to);
    match output {
        None => {
            stdout::print(&text)?;
            Ok(ExitCode::SUCCESS)
        }
        Some(out) => files::write_output(file, out, to.extension(), &text),
    }
}

fn import(table: &Path, output: &Path) -> Outcome {
    let bytes = crate::store::read(table).map_err(|e| CliError::Unreadable(e.render(table)))?;
    let shown = error::shown(table);
    let text = String::from_utf8(bytes).map_err(|_| CliError::Refused {
        file: shown.clone(),
        what: "the file is not UTF-8 text".into(),
        hint: "export it as CSV UTF-8".into(),
    })?;
    let journey = export::import_csv(&text)
        .map_err(|e| CliError::Unreadable(format!("{shown}:{e}\n  hint: fix the CSV and run the import again")))?;
    files::write_journey_new(output, &journey)
}

fn new(file: &Path, title: &str, persona: &str, phases: Option<&str>, lang: crate::cli::Lang) -> Outcome {
    let (rows, default_phases) = lang.defaults();
    let phases: Vec<String> = match phases {
        Some(list) => list.split(',').map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect(),
        None => default_phases.iter().map(|p| (*p).to_owned()).collect(),
    };
    if phases.is_empty() {
        return Err(CliError::Usage {
            what: "--phases names no phase".into(),
            hint: "for example --phases \"Orientation,Purchase,Use\"".into(),
        });
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = phases.iter().find(|p| !seen.insert(p.as_str())) {
        return Err(CliError::Usage {
            what: format!("--phases names \"{dup}\" twice"),
            hint: "give every phase a different name".into(),
        });
    }
    let journey = Journey::new(title, persona, rows, phases);
    files::write_journey_new(file, &journey)
}
