//! `jgrid add FILE --phase P --row R TEXT...`: append a line to a cell.

use std::io::Read as _;
use std::path::Path;
use std::process::ExitCode;

use super::{fail, files};
use crate::journey::{CellRef, Change, is_source_name, pick, with_source};
use crate::store::{self, SaveError};
use crate::text::sanitize;

pub fn add(file: &Path, phase: &str, row: &str, source: Option<&str>, text: &[String]) -> ExitCode {
    let source = source.map(|s| s.trim().trim_start_matches('@'));
    if let Some(name) = source.filter(|s| !is_source_name(s)) {
        return fail(&format!(
            "--source needs a name of letters, digits, - and _ (for example --source sara), not \"{name}\""
        ));
    }
    // Read the note first: a writer holds the journey's lock only while it writes.
    let note = if text.len() == 1 && text[0] == "-" {
        let mut input = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut input) {
            return fail(&format!("cannot read the note from standard input: {e}"));
        }
        input.replace("\r\n", "\n").trim_end_matches('\n').to_owned()
    } else {
        text.join(" ")
    };
    if note.trim().is_empty() {
        return fail("the note is empty; nothing was added");
    }
    let note = match source {
        Some(source) => note.split('\n').map(|line| with_source(line, source)).collect::<Vec<_>>().join("\n"),
        None => note,
    };
    if let Err(code) = files::load(file) {
        return code;
    }
    // Under the lock, on the journey as it is on disk now.
    let result = store::update(file, |journey| {
        let phase_names: Vec<&str> = journey.phases().iter().map(|p| p.name.as_str()).collect();
        let p = pick("phase", phase, &phase_names)?;
        let row_names: Vec<&str> = journey.rows().iter().map(String::as_str).collect();
        let r = pick("row", row, &row_names)?;
        let at = CellRef::new(p, r);
        let old = journey.cell(at);
        let new = if old.is_empty() { note.clone() } else { format!("{old}\n{note}") };
        Change::SetCell { at, text: new }.apply(journey).map_err(|e| e.to_string())?;
        Ok::<_, String>(format!("{} / {}", journey.phases()[p].name, journey.rows()[r]))
    });
    match result {
        Ok(Ok(place)) => {
            eprintln!("jgrid: added to {}", sanitize(&place));
            ExitCode::SUCCESS
        }
        Ok(Err(e)) => fail(&format!("{}: {e}", file.display())),
        Err(SaveError::ReadOnly) => fail(&format!(
            "{}: the file is read-only; nothing was added\n  hint: make it writable (chmod u+w) and run the command again",
            file.display()
        )),
        Err(e) => fail(&format!("{}: cannot add: {e}", file.display())),
    }
}
