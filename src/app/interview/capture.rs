//! Interview capture: the current source (`:source`), the capture line (`c`)
//! that files notes in the inbox with their source and time, and the quick
//! route `2/msg text` that files a note straight into a cell.

use crate::app::state::{App, Mode};
use crate::app::text::line_input::{LineInput, LineKind};
use crate::journey::{CellRef, Journey, Note, is_source_name, notes, now_secs, pick, rfc3339, without_me};

/// Open the capture line (again, empty).
pub fn open(app: &mut App) {
    let kind = LineKind::Capture { source: app.workspace.source.clone() };
    app.mode = Mode::Line(Box::new(LineInput::new(kind, "")));
}

/// Enter in the capture line: file the note and stay open for the next one.
/// Capturing never asks anything. Every captured note goes into the
/// interview log too (`:log`), with its source and time.
pub fn submit(app: &mut App, typed: &str) {
    let text = typed.trim();
    if text.is_empty() {
        app.info("Type a note and Enter files it in the inbox; Esc closes the capture line");
    } else if let Some((at, rest)) = route(&app.doc.journey, text) {
        let note = note(app, rest);
        app.change(notes::capture_into(&app.doc.journey, note, at));
        let (phase, row) = app.cursor_names();
        app.info(format!("Filed in {} {phase} › {row} (u undoes)", at.phase + 1));
    } else {
        let note = note(app, text);
        app.change(notes::capture(&app.doc.journey, note));
        let n = app.doc.journey.inbox.len();
        app.info(format!("In the inbox ({n} unsorted; I sorts them)"));
    }
    open(app);
}

/// The note `text` is, taken now: with the current source, or none when it
/// says `@me` (the interviewer's own note).
fn note(app: &App, text: &str) -> Note {
    match without_me(text).filter(|_| app.workspace.source.is_some()) {
        Some(mine) => Note { text: mine, source: None, at: rfc3339(now_secs()) },
        None => Note { text: text.to_owned(), source: app.workspace.source.clone(), at: rfc3339(now_secs()) },
    }
}

/// Esc in the capture line: file what is typed, then close it.
pub fn close(app: &mut App, typed: &str) {
    if !typed.trim().is_empty() {
        submit(app, typed);
    }
    app.mode = Mode::Normal;
}

/// A note typed as `PHASE/ROW text` goes straight into that cell: PHASE is a
/// phase number, ROW a row's name or a unique prefix or abbreviation, not a
/// number (so `1/2 of them` and `24/7` stay notes). A route by the phase's
/// name must end in a colon (`service/systems: text`), so prose is never a
/// route: "service/systems were down that week" is a note as typed. `None`
/// when the first word is no such route. The capture line shows where a
/// route goes before Enter ([`preview`]).
pub fn route<'a>(journey: &Journey, text: &'a str) -> Option<(CellRef, &'a str)> {
    let (first, rest) = text.split_once(char::is_whitespace)?;
    let (phase, row) = first.split_once('/')?;
    let by_number = phase.chars().all(|c| c.is_ascii_digit());
    let row = if by_number { row.strip_suffix(':').unwrap_or(row) } else { row.strip_suffix(':')? };
    if phase.is_empty() || row.is_empty() || row.contains('/') || !row.chars().next()?.is_alphabetic() {
        return None;
    }
    let rest = rest.trim();
    if rest.is_empty() {
        return None;
    }
    let phases: Vec<&str> = journey.phases().iter().map(|p| p.name.as_str()).collect();
    let rows: Vec<&str> = journey.rows().iter().map(String::as_str).collect();
    let at = CellRef::new(pick("phase", phase, &phases).ok()?, pick("row", row, &rows).ok()?);
    Some((at, rest))
}

/// Where the typed note goes, for the capture line before Enter:
/// `→ Service › Systems`, or `→ inbox`.
pub fn preview(journey: &Journey, typed: &str) -> String {
    match route(journey, typed.trim()) {
        Some((at, _)) => {
            let phase = journey.phases().get(at.phase).map_or("", |p| p.name.as_str());
            let row = journey.rows().get(at.row).map_or("", String::as_str);
            format!("→ {} › {}", crate::text::sanitize(phase), crate::text::sanitize(row))
        }
        None => "→ inbox".to_owned(),
    }
}

/// `:source NAME` sets who is speaking; `:source` alone clears it.
pub fn set_source(app: &mut App, arg: &str) {
    let name = arg.trim().trim_start_matches('@');
    if name.is_empty() {
        app.workspace.source = None;
        app.info("No source: new lines are not tagged");
    } else if is_source_name(name) {
        app.workspace.source = Some(name.to_owned());
        app.info(format!("Source @{name}: new lines and captured notes are tagged with it"));
    } else {
        app.error(format!(
            ":source needs a name of letters, digits, - and _ (for example :source sara), not \"{name}\""
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_route_needs_a_phase_a_row_name_and_text() {
        let j = Journey::default();
        assert_eq!(route(&j, "2/msg order lead time: 3 weeks"), Some((CellRef::new(1, 2), "order lead time: 3 weeks")));
        assert_eq!(
            route(&j, "2/msg: order lead time: 3 weeks"),
            Some((CellRef::new(1, 2), "order lead time: 3 weeks"))
        );
        assert_eq!(route(&j, "use/sys:  the app crashed"), Some((CellRef::new(3, 4), "the app crashed")));
        assert_eq!(route(&j, "use/sys the app crashed"), None, "a route by name ends in a colon");
        assert_eq!(route(&j, "service/systems were down that week"), None, "prose is never a route");
        assert_eq!(preview(&j, "2/msg 3 weeks"), "→ Purchase › Message");
        assert_eq!(preview(&j, "service/systems were down that week"), "→ inbox");
        assert_eq!(route(&j, "1/2 of them waited"), None, "a fraction is a note");
        assert_eq!(route(&j, "24/7 support"), None);
        assert_eq!(route(&j, "and/or maybe"), None, "no phase is called and…");
        assert_eq!(route(&j, "2/msg"), None, "nothing to file");
        assert_eq!(route(&j, "plain note"), None);
    }
}
