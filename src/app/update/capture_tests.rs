//! Interview capture as key sequences: the source, the capture line, the
//! quick route, and sorting the inbox.

use super::tests::{keys, sample};
use super::*;
use crate::journey::{CellRef, parse_rfc3339};

#[test]
fn captured_notes_go_to_the_inbox_in_order_with_source_and_time() {
    let mut app = sample();
    let before = app.doc.journey.clone();
    keys(&mut app, ":source sara<Enter>");
    assert_eq!(app.workspace.source.as_deref(), Some("sara"));
    keys(&mut app, "cthe chat bot could not change the address<Enter>waited 25 minutes<Enter>");
    assert!(matches!(&app.mode, Mode::Line(l) if matches!(l.kind, LineKind::Capture { .. })), "stays open");
    keys(&mut app, "<Esc>");
    assert!(matches!(app.mode, Mode::Normal));
    let texts: Vec<&str> = app.doc.journey.inbox.iter().map(|n| n.text.as_str()).collect();
    assert_eq!(texts, ["the chat bot could not change the address", "waited 25 minutes"]);
    assert!(app.doc.journey.inbox.iter().all(|n| n.source.as_deref() == Some("sara")));
    assert!(app.doc.journey.inbox.iter().all(|n| parse_rfc3339(&n.at).is_some() && n.at.ends_with('Z')));
    let mut without_inbox = app.doc.journey.clone();
    without_inbox.inbox.clear();
    without_inbox.log.clear();
    assert_eq!(without_inbox, before, "nothing else changed");
}

#[test]
fn esc_files_a_half_typed_note_and_an_empty_line_files_nothing() {
    let mut app = sample();
    keys(&mut app, "c<Enter>half a thought<Esc>");
    assert_eq!(app.doc.journey.inbox.len(), 1);
    assert_eq!(app.doc.journey.inbox[0].text, "half a thought");
    assert_eq!(app.doc.journey.inbox[0].source, None);
}

#[test]
fn sorting_a_note_is_one_undoable_step_and_keeps_its_source() {
    let mut app = sample();
    keys(&mut app, ":source sara<Enter>cfirst<Enter>second<Enter><Esc>:source<Enter>");
    keys(&mut app, "I");
    assert!(matches!(app.mode, Mode::Inbox { selected: 0 }));
    keys(&mut app, "<Enter>lljj<Enter>");
    let at = CellRef::new(2, 2);
    assert_eq!(app.doc.journey.cell(at), "first @sara", "dropped as a line with its source");
    assert_eq!(app.doc.journey.inbox.len(), 1);
    assert_eq!(app.doc.journey.inbox[0].text, "second");
    assert!(matches!(app.mode, Mode::Inbox { .. }), "back in the inbox for the next one");
    keys(&mut app, "u");
    assert_eq!(app.doc.journey.cell(at), "");
    assert_eq!(app.doc.journey.inbox.len(), 2, "u puts it back");
    assert_eq!(app.doc.journey.inbox[0].text, "first");
}

#[test]
fn deleting_and_editing_notes_and_esc_puts_a_picked_note_back() {
    let mut app = sample();
    keys(&mut app, "cone<Enter>two<Enter><Esc>I");
    keys(&mut app, "j<Enter>l<Esc>");
    assert!(matches!(app.mode, Mode::Inbox { selected: 1 }), "Esc puts the note back");
    keys(&mut app, "eeee<Enter>");
    assert_eq!(app.doc.journey.inbox[1].text, "twoeee");
    keys(&mut app, "kx");
    assert_eq!(app.doc.journey.inbox.len(), 1);
    keys(&mut app, "uu");
    assert_eq!(app.doc.journey.inbox[0].text, "one");
    assert_eq!(app.doc.journey.inbox[1].text, "two");
}

#[test]
fn typed_lines_get_the_source_old_lines_and_own_sources_stay() {
    let mut app = sample();
    keys(&mut app, ":source sara<Enter>lja");
    keys(&mut app, "nobody told me<Enter>> it took ages @tom<Esc>");
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 1)), "#shop advice\nnobody told me @sara\n> it took ages @tom");
    keys(&mut app, ":source @tom<Enter>");
    assert_eq!(app.workspace.source.as_deref(), Some("tom"));
    keys(&mut app, ":source not a name<Enter>");
    assert!(app.status.as_ref().unwrap().error);
    assert_eq!(app.workspace.source.as_deref(), Some("tom"), "a bad name changes nothing");
}

#[test]
fn the_quick_route_files_straight_into_a_cell() {
    let mut app = sample();
    keys(&mut app, ":source sara<Enter>c2/msg order lead time: 3 weeks<Enter><Esc>");
    assert_eq!(app.doc.journey.cell(CellRef::new(1, 2)), "order lead time: 3 weeks @sara");
    assert!(app.doc.journey.inbox.is_empty());
    keys(&mut app, "c1/2 of them waited<Enter><Esc>");
    assert_eq!(app.doc.journey.inbox.len(), 1, "a fraction is a note, not a route");
}

#[test]
fn a_half_typed_capture_is_in_the_recovery_snapshot() {
    let mut app = sample();
    app.workspace.recovery = Some(crate::recovery::RecoveryTarget::new(std::path::Path::new("/r"), None, "s"));
    keys(&mut app, "chalf a no");
    assert!(app.has_unsaved() && app.is_typing());
    let (_, recovery) = app.recovery_snapshot().unwrap();
    let prompt = recovery.prompt.expect("the capture line is kept");
    assert_eq!(prompt.text, "half a no");
    assert_eq!(prompt.kind.get("kind").and_then(|k| k.as_str()), Some("capture"));
}

#[test]
fn a_quick_esc_then_a_key_in_the_capture_line_closes_it_then_runs_the_key() {
    let mut app = sample();
    keys(&mut app, "cfirst<Enter>");
    // Esc then Ctrl-s, arriving together as Alt-Ctrl-s over a slow link.
    assert_eq!(keys(&mut app, "<A-C-s>"), [Effect::Save { path: "j.toml".into(), then_quit: false, force: false }]);
    assert!(matches!(app.mode, Mode::Normal));
    // Alt-b still moves by a word in the line; it does not close it.
    keys(&mut app, "cone two<A-b>X");
    assert!(matches!(&app.mode, Mode::Line(l) if l.text() == "one Xtwo"), "{:?}", app.mode);
}

#[test]
fn prose_with_a_slash_goes_to_the_inbox_as_typed_and_the_line_says_where_enter_files() {
    let mut app = sample();
    let phase = app.doc.journey.phases()[1].name.to_lowercase();
    let prose = format!("{phase}/systems were down that week");
    keys(&mut app, &format!("c{prose}"));
    let Mode::Line(line) = &app.mode else { panic!("the capture line") };
    assert_eq!(crate::app::capture_preview(&app.doc.journey, &line.text()), "→ inbox");
    keys(&mut app, "<Enter><Esc>");
    assert_eq!(app.doc.journey.inbox.last().map(|n| n.text.as_str()), Some(prose.as_str()), "filed as typed");
    keys(&mut app, &format!("c{phase}/sys: were down that week"));
    let Mode::Line(line) = &app.mode else { panic!("the capture line") };
    let to = format!("→ {} › Systems", app.doc.journey.phases()[1].name);
    assert_eq!(crate::app::capture_preview(&app.doc.journey, &line.text()), to);
    keys(&mut app, "<Enter><Esc>");
    assert!(app.doc.journey.cell(CellRef::new(1, 4)).ends_with("were down that week"));
}

#[test]
fn a_line_marked_at_me_gets_no_source_while_one_is_set() {
    let mut app = sample();
    keys(&mut app, ":source sara<Enter>cask about the contract @me<Enter>she waited<Enter><Esc>");
    let notes: Vec<(&str, Option<&str>)> =
        app.doc.journey.inbox.iter().map(|n| (n.text.as_str(), n.source.as_deref())).collect();
    assert_eq!(notes, [("ask about the contract", None), ("she waited", Some("sara"))]);
    keys(&mut app, "c2/msg: my own guess @me<Enter><Esc>");
    assert!(
        app.doc.journey.cell(CellRef::new(1, 2)).ends_with("my own guess"),
        "{}",
        app.doc.journey.cell(CellRef::new(1, 2))
    );
}
