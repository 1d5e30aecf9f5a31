//! File helpers shared by the commands.

use std::path::Path;
use std::process::ExitCode;

use super::fail;
use crate::journey::Journey;
use crate::store::{self, LoadError, SaveError, describe_io_error};

/// Load a journey or print why not (exit code 2).
pub fn load(file: &Path) -> Result<Journey, ExitCode> {
    store::load(file).map_err(|e| match e {
        LoadError::NotFound => {
            fail(&format!("{}: no such file\n  hint: check the path, or create it with jgrid new {0}", file.display()))
        }
        e => fail(&e.render(file)),
    })
}

/// Write a journey to a file that must not exist yet.
pub fn write_journey_new(file: &Path, journey: &Journey) -> ExitCode {
    let exists = || {
        fail(&format!(
            "{}: already exists; jgrid does not overwrite it\n  hint: choose another name or remove the file first",
            file.display()
        ))
    };
    if file.exists() {
        return exists();
    }
    match store::create_new(file, journey) {
        Err(SaveError::Changed) => exists(),
        Ok(()) => {
            eprintln!(
                "jgrid: wrote {} ({} phases, {} rows)",
                crate::text::sanitize(&file.display().to_string()),
                journey.phase_count(),
                journey.row_count()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&format!("{}: cannot write: {e}", file.display())),
    }
}

/// Write an export of `input` to a file (atomically; replacing an earlier
/// export is fine), but never over the input itself, however it is spelled.
/// `extension` is the usual one of the output, for the hint.
pub fn write_output(input: &Path, file: &Path, extension: &str, text: &str) -> ExitCode {
    if store::is_same_file(input, file) {
        return fail(&format!(
            "{}: that is the journey itself; jgrid does not overwrite it with an export\n  hint: give -o another file name, for example {}",
            file.display(),
            input.with_extension(extension).display()
        ));
    }
    write_new_or_replace(file, text)
}

/// Write an export to a file (atomically; replacing an earlier export is fine).
pub fn write_new_or_replace(file: &Path, text: &str) -> ExitCode {
    match store::save_atomic(file, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("{}: cannot write: {}", file.display(), describe_io_error(&e))),
    }
}
