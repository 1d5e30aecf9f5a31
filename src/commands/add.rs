//! `jgrid add FILE --phase P --row R TEXT...`: append a line to a cell.

use std::io::Read as _;
use std::path::Path;
use std::process::ExitCode;

use super::{fail, files};
use crate::journey::{CellRef, Change};
use crate::store::{self, SaveError};
use crate::text::sanitize;

/// Find a name by number (1-based), exact name (any case) or unique prefix.
pub fn pick(kind: &str, wanted: &str, names: &[&str]) -> Result<usize, String> {
    let choices = || {
        let list: Vec<String> = names.iter().enumerate().map(|(i, n)| format!("{} {n}", i + 1)).collect();
        format!("the {kind}s are: {}", list.join(", "))
    };
    let w = wanted.trim();
    if let Ok(n) = w.parse::<usize>() {
        return if (1..=names.len()).contains(&n) {
            Ok(n - 1)
        } else {
            Err(format!("there is no {kind} number {n}; {}", choices()))
        };
    }
    let lower = w.to_lowercase();
    if let Some(i) = names.iter().position(|n| n.to_lowercase() == lower) {
        return Ok(i);
    }
    let matches: Vec<usize> = (0..names.len()).filter(|&i| names[i].to_lowercase().starts_with(&lower)).collect();
    match matches.as_slice() {
        [one] if !lower.is_empty() => Ok(*one),
        [] | [_] => Err(format!("no {kind} is called \"{w}\"; {}", choices())),
        several => {
            let names: Vec<&str> = several.iter().map(|&i| names[i]).collect();
            Err(format!("\"{w}\" could be the {kind} {}; type more of the name", names.join(" or ")))
        }
    }
}

pub fn add(file: &Path, phase: &str, row: &str, text: &[String]) -> ExitCode {
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

#[cfg(test)]
mod tests {
    use super::pick;

    const ROWS: [&str; 5] = ["Behoefte", "Contactpunten", "Boodschap", "Organisatie", "Systemen"];

    #[test]
    fn by_number_name_or_unique_prefix() {
        assert_eq!(pick("row", "3", &ROWS), Ok(2));
        assert_eq!(pick("row", "boodschap", &ROWS), Ok(2));
        assert_eq!(pick("row", "sys", &ROWS), Ok(4));
        assert_eq!(pick("row", "Con", &ROWS), Ok(1));
    }

    #[test]
    fn errors_list_the_choices() {
        let e = pick("row", "b", &ROWS).unwrap_err();
        assert!(e.contains("Behoefte or Boodschap"), "{e}");
        let e = pick("row", "9", &ROWS).unwrap_err();
        assert!(e.contains("1 Behoefte, 2 Contactpunten"), "{e}");
        let e = pick("row", "kanaal", &ROWS).unwrap_err();
        assert!(e.contains("no row is called \"kanaal\""), "{e}");
    }
}
