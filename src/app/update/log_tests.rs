//! The interview log as key sequences: every path a note takes is logged,
//! `:log` lists it and goes to the cell, and `:only` filters the log and
//! the inbox panel.

use super::tests::{keys, sample};
use super::*;
use crate::app::lists::ListKind;
use crate::journey::{CellRef, LogCell};

#[test]
fn every_path_a_note_takes_is_logged_with_its_source_time_and_cell() {
    let mut app = sample();
    keys(&mut app, ":source sara<Enter>cwaited 25 minutes<Enter>2/msg three weeks<Enter>");
    keys(&mut app, "ask about solar @me<Enter><Esc>");
    let log = &app.doc.journey.log;
    assert_eq!(log.len(), 3);
    assert_eq!(
        (log[0].text.as_str(), log[0].source.as_deref(), &log[0].cell),
        ("waited 25 minutes", Some("sara"), &None)
    );
    let msg = Some(LogCell { phase: "Purchase".into(), row: "Message".into() });
    assert_eq!((log[1].text.as_str(), &log[1].cell), ("three weeks", &msg), "a route is logged with its cell");
    assert_eq!((log[2].text.as_str(), log[2].source.as_deref()), ("ask about solar", None), "@me: no source");
    assert_eq!(log[0].at, app.doc.journey.inbox[0].at, "the note's own time");
    // Sorting the first note names its cell; undo moves it back to the inbox.
    keys(&mut app, "I<Enter>0gl<Enter><Esc>");
    let at = CellRef::new(1, 0);
    assert!(app.doc.journey.cell(at).contains("waited 25 minutes @sara"));
    assert_eq!(app.doc.journey.log[0].cell_ref(&app.doc.journey), Some(at));
    keys(&mut app, "u");
    assert_eq!(app.doc.journey.log[0].cell, None);
    // A line typed into a cell is not an interview note.
    keys(&mut app, "atyped into the cell<Esc>");
    assert_eq!(app.doc.journey.log.len(), 3);
}

#[test]
fn log_lists_the_notes_and_enter_goes_to_the_cell_of_the_selected_one() {
    let mut app = sample();
    keys(&mut app, ":source sara<Enter>c3/sys: portal was down<Enter>in the inbox<Esc>");
    keys(&mut app, ":log<Enter>");
    let Mode::List(list) = &app.mode else { panic!("{:?}", app.mode) };
    assert!(matches!(&list.kind, ListKind::Log(items) if items.len() == 2));
    assert_eq!(list.selected, 1, "opens at the newest note");
    assert_eq!(app.mode.name(), "LOG");
    keys(&mut app, "<Enter>");
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("still in the inbox")));
    assert!(matches!(app.mode, Mode::Inbox { selected: 0 }), "the inbox, at that note");
    keys(&mut app, "<Esc>:log<Enter>k<Enter>");
    assert_eq!(app.cursor, CellRef::new(2, 4), "Delivery › Systems");
    assert!(matches!(app.mode, Mode::Normal));
}

#[test]
fn only_filters_the_log_and_the_inbox_panel() {
    let mut app = sample();
    keys(&mut app, ":source sara<Enter>csara one<Enter><Esc>:source omar<Enter>comar one<Enter><Esc>");
    keys(&mut app, ":source<Enter>cmine<Enter><Esc>:source sara<Enter>csara two<Enter><Esc>");
    keys(&mut app, ":only @omar<Enter>I");
    assert_eq!(app.inbox_shown(), [1, 2], "omar's and the unsourced note");
    assert!(matches!(app.mode, Mode::Inbox { selected: 1 }));
    keys(&mut app, "jj");
    assert!(matches!(app.mode, Mode::Inbox { selected: 2 }), "stays among the shown notes");
    keys(&mut app, "x");
    assert!(matches!(app.mode, Mode::Inbox { selected: 1 }), "sara's notes are skipped");
    keys(&mut app, "x");
    assert!(matches!(app.mode, Mode::Normal), "none of omar's left to show");
    assert_eq!(app.doc.journey.inbox.len(), 2, "sara's notes are only hidden");
    assert!(app.doc.journey.log.iter().all(|e| e.source.as_deref() == Some("sara")), "deleted notes leave the log");
    keys(&mut app, "I");
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("no note of @omar")));
    keys(&mut app, ":log<Enter>");
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("No note of @omar")));
    keys(&mut app, ":only @sara<Enter>:log<Enter>");
    assert!(matches!(&app.mode, Mode::List(l) if l.len() == 2));
}
