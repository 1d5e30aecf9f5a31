//! File helpers shared by the subcommands.

use std::path::Path;
use std::process::ExitCode;

use super::error::{CliError, Outcome, shown};
use crate::journey::Journey;
use crate::store::{self, LoadError, SaveError, describe_io_error};

/// Load a journey, or say why not.
pub fn load(file: &Path) -> Result<Journey, CliError> {
    store::load(file).map_err(|e| match e {
        LoadError::NotFound => CliError::Refused {
            file: shown(file),
            what: "no such file".into(),
            hint: format!("check the path, or create it with jgrid new {}", shown(file)),
        },
        e => CliError::Unreadable(e.render(file)),
    })
}

/// Load a journey to check or export it, with the rules of its portfolio
/// (the `jgrid.toml` found walking up from its folder), and that file's path.
pub fn load_in_portfolio(file: &Path) -> Result<(Journey, Option<std::path::PathBuf>), CliError> {
    let mut journey = load(file)?;
    match crate::portfolio::rules_for(file).map_err(CliError::Unreadable)? {
        Some((path, rules)) => {
            journey.shared = crate::journey::Shared::new(rules);
            Ok((journey, Some(path)))
        }
        None => Ok((journey, None)),
    }
}

/// Write a journey to a file that must not exist yet.
pub fn write_journey_new(file: &Path, journey: &Journey) -> Outcome {
    let exists = || CliError::Refused {
        file: shown(file),
        what: "already exists; jgrid does not overwrite it".into(),
        hint: "choose another name or remove the file first".into(),
    };
    if file.exists() {
        return Err(exists());
    }
    match store::create_new(file, journey) {
        Err(SaveError::Changed) => Err(exists()),
        Ok(()) => {
            eprintln!(
                "jgrid: wrote {} ({} phases, {} rows)",
                crate::text::sanitize(&shown(file)),
                journey.phase_count(),
                journey.row_count()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Err(CliError::Write { file: shown(file), reason: e.to_string() }),
    }
}

/// Write an export of `input` to a file (atomically; replacing an earlier
/// export is fine), but never over the input itself, however it is spelled.
/// `extension` is the usual one of the output, for the hint.
pub fn write_output(input: &Path, file: &Path, extension: &str, text: &str) -> Outcome {
    refuse_input(input, file, extension)?;
    write_new_or_replace(file, text)
}

/// Refuse to write an export over its input journey, however it is spelled.
pub fn refuse_input(input: &Path, file: &Path, extension: &str) -> Result<(), CliError> {
    if store::is_same_file(input, file) {
        return Err(CliError::Refused {
            file: shown(file),
            what: "that is the journey itself; jgrid does not overwrite it with an export".into(),
            hint: format!("give -o another file name, for example {}", shown(&input.with_extension(extension))),
        });
    }
    Ok(())
}

/// Write an export to a file (atomically; replacing an earlier export is fine).
fn write_new_or_replace(file: &Path, text: &str) -> Outcome {
    store::save_atomic(file, text)
        .map(|()| ExitCode::SUCCESS)
        .map_err(|e| CliError::Write { file: shown(file), reason: describe_io_error(&e) })
}
