//! Seeing the whole journey, as key sequences: the overview, a frozen
//! phase, present mode, and the rough edges of daily use (the search status,
//! a match hidden in a cell, up and down in a wrapped cell, saving under a
//! name without extension, the command line's editing keys).

use super::tests::{keys, sample};
use super::*;
use crate::app::History;
use crate::journey::{CellRef, Change, Journey};

/// The broadband sample: six phases.
fn six() -> App {
    let text = include_str!("../../../journeys/broadband-moving-house.toml");
    let journey = crate::format::parse(text.as_bytes()).unwrap();
    let mut app = App::new(journey, Some("b.toml".into()), History::saved());
    update(&mut app, Msg::Resize(80, 24));
    app
}

fn visible(app: &App) -> Vec<usize> {
    app.layout().cols.iter().map(|c| c.phase).collect()
}

fn line_text(app: &App) -> String {
    match &app.mode {
        Mode::Line(line) => line.text(),
        _ => panic!("no command line"),
    }
}

#[test]
fn v_shows_all_six_phases_at_80_columns_and_the_cursor_moves_as_in_the_grid() {
    let mut app = six();
    assert_eq!(visible(&app), [0, 1, 2]);
    keys(&mut app, "v");
    assert_eq!(visible(&app), [0, 1, 2, 3, 4, 5]);
    assert!(app.layout().rows.iter().all(|r| r.height == 1), "one line per cell");
    keys(&mut app, "$G");
    assert_eq!(app.cursor, CellRef::new(5, 4));
    assert_eq!(visible(&app), [0, 1, 2, 3, 4, 5], "nothing scrolls");
    keys(&mut app, "ix<Esc>");
    assert!(app.doc.journey.cell(CellRef::new(5, 4)).ends_with('x'), "editing works");
    keys(&mut app, "v");
    assert_eq!(visible(&app), [3, 4, 5], "back to the grid");
}

#[test]
fn the_overview_scrolls_one_phase_when_the_narrowest_columns_do_not_fit() {
    let mut app = six();
    update(&mut app, Msg::Resize(50, 24));
    keys(&mut app, "v");
    let shown = visible(&app);
    assert!(shown.len() < 6 && shown[0] == 0, "{shown:?}");
    let last = *shown.last().unwrap();
    keys(&mut app, &"l".repeat(last + 1));
    assert_eq!(visible(&app)[0], 1, "one phase on");
}

#[test]
fn f_keeps_phase_one_beside_phase_six_and_f_again_releases_it() {
    let mut app = six();
    keys(&mut app, "F$");
    assert_eq!(visible(&app), [0, 4, 5]);
    assert_eq!(app.viewport.view.frozen, Some(0));
    keys(&mut app, "h");
    assert_eq!(visible(&app), [0, 4, 5]);
    keys(&mut app, "hh");
    assert_eq!(visible(&app), [0, 2, 3]);
    keys(&mut app, "F");
    assert_eq!(app.viewport.view.frozen, None);
    assert_eq!(visible(&app), [1, 2, 3]);
    assert!(app.status.as_ref().unwrap().text.contains("Released phase 1 Orientation"));
}

#[test]
fn a_frozen_phase_stays_frozen_when_phases_move_and_is_released_when_deleted() {
    let mut app = six();
    keys(&mut app, "lF>");
    assert_eq!(app.viewport.view.frozen, Some(2), "moved right, still frozen");
    keys(&mut app, "0BNew<Enter>");
    assert_eq!(app.viewport.view.frozen, Some(3), "a phase inserted before it");
    keys(&mut app, "uu");
    assert_eq!(app.viewport.view.frozen, Some(1), "undone twice: back in its place");
    keys(&mut app, "$F");
    assert_eq!(app.viewport.view.frozen, None, "F releases");
    keys(&mut app, "F:phase delete<Enter>y");
    assert_eq!(app.doc.journey.phase_count(), 5);
    assert_eq!(app.viewport.view.frozen, None);
}

#[test]
fn present_steps_through_phases_and_edits_nothing() {
    let mut app = six();
    keys(&mut app, ":present<Enter>");
    assert!(matches!(app.mode, Mode::Present(p) if p.phase == 0));
    keys(&mut app, "<Right>");
    assert!(matches!(app.mode, Mode::Present(p) if p.phase == 1));
    let before = app.doc.journey.clone();
    keys(&mut app, "ixdpuaoOX<Del><Enter>:<C-s>");
    update(&mut app, Msg::Paste("pasted".into()));
    assert_eq!(app.doc.journey, before, "no key edits");
    assert!(!app.is_modified());
    assert!(matches!(app.mode, Mode::Present(_)));
    keys(&mut app, " <PgDn><Left>");
    assert!(matches!(app.mode, Mode::Present(p) if p.phase == 2));
    keys(&mut app, "<End><Right>");
    assert_eq!(app.status.as_ref().unwrap().text, "The last phase");
    keys(&mut app, "<Esc>");
    assert!(matches!(app.mode, Mode::Normal));
    assert_eq!(app.cursor.phase, 5, "the cursor stays on the phase shown last");
}

#[test]
fn no_key_in_present_mode_changes_the_journey() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let mut app = six();
    let before = app.doc.journey.clone();
    let mut codes: Vec<KeyCode> = (' '..='~').map(KeyCode::Char).collect();
    codes.extend([KeyCode::Enter, KeyCode::Tab, KeyCode::Backspace, KeyCode::Delete, KeyCode::Insert]);
    codes.extend([KeyCode::Left, KeyCode::Right, KeyCode::Up, KeyCode::Down, KeyCode::PageDown, KeyCode::F(1)]);
    for mods in [KeyModifiers::NONE, KeyModifiers::CONTROL, KeyModifiers::ALT] {
        for &code in &codes {
            keys(&mut app, ":present<Enter>");
            for msg in resolve_key(&app, KeyEvent::new(code, mods)) {
                update(&mut app, msg);
            }
            assert!(matches!(app.mode, Mode::Present(_) | Mode::Normal), "{code:?} {mods:?}: {}", app.mode.name());
            keys(&mut app, "<Esc>");
        }
    }
    assert_eq!(app.doc.journey, before);
    assert!(!app.is_modified());
}

#[test]
fn present_scrolls_a_page_that_does_not_fit_before_stepping() {
    let mut app = six();
    let long: Vec<String> = (1..=40).map(|i| format!("line {i}")).collect();
    Change::SetCell { at: CellRef::new(0, 0), text: long.join("\n") }.apply(&mut app.doc.journey).unwrap();
    keys(&mut app, ":present<Enter><PgDn>");
    assert!(matches!(app.mode, Mode::Present(p) if p.phase == 0 && p.scroll > 0));
    keys(&mut app, "<PgUp>");
    assert!(matches!(app.mode, Mode::Present(p) if p.phase == 0 && p.scroll == 0));
}

#[test]
fn the_search_position_stays_until_the_cursor_leaves_the_match() {
    let mut app = six();
    keys(&mut app, "/fibre<Enter>");
    assert_eq!(app.status, None, "the key cleared the message");
    let shown = app.shown_status().unwrap();
    assert!(shown.text.starts_with("match 1 of "), "{}", shown.text);
    keys(&mut app, "j");
    assert_eq!(app.shown_status(), None);
}

/// Phase 1 with eight lines in every row, "e-invoice" on the last line of the first.
pub(super) fn tall_rows() -> App {
    let mut app = sample();
    let lines: Vec<String> = (1..=8).map(|i| format!("line {i}")).collect();
    for row in 0..5 {
        let text = if row == 0 { lines.join("\n") + " e-invoice" } else { lines.join("\n") };
        Change::SetCell { at: CellRef::new(0, row), text }.apply(&mut app.doc.journey).unwrap();
    }
    update(&mut app, Msg::Resize(80, 24));
    app
}

#[test]
fn the_cursor_row_grows_to_show_a_match_further_down_its_cell() {
    let mut app = tall_rows();
    assert_eq!(app.layout().rows[0].height, 3, "five rows of eight lines share 19 lines");
    keys(&mut app, "j/e-invoice<Enter>");
    assert_eq!(app.cursor, CellRef::new(0, 0));
    let band = app.layout().rows[0];
    assert_eq!(band.height, 8, "the row shows the match's line, the eighth");
    keys(&mut app, "<Esc>");
    assert_eq!(app.layout().rows[0].height, 3, "no search: back to its share");
}

#[test]
fn zoom_scrolls_to_the_match() {
    let mut app = sample();
    let long: Vec<String> = (1..=60).map(|i| format!("line {i}")).collect();
    Change::SetCell { at: CellRef::new(0, 0), text: long.join("\n") + "\ne-invoice" }
        .apply(&mut app.doc.journey)
        .unwrap();
    keys(&mut app, "z/e-invoice<Enter>");
    let (_, height) = app.zoom_body();
    let scroll = usize::from(app.viewport.zoom.unwrap());
    assert!((scroll..scroll + height).contains(&60), "line 61 is on screen from {scroll}");
}

#[test]
fn up_and_down_follow_the_lines_as_the_grid_wraps_them() {
    let mut app = sample();
    // 80 columns: a cell is 20 wide; its text wraps at 19.
    keys(&mut app, "iMarketing owns the website<Up>X<Esc>");
    let cell = app.doc.journey.cell(CellRef::new(0, 0));
    assert_eq!(cell, "MarketiXng owns the website", "Up went to the line above, same column");
    keys(&mut app, "i<Home><Down><Down>Y<Esc>");
    assert_eq!(app.doc.journey.cell(CellRef::new(0, 0)), "MarketiXng owns the Ywebsite");
}

#[test]
fn a_tall_cell_being_edited_scrolls_to_its_cursor() {
    let mut app = sample();
    let long: Vec<String> = (1..=40).map(|i| format!("line {i}")).collect();
    Change::SetCell { at: CellRef::new(0, 0), text: long.join("\n") }.apply(&mut app.doc.journey).unwrap();
    keys(&mut app, "a");
    let Some(editor) = app.editor() else { panic!("editing") };
    let (_, height) = app.edit_viewport().unwrap();
    // Each line is one screen line here: the first shown line is the first shown screen line.
    let first = editor.scroll.line;
    assert!(first > 0 && first + height >= 41, "scrolled to the end: {:?}", editor.scroll);
    keys(&mut app, "<PgUp><PgUp><PgUp><PgUp><PgUp><PgUp>");
    assert_eq!(app.editor().unwrap().scroll, crate::app::text::caret::Row::default());
}

#[test]
fn w_with_a_name_without_extension_adds_toml_and_says_so() {
    let mut app = sample();
    let effects = keys(&mut app, ":w sara2<Enter>");
    assert_eq!(effects, [Effect::Save { path: "sara2.toml".into(), then_quit: false, force: false }]);
    update(&mut app, Msg::Saved { path: "sara2.toml".into(), result: Ok(1), then_quit: false, recovery: None });
    assert_eq!(app.status.as_ref().unwrap().text, "Saved sara2.toml (.toml added to the name)");
    assert_eq!(
        keys(&mut app, ":w notes.txt<Enter>")[0],
        Effect::Save { path: "notes.txt".into(), then_quit: false, force: false }
    );
    let mut plain = App::new(Journey::default(), Some("journal".into()), History::saved());
    let own = keys(&mut plain, ":w journal<Enter>");
    assert_eq!(own, [Effect::Save { path: "journal".into(), then_quit: false, force: false }], "its own file");
    assert_eq!(
        keys(&mut plain, ":w! other<Enter>")[0],
        Effect::Save { path: "other.toml".into(), then_quit: false, force: true }
    );
}

#[test]
fn the_command_line_has_shell_editing_keys() {
    let mut app = sample();
    keys(&mut app, ":phase add New one<C-a>X<C-e>Y");
    assert_eq!(line_text(&app), "Xphase add New oneY");
    keys(&mut app, "<A-b><A-b>Z");
    assert_eq!(line_text(&app), "Xphase add ZNew oneY");
    keys(&mut app, "<C-k>");
    assert_eq!(line_text(&app), "Xphase add Z");
    keys(&mut app, "<A-b><A-b><A-f>_");
    assert_eq!(line_text(&app), "Xphase add_ Z");
    keys(&mut app, "<C-u>");
    assert_eq!(line_text(&app), " Z");
    keys(&mut app, "<C-e><C-w>");
    assert_eq!(line_text(&app), " ");
}
