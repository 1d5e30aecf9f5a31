//! `:only @NAME` as key sequences: the view filters what it shows, the
//! journey keeps every line, and nothing that replaces a cell drops the
//! lines the view hides.

use super::tests::{keys, sample};
use super::*;
use crate::journey::{CellRef, Change};

const CELL: &str = "! waited 25 minutes @sara\n! got an SMS on the day @omar\nask about solar";

fn with_cell() -> (App, CellRef) {
    let mut app = sample();
    let at = app.cursor;
    app.change(Change::SetCell { at, text: CELL.into() });
    (app, at)
}

#[test]
fn only_shows_that_source_and_unsourced_lines_and_only_alone_clears() {
    let (mut app, at) = with_cell();
    keys(&mut app, ":only @Omar<Enter>");
    assert_eq!(app.only_source(), Some("omar"));
    assert_eq!(app.shown().cell(at), "! got an SMS on the day @omar\nask about solar");
    assert_eq!(app.doc.journey.cell(at), CELL, "the journey keeps every line");
    keys(&mut app, ":only<Enter>");
    assert_eq!(app.only_source(), None);
    assert_eq!(app.shown().cell(at), CELL);
}

#[test]
fn a_bad_name_is_refused_and_the_view_stays() {
    let (mut app, _) = with_cell();
    keys(&mut app, ":only @omar<Enter>:only a b<Enter>");
    assert_eq!(app.only_source(), Some("omar"));
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains(":only needs a source name")));
}

#[test]
fn the_view_follows_changes_and_undo() {
    let (mut app, at) = with_cell();
    keys(&mut app, ":only omar<Enter>:source sara<Enter>ayes they did<Esc>");
    assert!(app.doc.journey.cell(at).ends_with("yes they did @sara"));
    assert!(!app.shown().cell(at).contains("yes they did"), "Sara's new line is hidden");
    keys(&mut app, ":source omar<Enter>ayes they did<Esc>");
    assert!(app.shown().cell(at).ends_with("yes they did @omar"));
    keys(&mut app, "u");
    assert!(!app.shown().cell(at).contains("yes they did"));
}

#[test]
fn editing_shows_the_whole_cell_and_keeps_the_hidden_lines() {
    let (mut app, at) = with_cell();
    keys(&mut app, ":only omar<Enter>a");
    assert!(app.editor().is_some_and(|e| e.text().starts_with(CELL)), "the whole cell while editing");
    assert!(app.status.as_ref().is_some_and(|s| s.text.contains("Editing the whole cell")));
    keys(&mut app, "more<Esc>");
    assert_eq!(app.doc.journey.cell(at), format!("{CELL}\nmore"));
}

#[test]
fn clear_cut_and_paste_are_refused_over_hidden_lines() {
    let (mut app, at) = with_cell();
    keys(&mut app, "y:only omar<Enter>");
    for key in ["x", "d", "p"] {
        keys(&mut app, key);
        assert_eq!(app.doc.journey.cell(at), CELL, "{key} kept the hidden lines");
        assert!(app.status.as_ref().is_some_and(|s| s.text.contains("hides")), "{key} said why");
    }
    keys(&mut app, ":only<Enter>x");
    assert_eq!(app.doc.journey.cell(at), "", "without :only, x clears");
}

#[test]
fn the_insights_list_has_only_that_sources_insights() {
    let (mut app, _) = with_cell();
    keys(&mut app, ":only omar<Enter>L");
    let Mode::List(list) = &app.mode else { panic!("the list is open") };
    let crate::app::lists::ListKind::Insights(items) = &list.kind else { panic!("the insights") };
    let texts: Vec<&str> = items.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["got an SMS on the day"], "Sara's pain is not in Omar's list");
}
