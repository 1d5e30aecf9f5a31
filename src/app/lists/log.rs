//! `:log`: the interview log over the grid, every captured note oldest first
//! with its time, source and the cell it went to; Enter goes to that cell.
//! A note still in the inbox opens the inbox at it. Under `:only @NAME` it
//! shows that source's notes and those with no source.

use crate::app::lists::items::{ListKind, ListView};
use crate::app::state::{App, Mode};

/// `:log`: open the interview log.
pub fn show_log(app: &mut App) {
    let only = app.only_source().map(str::to_lowercase);
    let items: Vec<usize> = app
        .doc
        .journey
        .log
        .iter()
        .enumerate()
        .filter(|(_, e)| match (&only, &e.source) {
            (Some(name), Some(source)) => source.eq_ignore_ascii_case(name),
            _ => true,
        })
        .map(|(i, _)| i)
        .collect();
    if items.is_empty() {
        match &only {
            Some(name) if !app.doc.journey.log.is_empty() => {
                app.info(format!("No note of @{name} in the interview log (:only alone shows every source's)"));
            }
            _ => app.info("The interview log is empty: c captures a note, and every captured note is logged"),
        }
        return;
    }
    // Open at the newest note: the one just said.
    let selected = items.len() - 1;
    app.mode = Mode::List(Box::new(ListView { kind: ListKind::Log(items), selected }));
}

/// Enter on a log entry: go to the cell its note went to; a note still in
/// the inbox opens the inbox at it, ready to sort.
pub fn go_to(app: &mut App, index: Option<usize>) {
    let Some(entry) = index.and_then(|i| app.doc.journey.log.get(i)) else { return };
    let waiting = app.doc.journey.inbox.iter().position(|n| entry.is_of(n)).filter(|i| app.inbox_shown().contains(i));
    match (&entry.cell, entry.cell_ref(&app.doc.journey), waiting) {
        (_, Some(at), _) => app.cursor = at,
        (None, None, Some(selected)) => {
            app.mode = Mode::Inbox { selected };
            app.info("This note is still in the inbox: Enter picks it up to sort it");
        }
        (None, None, None) => app.info("This note is still in the inbox: I shows it, Enter there sorts it"),
        (Some(cell), None, _) => {
            let phase = crate::text::sanitize(&cell.phase).into_owned();
            let row = crate::text::sanitize(&cell.row).into_owned();
            app.info(format!("{phase} › {row} is no longer in the grid (deleted or renamed by hand)"));
        }
    }
}
