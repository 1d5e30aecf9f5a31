//! File helpers shared by the commands.

use std::path::Path;
use std::process::ExitCode;

use super::fail;
use crate::journey::Journey;
use crate::store::describe_io_error;
use crate::store::{self, LoadError};

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
    if file.exists() {
        return fail(&format!(
            "{}: already exists; jgrid does not overwrite it\n  hint: choose another name or remove the file first",
            file.display()
        ));
    }
    match store::save(file, journey) {
        Ok(()) => {
            eprintln!(
                "jgrid: wrote {} ({} phases, {} rows)",
                file.display(),
                journey.phase_count(),
                journey.row_count()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(&format!("{}: cannot write: {}", file.display(), describe_io_error(&e))),
    }
}

/// Write an export to a file (atomically; replacing an earlier export is fine).
pub fn write_new_or_replace(file: &Path, text: &str) -> ExitCode {
    match store::save_atomic(file, text) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("{}: cannot write: {}", file.display(), describe_io_error(&e))),
    }
}
