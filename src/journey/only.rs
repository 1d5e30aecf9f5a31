//! `:only @omar` and `--only omar`: the journey as one interviewee said it.
//! Every cell keeps the lines that name that source and the lines that name
//! none (the interviewer's own, the team's); lines of other sources go. The
//! inbox keeps that source's notes and the notes with no source.

use super::lines::sources;
use super::model::{CellRef, Journey};

/// The lines of `text` that name `name` (without `@`, any case) or no source at all.
///
/// ```
/// use jgrid::journey::only_text;
/// let cell = "! waited 25 min @sara\n! waited 5 min @omar\nask about solar";
/// assert_eq!(only_text(cell, "omar"), "! waited 5 min @omar\nask about solar");
/// assert_eq!(only_text(cell, "OMAR"), "! waited 5 min @omar\nask about solar");
/// ```
pub fn only_text(text: &str, name: &str) -> String {
    let name = name.trim_start_matches('@').to_lowercase();
    let kept: Vec<&str> = text
        .split('\n')
        .filter(|line| {
            let named = sources(line);
            named.is_empty() || named.contains(&name)
        })
        .collect();
    kept.join("\n")
}

/// The journey with only `name`'s lines (and the lines with no source) in
/// every cell, and only `name`'s notes (and the notes with no source) in the
/// inbox; of the sources' moods (`[phase.moods]`), only `name`'s, so a
/// curve is drawn for that source alone beside the overall one. Everything
/// else (phases, rows, the phases' own moods, plan) is as it was.
pub fn only(journey: &Journey, name: &str) -> Journey {
    let mut shown = journey.clone();
    let lower = name.trim_start_matches('@').to_lowercase();
    for phase in 0..journey.phase_count() {
        for row in 0..journey.row_count() {
            let at = CellRef::new(phase, row);
            let text = journey.cell(at);
            if !text.is_empty() {
                *shown.cell_mut(at) = only_text(text, &lower);
            }
        }
    }
    shown.inbox.retain(|note| note.source.as_deref().is_none_or(|s| s.eq_ignore_ascii_case(&lower)));
    for phase in shown.phases_mut() {
        phase.moods.retain(|source, _| *source == lower);
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::{Change, Note};

    #[test]
    fn another_sources_lines_go_and_unsourced_lines_stay() {
        let mut j = Journey::default();
        *j.cell_mut(CellRef::new(0, 0)) = "a @sara\nb @omar\nc\nd @sara @omar".into();
        j.inbox.push(Note { text: "x".into(), source: Some("sara".into()), at: String::new() });
        j.inbox.push(Note { text: "y".into(), source: None, at: String::new() });
        Change::SetSourceMood { phase: 0, source: "sara".into(), mood: Some(-2) }.apply(&mut j).unwrap();
        Change::SetSourceMood { phase: 0, source: "omar".into(), mood: Some(1) }.apply(&mut j).unwrap();
        let shown = only(&j, "@Omar");
        assert_eq!(shown.phases()[0].moods.keys().collect::<Vec<_>>(), ["omar"], "only Omar's curve");
        assert_eq!(shown.cell(CellRef::new(0, 0)), "b @omar\nc\nd @sara @omar");
        assert_eq!(shown.inbox.len(), 1);
        assert_eq!(shown.inbox[0].text, "y");
        // The journey itself is untouched.
        assert_eq!(j.cell(CellRef::new(0, 0)), "a @sara\nb @omar\nc\nd @sara @omar");
    }

    #[test]
    fn a_cell_of_only_other_sources_shows_empty() {
        let mut j = Journey::default();
        *j.cell_mut(CellRef::new(0, 0)) = "a @sara".into();
        assert_eq!(only(&j, "omar").cell(CellRef::new(0, 0)), "");
    }
}
