//! `jgrid add FILE --phase P --row R TEXT...`: append a line to a cell.

use std::io::Read as _;
use std::path::Path;
use std::process::ExitCode;

use super::error::{CliError, Outcome, shown};
use super::files;
use crate::journey::{CellRef, is_source_name, notes, pick, with_source};
use crate::store::{self, SaveError};
use crate::text::sanitize;

pub fn add(file: &Path, phase: &str, row: &str, source: Option<&str>, text: &[String]) -> Outcome {
    let source = source.map(|s| s.trim().trim_start_matches('@'));
    if let Some(name) = source.filter(|s| !is_source_name(s)) {
        return Err(CliError::Usage {
            what: format!("--source needs a name of letters, digits, - and _, not \"{name}\""),
            hint: "for example --source sara".into(),
        });
    }
    // Read the note first: a writer holds the journey's lock only while it writes.
    let note = if text.len() == 1 && text[0] == "-" {
        let mut input = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut input) {
            return Err(CliError::Other(format!("cannot read the note from standard input: {e}")));
        }
        input.replace("\r\n", "\n").trim_end_matches('\n').to_owned()
    } else {
        text.join(" ")
    };
    if note.trim().is_empty() {
        return Err(CliError::Other("the note is empty; nothing was added".into()));
    }
    let note = match source {
        Some(source) => note.split('\n').map(|line| with_source(line, source)).collect::<Vec<_>>().join("\n"),
        None => note,
    };
    files::load(file)?;
    // Under the lock, on the journey as it is on disk now.
    let result = store::update(file, |journey| {
        let phase_names: Vec<&str> = journey.phases().iter().map(|p| p.name.as_str()).collect();
        let p = pick("phase", phase, &phase_names)?;
        let row_names: Vec<&str> = journey.rows().iter().map(String::as_str).collect();
        let r = pick("row", row, &row_names)?;
        let at = CellRef::new(p, r);
        notes::appended(journey, at, note.clone()).apply(journey).map_err(|e| e.to_string())?;
        Ok::<_, String>(format!("{} / {}", journey.phases()[p].name, journey.rows()[r]))
    });
    match result {
        Ok(Ok(place)) => {
            eprintln!("jgrid: added to {}", sanitize(&place));
            Ok(ExitCode::SUCCESS)
        }
        Ok(Err(e)) => Err(CliError::Other(format!("{}: {e}", shown(file)))),
        Err(SaveError::ReadOnly) => Err(CliError::Refused {
            file: shown(file),
            what: "the file is read-only; nothing was added".into(),
            hint: "make it writable (chmod u+w) and run the command again".into(),
        }),
        Err(e) => Err(CliError::Other(format!("{}: cannot add: {e}", shown(file)))),
    }
}
