//! The non-interactive commands: `check`, `export`, `import`, `new`, `add`,
//! `report`, `completions`, `man`. Each returns the process exit code; messages go to
//! stderr as `jgrid: FILE:LINE:COLUMN: what` with a hint.

mod add;
mod check;
mod diff;
mod files;
mod git_setup;
mod merge;
mod report;

use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;

use clap::CommandFactory as _;

use crate::cli::{Cli, Sub};
use crate::export;
use crate::journey::Journey;

pub use add::add;
pub use check::check;
pub use report::report;

/// Run a subcommand.
pub fn run(command: Sub) -> ExitCode {
    match command {
        Sub::Check { files, format, all } => check(&files, format, all),
        Sub::Export { file, to, output } => export_file(&file, to, output.as_deref()),
        Sub::Import { table, output } => import(&table, &output),
        Sub::New { file, title, persona, phases, lang } => new(&file, &title, &persona, phases.as_deref(), lang),
        Sub::Add { file, phase, row, source, text } => add(&file, &phase, &row, source.as_deref(), &text),
        Sub::Merge { base, ours, theirs, output, label_ours, label_theirs, path } => {
            let labels = crate::merge::Labels { ours: label_ours, theirs: label_theirs };
            merge::merge(&[base, ours, theirs], output.as_deref(), labels, path.as_deref())
        }
        Sub::Diff { files, format } => diff::diff(&files, format),
        Sub::GitSetup { pattern } => git_setup::git_setup(&pattern),
        Sub::Report { file, format, output } => report(&file, format, output.as_deref()),
        Sub::Completions { shell } => {
            clap_complete::generate(shell, &mut Cli::command(), "jgrid", &mut std::io::stdout());
            ExitCode::SUCCESS
        }
        Sub::Man => {
            let mut out = Vec::new();
            if let Err(e) = clap_mangen::Man::new(Cli::command()).render(&mut out) {
                return fail(&format!("cannot write the manual page: {e}"));
            }
            let _ = std::io::stdout().write_all(&out);
            ExitCode::SUCCESS
        }
    }
}

/// Print `jgrid: message` and return exit status 2. Control characters in
/// the message (from a file, a path or an argument) are made visible.
pub fn fail(message: &str) -> ExitCode {
    eprintln!("jgrid: {}", crate::text::sanitize(message));
    ExitCode::from(2)
}

fn export_file(file: &Path, to: export::ExportFormat, output: Option<&Path>) -> ExitCode {
    let journey = match files::load(file) {
        Ok(j) => j,
        Err(code) => return code,
    };
    let text = export::export(&journey, to);
    match output {
        None => {
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Some(out) => files::write_output(file, out, to.extension(), &text),
    }
}

fn import(table: &Path, output: &Path) -> ExitCode {
    let bytes = match crate::store::read(table) {
        Ok(b) => b,
        Err(e) => return fail(&e.render(table)),
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) => {
            return fail(&format!("{}: the file is not UTF-8 text\n  hint: export it as CSV UTF-8", table.display()));
        }
    };
    let journey = match export::import_csv(&text) {
        Ok(j) => j,
        Err(e) => {
            return fail(&format!("{}:{e}\n  hint: fix the CSV and run the import again", table.display()));
        }
    };
    files::write_journey_new(output, &journey)
}

fn new(file: &Path, title: &str, persona: &str, phases: Option<&str>, lang: crate::cli::Lang) -> ExitCode {
    let (rows, default_phases) = lang.defaults();
    let phases: Vec<String> = match phases {
        Some(list) => list.split(',').map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect(),
        None => default_phases.iter().map(|p| (*p).to_owned()).collect(),
    };
    if phases.is_empty() {
        return fail("--phases names no phase\n  hint: for example --phases \"Orientation,Purchase,Use\"");
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(dup) = phases.iter().find(|p| !seen.insert(p.as_str())) {
        return fail(&format!("--phases names \"{dup}\" twice\n  hint: give every phase a different name"));
    }
    let journey = Journey::new(title, persona, rows, phases);
    files::write_journey_new(file, &journey)
}
