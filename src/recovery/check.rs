//! A recovery file read as strictly as a journey: every part is checked,
//! and a part that cannot be used as it is gets named, never dropped in
//! silence. Text in a bad part (a note typed in a cell the journey does not
//! have) is still offered, in the inbox; the file itself is then set aside
//! whole (`set_aside_damaged`), so nothing of it is lost.

use super::{Editing, Recovery};
use crate::format;
use crate::journey::{Journey, LAST_READABLE, is_source_name};
use crate::text::sanitize;

/// The latest `written` time a recovery file can hold (the end of year 9999).
pub const LAST_TIME: u64 = LAST_READABLE;

/// The recovery file format this jgrid writes and the newest it reads.
const VERSION: u32 = 2;

/// What a recovery file holds that can be used, and what cannot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The recovered journey; `None` when that part is damaged (or from a
    /// newer jgrid): then nothing is recovered and the file stays as it is.
    pub journey: Option<Journey>,
    /// Each part that cannot be used as it is, in words, with what jgrid
    /// does about it.
    pub problems: Vec<String>,
}

/// Check every part of a recovery file.
pub fn check(r: &Recovery) -> Checked {
    let mut problems = Vec::new();
    let journey = if r.version > VERSION {
        problems.push(format!(
            "it was written by a newer jgrid (version {}, this one reads {VERSION}); update jgrid to recover it",
            r.version
        ));
        None
    } else {
        match format::parse(r.journey.as_bytes()) {
            Ok(j) => Some(j),
            Err(e) => {
                problems.push(format!("its journey, at {}:{}: {}", e.line, e.column, one_line(&e.message)));
                None
            }
        }
    };
    if let Some(base) = &r.base
        && r.base_hash().is_none()
    {
        problems.push(format!("base \"{}\" is not a file hash: a save asks before it overwrites", one_line(base)));
    }
    if r.written > LAST_TIME {
        problems.push(format!("written = {} is not a time", r.written));
    }
    if let Some(source) = &r.source
        && !is_source_name(source.trim().trim_start_matches('@'))
    {
        problems.push(format!(
            "source \"{}\" is not a source name (letters, digits, - and _, with a letter): no source is set",
            one_line(source)
        ));
    }
    if let Some(j) = &journey {
        let [phase, row] = r.cursor;
        if phase >= j.phase_count() || row >= j.row_count() {
            problems.push(format!(
                "the cursor ({}, {}) is outside the journey ({} phases, {} rows): it starts at the first cell",
                phase + 1,
                row + 1,
                j.phase_count(),
                j.row_count()
            ));
        }
        for (what, editing) in [("the note being typed", &r.editing), ("the abandoned edit", &r.abandoned)] {
            if let Some(e) = editing.as_ref().filter(|e| !fits(j, e)) {
                problems.push(format!(
                    "{what} is for phase {}, row {}, which the journey does not have: it is in the inbox",
                    e.phase.saturating_add(1),
                    e.row.saturating_add(1)
                ));
            }
        }
    }
    for (i, undone) in r.undone.iter().enumerate() {
        if let Err(e) = format::parse(undone.as_bytes()) {
            problems.push(format!(
                "undone change {}, at {}:{}: {}: it is kept in the file",
                i + 1,
                e.line,
                e.column,
                one_line(&e.message)
            ));
        }
    }
    Checked { journey, problems }
}

/// True when the cell of a typed or abandoned edit is in the journey.
pub fn fits(journey: &Journey, e: &Editing) -> bool {
    journey.contains(crate::journey::CellRef::new(e.phase, e.row))
}

fn one_line(text: &str) -> String {
    sanitize(&text.replace('\n', " ")).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::CellRef;

    fn sample() -> Recovery {
        Recovery::new("/j/a.toml", &Journey::default(), CellRef::new(1, 1), None)
    }

    #[test]
    fn a_good_recovery_file_has_no_problems() {
        let r = sample().of_session("s", Some(7));
        assert_eq!(check(&r), Checked { journey: Some(Journey::default()), problems: Vec::new() });
    }

    #[test]
    fn every_bad_part_is_named() {
        let mut r = sample();
        r.base = Some("not hex".into());
        r.written = u64::MAX;
        r.source = Some("bad name".into());
        r.cursor = [99, 0];
        r.editing = Some(Editing { phase: 999, row: 0, text: "typed".into() });
        r.abandoned = Some(Editing { phase: 0, row: 42, text: "abandoned".into() });
        r.undone = vec!["format = [[[".into()];
        let checked = check(&r);
        assert_eq!(checked.journey, Some(Journey::default()), "the journey itself is fine");
        let all = checked.problems.join("\n");
        for part in [
            "base",
            "written = 18446744073709551615",
            "\"bad name\"",
            "cursor (100, 1)",
            "phase 1000",
            "row 43",
            "undone change 1",
        ] {
            assert!(all.contains(part), "{part} is not named in:\n{all}");
        }
        assert_eq!(checked.problems.len(), 7, "{all}");
    }

    #[test]
    fn a_damaged_journey_or_a_newer_file_recovers_nothing() {
        let mut r = sample();
        r.journey =
            "format = 1\nrows = [\"Need\"]\n[[phase]]\nname = \"\\u001b]0;x\"\n[phase.cells]\nNede = \"x\"\n".into();
        let checked = check(&r);
        assert_eq!(checked.journey, None);
        assert!(checked.problems[0].starts_with("its journey, at 6:1:"), "{:?}", checked.problems);
        let mut r = sample();
        r.version = 3;
        assert_eq!(check(&r).journey, None);
        assert!(check(&r).problems[0].contains("newer jgrid"));
    }
}
